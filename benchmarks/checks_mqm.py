"""Faithful machine translations of WMT23 (zh-en) for the QA-check benchmark: the ``MQM-2023-faithful`` corpus.

Source: ../shared/eval-data/wmt-mqm-zhen/generalMT2023/zhen/sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz
(Google's side-by-side MQM ratings of 10 systems x 377 segments, 3 raters per item; format in that folder's
SOURCE.md). The file has one row per error and one ``No-error`` row for a rater who found none; it is read with
quoting disabled. An item (system, document, segment) is faithful when all three of its raters rated it
No-error; an item one of whose raters had the attention check (``HOTW-test`` rows: that rater saw an altered
text) is left out, since that rater's rating does not bear on the real translation. The ``<v>...</v>`` marks
are removed. Faithful items are grouped per system, in the corpus's document and segment order; the
benchmark cuts each system's list into documents of ``--doc-lines`` lines (a document never mixes systems).
Line numbers (for checks_real_differences.tsv) count the faithful items in that order, from 1.
"""
from __future__ import annotations

import csv
import io
import re
import tarfile
from collections import defaultdict
from pathlib import Path

MQM_FILE = ("eval-data/wmt-mqm-zhen/generalMT2023/zhen/"
            "sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz")
RATERS_PER_ITEM = 3
_MARK = re.compile(r"</?v>")


def _rows(path: Path):
    csv.field_size_limit(1 << 30)
    with tarfile.open(path) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".tsv"))
        handle = tar.extractfile(member)
        if handle is None:
            raise ValueError(f"{path}: no TSV inside")
        reader = csv.reader(io.TextIOWrapper(handle, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        for row in reader:
            yield {name: row[i] if i < len(row) else "" for name, i in col.items()}


def faithful_groups(shared: Path) -> list[tuple[str, list[str], list[str]]]:
    """(system, Chinese lines, English lines) of the items all raters rated No-error, per system in order."""
    severities: dict[tuple, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    texts: dict[tuple, tuple[str, str]] = {}
    order: dict[tuple, tuple[int, int]] = {}
    checked: set[tuple] = set()
    for row in _rows(shared / MQM_FILE):
        key = (row["system"], row["doc"], int(row["docSegId"]))
        if row["severity"] == "HOTW-test":
            checked.add(key)
            continue
        severities[key][row["rater"]].append(row["severity"])
        texts.setdefault(key, (_MARK.sub("", row["source"]), _MARK.sub("", row["target"])))
        order.setdefault(key, (int(row["globalSegId"]), int(row["docSegId"])))
    groups: dict[str, list[tuple]] = defaultdict(list)
    for key, by_rater in severities.items():
        if key in checked or len(by_rater) != RATERS_PER_ITEM:
            continue
        if all(s == "No-error" for ss in by_rater.values() for s in ss):
            groups[key[0]].append(key)
    out = []
    for system in sorted(groups):
        keys = sorted(groups[system], key=lambda k: order[k])
        out.append((system, [texts[k][0] for k in keys], [texts[k][1] for k in keys]))
    return out
