"""Compare stage: turn an alignment into findings (omission, addition, partial, mismatch).

Here: sentences the alignment left unpaired, mismatched numbers, dates and names, and the build
(calibration, threshold, ranking); gaps inside aligned pairs are in gaps.py. Each gap carries its
evidence as log-likelihood ratios (words without a counterpart, lengths, support from the other side),
which ``confidence.calibrate`` turns into a probability. See docs/confidence.md.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from ..align import Hierarchy
from ..checks.mismatch import AlignedPair, pair_mismatches
from .confidence import LengthEvidence, calibrate, sigmoid
from .gaps import PairGaps, units_weight
from .wordrates import WordRates
from ..represent import Features, Unit
from ..represent.glossary import Glossary
from ..types import Alignment, Document, Finding, Segment

DEFAULT_MIN_CONFIDENCE = 0.5


@dataclass
class Settings:
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    gap_prior: float = -4.0           # log prior odds that a stretch of text is really missing
    partial_min_units: int = 2        # fewer uncovered content words than this never make a partial
    partial_min_share: float = 0.5    # share of a clause's content words that must be uncovered
    glossary: Optional[Glossary] = None   # what the names check knows (None: the built-in glossary)


def _beta(p_match: float, p_random: float) -> float:
    p_match = min(max(p_match, 0.15), 0.95)
    return math.log((1 - p_random) / (1 - p_match))


class FindingBuilder(PairGaps):
    def __init__(self, source: Document, target: Document, hierarchy: Hierarchy, settings: Settings,
                 length: Optional[LengthEvidence] = None, literal: Optional[dict[str, float]] = None,
                 rates: Optional[WordRates] = None) -> None:
        self.source, self.target = source, target
        # the linked share of each side's content units over the document ("s", "t"); check passes the
        # file's, compare measures the document's own in the gap pass
        self.literal = literal
        # how often each word links in its pair over the document (check passes the file's)
        self.rates = rates
        self.h = hierarchy
        self.settings = settings
        engine = hierarchy.engine.get("sentence", {})
        self.p_match = engine.get("p_match", 0.6)
        self.p_random = engine.get("p_random", 0.08)
        self.p_near = engine.get("p_near", max(self.p_random, 0.1))
        self.zh_is_source = source.lang == "zh"
        src_sf, tgt_sf = hierarchy.sentence_features
        self.src_len, self.tgt_len = [f.length for f in src_sf], [f.length for f in tgt_sf]
        self.length = length or LengthEvidence.estimate(self.src_len, self.tgt_len, hierarchy.sentences.beads)

    # -- helpers -------------------------------------------------------------------------------
    def _span(self, doc: Document, segs: Sequence[Segment]) -> Optional[tuple[int, int]]:
        if not segs:
            return None
        return (segs[0].start, segs[-1].end)

    def _lines(self, doc: Document, span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
        if span is None:
            return None
        return (doc.line_of(span[0]), doc.line_of(max(span[0], span[1] - 1)))

    def _text(self, doc: Document, span: Optional[tuple[int, int]]) -> Optional[str]:
        return None if span is None else doc.text[span[0]:span[1]]

    def _unit_span(self, doc: Document, u: Unit) -> tuple[int, int]:
        return doc.text_span(u.nstart, u.nend)

    def _gap_llr(self, uncovered: float, covered: float, p_translated: float) -> float:
        """Log-likelihood ratio of "not translated" against "translated" for a stretch of units:
        under "not translated" a unit is covered only by neighbouring text on the same topic (p_near)."""
        p_t = min(max(p_translated, 0.15), 0.95)
        p_r = min(self.p_near, p_t * 0.8)
        return uncovered * math.log((1 - p_r) / (1 - p_t)) + covered * math.log(p_r / p_t)

    def _raw_confidence(self, coverage: float, length: float, unpaired: float) -> float:
        """The uncalibrated score of a gap: its evidence (log-likelihood ratios) plus the prior odds."""
        return round(sigmoid(coverage + length + self.settings.gap_prior + unpaired), 4)

    # -- findings ------------------------------------------------------------------------------
    def build(self) -> list[Finding]:
        findings = self._unpaired() + self._partials() + self._mismatches()
        for f in findings:
            calibrate(f)
        findings = [f for f in findings if f.confidence >= self.settings.min_confidence]
        self._point_at_result_beads(findings)
        findings.sort(key=lambda f: (-f.confidence, (f.source_span or f.target_span or (0, 0))[0]))
        return findings

    def _point_at_result_beads(self, findings: list[Finding]) -> None:
        """Findings are built on sentence beads; the Result carries clause beads when level is 'clause'."""
        clauses = self.h.clauses
        if clauses is None:
            return
        first_of: dict[int, int] = {}
        for idx, parent in enumerate(self.h.clause_bead_parent):
            first_of.setdefault(parent, idx)
        bead_of_source = {c: idx for idx, b in enumerate(clauses.beads) for c in b.source}
        bead_of_target = {c: idx for idx, b in enumerate(clauses.beads) for c in b.target}
        for f in findings:
            clause_ids = f.detail.pop("_clauses", None)
            side = f.detail.get("side")
            if clause_ids and side == "source":
                f.bead = bead_of_source.get(clause_ids[0], first_of.get(f.bead))
            elif clause_ids and side == "target":
                f.bead = bead_of_target.get(clause_ids[0], first_of.get(f.bead))
            elif f.bead is not None:
                f.bead = first_of.get(f.bead)

    def _unpaired(self) -> list[Finding]:
        """Runs of sentences that the alignment leaves without any counterpart."""
        al = self.h.sentences
        src_f, tgt_f = self.h.sentence_features
        out: list[Finding] = []
        run: list[int] = []
        side = None
        for k, bead in enumerate(al.beads + [None]):  # sentinel flushes the last run
            this = None if bead is None else ("s" if not bead.target else "t" if not bead.source else None)
            if run and this != side:
                out.append(self._unpaired_finding(side, run, al, src_f, tgt_f))
                run = []
            if this is not None:
                run.append(k)
                side = this
        return out

    def _unpaired_finding(self, side: str, run: list[int], al: Alignment, src_f: list[Features],
                          tgt_f: list[Features]) -> Finding:
        if side == "s":
            ids = [i for k in run for i in al.beads[k].source]
            segs, feats, doc = [al.source[i] for i in ids], [src_f[i] for i in ids], self.source
            other_f = tgt_f
        else:
            ids = [j for k in run for j in al.beads[k].target]
            segs, feats, doc = [al.target[j] for j in ids], [tgt_f[j] for j in ids], self.target
            other_f = src_f
        units = [u for f in feats for u in f.units]
        # a neighbour that covers these words well means the gap may be an alignment slip, not a real one
        near = self._neighbour_coverage(units, run, al, other_f, side)
        coverage = units_weight(units) * (1 - near) * _beta(self.p_match, self.p_random)
        length = self.length.unpaired(sum(f.length for f in feats), side,
                                      [self._lengths(b) for b in self._linked_neighbours(run, al)])
        confidence = self._raw_confidence(coverage, length, 1.0)
        evidence = {"coverage": round(coverage, 4), "length": round(length, 4), "unpaired": 1.0, "whole": 1.0,
                    "gap": round(math.log1p(units_weight(units)), 4), "gap_share": 1.0}
        span = self._span(doc, segs)
        kind = "omission" if side == "s" else "addition"
        what = "source" if side == "s" else "target"
        other = "target" if side == "s" else "source"
        f = Finding(
            type=kind, confidence=confidence,
            source_text=self._text(self.source, span) if side == "s" else None,
            target_text=self._text(self.target, span) if side == "t" else None,
            source_span=span if side == "s" else None, target_span=span if side == "t" else None,
            source_lines=self._lines(self.source, span) if side == "s" else None,
            target_lines=self._lines(self.target, span) if side == "t" else None,
            gloss=None,   # glossed in context afterwards (finding_gloss)
            message=f"{len(segs)} {what} sentence{'s' if len(segs) > 1 else ''} with no counterpart in the {other}",
            detail={"level": "sentence", "units": len(units), "neighbour_coverage": round(near, 4),
                    "evidence": evidence},
            bead=run[0],
        )
        return f

    def _lengths(self, bead) -> tuple[int, int]:
        return sum(self.src_len[i] for i in bead.source), sum(self.tgt_len[j] for j in bead.target)

    @staticmethod
    def _linked_neighbours(run: list[int], al: Alignment) -> list:
        """The nearest pair with both sides before and after a run of unpaired beads."""
        before = next((al.beads[k] for k in range(run[0] - 1, -1, -1) if al.beads[k].source and al.beads[k].target),
                      None)
        after = next((al.beads[k] for k in range(run[-1] + 1, len(al.beads))
                      if al.beads[k].source and al.beads[k].target), None)
        return [b for b in (before, after) if b is not None]

    def _neighbour_coverage(self, units: list[Unit], run: list[int], al: Alignment,
                            other_f: list[Features], side: str) -> float:
        if not units:
            return 1.0
        ids: list[int] = []
        for k in range(max(0, run[0] - 2), min(len(al.beads), run[-1] + 3)):
            ids.extend(al.beads[k].target if side == "s" else al.beads[k].source)
        best = 0.0
        for idx in ids:
            keys = other_f[idx].keyset
            hit = sum(1 for u in units if not u.keys.isdisjoint(keys))
            best = max(best, hit / len(units))
        return best

    def _mismatches(self) -> list[Finding]:
        """Numbers, dates and names that one side of an aligned pair has and the other lacks (checks/)."""
        out = []
        al = self.h.sentences
        src_f, tgt_f = self.h.sentence_features
        for k, bead in enumerate(al.beads):
            if not bead.source or not bead.target:
                continue
            pair = AlignedPair([src_f[i] for i in bead.source], [tgt_f[j] for j in bead.target],
                               self._pair_text(self.source, [al.source[i] for i in bead.source]),
                               self._pair_text(self.target, [al.target[j] for j in bead.target]),
                               self.zh_is_source)
            for m in pair_mismatches(pair, glossary=self.settings.glossary):
                out.append(self._mismatch(k, bead, m.kind, m.source_only, m.target_only, m.confidence))
        return out

    @staticmethod
    def _pair_text(doc: Document, segs: Sequence[Segment]) -> str:
        """The segments' text as the dictionary reads it (simplified script for Chinese)."""
        text = doc.lookup or doc.norm
        return "\n".join(text[s.nstart:s.nend] for s in segs)

    def _mismatch(self, k: int, bead, kind: str, src_only: list[str], tgt_only: list[str],
                  confidence: float) -> Finding:
        al = self.h.sentences
        src_span = self._span(self.source, [al.source[i] for i in bead.source])
        tgt_span = self._span(self.target, [al.target[j] for j in bead.target])
        what = {"number": "numbers", "date": "dates", "name": "names"}[kind]
        return Finding(
            type="mismatch", confidence=confidence,
            source_text=self._text(self.source, src_span), target_text=self._text(self.target, tgt_span),
            source_span=src_span, target_span=tgt_span,
            source_lines=self._lines(self.source, src_span), target_lines=self._lines(self.target, tgt_span),
            gloss=None,   # glossed in context afterwards (finding_gloss)
            message=f"{what} differ: source has {', '.join(src_only) or '-'}, target has {', '.join(tgt_only) or '-'}",
            detail={"kind": kind, "source_only": src_only, "target_only": tgt_only},
            bead=k,
        )


def find_differences(source: Document, target: Document, hierarchy: Hierarchy,
                     settings: Optional[Settings] = None) -> list[Finding]:
    return FindingBuilder(source, target, hierarchy, settings or Settings()).build()
