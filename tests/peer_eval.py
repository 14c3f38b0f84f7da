"""Run fact-ledger's extractor over the peer test suites and score it.

Usage: ``python tests/peer_eval.py`` prints a table of pass rates per suite.
The suites (``tests/peers/*.jsonl``) were written by other projects; see
``tests/peers/README.md`` for their origin, licence and format.

Each case is *applicable* unless one of the documented ``EXCLUSIONS`` says why it
does not apply to news text; pass rates are reported over applicable cases.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from ledger.extract import extract_mentions
from ledger.model import Mention

PEERS = Path(__file__).resolve().parent / "peers"

# (suite, test on the case, reason); first match wins.
EXCLUSIONS: list[tuple[str, str, object, str]] = []


def exclude(suite: str, name: str, reason: str):
    def register(fn):
        EXCLUSIONS.append((suite, name, fn, reason))
        return fn

    return register


@exclude("duckling", "time", "relative dates and clock times (اليوم، غدا) resolved against a "
         "reference clock: fact-ledger labels explicit dates and times but does not resolve them")  # fmt: skip
def _d_time(case):
    return case["dim"] == "time"


@exclude("duckling", "imperial", "imperial and kitchen units (ounce, cup, inch, foot, yard) "
         "that Arabic news does not use")  # fmt: skip
def _d_imperial(case):
    return case["expected"].get("unit") in ("ounce", "cup", "inch", "foot", "yard")


@exclude("duckling", "bare unit", "a bare unit word (ثانية، لحظة، دقيقة) read as one unit; in "
         "news a unit without a number is not a figure")  # fmt: skip
def _d_bare_unit(case):
    return case["dim"] in ("duration", "amount_of_money", "quantity", "distance") and not re.search(
        r"[0-9٠-٩]|واحد|اثن|ثلاث|اربع|أربع|خمس|ست|سبع|ثمان|تسع|عشر|مئ|مائ|ألف|الف|مليون|نصف|ربع|ان$|ين$|تان$|تين$",
        case["input"],
    )


@exclude("recognizers", "relative ordinal", "relative ordinals (التالي، الاخر، السابق) are "
         "positions, not numbers")  # fmt: skip
def _r_relative(case):
    return any(e["type"] == "ordinal.relative" for e in case["expected"])


@exclude("recognizers", "math notation", "mathematical notation (exponents, e-notation, "
         "slash fractions, arithmetic on fraction words such as خمس العشرون) that news figures "
         "do not use")  # fmt: skip
def _r_math(case):
    text = case["input"]
    if re.search(r"[\^]|[0-9٠-٩][eE][0-9٠-٩+-]|[0-9٠-٩]\s*/\s*[0-9٠-٩]", text):
        return True
    # "a fifth of the twenty", "one part in a hundred": arithmetic on fractions
    return bool(re.search(r"جزء من|خمس (ال|من)|ون خمس|مائة خمس|واحد من (مائة|تريليون)", text))


@exclude("recognizers", "dozen", "دزينة / دستة (dozen) is not used for counts in Arabic news")
def _r_dozen(case):
    return "دزين" in case["input"] or "دست" in case["input"]


@exclude("recognizers", "ip / phone", "IP addresses and phone numbers are identifiers, not figures")
def _r_ident(case):
    return "الهاتف" in case["input"] or "اي بي" in case["input"] or "الأي بي" in case["input"]


@dataclass
class Outcome:
    suite: str
    group: str
    applicable: bool
    passed: bool
    reason: str = ""


def _claims(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.is_claim]


def _num(text: str) -> Fraction:
    return Fraction(text.replace(",", ""))


def same(a: Fraction | None, b: Fraction | None) -> bool:
    """Equal values; a peer's 15-digit rendering of 2/3 counts as 2/3."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= Fraction(1, 10**9) * max(1, abs(b))


UNIT_SCALE = {
    "g": ("gram", 1), "kg": ("gram", 1000), "mg": ("gram", Fraction(1, 1000)),
    "t": ("gram", 10**6), "m": ("metre", 1), "km": ("metre", 1000),
    "cm": ("metre", Fraction(1, 100)), "mm": ("metre", Fraction(1, 1000)),
    "mile": ("mile", 1), "second": ("second", 1), "minute": ("minute", 1),
    "hour": ("hour", 1), "day": ("day", 1), "week": ("week", 1), "month": ("month", 1),
    "year": ("year", 1),
}  # fmt: skip
PEER_UNITS = {
    "gram": ("gram", 1), "kilometre": ("metre", 1000), "metre": ("metre", 1),
    "centimetre": ("metre", Fraction(1, 100)), "millimetre": ("metre", Fraction(1, 1000)),
    "mile": ("mile", 1),
}  # fmt: skip
CURRENCIES = {"Dinar": "dinar", "Pound": "EGP"}


def _duckling(case: dict, mentions: list[Mention]) -> bool:
    exp = case["expected"]
    dim = case["dim"]
    if dim == "time":
        return any(m.kind in ("date", "time", "weekday", "year") for m in mentions)
    value = Fraction(str(exp["value"]))
    if dim == "ordinal":
        return any(m.kind == "ordinal" and m.label == str(exp["value"]) for m in mentions)
    claims = _claims(mentions)
    if dim == "numeral":
        return any(m.value == value for m in claims)
    if dim in ("quantity", "distance"):
        base, scale = PEER_UNITS.get(exp["unit"], (exp["unit"], 1))
        for m in claims:
            if m.unit in UNIT_SCALE and m.value is not None:
                mb, ms = UNIT_SCALE[m.unit]
                if mb == base and m.value * ms == value * scale:
                    return True
        return False
    if dim == "duration":
        return any(
            m.kind == "duration" and m.unit == exp["unit"] and m.value == value for m in claims
        )
    if dim == "amount_of_money":
        unit = CURRENCIES.get(exp["unit"], exp["unit"])
        return any(m.kind == "money" and m.unit == unit and m.value == value for m in claims)
    return False


_INTERVAL = re.compile(r"^([\[(])\s*([^,]*),\s*([^\])]*)([\])])$")


def _interval_of(m: Mention) -> tuple[Fraction | None, Fraction | None] | None:
    q = m.qualifier
    if q == "range":
        return m.low, m.high
    if q in ("more_than", "at_least"):
        return m.value, None
    if q in ("less_than", "at_most"):
        return None, m.value
    if q == "exact":
        return m.value, m.value
    return None


def _recognizers(case: dict, mentions: list[Mention]) -> bool:
    model = case["model"]
    expected = case["expected"]
    claims = _claims(mentions)
    if not expected:
        if model == "OrdinalModel":
            return not any(m.kind == "ordinal" for m in mentions)
        if model == "NumberRangeModel":
            return not any(m.qualifier in ("range", "more_than", "less_than", "at_least",
                                           "at_most") for m in claims)  # fmt: skip
        return not claims
    for exp in expected:
        s, e = exp["start"], exp["end"] + 1
        if s < 0:  # the peer left the span out: find its text
            s = case["input"].find(exp["text"])
            e = s + len(exp["text"])
        value = str(exp.get("resolution", {}).get("value", ""))
        near = [m for m in mentions if m.start < e and s < m.end]
        if model == "OrdinalModel":
            ok = any(m.kind == "ordinal" and (case.get("ignore_resolution") or m.label == value)
                     for m in near)  # fmt: skip
        elif model == "PercentModel":
            want = value.rstrip("%")
            ok = any(m.kind == "percent" and (case.get("ignore_resolution") or (
                same(m.value, _num(want)))) for m in near)  # fmt: skip
        elif model == "NumberRangeModel":
            match = _INTERVAL.match(value)
            ok = False
            for m in near:
                iv = _interval_of(m)
                if iv is None or match is None:
                    continue
                lo = _num(match.group(2)) if match.group(2).strip() else None
                hi = _num(match.group(3)) if match.group(3).strip() else None
                if iv == (lo, hi):
                    ok = True
        else:
            ok = any(m.is_claim and (case.get("ignore_resolution") or (
                same(m.value, _num(value)))) for m in near)  # fmt: skip
        if not ok:
            return False
    return True


def _generic(case: dict, mentions: list[Mention]) -> bool:
    """maha, nemo, n2words: every expected value found among the mentions."""
    expected = case["expected"]
    claims = _claims(mentions)
    if not expected:
        return not claims
    for exp in expected:
        if exp.get("value") is None:
            return False
        value = Fraction(str(exp["value"]))
        kind = exp.get("kind", "")
        if "ordinal" in kind:
            if not any(m.kind == "ordinal" and m.label == str(exp["value"]) for m in mentions):
                return False
        elif not any(same(m.value, value) for m in claims):
            return False
    return True


def evaluate(suite_file: str) -> list[Outcome]:
    """Score every case of one suite file."""
    outcomes = []
    for line in (PEERS / suite_file).read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        source = case["source"]
        suite = "duckling" if source == "duckling" else (
            "recognizers" if source == "recognizers-text" else source)  # fmt: skip
        group = case.get("dim") or case.get("model") or case.get("suite") or suite
        reason = next((r for s, _, fn, r in EXCLUSIONS if s == suite and fn(case)), "")
        mentions = extract_mentions(case["input"])
        if suite == "duckling":
            passed = _duckling(case, mentions)
        elif suite == "recognizers":
            passed = _recognizers(case, mentions)
        else:
            passed = _generic(case, mentions)
        outcomes.append(Outcome(suite, group, not reason, passed, reason))
    return outcomes


def rates(outcomes: list[Outcome]) -> dict[str, tuple[int, int, int]]:
    """Per group: (passed applicable, applicable, total)."""
    table: dict[str, list[int]] = {}
    for o in outcomes:
        row = table.setdefault(o.group, [0, 0, 0])
        row[2] += 1
        if o.applicable:
            row[1] += 1
            row[0] += int(o.passed)
    return {k: tuple(v) for k, v in table.items()}


SUITES = ("duckling_ar.jsonl", "recognizers_ar.jsonl", "maha.jsonl",
          "nemo_text_processing.jsonl", "n2words.jsonl")  # fmt: skip


def main() -> None:
    for suite in SUITES:
        outcomes = evaluate(suite)
        print(f"\n{suite}")
        total = [0, 0, 0]
        for group, (passed, applicable, n) in sorted(rates(outcomes).items()):
            pct = f"{100 * passed / applicable:5.1f}%" if applicable else "   n/a"
            print(
                f"  {group:24s} {passed:4d}/{applicable:<4d} {pct}   ({n - applicable} not applicable)"
            )
            total = [total[0] + passed, total[1] + applicable, total[2] + n]
        print(
            f"  {'all':24s} {total[0]:4d}/{total[1]:<4d} {100 * total[0] / max(1, total[1]):5.1f}%"
        )
        reasons = Counter(o.reason for o in outcomes if o.reason)
        for reason, n in reasons.items():
            print(f"    not applicable ({n}): {reason}")


if __name__ == "__main__":
    main()
