"""The lexicons: plain TSV files in ``ledger/lexicon/`` that an analyst can read and
extend. Each entry is normalised with the same function as article text, so the
files are written in ordinary Arabic spelling."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib.resources import files
from pathlib import Path

from .normalize import normalize_word

# فاعل nouns (عامل، قائد، طالب) have a sound plural beside the broken one (عاملين)
_PARTICIPLE = re.compile("^.ا..$")
# Clitic prefixes that attach to a number word: conjunction, then preposition.
CONJUNCTIONS = ("", "و", "ف")
# the classes of counted nouns that are people (not "group": companies, parties, cells)
PEOPLE_CLASSES = frozenset({"person", "civilian"})
PREPOSITIONS = ("", "ب", "ل", "ك")


class LexiconError(ValueError):
    """A lexicon folder or file that cannot be used."""


def lexicon_dir() -> Path:
    """Folder holding the TSV lexicons (``FACTLEDGER_LEXICON`` overrides it)."""
    override = os.environ.get("FACTLEDGER_LEXICON")
    return Path(override) if override else Path(str(files("ledger") / "lexicon"))


def read_tsv(name: str) -> Iterator[list[str]]:
    """Rows of a lexicon file, skipping comments and blank lines. A missing file (a
    ``FACTLEDGER_LEXICON`` folder that lacks it) raises ``LexiconError`` naming it."""
    path = lexicon_dir() / name
    if not path.is_file():
        raise LexiconError(f"{path}: lexicon file missing (check FACTLEDGER_LEXICON)")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield [cell.strip() for cell in line.split("\t")]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as a tuple of normalised tokens (``ما يقارب`` -> ('ما', 'يقارب'))."""
    return tuple(normalize_word(phrase).split())


def with_clitics(word: str, article: bool = True) -> Iterator[tuple[str, int, bool]]:
    """Every clitic form of ``word``: (surface, clitic length, has article).

    The clitic length counts و ف ب ل ك only; the article ال belongs to the word.
    """
    for conj in CONJUNCTIONS:
        for prep in PREPOSITIONS:
            prefix = conj + prep
            yield prefix + word, len(prefix), False
            if article:
                if prep == "ل":
                    # ل + ال is written لل
                    yield conj + "لل" + word, len(conj) + 1, True
                else:
                    yield prefix + "ال" + word, len(prefix), True


def strip_clitics(word: str) -> list[tuple[int, str]]:
    """Possible (clitic length, base) readings of ``word``, the word itself first."""
    out = [(0, word)]
    rest, n = word, 0
    if len(rest) > 2 and rest[0] in "وف":
        rest, n = rest[1:], 1
        out.append((n, rest))
    if len(rest) > 2 and rest[0] in "بلك":
        if rest.startswith("لل") and len(rest) > 3:
            out.append((n + 1, "ال" + rest[2:]))
        out.append((n + 1, rest[1:]))
    return out


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One surface form of a number word."""

    base: str
    value: Fraction
    cls: str
    clitic_len: int
    article: bool


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    kind: str
    count: int | None
    scale: int = 1  # an abbreviation holding a scale word: م د is a million dinars


@dataclass(frozen=True, slots=True)
class Label:
    """A noun after which a number names or ranks, not counts (``labels.tsv``)."""

    kind: str
    reach: int
    meaning: str
    names_counted: bool = False  # فئة 500 ريال: a unit or noun after is part of the name


@dataclass(frozen=True, slots=True)
class Entity:
    lemma: str
    gloss: str
    cls: str


class Lexicon:
    """All lexicons, loaded and normalised once per process."""

    def __init__(self) -> None:
        self.number_words: dict[str, NumberWord] = {}
        for form, value, cls in read_tsv("numbers.tsv"):
            base = normalize_word(form)
            for surface, clen, art in with_clitics(base):
                self.number_words.setdefault(
                    surface, NumberWord(base, Fraction(value), cls, clen, art)
                )
        self.homographs = {normalize_word(form) for form, _ in read_tsv("homographs.tsv")}
        for form in self.homographs:
            self.number_words.pop(form, None)
        # Phrase tables map a token tuple to (payload, clitic length of first token).
        self.vague: dict[tuple[str, ...], tuple[tuple[int, int], int]] = {}
        for phrase, low, high in read_tsv("vague.tsv"):
            _add_phrase(self.vague, phrase, (int(low), int(high)), article=True)
        self.qual_before: dict[tuple[str, ...], tuple[str, int]] = {}
        self.qual_after: dict[tuple[str, ...], tuple[str, int]] = {}
        self.qual_gap: dict[tuple[str, ...], tuple[str, int]] = {}
        self.qual_gap_direct: dict[tuple[str, ...], tuple[str, int]] = {}
        tables = {"before": self.qual_before, "after": self.qual_after, "gap": self.qual_gap,
                  "gap_direct": self.qual_gap_direct}  # fmt: skip
        for phrase, qualifier, position in read_tsv("qualifiers.tsv"):
            _add_phrase(tables[position], phrase, qualifier)
        self.units: dict[tuple[str, ...], Unit] = {}
        for row in read_tsv("units.tsv"):
            count = int(row[3]) if len(row) > 3 and row[3] else None
            scale = int(row[4]) if len(row) > 4 and row[4] else 1
            self.units[phrase_key(row[0]) or (row[0],)] = Unit(row[1], row[2], count, scale)
        self.months: dict[tuple[str, ...], tuple[int, int]] = {}
        self.month_calendars: dict[tuple[str, ...], tuple[str, int]] = {}
        for form, month, calendar in read_tsv("months.tsv"):
            _add_phrase(self.months, form, int(month))
            _add_phrase(self.month_calendars, form, calendar)
        self.weekdays: dict[tuple[str, ...], tuple[str, int]] = {}
        for form, day in read_tsv("weekdays.tsv"):
            _add_phrase(self.weekdays, form, day)
        self.ordinals: dict[tuple[str, ...], tuple[int, int]] = {}
        for form, value in read_tsv("ordinals.tsv"):
            _add_phrase(self.ordinals, form, int(value))
        self.phrases: dict[tuple[str, ...], tuple[str, int]] = {}
        for phrase, meaning in read_tsv("phrases.tsv"):
            _add_phrase(self.phrases, phrase, meaning)
        # Index of phrases by each of their tokens, to find one around any anchor.
        self.phrase_index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for key in self.phrases:
            for pos, token in enumerate(key):
                self.phrase_index.setdefault(token, []).append((key, pos))
        self.cues: dict[str, set[str]] = {}
        for cue, role in read_tsv("cues.tsv"):
            self.cues.setdefault(role, set()).add(normalize_word(cue))
        self.entities: dict[str, Entity] = {}
        for form, lemma, gloss, cls in read_tsv("entities.tsv"):
            self.entities[normalize_word(form)] = Entity(lemma, gloss, cls)
        # a mention stores its counted noun's lemma (فريق for "4 فرق"), which the forms
        # above may not list: its class is found here
        self.lemmas: dict[str, Entity] = {}
        for entry in self.entities.values():
            self.lemmas.setdefault(normalize_word(entry.lemma), entry)
        self.events: dict[str, tuple[str, bool]] = {}
        self.event_prefixes: list[tuple[str, str, bool]] = []
        for form, event, strength in read_tsv("events.tsv"):
            strong = strength == "strong"
            if form.endswith("*"):
                self.event_prefixes.append((normalize_word(form[:-1]), event, strong))
            else:
                self.events[normalize_word(form)] = (event, strong)
        self.stopwords = {normalize_word(w[0]) for w in read_tsv("stopwords.tsv")}
        self.places: dict[tuple[str, ...], str] = {}  # a place's form -> the place
        self.place_within: dict[str, str] = {}  # a place -> the place it lies within
        for form, place, *within in read_tsv("places.tsv"):
            place = normalize_word(place)
            self.places[phrase_key(form)] = place
            if within and within[0]:
                self.place_within[place] = normalize_word(within[0])
        self.duals = self._build_duals()
        self.labels: dict[str, Label] = {}
        for noun, kind, reach, meaning in read_tsv("labels.tsv"):
            label = Label(kind, int(reach.rstrip("+")), meaning, reach.endswith("+"))
            for surface, _, _ in with_clitics(normalize_word(noun), article=False):
                self.labels.setdefault(surface, label)

    def entity_of_lemma(self, lemma: str) -> Entity | None:
        """The lexicon's entry for a counted noun stored as its normalised lemma."""
        return self.entities.get(lemma) or self.lemmas.get(lemma)

    def anchor_words(self) -> set[str]:
        """Every surface word that can start or key a numeric expression."""
        words = set(self.number_words)
        for table in (self.vague, self.ordinals, self.phrases, self.months):
            words.update(key[0] for key in table)
        words.update(key[0] for key in self.weekdays)
        words.update(k[0] for k, u in self.units.items() if u.count is not None)
        words.update(self.duals)
        return words

    def _build_duals(self) -> dict[str, tuple[str, str]]:
        """Duals of counted nouns: surface -> (lemma, class if a construct form else "").

        A feminine noun's dual is unambiguous (حالة: حالتان، حالتين، حالتي وفاة); a
        masculine one's is when the lexicon knows a broken plural for it, since
        then -ين cannot be a plural (جندي/جنود: جنديين، جنديان، رجلي أمن).
        """
        broken: set[str] = set()
        for form, entry in self.entities.items():
            lemma = normalize_word(entry.lemma)
            stem = lemma[:-1] if lemma.endswith("ه") else lemma
            regular = form == lemma or any(
                form == stem + suffix for suffix in ("ون", "ين", "ات", "ي", "و", "ا", "تين")
            )
            if not regular:
                broken.add(lemma)  # جنود for جندي, هجمات for هجوم
        taken = set(self.number_words) | {k[0] for k in self.units} | set(self.entities)
        duals: dict[str, tuple[str, str]] = {}
        for entry in self.entities.values():
            lemma = normalize_word(entry.lemma)
            if len(lemma) < 3 or " " in lemma:
                continue
            if lemma.endswith("ه"):
                stem, forms = lemma[:-1] + "ت", (("ان", False), ("ين", False), ("ي", True))
            elif lemma in broken and not _PARTICIPLE.fullmatch(lemma):
                forms = (("ان", False), ("ين", False))
                if entry.cls in ("person", "civilian"):
                    forms += (("ي", True),)  # رجلي أمن
                stem = lemma
            else:  # -ين may be a sound plural (عاملين); -ان is a dual whatever the plural
                stem, forms = lemma, (("ان", False),)
            for suffix, construct in forms:
                if stem + suffix in self.homographs:
                    continue
                # no article: "الجنديين" refers back to two already counted
                for surface, _, _ in with_clitics(stem + suffix, article=False):
                    if surface not in taken and surface not in self.homographs:
                        duals.setdefault(surface, (entry.lemma, entry.cls if construct else ""))
        return duals


def _add_phrase(table: dict, phrase: str, payload: object, article: bool = False) -> None:
    """Add ``phrase`` to ``table`` under every clitic form of its first token."""
    key = phrase_key(phrase)
    for first, clitic_len, _ in with_clitics(key[0], article=article):
        table.setdefault((first, *key[1:]), (payload, clitic_len))


@cache
def lexicon() -> Lexicon:
    """The process-wide lexicon."""
    return Lexicon()
