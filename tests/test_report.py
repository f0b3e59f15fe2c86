"""Tests for the report renderers (text, json, html, tsv) on hand-built Results."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Optional

import pytest

from transdiff.errors import OutputError
from transdiff.report import RENDERERS, render
from transdiff.report.html import CONTENT_SECURITY_POLICY, render_html
from transdiff.report.json import render_json, to_dict
from transdiff.report.text import TEXT_LIMIT, render_text, shorten
from transdiff.report.tsv import HEADER, render_tsv
from transdiff.types import Alignment, Bead, Document, Finding, Result, Segment

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '" onmouseover="x']


# --- fixtures -------------------------------------------------------------------------------------

def make_document(lines: list[str], lang: str, path: Optional[str], norm: Optional[str] = None) -> tuple[Document, list[Segment]]:
    """A document with one clause per line; ``norm`` (same length as the text) may differ from it."""
    text = "\n".join(lines) + "\n"
    norm = text if norm is None else norm
    doc = Document(text=text, norm=norm, norm_to_text=list(range(len(norm) + 1)), lang=lang, path=path,
                   script="simplified" if lang == "zh" else None)
    segments, offset = [], 0
    for index, line in enumerate(lines):
        segments.append(Segment(index, "clause", offset, offset + len(line), offset, offset + len(line),
                                norm[offset:offset + len(line)], line=index + 1))
        offset += len(line) + 1
    return doc, segments


def make_result(zh_lines: list[str], en_lines: list[str], beads: list[Bead], findings: list[Finding],
                zh_norm: Optional[str] = None, paths: tuple[Optional[str], Optional[str]] = ("zh.txt", "en.txt")) -> Result:
    source, source_segments = make_document(zh_lines, "zh", paths[0], zh_norm)
    target, target_segments = make_document(en_lines, "en", paths[1])
    return Result(source, target, Alignment(source_segments, target_segments, beads), findings,
                  signature={"transdiff": "0.1.0", "engine": {"weights": (0.5, 0.5)}}, level="clause")


ZH = ["人人生而自由，", "在尊严和权利上一律平等。", "第3条"]
EN = ["All human beings are born free", "Article 4"]


def sample_result() -> Result:
    """Three beads: a good pair, an omission (empty target side), a number mismatch; plus a partial."""
    zh_start_2 = len(ZH[0]) + 1
    findings = [
        Finding("omission", 0.91234567, ZH[1], None, (zh_start_2, zh_start_2 + len(ZH[1])), None,
                source_lines=(2, 2), gloss="equal in dignity and rights", message="No counterpart in the target.",
                bead=1),
        Finding("mismatch", 0.8, ZH[2], EN[1], (21, 24), (31, 40), gloss="Article 3", message="3 vs 4",
                detail={"kind": "number", "source_only": ["3"], "target_only": ["4"]}, bead=2),
        Finding("partial", 0.55, ZH[0], EN[0], (0, 7), (0, 30), source_lines=(1, 1), target_lines=(1, 1),
                gloss="everyone is born free", message="Part of the source is not rendered.", bead=0,
                detail={"uncovered": [{"word": "人人", "gloss": "everyone", "span": (0, 2)}], "coverage": 0.666666}),
    ]
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (), 0.0), Bead((2,), (1,), 0.712345)]
    return make_result(ZH, EN, beads, findings)


# --- a small JSON Schema validator (jsonschema is not a dependency) -------------------------------

_TYPES = {"object": dict, "array": list, "string": str, "null": type(None), "boolean": bool}


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def schema_errors(value: Any, schema: dict, root: dict = SCHEMA, where: str = "$") -> list[str]:
    """Errors of ``value`` against the subset of JSON Schema the report schema uses."""
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return schema_errors(value, target, root, where)
    errors: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, name) for name in names):
            return [f"{where}: {value!r} is not of type {names}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if _is_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{where}: missing {key}")
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors.extend(schema_errors(item, properties[key], root, f"{where}.{key}"))
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: unexpected key {key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            errors.append(f"{where}: wrong length {len(value)}")
        if "items" in schema:
            for index, item in enumerate(value):
                errors.extend(schema_errors(item, schema["items"], root, f"{where}[{index}]"))
    return errors


def test_validator_rejects_broken_reports():
    good = to_dict(sample_result())
    assert schema_errors(good, SCHEMA) == []
    broken = json.loads(json.dumps(good))
    del broken["summary"]["aligned_share"]
    broken["findings"][0]["type"] = "typo"
    broken["findings"][0]["source_span"] = [1, 2, 3]
    broken["alignment"]["beads"][0]["id"] = "0"
    broken["source"]["extra"] = 1
    broken["summary"]["findings"]["omission"] = -1
    errors = "\n".join(schema_errors(broken, SCHEMA))
    for expected in ("missing aligned_share", "'typo' not in", "wrong length 3", "is not of type ['integer']",
                     "unexpected key extra", "-1 < 0"):
        assert expected in errors


# --- json -----------------------------------------------------------------------------------------

def test_json_report_matches_schema_and_structure():
    result = sample_result()
    rendered = render_json(result)
    data = json.loads(rendered)
    assert schema_errors(data, SCHEMA) == []
    assert data == to_dict(result)
    assert "人人生而自由" in rendered  # ensure_ascii=False
    assert rendered.startswith('{\n  "schema_version": "1.0"')
    assert data["signature"] == {"transdiff": "0.1.0", "engine": {"weights": [0.5, 0.5]}}
    assert data["source"] == {"path": "zh.txt", "lang": "zh", "encoding": "utf-8", "script": "simplified",
                              "extraction": None, "extractor": None, "chars": len(result.source.text),
                              "segments": 3}
    assert data["summary"]["findings"] == {"omission": 1, "addition": 0, "partial": 1, "mismatch": 1}
    assert data["summary"]["beads"] == 3
    assert data["summary"]["aligned_share"] == round(result.alignment.aligned_share(), 4)
    assert 0 < data["summary"]["aligned_share"] < 1
    assert [b["score"] for b in data["alignment"]["beads"]] == [0.9, 0.0, 0.7123]
    assert data["alignment"]["beads"][1] == {"id": 1, "source": [1], "target": [], "score": 0.0}
    first, _, partial = data["findings"]
    assert [f["id"] for f in data["findings"]] == [1, 2, 3]
    assert first["confidence"] == 0.9123 and first["target_span"] is None and first["bead"] == 1
    assert first["source_lines"] == [2, 2] and first["target_lines"] is None
    assert partial["detail"] == {"uncovered": [{"word": "人人", "gloss": "everyone", "span": [0, 2]}],
                                 "coverage": 0.6667}
    # Lines left out by the comparer are derived from the spans.
    assert data["findings"][1]["source_lines"] == [3, 3] and data["findings"][1]["target_lines"] == [2, 2]


def test_json_segment_text_is_original_slice_and_null_path():
    lines = ["ＡＢＣ１２３，", "第二句。"]
    text = "\n".join(lines) + "\n"
    norm = text.replace("ＡＢＣ１２３", "ABC123")
    result = make_result(lines, ["ABC123,", "Second."], [Bead((0,), (0,), 1.0), Bead((1,), (1,), float("nan"))], [],
                         zh_norm=norm, paths=(None, None))
    assert result.alignment.source[0].text.startswith("ABC123")
    data = json.loads(render_json(result))
    assert schema_errors(data, SCHEMA) == []
    assert data["alignment"]["source_segments"][0] == {"id": 0, "span": [0, 7], "line": 1, "text": "ＡＢＣ１２３，"}
    assert data["source"]["path"] is None and data["target"]["path"] is None
    assert data["alignment"]["beads"][1]["score"] is None  # NaN is not JSON
    assert data["findings"] == []


# --- text -----------------------------------------------------------------------------------------

def test_text_report_summary_and_findings():
    output = render_text(sample_result())
    assert "\x1b" not in output
    summary, _, body = output.partition("\n\n")
    assert "source: zh.txt (zh, simplified, utf-8)" in summary and "target: en.txt (en, utf-8)" in summary
    assert "languages: zh -> en" in summary
    assert "findings: 3 (1 omission, 0 addition, 1 partial, 1 mismatch)" in summary
    assert "aligned: " in summary and "% of the text in 3 beads" in summary
    blocks = body.strip().split("\n\n")
    assert blocks[0].splitlines()[0] == "[#1] OMISSION (confidence 0.91) source lines 2-2"
    assert "  source: 在尊严和权利上一律平等。" in blocks[0]
    assert "  gloss: equal in dignity and rights" in blocks[0]
    assert "  target: (no counterpart)" in blocks[0]
    assert blocks[1].startswith("[#2] MISMATCH (confidence 0.80) source lines 3-3, target lines 2-2")
    assert "numbers only in source: 3" in blocks[1] and "numbers only in target: 4" in blocks[1]
    assert blocks[2].startswith("[#3] PARTIAL")
    assert "uncovered (66.7% covered): 人人 (everyone)" in blocks[2]


def test_text_colour_only_when_asked_and_no_control_characters_from_documents():
    result = sample_result()
    result.findings[0].source_text = "evil \x1b[2J text"
    plain = render_text(result)
    assert "\x1b" not in plain and "\\x1b[2J" in plain
    coloured = render(result, "text", colour=True)
    assert "\x1b[31m" in coloured and "OMISSION" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_text_truncates_long_texts_and_handles_no_findings():
    long_english = "word " * 200
    cut = shorten(long_english)
    assert len(cut) <= TEXT_LIMIT and cut.endswith("word…")
    long_chinese = "权利" * 400
    assert len(shorten(long_chinese)) == TEXT_LIMIT and shorten(long_chinese).endswith("…")
    assert shorten("short\n text") == "short text"
    empty = make_result(ZH, EN, [Bead((0,), (0,), 0.9), Bead((1, 2), (1,), 0.5)], [])
    output = render_text(empty)
    assert "findings: 0 (0 omission, 0 addition, 0 partial, 0 mismatch)" in output
    assert "No differences found." in output


# --- tsv ------------------------------------------------------------------------------------------

def test_tsv_one_bead_per_line_with_findings_and_empty_sides():
    result = sample_result()
    result.alignment.beads.append(Bead((), (), 0.0))
    result.findings.append(Finding("addition", 0.5, None, "A", None, (31, 32), bead=2))
    result.source.text = result.source.text.replace("人人生而自由，", "人人\t生\r\n自")  # same length
    rows = render_tsv(result).splitlines()
    assert rows[0] == "\t".join(HEADER)
    assert len(rows) == 1 + len(result.alignment.beads)
    assert all(row.count("\t") == 6 for row in rows)
    assert rows[1].split("\t") == ["0", "0", "0", "0.9000", "人人 生 自", "All human beings are born free", "partial"]
    assert rows[2].split("\t") == ["1", "1", "", "0.0000", ZH[1], "", "omission"]
    assert rows[3].split("\t")[-1] == "mismatch,addition"
    assert rows[4].split("\t") == ["3", "", "", "0.0000", "", "", ""]


def test_findings_are_attached_to_the_bead_that_shows_their_text():
    result = sample_result()
    omission_span, mismatch_span = result.findings[0].source_span, result.findings[1].source_span
    result.findings = [
        Finding("omission", 0.9, ZH[1], None, omission_span, None, bead=0),   # index of another alignment
        Finding("mismatch", 0.8, ZH[2], EN[1], mismatch_span, (31, 40), bead=None),
        Finding("addition", 0.5, None, EN[1], None, (31, 40), bead=99),       # out of range
        Finding("partial", 0.5, None, None, None, None, bead=0),              # no spans: trust the index
    ]
    data = to_dict(result)
    assert [f["bead"] for f in data["findings"]] == [1, 2, 2, 0]
    assert [row.split("\t")[-1] for row in render_tsv(result).splitlines()[1:]] == ["partial", "omission",
                                                                                  "mismatch,addition"]
    output = render_html(result)
    assert '<tr id="bead-1" class="bead f-omission" data-findings="1">' in output
    assert '<tr id="bead-2" class="bead f-mismatch f-addition" data-findings="2 3">' in output
    assert 'data-finding-id="1" data-type="omission" data-bead="1"' in output


# --- html -----------------------------------------------------------------------------------------

class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, Optional[str]]]] = []
        self.script_text: list[str] = []
        self.style_text: list[str] = []
        self._inside: Optional[str] = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._inside = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside == "script":
            self.script_text.append(data)
        elif self._inside == "style":
            self.style_text.append(data)


def _csp_hash(block: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode() + "'"


def hostile_result() -> Result:
    zh = [f"第{i}条{bad}自由" for i, bad in enumerate(HOSTILE)]
    en = [f"Article {i} {bad} free" for i, bad in enumerate(HOSTILE)]
    findings = []
    for i, bad in enumerate(HOSTILE):
        start = sum(len(line) + 1 for line in zh[:i])
        findings.append(Finding(
            "partial" if i % 2 else "mismatch", 0.7, zh[i], en[i], (start, start + len(zh[i])), None, gloss=bad,
            message=bad, bead=i,
            detail={"uncovered": [{"word": bad, "gloss": bad, "span": [start + 3, start + 3 + len(bad)]}],
                    "source_only": [bad], "target_only": [bad]}))
    beads = [Bead((i,), (i,), 0.5) for i in range(len(HOSTILE))]
    return make_result(zh, en, beads, findings, paths=(HOSTILE[1], HOSTILE[3]))


def test_html_escapes_hostile_document_text_everywhere():
    output = render_html(hostile_result())
    for bad in ("<script>alert", "<img", 'onmouseover="x', '" onmouseover'):
        assert bad not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "&lt;img src=x onerror=alert(1)&gt;" in output and "&quot; onmouseover=&quot;x" in output
    # Uncovered words are marked and escaped inside the mark.
    assert '<mark class="uncovered" title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</mark>' in output
    assert len(re.findall(r"<script", output, flags=re.IGNORECASE)) == 1
    parser = _TagCollector()
    parser.feed(output)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "a", "form")
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("href", "src", "action", "style")
    assert [tag for tag, _ in parser.tags].count("script") == 1


def test_html_is_self_contained_with_matching_csp():
    output = render_html(sample_result())
    assert output.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in output
    assert f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">' in output
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert not re.search(r"https?://|@import|url\(|@font-face", output)
    parser = _TagCollector()
    parser.feed(output)
    assert _csp_hash("".join(parser.script_text)) in CONTENT_SECURITY_POLICY
    assert _csp_hash("".join(parser.style_text)) in CONTENT_SECURITY_POLICY
    # The policy must come before the blocks it governs.
    assert output.index("Content-Security-Policy") < output.index("<style>") < output.index("<script>")


def test_html_findings_list_and_bead_rows():
    output = render_html(sample_result())
    items = re.findall(r'<li class="finding t-(\w+)" data-finding-id="(\d+)" data-type="(\w+)" data-bead="(\d+)"', output)
    assert items == [("omission", "1", "omission", "1"), ("mismatch", "2", "mismatch", "2"),
                     ("partial", "3", "partial", "0")]
    assert '<tr id="bead-0" class="bead f-partial" data-findings="3">' in output
    assert '<tr id="bead-1" class="bead f-omission" data-findings="1">' in output
    assert 'data-filter="omission" checked' in output and '<span class="count">1</span>' in output
    # Empty target side of the omission bead, gloss under the Chinese text, uncovered word highlighted.
    bead_1 = output[output.index('id="bead-1"'):output.index('id="bead-2"')]
    assert "(no counterpart)" in bead_1 and "#1 gloss: equal in dignity and rights" in bead_1
    assert '<mark class="uncovered" title="everyone">人人</mark>生而自由，' in output
    assert '<div class="gloss">gloss: everyone is born free</div>' in output
    # The mismatched values are marked in both cells of their bead.
    bead_2 = output[output.index('id="bead-2"'):]
    assert '第<mark class="mm" title="only in source">3</mark>条' in bead_2
    assert 'Article <mark class="mm" title="only in target">4</mark>' in bead_2
    assert "active" in output  # the script/style handle the click highlight


def test_target_side_uncovered_words_and_findings_spanning_several_beads():
    result = sample_result()
    result.findings = [
        Finding("addition", 0.6, None, EN[1], None, (31, 40), bead=2, message="extra",
                detail={"level": "clause", "side": "target",
                        "uncovered": [{"word": "Article", "gloss": None, "span": [31, 38]}]}),
        Finding("omission", 0.7, "…", None, (0, len(result.source.text) - 1), None, bead=0),
    ]
    output = render_html(result)
    bead_2 = output[output.index('<tr id="bead-2"'):]
    assert '<mark class="uncovered">Article</mark> 4' in bead_2
    for number in range(3):
        assert re.search(rf'<tr id="bead-{number}" class="bead[^"]*f-omission[^"]*" data-findings="[^"]*2"', output)
    assert "  uncovered: Article" in render_text(result)
    assert schema_errors(to_dict(result), SCHEMA) == []


def test_html_with_zero_findings_and_empty_sides():
    result = make_result(ZH, EN, [Bead((0,), (), 0.0), Bead((1, 2), (0, 1), 0.4)], [], paths=(None, None))
    output = render_html(result)
    assert "No differences found." in output and "<li" not in output
    assert '<tr id="bead-0" class="bead" data-findings="">' in output
    assert output.count("(no counterpart)") == 1
    assert '<span class="count">0</span>' in output


# --- dispatch and real data -----------------------------------------------------------------------

def test_render_dispatch_and_unknown_format():
    result = sample_result()
    assert set(RENDERERS) == {"text", "json", "html", "tsv"}
    for fmt, renderer in RENDERERS.items():
        assert render(result, fmt) == renderer(result)
    with pytest.raises(OutputError, match="unknown report format 'xml'"):
        render(result, "xml")


def test_reports_on_real_udhr_lines():
    zh_lines = (ROOT / "corpora/udhr/zh.txt").read_text(encoding="utf-8").splitlines()[:12]
    en_lines = (ROOT / "corpora/udhr/en.txt").read_text(encoding="utf-8").splitlines()[:10]
    beads = [Bead((i,), (i,), 0.8) for i in range(10)] + [Bead((10, 11), (), 0.0)]
    start = sum(len(line) + 1 for line in zh_lines[:10])
    end = start + len(zh_lines[10]) + 1 + len(zh_lines[11])
    findings = [Finding("omission", 0.6, "\n".join(zh_lines[10:]), None, (start, end), None, bead=10)]
    result = make_result(zh_lines, en_lines, beads, findings)
    data = json.loads(render(result, "json"))
    assert schema_errors(data, SCHEMA) == []
    assert data["alignment"]["source_segments"][0]["text"] == "世界人权宣言"
    assert data["findings"][0]["source_lines"] == [11, 12]
    assert "Universal Declaration of Human Rights" in render(result, "html")
    assert len(render(result, "tsv").splitlines()) == 12
    assert "[#1] OMISSION (confidence 0.60) source lines 11-12" in render(result, "text")
