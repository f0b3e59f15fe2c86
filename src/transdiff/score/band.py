"""The rows of the alignment DP: every candidate score of a row at once, equal to the bit to
``BeadScorer.score``, and each cell's best predecessor.

The DP asks for about a dozen bead shapes at every cell of its band, two million scores for a 5,000
sentence document; one call per score spends the time in call overhead and dictionary look-ups. Here
the ingredients are laid out as lists over the band: the coverage masks of each source row against
the targets near it, the coverage rate of each segment against each run of the other side that ends
at a cell (the OR of the masks grows one segment at a time), the length sums and the anchor sets.
A shape's scores over a row are then a few list comprehensions.

Each float goes through the same operations in the same order as in the signal classes (coverage
rates added source segments first, then target segments; prior + coverage + length + anchors +
chrF), so the alignment and its bead scores do not change at all. chrF (clause alignment) costs
far more than the rest and is asked cell by cell, and only for candidates that can still win the
cell given bounds on it (``BandRows._fill_bounded``). ``supports`` says when a scorer has signals of
its own; then every score is one ``scorer.score`` call (``CallScores``).
"""
from __future__ import annotations

import math
from bisect import bisect_left
from math import log
from typing import TYPE_CHECKING, Callable, Optional, Sequence

if TYPE_CHECKING:
    from .bead import BeadScorer

# (shape code, a, b, first j, last j, scores of cells first..last j) for one row
RowShape = tuple[int, int, int, int, int, list[float]]


def supports(scorer: BeadScorer) -> bool:
    """Whether the band layout reproduces this scorer (its own signals, coverage scored as rates)."""
    allowed = {id(scorer.coverage), id(scorer.length), id(scorer.anchors), id(scorer.chrf)}
    return all(id(s) in allowed for s in scorer.signals) and scorer.coverage.mode == "rate"


def _ordered_sum(parts: list[list[float]]) -> list[float]:
    """Element-wise ((p0 + p1) + p2) + ...: the left-to-right order of the scalar code."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return [x + y for x, y in zip(*parts)]
    if len(parts) == 3:
        return [x + y + z for x, y, z in zip(*parts)]
    if len(parts) == 4:
        return [x + y + z + w for x, y, z, w in zip(*parts)]
    total = [x + y + z + w + v for x, y, z, w, v in zip(*parts[:5])]
    for extra in parts[5:]:
        total = [x + y for x, y in zip(total, extra)]
    return total


def _coverage_and_length(parts: list[list[float]], target_len8: list[int], prior: float, weight: float,
                         source_len8: float, neg_weight: float, den: float) -> list[float]:
    """prior + weight * (coverage rates in order) + LengthRatio.score, cell by cell, in one pass for
    the usual bead sizes. The length term is -w * r * r / (2 sigma^2), r = log((lt + 8) / (ratio ls + 8))."""
    y = source_len8
    if len(parts) == 2:
        p0, p1 = parts
        return [(prior + weight * (c0 + c1)) + neg_weight * ((r := log(x / y)) * r) / den
                for c0, c1, x in zip(p0, p1, target_len8)]
    if len(parts) == 3:
        p0, p1, p2 = parts
        return [(prior + weight * (c0 + c1 + c2)) + neg_weight * ((r := log(x / y)) * r) / den
                for c0, c1, c2, x in zip(p0, p1, p2, target_len8)]
    if len(parts) == 4:
        p0, p1, p2, p3 = parts
        return [(prior + weight * (c0 + c1 + c2 + c3)) + neg_weight * ((r := log(x / y)) * r) / den
                for c0, c1, c2, c3, x in zip(p0, p1, p2, p3, target_len8)]
    return [(prior + weight * c) + neg_weight * ((r := log(x / y)) * r) / den
            for c, x in zip(_ordered_sum(parts), target_len8)]


NEG = -math.inf


def _first(item: tuple) -> float:
    return item[0]


class BandRows:
    """One row of the DP at a time: each cell's best score and the code of the shape that gives it.

    Shape codes: 0 = unreachable, 1 = 0-1 (from the left), 2 = 1-0 (from above), then the linked
    shapes (a, b >= 1) with the codes given. A cell takes the first shape in code order that reaches
    the highest score, as a plain loop over the shapes with a strict ``>`` would. Subclasses give
    ``row(i)``: each linked shape's scores over the cells of row i it can reach.
    """

    def __init__(self, scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int]) -> None:
        self.lo, self.hi = lo, hi
        self.null = scorer.null_prior
        # a signal too costly to score everywhere, added last and only where a cell can still be won:
        # (its score, a value below every score, a bound above its score for a given bead)
        self.costly: Optional[tuple[Callable[[int, int, int, int], float], float,
                                    Callable[[int, int, int, int], float]]] = None

    def row(self, i: int) -> list[RowShape]:
        raise NotImplementedError

    def fill(self, i: int, best: Sequence[Optional[list[float]]]) -> tuple[list[float], bytearray]:
        """Row i of the DP; ``best`` holds the rows above that a shape can reach."""
        lo, hi, null = self.lo, self.hi, self.null
        lo_i, width = lo[i], hi[i] - lo[i] + 1
        top = [NEG] * width
        arg = bytearray(width)
        if i == 0:
            top[0] = 0.0
        else:
            above, above_lo = best[i - 1], lo[i - 1]
            k = 0
            for p in above[lo_i - above_lo:min(hi[i], hi[i - 1]) - above_lo + 1]:   # 1-0
                if p != NEG:
                    top[k] = p + null
                    arg[k] = 2
                k += 1
            if self.costly is not None:
                return self._fill_bounded(i, best, top, arg)
            for code, a, b, j0, j1, scores in self.row(i):
                prev, prev_lo = best[i - a], lo[i - a]
                k = j0 - lo_i
                for p, s in zip(prev[j0 - b - prev_lo:j1 - b - prev_lo + 1], scores):
                    v = p + s
                    if v > top[k]:
                        top[k] = v
                        arg[k] = code
                    k += 1
        # 0-1 from (i, j - 1) comes first in the order: it wins ties
        left = top[0]
        for k in range(1, width):
            v = left + null
            if v >= top[k] and v != NEG:
                top[k] = v
                arg[k] = 1
            left = top[k]
        return top, arg

    def _fill_bounded(self, i: int, best: Sequence[Optional[list[float]]], top: list[float],
                      arg: bytearray) -> tuple[list[float], bytearray]:
        """``fill`` with the costly signal asked only for candidates whose score with the signal at its
        maximum reaches what some candidate is sure of with it at its minimum. A skipped candidate
        is below the cell's best; the floats keep that order (rounding is monotone), so the choice
        is the same as with every candidate scored."""
        lo_i, width, null = self.lo[i], len(top), self.null
        costly, low_add, ceiling = self.costly
        floor = top[:]   # the 1-0 scores are exact
        cands: list[list[tuple[float, float, float, int, int, int, int]]] = [[] for _ in range(width)]
        for code, a, b, j0, j1, scores in self.row(i):
            prev, prev_lo = best[i - a], self.lo[i - a]
            k, pj = j0 - lo_i, j0 - b
            for p, t in zip(prev[j0 - b - prev_lo:j1 - b - prev_lo + 1], scores):
                if p != NEG:
                    low = p + (t + low_add)
                    if low > floor[k]:
                        floor[k] = low
                    cands[k].append((p + (t + ceiling(i - a, a, pj, b)), p, t, code, a, b, pj))
                k += 1
                pj += 1
        left = NEG
        for k in range(width):
            v01 = left + null if k else NEG
            value, code_k = (v01, 1) if v01 != NEG else (NEG, 0)
            if top[k] > value:
                value, code_k = top[k], 2
            bound = max(floor[k], value)
            # the most promising first: an exact score raises the bound the rest must reach
            exact: list[tuple[int, float]] = []
            for high, p, t, code, a, b, pj in sorted(cands[k], key=_first, reverse=True):
                if high < bound:
                    break
                v = p + (t + costly(i - a, a, pj, b))
                exact.append((code, v))
                if v > bound:
                    bound = v
            for code, v in sorted(exact):   # codes are in shape order: the first of equals wins
                if v > value:
                    value, code_k = v, code
            top[k] = value
            arg[k] = code_k
            left = value
        return top, arg


class CallScores(BandRows):
    """Rows scored one ``scorer.score`` call per cell, for scorers with signals BandScores lacks."""

    def __init__(self, scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int],
                 shapes: Sequence[tuple[int, int, int]]) -> None:
        super().__init__(scorer, lo, hi)
        self.score = scorer.score
        self.shapes = list(shapes)

    def row(self, i: int) -> list[RowShape]:
        lo, hi, score = self.lo, self.hi, self.score
        out = []
        for code, a, b in self.shapes:
            pi = i - a
            if pi < 0:
                continue
            j0, j1 = max(lo[i], lo[pi] + b), min(hi[i], hi[pi] + b)
            if j0 <= j1:
                out.append((code, a, b, j0, j1, [score(pi, a, j - b, b) for j in range(j0, j1 + 1)]))
        return out


class BandScores(BandRows):
    """Scores of the shapes (a, b >= 1) over the band lo[i]..hi[i] of the DP, one row at a time.

    Rows must be asked for in increasing order (``row(1)``, ``row(2)``, ...): the masks and rates of a
    source row are built when the first row that needs them comes and dropped when none does any more.
    """

    def __init__(self, scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int],
                 shapes: Sequence[tuple[int, int, int]]) -> None:
        super().__init__(scorer, lo, hi)
        self.n, self.m = len(scorer.source), len(scorer.target)
        self.table = scorer.table
        self.shapes = [(code, a, b, scorer.priors[(a, b)]) for code, a, b in shapes]
        self.max_a = max((a for _, a, _ in shapes), default=1)
        self.max_b = max((b for _, _, b in shapes), default=1)
        names = {s.name for s in scorer.signals}
        self.use_coverage, self.use_length = "coverage" in names, "length" in names
        coverage = scorer.coverage
        # LexicalCoverage.score in "rate" mode: weight * rate_weight * segment_rates(threshold, smoothing)
        self.rate_prior = (coverage.p_match + coverage.p_random) / 2
        self.rate_pseudo = self.rate_prior * coverage.smoothing
        self.coverage_weight = coverage.weight * coverage.rate_weight
        self.source_den = [units + coverage.smoothing for units in self.table.source_units]
        # target denominators shifted by max_b so that runs starting before target 0 index harmlessly
        self.target_den = [1.0] * self.max_b + [units + coverage.smoothing for units in self.table.target_units]
        length = scorer.length
        self.ratio = length.ratio
        self.cum_s = length._cum_s
        cum_t = length._cum_t
        self.target_len8 = {b: [cum_t[j + b] - cum_t[j] + 8 for j in range(self.m - b + 1)]
                            for b in range(1, self.max_b + 1)}
        self.neg_weight = -length.weight
        self.len_den = 2 * length.sigma * length.sigma
        anchors = scorer.anchors
        self.anchors = anchors if "anchors" in names else None
        self.anchor_bonus = anchors.weight * anchors.bonus
        self.anchor_penalty = -anchors.weight * anchors.penalty
        self.anchored_targets = [j for j, keys in enumerate(anchors._tgt) if keys]
        if scorer.chrf is not None and "chrf" in names:
            self.costly = (scorer.chrf.score, scorer.chrf.score_floor(), scorer.chrf.score_ceiling)
        self._masks: dict[int, tuple[list[int], list[int]]] = {}    # source row -> (s masks, t masks)
        self._rates: dict[int, list[list[float]]] = {}              # source row -> rates by run length b

    # ---------------------------------------------------------------- coverage of the rows near row i
    def _row_end(self, s: int) -> int:
        """One past the last target any cell using source row s can reach."""
        return max(self.hi[s + 1:min(self.n, s + self.max_a) + 1])

    def _add_source_row(self, s: int) -> None:
        """Masks of source s against targets lo[s+1]-max_b .. row end, and its run rates."""
        first = self.lo[s + 1] - self.max_b
        end = self._row_end(s)
        pad = max(0, -first)
        pairs = [self.table.masks(s, t) for t in range(first + pad, end)]
        s_masks = [0] * pad + [p[0] for p in pairs]
        t_masks = [0] * pad + [p[1] for p in pairs]
        self._masks[s] = (s_masks, t_masks)
        if not self.use_coverage:
            return
        # rates of source s against the run of b targets ending at j_end, j_end = lo[s+1] .. end
        count = end - self.lo[s + 1] + 1
        den, pseudo, prior, top = self.source_den[s], self.rate_pseudo, self.rate_prior, self.max_b
        run = s_masks[top - 1:top - 1 + count]
        by_b: list[list[float]] = [[]]
        for b in range(1, top + 1):
            if b > 1:
                run = [x | y for x, y in zip(run, s_masks[top - b:top - b + count])]
            by_b.append([(x.bit_count() + pseudo) / den - prior for x in run])
        self._rates[s] = by_b

    def _target_rates(self, i: int) -> list[list[float]]:
        """Rates of targets lo[i]-max_b .. hi[i]-1 against the run of a source rows ending at row i."""
        lo_i, top = self.lo[i], self.max_b
        count = self.hi[i] - lo_i + top
        pseudo, prior = self.rate_pseudo, self.rate_prior
        dens = self.target_den[lo_i:lo_i + count]
        by_a: list[list[float]] = [[]]
        run: list[int] = []
        for a in range(1, min(self.max_a, i) + 1):
            s = i - a
            offset = lo_i - self.lo[s + 1]
            t_masks = self._masks[s][1][offset:offset + count]
            run = t_masks if a == 1 else [x | y for x, y in zip(run, t_masks)]
            by_a.append([(x.bit_count() + pseudo) / d - prior for x, d in zip(run, dens)])
        return by_a

    # ---------------------------------------------------------------------------------------- a row
    def row(self, i: int) -> list[RowShape]:
        lo, hi = self.lo, self.hi
        lo_i, hi_i, top = lo[i], hi[i], self.max_b
        self._add_source_row(i - 1)
        self._masks.pop(i - 1 - self.max_a, None)
        self._rates.pop(i - 1 - self.max_a, None)
        target_rates = self._target_rates(i) if self.use_coverage else []
        out: list[RowShape] = []
        for code, a, b, prior in self.shapes:
            pi = i - a
            if pi < 0:
                continue
            j0, j1 = max(lo_i, lo[pi] + b), min(hi_i, hi[pi] + b)
            if j0 > j1:
                continue
            count = j1 - j0 + 1
            # the cells' scores in the order of BeadScorer.score: prior + coverage + length + anchors
            if self.use_coverage:
                parts = []
                for s in range(pi, i):
                    start = j0 - lo[s + 1]
                    parts.append(self._rates[s][b][start:start + count])
                rates_a = target_rates[a]
                for dt in range(b):
                    start = j0 - b + dt - lo_i + top
                    parts.append(rates_a[start:start + count])
                if self.use_length:
                    scores = _coverage_and_length(parts, self.target_len8[b][j0 - b:j1 - b + 1], prior,
                                                  self.coverage_weight,
                                                  self.ratio * (self.cum_s[i] - self.cum_s[pi]) + 8,
                                                  self.neg_weight, self.len_den)
                else:
                    weight = self.coverage_weight
                    scores = [prior + weight * c for c in _ordered_sum(parts)]
            elif self.use_length:
                source_len8 = self.ratio * (self.cum_s[i] - self.cum_s[pi]) + 8
                neg_weight, den = self.neg_weight, self.len_den
                scores = [prior + neg_weight * ((r := log(x / source_len8)) * r) / den
                          for x in self.target_len8[b][j0 - b:j1 - b + 1]]
            else:
                scores = [prior] * count
            if self.anchors is not None:
                self._add_anchors(scores, pi, a, j0 - b, j1 - b, b)
            out.append((code, a, b, j0, j1, scores))
        return out

    def _add_anchors(self, scores: list[float], pi: int, a: int, pj0: int, pj1: int, b: int) -> None:
        """AnchorAgreement.score for the few cells where both sides have anchors (zero elsewhere)."""
        src_sets = self.anchors._src[pi:pi + a]
        if not any(src_sets):
            return
        src = frozenset().union(*src_sets) if a > 1 else src_sets[0]
        tgt_sets = self.anchors._tgt
        anchored = self.anchored_targets
        k = bisect_left(anchored, pj0)
        starts: set[int] = set()
        while k < len(anchored) and anchored[k] < pj1 + b:
            t = anchored[k]
            starts.update(range(max(pj0, t - b + 1), min(pj1, t) + 1))
            k += 1
        for pj in sorted(starts):
            tgt = frozenset().union(*tgt_sets[pj:pj + b]) if b > 1 else tgt_sets[pj]
            shared = len(src & tgt)
            scores[pj - pj0] += self.anchor_bonus * shared if shared else self.anchor_penalty


def band_rows(scorer: BeadScorer, lo: Sequence[int], hi: Sequence[int],
              shapes: Sequence[tuple[int, int, int]]) -> BandRows:
    """The rows of the DP over the band lo..hi for the linked ``shapes`` (code, a, b)."""
    return BandScores(scorer, lo, hi, shapes) if supports(scorer) else CallScores(scorer, lo, hi, shapes)
