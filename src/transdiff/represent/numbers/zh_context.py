"""Chinese quantities read from their context: clock times (次日00:30以后) and counts of listed items
(中、英 ... 日等8个语种), for zh.py."""
from __future__ import annotations

import re

from ...dictionary.cedict import load_cedict
from .quantity import Quantity

_CLOCK = re.compile(r"(?<![\d.:：])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:：])")
# a clock time, unlike a score (以25:19), comes with words of time or of a span
_CLOCK_BEFORE = re.compile(r"(?:次日|凌晨|上午|下午|晚上|早上|中午|时间|[至到由从于在])[ \t]*$")
_CLOCK_AFTER = re.compile(r"[ \t]*(?:以后|以前|之前|之后|[前后开起至到许]|发车|左右)")


def clock_times(text: str) -> list[Quantity]:
    """Times of day written with a colon (23:15, 00：50) where words of time or of a span stand by them."""
    out = []
    for m in _CLOCK.finditer(text):
        if _CLOCK_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _CLOCK_AFTER.match(text, m.end()):
            out.append(Quantity(float(int(m.group(1)) * 60 + int(m.group(2))), "time", m.start(), m.end(), m.group()))
    return out


_CLAUSE_END = re.compile(r"[，。；：:,;（()）“”\n]")
_LIST_FOLLOWS = re.compile(r"[^，。；]{0,3}?(?:分别是|分别为|分别|包括|即|是|为|：|:)")


def counts_a_list(text: str, start: int, end: int, value: float) -> bool:
    """中、英、法 ... 日等8个语种, 产品设计、销售交易、资产管理、风险评估4大能力, 其他4人分别是A、B、C、D: a count of
    the items listed next to it, which a translation may list without the count."""
    if not 2 <= value <= 12:
        return False
    before = text[max(0, start - 200):start]
    clause = _CLAUSE_END.split(before)[-1].rstrip(" 等")
    if clause.count("、") + 1 == value and clause.count("、"):
        return True
    follows = _LIST_FOLLOWS.match(text, end)
    if not follows:
        return False
    after = re.split(r"[。；;\n]", text[follows.end():follows.end() + 300])[0]
    items = after.count("、") + (1 if re.search(r"[和及与]", after.rsplit("、", 1)[-1]) else 0) + 1
    return bool(after.count("、")) and items == value


# ㈠ .. ㈩: a parenthesised numeral in one character (第七条第㈡款 = article 7 (2))
PAREN_NUMERALS = {chr(0x3220 + i): i + 1 for i in range(10)}
# 一交一直 "one AC and one DC", 一南一北, 一老一少: 一X一Y counts one of each
_ONE_OF_EACH = re.compile(r"一[\u4e00-\u9fff]一[\u4e00-\u9fff]")


def one_of_each(text: str, start: int) -> bool:
    """Is the 一 at ``start`` one of the two of an 一X一Y pair?"""
    return bool(_ONE_OF_EACH.match(text, start) or start >= 2 and _ONE_OF_EACH.match(text, start - 2))


_DIGIT = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 九二共识, 九一八事变, 五四运动, 三八妇女节: a string of digits before the noun it names, not before a counter
_DIGIT_NAME = re.compile(r"(?<![一二三四五六七八九十百千万亿〇零两\d])([〇一二三四五六七八九]{2,3})"
                         r"(?=[\u4e00-\u9fff])(?![年月日号时点分秒个位名人项条次件种届批倍])")


def digit_names(text: str) -> list[Quantity]:
    """The years and days that strings of digits name (九二共识 the 1992 Consensus, 九一八事变 the September 18
    Incident, 五四运动 the May 4th Movement), all weak: the reader leaves digit strings without 年 alone, but
    the other side may write what they stand for."""
    out = []
    for m in _DIGIT_NAME.finditer(text):
        d = [_DIGIT[c] for c in m.group(1)]
        start, end, raw = m.start(1), m.end(1), m.group(1)
        days: list[tuple[int, int]] = []
        if len(d) == 2:
            number = 10 * d[0] + d[1]
            year = 2000 + number if number < 30 else 1900 + number
            out.append(Quantity(float(year), "year", start, end, raw, (year, None, None), weak=True))
            days.append((d[0], d[1]))
        else:
            days += [(d[0], 10 * d[1] + d[2]), (10 * d[0] + d[1], d[2])]
        out += [Quantity(float(month * 100 + day), "date", start, end, raw, (None, month, day), weak=True)
                for month, day in days if 1 <= month <= 12 and 1 <= day <= 31]
    return out


def starts_a_name(text: str, at: int) -> bool:
    """A name of three or more characters begins at ``at`` (克罗地亚 Croatia, 所罗门群岛): its first character
    is then no counter (克 grams, 所 institutions) of a number before it."""
    senses = load_cedict().senses
    for end in range(min(len(text), at + 6), at + 2, -1):
        glosses = senses.get(text[at:end])
        if glosses:
            return glosses[0][:1].isupper()
    return False
