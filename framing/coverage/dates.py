"""When an article was written, and when the events of a sentence happened.

An article's date comes from its metadata (``Article.date``: ``2025-07-16``, ``2025-07``,
``2025``, an ISO timestamp or a written date such as "July 16, 2025"), else from a
date standing alone on one of the first lines of its text (a dateline or byline). Dates
are ranges: "2025-07" is every day of July 2025.

A sentence's date comes from the words in it: a written date ("June 7", "Dec. 18,
2019", "7 June"), a month ("in June", "last month"), a weekday ("on Wednesday", the
last one on or before the article's date, or the next one after it where the sentence
speaks of the future), "yesterday", "today", "last week", "this week", "last year", or
a year ("in 2010"), each read against the article's own date. A sentence without one
has no date of its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateRange", "article_range", "parse_date", "sentence_range"]


@dataclass(frozen=True, slots=True)
class DateRange:
    """Every day from ``first`` to ``last``, both included."""

    first: dt.date
    last: dt.date

    def before(self, other: DateRange) -> bool:
        """Whether every day of this range comes before every day of ``other``."""
        return self.last < other.first

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        if self.first.day == 1 and self.last == _month_end(self.first.year, self.first.month):
            return self.first.strftime("%Y-%m")
        if (self.first.month, self.first.day, self.last.month, self.last.day) == (1, 1, 12, 31):
            return str(self.first.year)
        return f"{self.first.isoformat()} to {self.last.isoformat()}"


_MONTHS = {
    name: n
    for n in range(1, 13)
    for name in {
        calendar.month_name[n].lower(),
        calendar.month_abbr[n].lower(),
        calendar.month_name[n][:4].lower(),
    }
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_MONTH_DAY = re.compile(rf"(?i)\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")
_DAY_MONTH = re.compile(rf"(?i)\b{_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?")
_MONTH_YEAR = re.compile(rf"(?i)\b(?:in|since|during|by|of|early|late|mid|mid-)?\s*{_MONTH}\s+{_YEAR}\b")
_MONTH_ALONE = re.compile(
    rf"(?i)\b(?:in|during|early|late|mid-|end of|beginning of|start of)\s+(?:early\s+|late\s+)?{_MONTH}\b(?!\s+\d)"
)
_WEEKDAY = re.compile(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?\s*$")
_YEAR_IN = re.compile(r"(?i)\b(?:in|during|of)\s+((?:19|20)\d\d)\b")
#: A weekday is in the future when "next", or a verb of the future a few words before,
#: goes with it ("will vote Friday", "is scheduled for Monday", "next Wednesday").
_FUTURE = re.compile(
    r"(?i)\b(?:next|coming|upcoming|will|'ll|scheduled|expected|set to|plans? to|planned|due)\b(?:\W+\w+){0,3}?\W+$"
)
_RELATIVE = {
    "yesterday": (-1, -1),
    "last night": (-1, 0),
    "today": (0, 0),
    "tonight": (0, 0),
    "this morning": (0, 0),
    "this afternoon": (0, 0),
    "this evening": (0, 0),
    "earlier today": (0, 0),
    "this week": (-6, 0),
    "last week": (-13, -1),
    "over the weekend": (-6, 0),
    "this weekend": (-6, 0),
    "tomorrow": (1, 1),
}
_RELATIVE_RE = re.compile(r"(?i)\b(" + "|".join(re.escape(k) for k in _RELATIVE) + r")\b")
_MONTHS_REL = re.compile(
    r"(?i)\b(last month|this month|earlier this month|last year|this year|earlier this year)\b"
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str | None) -> DateRange | None:
    """An article's date as a range: ``"2025-07-16"``, ``"2025-07"``, ``"2025"``, an ISO
    timestamp, or a written date ("July 16, 2025", "16 July 2025").

    >>> str(parse_date("2025-07"))
    '2025-07'
    >>> str(parse_date("July 16, 2025"))
    '2025-07-16'
    """
    if not value:
        return None
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        year = int(m.group(1))
        if m.group(3):
            day = _safe(year, int(m.group(2)), int(m.group(3)))
            return DateRange(day, day) if day else None
        if m.group(2):
            month = int(m.group(2))
            if 1 <= month <= 12:
                return DateRange(dt.date(year, month, 1), _month_end(year, month))
            return None
        if 1800 <= year <= 2200:
            return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))
        return None
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = pattern.search(text)
        if m and m.group(3):
            day = _safe(int(m.group(3)), _month(m.group(month_group)) or 1, int(m.group(day_group)))
            return DateRange(day, day) if day else None
    return None


def article_range(date: str | None, text: str = "") -> DateRange | None:
    """When an article was written: its metadata date, else a date standing alone on one
    of the first ten lines of its text (a byline or dateline)."""
    found = parse_date(date)
    if found is not None:
        return found
    for line in text.splitlines()[:10]:
        line = line.strip()
        if 6 <= len(line) <= 40:
            found = parse_date(line)
            if found is not None:
                return found
    return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key[:4], _MONTHS.get(key[:3], 0))


def _recent_month(month: int, when: DateRange) -> DateRange:
    """The month ``month`` most recently begun by the article's last day (this year's,
    or last year's when it is still to come)."""
    year = when.last.year if month <= when.last.month else when.last.year - 1
    return DateRange(dt.date(year, month, 1), _month_end(year, month))


def sentence_range(sentence: str, when: DateRange | None) -> DateRange | None:
    """When the events of ``sentence`` happened, from the dates in it, read against the
    article's date ``when``; ``None`` where the sentence gives no date.

    >>> when = parse_date("2025-07-17")  # a Thursday
    >>> str(sentence_range("Hegseth on Wednesday ordered the release of 1,350 troops.", when))
    '2025-07-16'
    >>> str(sentence_range("Troops were deployed on June 7.", when))
    '2025-06-07'
    >>> sentence_range("Troops were deployed.", when) is None
    True
    """
    found: list[DateRange] = []
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        for m in pattern.finditer(sentence):
            month, day = _month(m.group(month_group)), int(m.group(day_group))
            if not month or not 1 <= day <= 31:
                continue
            if m.group(3):
                year = int(m.group(3))
            elif when is not None:
                year = (
                    when.last.year if (month, day) <= (when.last.month, when.last.day) else when.last.year - 1
                )
            else:
                continue
            d = _safe(year, month, day)
            if d:
                found.append(DateRange(d, d))
    if not found:
        for m in _MONTH_YEAR.finditer(sentence):
            month = _month(m.group(1))
            if month:
                year = int(m.group(2))
                found.append(DateRange(dt.date(year, month, 1), _month_end(year, month)))
    if not found and when is not None:
        for m in _MONTH_ALONE.finditer(sentence):
            month = _month(m.group(1))
            if month:
                found.append(_recent_month(month, when))
    if when is not None and not found:
        for m in _WEEKDAY.finditer(sentence):
            wd = list(calendar.day_name).index(m.group(1).capitalize())
            if _FUTURE.search(sentence, 0, m.start()):
                first = when.first + dt.timedelta(days=(wd - when.first.weekday()) % 7)
                last = when.last + dt.timedelta(days=(wd - when.last.weekday()) % 7)
            else:
                first = when.first - dt.timedelta(days=(when.first.weekday() - wd) % 7)
                last = when.last - dt.timedelta(days=(when.last.weekday() - wd) % 7)
            found.append(DateRange(first, last))
        for m in _RELATIVE_RE.finditer(sentence):
            lo, hi = _RELATIVE[m.group(1).lower()]
            found.append(DateRange(when.first + dt.timedelta(days=lo), when.last + dt.timedelta(days=hi)))
        for m in _MONTHS_REL.finditer(sentence):
            phrase = m.group(1).lower()
            if phrase == "last month":
                y, mo = (
                    (when.first.year, when.first.month - 1)
                    if when.first.month > 1
                    else (when.first.year - 1, 12)
                )
                found.append(DateRange(dt.date(y, mo, 1), _month_end(y, mo)))
            elif phrase.endswith("this month"):
                found.append(DateRange(when.first.replace(day=1), when.last))
            elif phrase == "last year":
                y = when.first.year - 1
                found.append(DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31)))
            else:
                found.append(DateRange(when.first.replace(month=1, day=1), when.last))
    if not found:
        for m in _YEAR_IN.finditer(sentence):
            y = int(m.group(1))
            found.append(DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31)))
    if not found:
        return None
    # a sentence that gives several dates tells of events on all of them
    return DateRange(min(r.first for r in found), max(r.last for r in found))
