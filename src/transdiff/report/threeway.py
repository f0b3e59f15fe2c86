"""Reports of a three-way comparison (one source, two translations A and B): text, JSON and HTML.

JSON layout (``"format": "transdiff-threeway"``, documented in docs/formats.md): ``documents``,
``summary`` (status counts per version, clauses only one version renders, A/B sentence counts and
document chrF), ``clauses`` (one row per source clause), ``differences`` (A/B sentence pairs that are
not identical, with word diff, scores and the source clauses they render), optional ``terms``.
The HTML page is self-contained: one constant style block allowed by hash in the
Content-Security-Policy, no script, every piece of document text escaped.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from typing import Any, Optional, Sequence

from transdiff.diff import DiffItem
from transdiff.errors import OutputError
from transdiff.report.diffreport import html_words, marked_words, scores_text, side_dict
from transdiff.report.text import shorten
from transdiff.threeway import STATUSES, ThreeWayResult, ThreeWayRow, VersionRendering

JSON_FORMAT_VERSION = 1


def _name(doc: Any, fallback: str) -> str:
    return doc.path or fallback


def _lines(lines: Optional[Sequence[int]]) -> str:
    if not lines:
        return "-"
    return f"{lines[0]}" if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"


def _chrf(item: Optional[DiffItem]) -> Optional[float]:
    if item is None or item.a is None or item.b is None:
        return None
    if item.kind == "unchanged":
        return 100.0
    return (item.scores or {}).get("chrf")


def _item(result: ThreeWayResult, row: ThreeWayRow) -> Optional[DiffItem]:
    return None if row.difference is None else result.diff.items[row.difference]


def _summary_lines(result: ThreeWayResult) -> list[str]:
    counts = result.counts()
    out = []
    for version, name in (("a", "A"), ("b", "B")):
        c = counts[version]
        out.append(f"{name}: {c['covered']} clauses covered, {c['partial']} partial, {c['omitted']} omitted")
    only_a, only_b = result.only_in("a"), result.only_in("b")
    out.append(f"rendered by A only: {len(only_a)} clauses; by B only: {len(only_b)} clauses")
    diff_counts = ", ".join(f"{n} {k}" for k, n in result.diff.counts().items() if n or k == "unchanged")
    chrf = f"; chrF of B against A {result.diff.scores['chrf']:.1f}" if result.diff.scores else ""
    out.append(f"A vs B sentences: {diff_counts}{chrf}")
    return out


# --------------------------------------------------------------------------- text
def _version_text(name: str, v: VersionRendering) -> list[str]:
    head = f"  {name}: {v.status}"
    if v.target_lines:
        head += f" (line {_lines(v.target_lines)})"
    out = [head + (f"  {shorten(' '.join(v.target_text.split()))}" if v.target_text else "")]
    if v.uncovered:
        out.append(f"     uncovered: {', '.join(dict.fromkeys(v.uncovered))}")
    out.extend(f"     {m}" for m in v.mismatches)
    return out


def render_threeway_text(result: ThreeWayResult, *, show_all: bool = False,
                         terms: Optional[dict[str, list[dict]]] = None) -> str:
    """Summary, the clauses the versions render differently (all with ``show_all``), and the
    sentences where A and B differ. ``terms``: {"a": [...], "b": [...]} from ``term_consistency``."""
    a_name, b_name = _name(result.a.target, "version A"), _name(result.b.target, "version B")
    lines = [f"transdiff three-way: source {_name(result.source, 'source')} ({len(result.rows)} clauses), "
             f"A = {a_name}, B = {b_name}", *_summary_lines(result), ""]
    rows = [r for r in result.rows if show_all or r.differs]
    lines.append("Clauses" if show_all else "Clauses not fully rendered by both versions")
    if not rows:
        lines.append("  (none: both versions render every clause)")
    for row in rows:
        lines.append(f"[clause {row.clause}] source line {_lines(row.source_lines)}: "
                     f"{shorten(' '.join(row.source_text.split()))}")
        lines += _version_text("A", row.a) + _version_text("B", row.b)
        item = _item(result, row)
        if item is not None and item.kind != "unchanged":
            chrf = _chrf(item)
            lines.append(f"  A vs B: {item.kind}" + (f", chrF {chrf:.1f}" if chrf is not None else ""))
    lines += ["", "Where A and B differ"]
    differences = [(k, it) for k, it in enumerate(result.diff.items) if it.kind != "unchanged"]
    if not differences:
        lines.append("  (none: the two versions have the same sentences)")
    for k, item in differences:
        where = ", ".join(part for part in (
            f"A line {_lines(item.a.lines)}" if item.a else "", f"B line {_lines(item.b.lines)}" if item.b else "") if part)
        clauses = result.difference_clauses.get(k, [])
        source = f"; source clause{'s' if len(clauses) > 1 else ''} {', '.join(map(str, clauses))}" if clauses else ""
        scores = f"  {scores_text(item.scores)}" if item.scores else ""
        lines.append(f"{item.kind:<9} {where}{source}{scores}")
        lines.append("  " + marked_words(item.words))
    for version, name in (("a", "A"), ("b", "B")):
        if terms and terms.get(version):
            from transdiff.checks.terms import render_terms_text

            lines += ["", f"{name}: " + render_terms_text(terms[version]).rstrip("\n")]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- JSON
def _version_dict(v: VersionRendering) -> dict[str, Any]:
    return {"status": v.status, "target_text": v.target_text,
            "target_lines": list(v.target_lines) if v.target_lines else None,
            "target_span": list(v.target_span) if v.target_span else None,
            "uncovered": list(dict.fromkeys(v.uncovered)), "mismatches": list(v.mismatches),
            "findings": list(v.findings)}


def _a_vs_b(result: ThreeWayResult, row: ThreeWayRow) -> Optional[dict[str, Any]]:
    """The A/B sentence pair that renders the clause: its kind, chrF and (unless unchanged) the id of
    its entry in ``differences``."""
    item = _item(result, row)
    if item is None:
        return None
    return {"kind": item.kind, "chrf": _chrf(item), "difference": None if item.kind == "unchanged" else row.difference}


def threeway_to_dict(result: ThreeWayResult, *, terms: Optional[dict[str, list[dict]]] = None) -> dict[str, Any]:
    def document(doc: Any) -> dict[str, Any]:
        return {"path": doc.path, "language": doc.lang, "encoding": doc.encoding}

    data: dict[str, Any] = {
        "format": "transdiff-threeway",
        "format_version": JSON_FORMAT_VERSION,
        "documents": {"source": document(result.source), "a": document(result.a.target),
                      "b": document(result.b.target)},
        "summary": {"clauses": len(result.rows), "status": result.counts(),
                    "only_a": [r.clause for r in result.only_in("a")],
                    "only_b": [r.clause for r in result.only_in("b")],
                    "a_vs_b": {"counts": result.diff.counts(), "scores": result.diff.scores}},
        "clauses": [{"clause": r.clause, "source_text": r.source_text, "source_lines": list(r.source_lines),
                     "a": _version_dict(r.a), "b": _version_dict(r.b), "a_vs_b": _a_vs_b(result, r)}
                    for r in result.rows],
        "differences": [{"id": k, "kind": it.kind, "a": side_dict(it.a), "b": side_dict(it.b),
                         "scores": it.scores, "words": [[op, text] for op, text in it.words],
                         "source_clauses": result.difference_clauses.get(k, [])}
                        for k, it in enumerate(result.diff.items) if it.kind != "unchanged"],
        "signature": result.signature,
    }
    if terms is not None:
        data["terms"] = terms
    return data


def render_threeway_json(result: ThreeWayResult, *, show_all: bool = False,
                         terms: Optional[dict[str, list[dict]]] = None) -> str:
    return json.dumps(threeway_to_dict(result, terms=terms), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- HTML
_STYLE = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.5em}.meta{color:#555}
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;border:1px solid #ddd;padding:.3em .5em;text-align:left}
th{background:#f3f3f3}td.num{color:#555;white-space:nowrap;font-size:.85em}
.s-covered{background:#fff}.s-partial{background:#f3e1fb}.s-omitted{background:#fde2e1}
.status{display:block;font-size:.8em;text-transform:uppercase;color:#555}.unc{color:#8e24aa;font-size:.9em}
table.clauses{table-layout:fixed}table.clauses th:nth-child(1){width:6em}table.clauses th:nth-child(5){width:6em}
del{background:#fdd;color:#900;text-decoration:line-through}ins{background:#dfd;color:#060;text-decoration:none}
"""
_STYLE_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode("utf-8")).digest()).decode("ascii") + "'"
CONTENT_SECURITY_POLICY = (f"default-src 'none'; script-src 'none'; style-src {_STYLE_HASH}; img-src 'none'; "
                           f"form-action 'none'; base-uri 'none'")


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _version_cell(v: VersionRendering) -> str:
    parts = [f'<span class="status">{_esc(v.status)}'
             + (f" · line {_esc(_lines(v.target_lines))}" if v.target_lines else "") + "</span>"]
    if v.target_text:
        parts.append(_esc(v.target_text))
    if v.uncovered:
        parts.append(f'<div class="unc">uncovered: {_esc(", ".join(dict.fromkeys(v.uncovered)))}</div>')
    parts.extend(f'<div class="unc">{_esc(m)}</div>' for m in v.mismatches)
    return f'<td class="s-{_esc(v.status)}">{"".join(parts)}</td>'


def render_threeway_html(result: ThreeWayResult, *, show_all: bool = False,
                         terms: Optional[dict[str, list[dict]]] = None) -> str:
    a_name, b_name = _name(result.a.target, "version A"), _name(result.b.target, "version B")
    rows = []
    for row in result.rows:
        if not (show_all or row.differs):
            continue
        item = _item(result, row)
        chrf = _chrf(item)
        ab = "" if item is None else f"{_esc(item.kind)}" + (f"<br>chrF {chrf:.1f}" if chrf is not None else "")
        rows.append(f'<tr><td class="num">{row.clause}<br>line {_esc(_lines(row.source_lines))}</td>'
                    f"<td>{_esc(row.source_text)}</td>{_version_cell(row.a)}{_version_cell(row.b)}"
                    f'<td class="num">{ab}</td></tr>')
    differences = [f'<tr><td class="num">{_esc(it.kind)}<br>{_esc(scores_text(it.scores))}</td>'
                   f"<td>{html_words(it.words, '=-')}</td><td>{html_words(it.words, '=+')}</td></tr>"
                   for it in result.diff.items if it.kind != "unchanged"]
    term_rows = []
    for version, name in (("a", "A"), ("b", "B")):
        for t in (terms or {}).get(version, []):
            used = "; ".join(f"“{r['text']}” ×{r['count']}" for r in t["renderings"])
            term_rows.append(f"<tr><td>{name}</td><td>{_esc(t['term'])}</td><td>{_esc(t.get('gloss') or '')}</td>"
                             f"<td>{_esc(used)}</td><td>{t['confidence']:.2f}</td></tr>")
    summary = "".join(f"<li>{_esc(line)}</li>" for line in _summary_lines(result))
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>transdiff three-way: {_esc(_name(result.source, 'source'))}</title>\n<style>{_STYLE}</style>"
        "</head>\n<body>\n<h1>transdiff three-way comparison</h1>\n",
        f'<p class="meta">source {_esc(_name(result.source, "source"))}, A = {_esc(a_name)}, B = {_esc(b_name)}</p>\n',
        f"<ul>{summary}</ul>\n",
        f"<h2>{'Clauses' if show_all else 'Clauses not fully rendered by both versions'}</h2>\n",
        "<table class=\"clauses\"><thead><tr><th>clause</th><th>source</th><th>A</th><th>B</th><th>A vs B</th></tr></thead><tbody>\n",
        "\n".join(rows) or '<tr><td colspan="5">none</td></tr>', "\n</tbody></table>\n",
        "<h2>Where A and B differ</h2>\n<table><thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>\n",
        "\n".join(differences) or '<tr><td colspan="3">none</td></tr>', "\n</tbody></table>\n",
        ("<h2>Term consistency</h2>\n<table><thead><tr><th>version</th><th>term</th><th>gloss</th>"
         "<th>renderings</th><th>confidence</th></tr></thead><tbody>\n" + "\n".join(term_rows) + "\n</tbody></table>\n"
         if term_rows else ""),
        "</body></html>\n",
    ])


RENDERERS = {"text": render_threeway_text, "json": render_threeway_json, "html": render_threeway_html}


def render_threeway(result: ThreeWayResult, fmt: str = "text", *, show_all: bool = False,
                    terms: Optional[dict[str, list[dict]]] = None) -> str:
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise OutputError(f"a three-way comparison is reported as {', '.join(RENDERERS)}, not {fmt!r}")
    return renderer(result, show_all=show_all, terms=terms)


__all__ = ["CONTENT_SECURITY_POLICY", "RENDERERS", "STATUSES", "render_threeway", "render_threeway_html",
           "render_threeway_json", "render_threeway_text", "threeway_to_dict"]
