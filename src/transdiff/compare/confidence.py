"""Evidence for a gap finding and its calibrated confidence.

A gap (omission, addition, partial) is judged on two independent kinds of evidence, each a
log-likelihood ratio of "this text has no counterpart" against "it is translated":

* coverage: how many of its content words find a counterpart (compare/__init__.py computes it);
* length: whether the other side is as much shorter as the gap would make it. The log length ratio of a
  pair of translations is roughly Gaussian around the document's own ratio (score/length.py); a pair
  whose target is short by about the gap's share fits "untranslated" better than "translated".

``calibrate`` maps the evidence to a probability with a logistic model per finding kind, fitted on
synthetic drops (benchmarks/calibrate.py; data/calibration.json; docs/confidence.md).
"""
from __future__ import annotations

import json
import math
import statistics
from functools import lru_cache
from importlib import resources
from typing import Sequence

from ..types import Bead, Finding

LENGTH_DAMPING = 8          # as in score/length.py: short segments' ratios are noisy
MIN_SIGMA, MAX_SIGMA = 0.15, 0.8
# the features of the calibration model
EVIDENCE = ("coverage", "length", "support", "reach", "unpaired", "gap", "gap_share", "residue", "window", "clauses",
            "doc_coverage", "surplus", "other_surplus", "literal", "within", "run", "numbers",
            "beside", "uneven", "linkable", "unlinkable", "link_llr")


def _log_ratio(target_len: float, source_len: float, ratio: float) -> float:
    return math.log((max(target_len, 0) + LENGTH_DAMPING) / (ratio * max(source_len, 0) + LENGTH_DAMPING))


class LengthEvidence:
    """The document's length model: the ratio of target to source characters and the spread of the log
    ratio over its aligned sentence pairs (lengths in non-space characters, as ``Features.length``)."""

    def __init__(self, ratio: float = 1.0, sigma: float = 0.5) -> None:
        self.ratio = ratio
        self.sigma = min(max(sigma, MIN_SIGMA), MAX_SIGMA)

    @classmethod
    def estimate(cls, source_lengths: Sequence[int], target_lengths: Sequence[int],
                 beads: Sequence[Bead]) -> "LengthEvidence":
        total_s, total_t = sum(source_lengths), sum(target_lengths)
        ratio = total_t / total_s if total_s and total_t else 1.0
        logs = [_log_ratio(sum(target_lengths[j] for j in b.target), sum(source_lengths[i] for i in b.source), ratio)
                for b in beads if b.source and b.target]
        if len(logs) < 5:
            return cls(ratio)
        centre = statistics.median(logs)
        return cls(ratio, 1.4826 * statistics.median(abs(x - centre) for x in logs))   # robust standard deviation

    def _llr(self, with_gap: float, without_gap: float) -> float:
        return (with_gap * with_gap - without_gap * without_gap) / (2 * self.sigma * self.sigma)

    def gap_in_pair(self, ls: int, lt: int, side: str, gap_len: int, explained: int = 0) -> float:
        """LLR that ``gap_len`` characters of one side of an aligned pair of ``ls`` source and ``lt`` target
        characters have no counterpart, given that ``explained`` other characters of that side (stronger
        gaps) have none either."""
        if side == "s":
            ls -= explained
        else:
            lt -= explained
        full = _log_ratio(lt, ls, self.ratio)
        rest = _log_ratio(lt, ls - gap_len, self.ratio) if side == "s" else _log_ratio(lt - gap_len, ls, self.ratio)
        return self._llr(full, rest)

    def unpaired(self, gap_len: int, side: str, neighbours: Sequence[tuple[int, int]]) -> float:
        """LLR that an unpaired stretch is really untranslated rather than rendered inside a neighbouring
        pair (``neighbours``: their source and target lengths): the most plausible neighbour is the one
        whose lengths fit best with the stretch added."""
        best = math.inf
        for ls, lt in neighbours:
            alone = _log_ratio(lt, ls, self.ratio)
            merged = _log_ratio(lt, ls + gap_len, self.ratio) if side == "s" else _log_ratio(lt + gap_len, ls, self.ratio)
            best = min(best, self._llr(merged, alone))
        return 0.0 if best == math.inf else best


@lru_cache(maxsize=1)
def calibration() -> dict[str, dict]:
    """Logistic models per finding kind, fitted by benchmarks/calibrate.py (see docs/confidence.md)."""
    try:
        data = resources.files("transdiff").joinpath("data/calibration.json").read_text(encoding="utf-8")
    except (OSError, FileNotFoundError):
        return {}
    return json.loads(data).get("types", {})


def calibration_kind(f: Finding) -> str:
    """``omission``: sentences the alignment left unpaired; ``merged``: a sentence without counterpart inside
    a pair of several sentences; ``partial``: clauses. Additions are judged like omissions."""
    if f.detail.get("level") == "sentence":
        return "omission"
    return "merged" if f.detail.get("evidence", {}).get("whole") else "partial"


def calibrate(f: Finding) -> None:
    """Replace a gap finding's raw score by the calibrated probability that it is real."""
    if f.type == "mismatch":
        return
    model = calibration().get(calibration_kind(f))
    evidence = f.detail.get("evidence")
    if not model or evidence is None:
        return
    z = model["bias"] + sum(model["weights"].get(name, 0.0) * evidence.get(name, 0.0) for name in EVIDENCE)
    for pair, weight in model.get("interactions", {}).items():
        a, b = pair.split("*")
        z += weight * evidence.get(a, 0.0) * evidence.get(b, 0.0)
    f.detail["raw_confidence"] = round(f.confidence, 4)
    f.confidence = round(sigmoid(z), 4)


def sigmoid(x: float) -> float:
    if x < -700:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))
