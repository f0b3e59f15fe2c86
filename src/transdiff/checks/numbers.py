"""The numbers and dates checks: quantities of one side of an aligned pair the other side lacks.

Reading and pairing are represent/numbers' (ordinals, numbers in words, digit grouping, days, times,
decades, ranges, numbers inside names); here the leftovers become one mismatch for numbers and one for
dates. A quantity on both sides that disagrees is a clear substitution (0.9); one present on one side
only may be expressed in words no reader understands (0.6).
"""
from __future__ import annotations

import re

from ..represent.numbers import Quantity, agree, digit_names, unmatched
from .pairs import AlignedPair, Mismatch

SUBSTITUTION_CONFIDENCE = 0.9
ONE_SIDED_CONFIDENCE = 0.6


def is_date(q: Quantity) -> bool:
    return q.date is not None or q.kind in ("year", "time")


def _dated(left: list[Quantity], other_left: list[Quantity]) -> list[bool]:
    """Which leftovers are dates. A bare year stands with the numbers when the other side has only numbers
    left: resolution 1972 (2011) against 第1970(2011)号决议 is one number changed, not a date and a number."""
    other_numbers = sum(1 for q in other_left if not is_date(q))
    # only when the other side has a number more than this side, and no date, for the year to stand against
    unpaired = other_numbers > sum(1 for q in left if not is_date(q)) and not any(is_date(q) for q in other_left)
    return [is_date(q) and not (q.kind == "year" and unpaired) for q in left]


def _said_elsewhere(q: Quantity, other_side: list[Quantity]) -> bool:
    # "this year" stands for any year, so it says nothing about which one
    return q.kind != "relyear" and any(o.kind != "relyear" and agree(q, o) for o in other_side)


def _telling(q: Quantity) -> bool:
    """Strong, or a weak number of 2 or more, a fraction, an ordinal from "third": "one", 一, "first", "second" and
    "half" are rendered as "a", "an", "single", 之一 or not at all so often that one left over tells nothing."""
    if not q.weak:
        return True
    if q.kind == "ordinal":              # "second", 第二产业 (secondary industry): not always a rank
        return q.value >= 3
    whole = q.value >= 2 and q.value == int(q.value)
    # two-thirds; eight thirds, but not one and a half (一个半小时 / 90 minutes)
    fraction = 0 < q.value < 1 and q.value != 0.5 or q.value > 1 and q.value * 2 != int(q.value * 2)
    return q.kind in ("number", "percent") and (whole or fraction)


def _reported(left: list[Quantity], other_left: list[Quantity]) -> list[str]:
    """A weak quantity left over (五场, "five", 26日) is reported only when the other side has one left too:
    五场 against "two" is a substitution, 五场 against nothing may be a paraphrase."""
    return [q.surface for q in left if not q.weak or _telling(q) and any(_stands_against(q, o) for o in other_left)]


def _stands_against(weak: Quantity, other: Quantity) -> bool:
    """A strong leftover, or a weak one of the same order of magnitude: 五场 against "two" is a changed
    number, 两 against "Five-hundred-meter" two unrelated words."""
    if weak.kind == other.kind == "ordinal" and weak.value != other.value:
        return True           # 第三个 against "the second": one rank for another
    if not _telling(other):
        return False
    if not other.weak:
        return True
    low, high = sorted((abs(weak.value), abs(other.value)))
    return low > 0 and high / low < 10


def _list_commas(zh_left: list[Quantity], en_left: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """211，985大学 is 211 and 985 when the other side has those two numbers left: a comma between digits
    groups thousands (100，000) or lists numbers, and which one it is only the other side tells."""
    for q in [q for q in zh_left if ("，" in q.surface or "," in q.surface) and q.kind == "number"]:
        parts = [p.strip() for p in re.split("[,，]", q.surface)]
        if not all(p.isdigit() for p in parts):
            continue
        matched = []
        for part in parts:
            hit = next((e for e in en_left if e.kind == "number" and e.value == int(part) and e not in matched), None)
            if hit is None:
                break
            matched.append(hit)
        else:
            zh_left = [z for z in zh_left if z is not q]
            en_left = [e for e in en_left if not any(e is m for m in matched)]
    return zh_left, en_left


def quantity_mismatches(pair: AlignedPair) -> list[Mismatch]:
    zh_f, zh_text = pair.zh
    en_f, _ = pair.en
    zh_q = [q for f in zh_f for q in f.quantities]
    en_q = [q for f in en_f for q in f.quantities]
    if not zh_q and not en_q:
        return []
    zh_left, en_left = _list_commas(*unmatched(zh_q, en_q, include_weak=True))
    if en_left:
        # the 1992 Consensus is 九二共识: a year or day the Chinese names by its digits only
        named = digit_names(zh_text)
        en_left = [q for q in en_left if not any(agree(n, q) for n in named)]
    # a value repeated on one side (15岁 ... 不满15岁 / 15 years ... under that age) is one value, not two
    # when nothing is left on the other side to stand against it
    zh_left, en_left = ([q for q in zh_left if any(_telling(e) for e in en_left) or not _said_elsewhere(q, en_q)],
                        [q for q in en_left if any(_telling(z) for z in zh_left) or not _said_elsewhere(q, zh_q)])
    src_only, tgt_only = pair.by_side(zh_left, en_left)
    src_dated, tgt_dated = _dated(src_only, tgt_only), _dated(tgt_only, src_only)
    out = []
    for kind, dated in (("number", False), ("date", True)):
        s = _reported([q for q, d in zip(src_only, src_dated) if d == dated],
                      [q for q, d in zip(tgt_only, tgt_dated) if d == dated])
        t = _reported([q for q, d in zip(tgt_only, tgt_dated) if d == dated],
                      [q for q, d in zip(src_only, src_dated) if d == dated])
        if s or t:
            confidence = SUBSTITUTION_CONFIDENCE if s and t else ONE_SIDED_CONFIDENCE
            out.append(Mismatch(kind, s, t, confidence))
    return out
