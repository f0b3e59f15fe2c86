"""Numbers and dates as an English text writes them: 12 February 1943, 50 per cent, 1 billion, 3 p.m., 58th.

The display gloss writes each quantity the Chinese text states (zh_quantities) the English way, with a
percentage in the document's own style. Display only.
"""
from __future__ import annotations

import re

from ..numbers import MONTH_NAMES, Quantity


def english_quantity(q: Quantity, percent: str = "%") -> str:
    """A number or date as an English text writes it: 12 February 1943, 50%, 12,000, 3rd (``percent``:
    how the document writes a percentage, "%", " percent" or " per cent")."""
    if q.date:
        year, month, day = q.date
        parts = [str(day)] if day and month else []
        parts += [MONTH_NAMES[month - 1]] if month and 1 <= month <= 12 else []
        parts += [str(year)] if year else []
        if parts:
            return " ".join(parts)
        if day and not month and not year:
            return ordinal(day)   # 本月14日: the 14th of this month
    value = q.value
    if q.kind == "time" and 0 <= value < 24 * 60:
        # minutes after midnight: 下午3时 "3 p.m.", 上午10时15分 "10.15 a.m."
        hour, minute = divmod(int(value), 60)
        shown = f"{(hour - 1) % 12 + 1}" + (f".{minute:02d}" if minute else "")
        return f"{shown} {'a.m.' if hour < 12 else 'p.m.'}"
    text = f"{value:,.0f}" if value == int(value) and abs(value) >= 10000 else f"{value:g}"
    if q.kind == "number" and abs(value) >= 1e6:
        # 10亿 "1 billion", 1.2亿 "120 million": as English writes large round numbers
        for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size and round(value / size, 3) * size == value:
                return f"{value / size:g} {name}"
    if q.kind == "ordinal" and value == int(value):
        return ordinal(int(value), text)
    return f"{text}{percent}" if q.kind == "percent" else text


def ordinal(number: int, text: str = "") -> str:
    """58 -> 58th, 1 -> 1st, 12 -> 12th (``text``: the number as written, 1,001 -> 1,001st)."""
    tens = number % 100
    return (text or str(number)) + ("th" if 10 <= tens <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(tens % 10, "th"))


_UNITS_ORDINAL = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth")
_UNITS_CARDINAL = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS_ORDINAL = ("", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
                 "ninetieth")
# ordinals in words that are no common words besides (not first, second, third: "the second" is a noun too)
_SPELLED = re.compile(r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:fourth|fifth|sixth|"
                      r"seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
                      r"seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|"
                      r"eightieth|ninetieth)\b", re.I)
_DIGIT_ORDINAL = re.compile(r"\b[1-9]\d?(?:st|nd|rd|th)\b")
_SHOWN_ORDINAL = re.compile(r"\b([1-9]\d?)(?:st|nd|rd|th)$")


def ordinal_words(number: int) -> str:
    """1..99 as an ordinal in words: 5 -> fifth, 58 -> fifty-eighth, 70 -> seventieth."""
    if number < 20:
        return _UNITS_ORDINAL[number]
    tens, units = divmod(number, 10)
    return _TENS_ORDINAL[tens] if not units else f"{_TENS[tens]}-{_UNITS_ORDINAL[units]}"


def spells_ordinals(text: str) -> bool:
    """Whether an English text writes ordinals below 100 in words (the fifty-eighth session, the fifth
    meeting) more often than in figures (the 58th session); UN documents do, most news does not."""
    spelled = len(_SPELLED.findall(text))
    return spelled >= 2 and spelled > len(_DIGIT_ORDINAL.findall(text))


def spelled_ordinals(words: list[dict]) -> None:
    """Each ordinal below 100 of the gloss written in words (in place): 58th -> fifty-eighth."""
    for w in words:
        g = w["gloss"]
        if w["source"] == "number" and g:
            m = _SHOWN_ORDINAL.search(g)
            if m:
                w["gloss"] = g[:m.start()] + ordinal_words(int(m.group(1)))


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPELLED_COUNT = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine)\s+[a-z]{3,}")
_DIGIT_COUNT = re.compile(r"(?<![\d.,/-])\b[2-9]\s+(?!per\b)[a-z]{3,}")


def spells_small_numbers(text: str) -> bool:
    """Whether an English text counts things below ten in words (three meetings) more often than in
    figures (3 meetings): UN documents and most news do."""
    spelled = len(_SPELLED_COUNT.findall(text))
    return spelled >= 2 and spelled > len(_DIGIT_COUNT.findall(text))


def spelled_small_numbers(words: list[dict]) -> None:
    """Each number from 2 to 9 of the gloss that counts the noun after it written in words (in place):
    3 meetings -> three meetings (dates, percentages and numbered items stay in figures)."""
    shown = [w for w in words if w["gloss"]]
    for w, nxt in zip(shown, shown[1:]):
        g = w["gloss"]
        if (w["source"] == "number" and len(g) == 1 and g in "23456789" and not w["word"].startswith("第")
                and nxt["source"] not in ("number", "as written") and nxt["gloss"][:1].islower()):
            w["gloss"] = _SMALL[int(g)]


def number_style(words: list[dict], text: str, derived: dict) -> None:
    """Ordinals and small counts of the gloss in words where the English document ``text`` writes them
    so (in place; ``derived``: the document's tables, where its styles are kept once found)."""
    if "number style" not in derived:
        derived["number style"] = (spells_ordinals(text), spells_small_numbers(text))
    ordinals, counts = derived["number style"]
    if ordinals:
        spelled_ordinals(words)
    if counts:
        spelled_small_numbers(words)
