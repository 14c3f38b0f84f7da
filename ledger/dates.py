"""Dates, years, clock times, weekdays and ordinals: numbers that are not counts.

Recognised: ``٢٠ يونيو ٢٠٢٢``, ``13 نيسان/أبريل``, ``4 من مايو``, numeric dates with or
without spaces and with / - – between the parts (``19 / 6 / 1436هـ``, ``٢٢ – ١٠ –
١٤٣٦هـ``, ``2022-06-20``), day ranges before a month (``5-7 ذي الحجة``، ``19 إلى 21 / 10 /
1436هـ``), days written as ordinals (``في الثاني من شهر صفر``، ``السادس من أغسطس``، ``أول
ذي الحجة``), years (``العام 2019``، ``1436هـ``، ``عام 767``، ``600 ميلادي``), clock times
(``14:54``، ``الساعة 3``، ``الثامنة من مساء اليوم``) and ordinals (الرابع، الـ20).
"""

from __future__ import annotations

import datetime as dt
import re

from .rules import Draft, RuleBase, non_claim
from .tokens import Tok

DATE_SEPARATORS = ("/", "-", "–", "\\")
DAY_JOINERS = ("-", "–", "الي", "حتي", "و")
RANGE_ENDS = ("الي", "حتي", "وحتي", "والي", "لغايه", "ولغايه")  # "... وحتى 24 منه", normalised
MONTH_REACH = 8  # tokens before such a day searched for the month it is of
PARTS_OF_DAY = frozenset({"صباح", "مساء", "ظهر", "عصر", "ليل", "فجر", "صباحا", "ليلا"})


_HH_MM = re.compile(r"(\d{1,2})[,.٫،](\d{2})")  # 04,00، 10.30، 13،00 after الساعة: a clock time
_ZONE_WORDS = frozenset({"بتوقيت", "GMT", "جرينتش", "غرينتش", "تغ", "ت.غ", "UTC"})


def _zone_at(toks: list, j: int) -> bool:
    """Does a time zone start at token ``j`` (بتوقيت، GMT، تغ، "ت غ" in two tokens)?"""
    if j >= len(toks):
        return False
    if toks[j].text in _ZONE_WORDS:
        return True
    return toks[j].text == "ت" and j + 1 < len(toks) and toks[j + 1].text.startswith("غ")


class DateRules(RuleBase):
    """Rules for dates, years, clock times, weekdays and ordinals."""

    def _weekday(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.weekdays, toks, i, 1)
        if hit is None:
            return None
        day, clen, last = hit
        return non_claim(toks, i, last, "weekday", day, clen)

    def _month_at(self, toks: list[Tok], j: int):
        """A month name at token ``j`` (also with ال: المايو): (month, clitic, last)."""
        if j >= len(toks) or toks[j].kind != "word":
            return None
        hit = self._match(self.lex.months, toks, j, 2)
        if hit is None and toks[j].text.startswith("ال") and len(toks[j].text) > 4:
            hit = self.lex.months.get((toks[j].text[2:],))
            if hit is not None:
                return hit[0], 0, j
        return hit

    def _month(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._month_at(toks, i)
        if hit is None:
            return None
        month, clen, last = hit
        prev = toks[i - 1].text if i else ""
        end_tok = self._year_after(toks, last)
        if end_tok is None and last == i and prev not in ("شهر", "لشهر", "وشهر", "الشهر"):
            return None  # a month name alone states no number (صفر can be zero)
        last = end_tok if end_tok is not None else last
        label = self._iso_label(toks, i, last) or f"month {month}"
        return non_claim(toks, i, last, "date", label, clen)

    def _year_after(self, toks: list[Tok], j: int) -> int | None:
        """Index of a year right after token ``j`` (with its م / هـ), if any."""
        k = j + 1
        if k < len(toks) and toks[k].kind == "num" and len(toks[k].text) in (2, 4):
            if k + 1 < len(toks) and toks[k + 1].text in self.lex.cues["year_after"]:
                return k + 1
            text = toks[k].text
            plausible = (
                len(text) == 4
                and text.isdigit()
                and (1900 <= int(text) <= 2100 or 1300 <= int(text) <= 1500)
            )
            if not plausible and (self._counted_after(toks, k) or self._plain_noun_after(toks, k)):
                return None  # سبتمبر أيلول 35 سنتا: a count after the month, not a year
            return k
        return None

    def _date_after_day(self, toks: list[Tok], j: int) -> int | None:
        """Last token of a month (and year) that makes the day before token ``j`` a
        date: ``من مايو``، ``من شهر صفر``، ``من الشهر الجاري``، ``ذي الحجة 1436``،
        ``الشهر الماضي`` (after a day of the month in digits)."""
        lex = self.lex
        if j < len(toks) and toks[j].text == "من":
            j += 1
            if j < len(toks) and toks[j].text in ("شهر", "الشهر") and j + 1 < len(toks):
                if self._month_at(toks, j + 1) or toks[j + 1].text in lex.cues["date_month"]:
                    j += 1
            if j < len(toks) and toks[j].text in lex.cues["date_month"]:
                last = j
                if toks[j].text == "الشهر" and j + 1 < len(toks):
                    if toks[j + 1].text in lex.cues["date_month"]:
                        last = j + 1
                return last
        elif (
            j + 1 < len(toks) and toks[j].text == "الشهر" and toks[j + 1].text != "الشهر"
            and toks[j + 1].text in lex.cues["date_month"]
            and toks[j - 1].text.isdigit() and 1 <= int(toks[j - 1].text) <= 31
        ):  # fmt: skip
            return j + 1  # "في 29 الشهر الماضي": the 29th of last month
        elif j < len(toks) and toks[j].text in ("شهر", "لشهر") and j + 1 < len(toks):
            j += 1
        hit = self._month_at(toks, j)
        if hit is None:
            return None
        last = hit[2]
        # نيسان/أبريل: a second name for the same month
        if last + 2 < len(toks) and toks[last + 1].text == "/":
            alt = self._month_at(toks, last + 2)
            if alt is not None:
                last = alt[2]
        year = self._year_after(toks, last)
        return year if year is not None else last

    def _numeric_date(self, toks: list[Tok], i: int) -> Draft | None:
        """Day / month / year with / - – (spaces allowed), or a year range 2015/2016."""
        parts = [i]
        seps: list[str] = []
        j = i
        while (
            j + 2 < len(toks)
            and toks[j + 1].text in DATE_SEPARATORS
            and toks[j + 2].kind == "num"
            and len(parts) < 3
        ):
            seps.append(toks[j + 1].text)
            parts.append(j + 2)
            j += 2
        texts = [toks[p].text for p in parts]
        if len(parts) == 3 and all(t.isdigit() for t in texts) and len(set(seps)) == 1:
            tight = all(toks[p].start - toks[p - 1].end == 0 for p in range(i + 1, j + 1))
            if tight or _plausible_date(texts):
                last = j
                if last + 1 < len(toks) and toks[last + 1].text in self.lex.cues["year_after"]:
                    last += 1
                label = _numeric_label(texts) or "numeric date"
                return non_claim(toks, i, last, "date", label)
        if len(parts) >= 2 and seps[0] == "/" and toks[parts[1]].start == toks[i].end + 1:
            a, b = texts[0], texts[1]
            if len(a) == 4 and len(b) in (2, 4) and a.isdigit() and 1300 <= int(a) <= 2100:
                return non_claim(toks, i, parts[1], "year", "year range")
            # a season written short first: "الموسم الرياضي 36/1437هـ" (1436/1437)
            if (
                len(a) == 2 and len(b) == 4 and a.isdigit() and b.isdigit()
                and 1300 <= int(b) <= 2100 and int(b) % 100 == (int(a) + 1) % 100
            ):  # fmt: skip
                last = parts[1]
                if last + 1 < len(toks) and toks[last + 1].text in self.lex.cues["year_after"]:
                    last += 1
                return non_claim(toks, i, last, "year", "year range")
        return None

    def _day_month(self, toks: list[Tok], i: int) -> Draft | None:
        """A day number before a month: ٢٠ يونيو ٢٠٢٢، 4 من مايو، 20 من الشهر الجاري; and
        the end of a range of days in the month just named: "من 12 شوال وحتى 24 منه"."""
        if (
            i + 1 < len(toks) and toks[i + 1].text == "منه" and i and toks[i].text.isdigit()
            and 1 <= int(toks[i].text) <= 31 and toks[i - 1].text in RANGE_ENDS
            and any(toks[k].text in ("شهر", "الشهر") or self._month_at(toks, k)
                    for k in range(max(0, i - MONTH_REACH), i - 1))
        ):  # fmt: skip
            return non_claim(toks, i, i + 1, "date", "day of month")
        last = self._date_after_day(toks, i + 1)
        if last is None:
            return None
        month = self._month_at(toks, last) or self._month_at(toks, i + 1)
        label = f"month {month[0]}" if month else "day of month"
        return non_claim(toks, i, last, "date", self._iso_label(toks, i, last) or label)

    def _day_range(self, toks: list[Tok], i: int) -> Draft | None:
        """Days before a month or a numeric date: 5-7 ذي الحجة، من 19 إلى 21 / 10 / 1436هـ."""
        j = i + 1
        if j + 1 >= len(toks) or toks[j].text not in DAY_JOINERS or toks[j + 1].kind != "num":
            return None
        if not (toks[i].text.isdigit() and toks[j + 1].text.isdigit()):
            return None
        if not (1 <= int(toks[i].text) <= 31 and 1 <= int(toks[j + 1].text) <= 31):
            return None
        k = j + 1
        # a list of days: 7 و8 و9 و12 جوان (the range runs from the first to the last)
        while (
            k + 2 < len(toks) and toks[k + 1].text in (",", "،", "و") and toks[k + 2].kind == "num"
            and toks[k + 2].text.isdigit() and int(toks[k].text) < int(toks[k + 2].text) <= 31
        ):  # fmt: skip
            k += 2
        if k + 4 < len(toks) and toks[k + 1].text in DATE_SEPARATORS:
            date = self._numeric_date(toks, k)
            if date is not None and date.kind == "date":
                label = _range_label(toks[i].text, date.label)
                return self._with_from(toks, i, date.last, "date", label)
        last = self._date_after_day(toks, k + 1)
        if last is None:
            return None
        label = _range_label(toks[i].text, self._iso_label(toks, k, last))
        return self._with_from(toks, i, last, "date", label)

    def _iso_label(
        self, toks: list[Tok], first: int, last: int, day: int | None = None
    ) -> str | None:
        """A date's ISO 8601 label from its day, month name and year: ``2014-05-12``,
        ``2016-01`` (a month), ``--07-16`` (no year written); Hijri dates end in ``AH``.
        None when the tokens do not make a valid date."""
        month = year = None
        calendar = "gregorian"
        j = first
        while j <= last:
            tok = toks[j]
            hit = self._month_at(toks, j) if month is None else None
            if hit is not None:
                month = hit[0]
                found = self._match(self.lex.month_calendars, toks, j, 2)
                calendar = found[0] if found else calendar
                j = hit[2] + 1
                continue
            if tok.kind == "num" and tok.text.isdigit():
                if month is None and day is None and 1 <= int(tok.text) <= 31:
                    day = int(tok.text)
                elif month is not None and year is None and len(tok.text) == 4:
                    year = int(tok.text)
            j += 1
        if month is None:
            return None
        if year is not None and 1300 <= year <= 1500 and calendar != "gregorian":
            calendar = "hijri"
        return _iso(year, month, day, calendar)

    def _with_from(self, toks: list[Tok], i: int, last: int, kind: str, label: str) -> Draft:
        first = i - 1 if i and toks[i - 1].text in ("من", "بين") else i
        return non_claim(toks, first, last, kind, label)

    def _year(self, toks: list[Tok], i: int, last: int) -> Draft | None:
        """A bare number that names a year, not a count."""
        lex = self.lex
        tok = toks[i]
        if last != i or not tok.text.isdigit() or len(tok.text) not in (3, 4):
            return None
        value = int(tok.text)
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        if nxt is not None and nxt.text in lex.cues["year_after"] and nxt.start - tok.end <= 1:
            unit = self._match(lex.units, toks, last + 1, 3)
            if 300 <= value <= 2100 and (unit is None or unit[2] == last + 1):  # not 600 م.د
                return non_claim(toks, i, last + 1, "year", tok.text)
        prev = toks[i - 1] if i else None
        if prev is not None and prev.text in lex.cues["year_strong"] and 300 <= value <= 2100:
            return non_claim(toks, i, i, "year", tok.text)
        if (
            prev is not None
            and prev.text == "و"
            and i >= 3
            and toks[i - 2].kind == "num"
            and toks[i - 3].text in lex.cues.get("year_pair", ())
            and 300 <= value <= 2100
        ):
            return non_claim(toks, i, i, "year", tok.text)  # بين عامي 570 و632: the second year
        if len(tok.text) != 4 or (not 1900 <= value <= 2100 and not 1300 <= value <= 1500):
            return None
        if self._is_noun(nxt) or (nxt is not None and (nxt.text,) in lex.units):
            return None
        if prev is not None:
            base = prev.text[1:] if prev.text[:1] in "وف" and len(prev.text) > 2 else prev.text
            if prev.text in lex.cues["year_before"] or base in lex.cues["year_before"]:
                return non_claim(toks, i, i, "year", tok.text)
        if self._qualifier_before(toks, i) or not 1900 <= value <= 2100:
            return None
        if self._counted_after(toks, i):
            return None
        return non_claim(toks, i, i, "year", tok.text)

    def _clock(self, toks: list[Tok], i: int) -> Draft | None:
        """14:54، الساعة 3، 3 صباحا."""
        lex = self.lex
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1] if i else None
        if nxt and nxt.text == ":" and i + 2 < len(toks) and toks[i + 2].kind == "num":
            if nxt.start == tok.end and toks[i + 2].start == nxt.end and len(toks[i + 2].text) == 2:
                last = i + 2
                if last + 1 < len(toks) and toks[last + 1].text in lex.cues["time_after"]:
                    last += 1
                return non_claim(toks, i, last, "time", "clock")
        if (
            len(tok.text) == 4
            and tok.text.isdigit()
            and int(tok.text[:2]) < 24
            and int(tok.text[2:]) < 60
            and _zone_at(toks, i + 1)
        ):
            return non_claim(toks, i, i, "time", "clock")  # الساعة 1100 بتوقيت جرينتش
        hh_mm = _HH_MM.fullmatch(tok.text)
        if (
            hh_mm
            and int(hh_mm[1]) < 24
            and int(hh_mm[2]) < 60
            and (
                (prev is not None and prev.text in lex.cues["time_before"]) or _zone_at(toks, i + 1)
            )
        ):
            return non_claim(toks, i, i, "time", "clock")  # الساعة 04,00 (01,00 تغ)
        if len(tok.text) <= 2 and tok.text.isdigit():
            if prev is not None and prev.text in lex.cues["time_before"]:
                last = i + 1 if nxt and nxt.text in lex.cues["time_after"] else i
                return non_claim(toks, i, last, "time", "clock")
            if nxt is not None and nxt.text in lex.cues["time_after"]:
                return non_claim(toks, i, i + 1, "time", "clock")
        return None

    def _ordinal(self, toks: list[Tok], i: int) -> Draft | None:
        hit = self._match(self.lex.ordinals, toks, i, 2)
        if hit is None:
            return None
        rank, clen, last = hit
        if last == i and 1 <= rank <= 9 and last + 1 < len(toks):
            nxt = toks[last + 1]
            if nxt.text in ("عشر", "عشره"):
                rank, last = rank + 10, last + 1
            else:
                k = last + 2 if nxt.text == "و" else last + 1
                tens_tok = toks[k] if k < len(toks) else None
                word = tens_tok.text if tens_tok is not None else ""
                if nxt.text != "و" and word.startswith("و"):
                    word = word[1:]
                tens = self.lex.number_words.get(word)
                if tens is not None and tens.cls == "ten" and tens.article:
                    rank, last = rank + int(tens.value), k
        prev = toks[i - 1].text if i else ""
        label = self.lex.labels.get(prev)
        if label is not None and label.kind == "reference" and label.reach < 2:
            return non_claim(toks, i, last, "reference", label.meaning, clen)  # المادة السادسة
        if prev in self.lex.cues["time_before"] or self._part_of_day(toks, last + 1):
            return non_claim(toks, i, self._part_of_day(toks, last + 1) or last, "time",
                             str(rank), clen)  # fmt: skip
        if rank <= 31:
            date_end = self._date_after_day(toks, last + 1)
            if date_end is not None:
                iso = self._iso_label(toks, last + 1, date_end, day=rank)
                return non_claim(toks, i, date_end, "date", iso or f"day {rank}", clen)
        return non_claim(toks, i, last, "ordinal", str(rank), clen)

    def _part_of_day(self, toks: list[Tok], j: int) -> int | None:
        """الثامنة صباحا، الثامنة من مساء اليوم: the last token of the part of day."""
        if j < len(toks) and toks[j].text in self.lex.cues["time_after"]:
            return j
        if j + 1 < len(toks) and toks[j].text == "من" and toks[j + 1].text in PARTS_OF_DAY:
            return j + 1
        return None


def _iso(year: int | None, month: int, day: int | None, calendar: str = "gregorian") -> str | None:
    """``2014-05-12``, ``2016-01``, ``--07-16``; Hijri dates with `` AH``."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    hijri = calendar == "hijri"
    if year is not None and not hijri and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    text = f"{year:04d}-{month:02d}" if year is not None else f"--{month:02d}"
    if day is not None:
        text += f"-{day:02d}"
    return f"{text} AH" if hijri else text


def _numeric_label(parts: list[str]) -> str | None:
    """The ISO label of a numeric date: day first, or year first (``2022-06-20``)."""
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        year, month, day = a, b, c
    elif len(parts[2]) == 4:
        day, month, year = a, b, c
    else:
        return None
    return _iso(year, month, day, "hijri" if 1300 <= year <= 1500 else "gregorian")


def _range_label(first_day: str, end_label: str | None) -> str:
    """``2017-06-12/2017-06-15`` from the first day and the label of the range's end."""
    if end_label is None or not first_day.isdigit() or len(end_label.split()[0]) < 7:
        return "day range"
    date, _, era = end_label.partition(" ")
    if date.count("-") < 2 + date.startswith("--"):
        return "day range"
    start = f"{date.rsplit('-', 1)[0]}-{int(first_day):02d}"
    return f"{start}/{date}" + (f" {era}" if era else "")


def _plausible_date(parts: list[str]) -> bool:
    """d/m/y or y/m/d with sane values (spaced forms need it: 3 - 1 - 2 is a score)."""
    a, b, c = (int(p) for p in parts)
    if len(parts[2]) in (2, 4) and 1 <= a <= 31 and 1 <= b <= 12:
        return len(parts[2]) == 4 or len(parts[0]) <= 2
    return len(parts[0]) == 4 and 1 <= b <= 12 and 1 <= c <= 31
