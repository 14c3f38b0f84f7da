"""What a number counts and what happened: the counted entity and the event.

Both come from the words around the number in its sentence. The sentence is
tokenised like the text itself (``tokens``); clause boundaries (، ؛ :)
matter, because a cue in the number's own clause beats a nearer one across a comma.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tokens import Tok, tokenize

if TYPE_CHECKING:
    from .extract import Draft, Extractor

CONTEXT_CHARS = 300
CONTEXT_TOKENS = 30
CLAUSE_MARKS = frozenset("،,؛;:()")
NOT_ENTITY_KINDS = ("money", "measure", "duration")
FALLBACK_CLASSES = ("person", "group")
NO_EVENT_KINDS = ("duration",)


def _words(text: str, start: int, end: int) -> list[str]:
    """Word, number and punctuation tokens of ``text[start:end]``."""
    return [t.text for t in tokenize(text, start, end) if t.kind != "nl"]


class Context:
    """The sentence around one claim, tokenised lazily."""

    def __init__(
        self, ex: Extractor, toks: list[Tok], draft: Draft, s_start: int, s_end: int
    ) -> None:
        self.ex = ex
        self.toks = toks
        self.draft = draft
        self.s_start = s_start
        self.s_end = s_end
        self._before: list[str] | None = None
        self._after: list[str] | None = None

    @property
    def before(self) -> list[str]:
        """Sentence tokens before the mention, nearest first."""
        if self._before is None:
            lo = max(self.s_start, self.draft.start - CONTEXT_CHARS)
            words = _words(self.ex.norm, lo, self.draft.start)
            self._before = words[::-1][:CONTEXT_TOKENS]
        return self._before

    @property
    def after(self) -> list[str]:
        """Sentence tokens after the mention, nearest first."""
        if self._after is None:
            hi = min(self.s_end, self.draft.end + CONTEXT_CHARS)
            self._after = _words(self.ex.norm, self.draft.end, hi)[:CONTEXT_TOKENS]
        return self._after

    def entity(self) -> str | None:
        """The counted noun, as a lemma: the noun after the number, else one before."""
        draft = self.draft
        if draft.kind in NOT_ENTITY_KINDS:
            return None
        ex = self.ex
        after = self.after
        j = 0
        if j < len(after) and after[j] == "من":
            j += 1
        if j < len(after):
            word = after[j]
            if word not in ex.lex.stopwords and (word,) not in ex.lex.units:
                lemma = ex.entity_lemma(word)
                if lemma is not None:
                    return lemma
        if draft.kind == "percent":
            return None
        # "نحو 2000" with no noun after: the nearest person or group named in the
        # sentence, before the number first
        for words in (self.before, self.after[j:]):
            for word in words:
                hit = ex.known_entity(word)
                if hit is not None and hit.cls in FALLBACK_CLASSES:
                    return hit.lemma
        return None

    def event(self) -> str | None:
        """The nearest event cue: strong then weak cues in the number's clause, then in
        the rest of its sentence (counts only; a measure looks in its clause alone)."""
        if self.draft.kind in NO_EVENT_KINDS:
            return None
        clause_only = self.draft.kind != "count"
        copulas = self.ex.lex.cues.get("copula", set())
        # "... يبلغ نحو 2000": the number is what the words before it amount to
        before_only = any(w in copulas for w in self.before[:3])
        sides = ((0, self.before),) if before_only else ((0, self.before), (1, self.after))
        best: tuple | None = None
        for side, words in sides:
            clause = True
            for dist, word in enumerate(words):
                if word in CLAUSE_MARKS:
                    clause = False
                    if clause_only:
                        break
                    continue
                hit = self.ex.event_of(word)
                if hit is None:
                    continue
                event, strong = hit
                # strong cues (verbs, verbal nouns) beat weak ones (participles that
                # describe the counted thing); Arabic puts the predicate first, so a cue
                # before the number beats one after it (استشهد 10 وثلاثة وأصيب تسعة);
                # then the number's own clause, then the nearest
                key = (0 if strong else 1, side, 0 if clause else 1, dist, event)
                if best is None or key < best:
                    best = key
                break_after = strong and clause
                if break_after:
                    break
        return best[-1] if best else None
