"""English numbers, percentages, ordinals, years and dates ("twenty-one", 10 December 1948, the 1990s)."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from .quantity import (AR_INT, FULL_WIDTH_DIGITS, Quantity, after_colon, date_quantity, digits_value, glued,
                       with_original_surfaces, year_pair)

def _words(names: str, values: object) -> dict[str, int]:
    return dict(zip(names.split(), values))  # type: ignore[call-overload]


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
# word -> (class, value, ordinal); the class decides which words may follow (see _MAY_FOLLOW)
_EN_LEXICON: dict[str, tuple[str, int, bool]] = {}
for _names, _cls, _values, _ordinal in (
        ("zero one two three four five six seven eight nine", "unit", range(10), False),
        ("first second third fourth fifth sixth seventh eighth ninth", "unit", range(1, 10), True),
        ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen", "teen", range(10, 20), False),
        ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth",
         "teen", range(10, 20), True),
        (_TENS, "tens", range(20, 100, 10), False),
        (" ".join(w[:-1] + "ieth" for w in _TENS.split()), "tens", range(20, 100, 10), True),
        ("hundred hundredth", "hundred", (100, 100), False),
        ("thousand million billion trillion", "scale", (10**3, 10**6, 10**9, 10**12), False),
        ("thousandth millionth billionth", "scale", (10**3, 10**6, 10**9), True),
        ("thirds fourths quarters fifths sixths sevenths eighths ninths tenths", "fraction",
         (3, 4, 4, 5, 6, 7, 8, 9, 10), False)):
    for _word, _value in _words(_names, _values).items():
        _EN_LEXICON[_word] = (_cls, _value, _ordinal or _word == "hundredth")
_MAY_FOLLOW = {"unit": (None, "tens", "hundred", "scale"), "teen": (None, "hundred", "scale"),
               "tens": (None, "hundred", "scale"), "hundred": ("unit", "teen"),
               "scale": ("unit", "teen", "tens", "hundred"), "fraction": ("unit", "teen", "tens")}
_EN_WORDS = sorted(_EN_LEXICON, key=len, reverse=True)
_ROMAN_AFTER = "Chapter|Article|Part|Section|Title|Book|Annex|Volume|Session|Phase|Class|Grade|Level|Type|War"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_EN_PREFIXES = "|".join(sorted({w[:3] for w in _EN_WORDS} | {w[:3].lower() for w in _ROMAN_AFTER.split("|")}))
_EN_WORD = r"\b(?:" + "|".join(_EN_WORDS) + r")\b"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
_MONTHS = dict(zip(MONTH_NAMES, range(1, 13)))
_MONTHS |= {m[:3]: v for m, v in _MONTHS.items()} | {"Sept": 9}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"\d{4}\b"
_EN_DATE = re.compile(   # month names are case-sensitive so that "may" the verb is no month
    rf"(?=[\dJFMASOND])(?:\b(?P<d1>{_DAY})(?:\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|\b(?P<m2>{_MONTH})\s+(?:(?P<d2>{_DAY})(?!,?\d)(?:,?\s+(?P<y2>{_YEAR}))?|(?P<y3>{_YEAR})))")
_EN_NUMBER = re.compile(
    rf"(?=[\d(]|^|\b(?:a[ \t]|{_EN_PREFIXES}))"     # cheap first test: most positions cannot start one
    rf"(?:(?P<list>^[ \t]*(?:\(?(?:\d{{1,3}}|[a-z])[.)]|\d{{1,3}}(?:\.\d{{1,3}}){{2,}}\.?)(?=\s))"
    rf"|(?P<paren>\((?:\d{{1,2}}|[a-z]|(?-i:[IVX]+|[ivx]+))\))"
    rf"|(?P<roman>\b(?:{_ROMAN_AFTER})[ \t]+(?-i:(?P<rv>[IVXLC]+))\b)"
    rf"|(?P<slash>(?<![\d/])(?P<sn>\d+)/(?P<sd>\d+)(?![\d/]))"
    rf"|(?<!\d)(?<!\d\.)(?P<digits>(?:{AR_INT})(?:\.\d+)?)"
    rf"|(?P<words>(?:\ba[ \t]+(?=hundred|thousand|million|billion))?{_EN_WORD}"
    rf"(?:(?:[ \t]*[-‐–][ \t]*|[ \t]+(?:and[ \t]+)?){_EN_WORD})*))",
    re.M | re.I)
_EN_SUFFIX = re.compile(r"(?P<pct>[ \t]*(?:%|per[ \t]?cent\b|percent\b))|(?P<ord>st|nd|rd|th)\b|(?P<decade>['’]?s)\b"
                        r"|[ \t\-‐]*(?P<mul>hundred|thousand|million|billion|trillion|bn|mn|tn)\b", re.I)
_EN_RANGE = re.compile(r"[ \t]*(?:to|-|–|‐|and)[ \t]*\d[\d,.]*[ \t\-‐]*(million|billion|trillion|bn|mn|tn)\b", re.I)
_EN_MULTIPLIERS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                   "mn": 10**6, "bn": 10**9, "tn": 10**12}
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|the|this|that|each|which|little)[ \t]+$", re.I)
_PRONOUN_ONE_AFTER = re.compile(r"[ \t]*(?:another\b|'s\b|’s\b)", re.I)


def en_dates(text: str) -> list[Quantity]:
    """Dates written in English (10 December 1948, September 26), also inside a Chinese text."""
    return [date_quantity(*_date_parts(m), m.start(), m.end(), text) for m in _EN_DATE.finditer(text)]


def _bare_months(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Month names without a day or year ("the end of March"): weak, they only meet a month of the other side;
    "June this year" (2019年6月, 今年6月) is a month said as a date (its "this year" is read on its own)."""
    return [date_quantity(None, _MONTHS[m.group(1)], None, m.start(), m.end(1), text, weak=not m.group(2))
            for m in _BARE_MONTH.finditer(text) if not any(q.start < m.end() and m.start() < q.end for q in taken)]


def _date_parts(m: re.Match) -> tuple[Optional[int], Optional[int], Optional[int]]:
    day = m.group("d1") or m.group("d2")
    year = m.group("y1") or m.group("y2") or m.group("y3")
    month = _MONTHS[(m.group("m1") or m.group("m2")).rstrip(".")]
    return int(year) if year else None, month, int(re.sub(r"\D", "", day)) if day else None


def en_quantities(text: str) -> list[Quantity]:
    """Numbers, percentages, ordinals, years and dates in an English text, in text order."""
    scanned = text.translate(FULL_WIDTH_DIGITS)
    return with_original_surfaces(_en_scan(scanned), text, scanned)


def _en_scan(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    out.extend(en_dates(text))
    out = _with_range_starts(text, out)
    out.extend(_bare_months(text, out))
    out.extend(_en_times(text, out))
    out.extend(_spelled_amounts(text, out))
    out.extend(Quantity(1.5 if m.group(1) else 0.5, "number", m.start(), m.end(), m.group(), weak=True)
               for m in _HALF.finditer(text))
    # "this year": whichever year the other side names (2015年是 ... / This year marks ...)
    out.extend(Quantity(0.0, "relyear", m.start(), m.end(), m.group(), weak=True) for m in _RELATIVE_YEAR.finditer(text))
    out.sort(key=lambda q: q.start)
    dates = list(out)
    date_ends = [q.end for q in dates]      # dates do not overlap, so their ends are sorted too
    for m in _EN_NUMBER.finditer(text):
        k = bisect_right(date_ends, m.start())
        if m.lastgroup == "list" or k < len(dates) and dates[k].start < m.end():
            continue                        # a list mark, or part of a date already taken
        if m.lastgroup == "paren":          # (3), (III): list marks and session numbers, weak
            inner = m.group()[1:-1]
            value = int(inner) if inner.isdigit() else _roman(inner.upper()) if len(inner) > 1 else None
            scale = _SCALE_AFTER.match(text, m.end()) if inner.isdigit() else None
            if len(inner) == 1 and inner.islower() and text[m.start() - 1:m.start()] in _CITATION_BEFORE:
                # article 7(2)(a), 7(1)(j): the letter of a subparagraph is its rank (第七条第㈡款第1项); (i), (v)
                # and (x) may be Roman numerals too
                roman = (_roman(inner.upper()),) if inner in "ivx" else ()
                out.append(Quantity(float(ord(inner) - ord("a") + 1), "ordinal", m.start(), m.end(), m.group(),
                                    weak=True, also=roman))
            elif scale:                       # "(80) million US dollars": 80 million
                out.append(Quantity(float(value) * _EN_MULTIPLIERS[scale.group(1).lower()], "number", m.start(),
                                    scale.end(), text[m.start():scale.end()]))
            elif value is not None:
                out.append(Quantity(float(value), "number", m.start(), m.end(), m.group(), weak=True))
        elif m.lastgroup == "roman":        # Chapter VI, World War II
            value = _roman(m.group("rv"))
            if value is not None:
                # weak: Annex III, Part I are often 附件三, 第一部分, whose small numeral is weak too
                out.append(Quantity(float(value), "number", m.start("rv"), m.end(), m.group("rv"), weak=True))
        elif m.lastgroup == "slash":        # 1/10, 2/3: weak, like 十分之一
            years = year_pair(m, text)      # 2014/15: two years
            if years:
                out += years
            elif int(m.group("sd")):
                out.append(Quantity(int(m.group("sn")) / int(m.group("sd")), "number", m.start(), m.end(),
                                    m.group(), weak=True))
        elif m.lastgroup == "digits":
            out.append(_en_digits(text, m))
        else:
            out.extend(_en_words(text, m))
    out.sort(key=lambda q: q.start)
    return out


# "3 to 5 February", "26-27 September": the first day is a date of the month that follows
_RANGE_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})(?:st|nd|rd|th)?[ \t]*(?:to|-|–|—|and|&)[ \t]*$")
# "September 26 to 27, 2019": the second day is a date of the month before
_RANGE_AFTER = re.compile(r"[ \t]*(?:to|-|–|—|and|&)[ \t]*(\d{1,2})(?:st|nd|rd|th)?\b(?![.,]?\d)(?:,?[ \t]+(\d{4})\b)?")
_MONTH_BEFORE = re.compile(rf"\b({_MONTH})[ \t]*(?:to|and|-|–|—)[ \t]*$")
_TIME = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])(?:(?P<sep>[.:])(?P<m>[0-5]\d))?[ \t]*"
                   r"(?P<ampm>[ap]\.?[ \t]?m\b\.?|o['’]clock\b)?(?![\d.,:]?\d)", re.I)


_TIME_RANGE_START = re.compile(r"(?<![\d.,:])(?P<t>(?P<h>[01]?\d)(?:[.:](?P<m>[0-5]\d))?)[ \t]*(?:-|–|to)[ \t]*$")
_RELATIVE_YEAR = re.compile(r"\b(?:this|last|next|that|the same|the current|the previous|the past|the coming|"
                            r"(?<=during )the|(?<=in )the) year\b(?![ \t]+\d)",
                            re.I)
_DECADES = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[ \t]+)?decades?\b", re.I)
_SMALL_WORDS = {w: v for w, v in zip("a one two three four five six seven eight nine ten".split(), (1, *range(1, 11)))}
# "a third of", "one quarter of": a fraction; "a third country" is an ordinal
_A_FRACTION = re.compile(r"\b(?:a|one)(?:-|[ \t]+(?=\w+[ \t]+of\b))(third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
                         re.I)
# "billions", "tens of thousands", "ten billions": vague amounts (数十亿, 数万, 上百亿)
_VAGUE = re.compile(r"\b(?:(?P<n>ten|\d+)[ \t]+)?(?P<p>tens|hundreds|thousands|millions|billions)\b"
                    r"(?:[ \t]+of[ \t]+(?P<q>thousands|millions|billions)\b)?", re.I)
_PLURAL_SCALE = {"tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
# the 80s, post-90s (80后, 90后): decades of the 1900s
_SHORT_DECADE = re.compile(r"(?<![\d.,])(?P<d>[1-9]0)['’]?s\b")
_DENOMINATOR = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
                "tenth": 10}
_MONTH_BEFORE = re.compile(rf"\b({_MONTH})[ \t]*(?:to|and|-|–|—)[ \t]*$")
# 0300, 1310 hours, 2359Z, at 1310, between 1100 and 1200 hours
_MILITARY_TIME = re.compile(r"(?<![\d.,])(?:(0\d)([0-5]\d)\b|([01]\d|2[0-3])([0-5]\d)(?:[ \t]*(?:hours|hrs)\b|Z\b"
                            r"|(?=[ \t]*(?:and|to|-|–)[ \t]*\d{4}[ \t]*(?:hours|hrs)\b))|(?<=\b[Aa]t )([01]\d|2[0-3])([0-5]\d)\b)")
# a footnote mark glued to the end of a word or sentence: "on the Conference website.3", "ranges"18", [23]
_FOOTNOTE = re.compile(r"(?:(?<=[a-z\"”)])|(?<=[a-z\"”)][.,;:]))\d{1,3}(?=\s|$)"
                       r"(?![ \t]*(?:million|billion|thousand|trillion|per|%))|\[\d{1,3}\]", re.M)
_SMALL_NUMBER = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}"
# "one in three", "three out of five" (三分之一, 五分之三): a share
_ONE_IN = re.compile(rf"\b(?P<a>{_SMALL_NUMBER})[ \t]+(?:in|out[ \t]+of)[ \t]+(?P<b>{_SMALL_NUMBER}|a hundred|1,?000)\b"
                     rf"(?![.,]\d)", re.I)
# GMT+8 (北京时间), UTC-5: an offset of time zones, not a quantity of the sentence
_ZONE_OFFSET = re.compile(r"\b(?:GMT|UTC)[ \t]*[+\-−–][ \t]*\d{1,2}(?::?\d\d)?\b")
# "the airport: 1) 50 minutes by car ... 2) the subway": marks of a list inside a sentence
_INLINE_LIST = re.compile(r"(?<=[:;,.][ \t])\d{1,2}\)(?=[ \t])|(?<=^)\d{1,2}\)(?=[ \t])", re.M)
# Total (I-III), Parts I-IV: a range of Roman numerals (第一项至第三项)
_ROMAN_RANGE = re.compile(r"(?<![A-Za-z])(?P<a>[IVX]+)[ \t]*[-–][ \t]*(?P<b>[IVX]+)(?![A-Za-z])")
_CITATION_BEFORE = tuple("0123456789)")
_SCALE_AFTER = re.compile(r"[ \t]+(thousand|million|billion|trillion)\b", re.I)
# "to 5 during December and January": a month alone, whose year the other side may name (2014年12月)
_BARE_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b(?![ \t]+\d)([ \t]+(?:this|last|next) year\b)?")
_HALF = re.compile(r"\b(?:(one|an hour) and a )?half\b", re.I)


def _with_range_starts(text: str, dates: list[Quantity]) -> list[Quantity]:
    out = list(dates)
    for q in dates:
        y, m, d = q.date or (None, None, None)
        if m is not None and d is None and y is not None:
            # "from April to August 2014", "in July and August 2014": the first month is of that year too
            month = _MONTH_BEFORE.search(text, max(0, q.start - 16), q.start)
            if month:
                out.append(date_quantity(y, _MONTHS[month.group(1).rstrip(".")], None, month.start(1),
                                         month.end(1), text))
        if m is None or d is None:
            continue
        before = _RANGE_BEFORE.search(text, max(0, q.start - 12), q.start)
        if before and 1 <= int(before.group(1)) <= 31 and text[q.start:q.start + 1].isdigit():
            out.append(date_quantity(y, m, int(before.group(1)), before.start(1), before.end(1), text))
        after = _RANGE_AFTER.match(text, q.end)
        if after and text[q.start:q.start + 1].isalpha() and 1 <= int(after.group(1)) <= 31:
            year = int(after.group(2)) if after.group(2) else y
            out.append(date_quantity(year, m, int(after.group(1)), after.start(1), after.end(), text))
    return out


def _spelled_amounts(text: str, taken: list[Quantity]) -> list[Quantity]:
    """"five decades" (五十年), "a decade", "a third of" (三分之一), footnote marks: weak, they only absorb;
    0300 hours (凌晨3时), a time."""
    out: list[Quantity] = []
    for m in _DECADES.finditer(text):
        n = m.group("n")
        if n is None and m.group().lower().endswith("s"):
            continue                     # "decades" alone: a vague amount
        count = int(n) if n and n.isdigit() else _SMALL_WORDS.get((n or "a").lower(), 1)
        out.append(Quantity(10.0 * count, "number", m.start(), m.end(), m.group(), weak=True))
    for m in _VAGUE.finditer(text):
        value = float(int(m.group("n")) if m.group("n") and m.group("n").isdigit() else 10 if m.group("n") else 1)
        value *= _PLURAL_SCALE[m.group("p").lower()] * (_PLURAL_SCALE[m.group("q").lower()] if m.group("q") else 1)
        out.append(Quantity(value, "number", m.start(), m.end(), m.group(), weak=True))
    for m in _SHORT_DECADE.finditer(text):
        out.append(date_quantity(1900 + int(m.group("d")), None, None, m.start(), m.end(), text, weak=True))
    for m in _A_FRACTION.finditer(text):
        out.append(Quantity(1 / _DENOMINATOR[m.group(1).lower()], "number", m.start(), m.end(), m.group(), weak=True))
    for m in _MILITARY_TIME.finditer(text):
        hour, minute = next((m.group(k), m.group(k + 1)) for k in (1, 3, 5) if m.group(k))
        out.append(Quantity(float(int(hour) * 60 + int(minute)), "time", m.start(), m.end(), m.group()))
    for m in _ONE_IN.finditer(text):
        a, b = (_small_number(m.group(k)) for k in ("a", "b"))
        if 0 < a < b:
            out.append(Quantity(a / b, "number", m.start(), m.end(), m.group(), weak=True))
    for m in _ROMAN_RANGE.finditer(text):
        a, b = _roman(m.group("a")), _roman(m.group("b"))
        if a is not None and b is not None and a < b:
            out += [Quantity(float(a), "number", m.start("a"), m.end("a"), m.group("a"), weak=True),
                    Quantity(float(b), "number", m.start("b"), m.end("b"), m.group("b"), weak=True)]
    for m in _ZONE_OFFSET.finditer(text):
        out.append(Quantity(0.0, "number", m.start(), m.end(), m.group(), weak=True))
    for m in _INLINE_LIST.finditer(text):
        if text.count("(", 0, m.start()) <= text.count(")", 0, m.start()):      # not the end of "(2014-2015)"
            out.append(Quantity(float(m.group()[:-1]), "number", m.start(), m.end(), m.group(), weak=True))
    for m in _FOOTNOTE.finditer(text):
        value = m.group().strip("[]")
        out.append(Quantity(float(value), "number", m.start(), m.end(), m.group(), weak=True))
    return [q for q in out if not any(t.start < q.end and q.start < t.end for t in taken)]


def _small_number(word: str) -> float:
    word = word.lower().replace(",", "")
    return 100.0 if word == "a hundred" else float(word) if word.isdigit() else float(_SMALL_WORDS[word])


def _en_times(text: str, taken: list[Quantity]) -> list[Quantity]:
    """10.15 a.m., 10:15, 3 p.m., 1500 hours: minutes after midnight or noon, like 10时15分 and 下午3时."""
    out = []
    for m in _TIME.finditer(text):
        if not (m.group("ampm") or m.group("sep") == ":"):
            continue                # 10.15 alone is a decimal, 3 alone a number
        if any(q.start < m.end() and m.start() < q.end for q in taken):
            continue
        if m.group("sep") == ":" and not m.group("ampm") and text[m.end():m.end() + 1] == ":":
            continue
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        afternoon = (m.group("ampm") or "").lower().startswith("p")
        if afternoon and hour < 12:
            hour += 12
        out.append(Quantity(float(hour * 60 + minute), "time", m.start(), m.end(), m.group().rstrip()))
        first = _TIME_RANGE_START.search(text, max(0, m.start() - 12), m.start()) if m.group("ampm") else None
        if first and int(first.group("h")) <= 12:      # 3-6 p.m.: the first hour is in the afternoon too
            h = int(first.group("h")) + (12 if afternoon and int(first.group("h")) < 12 else 0)
            out.append(Quantity(float(h * 60 + int(first.group("m") or 0)), "time", first.start(), first.end("t"),
                                text[first.start():first.end("t")]))
    return out


def _roman(numeral: str) -> Optional[int]:
    values = [_ROMAN[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 400 else None



def _en_digits(text: str, m: re.Match) -> Quantity:
    start, end, raw = m.start(), m.end(), m.group()
    v = digits_value(raw)
    s = _EN_SUFFIX.match(text, end)
    suffix = s.lastgroup if s else None
    if suffix == "pct":
        return Quantity(v, "percent", start, s.end(), text[start:s.end()])      # type: ignore[union-attr]
    if suffix == "ord" and "." not in raw:
        return Quantity(v, "ordinal", start, s.end(), text[start:s.end()])      # type: ignore[union-attr]
    if suffix == "mul":
        end = s.end()                                                            # type: ignore[union-attr]
        return Quantity(v * _EN_MULTIPLIERS[s.group("mul").lower()], "number", start, end, text[start:end])
    year_like = len(raw) == 4 and raw.isdigit() and 1000 <= v <= 2100
    # 60 to 85 billion: both ends are in billions; but not "in 2013 to 9 billion"
    ranged = None if year_like else _EN_RANGE.match(text, end)
    if ranged and re.match(r"[ \t]*and", ranged.group()) and "between" not in text[max(0, start - 12):start].lower():
        ranged = None                    # "before they turn 18 and 3.3 million girls": no range
    if ranged:
        v *= _EN_MULTIPLIERS[ranged.group(1).lower()]
    elif year_like and text[start - 1:start] not in ("$", "€", "£", "¥"):
        return date_quantity(int(v), None, None, start, s.end() if suffix == "decade" else end, text)   # the 1990s
    return Quantity(v, "number", start, end, raw, weak=glued(text, start) or after_colon(text, start))


def _en_words(text: str, m: re.Match) -> list[Quantity]:
    """Split a run of number words into numbers: "twenty-one", "one hundred and five", "two-thirds"."""
    out: list[Quantity] = []
    tokens = [(t.group().lower(), m.start() + t.start(), m.start() + t.end())
              for t in re.finditer(r"[A-Za-z]+", m.group())]
    i = 0
    while i < len(tokens):
        total, current, last, ordinal, fraction = 0, 0, None, False, False
        j = i
        if tokens[i][0] == "a":                  # "a hundred", "a million"
            current, last, j = 1, "unit", i + 1
        while j < len(tokens):
            word = tokens[j][0]
            if word == "and":                    # only inside "one hundred and five"
                nxt = _EN_LEXICON.get(tokens[j + 1][0] if j + 1 < len(tokens) else "", ("", 0, False))[0]
                if last not in ("hundred", "scale") or nxt not in ("unit", "teen", "tens"):
                    break
                j += 1
                continue
            cls, value, is_ordinal = _EN_LEXICON[word]
            if last not in _MAY_FOLLOW[cls] or cls == "hundred" and current >= 100 \
                    or cls == "scale" and total and total < value * 1000:
                break
            j += 1
            if cls == "hundred":
                current *= 100
            elif cls == "scale":
                total, current = total + current * value, 0
            elif cls == "fraction":
                current, fraction = current / value, True
            else:
                current += value
            last = cls
            if is_ordinal or fraction:
                ordinal = is_ordinal
                break
        if j == i or tokens[j - 1][0] == "a":
            i += 1
            continue
        value, start, end = total + current, tokens[i][1], tokens[j - 1][2]
        kind = "ordinal" if ordinal else "number"
        suffix = None if ordinal or fraction else _EN_SUFFIX.match(text, end)
        if suffix and suffix.lastgroup == "pct":
            kind, end = "percent", suffix.end()
        if text[start:end].lower() == "one" and (_PRONOUN_ONE_BEFORE.search(text[max(0, start - 12):start])
                                                 or _PRONOUN_ONE_AFTER.match(text, end)):
            i = j                                # "no one", "one another": a pronoun, not a count
            continue
        out.append(Quantity(float(value), kind, start, end, text[start:end],
                            # numbers in words are weak whatever their size: "Five-hundred-meter Aperture
                            # Spherical Telescope" is a name, and the other side writes 五百 or 500 anyway
                            weak=kind != "percent"))
        i = j
    return out

