"""Length agreement: a Gaussian on the log of the length ratio, with the ratio estimated per document.

English needs 3.4-5.2 characters per Chinese character depending on the translator, so the expected
ratio is the document's own (total target characters / total source characters).
"""
from __future__ import annotations

import math
from typing import Sequence


class LengthRatio:
    name = "length"

    def __init__(self, source_lengths: Sequence[int], target_lengths: Sequence[int], *,
                 sigma: float = 0.5, weight: float = 1.0) -> None:
        self.weight = weight
        self.sigma = sigma
        total_s, total_t = sum(source_lengths), sum(target_lengths)
        self.ratio = (total_t / total_s) if total_s and total_t else 1.0
        self._cum_s = _cumulative(source_lengths)
        self._cum_t = _cumulative(target_lengths)

    def score(self, i: int, a: int, j: int, b: int) -> float:
        ls = self._cum_s[i + a] - self._cum_s[i]
        lt = self._cum_t[j + b] - self._cum_t[j]
        # +8 damps the noise of very short segments (titles, list marks)
        r = math.log((lt + 8) / (self.ratio * ls + 8))
        return -self.weight * (r * r) / (2 * self.sigma * self.sigma)


def _cumulative(values: Sequence[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out
