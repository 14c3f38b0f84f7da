"""The mention record: one numeric expression found in an article."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from fractions import Fraction

CLAIM_KINDS = ("count", "percent", "fraction", "measure", "money", "duration")
NON_CLAIM_KINDS = (
    "date", "year", "time", "ordinal", "weekday", "phrase", "name", "score", "reference",
    "list", "phone", "code",
)  # fmt: skip
QUALIFIERS = (
    "exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague",
)  # fmt: skip


def format_value(value: Fraction | None) -> str:
    """Exact text of a value: ``9000``, ``2.5``, ``0.333333`` (thirds to 6 places)."""
    if value is None:
        return ""
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den == 1:  # a terminating decimal: print it exactly
        text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    else:
        text = format(Decimal(value.numerator) / Decimal(value.denominator), ".6f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_to_json(value: Fraction | None) -> int | float | None:
    """A value as a JSON number (an int whenever it is a whole number)."""
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    return float(format_value(value))


@dataclass(slots=True)
class Mention:
    """One numeric expression: its exact span in the article and what it says."""

    start: int
    end: int
    text: str
    kind: str
    is_claim: bool
    qualifier: str | None = None
    value: Fraction | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    unit: str | None = None
    entity: str | None = None
    event: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    label: str | None = None  # what a non-claim is (weekday name, idiom meaning, ...)
    field: str = "text"  # which of the article's fields the offsets point into: text, title

    def to_json(self) -> dict:
        """A JSON-ready dict with exact numbers."""
        data = asdict(self)
        for key in ("value", "low", "high"):
            data[key] = value_to_json(getattr(self, key))
        return data
