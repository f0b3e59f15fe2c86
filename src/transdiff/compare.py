"""Compare stage: turn an alignment into findings (omission, addition, partial, mismatch).

Confidence is a logistic function of the evidence, computed the same way for every finding type:
each content unit without a counterpart is evidence of a real gap worth ``beta`` (the log-likelihood
ratio of "uncovered" under "not translated" against "translated", from the document's own coverage
rates), offset by the prior odds of a gap. See docs/confidence.md.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from .align import Hierarchy
from .confidence import LengthEvidence, calibrate, sigmoid
from .links import link_pairs
from .represent import Features, Unit, gloss_of
from .represent.english import is_acronym
from .represent.numbers import unmatched
from .types import Alignment, Document, Finding, Segment

DEFAULT_MIN_CONFIDENCE = 0.5


@dataclass
class Settings:
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    gap_prior: float = -4.0           # log prior odds that a stretch of text is really missing
    partial_min_units: int = 2        # fewer uncovered content words than this never make a partial
    partial_min_share: float = 0.5    # share of a clause's content words that must be uncovered


def _units_weight(units: Sequence[Unit]) -> float:
    return sum(1.0 if u.known else 0.5 for u in units)


def _beta(p_match: float, p_random: float) -> float:
    p_match = min(max(p_match, 0.15), 0.95)
    return math.log((1 - p_random) / (1 - p_match))


class FindingBuilder:
    def __init__(self, source: Document, target: Document, hierarchy: Hierarchy, settings: Settings,
                 length: Optional[LengthEvidence] = None) -> None:
        self.source, self.target = source, target
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

    def _gloss(self, doc: Document, units: Sequence[Unit]) -> Optional[str]:
        return gloss_of(units) or None if doc.lang == "zh" else None

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
        coverage = _units_weight(units) * (1 - near) * _beta(self.p_match, self.p_random)
        length = self.length.unpaired(sum(f.length for f in feats), side,
                                      [self._lengths(b) for b in self._linked_neighbours(run, al)])
        confidence = self._raw_confidence(coverage, length, 1.0)
        evidence = {"coverage": round(coverage, 4), "length": round(length, 4), "unpaired": 1.0, "whole": 1.0,
                    "gap": round(math.log1p(_units_weight(units)), 4), "gap_share": 1.0}
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
            gloss=self._gloss(doc, units),
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

    def _partials(self) -> list[Finding]:
        """Clauses of aligned sentences whose content words mostly have no counterpart."""
        if self.h.clauses is None or self.h.clause_features is None:
            return []
        out: list[Finding] = []
        sent_al = self.h.sentences
        src_sf, tgt_sf = self.h.sentence_features
        src_cf, tgt_cf = self.h.clause_features
        clauses = self.h.clauses
        null_clauses_s = {b.source[0] for b in clauses.beads if b.source and not b.target}
        null_clauses_t = {b.target[0] for b in clauses.beads if b.target and not b.source}
        children_s = _children(clauses.source)
        children_t = _children(clauses.target)
        for k, bead in enumerate(sent_al.beads):
            if not bead.source or not bead.target:
                continue
            src_units = [u for i in bead.source for u in src_sf[i].units]
            tgt_units = [u for j in bead.target for u in tgt_sf[j].units]
            pairs = link_pairs(src_units, tgt_units)
            links_s: dict[int, list[int]] = {}
            links_t: dict[int, list[int]] = {}
            for a, b in pairs:
                links_s.setdefault(a, []).append(b)
                links_t.setdefault(b, []).append(a)
            cs = [c for i in bead.source for c in children_s.get(i, [])]
            ct = [c for j in bead.target for c in children_t.get(j, [])]
            out += self._gaps_in(k, "s", cs, src_cf, links_s, src_units, null_clauses_s, bead, tgt_units, links_t)
            out += self._gaps_in(k, "t", ct, tgt_cf, links_t, tgt_units, null_clauses_t, bead, src_units, links_s)
        return out

    def _gaps_in(self, k: int, side: str, clause_ids: list[int], clause_f: list[Features],
                 links: dict[int, list[int]], all_units: list[Unit], null_clauses: set[int], bead,
                 other_units: list[Unit], other_links: dict[int, list[int]]) -> list[Finding]:
        s = self.settings
        linked = {all_units[i].nstart for i in links}
        residue = [u for i, u in enumerate(other_units) if i not in other_links]
        index_of = {u.nstart: i for i, u in enumerate(all_units)}
        other_keys = frozenset(key for u in other_units for key in u.keys)
        covered_all = sum(1 for u in all_units if u.nstart in linked)

        def gap_of(c: int) -> list[Unit]:
            return [u for u in clause_f[c].units if u.nstart not in linked]

        def enough(gap: Sequence[Unit], units: Sequence[Unit]) -> bool:
            return len(gap) >= s.partial_min_units and len(gap) >= s.partial_min_share * len(units)

        groups = self._uncovered_sentences(side, clause_ids, bead, other_keys, enough)
        taken = {c for group in groups for c, _ in group}
        parents = (self.h.clauses.source if side == "s" else self.h.clauses.target)
        last = None
        for c in clause_ids:
            gap = gap_of(c)
            if c in taken or not enough(gap, clause_f[c].units):
                continue
            # adjacent uncovered clauses of one sentence make one finding
            if last is not None and last == c - 1 and parents[last].parent == parents[c].parent:
                groups[-1].append((c, gap))
            else:
                groups.append([(c, gap)])
            last = c
        scored = []
        for group in groups:
            ids = [c for c, _ in group]
            gap_units = [u for _, g in group for u in g]
            group_units = [u for c in ids for u in clause_f[c].units]
            covered_in_group = len(group_units) - len(gap_units)
            rest = len(all_units) - len(group_units)
            # how unusual an uncovered stretch is depends on how well the rest of this pair is covered
            covered_rest = covered_all - covered_in_group
            p_local = min((covered_rest + 5 * self.p_match) / (rest + 5), 0.95)
            coverage = self._gap_llr(_units_weight(gap_units), covered_in_group, p_local)
            # the untranslated share of the group's characters: its uncovered share of content words
            gap_len = round(sum(clause_f[c].length for c in ids) * len(gap_units) / max(len(group_units), 1))
            support, reach = self._support(group_units, [u for c in clause_ids if c not in ids
                                                         for u in clause_f[c].units], other_units)
            window = self._window_residue(group_units, index_of, links, other_units, other_links)
            scored.append((support, coverage, ids, gap_units, gap_len, reach, window))
        # a short target is evidence for one gap only: the gaps that the other side supports least, then
        # those with the stronger word evidence, explain it first; each further gap is judged on what is left
        scored.sort(key=lambda g: (g[0], -g[1]))
        out = []
        explained = 0
        for support, coverage, ids, gap_units, gap_len, reach, window in scored:
            length = self.length.gap_in_pair(*self._lengths(bead), side, gap_len, explained)
            explained += gap_len
            unpaired = 1.0 if all(c in null_clauses for c in ids) else 0.0
            whole = self._whole_sentences(side, ids, bead, clause_ids)
            confidence = self._raw_confidence(coverage, length, unpaired)
            finding = self._partial_finding(k, side, ids, gap_units, confidence, bead)
            finding.detail["evidence"] = {"coverage": round(coverage, 4), "length": round(length, 4),
                                          "support": round(math.log1p(support), 4),
                                          "reach": round(math.log1p(reach), 4), "unpaired": unpaired,
                                          "whole": 1.0 if whole else 0.0,
                                          "residue": round(math.log1p(_units_weight(residue)), 4),
                                          "gap_share": round(len(gap_units) / max(len(all_units), 1), 4),
                                          "gap": round(math.log1p(_units_weight(gap_units)), 4),
                                          "window": round(math.log1p(window), 4)}
            if whole:
                # a whole sentence merged into its neighbour's pair: it has no counterpart at all
                finding.type = "omission" if side == "s" else "addition"
                what, other = ("source", "target") if side == "s" else ("target", "source")
                finding.message = (f"{whole} {what} sentence{'s' if whole > 1 else ''} with no counterpart in the "
                                   f"{other} (aligned next to a neighbouring pair)")
            out.append(finding)
        out.sort(key=lambda f: f.source_span[0] if side == "s" else f.target_span[0])
        return out

    @staticmethod
    def _window_residue(group: Sequence[Unit], index_of: dict[int, int], links: dict[int, list[int]],
                        other: Sequence[Unit], other_links: dict[int, list[int]]) -> float:
        """Weight of the other side's unlinked words between the counterparts of the linked words just
        before and just after the group: a paraphrased clause leaves its words there, a missing one
        leaves nothing. Nothing either when those counterparts cross (the word order differs)."""
        positions = [index_of[u.nstart] for u in group if u.nstart in index_of]
        if not positions:
            return 0.0
        first, last = min(positions), max(positions)
        before = [i for i in links if i < first]
        after = [i for i in links if i > last]
        low = max(links[max(before)]) if before else -1
        high = min(links[min(after)]) if after else len(other)
        return _units_weight([other[j] for j in range(low + 1, high) if j not in other_links])

    @staticmethod
    def _support(group: Sequence[Unit], rest: Sequence[Unit], other: Sequence[Unit]) -> tuple[int, int]:
        """Words of the other side that only this group can account for, and that it can account for at
        all. A translated clause leaves some even when the dictionary misses most of its words; an
        untranslated one leaves none, or only words its neighbours share."""
        group_keys = frozenset(key for u in group for key in u.keys)
        rest_keys = frozenset(key for u in rest for key in u.keys)
        reached = [u for u in other if not u.keys.isdisjoint(group_keys)]
        return sum(1 for u in reached if u.keys.isdisjoint(rest_keys)), len(reached)

    def _uncovered_sentences(self, side: str, clause_ids: list[int], bead, other_keys: frozenset[str],
                             enough) -> list[list[tuple[int, list[Unit]]]]:
        """In a pair with several sentences on this side, the sentences most of whose words have no
        counterpart anywhere on the other side, each as one group of its clauses. The aligner merges a
        sentence whose translation is missing into its neighbour's pair; judged clause by clause, or
        with the neighbour's words competing for the same links, its gap looks smaller or moves."""
        clause_f = self.h.clause_features[0 if side == "s" else 1]
        chains = self._chains(side, bead, clause_ids)
        if len(chains) < 2:
            return []
        groups = []
        for _, members in chains:
            gaps = [(c, [u for u in clause_f[c].units if u.keys.isdisjoint(other_keys)]) for c in members]
            if members and enough([u for _, g in gaps for u in g], [u for c in members for u in clause_f[c].units]):
                groups.append(gaps)
        return groups if len(groups) < len(chains) else []

    def _chains(self, side: str, bead, clause_ids: list[int]) -> list[tuple[list[int], list[int]]]:
        """The bead's sentences on one side with their clauses (among ``clause_ids``, the bead's clauses on
        that side), a sentence cut off at a semicolon chained to the next one: the other language often
        keeps the two in one sentence, so they are judged together."""
        sentences = self.h.sentences.source if side == "s" else self.h.sentences.target
        clauses = self.h.clauses.source if side == "s" else self.h.clauses.target
        chains: list[list[int]] = []
        for sid in (bead.source if side == "s" else bead.target):
            if chains and sentences[chains[-1][-1]].text.rstrip().endswith((";", "；")):
                chains[-1].append(sid)
            else:
                chains.append([sid])
        return [(chain, [c for c in clause_ids if clauses[c].parent in chain]) for chain in chains]

    def _whole_sentences(self, side: str, chosen_ids: list[int], bead, clause_ids: list[int]) -> int:
        """Number of sentences the chosen clauses make up entirely, when the bead has other sentences on
        that side (``clause_ids``: all the bead's clauses on that side)."""
        chains = self._chains(side, bead, clause_ids)
        if len(chains) < 2:
            return 0
        chosen = set(chosen_ids)
        whole = 0
        for chain, members in chains:
            if members and set(members) <= chosen:
                whole += len(chain)
            elif chosen.intersection(members):
                return 0
        return whole if whole < sum(len(chain) for chain, _ in chains) else 0

    def _partial_finding(self, k: int, side: str, clause_ids: list[int], gap_units: list[Unit],
                         confidence: float, bead) -> Finding:
        clauses = self.h.clauses
        sents = self.h.sentences
        if side == "s":
            doc, segs = self.source, [clauses.source[c] for c in clause_ids]
            other_doc, other_segs = self.target, [sents.target[j] for j in bead.target]
        else:
            doc, segs = self.target, [clauses.target[c] for c in clause_ids]
            other_doc, other_segs = self.source, [sents.source[i] for i in bead.source]
        span = self._span(doc, segs)
        other_span = self._span(other_doc, other_segs)
        uncovered = [{"word": doc.text[a:b], "gloss": u.gloss or None, "span": [a, b]}
                     for u in gap_units for a, b in [self._unit_span(doc, u)]]
        words = ", ".join(d["word"] + (f" ({d['gloss']})" if d["gloss"] and doc.lang == "zh" else "")
                          for d in uncovered[:8])
        if side == "s":
            kind, message = "partial", f"part of the source has no counterpart in the target: {words}"
            src_span, tgt_span = span, other_span
        else:
            kind, message = "addition", f"part of the target has no counterpart in the source: {words}"
            src_span, tgt_span = other_span, span
        return Finding(
            type=kind, confidence=confidence,
            source_text=self._text(self.source, src_span), target_text=self._text(self.target, tgt_span),
            source_span=src_span, target_span=tgt_span,
            source_lines=self._lines(self.source, src_span), target_lines=self._lines(self.target, tgt_span),
            gloss=self._gloss(doc, gap_units) if doc.lang == "zh" else self._gloss(other_doc, []),
            message=message,
            detail={"level": "clause", "uncovered": uncovered, "side": "source" if side == "s" else "target",
                    "_clauses": list(clause_ids)},
            bead=k,
        )

    def _mismatches(self) -> list[Finding]:
        """Numbers, dates and names (acronyms) that one side of an aligned pair has and the other lacks."""
        out = []
        al = self.h.sentences
        src_f, tgt_f = self.h.sentence_features
        for k, bead in enumerate(al.beads):
            if not bead.source or not bead.target:
                continue
            sq = [q for i in bead.source for q in src_f[i].quantities]
            tq = [q for j in bead.target for q in tgt_f[j].quantities]
            if sq or tq:
                zh_q, en_q = (sq, tq) if self.zh_is_source else (tq, sq)
                zh_only, en_only = unmatched(zh_q, en_q)
                src_only, tgt_only = (zh_only, en_only) if self.zh_is_source else (en_only, zh_only)
                if src_only or tgt_only:
                    is_date = all(q.date or q.kind == "year" for q in src_only + tgt_only)
                    # a number on both sides that disagrees is a clear substitution; one missing may be
                    # expressed in words the extractor does not read
                    out.append(self._mismatch(k, bead, "date" if is_date else "number",
                                              [q.surface for q in src_only], [q.surface for q in tgt_only],
                                              0.9 if src_only and tgt_only else 0.6))
            src_names = _literal_acronyms(src_f[i] for i in bead.source)
            tgt_names = _literal_acronyms(tgt_f[j] for j in bead.target)
            if src_names or tgt_names:
                src_keys = frozenset().union(*(src_f[i].keyset for i in bead.source))
                tgt_keys = frozenset().union(*(tgt_f[j].keyset for j in bead.target))
                src_only_n = sorted(a for a in src_names if a not in tgt_keys)
                tgt_only_n = sorted(a for a in tgt_names if a not in src_keys)
                if src_only_n or tgt_only_n:
                    out.append(self._mismatch(k, bead, "name", src_only_n, tgt_only_n, 0.7))
        return out

    def _mismatch(self, k: int, bead, kind: str, src_only: list[str], tgt_only: list[str],
                  confidence: float) -> Finding:
        al = self.h.sentences
        src_f = self.h.sentence_features[0]
        src_span = self._span(self.source, [al.source[i] for i in bead.source])
        tgt_span = self._span(self.target, [al.target[j] for j in bead.target])
        what = {"number": "numbers", "date": "dates", "name": "names"}[kind]
        return Finding(
            type="mismatch", confidence=confidence,
            source_text=self._text(self.source, src_span), target_text=self._text(self.target, tgt_span),
            source_span=src_span, target_span=tgt_span,
            source_lines=self._lines(self.source, src_span), target_lines=self._lines(self.target, tgt_span),
            gloss=self._gloss(self.source, [u for i in bead.source for u in src_f[i].units])
            if self.source.lang == "zh" else None,
            message=f"{what} differ: source has {', '.join(src_only) or '-'}, target has {', '.join(tgt_only) or '-'}",
            detail={"kind": kind, "source_only": src_only, "target_only": tgt_only},
            bead=k,
        )


def _children(segments: Sequence[Segment]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for s in segments:
        if s.parent is not None:
            out.setdefault(s.parent, []).append(s.index)
    return out


def _literal_acronyms(features) -> set[str]:
    """Acronyms written as such in the text (SCO, RATS), not those a glossary adds to a Chinese term."""
    return {u.text for f in features for u in f.units if is_acronym(u.text)}


def find_differences(source: Document, target: Document, hierarchy: Hierarchy,
                     settings: Optional[Settings] = None) -> list[Finding]:
    return FindingBuilder(source, target, hierarchy, settings or Settings()).build()
