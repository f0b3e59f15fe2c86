"""Alignment output of `transdiff align`: the bead format of the Vecalign/Bertalign scorers, TSV, JSON.

Bead format: one bead per line, ``[i,j]:[k]`` with 0-based segment ids of each side, ``[i]:[]`` and
``[]:[k]`` for unmatched segments, then ``:score``.
"""
from __future__ import annotations

import json

from ..types import Alignment


def _ids(ids) -> str:
    return "[" + ",".join(str(i) for i in ids) + "]"


def render_beads(alignment: Alignment) -> str:
    return "".join(f"{_ids(b.source)}:{_ids(b.target)}:{b.score:.4f}\n" for b in alignment.beads)


def _flat(text: str) -> str:
    return " ".join(text.split())


def render_alignment_tsv(alignment: Alignment) -> str:
    lines = ["source_ids\ttarget_ids\tscore\tsource_text\ttarget_text"]
    for b in alignment.beads:
        src = " ".join(alignment.source[i].text for i in b.source)
        tgt = " ".join(alignment.target[j].text for j in b.target)
        lines.append(f"{','.join(map(str, b.source))}\t{','.join(map(str, b.target))}\t{b.score:.4f}\t"
                     f"{_flat(src)}\t{_flat(tgt)}")
    return "\n".join(lines) + "\n"


def render_alignment_json(alignment: Alignment) -> str:
    data = {
        "beads": [{"source": list(b.source), "target": list(b.target), "score": round(b.score, 4)}
                  for b in alignment.beads],
        "source_segments": [{"id": s.index, "span": [s.start, s.end], "line": s.line, "text": s.text}
                            for s in alignment.source],
        "target_segments": [{"id": s.index, "span": [s.start, s.end], "line": s.line, "text": s.text}
                            for s in alignment.target],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render_alignment(alignment: Alignment, fmt: str) -> str:
    return {"beads": render_beads, "tsv": render_alignment_tsv, "json": render_alignment_json}[fmt](alignment)
