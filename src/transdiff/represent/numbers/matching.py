"""Pairing the quantities of the two sides: what agrees with what, and what is left without a counterpart."""
from __future__ import annotations

import math

from .quantity import DateParts, Quantity


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
    # a month without its year (11月底, "during December") is that month of the year the other side names
    if a[1] is not None and b[1] is not None and a[2] is None and b[2] is None:
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
    if "relyear" in (a.kind, b.kind):
        other = b if a.kind == "relyear" else a
        # "this year" says which year, not which month: 今年3月 against April 2019 is a changed month
        return 1 if other.kind == "relyear" or other.date is not None and other.date[0] is not None and \
            other.date[1] is None else 0
    if "time" in (a.kind, b.kind):
        if a.kind == b.kind:          # 10时15分 / 10:15; a side that names no half of the day means either
            return 3 if (a.value - b.value) % 720 == 0 else 0
        time, other = (a, b) if a.kind == "time" else (b, a)
        # 21:25 is also a score (以21:25), whose first number the other side writes alone
        return 1 if other.kind == "number" and other.value == time.value // 60 else 0
    dated_a, dated_b = a.kind in ("year", "date"), b.kind in ("year", "date")
    if dated_a and dated_b:
        return _dates_agree(a.date, b.date)            # type: ignore[arg-type]
    if dated_a or dated_b:
        dated, other = (a, b) if dated_a else (b, a)
        # a year written as a bare number (1948 in a list of figures) is still the year, and resolution
        # 1970 (2011) reads like a year but is 第1970(2011)号决议
        return 1 if dated.kind == "year" and other.kind in ("number", "ordinal") and math.isclose(
            dated.value, other.value, rel_tol=1e-9) else 0
    if a.weak and b.weak and {a.kind, b.kind} == {"percent", "number"}:
        # 近三成 / nearly one third: 30 per cent and a third are one vague share
        share, number = (a, b) if a.kind == "percent" else (b, a)
        return 1 if 0 < number.value < 1 and math.isclose(share.value / 100, number.value, rel_tol=0.15) else 0
    if not any(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for x in a.values for y in b.values):
        return 0
    if a.kind == b.kind:
        return 3
    return 2 if "number" in (a.kind, b.kind) else 0    # 第三十条 ~ Article 30, 5% ~ 5 (percentage points)


def agree(a: Quantity, b: Quantity) -> bool:
    """Do a quantity of one side and one of the other side say the same thing?"""
    return _agreement(a, b) > 0


def _keys(q: Quantity) -> list[tuple]:
    if q.kind == "relyear":
        return [("relyear",)]
    if q.kind == "time":
        return [("t", q.value % 720), ("v", q.value // 60)]
    keys: list[tuple] = []
    if q.weak and (q.kind == "percent" or q.kind == "number" and 0 < q.value < 1):
        keys.append(("share",))          # 三成 meets "one third"
    if q.kind != "date" or _day_only(q):
        keys += [("v", _value_key(v)) for v in q.values]
    if q.date is not None:
        y, m, d = q.date
        if y is not None:
            keys += [("y", y), ("relyear",)]
        if m is not None and d is not None:
            keys.append(("md", m, d))
        elif m is not None:
            keys.append(("m", m))
        if d is not None:
            keys.append(("d", d))
    return keys


def _identity(q: Quantity) -> tuple:
    return (q.kind, q.date) if q.kind == "date" else (q.kind, _value_key(q.value), q.also)


def _classes(quantities: list[Quantity]) -> dict[tuple, list[int]]:
    """Indices of interchangeable quantities (same kind, value and weakness), in text order."""
    classes: dict[tuple, list[int]] = {}
    for index, q in enumerate(quantities):
        classes.setdefault((_identity(q), q.weak), []).append(index)
    return classes


def unmatched(zh: list[Quantity], en: list[Quantity], *,
              include_weak: bool = False) -> tuple[list[Quantity], list[Quantity]]:
    """Pair the quantities of the two sides as a multiset; return (zh without English counterpart,
    en without Chinese counterpart). Weak quantities take part in the pairing but are returned only
    with ``include_weak``."""
    zh_classes, en_classes = _classes(zh), _classes(en)
    en_by_key: dict[tuple, list[tuple]] = {}
    for cls, members in en_classes.items():
        for key in _keys(en[members[0]]):
            en_by_key.setdefault(key, []).append(cls)
    # pairing works on classes, not items, so that a value repeated a thousand times costs nothing extra
    pairs: list[tuple[bool, int, int, bool, int, int, tuple, tuple]] = []
    for z_cls, z_members in zh_classes.items():
        z = zh[z_members[0]]
        for e_cls in {c: None for key in _keys(z) for c in en_by_key.get(key, ())}:
            e = en[en_classes[e_cls][0]]
            score = _agreement(z, e)
            if score:
                # strong-with-strong first, so that a weak word never steals a strong one's partner
                # "this year" takes a year only when nothing else does: 2004年 ... 今年 / 2005 ... this year
                relative = "relyear" in (z.kind, e.kind) and z.kind != e.kind
                pairs.append((relative, z.weak + e.weak, -score, z_cls[0] != e_cls[0], z_members[0], en_classes[e_cls][0],
                              z_cls, e_cls))
    pairs.sort(key=lambda p: p[:6])
    zh_used, en_used = [False] * len(zh), [False] * len(en)
    zh_next = dict.fromkeys(zh_classes, 0)
    en_next = dict.fromkeys(en_classes, 0)
    for *_, z_cls, e_cls in pairs:
        zi, ei = zh_next[z_cls], en_next[e_cls]
        count = min(len(zh_classes[z_cls]) - zi, len(en_classes[e_cls]) - ei)
        for k in range(count):
            zh_used[zh_classes[z_cls][zi + k]] = en_used[en_classes[e_cls][ei + k]] = True
        zh_next[z_cls], en_next[e_cls] = zi + count, ei + count
    return ([q for q, used in zip(zh, zh_used) if not used and (include_weak or not q.weak)],
            [q for q, used in zip(en, en_used) if not used and (include_weak or not q.weak)])
