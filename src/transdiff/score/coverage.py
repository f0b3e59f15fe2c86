"""Dictionary coverage in both directions, scored as a log-likelihood ratio.

For every source unit we ask whether the target side of the bead has a matching key, and vice versa.
A covered unit is evidence for a translation (weight ``alpha``), an uncovered one against it
(``beta``). Both weights come from the document pair itself: ``p_match`` is the coverage rate of
segments that translate each other, ``p_random`` that of unrelated segments, and
alpha = log(p_match / p_random), beta = log((1 - p_random) / (1 - p_match)).
"""
from __future__ import annotations

import math
import random
from typing import Sequence

from ..represent import Features


class CoverageTable:
    """Bitmasks of which units of segment i are covered by segment j (and the reverse), computed lazily."""

    def __init__(self, source: Sequence[Features], target: Sequence[Features]) -> None:
        self.source = source
        self.target = target
        self._cache: dict[tuple[int, int], tuple[int, int]] = {}
        self.source_units = [len(f.units) for f in source]
        self._rate_key: tuple[float, float] = (-1.0, -1.0)
        self._src_rates: dict[tuple[int, int, int], float] = {}
        self._tgt_rates: dict[tuple[int, int, int], float] = {}
        self.target_units = [len(f.units) for f in target]

    def masks(self, i: int, j: int) -> tuple[int, int]:
        """(units of source i covered by target j, units of target j covered by source i) as bitmasks."""
        hit = self._cache.get((i, j))
        if hit is None:
            src, tgt = self.source[i], self.target[j]
            s_mask = 0
            keyset = tgt.keyset
            if keyset:
                for bit, unit in enumerate(src.units):
                    if not unit.keys.isdisjoint(keyset):
                        s_mask |= 1 << bit
            t_mask = 0
            keyset = src.keyset
            if keyset:
                for bit, unit in enumerate(tgt.units):
                    if not unit.keys.isdisjoint(keyset):
                        t_mask |= 1 << bit
            hit = self._cache[(i, j)] = (s_mask, t_mask)
        return hit

    def counts(self, i: int, a: int, j: int, b: int) -> tuple[int, int, int, int]:
        """(covered source units, source units, covered target units, target units) of a bead."""
        covered_s = covered_t = 0
        t_masks = [0] * b
        for di in range(a):
            s_or = 0
            for dj in range(b):
                s_mask, t_mask = self.masks(i + di, j + dj)
                s_or |= s_mask
                t_masks[dj] |= t_mask
            covered_s += s_or.bit_count()
        for m in t_masks:
            covered_t += m.bit_count()
        total_s = sum(self.source_units[i:i + a])
        total_t = sum(self.target_units[j:j + b])
        return covered_s, total_s, covered_t, total_t

    def segment_rates(self, i: int, a: int, j: int, b: int, prior: float, strength: float) -> float:
        """Sum over the bead's segments of their smoothed coverage rate minus ``prior``.

        Each segment counts once whatever its length, so merging two good beads into one gains only
        the little extra coverage the merge adds, and the bead-type prior decides. A segment's rate
        against a run of segments of the other side is memoised: the DP asks for it under many shapes.
        """
        key = (prior, strength)
        if key != self._rate_key:
            self._rate_key = key
            self._src_rates.clear()
            self._tgt_rates.clear()
        total = 0.0
        src_rates, tgt_rates = self._src_rates, self._tgt_rates
        for di in range(a):
            k = (i + di, j, b)
            r = src_rates.get(k)
            if r is None:
                s_or = 0
                for dj in range(b):
                    s_or |= self.masks(i + di, j + dj)[0]
                r = src_rates[k] = (s_or.bit_count() + prior * strength) / (self.source_units[i + di] + strength) - prior
            total += r
        for dj in range(b):
            k = (j + dj, i, a)
            r = tgt_rates.get(k)
            if r is None:
                t_or = 0
                for di in range(a):
                    t_or |= self.masks(i + di, j + dj)[1]
                r = tgt_rates[k] = (t_or.bit_count() + prior * strength) / (self.target_units[j + dj] + strength) - prior
            total += r
        return total

    def rate(self, i: int, j: int) -> float:
        cs, ts, ct, tt = self.counts(i, 1, j, 1)
        return (cs + ct) / (ts + tt) if ts + tt else 0.0


class LexicalCoverage:
    name = "coverage"

    def __init__(self, table: CoverageTable, p_match: float = 0.6, p_random: float = 0.08,
                 weight: float = 1.0) -> None:
        self.table = table
        self.weight = weight
        self.set_rates(p_match, p_random)

    p_near = 0.1

    def set_rates(self, p_match: float, p_random: float) -> None:
        p_match = min(max(p_match, 0.15), 0.95)
        p_random = min(max(p_random, 0.005), p_match * 0.6)
        self.p_match, self.p_random = p_match, p_random
        self.alpha = math.log(p_match / p_random)
        self.beta = math.log((1 - p_random) / (1 - p_match))

    mode = "rate"
    rate_weight = 5.0
    smoothing = 4.0

    def score(self, i: int, a: int, j: int, b: int) -> float:
        if self.mode == "rate":
            threshold = (self.p_match + self.p_random) / 2
            return self.weight * self.rate_weight * self.table.segment_rates(i, a, j, b, threshold, self.smoothing)
        cs, ts, ct, tt = self.table.counts(i, a, j, b)
        covered = cs + ct
        return self.weight * (self.alpha * covered - self.beta * (ts + tt - covered))

    def estimate(self, diagonal: Sequence[int], band: int, seed: int = 13) -> None:
        """Estimate p_match from the best pair near the expected path and p_random from far pairs."""
        n, m = len(self.table.source), len(self.table.target)
        if n == 0 or m == 0:
            return
        rng = random.Random(seed)
        step = max(1, n // 400)
        best_rates, far_rates, near_rates = [], [], []
        for i in range(0, n, step):
            if not self.table.source_units[i]:
                continue
            centre = diagonal[i]
            lo, hi = max(0, centre - 2), min(m, centre + 3)
            if lo < hi:
                rates = [(self.table.rate(i, j), j) for j in range(lo, hi)]
                top, j_best = max(rates)
                best_rates.append(top)
                near = [self.table.rate(i, j) for j in (j_best - 3, j_best - 2, j_best + 2, j_best + 3)
                        if 0 <= j < m]
                if near:
                    near_rates.append(sum(near) / len(near))
            if m > 2 * band + 6:
                for _ in range(2):
                    j = rng.randrange(m)
                    if abs(j - centre) > band + 3:
                        far_rates.append(self.table.rate(i, j))
        if best_rates:
            best_rates.sort()
            p_match = best_rates[len(best_rates) // 2]
            p_random = sum(far_rates) / len(far_rates) if far_rates else self.p_random
            self.set_rates(p_match, p_random)
            if near_rates:
                # coverage by nearby segments on the same topic: what an untranslated sentence gets by chance
                self.p_near = min(max(sum(near_rates) / len(near_rates), self.p_random), self.p_match * 0.8)
