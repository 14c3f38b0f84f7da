"""How digits are written in Arabic news, and what a digit string is worth.

Digits reach this module already mapped to ASCII by normalisation; separators keep
their script (``٫`` is always a decimal point, ``٬`` and ``،`` always group thousands).
Notations read here:

- ``9,000``, ``٩٬٠٠٠``, ``1.000.000``, ``40 000``: thousands groups;
- ``1.5``, ``٣٫٥``, ``١٨٠,٢٥`` (a comma with one or two digits), ``12،220,13``: decimals;
- the Saudi Press Agency's ``ر``: digit groups written least significant first, so
  ``2ر27`` is 27.2, ``935ر6`` is 6.935, ``540ر999ر45`` is 45,999,540 and
  ``94/000ر59`` is 59,000.94;
- one dot or ``ر`` before exactly three digits (``10.000``, ``500ر12``) is ambiguous:
  the extractor reads the words around it and says which (``thousands``).
"""

from __future__ import annotations

import re
from fractions import Fraction

_THOUSANDS_GROUPS = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+$")
_DOT_GROUPS = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3}){2,}$")
# one dot before exactly three digits: 10.000 (ten thousand) or 6.935 (a decimal)
AMBIGUOUS_DOT = re.compile(r"^[1-9][0-9]{0,2}\.[0-9]{3}$")
# one ر before a three-digit group (written first): 500ر12
AMBIGUOUS_RA = re.compile(r"^[0-9]{3}ر[0-9]{1,3}$")
# the Arabic comma before three digits: thousands (12،500) or, in Maghrebi news, a
# decimal comma (117،901 مليون دينار); before one or two digits always a decimal (6،4)
AMBIGUOUS_COMMA = re.compile(r"^[1-9][0-9]{0,2}،[0-9]{3}$")
DECIMAL_COMMA = re.compile(r"^[0-9]+،[0-9]{1,2}$")


def is_ambiguous(text: str) -> bool:
    """True when one separator before three digits may group thousands or mark a
    decimal (``10.000``, ``000ر22``)."""
    return bool(AMBIGUOUS_DOT.match(text) or AMBIGUOUS_RA.match(text)
                or AMBIGUOUS_COMMA.match(text))  # fmt: skip


def parse_digits(text: str, thousands: bool | None = None) -> Fraction:
    """Value of a digit string with separators (``9,000``, ``1.5``, ``2ر27``).

    ``thousands`` settles an ambiguous single group (``10.000``): True reads it as
    thousands, False as a decimal; None keeps the default (a dot is a decimal point,
    a ``ر`` before ``000`` groups thousands).
    """
    if "ر" in text:
        return _reversed_groups(text, thousands)
    if DECIMAL_COMMA.match(text) or (thousands is False and AMBIGUOUS_COMMA.match(text)):
        return Fraction(text.replace("،", "."))
    s = text.replace("٬", "").replace("،", "")
    s = s.replace("\u00a0", ",").replace("\u202f", ",").replace(" ", ",")
    if s[:1] in ".٫":
        s = "0" + s
    if "٫" in s:
        s = s.replace(",", "").replace(".", "").replace("٫", ".")
    elif "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):  # 1.234,56
            s = s.replace(".", "").replace(",", ".")
        else:  # 1,234.56
            s = s.replace(",", "")
    elif "," in s:
        if _THOUSANDS_GROUPS.match(s):
            s = s.replace(",", "")
        elif s.count(",") == 1:
            s = s.replace(",", ".")
        else:
            s = s[: s.rfind(",")].replace(",", "") + "." + s[s.rfind(",") + 1 :]
    elif _DOT_GROUPS.match(s) or (thousands and AMBIGUOUS_DOT.match(s)):  # 1.000.000
        s = s.replace(".", "")
    try:
        return Fraction(s)
    except ValueError:  # not a number we understand: keep its integer part
        return Fraction(re.match(r"[0-9]*", s).group() or "0")


def _reversed_groups(text: str, thousands: bool | None) -> Fraction:
    """SPA notation: groups separated by ر, least significant first; an optional
    ``decimals/`` before them."""
    decimals = ""
    if "/" in text:
        decimals, _, text = text.partition("/")
    groups = text.split("ر")[::-1]
    if len(groups) > 2 or decimals:
        whole = groups[0] + "".join(g.zfill(3) for g in groups[1:])
        return Fraction(whole + ("." + decimals if decimals else ""))
    head, tail = groups
    if thousands is None:
        thousands = tail == "000"
    if thousands and len(tail) == 3:
        return Fraction(head + tail)
    return Fraction(f"{head}.{tail}")
