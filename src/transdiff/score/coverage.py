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
from typing import Optional, Sequence

from ..represent import Features


class CoverageTable:
    """Bitmasks of which units of segment i are covered by segment j (and the reverse).

    Each segment keeps, per key, the bitmask of its units that carry it; the masks of a pair are then
    the OR over the keys the two segments share, a handful, instead of one set test per unit.
    """

    def __init__(self, source: Sequence[Features], target: Sequence[Features]) -> None:
        self.source = source
        self.target = target
        self.source_units = [len(f.units) for f in source]
        self._rate_key: tuple[float, float] = (-1.0, -1.0)
        self._src_rates: dict[tuple[int, int, int], float] = {}
        self._tgt_rates: dict[tuple[int, int, int], float] = {}
        self.target_units = [len(f.units) for f in target]
        self._src_bits: list[Optional[_KeyBits]] = [None] * len(source)
        self._tgt_bits: list[Optional[_KeyBits]] = [None] * len(target)

    def _source_bits(self, i: int) -> _KeyBits:
        hit = self._src_bits[i]
        if hit is None:
            hit = self._src_bits[i] = _key_bits(self.source[i])
        return hit

    def _target_bits(self, j: int) -> _KeyBits:
        hit = self._tgt_bits[j]
        if hit is None:
            hit = self._tgt_bits[j] = _key_bits(self.target[j])
        return hit

    def masks(self, i: int, j: int) -> tuple[int, int]:
        """(units of source i covered by target j, units of target j covered by source i) as bitmasks."""
        s_bits, s_keys, s_whole = self._src_bits[i] or self._source_bits(i)
        t_bits, t_keys, t_whole = self._tgt_bits[j] or self._target_bits(j)
        s_mask = t_mask = 0
        if s_whole and t_whole:   # the keysets are the unions of the unit keys: one intersection serves both
            for key in s_keys & t_keys:
                s_mask |= s_bits[key]
                t_mask |= t_bits[key]
        else:
            for key in s_keys & self.target[j].keyset:
                s_mask |= s_bits[key]
            for key in t_keys & self.source[i].keyset:
                t_mask |= t_bits[key]
        return s_mask, t_mask

    def rates(self, i: int, targets: range) -> list[float]:
        """``rate(i, j)`` for each j of ``targets``."""
        masks, units, s_units = self.masks, self.target_units, self.source_units[i]
        out = []
        for j in targets:
            total = s_units + units[j]
            if total:
                s_mask, t_mask = masks(i, j)
                out.append((s_mask.bit_count() + t_mask.bit_count()) / total)
            else:
                out.append(0.0)
        return out

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
        """Share of the units of source i and target j that the other covers."""
        total = self.source_units[i] + self.target_units[j]
        if not total:
            return 0.0
        s_mask, t_mask = self.masks(i, j)
        return (s_mask.bit_count() + t_mask.bit_count()) / total


# per segment: key -> bitmask of the units carrying it, the keys, and whether they are the whole keyset
_KeyBits = tuple[dict[str, int], frozenset[str], bool]


def _key_bits(f: Features) -> _KeyBits:
    bits: dict[str, int] = {}
    for bit, unit in enumerate(f.units):
        flag = 1 << bit
        for key in unit.keys:
            bits[key] = bits.get(key, 0) | flag
    keys = frozenset(bits)
    if keys == f.keyset:
        return bits, f.keyset, True
    return bits, keys, False


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
