"""Numbers and dates as an English text writes them: 12 February 1943, 50 per cent, 1 billion, 3 p.m., 58th.

The display gloss writes each quantity the Chinese text states (zh_quantities) the English way, with a
percentage in the document's own style. Display only.
"""
from __future__ import annotations

from .numbers import MONTH_NAMES, Quantity


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
