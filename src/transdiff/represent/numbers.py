"""Numbers, percentages, ordinals, years and dates: the anchors that must agree across a translation.

``zh_quantities`` and ``en_quantities`` find them with offsets into the text they are given;
``unmatched`` pairs the two sides and returns what found no counterpart. Precision comes first:
a translator wants few false alarms, so words that only look like numbers (一切, 统一, "no one") are
left alone, and small numbers written as words (三个, "five") are marked ``weak``: they may absorb
a counterpart on the other side but are never reported as unmatched themselves.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Optional

DateParts = tuple[Optional[int], Optional[int], Optional[int]]


@dataclass(frozen=True)
class Quantity:
    """A number, percentage, ordinal, year or date found in a text.

    ``value`` is the number; for a year the year; for a date ``year*10000 + month*100 + day`` with
    unknown parts as 0 (so 12月10日 is 1210.0); ``date`` holds (year, month, day) for years and dates.
    """

    value: float
    kind: str                      # "number" | "percent" | "year" | "date" | "ordinal"
    start: int                     # [start, end) offsets in the text passed in
    end: int
    surface: str                   # text[start:end]
    date: Optional[DateParts] = None
    weak: bool = False             # small number written as a word: never reported as unmatched


def _date(y: Optional[int], m: Optional[int], d: Optional[int], start: int, end: int, text: str,
          weak: bool = False) -> Quantity:
    kind = "year" if m is None and d is None else "date"
    return Quantity(float((y or 0) * 10000 + (m or 0) * 100 + (d or 0)) if kind == "date" else float(y or 0),
                    kind, start, end, text[start:end], (y, m, d), weak)


# --------------------------------------------------------------------------------------------- Chinese
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN = "零〇一二两兩三四五六七八九十百千万萬亿億"
_CN_RUN = f"[{_CN}]+"
_CN_NUM = f"{_CN_RUN}(?:点[零〇一二三四五六七八九]+(?![十百千分刻]))?"   # 三点五, not 三点三十分 (3:30)
_AR_INT = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
_AR_NUM = rf"(?:{_AR_INT})(?:\.\d+)?"
_ZH_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_ZH_DAY = r"3[01]|[12]\d|0?[1-9]|三十一?|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_SP = r"[ \t]*"

_ZH_PATTERN = re.compile(
    # the lookahead lets the many positions that cannot start a quantity fail at one test
    rf"(?=[\s\d（(第百千{_CN}])"
    rf"(?:(?P<list>^[ \t]*(?:[（(]{_SP}(?:{_CN_RUN}|\d{{1,2}}){_SP}[)）]|(?:{_CN_RUN}|\d{{1,2}}){_SP}(?:[、)）]|[.．](?!\d))))"
    rf"|(?P<paren>[（(]{_SP}(?P<pv>{_CN_RUN}|\d{{1,2}}){_SP}[)）](?P<pday>日)?)"
    rf"|(?P<ymd>(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}}){_SP}年(?:{_SP}(?P<ym>{_ZH_MON}){_SP}月"
    rf"(?:{_SP}(?P<yd>{_ZH_DAY}){_SP}[日号])?)?)"
    rf"|(?P<md>(?P<m>{_ZH_MON}){_SP}月{_SP}(?P<d>{_ZH_DAY}){_SP}[日号])"
    rf"|(?P<day>(?<!\d)(?P<dv>{_ZH_DAY}){_SP}[日号](?![元币]))"
    rf"|(?P<decade>(?<!\d)(?P<dec>\d0|〇〇|[一二三四五六七八九]十){_SP}(?:年代|后))"
    rf"|(?P<pct1>百分之{_SP}(?P<pv1>百|{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<pct2>(?P<pv2>{_AR_NUM}){_SP}[%％])"
    rf"|(?P<cheng>(?P<chv>[一二三四五六七八九]|十)成(?![员为功立果绩本就长熟果交不]))"
    rf"|(?P<permil>千分之{_SP}(?:{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<frac>(?P<fd>{_AR_NUM}|{_CN_NUM})分之(?P<fn>{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<slash>(?<![\d/])(?P<sn>\d+)/(?P<sd>\d+)(?![\d/]))"
    rf"|(?P<ord>第{_SP}(?P<ov>{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<ar>(?P<av>{_AR_NUM})(?:{_SP}[多余]?{_SP}(?P<am>[百千万萬亿億]+)(?P<tail>(?:\d+[百千万萬亿億]+)*\d*))?)"
    rf"|(?P<cn>(?P<cv>{_CN_NUM})(?:[多余]?(?P<cm>[万萬亿億]+))?))",
    re.M,
)
# a single 二..九/两/十 counts (weakly) only before one of these: 三国, 五年, 两大, 十项 ...
_COUNTERS = set("个位名人项条次件种类家所座部本篇章节款段句年天周岁届批代层级倍米里吨克元台辆架艘只头张份套国省市县"
                "场轮期号页秒股支对双例笔户间栋面大强时点至到或亩斤票枚颗块片集圈遍趟处度多余来几")
_ARTICLE_COUNTERS = set("条章节款编卷项")   # 第三条 is "Article 3": a strong anchor even though small
_APPROXIMATE = set("近逾数几超约")           # 数十亿 "billions", 近一亿 "nearly 100 million": vague amounts
_ROUND_APPROXIMATE = _APPROXIMATE | set("过上破足")   # 过亿, 上百, 破千, 不足百万: vague round amounts
_SI_AFTER_KILO = set("米克瓦伏卡兆帕赫")       # 5千米 is 5 km, not 5000 metres
_PLAN_SUFFIX = re.compile(r"”?[规时期计]")    # “十四五”规划 = the 14th Five-Year Plan
_RANGE_UNIT = re.compile(rf"{_SP}[至到~～\-－—–]{_SP}{_AR_NUM}{_SP}[多余]?{_SP}([百千万萬亿億]+)")


def zh_int(s: str) -> Optional[int]:
    """Value of a Chinese numeral such as 十三, 一百零五, 三万五千, 一千二百亿; None if malformed."""
    total = section = 0
    digit: Optional[int] = None
    last_unit = 10**9       # small units must descend inside a section (三千五百, not 三百五千)
    after_unit = 0          # 一百五 = 150: a bare trailing digit is worth a tenth of the last unit
    zero = False
    for ch in s:
        if ch in _ZH_DIGITS:
            if digit is not None:
                return None
            digit = _ZH_DIGITS[ch]
            if digit == 0:
                zero, digit = True, None
        elif ch in _ZH_UNITS:
            unit = _ZH_UNITS[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if ch != "十" or section or total or zero:
                    return None
                digit = 1
            section += digit * unit
            digit, last_unit, after_unit, zero = None, unit, unit, False
        elif ch in _ZH_BIG:
            big = _ZH_BIG[ch]
            if digit is not None:
                section += digit
                digit = None
            if big == 10**8:
                total = (total + section) * big
                section = 0
            else:
                if not section:
                    return None
                section *= big
            last_unit, after_unit, zero = 10**9, big, False
        else:
            return None
    if digit is not None:
        section += digit * (after_unit // 10 if after_unit >= 100 and not zero else 1)
    return total + section


def _zh_value(s: str) -> Optional[float]:
    s = s.replace(" ", "").replace("\t", "")
    if s and s[0].isdigit():
        return float(s.replace(",", ""))
    whole, _, frac = s.partition("点")
    if whole[:1] in ("百", "千", "万", "萬", "亿", "億"):
        return None
    n = zh_int(whole)
    if n is None:
        return None
    if frac:
        return float(f"{n}." + "".join(str(_ZH_DIGITS[c]) for c in frac))
    return float(n)


def _zh_int_of(s: Optional[str]) -> Optional[int]:
    v = _zh_value(s) if s else None
    return None if v is None else int(v)


def _zh_big(mult: Optional[str]) -> float:
    value = 1.0
    for ch in mult or "":
        value *= _ZH_UNITS.get(ch) or _ZH_BIG[ch]
    return value


def _small(value: float) -> bool:
    return value <= 10 and value == int(value)


def _after_colon(text: str, start: int) -> bool:
    """Minutes and score halves (9:30, 3:1) are weak: the other side often writes 9时半 or 以3比1."""
    return text[start - 1:start] in (":", "：") and text[start - 2:start - 1].isdigit()


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _with_original_surfaces(found: list[Quantity], original: str, scanned: str) -> list[Quantity]:
    if scanned == original:
        return found
    return [replace(q, surface=original[q.start:q.end]) for q in found]


def zh_quantities(text: str) -> list[Quantity]:
    """Numbers, percentages, ordinals, years and dates in a Chinese text, in text order."""
    scanned = text.translate(_FULL_WIDTH_DIGITS)      # same length, so offsets stay valid
    return _with_original_surfaces(_zh_scan(scanned), text, scanned)


def _zh_scan(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _ZH_PATTERN.finditer(text):
        start, end, g = m.start(), m.end(), m.lastgroup
        nxt, surface = text[end:end + 1], m.group()
        if g == "list" or g == "permil":
            continue
        if g == "paren":                     # inline (3) or 今（27）日
            v = _zh_value(m.group("pv"))
            if v is not None:
                out.append(_date(None, None, int(v), start, end, text, weak=True) if m.group("pday")
                           else Quantity(v, "number", start, end, surface, weak=True))
        elif g == "ymd":
            y = m.group("y")
            year = int(y) if y.isdigit() else int("".join(str(_ZH_DIGITS[c]) for c in y))
            out.append(_date(year, _zh_int_of(m.group("ym")), _zh_int_of(m.group("yd")), start, end, text))
        elif g == "md":
            out.append(_date(None, _zh_int_of(m.group("m")), _zh_int_of(m.group("d")), start, end, text))
        elif g == "day":                     # 27日 alone: the English usually names the month too
            out.append(_date(None, None, _zh_int_of(m.group("dv")), start, end, text, weak=True))
        elif g == "decade":                  # 90年代, 八十年代, 80后: the 1990s, the 1980s
            n = 0 if m.group("dec") == "〇〇" else int(_zh_value(m.group("dec")) or 0)
            out.append(_date((2000 if n < 30 else 1900) + n, None, None, start, end, text, weak=True))
        elif g in ("pct1", "pct2"):
            raw = m.group("pv1") or m.group("pv2")
            v = 100.0 if raw == "百" else _zh_value(raw)
            if v is not None:
                out.append(Quantity(v, "percent", start, end, surface))
        elif g == "cheng":                   # 三成 = 30%
            out.append(Quantity(10.0 * (_zh_value(m.group("chv")) or 0), "percent", start, end, surface, weak=True))
        elif g in ("frac", "slash"):
            num, den = _zh_value(m.group("fn") or m.group("sn")), _zh_value(m.group("fd") or m.group("sd"))
            if num is not None and den:
                out.append(Quantity(num / den, "number", start, end, surface, weak=True))
        elif g == "ord":
            raw = m.group("ov")
            v = _zh_value(raw)
            if v is None:
                continue
            if re.match(r"[A-Za-z()（）\s]{0,8}号", text[end:end + 9]):   # 第217A(III)号: a resolution number
                out.append(Quantity(v, "number", start, end, surface))
                continue
            weak = not raw[0].isdigit() and _small(v) and nxt not in _ARTICLE_COUNTERS
            out.append(Quantity(v, "ordinal", start, end, surface, weak=weak))
        elif g == "ar":
            q = _zh_arabic(text, m)
            if q is not None:
                out.append(q)
        else:
            out.extend(_zh_numeral(text, m))
    return out


def _trim_si(units: str, nxt: str) -> str:
    return units[:-1] if units[-1:] in ("千", "百") and nxt in _SI_AFTER_KILO else units


def _zh_arabic(text: str, m: re.Match) -> Optional[Quantity]:
    start, end = m.start(), m.end()
    units, tail = m.group("am") or "", m.group("tail") or ""
    if not tail and _trim_si(units, text[end:end + 1]) != units:
        units = _trim_si(units, text[end:end + 1])          # 1100千伏 is 1,100 kV
        end = m.start("am") + len(units) if units else m.end("av")
    nxt = text[end:end + 1]
    v = _zh_value(m.group("av"))
    if v is None or nxt == "月":                  # 9月 alone is a month name ("September")
        return None
    v *= _zh_big(units)
    last = _zh_big(units[-1:]) if units else 1.0
    for digits, unit in re.findall(r"(\d+)([百千万萬亿億]*)", tail):   # 11万7015, 7万8千, 3万5
        last = _zh_big(unit) if unit else (last / 10 if len(digits) == 1 else 1.0)
        v += int(digits) * last
    if not units:
        ranged = _RANGE_UNIT.match(text, end)      # 600至850亿: both ends are in 亿
        if ranged:
            v *= _zh_big(_trim_si(ranged.group(1), text[ranged.end():ranged.end() + 1]))
    weak = _glued(text, start) or _after_colon(text, start) or v == 1 and not units and (
        nxt in _COUNTERS or text[end:end + 2] in ("小时", "分钟"))   # 1小时 is "an hour"
    return Quantity(v, "number", start, end, text[start:end], weak=weak)


def _zh_numeral(text: str, m: re.Match) -> list[Quantity]:
    raw, start, end = m.group("cv"), m.start(), m.end()
    nxt, before = text[end:end + 1], text[start - 1:start]
    counted = nxt in _COUNTERS or text[end:end + 2] == "分钟"
    v = _zh_value(raw)
    if v is None and raw[0] in "百千万萬亿億" and (counted or before in _ROUND_APPROXIMATE) and raw != "万一":
        # 百余项, 近千家, 过亿人次, 上百亿: a vague round amount, weak
        v = _zh_value("一" + raw)
        return [] if v is None else [Quantity(v * _zh_big(m.group("cm")), "number", start, end, m.group(), weak=True)]
    if v is None:
        plan = _zh_value(raw[:-1]) if raw.endswith("五") and len(raw) > 1 else None
        if plan is not None and _PLAN_SUFFIX.match(text, end):      # “十四五”规划 = the 14th Five-Year Plan
            return [Quantity(plan, "ordinal", start, end, raw)]
        pair = re.fullmatch(r"([一二三四五六七八九])([二三四五六七八九])([十百千万萬亿億]*)", raw)
        if pair and _ZH_DIGITS[pair[2]] - _ZH_DIGITS[pair[1]] in (1, 2):   # 四五十天 = 40-50 days
            unit = _zh_big(pair[3])
            return [Quantity(_ZH_DIGITS[d] * unit, "number", start, end, raw, weak=True) for d in pair.groups()[:2]]
        return []
    v *= _zh_big(m.group("cm"))
    if nxt == "月" or len(raw) == 1 and not m.group("cm") and not counted:
        return []       # single characters live inside words: 一切, 统一, 十分, 二者; 十二月 is December
    if len(raw) > 1 and all(c in _ZH_DIGITS for c in raw):
        return []       # digit strings without 年 are names: 五四, 九一八, 一一
    weak = _small(v) or before in _APPROXIMATE or raw == "十一" and not counted   # 数十亿; “十一” National Day
    return [Quantity(v, "number", start, end, m.group(), weak=weak)]


# --------------------------------------------------------------------------------------------- English
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
_MONTHS = _words("January February March April May June July August September October November December",
                 range(1, 13))
_MONTHS |= {m[:3]: v for m, v in _MONTHS.items()} | {"Sept": 9}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"\d{4}\b"
_EN_DATE = re.compile(   # month names are case-sensitive so that "may" the verb is no month
    rf"(?=[\dJFMASOND])(?:\b(?P<d1>{_DAY})(?:\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|\b(?P<m2>{_MONTH})\s+(?:(?P<d2>{_DAY})(?!,?\d)(?:,?\s+(?P<y2>{_YEAR}))?|(?P<y3>{_YEAR})))")
_EN_NUMBER = re.compile(
    rf"(?=[\d(]|^|\b(?:a[ \t]|{_EN_PREFIXES}))"     # cheap first test: most positions cannot start one
    rf"(?:(?P<list>^[ \t]*\(?(?:\d{{1,2}}|[a-z])[.)](?=\s))"
    rf"|(?P<paren>\((?:\d{{1,2}}|[a-z]|(?-i:[IVX]+|[ivx]+))\))"
    rf"|(?P<roman>\b(?:{_ROMAN_AFTER})[ \t]+(?-i:(?P<rv>[IVXLC]+))\b)"
    rf"|(?P<slash>(?<![\d/])(?P<sn>\d+)/(?P<sd>\d+)(?![\d/]))"
    rf"|(?<!\d)(?<!\d\.)(?P<digits>(?:{_AR_INT})(?:\.\d+)?)"
    rf"|(?P<words>(?:\ba[ \t]+(?=hundred|thousand|million|billion))?{_EN_WORD}"
    rf"(?:(?:[ \t]*[-‐–][ \t]*|[ \t]+(?:and[ \t]+)?){_EN_WORD})*))",
    re.M | re.I)
_EN_SUFFIX = re.compile(r"(?P<pct>[ \t]*(?:%|per[ \t]?cent\b|percent\b))|(?P<ord>st|nd|rd|th)\b|(?P<decade>s)\b"
                        r"|[ \t\-‐]*(?P<mul>hundred|thousand|million|billion|trillion|bn|mn|tn)\b", re.I)
_EN_RANGE = re.compile(r"[ \t]*(?:to|-|–|‐|and)[ \t]*\d[\d,.]*[ \t\-‐]*(million|billion|trillion|bn|mn|tn)\b", re.I)
_EN_MULTIPLIERS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                   "mn": 10**6, "bn": 10**9, "tn": 10**12}
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|the|this|that|each|which|little)[ \t]+$", re.I)
_PRONOUN_ONE_AFTER = re.compile(r"[ \t]*(?:another\b|'s\b|’s\b)", re.I)


def en_quantities(text: str) -> list[Quantity]:
    """Numbers, percentages, ordinals, years and dates in an English text, in text order."""
    scanned = text.translate(_FULL_WIDTH_DIGITS)
    return _with_original_surfaces(_en_scan(scanned), text, scanned)


def _en_scan(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _EN_DATE.finditer(text):
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        month = _MONTHS[(m.group("m1") or m.group("m2")).rstrip(".")]
        out.append(_date(int(year) if year else None, month, int(re.sub(r"\D", "", day)) if day else None,
                         m.start(), m.end(), text))
    dates = list(out)
    date_ends = [q.end for q in dates]      # dates do not overlap, so their ends are sorted too
    for m in _EN_NUMBER.finditer(text):
        k = bisect_right(date_ends, m.start())
        if m.lastgroup == "list" or k < len(dates) and dates[k].start < m.end():
            continue                        # a list mark, or part of a date already taken
        if m.lastgroup == "paren":          # (3), (III): list marks and session numbers, weak
            inner = m.group()[1:-1]
            value = int(inner) if inner.isdigit() else _roman(inner.upper()) if len(inner) > 1 else None
            if value is not None:
                out.append(Quantity(float(value), "number", m.start(), m.end(), m.group(), weak=True))
        elif m.lastgroup == "roman":        # Chapter VI, World War II
            value = _roman(m.group("rv"))
            if value is not None:
                out.append(Quantity(float(value), "number", m.start("rv"), m.end(), m.group("rv")))
        elif m.lastgroup == "slash":        # 1/10, 2/3: weak, like 十分之一
            if int(m.group("sd")):
                out.append(Quantity(int(m.group("sn")) / int(m.group("sd")), "number", m.start(), m.end(),
                                    m.group(), weak=True))
        elif m.lastgroup == "digits":
            out.append(_en_digits(text, m))
        else:
            out.extend(_en_words(text, m))
    out.sort(key=lambda q: q.start)
    return out


def _roman(numeral: str) -> Optional[int]:
    values = [_ROMAN[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total < 400 else None


def _glued(text: str, start: int) -> bool:
    """Digits glued to letters are names and codes (G20, COVID-19), not quantities of the sentence."""
    before = text[max(0, start - 2):start].rstrip("-‐")
    return bool(before) and before[-1].isascii() and before[-1].isalpha()


def _en_digits(text: str, m: re.Match) -> Quantity:
    start, end, raw = m.start(), m.end(), m.group()
    v = float(raw.replace(",", ""))
    s = _EN_SUFFIX.match(text, end)
    suffix = s.lastgroup if s else None
    if suffix == "pct":
        return Quantity(v, "percent", start, s.end(), text[start:s.end()])      # type: ignore[union-attr]
    if suffix == "ord" and "." not in raw:
        return Quantity(v, "ordinal", start, s.end(), text[start:s.end()])      # type: ignore[union-attr]
    if suffix == "mul":
        end = s.end()                                                            # type: ignore[union-attr]
        return Quantity(v * _EN_MULTIPLIERS[s.group("mul").lower()], "number", start, end, text[start:end])
    ranged = _EN_RANGE.match(text, end)               # 60 to 85 billion: both ends are in billions
    if ranged:
        v *= _EN_MULTIPLIERS[ranged.group(1).lower()]
    elif len(raw) == 4 and raw.isdigit() and 1000 <= v <= 2100 and text[start - 1:start] not in ("$", "€", "£", "¥"):
        return _date(int(v), None, None, start, s.end() if suffix == "decade" else end, text)   # the 1990s
    return Quantity(v, "number", start, end, raw, weak=_glued(text, start) or _after_colon(text, start))


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
                            weak=fraction or (_small(value) and kind != "percent")))
        i = j
    return out


# --------------------------------------------------------------------------------------------- matching
def _value_key(v: float) -> float:
    return float(f"{v:.9g}")


def _dates_agree(a: DateParts, b: DateParts) -> int:
    """Number of shared known parts when all of them agree (0 = no match). 12月10日 agrees with
    10 December 1948; a month alone agreeing is not enough (September 2022 vs 9月16日)."""
    shared = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    if any(x != y for x, y in shared):
        return 0
    if a[0] is not None and b[0] is not None or (a[1] is not None and b[1] is not None
                                                  and a[2] is not None and b[2] is not None):
        return len(shared)
    return 0


def _day_only(q: Quantity) -> bool:
    return q.kind == "date" and q.date is not None and q.date[0] is None and q.date[1] is None


def _agreement(a: Quantity, b: Quantity) -> int:
    """How well two quantities of different sides correspond: 0 = not at all, higher = better."""
    if _day_only(a) or _day_only(b):
        # 27日 alone meets "September 27" or "the 27th"
        day, other = (a, b) if _day_only(a) else (b, a)
        if other.kind == "date":
            return 1 if other.date[2] == day.date[2] else 0          # type: ignore[index]
        return 1 if other.kind in ("number", "ordinal") and other.value == day.value else 0
    dated_a, dated_b = a.kind in ("year", "date"), b.kind in ("year", "date")
    if dated_a and dated_b:
        return _dates_agree(a.date, b.date)            # type: ignore[arg-type]
    if dated_a or dated_b:
        dated, other = (a, b) if dated_a else (b, a)
        # a year written as a bare number (1948 in a list of figures) is still the year
        return 1 if dated.kind == "year" and other.kind == "number" and math.isclose(
            dated.value, other.value, rel_tol=1e-9) else 0
    if not math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-12):
        return 0
    if a.kind == b.kind:
        return 3
    return 2 if "number" in (a.kind, b.kind) else 0    # 第三十条 ~ Article 30, 5% ~ 5 (percentage points)


def _keys(q: Quantity) -> list[tuple]:
    keys: list[tuple] = []
    if q.kind != "date" or _day_only(q):
        keys.append(("v", _value_key(q.value)))
    if q.date is not None:
        y, m, d = q.date
        if y is not None:
            keys.append(("y", y))
        if m is not None and d is not None:
            keys.append(("md", m, d))
        if d is not None:
            keys.append(("d", d))
    return keys


def _identity(q: Quantity) -> tuple:
    return (q.kind, q.date) if q.kind == "date" else (q.kind, _value_key(q.value))


def _classes(quantities: list[Quantity]) -> dict[tuple, list[int]]:
    """Indices of interchangeable quantities (same kind, value and weakness), in text order."""
    classes: dict[tuple, list[int]] = {}
    for index, q in enumerate(quantities):
        classes.setdefault((_identity(q), q.weak), []).append(index)
    return classes


def unmatched(zh: list[Quantity], en: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Pair the quantities of the two sides as a multiset; return (zh without English counterpart,
    en without Chinese counterpart). Weak quantities take part in the pairing but are never returned."""
    zh_classes, en_classes = _classes(zh), _classes(en)
    en_by_key: dict[tuple, list[tuple]] = {}
    for cls, members in en_classes.items():
        for key in _keys(en[members[0]]):
            en_by_key.setdefault(key, []).append(cls)
    # pairing works on classes, not items, so that a value repeated a thousand times costs nothing extra
    pairs: list[tuple[int, int, bool, int, int, tuple, tuple]] = []
    for z_cls, z_members in zh_classes.items():
        z = zh[z_members[0]]
        for e_cls in {c: None for key in _keys(z) for c in en_by_key.get(key, ())}:
            e = en[en_classes[e_cls][0]]
            score = _agreement(z, e)
            if score and not (z.weak and e.weak):        # weak pairs change nothing reported
                # strong-with-strong first, so that a weak word never steals a strong one's partner
                pairs.append((z.weak + e.weak, -score, z_cls[0] != e_cls[0], z_members[0], en_classes[e_cls][0],
                              z_cls, e_cls))
    pairs.sort(key=lambda p: p[:5])
    zh_used, en_used = [False] * len(zh), [False] * len(en)
    zh_next = dict.fromkeys(zh_classes, 0)
    en_next = dict.fromkeys(en_classes, 0)
    for *_, z_cls, e_cls in pairs:
        zi, ei = zh_next[z_cls], en_next[e_cls]
        count = min(len(zh_classes[z_cls]) - zi, len(en_classes[e_cls]) - ei)
        for k in range(count):
            zh_used[zh_classes[z_cls][zi + k]] = en_used[en_classes[e_cls][ei + k]] = True
        zh_next[z_cls], en_next[e_cls] = zi + count, ei + count
    return ([q for q, used in zip(zh, zh_used) if not used and not q.weak],
            [q for q, used in zip(en, en_used) if not used and not q.weak])
