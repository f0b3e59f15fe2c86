"""Reports of ``transdiff diff``: text with [-deleted-] {+inserted+} markup, JSON, and HTML.

The JSON layout is documented in docs/diff-report.md. The HTML page is self-contained: one constant
style block allowed by hash in the Content-Security-Policy, no scripts at all (the inline /
side-by-side switch is two radio buttons and CSS), and every piece of document text is escaped.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from typing import Any, Optional

from transdiff.diff import ITEM_KINDS, DiffItem, DiffResult, Side
from transdiff.errors import OutputError

JSON_FORMAT_VERSION = 1
_KIND_LABELS = {"changed": "changed", "moved": "moved", "deleted": "deleted", "inserted": "inserted",
                "unchanged": "unchanged"}


def _visible(items: list[DiffItem], show_unchanged: bool) -> list[DiffItem]:
    return [item for item in items if show_unchanged or item.kind != "unchanged"]


def _where(side: Optional[Side], name: str) -> str:
    if side is None:
        return ""
    ids = side.sentences
    sentence = f"{ids[0] + 1}" if len(ids) == 1 else f"{ids[0] + 1}-{ids[-1] + 1}"
    lines = f"{side.lines[0]}" if side.lines[0] == side.lines[1] else f"{side.lines[0]}-{side.lines[1]}"
    return f"{name} sentence {sentence} (line {lines})"


def scores_text(scores: Optional[dict[str, float]]) -> str:
    if not scores:
        return ""
    ter = "n/a (sentence too long)" if scores.get("ter") is None else f"{scores['ter']:.1f}"
    return f"chrF {scores['chrf']:.1f}  BLEU {scores['bleu']:.1f}  TER {ter}"


def _summary(result: DiffResult) -> str:
    counts = result.counts()
    parts = [f"{counts[k]} {k}" for k in ITEM_KINDS if counts[k] or k == "unchanged"]
    return ", ".join(parts)


# --------------------------------------------------------------------------- text
def marked_words(words: list[tuple[str, str]]) -> str:
    out = []
    for op, text in words:
        out.append(text if op == "=" else (f"[-{text}-]" if op == "-" else f"{{+{text}+}}"))
    return "".join(out)


def render_diff_text(result: DiffResult, *, show_unchanged: bool = False) -> str:
    a_name, b_name = result.a.path or "version A", result.b.path or "version B"
    lines = [f"transdiff diff: A = {a_name} ({result.a_sentences} sentences), "
             f"B = {b_name} ({result.b_sentences} sentences), language {result.a.lang}",
             _summary(result)]
    if result.scores:
        lines.append(f"document: {scores_text(result.scores)} (B against A, aligned sentences)")
    lines.extend(f"note: {note}" for note in result.notes)
    for item in _visible(result.items, show_unchanged):
        where = " -> ".join(part for part in (_where(item.a, "A"), _where(item.b, "B")) if part)
        head = f"{_KIND_LABELS[item.kind]:<9} {where}"
        if item.kind == "moved":
            head += f"  similarity {item.similarity:.2f}"
        if item.scores:
            head += f"  {scores_text(item.scores)}"
        lines.extend(["", head, "  " + marked_words(item.words)])
    if not result.changed:
        lines.extend(["", "The two versions have the same sentences."])
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- JSON
def side_dict(side: Optional[Side]) -> Optional[dict[str, Any]]:
    if side is None:
        return None
    return {"sentences": list(side.sentences), "span": list(side.span), "lines": list(side.lines),
            "text": side.text}


def diff_to_dict(result: DiffResult, *, show_unchanged: bool = False) -> dict[str, Any]:
    def document(doc: Any, sentences: int) -> dict[str, Any]:
        return {"path": doc.path, "language": doc.lang, "encoding": doc.encoding, "sentences": sentences}

    return {
        "format": "transdiff-diff",
        "format_version": JSON_FORMAT_VERSION,
        "a": document(result.a, result.a_sentences),
        "b": document(result.b, result.b_sentences),
        "summary": {"counts": result.counts(), "changed": result.changed, "scores": result.scores},
        "items": [
            {"kind": item.kind, "a": side_dict(item.a), "b": side_dict(item.b),
             "similarity": round(item.similarity, 4), "scores": item.scores,
             "words": [[op, text] for op, text in item.words]}
            for item in _visible(result.items, show_unchanged)
        ],
        "notes": list(result.notes),
        "signature": result.signature,
    }


def render_diff_json(result: DiffResult, *, show_unchanged: bool = False) -> str:
    return json.dumps(diff_to_dict(result, show_unchanged=show_unchanged), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- HTML
_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}.meta{color:#555}
del{background:#fdd;color:#900;text-decoration:line-through}ins{background:#dfd;color:#060;text-decoration:none}
.item{border-left:4px solid #999;margin:.8em 0;padding:.2em .8em}
.k-changed{border-color:#b7860b}.k-moved{border-color:#1565c0}.k-deleted{border-color:#c62828}
.k-inserted{border-color:#2e7d32}.k-unchanged{border-color:#bbb}
.head{font-size:.85em;color:#555}
table.side{border-collapse:collapse;width:100%}table.side td{vertical-align:top;border:1px solid #ddd;padding:.3em .5em;width:45%}
table.side td.kind{width:10%;font-size:.85em;color:#555}
#view-side:checked~.inline{display:none}#view-inline:checked~.side{display:none}
"""
_STYLE_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode("utf-8")).digest()).decode("ascii") + "'"
CONTENT_SECURITY_POLICY = (f"default-src 'none'; script-src 'none'; style-src {_STYLE_HASH}; img-src 'none'; "
                           f"form-action 'none'; base-uri 'none'")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def html_words(words: list[tuple[str, str]], keep: str = "=-+") -> str:
    out = []
    for op, text in words:
        if op not in keep:
            continue
        out.append(_esc(text) if op == "=" else (f"<del>{_esc(text)}</del>" if op == "-" else f"<ins>{_esc(text)}</ins>"))
    return "".join(out)


def _html_head(item: DiffItem) -> str:
    where = " → ".join(part for part in (_where(item.a, "A"), _where(item.b, "B")) if part)
    extra = f" · similarity {item.similarity:.2f}" if item.kind == "moved" else ""
    scores = f" · {scores_text(item.scores)}" if item.scores else ""
    return f"<b>{_esc(item.kind)}</b> {_esc(where)}{_esc(extra)}{_esc(scores)}"


def render_diff_html(result: DiffResult, *, show_unchanged: bool = False) -> str:
    items = _visible(result.items, show_unchanged)
    a_name, b_name = result.a.path or "version A", result.b.path or "version B"
    inline = [f'<div class="item k-{_esc(item.kind)}"><div class="head">{_html_head(item)}</div>'
              f"<div>{html_words(item.words)}</div></div>" for item in items]
    rows = [f'<tr><td class="kind">{_html_head(item)}</td><td>{html_words(item.words, "=-")}</td>'
            f"<td>{html_words(item.words, '=+')}</td></tr>" for item in items]
    doc_scores = f"<p>Document: {_esc(scores_text(result.scores))}</p>" if result.scores else ""
    notes = "".join(f"<p class=\"meta\">Note: {_esc(note)}</p>" for note in result.notes)
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>transdiff diff: {_esc(a_name)} → {_esc(b_name)}</title>\n<style>{_STYLE}</style></head>\n<body>\n",
        f"<h1>transdiff diff</h1>\n<p class=\"meta\">A = {_esc(a_name)} ({result.a_sentences} sentences), "
        f"B = {_esc(b_name)} ({result.b_sentences} sentences), language {_esc(result.a.lang)}</p>\n",
        f"<p>{_esc(_summary(result))}</p>\n{doc_scores}{notes}\n",
        '<input type="radio" name="view" id="view-inline" checked><label for="view-inline">inline</label>\n',
        '<input type="radio" name="view" id="view-side"><label for="view-side">side by side</label>\n',
        '<section class="inline">\n', "\n".join(inline), "\n</section>\n",
        '<section class="side"><table class="side"><thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>\n',
        "\n".join(rows), "\n</tbody></table></section>\n",
        "" if result.changed else "<p>The two versions have the same sentences.</p>\n",
        "</body></html>\n",
    ])


RENDERERS = {"text": render_diff_text, "json": render_diff_json, "html": render_diff_html}


def render_diff(result: DiffResult, fmt: str = "text", *, show_unchanged: bool = False) -> str:
    """The diff report in ``fmt`` ("text", "json" or "html")."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise OutputError(f"unknown diff report format {fmt!r}: choose one of {', '.join(RENDERERS)}")
    return renderer(result, show_unchanged=show_unchanged)
