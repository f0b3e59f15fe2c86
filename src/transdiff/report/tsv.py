"""Tab-separated aligned pairs: one bead per line, for spreadsheets and translation-memory tools."""
from __future__ import annotations

import re

from transdiff.report.json import bead_side_text, finding_beads
from transdiff.types import Result

HEADER = ("bead", "source_ids", "target_ids", "score", "source_text", "target_text", "findings")

# Anything a spreadsheet or `cut` would read as a field or record break becomes a single space.
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def _cell(text: str) -> str:
    return _BREAKS.sub(" ", text)


def render_tsv(result: Result) -> str:
    """Every bead (including those with an empty side), with the types of the findings attached to it."""
    alignment = result.alignment
    types_by_bead: dict[int, list[str]] = {}
    for finding, bead_id in zip(result.findings, finding_beads(result)):
        if bead_id is None:
            continue
        kinds = types_by_bead.setdefault(bead_id, [])
        if finding.type not in kinds:
            kinds.append(finding.type)
    rows = ["\t".join(HEADER)]
    for number, bead in enumerate(alignment.beads):
        rows.append("\t".join((
            str(number),
            ",".join(str(i) for i in bead.source),
            ",".join(str(j) for j in bead.target),
            f"{bead.score:.4f}",
            _cell(bead_side_text(result.source, alignment.source, bead.source)),
            _cell(bead_side_text(result.target, alignment.target, bead.target)),
            ",".join(types_by_bead.get(number, ())),
        )))
    return "\n".join(rows) + "\n"
