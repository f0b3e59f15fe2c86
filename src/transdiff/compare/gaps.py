"""Gaps inside aligned pairs: clauses (or whole sentences merged into a neighbour's pair) whose content
words find no counterpart on the other side, scored as evidence for ``calibrate``.

A mixin of ``compare.FindingBuilder``: it uses the builder's hierarchy, settings, length model and
helpers (``_gap_llr``, ``_raw_confidence``, ``_lengths``, ``_span`` ...). See docs/confidence.md.
"""
from __future__ import annotations

import math
from typing import NamedTuple, Sequence

from .links import link_pairs
from .wordrates import WordRates
from ..represent import Features, Unit
from ..types import Finding, Segment

UNRELATED_SHARE = 0.1   # linked share of a pair's content units below which it is no translation pair
NEARLY_ALL = 0.8        # unlinked share of one side above which the pair is no translation pair either


def units_weight(units: Sequence[Unit]) -> float:
    """Evidence weight of content units: a word the dictionary knows only through its parts counts half,
    its missing link says less."""
    return sum(1.0 if u.known else 0.5 for u in units)


def linked_shares(pairs: Sequence[tuple[Sequence[Unit], Sequence[Unit], list[tuple[int, int]]]]) -> dict[str, float]:
    """How literal a translation is: the share of each side's content units that find a counterpart in
    their pair, over all pairs (each side's units, their link pairs). A faithful official text links most
    of its words, so the same unlinked stretch says more there than in a free rendering."""
    units_s = sum(len(units) for units, _, _ in pairs)
    units_t = sum(len(units) for _, units, _ in pairs)
    linked_s = sum(len({a for a, _ in links}) for _, _, links in pairs)
    linked_t = sum(len({b for _, b in links}) for _, _, links in pairs)
    return {"s": linked_s / units_s if units_s else 0.0, "t": linked_t / units_t if units_t else 0.0}


def _surplus(unlinked: Sequence[Unit], units: Sequence[Unit], literal: float) -> float:
    """How many more of a side's units stay unlinked than the document's linked share leads one to
    expect, as a binomial z-score."""
    weight = units_weight(units)
    return round((units_weight(unlinked) - weight * (1 - literal)) / math.sqrt(weight * literal * (1 - literal) + 1.0),
                 4)


def _runs(units: Sequence[Unit], linked: set[int]) -> list[list[Unit]]:
    """The stretches of consecutive units (in text order) that have no counterpart."""
    runs: list[list[Unit]] = [[]]
    for u in sorted(units, key=lambda u: u.nstart):
        if u.nstart in linked:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(u)
    return [r for r in runs if r]


def _longest_run(units: Sequence[Unit], linked: set[int]) -> list[Unit]:
    return max(_runs(units, linked), key=units_weight, default=[])


def _main_runs(gap_units: list[Unit], clause_f: Sequence[Features], ids: Sequence[int],
               linked: set[int]) -> list[Unit]:
    """The words a finding names: the stretches of unlinked words at least half as heavy as the heaviest.
    A stray unlinked word or two between linked ones (不, 分 of 不分...任何区别, which "without distinction"
    renders as a whole) is a dictionary miss, not part of what is missing."""
    in_gap = {id(u) for u in gap_units}
    runs = [r for c in ids for r in _runs(clause_f[c].units, linked)]
    runs = [r for r in runs if any(id(u) in in_gap for u in r)]
    if len(runs) < 2:
        return gap_units
    heaviest = max(units_weight(r) for r in runs)
    keep = {id(u) for r in runs if units_weight(r) >= heaviest / 2 for u in r}
    return [u for u in gap_units if id(u) in keep]


class _Candidate(NamedTuple):
    """A gap of one side of a pair with the evidence that decides the order gaps are judged in."""
    support: float
    coverage: float
    ids: list[int]               # its clauses
    gap_units: list[Unit]
    gap_len: int                 # characters without a counterpart
    reach: float
    window: float
    inside: bool                 # a stretch inside one clause, not whole clauses
    covered_in_group: int


def _children(segments: Sequence[Segment]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for s in segments:
        if s.parent is not None:
            out.setdefault(s.parent, []).append(s.index)
    return out


def uncovered_message(kind: str, uncovered: Sequence[dict], *, glossed: bool) -> str:
    """The message of a partial or in-pair addition: the words without a counterpart, glossed if Chinese."""
    words = ", ".join(d["word"] + (f" ({d['gloss']})" if glossed and d["gloss"] else "") for d in uncovered[:8])
    side, other = ("source", "target") if kind == "partial" else ("target", "source")
    return f"part of the {side} has no counterpart in the {other}: {words}"


class PairGaps:
    """Partial findings (and whole sentences without counterpart) inside the pairs of a sentence alignment."""

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
        linked_beads = []
        for k, bead in enumerate(sent_al.beads):
            if not bead.source or not bead.target:
                continue
            src_units = [u for i in bead.source for u in src_sf[i].units]
            tgt_units = [u for j in bead.target for u in tgt_sf[j].units]
            linked_beads.append((k, bead, src_units, tgt_units, link_pairs(src_units, tgt_units)))
        if self.literal is None:
            self.literal = linked_shares([(s_u, t_u, pairs) for _, _, s_u, t_u, pairs in linked_beads])
        if self.rates is None:
            self.rates = WordRates([(s_u, t_u, pairs) for _, _, s_u, t_u, pairs in linked_beads])
        for k, bead, src_units, tgt_units, pairs in linked_beads:
            links_s: dict[int, list[int]] = {}
            links_t: dict[int, list[int]] = {}
            for a, b in pairs:
                links_s.setdefault(a, []).append(b)
                links_t.setdefault(b, []).append(a)
            cs = [c for i in bead.source for c in children_s.get(i, [])]
            ct = [c for j in bead.target for c in children_t.get(j, [])]
            out += self._gaps_in(k, "s", cs, src_cf, links_s, src_units, null_clauses_s, bead, tgt_units, links_t,
                                 len(ct))
            out += self._gaps_in(k, "t", ct, tgt_cf, links_t, tgt_units, null_clauses_t, bead, src_units, links_s,
                                 len(cs))
        return out

    def _gaps_in(self, k: int, side: str, clause_ids: list[int], clause_f: list[Features],
                 links: dict[int, list[int]], all_units: list[Unit], null_clauses: set[int], bead,
                 other_units: list[Unit], other_links: dict[int, list[int]], other_clauses: int) -> list[Finding]:
        s = self.settings
        linked = {all_units[i].nstart for i in links}
        residue = [u for i, u in enumerate(other_units) if i not in other_links]
        index_of = {u.nstart: i for i, u in enumerate(all_units)}
        covered_all = sum(1 for u in all_units if u.nstart in linked)

        def gap_of(c: int) -> list[Unit]:
            return [u for u in clause_f[c].units if u.nstart not in linked]

        def enough(gap: Sequence[Unit], units: Sequence[Unit]) -> bool:
            return len(gap) >= s.partial_min_units and len(gap) >= s.partial_min_share * len(units)

        groups = self._uncovered_sentences(side, clause_ids, bead, other_units, enough)
        taken = {c for group in groups for c, _ in group}
        parents = (self.h.clauses.source if side == "s" else self.h.clauses.target)
        last = None
        within: set[int] = set()      # groups that are a stretch inside one clause, not the clause
        for c in clause_ids:
            gap = gap_of(c)
            if c in taken:
                continue
            partly_linked = len(gap) < len(clause_f[c].units)
            if not enough(gap, clause_f[c].units) or (partly_linked and
                                                      not self._whole_sentences(side, [c], bead, clause_ids)):
                # a cut phrase inside a clause the other side otherwise renders (Chinese often keeps in one
                # clause what English splits at a comma) is judged by the longest stretch of unlinked
                # words, not against the clause's linked words: they are what the other side still says.
                # A clause that is a whole sentence of a merged pair stays whole (its neighbour's words
                # link some of it by chance).
                run = _longest_run(clause_f[c].units, linked)
                if len(run) >= s.partial_min_units:
                    within.add(len(groups))
                    groups.append([(c, run)])
                last = None
                continue
            # adjacent uncovered clauses of one sentence make one finding
            if last is not None and last == c - 1 and parents[last].parent == parents[c].parent:
                groups[-1].append((c, gap))
            else:
                groups.append([(c, gap)])
            last = c
        scored: list[_Candidate] = []
        for number, group in enumerate(groups):
            ids = [c for c, _ in group]
            gap_units = [u for _, g in group for u in g]
            group_units = gap_units if number in within else [u for c in ids for u in clause_f[c].units]
            covered_in_group = len(group_units) - len(gap_units)
            rest = len(all_units) - len(group_units)
            # how unusual an uncovered stretch is depends on how well the rest of this pair is covered
            covered_rest = covered_all - covered_in_group
            p_local = min((covered_rest + 5 * self.p_match) / (rest + 5), 0.95)
            coverage = self._gap_llr(units_weight(gap_units), covered_in_group, p_local)
            # the untranslated share of the group's characters: its uncovered share of content words
            gap_len = round(sum(clause_f[c].length for c in ids) * len(gap_units)
                            / max(sum(len(clause_f[c].units) for c in ids), 1))
            support, reach = self._support(group_units, [u for c in clause_ids if c not in ids
                                                         for u in clause_f[c].units], other_units)
            window = self._window_residue(group_units, index_of, links, other_units, other_links)
            scored.append(_Candidate(support, coverage, ids, gap_units, gap_len, reach, window, number in within,
                                     covered_in_group))
        # a short target is evidence for one gap only: the gaps that the other side supports least, then
        # those with the stronger word evidence, explain it first; each further gap is judged on what is left
        # (a stretch inside a clause comes after the whole clauses and explains nothing for them)
        scored.sort(key=lambda g: (g.inside, g.support, -g.coverage))
        out = []
        explained = 0
        # a pair whose two sides barely link, or whose side here is nearly all unlinked, is no translation
        # pair (the aligner filled a hole with a neighbour's sentence): its lengths say nothing about what
        # is missing from it
        unrelated = ((len(links) + len(other_links)) < UNRELATED_SHARE * (len(all_units) + len(other_units))
                     or covered_all <= (1 - NEARLY_ALL) * len(all_units))
        # the same for every gap of this side of the pair
        residue_evidence = round(math.log1p(units_weight(residue)), 4)
        # a cut clause leaves the other side a clause short
        clauses_evidence = round(math.log((len(clause_ids) + 1) / (other_clauses + 1)), 4)
        # judged against the whole document: how many more of this side's words stay unlinked in this
        # pair than the translation's own linked share leads one to expect (a binomial z-score)
        literal = self.literal.get(side, 0.0)
        unlinked_all = [u for u in all_units if u.nstart not in linked]
        # the same on the other side: a pair that leaves both sides short of links is a paraphrase or
        # a misalignment, not an omission
        other_surplus = _surplus(residue, other_units, self.literal.get("t" if side == "s" else "s", 0.0))
        # a pair next to a sentence the alignment left unpaired, or with more sentences on one side than on
        # the other, may hold a neighbour's words or lack its own through a misalignment, not a cut
        beads = self.h.sentences.beads
        beside = 1.0 if any(0 <= j < len(beads) and not (beads[j].source and beads[j].target)
                            for j in (k - 1, k + 1)) else 0.0
        uneven = 1.0 if len(bead.source) != len(bead.target) else 0.0
        spent: set[int] = set()
        for support, coverage, ids, gap_units, gap_len, reach, window, inside, covered_in_group in scored:
            length = 0.0 if unrelated else self.length.gap_in_pair(*self._lengths(bead), side, gap_len, explained)
            explained += 0 if inside else gap_len
            # like the length, the pair's surplus of unlinked words is explained by its stronger gaps first:
            # a deleted sentence merged into a neighbour's pair must not lend its words to every stretch there
            surplus = _surplus([u for u in unlinked_all if id(u) not in spent],
                               [u for u in all_units if id(u) not in spent], literal)
            spent.update(id(u) for u in gap_units)
            unpaired = 1.0 if all(c in null_clauses for c in ids) else 0.0
            whole = 0 if inside else self._whole_sentences(side, ids, bead, clause_ids)
            confidence = self._raw_confidence(coverage, length, unpaired)
            # a stretch inside a clause is judged on its own words, but the finding names every stretch of
            # the clause that weighs as much (a linked word may stand inside what is missing)
            named = _main_runs([u for c in ids for u in gap_of(c)] if inside else gap_units, clause_f, ids, linked)
            finding = self._partial_finding(k, side, ids, named, confidence, bead)
            finding.detail["evidence"] = {"coverage": round(coverage, 4), "length": round(length, 4),
                                          "support": round(math.log1p(support), 4),
                                          "reach": round(math.log1p(reach), 4), "unpaired": unpaired,
                                          "whole": 1.0 if whole else 0.0,
                                          "residue": residue_evidence,
                                          "gap_share": round(len(gap_units) / max(len(all_units), 1), 4),
                                          "gap": round(math.log1p(units_weight(gap_units)), 4),
                                          "window": round(math.log1p(window), 4),
                                          "clauses": clauses_evidence,
                                          "doc_coverage": round(self._gap_llr(units_weight(gap_units),
                                                                              covered_in_group, literal), 4),
                                          "surplus": surplus, "other_surplus": other_surplus,
                                          "literal": round(literal, 4),
                                          "within": 1.0 if inside else 0.0,
                                          "run": round(math.log1p(max(units_weight(_longest_run(
                                              clause_f[c].units, linked)) for c in ids)), 4),
                                          "numbers": float(sum(1 for u in gap_units
                                                               if any(ch.isdigit() for ch in u.text))),
                                          "beside": beside, "uneven": uneven,
                                          **self.rates.evidence(side, gap_units, all_units, linked, literal)}
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
        return units_weight([other[j] for j in range(low + 1, high) if j not in other_links])

    @staticmethod
    def _support(group: Sequence[Unit], rest: Sequence[Unit], other: Sequence[Unit]) -> tuple[int, int]:
        """Words of the other side that only this group can account for, and that it can account for at
        all. A translated clause leaves some even when the dictionary misses most of its words; an
        untranslated one leaves none, or only words its neighbours share."""
        group_keys = frozenset(key for u in group for key in u.keys)
        rest_keys = frozenset(key for u in rest for key in u.keys)
        reached = [u for u in other if not u.keys.isdisjoint(group_keys)]
        return sum(1 for u in reached if u.keys.isdisjoint(rest_keys)), len(reached)

    def _uncovered_sentences(self, side: str, clause_ids: list[int], bead, other_units: list[Unit],
                             enough) -> list[list[tuple[int, list[Unit]]]]:
        """In a pair with several sentences on this side, the sentences most of whose words have no
        counterpart anywhere on the other side, each as one group of its clauses. The aligner merges a
        sentence whose translation is missing into its neighbour's pair; judged clause by clause, or
        with the neighbour's words competing for the same links, its gap looks smaller or moves."""
        clause_f = self.h.clause_features[0 if side == "s" else 1]
        chains = self._chains(side, bead, clause_ids)
        if len(chains) < 2:
            return []
        other_keys = frozenset(key for u in other_units for key in u.keys)
        groups = []
        for _, members in chains:
            gaps = [(c, [u for u in clause_f[c].units if u.keys.isdisjoint(other_keys)]) for c in members]
            if members and enough([u for _, g in gaps for u in g], [u for c in members for u in clause_f[c].units]):
                groups.append(gaps)
        others = len(bead.target if side == "s" else bead.source)
        if not groups and len(chains) > others:
            groups = self._left_over_sentences(side, chains, other_units, enough)
        return groups if len(groups) < len(chains) else []

    def _left_over_sentences(self, side: str, chains, other_units: list[Unit],
                             enough) -> list[list[tuple[int, list[Unit]]]]:
        """With more sentences on this side than on the other, the one sentence that finds least among
        the words its neighbours leave over (they link first): a missing headline or summary sentence
        repeats its neighbour's words, so every one of them finds a counterpart somewhere."""
        clause_f = self.h.clause_features[0 if side == "s" else 1]
        sentence_f = self.h.sentence_features[0 if side == "s" else 1]
        best: list[tuple[int, list[Unit]]] = []
        best_share = 0.0
        for chain, members in chains:
            rest = [u for other, _ in chains if other is not chain for i in other for u in sentence_f[i].units]
            taken = {t for _, t in link_pairs(rest, other_units)}
            free = frozenset(key for t, u in enumerate(other_units) if t not in taken for key in u.keys)
            gaps = [(c, [u for u in clause_f[c].units if u.keys.isdisjoint(free)]) for c in members]
            gap_units = [u for _, g in gaps for u in g]
            units = [u for c in members for u in clause_f[c].units]
            share = len(gap_units) / max(len(units), 1)
            if members and enough(gap_units, units) and share > best_share:
                best, best_share = gaps, share
        return [best] if best else []

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
        kind = "partial" if side == "s" else "addition"
        message = uncovered_message(kind, uncovered, glossed=doc.lang == "zh")
        src_span, tgt_span = (span, other_span) if side == "s" else (other_span, span)
        return Finding(
            type=kind, confidence=confidence,
            source_text=self._text(self.source, src_span), target_text=self._text(self.target, tgt_span),
            source_span=src_span, target_span=tgt_span,
            source_lines=self._lines(self.source, src_span), target_lines=self._lines(self.target, tgt_span),
            gloss=None,   # glossed in context afterwards (finding_gloss)
            message=message,
            detail={"level": "clause", "uncovered": uncovered, "side": "source" if side == "s" else "target",
                    "_clauses": list(clause_ids)},
            bead=k,
        )
