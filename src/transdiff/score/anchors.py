"""Anchor agreement: numbers, dates and acronyms shared by both sides are strong evidence of a match;
anchors on both sides that all disagree are evidence against it."""
from __future__ import annotations

from typing import Sequence

from ..represent import Features


def _anchor_keys(f: Features) -> frozenset[str]:
    return frozenset(k for k in f.keyset if k.startswith("#")) | f.acronyms


class AnchorAgreement:
    name = "anchors"

    def __init__(self, source: Sequence[Features], target: Sequence[Features], *, bonus: float = 1.5,
                 penalty: float = 1.0, weight: float = 1.0) -> None:
        self.weight = weight
        self.bonus = bonus
        self.penalty = penalty
        self._src = [_anchor_keys(f) for f in source]
        self._tgt = [_anchor_keys(f) for f in target]

    def score(self, i: int, a: int, j: int, b: int) -> float:
        src = frozenset().union(*self._src[i:i + a]) if a > 1 else self._src[i]
        tgt = frozenset().union(*self._tgt[j:j + b]) if b > 1 else self._tgt[j]
        if not src or not tgt:
            return 0.0
        shared = len(src & tgt)
        if shared:
            return self.weight * self.bonus * shared
        return -self.weight * self.penalty
