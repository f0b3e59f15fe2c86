"""What the number readers of both languages produce, and the small helpers they share."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

# an integer in digits, grouped by thousands with a comma, a thin or no-break space, or not at all;
# Chinese text also groups with plain spaces (UN documents write 2 275 500美元), see zh.py
AR_INT = r"\d{1,3}(?:[,\u00a0\u2009\u202f]\d{3})+(?!\d)|\d+"
GROUPING = str.maketrans("", "", ", \t\u00a0\u2009\u202f，")


def digits_value(raw: str) -> float:
    """2 275 500, 100,000, 1\u2009000.5 -> their value (the grouping marks dropped)."""
    return float(raw.translate(GROUPING))
DateParts = tuple[Optional[int], Optional[int], Optional[int]]

@dataclass(frozen=True)
class Quantity:
    """A number, percentage, ordinal, year or date found in a text.

    ``value`` is the number; for a year the year; for a date ``year*10000 + month*100 + day`` with
    unknown parts as 0 (so 12月10日 is 1210.0); ``date`` holds (year, month, day) for years and dates; for a
    time of day the minutes after midnight (10时15分 and 10.15 a.m. are 615; 下午3时 and 3 p.m. are 900).
    """

    value: float
    kind: str                      # "number" | "percent" | "year" | "date" | "ordinal" | "time"
    start: int                     # [start, end) offsets in the text passed in
    end: int
    surface: str                   # text[start:end]
    date: Optional[DateParts] = None
    weak: bool = False             # small number written as a word: never reported as unmatched
    also: tuple[float, ...] = ()   # other values the other side may write: 80斤 is also 40 (kilograms)

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.also)


def date_quantity(y: Optional[int], m: Optional[int], d: Optional[int], start: int, end: int, text: str,
                  weak: bool = False) -> Quantity:
    kind = "year" if m is None and d is None else "date"
    return Quantity(float((y or 0) * 10000 + (m or 0) * 100 + (d or 0)) if kind == "date" else float(y or 0),
                    kind, start, end, text[start:end], (y, m, d), weak)


def year_pair(m: "re.Match[str]", text: str) -> Optional[list[Quantity]]:
    """2014/15, 2015/2016 (groups sn, sd): a financial or school year, the two years it spans (2014-2015年)."""
    first, second = m.group("sn"), m.group("sd")
    if len(first) != 4 or not 1900 <= int(first) <= 2100:
        return None
    if not (len(second) == 2 and int(second) == (int(first) + 1) % 100 or len(second) == 4 and int(second) == int(first) + 1):
        return None
    return [date_quantity(int(first), None, None, m.start("sn"), m.end("sn"), text),
            date_quantity(int(first) + 1, None, None, m.start("sd"), m.end("sd"), text)]


def small(value: float) -> bool:
    return value <= 10 and value == int(value)


def after_colon(text: str, start: int) -> bool:
    """Minutes and score halves (9:30, 3:1) are weak: the other side often writes 9时半 or 以3比1."""
    return text[start - 1:start] in (":", "：") and text[start - 2:start - 1].isdigit()


FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def with_original_surfaces(found: list[Quantity], original: str, scanned: str) -> list[Quantity]:
    if scanned == original:
        return found
    return [replace(q, surface=original[q.start:q.end]) for q in found]


_CURRENCY_BEFORE = re.compile(r"(?:Euro|EUR|USD|CHF|SwF|GBP|RMB|JPY)$")


def glued(text: str, start: int) -> bool:
    """Digits glued to letters are names and codes (G20, COVID-19), not quantities of the sentence."""
    before = text[max(0, start - 2):start].rstrip("-‐")
    if "$" in text[max(0, start - 3):start] or _CURRENCY_BEFORE.search(text, max(0, start - 4), start):
        return False                 # $A45,000, US$5, Euro131 million: a currency, not a code
    return bool(before) and before[-1].isascii() and before[-1].isalpha()

