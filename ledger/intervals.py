"""The interval model: what values a stated figure allows, and how far apart two are.

Tolerances live in ``tolerances.toml`` beside this module; a user file overrides any
of them (``FACTLEDGER_TOLERANCES`` or ``load_tolerances(path)``).
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .defaults import TOLERANCES_ENV
from .lexicon import lexicon
from .normalize import normalize_word

DEFAULT_FILE = Path(__file__).with_name("tolerances.toml")


@dataclass(frozen=True)
class Tolerances:
    approx_relative: float = 0.15
    approx_absolute: float = 1.0
    approx_digit_units: float = 1.0
    exact_relative: float = 0.0
    step_factor: float = 1.0
    severity_medium: float = 0.2
    severity_high: float = 0.5


def _merge(base: dict, extra: dict) -> dict:
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for key, value in extra.items():
        if isinstance(value, dict):
            out.setdefault(key, {}).update(value)
        else:
            out[key] = value
    return out


def load_tolerances(path: str | os.PathLike | None = None) -> Tolerances:
    """Tolerances from the defaults file, overridden by ``path`` (or the env variable)."""
    data = tomllib.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
    override = path or os.environ.get(TOLERANCES_ENV)
    if override:
        try:
            data = _merge(data, tomllib.loads(Path(override).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"{override}: cannot read tolerances ({exc})") from exc

    def number(section: str, key: str) -> float:
        try:
            value = float(data[section][key])
        except (KeyError, TypeError, ValueError):
            found = data.get(section)
            shown = found.get(key) if isinstance(found, dict) else found
            raise ValueError(
                f"{override or DEFAULT_FILE}: [{section}] {key} must be a number (found {shown!r})"
            ) from None
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{override or DEFAULT_FILE}: [{section}] {key} must be 0 or more")
        return value

    return Tolerances(
        approx_relative=number("approx", "relative"),
        approx_absolute=number("approx", "absolute"),
        approx_digit_units=number("approx", "digit_units"),
        exact_relative=number("exact", "relative"),
        step_factor=number("bounds", "step_factor"),
        severity_medium=number("severity", "medium"),
        severity_high=number("severity", "high"),
    )


@cache
def default_tolerances() -> Tolerances:
    return load_tolerances()


def leading_step(x: float) -> float:
    """Magnitude of the leading digit: 1000 for 9000 and 4500, 10 for 20, 1 for 5."""
    x = abs(x)
    if x < 1:
        return 0.1 if x else 1.0
    return 10.0 ** math.floor(math.log10(x))


@dataclass(frozen=True)
class Interval:
    """Plausible true values of one mention; open ends are exclusive."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, x: float) -> bool:
        above = x > self.low if self.low_open else x >= self.low
        below = x < self.high if self.high_open else x <= self.high
        return above and below


def interval_of(
    qualifier: str | None,
    value: float | None,
    low: float | None,
    high: float | None,
    tol: Tolerances | None = None,
    headline: bool = False,
    whole: bool = False,
) -> Interval | None:
    """The interval a mention allows, or None if it states no number. A ``headline``'s
    whole number may be a figure rounded to tens (150 dead for 151) or, unless it counts
    ``whole`` things (``counts_whole_things``), cut short (76 points for 76.75):
    ``headline_interval``."""
    tol = tol or default_tolerances()
    if headline:
        said = interval_of(qualifier, value, low, high, tol)
        return headline_interval(said, qualifier, value, whole)
    if qualifier in ("range", "vague"):
        if low is None or high is None:
            return None
        return Interval(float(low), float(high))
    if value is None:
        return None
    x = float(value)
    step = leading_step(x) * tol.step_factor
    if qualifier == "approx":
        d = max(abs(x) * tol.approx_relative, tol.approx_absolute)
        if tol.approx_digit_units:  # "نحو 390" is said to tens: about 390, not about 400
            unit = significant_place(x)
            if x.is_integer() and round(abs(x) / unit) % 10 == 5:
                unit *= 5  # "نحو 25"، "نحو 150": rounded to fives (not "حوالي 16.65")
            d = min(d, unit * tol.approx_digit_units)
        return Interval(x - d, x + d)
    # "more than 500" and "500" in two reports are one figure said two ways (the round
    # number is where both start): the bound itself is allowed, as for "at least"
    if qualifier in ("more_than", "at_least"):
        return Interval(x, x + step)
    if qualifier in ("less_than", "at_most"):
        return Interval(x - step, x)
    rounded = rounding(x)
    if rounded and x > 0 and rounded >= abs(x) * tol.exact_relative:
        # 112 ألف may be 112,686 cut short as well as 111,600 rounded up
        return Interval(x - rounded, x + 2 * rounded, high_open=True)
    d = max(abs(x) * tol.exact_relative, rounded)
    if d:
        return Interval(x - d, x + d)
    # a number is said to its last digit: a headline's 21 points may be the text's 21.29,
    # and 4.4% the 4.43% of another report; 13 and 14, 0.5% and 0.6% stay apart (a hair
    # under half a unit, so neighbours never touch, whatever floating point does)
    half = last_place(x) * HALF_PLACE
    return Interval(x - half, x + half)


HALF_PLACE = 0.4999  # of the last stated digit's unit, either way
HEADLINE_TENS = 100  # a headline's whole ten from this up may be a figure rounded to tens


POINTS = ("نقطة", "نقطه")  # index points: a count of what comes in fractions


def counts_whole_things(kind: str | None, entity: str | None) -> bool:
    """Does a number count things that come whole (people, cars), so that no headline
    cut a fraction off it? Index points, prices and shares do come in fractions."""
    return kind == "count" and entity is not None and entity not in POINTS


def comes_in_fractions(kind: str | None, entity: str | None) -> bool:
    """Is a number known to be of what comes in fractions (money, a measure, index
    points), so that a whole number of it may be a figure with its fraction cut off?
    An unknown counted noun is no such evidence."""
    return kind in ("money", "measure") or (kind == "count" and entity in POINTS)


def headline_interval(
    said: Interval | None, qualifier: str | None, value, whole: bool = False
) -> Interval | None:
    """What a headline's stated whole number ``x`` allows: headlines round figures and
    cut them short, so from ``HEADLINE_TENS`` up a whole ten also allows ``[x - 5, x + 9.5)``
    (151 dead under a headline's 150), and a number of what comes in fractions also
    ``[x, x + 1)`` (the text's 76.75 points under a headline's 76; its neighbour 77 then
    no longer stands against it)."""
    if said is None or qualifier not in (None, "exact") or value is None:
        return said
    x = float(value)
    if not x.is_integer() or x <= 0:
        return said
    if x >= HEADLINE_TENS and x % 10 == 0:
        low, high = x - 5, x + 9.5
    elif not whole:
        low, high = said.low, x + 1  # open: x + 1 itself is another number
    else:
        return said
    low = min(low, said.low)
    if said.high >= high:
        return Interval(low, said.high, high_open=said.high_open)
    return Interval(low, high, high_open=True)


_DECIMAL_WORD = re.compile(r"(\d+)([.,\u066b])(\d+)[»\"”’')\]]*\s*(\S+)?")  # «6.9» مليون


def said_precision(text: str) -> float | None:
    """The unit of the last digit a number was said to when its value hides it: "108.16
    ألف" is said to tens (108,160 stored), "5.09 مليار" to ten millions (the lexicon's
    scale words), "1092.30" to hundredths (1092.3 stored); None otherwise (and for
    "1,540", whose comma may group thousands). Most numbers have no decimal mark: they
    are answered without normalising."""
    m = _DECIMAL_WORD.search(text)
    if m is None:
        return None
    decimals = len(m.group(3))
    scale = lexicon().number_words.get(normalize_word(m.group(4) or ""))
    if scale is not None and scale.cls == "scale" and not scale.clitic_len:
        return 10.0**-decimals * float(scale.value)
    if m.group(2) != "," and decimals <= 2 and m.group(3).endswith("0"):
        return 10.0**-decimals
    return None


def widened(
    iv: Interval | None, value, qualifier: str | None, unit: float | None
) -> Interval | None:
    """An exact figure's interval widened to what its said ``unit`` allows: the figure
    rounded (half a unit below) or cut short (a unit above): "108.16 ألف" allows
    108,159 and 108,164."""
    if iv is None or unit is None or value is None or qualifier not in ("exact", None):
        return iv
    x = float(value)
    if x <= 0:
        return iv  # a negative figure cut short moves toward zero: not read so
    return Interval(min(iv.low, x - unit / 2), max(iv.high, x + unit),
                    iv.low_open, iv.high_open or x + unit > iv.high)  # fmt: skip


def last_place(x: float) -> float:
    """The unit of a number's last stated digit: 1 for 21, 0.01 for 21.29 (as the
    shortest decimal writes it)."""
    text = repr(float(x))
    if "e" in text or "." not in text or text.endswith(".0"):
        return 1.0
    return 10.0 ** -len(text.split(".")[1])


def significant_place(x: float) -> float:
    """The unit of a number's last significant digit: 10 for 390, 100 for 400, 1 for 17,
    0.1 for 3.5."""
    if x and float(x).is_integer():
        n, unit = abs(int(x)), 1.0
        while n and n % 10 == 0:
            n, unit = n // 10, unit * 10
        return unit
    return last_place(x)


ROUND_PLACE = 1000  # a whole number ending in three zeros or more was rounded


def rounding(x: float) -> float:
    """Half the unit a round figure was rounded to: 22,000 may be 21,600 said roughly
    (±500), 400,000 may be 360,000 (±50,000); 30, 150 or 9,450 are taken as said. (Figures
    are also cut short: ``interval_of`` allows 22,790 and 439,491 too.)"""
    if not float(x).is_integer() or abs(x) < ROUND_PLACE:
        return 0.0
    n, unit = int(abs(x)), 1
    while n % (unit * 10) == 0:
        unit *= 10
    return unit / 2 if unit >= ROUND_PLACE else 0.0


def disjoint(a: Interval, b: Interval) -> bool:
    """True when no value lies in both intervals."""
    if a.high < b.low or b.high < a.low:
        return True
    if a.high == b.low:
        return a.high_open or b.low_open
    if b.high == a.low:
        return b.high_open or a.low_open
    return False


def representative(qualifier: str | None, value, low, high) -> float | None:
    """One number standing for a mention, for measuring distances: the stated value,
    or the middle of a range."""
    if value is not None:
        return float(value)
    if low is not None and high is not None:
        return (float(low) + float(high)) / 2
    return None


MAX_SEVERITY = 10.0  # 1000%: beyond this two values are not one figure misreported


def apart(a: float, b: float) -> float:
    """Relative distance of two values, as a share of the smaller (33% for 9000/12000),
    never more than ``MAX_SEVERITY`` (a zero against anything is that far)."""
    small, big = sorted((abs(a), abs(b)))
    if small == 0:
        return MAX_SEVERITY if big else 0.0
    return min(MAX_SEVERITY, (big - small) / small)


def severity_label(share: float, tol: Tolerances | None = None) -> str:
    tol = tol or default_tolerances()
    if share >= tol.severity_high:
        return "high"
    if share >= tol.severity_medium:
        return "medium"
    return "low"


QUALIFIER_WORDS = {
    "exact": "",
    "approx": "about ",
    "more_than": "more than ",
    "less_than": "less than ",
    "at_least": "at least ",
    "at_most": "at most ",
}


def number_text(x) -> str:
    """9000 -> '9,000'; 2.5 -> '2.5'."""
    if x is None:
        return "?"
    f = float(x)
    if f.is_integer():
        return f"{int(f):,}"
    return f"{f:,.6f}".rstrip("0").rstrip(".")


def wording(qualifier: str | None, value, low, high, unit: str | None = None) -> str:
    """An English rendering a reader can check: 'more than 9,000', 'between 100 and 300'."""
    suffix = "" if not unit else ("%" if unit == "%" else f" {unit}")
    if qualifier == "range":
        return f"between {number_text(low)} and {number_text(high)}{suffix}"
    if qualifier == "vague":
        return f"an unstated number ({number_text(low)} to {number_text(high)}){suffix}"
    return f"{QUALIFIER_WORDS.get(qualifier or 'exact', '')}{number_text(value)}{suffix}"
