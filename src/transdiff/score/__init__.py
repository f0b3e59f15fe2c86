"""Score stage: how well a candidate bead (source segments i..i+a, target segments j..j+b) translates.

Each signal is a small class behind one interface (``Signal.score``); ``BeadScorer`` adds them up.
Scores are log-likelihood ratios in spirit: positive means "looks like a translation", a null bead scores
its bead-type prior only.
"""
from __future__ import annotations

from .base import Signal
from .coverage import CoverageTable, LexicalCoverage
from .length import LengthRatio
from .anchors import AnchorAgreement
from .chrf import GlossChrf
from .bead import BEAD_PRIORS, BeadScorer

__all__ = ["Signal", "CoverageTable", "LexicalCoverage", "LengthRatio", "AnchorAgreement", "GlossChrf",
           "BEAD_PRIORS", "BeadScorer"]
