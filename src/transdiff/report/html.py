"""One self-contained HTML page: summary, filterable findings list, side-by-side bead table.

Safety rules, because the documents are untrusted input:
- every string that comes from a document (or a path, gloss, signature value) goes through ``_esc``,
  piece by piece, also inside attributes;
- the script and style are constants, never built from data, and the Content-Security-Policy allows
  exactly those two blocks (by SHA-256 hash) and nothing else: no network, no inline handlers.
The script only reads integer ids from ``data-`` attributes.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from bisect import bisect_right
from typing import Any, Iterable, Optional, Sequence

from transdiff.report.json import BeadLocator, finding_counts, finding_id, line_range, segment_text
from transdiff.report.text import shorten
from transdiff.types import FINDING_TYPES, Document, Finding, Result, Segment

LIST_TEXT_LIMIT = 400

_TYPE_COLOURS = {"omission": "#fde2e1", "addition": "#fff3c4", "partial": "#f3e1fb", "mismatch": "#dcf1f7"}
_TYPE_EDGES = {"omission": "#c62828", "addition": "#b7860b", "partial": "#8e24aa", "mismatch": "#00838f"}


def _type_rules() -> str:
    rules = []
    # Listed in reverse so the first type in FINDING_TYPES wins when a bead has several.
    for kind in reversed(FINDING_TYPES):
        bg, edge = _TYPE_COLOURS[kind], _TYPE_EDGES[kind]
        rules.append(f".badge.t-{kind}{{background:{edge};color:#fff}}\n"
                     f"li.finding.t-{kind}{{border-left-color:{edge}}}\n"
                     f"tr.f-{kind} td{{background:{bg}}}\ntr.f-{kind} td.num{{border-left:4px solid {edge}}}\n"
                     f"body.hide-{kind} li.finding[data-type=\"{kind}\"]{{display:none}}\n")
    return "".join(rules)


_STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#263238;color:#eceff1}
header h1{margin:0 0 6px;font-size:18px}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
header dt{color:#b0bec5}header dd{margin:0;overflow-wrap:anywhere}
.layout{display:grid;grid-template-columns:minmax(280px,34%) 1fr;gap:0}
aside{position:sticky;top:0;max-height:100vh;overflow:auto;padding:10px 14px;border-right:1px solid #ddd;background:#fff}
main{padding:10px 14px;min-width:0}
h2{font-size:15px;margin:6px 0 8px}
fieldset.filters{border:1px solid #ddd;border-radius:4px;margin:0 0 10px;padding:6px 8px}
fieldset.filters label{display:inline-block;margin-right:10px;cursor:pointer;white-space:nowrap}
.count{color:#555}
ol.findings{list-style:none;margin:0;padding:0}
li.finding{border:1px solid #ddd;border-left:5px solid #999;border-radius:4px;margin:0 0 8px;padding:6px 8px;cursor:pointer;background:#fff}
li.finding:hover,li.finding:focus{outline:2px solid #90caf9}
li.finding.active{outline:3px solid #1565c0;background:#e3f2fd}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
.meta{color:#555;font-size:12px}
.msg{margin:2px 0}
.ftext{margin:2px 0;overflow-wrap:anywhere}
.label{color:#777;font-size:12px;margin-right:4px}
.gloss{color:#37474f;font-style:italic;font-size:13px;overflow-wrap:anywhere}
.none{color:#999;font-style:italic}
table.beads{border-collapse:collapse;width:100%;table-layout:fixed}
table.beads th,table.beads td{border-bottom:1px solid #e0e0e0;padding:4px 6px;vertical-align:top;text-align:left}
table.beads th{position:sticky;top:0;background:#eceff1;z-index:1}
td.num,th.num{width:4.5em;color:#666;font-size:12px}
td.score,th.score{width:4.5em;color:#666;font-size:12px;text-align:right}
td.src,td.tgt{overflow-wrap:anywhere}
.seg+.seg{border-top:1px dotted #ccc;margin-top:2px;padding-top:2px}
.ln{color:#999;font-size:11px;margin-right:6px;user-select:none}
tr.bead.active td{outline:2px solid #1565c0;outline-offset:-2px}
tr.bead.active td.src,tr.bead.active td.tgt{background:#e3f2fd}
mark{background:#ffe082;padding:0 1px;border-radius:2px}
mark.uncovered{background:#ce93d8}
mark.mm{background:#80deea}
body.only-findings tr.bead[data-findings=""]{display:none}
@media (max-width:900px){.layout{grid-template-columns:1fr}aside{position:static;max-height:none;border-right:0}}
""" + _type_rules()

_SCRIPT = """
(function () {
  "use strict";
  var body = document.body;
  var aside = document.querySelector("aside");
  function clearActive() {
    var old = document.querySelectorAll(".active");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("active"); }
  }
  function activate(item, scrollRow) {
    clearActive();
    item.classList.add("active");
    var bead = item.getAttribute("data-bead");
    if (!bead || !/^[0-9]+$/.test(bead)) { return; }
    var row = document.getElementById("bead-" + bead);
    if (!row) { return; }
    row.classList.add("active");
    if (scrollRow) { row.scrollIntoView({block: "center", behavior: "smooth"}); }
  }
  document.addEventListener("click", function (event) {
    var item = event.target.closest("li.finding");
    if (item) { activate(item, true); return; }
    var row = event.target.closest("tr.bead");
    if (!row) { return; }
    var ids = (row.getAttribute("data-findings") || "").split(" ");
    if (!/^[0-9]+$/.test(ids[0])) { return; }
    var first = document.querySelector('li.finding[data-finding-id="' + ids[0] + '"]');
    if (!first) { return; }
    activate(first, false);
    if (aside && aside.scrollHeight > aside.clientHeight) {
      aside.scrollTop = first.offsetTop - aside.clientHeight / 3;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var item = event.target.closest && event.target.closest("li.finding");
    if (item) { event.preventDefault(); activate(item, true); }
  });
  var boxes = document.querySelectorAll("input[data-filter]");
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener("change", function (event) {
      var kind = event.target.getAttribute("data-filter");
      if (/^[a-z]+$/.test(kind)) { body.classList.toggle("hide-" + kind, !event.target.checked); }
    });
  }
  var only = document.getElementById("only-findings");
  if (only) {
    only.addEventListener("change", function () { body.classList.toggle("only-findings", only.checked); });
  }
})();
"""


def _hash(block: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii") + "'"


CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src {_hash(_STYLE)}; script-src {_hash(_SCRIPT)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


# A highlight inside one segment: [start, end) in Document.text, CSS class, tooltip (or None).
Mark = tuple[int, int, str, Optional[str]]


def _segment_of(starts: Sequence[int], segments: Sequence[Segment], offset: int) -> Optional[int]:
    position = bisect_right(starts, offset) - 1
    if position >= 0 and segments[position].start <= offset < segments[position].end:
        return position
    return None


def _value_pattern(value: str) -> re.Pattern[str]:
    # A mismatched "1" must not light up every digit of "10" or "2019".
    return re.compile(r"(?<![0-9A-Za-z])" + re.escape(value) + r"(?![0-9A-Za-z])")


def uncovered_side(finding: Finding) -> str:
    """Which document the ``detail.uncovered`` spans point into (additions: the target)."""
    side = (finding.detail or {}).get("side")
    if side in ("source", "target"):
        return side
    return "target" if finding.type == "addition" else "source"


def _collect_marks(result: Result, placements: Sequence[list[int]]) -> tuple[dict[int, list[Mark]], dict[int, list[Mark]]]:
    """Highlights per segment position: uncovered words, mismatched values."""
    alignment = result.alignment
    source_marks: dict[int, list[Mark]] = {}
    target_marks: dict[int, list[Mark]] = {}
    starts = {"source": [seg.start for seg in alignment.source], "target": [seg.start for seg in alignment.target]}
    for finding, beads in zip(result.findings, placements):
        detail = finding.detail or {}
        side = uncovered_side(finding)
        segments = alignment.source if side == "source" else alignment.target
        marks = source_marks if side == "source" else target_marks
        for entry in detail.get("uncovered") or ():
            span = entry.get("span") if isinstance(entry, dict) else None
            if not isinstance(span, (list, tuple)) or len(span) != 2:
                continue
            start, end = int(span[0]), int(span[1])
            position = _segment_of(starts[side], segments, start)
            if position is not None and end > start:
                marks.setdefault(position, []).append((start, end, "uncovered", entry.get("gloss") or None))
        if finding.type != "mismatch":
            continue
        for key, segments, doc, marks, side_of in (
            ("source_only", alignment.source, result.source, source_marks, lambda bead: bead.source),
            ("target_only", alignment.target, result.target, target_marks, lambda bead: bead.target),
        ):
            patterns = [_value_pattern(str(value)) for value in detail.get(key) or () if str(value)]
            for seg_id in (i for number in beads for i in side_of(alignment.beads[number])):
                seg = segments[seg_id]
                for pattern in patterns:
                    for match in pattern.finditer(segment_text(doc, seg)):
                        marks.setdefault(seg_id, []).append(
                            (seg.start + match.start(), seg.start + match.end(), "mm", f"only in {key[:6]}"))
    return source_marks, target_marks


def _marked_text(doc: Document, seg: Segment, marks: Iterable[Mark]) -> str:
    """The segment's original text, escaped piece by piece, with non-overlapping <mark>s."""
    pieces: list[str] = []
    cursor = seg.start
    for start, end, css, tip in sorted(marks):
        start, end = max(start, cursor, seg.start), min(end, seg.end)
        if end <= start:
            continue
        pieces.append(_esc(doc.text[cursor:start]))
        title = f' title="{_esc(tip)}"' if tip else ""
        pieces.append(f'<mark class="{_esc(css)}"{title}>{_esc(doc.text[start:end])}</mark>')
        cursor = end
    pieces.append(_esc(doc.text[cursor:seg.end]))
    return "".join(pieces)


def _side_cell(css: str, doc: Document, segments: Sequence[Segment], ids: Sequence[int],
               marks: dict[int, list[Mark]], glosses: Sequence[str]) -> str:
    if not ids:
        return f'<td class="{css} empty"><span class="none">(no counterpart)</span></td>'
    parts = [f'<td class="{css}" lang="{_esc(doc.lang)}">']
    for seg_id in ids:
        seg = segments[seg_id]
        parts.append(f'<div class="seg"><span class="ln">{seg.line}</span>'
                     f'{_marked_text(doc, seg, marks.get(seg_id, ()))}</div>')
    parts.extend(f'<div class="gloss">{_esc(gloss)}</div>' for gloss in glosses)
    parts.append("</td>")
    return "".join(parts)


def _placements(result: Result) -> tuple[list[Optional[int]], list[list[int]]]:
    """For each finding: its own bead, and every bead row that shows part of its text."""
    locator = BeadLocator(result.alignment)
    primaries, placements = [], []
    for finding in result.findings:
        covered = locator.covered(finding)
        primary = locator.primary(finding, covered)
        primaries.append(primary)
        placements.append(covered or ([primary] if primary is not None else []))
    return primaries, placements


def _bead_rows(result: Result, primaries: Sequence[Optional[int]], placements: Sequence[list[int]]) -> str:
    alignment = result.alignment
    source_marks, target_marks = _collect_marks(result, placements)
    ids_by_bead: dict[int, list[int]] = {}
    types_by_bead: dict[int, list[str]] = {}
    glosses_by_bead: dict[int, list[str]] = {}
    for position, (finding, primary, beads) in enumerate(zip(result.findings, primaries, placements)):
        for number in beads:
            ids_by_bead.setdefault(number, []).append(finding_id(position))
            kinds = types_by_bead.setdefault(number, [])
            if finding.type not in kinds:
                kinds.append(finding.type)
        if finding.gloss and primary is not None:
            glosses_by_bead.setdefault(primary, []).append(f"#{finding_id(position)} gloss: {finding.gloss}")
    rows = []
    for number, bead in enumerate(alignment.beads):
        classes = " ".join(["bead", *(f"f-{_esc(kind)}" for kind in types_by_bead.get(number, ()))])
        ids = " ".join(str(i) for i in ids_by_bead.get(number, ()))
        rows.append(
            f'<tr id="bead-{number}" class="{classes}" data-findings="{ids}"><td class="num">{number}</td>'
            + _side_cell("src", result.source, alignment.source, bead.source, source_marks,
                         glosses_by_bead.get(number, ()))
            + _side_cell("tgt", result.target, alignment.target, bead.target, target_marks, ())
            + f'<td class="score">{bead.score:.2f}</td></tr>')
    return "\n".join(rows)


def _lines_text(label: str, lines: Optional[tuple[int, int]]) -> str:
    if lines is None:
        return ""
    first, last = lines
    return f"{label} lines {first}-{last}"


def _finding_item(result: Result, position: int, finding: Finding, bead_id: Optional[int]) -> str:
    kind = _esc(finding.type)
    where = ", ".join(text for text in (
        _lines_text("source", line_range(result.source, finding.source_span, finding.source_lines)),
        _lines_text("target", line_range(result.target, finding.target_span, finding.target_lines)),
    ) if text)
    bead = f' data-bead="{bead_id}"' if bead_id is not None else ""
    parts = [
        f'<li class="finding t-{kind}" data-finding-id="{finding_id(position)}" data-type="{kind}"{bead} tabindex="0">',
        f'<div><span class="badge t-{kind}">{kind}</span> <span class="meta">#{finding_id(position)} · '
        f'confidence {finding.confidence:.2f}{" · " + _esc(where) if where else ""}</span></div>',
    ]
    if finding.message:
        parts.append(f'<div class="msg">{_esc(shorten(finding.message, LIST_TEXT_LIMIT))}</div>')
    for label, text, doc in (("source", finding.source_text, result.source),
                             ("target", finding.target_text, result.target)):
        body = (f'<span lang="{_esc(doc.lang)}">{_esc(shorten(text, LIST_TEXT_LIMIT))}</span>' if text
                else '<span class="none">(no counterpart)</span>')
        parts.append(f'<div class="ftext"><span class="label">{label}</span>{body}</div>')
        if label == "source" and finding.gloss:
            parts.append(f'<div class="gloss">gloss: {_esc(finding.gloss)}</div>')
    detail = finding.detail or {}
    if detail.get("uncovered"):
        words = []
        for entry in detail["uncovered"]:
            word, gloss = (entry.get("word", ""), entry.get("gloss")) if isinstance(entry, dict) else (entry, None)
            shown = f'<mark class="uncovered">{_esc(word)}</mark>' + (f" ({_esc(gloss)})" if gloss else "")
            if shown not in words:  # a repeated word says nothing new
                words.append(shown)
        parts.append(f'<div class="ftext"><span class="label">uncovered</span>{"; ".join(words)}</div>')
    if finding.type == "mismatch":
        for key in ("source_only", "target_only"):
            if detail.get(key):
                values = ", ".join(_esc(value) for value in detail[key])
                parts.append(f'<div class="ftext"><span class="label">{key.replace("_", " ")}</span>{values}</div>')
    parts.append("</li>")
    return "".join(parts)


def _summary(result: Result) -> str:
    alignment = result.alignment
    items: list[tuple[str, str]] = []
    for label, doc, count in (("source", result.source, len(alignment.source)),
                              ("target", result.target, len(alignment.target))):
        facts = ", ".join(str(fact) for fact in (doc.lang, doc.script, doc.encoding, doc.extraction) if fact)
        items.append((label, f"{doc.path or '(in-memory text)'} ({facts}) — {len(doc.text):,} characters, "
                             f"{count:,} segments"))
    items.append(("alignment", f"{result.level} level, {len(alignment.beads):,} beads, "
                               f"{alignment.aligned_share() * 100:.1f}% of the text aligned"))
    counts = finding_counts(result.findings)
    items.append(("findings", f"{len(result.findings)} (" + ", ".join(f"{n} {k}" for k, n in counts.items()) + ")"))
    for key, value in (result.signature or {}).items():
        items.append((f"signature: {key}", str(value)))
    return "".join(f"<dt>{_esc(label)}</dt><dd>{_esc(text)}</dd>" for label, text in items)


def _filters(result: Result) -> str:
    counts = finding_counts(result.findings)
    boxes = [f'<label><input type="checkbox" data-filter="{_esc(kind)}" checked> <span class="badge t-{_esc(kind)}">'
             f'{_esc(kind)}</span> <span class="count">{n}</span></label>' for kind, n in counts.items()]
    boxes.append('<label><input type="checkbox" id="only-findings"> only beads with findings</label>')
    return '<fieldset class="filters"><legend>Show</legend>' + "".join(boxes) + "</fieldset>"


def render_html(result: Result) -> str:
    """The HTML report as one string; it loads nothing from anywhere."""
    source_name = result.source.path or "source"
    target_name = result.target.path or "target"
    primaries, placements = _placements(result)
    findings = "\n".join(_finding_item(result, position, finding, primaries[position])
                         for position, finding in enumerate(result.findings))
    return "".join((
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>transdiff: {_esc(source_name)} ↔ {_esc(target_name)}</title>\n",
        f"<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<header><h1>transdiff report</h1><dl>{_summary(result)}</dl></header>\n",
        '<div class="layout">\n<aside><h2>Findings</h2>', _filters(result),
        f'<ol class="findings">\n{findings}\n</ol>' if findings else '<p class="none">No differences found.</p>',
        "</aside>\n<main><h2>Alignment</h2>\n",
        '<table class="beads"><thead><tr><th class="num">bead</th>',
        f'<th>source ({_esc(result.source.lang)})</th><th>target ({_esc(result.target.lang)})</th>',
        '<th class="score">score</th></tr></thead>\n<tbody>\n', _bead_rows(result, primaries, placements), "\n</tbody></table>\n</main>\n</div>\n",
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ))
