"""One bead score from all signals, plus the bead-type prior."""
from __future__ import annotations

import math
from typing import Sequence

from ..represent import Features
from .anchors import AnchorAgreement
from .chrf import GlossChrf
from .coverage import CoverageTable, LexicalCoverage
from .length import LengthRatio

# Log prior of each bead shape (source segments, target segments), roughly the log frequency of each shape
# relative to 1-1 in hand-aligned Chinese-English text; 1-0 and 0-1 beads are scored by ``null``.
BEAD_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.0,
    (1, 2): -1.1, (2, 1): -1.6,
    (1, 3): -2.4, (3, 1): -3.0,
    (2, 2): -3.0,
    (1, 4): -3.3, (4, 1): -4.0,
    (2, 3): -4.0, (3, 2): -4.2,
}
NULL_PRIOR = -3.0


class BeadScorer:
    """Adds up the signals of a candidate bead. ``signals`` can be switched on and off by name."""

    def __init__(self, source: Sequence[Features], target: Sequence[Features], *, source_is_chinese: bool,
                 use_chrf: bool = False, priors: dict[tuple[int, int], float] | None = None,
                 null_prior: float = NULL_PRIOR, signals: Sequence[str] | None = None) -> None:
        self.source = source
        self.target = target
        self.priors = dict(BEAD_PRIORS if priors is None else priors)
        self.null_prior = null_prior
        self.table = CoverageTable(source, target)
        self.coverage = LexicalCoverage(self.table)
        self.length = LengthRatio([f.length for f in source], [f.length for f in target])
        self.anchors = AnchorAgreement(source, target)
        self.chrf = GlossChrf(source, target, source_is_chinese=source_is_chinese) if use_chrf else None
        wanted = set(signals) if signals is not None else {"coverage", "length", "anchors", "chrf"}
        self.signals = [s for s in (self.coverage, self.length, self.anchors, self.chrf)
                        if s is not None and s.name in wanted]
        self._scorers = [s.score for s in self.signals]

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.signals]

    def expected_path(self) -> list[int]:
        """For each source index, the target index the length ratio predicts (the band's centre line)."""
        n, m = len(self.source), len(self.target)
        cum_s = self.length._cum_s
        cum_t = self.length._cum_t
        total_s, total_t = cum_s[-1] or 1, cum_t[-1] or 1
        out, j = [], 0
        for i in range(n + 1):
            want = cum_s[i] / total_s * total_t
            while j < m and cum_t[j] < want:
                j += 1
            out.append(j)
        return out

    def calibrate(self, band: int) -> None:
        self.coverage.estimate(self.expected_path(), band)

    def score(self, i: int, a: int, j: int, b: int) -> float:
        if a == 0 or b == 0:
            return self.null_prior
        prior = self.priors.get((a, b))
        if prior is None:
            return -math.inf
        total = prior
        for signal in self._scorers:
            total += signal(i, a, j, b)
        return total

    def describe(self) -> dict:
        return {
            "signals": self.names,
            "p_match": round(self.coverage.p_match, 4),
            "p_random": round(self.coverage.p_random, 4),
            "p_near": round(self.coverage.p_near, 4),
            "length_ratio": round(self.length.ratio, 4),
            "null_prior": self.null_prior,
        }
