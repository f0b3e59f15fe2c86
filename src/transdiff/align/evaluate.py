"""Sentence-alignment scoring with the definitions of the Vecalign and Bertalign scorers.

A bead is a pair ``(source_ids, target_ids)`` of 0-based segment ids; the text format is one bead per
line, ``[i,j]:[k]``, ``[i]:[]`` or ``[]:[k]``, optionally followed by ``:score``.

Scores are micro-averaged over files (counts are summed before dividing):

* precision: every predicted bead with at least one non-empty side. Strict hit = the bead is a gold bead;
  lax hit = it shares a source id and a target id with one gold bead (so a wrong null bead never hits).
* recall: the same computation with the roles swapped, after dropping the null beads (1-0 and 0-1)
  from both the gold and the prediction, exactly as Vecalign's ``score.py`` does.

This reproduces Bertalign's published MAC-Dev figure (strict F1 0.911 for its saved output).
Besides the standard six numbers there are strict recall by gold bead type and the precision/recall
of the null beads themselves, which the standard recall ignores.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from ..errors import InputError

Ids = tuple[int, ...]
BeadIds = tuple[Ids, Ids]

BEAD_TYPES: tuple[str, ...] = ("1-1", "1-n", "n-m", "null")

_BEAD_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(\S+)\s*)?$")


def _parse_ids(field: str, line_no: int) -> Ids:
    parts = [p.strip() for p in field.split(",")]
    if parts == [""]:
        return ()
    if any(not p.isdigit() for p in parts):
        raise InputError(f"bead line {line_no}: malformed id list [{field}]")
    return tuple(int(p) for p in parts)


def read_beads(text: str) -> list[BeadIds]:
    """Parse the bead format (``[i,j]:[k]``, ``[i]:[]``, ``[]:[k]``, optional ``:score``); blank lines are skipped."""
    beads: list[BeadIds] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _BEAD_LINE.match(line)
        if match is None:
            raise InputError(f"bead line {line_no}: expected [ids]:[ids] or [ids]:[ids]:score, got {line.strip()!r}")
        score = match.group(3)
        if score is not None:
            try:
                float(score)
            except ValueError:
                raise InputError(f"bead line {line_no}: score {score!r} is not a number") from None
        beads.append((_parse_ids(match.group(1), line_no), _parse_ids(match.group(2), line_no)))
    return beads


def read_beads_file(path: Union[str, Path]) -> list[BeadIds]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read alignment file {path}: {exc.strerror or exc}") from None
    return read_beads(text)


def beads_of(alignment) -> list[BeadIds]:
    """The (source, target) id pairs of a ``transdiff.Alignment``."""
    return [(tuple(b.source), tuple(b.target)) for b in alignment.beads]


def bead_type(bead: BeadIds) -> str:
    """Coarse bead class: 1-1, 1-n (also n-1), n-m (both sides > 1) or null (one side empty)."""
    n_src, n_tgt = len(bead[0]), len(bead[1])
    if n_src == 0 or n_tgt == 0:
        return "null"
    if n_src == 1 and n_tgt == 1:
        return "1-1"
    if n_src == 1 or n_tgt == 1:
        return "1-n"
    return "n-m"


def _precision_counts(gold: Iterable[BeadIds], test: Iterable[BeadIds]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of the ``test`` beads measured against ``gold``."""
    # Sets as in the reference scorer: a duplicated bead counts once.
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    targets_linked_to = defaultdict(set)
    for src, tgt in gold_set:
        for s in src:
            targets_linked_to[s].update(tgt)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for src, tgt in test_set:
        if (src, tgt) in gold_set:
            strict_hit += 1
            lax_hit += 1
            continue
        strict_miss += 1
        linked: set[int] = set()
        for s in src:
            linked |= targets_linked_to.get(s, set())
        if linked.intersection(tgt):
            lax_hit += 1
        else:
            lax_miss += 1
    return strict_hit, strict_miss, lax_hit, lax_miss


def _ratio(hits: int, total: int, if_empty: float = 0.0) -> float:
    return hits / total if total else if_empty


def _f1(precision: float, recall: float) -> float:
    if math.isnan(precision) or math.isnan(recall):
        return float("nan")
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _without_null(beads: Iterable[BeadIds]) -> list[BeadIds]:
    return [(s, t) for s, t in beads if s and t]


def _null_units(beads: Iterable[BeadIds]) -> set[BeadIds]:
    """Null beads split into one-segment beads: [3,4]:[] says the same as [3]:[] followed by [4]:[]."""
    units: set[BeadIds] = set()
    for src, tgt in beads:
        if src and not tgt:
            units.update(((s,), ()) for s in src)
        elif tgt and not src:
            units.update(((), (t,)) for t in tgt)
    return units


def _check_lists(gold_list: Sequence, test_list: Sequence) -> None:
    if len(gold_list) != len(test_list):
        raise InputError(f"{len(gold_list)} gold alignments but {len(test_list)} test alignments; give one of each per file")


def standard_scores(gold_list: Sequence[Sequence[BeadIds]], test_list: Sequence[Sequence[BeadIds]]) -> dict:
    """The six Vecalign/Bertalign numbers (strict and lax precision, recall, F1) plus the raw counts."""
    _check_lists(gold_list, test_list)
    p_counts = [0, 0, 0, 0]
    r_counts = [0, 0, 0, 0]
    for gold, test in zip(gold_list, test_list):
        for k, v in enumerate(_precision_counts(gold, test)):
            p_counts[k] += v
        for k, v in enumerate(_precision_counts(_without_null(test), _without_null(gold))):
            r_counts[k] += v
    p_strict = _ratio(p_counts[0], p_counts[0] + p_counts[1])
    p_lax = _ratio(p_counts[2], p_counts[2] + p_counts[3])
    r_strict = _ratio(r_counts[0], r_counts[0] + r_counts[1])
    r_lax = _ratio(r_counts[2], r_counts[2] + r_counts[3])
    return {
        "precision_strict": p_strict, "recall_strict": r_strict, "f1_strict": _f1(p_strict, r_strict),
        "precision_lax": p_lax, "recall_lax": r_lax, "f1_lax": _f1(p_lax, r_lax),
        "predicted_beads": p_counts[0] + p_counts[1], "gold_beads_scored": r_counts[0] + r_counts[1],
    }


def recall_by_type(gold_list: Sequence[Sequence[BeadIds]], test_list: Sequence[Sequence[BeadIds]]) -> dict:
    """Strict recall of the gold beads of each class: {type: {"gold": n, "hit": k, "recall": k/n or nan}}."""
    _check_lists(gold_list, test_list)
    gold_n = dict.fromkeys(BEAD_TYPES, 0)
    hit_n = dict.fromkeys(BEAD_TYPES, 0)
    for gold, test in zip(gold_list, test_list):
        predicted = {(tuple(s), tuple(t)) for s, t in test}
        predicted_nulls = _null_units(test)
        for bead in {(tuple(s), tuple(t)) for s, t in gold if s or t}:
            kind = bead_type(bead)
            gold_n[kind] += 1
            if kind == "null":
                found = _null_units([bead]) <= predicted_nulls
            else:
                found = bead in predicted
            hit_n[kind] += int(found)
    return {k: {"gold": gold_n[k], "hit": hit_n[k], "recall": _ratio(hit_n[k], gold_n[k], float("nan"))}
            for k in BEAD_TYPES}


def null_scores(gold_list: Sequence[Sequence[BeadIds]], test_list: Sequence[Sequence[BeadIds]]) -> dict:
    """Precision and recall of the null beads (unmatched segments), counted per unmatched segment.

    A predicted null is correct when gold leaves the same segment unmatched. nan when there is nothing
    to divide by (no predicted or no gold nulls).
    """
    _check_lists(gold_list, test_list)
    predicted = gold_total = hits = 0
    for gold, test in zip(gold_list, test_list):
        gold_nulls, test_nulls = _null_units(gold), _null_units(test)
        predicted += len(test_nulls)
        gold_total += len(gold_nulls)
        hits += len(gold_nulls & test_nulls)
    precision = _ratio(hits, predicted, float("nan"))
    recall = _ratio(hits, gold_total, float("nan"))
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall),
            "predicted": predicted, "gold": gold_total, "hit": hits}


def score_alignments(gold_list: Sequence[Sequence[BeadIds]], test_list: Sequence[Sequence[BeadIds]]) -> dict:
    """Everything at once: the standard six numbers (top-level keys as in Vecalign's ``score_multiple``),
    ``"by_type"`` (see ``recall_by_type``) and ``"null"`` (see ``null_scores``)."""
    result = standard_scores(gold_list, test_list)
    result["by_type"] = recall_by_type(gold_list, test_list)
    result["null"] = null_scores(gold_list, test_list)
    return result


def shift_beads(beads: Iterable[BeadIds], source_offset: int, target_offset: int) -> list[BeadIds]:
    """Beads with every id moved by the given offsets (for concatenated documents)."""
    return [(tuple(s + source_offset for s in src), tuple(t + target_offset for t in tgt)) for src, tgt in beads]


def check_cover(beads: Sequence[BeadIds], n_source: int, n_target: int) -> Optional[str]:
    """None if the beads cover 0..n-1 of each side exactly once and in order, else what is wrong."""
    for side, n, name in ((0, n_source, "source"), (1, n_target, "target")):
        ids = [i for bead in beads for i in bead[side]]
        if ids != list(range(n)):
            return f"{name} ids are not 0..{n - 1} in order (got {len(ids)} ids)"
    return None


__all__ = ["BeadIds", "BEAD_TYPES", "read_beads", "read_beads_file", "beads_of", "bead_type", "standard_scores",
           "recall_by_type", "null_scores", "score_alignments", "shift_beads", "check_cover"]
