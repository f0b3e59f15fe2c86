"""CAT formats out (TMX 1.4b, XLIFF 2.0, TSV, CSV), bilingual files in (XLIFF 1.2/2.0, TMX), `transdiff check`."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from transdiff.api import align, compare
from transdiff.bilingual import read_bilingual, read_bilingual_bytes
from transdiff.bilingual.check import check_bilingual, end_mark, parse_checks
from transdiff.cli.check import check_cmd
from transdiff.errors import InputError
from transdiff.load import from_text
from transdiff.report.export import render_alignment_export, render_result_export
from transdiff.report.table import TABLE_HEADER, render_alignment_table
from transdiff.report.tmx import render_tmx, render_tmx_result, xml_safe
from transdiff.report.xliff import render_xliff, render_xliff_result
from transdiff.types import Alignment, Bead, Segment

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "corpora" / "udhr"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"

# The clause deleted from Article 22 of the English version, and the number changed in a heading.
LOW = 0.15
DELETED_CLAUSE = (", through national effort and international co‐operation and in accordance with the "
                  "organization and resources of each State,")


def _udhr(trim_intro: bool, damage: bool):
    zh_lines = (UDHR / "zh.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    en = (UDHR / "en.txt").read_text(encoding="utf-8")
    # lines 2-3 of the Chinese file introduce the declaration; the English file has no such lines
    zh = "".join(zh_lines[:1] + zh_lines[3:]) if trim_intro else "".join(zh_lines)
    if damage:
        assert DELETED_CLAUSE in en and "Article 30" in en
        en = en.replace(DELETED_CLAUSE, ",").replace("Article 30", "Article 13")
    return from_text(zh, lang="zh", path="zh.txt"), from_text(en, lang="en", path="en.txt")


@pytest.fixture(scope="module")
def damaged():
    """The UDHR with only the declaration itself, the English damaged; compare, align and exports."""
    zd, ed = _udhr(trim_intro=True, damage=True)
    # the cut clause's partial is ranked first among partials but its calibrated confidence (about 0.2)
    # is below the default threshold, so the round trip is checked with a lower one
    result = compare(zd, ed, level="clause", min_confidence=LOW)
    alignment = align(zd, ed, level="sentence")
    return {"zh": zd, "en": ed, "result": result, "alignment": alignment,
            "tmx": render_tmx(alignment, zd, ed), "xliff": render_xliff(alignment, zd, ed)}


@pytest.fixture(scope="module")
def full():
    """The whole UDHR pair: its Chinese introduction has no English counterpart."""
    zd, ed = _udhr(trim_intro=False, damage=False)
    return {"zh": zd, "en": ed, "alignment": align(zd, ed, level="sentence")}


def _cli() -> click.Group:
    @click.group()
    def main() -> None:
        pass

    main.add_command(check_cmd)
    return main


def _run(args: list[str]):
    return CliRunner().invoke(_cli(), args)


# ------------------------------------------------------------------------------------------ round trip
def _sentence_bead_of(alignment: Alignment, finding) -> int:
    """The sentence bead that holds the finding's source span (its target span if it has none)."""
    span, side = (finding.source_span, "source") if finding.source_span else (finding.target_span, "target")
    segments = getattr(alignment, side)
    for number, bead in enumerate(alignment.beads):
        if any(segments[i].start <= span[0] < segments[i].end for i in getattr(bead, side)):
            return number
    raise AssertionError(f"no bead holds {span}")


def test_check_of_exported_xliff_finds_what_compare_finds(damaged, tmp_path):
    """Units are the sentence beads of the alignment (unit id = bead id), and check runs compare's
    FindingBuilder on each unit with rates estimated over the same sentences, so the findings are the
    same: compare's partials/additions (by the sentence bead that holds them) and number mismatches."""
    path = tmp_path / "udhr.xlf"
    path.write_text(damaged["xliff"], encoding="utf-8")
    report = check_bilingual(read_bilingual(path), min_confidence=LOW)
    sentences = damaged["alignment"]
    expected = {}
    for f in damaged["result"].findings:
        kind = "number" if f.type == "mismatch" else f.type
        expected[(kind, _sentence_bead_of(sentences, f))] = f.confidence
    got = {(f.type, int(f.unit)): f.confidence for f in report.findings if f.check in ("omission", "numbers", "dates")}
    assert set(got) == set(expected)
    for key, confidence in expected.items():
        assert got[key] == pytest.approx(confidence, abs=0.02)
    # the two damages are among them, on the right units
    by_type = {(f.type, f.unit): f for f in report.findings}
    article = next(n for n, b in enumerate(sentences.beads) if "Article 13" in
                   " ".join(sentences.target[j].text for j in b.target) and "第三十条" in
                   " ".join(sentences.source[i].text for i in b.source))
    assert ("number", str(article)) in by_type
    assert by_type[("number", str(article))].detail["target_only"] == ["13"]
    partial = [f for f in report.findings if f.type == "partial" and "国家努力和国际合作" in f.source_text]
    assert len(partial) == 1
    partials = sorted((f for f in report.findings if f.type == "partial"), key=lambda f: -f.confidence)
    assert partials[0] is partial[0]                      # the cut clause is the strongest partial
    assert {"努力", "合作"} <= {d["word"] for d in partial[0].detail["uncovered"]}


def test_unmatched_beads_come_back_as_untranslated_units(full):
    """compare's omissions are beads with no target; exported with include_unmatched they are units
    without a target, which check reports as untranslated with the same ids."""
    zd, ed, alignment = full["zh"], full["en"], full["alignment"]
    source_only = [n for n, b in enumerate(alignment.beads) if b.source and not b.target]
    assert source_only, "the Chinese introduction should have no English counterpart"
    without = read_bilingual_bytes(render_xliff(alignment, zd, ed).encode())
    assert not {str(n) for n in source_only} & {u.id for u in without.units}
    with_unmatched = read_bilingual_bytes(render_xliff(alignment, zd, ed, include_unmatched=True).encode())
    report = check_bilingual(with_unmatched, checks="untranslated")
    assert [f.unit for f in report.findings] == [str(n) for n in source_only]
    assert all(f.message == "the unit has no target" for f in report.findings)
    omissions = [f for f in compare(zd, ed, level="sentence").findings if f.type == "omission"]
    assert omissions and all(f.bead in source_only for f in omissions)


# ------------------------------------------------------------------------------------------ TMX
def validate_tmx(text: str) -> ET.Element:
    """The rules of the TMX 1.4b DTD that matter to importers."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert [c.tag for c in root] == ["header", "body"]
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr), f"header lacks {attr}"
    assert header.get("segtype") in ("block", "paragraph", "sentence", "phrase")
    body = root.find("body")
    for tu in body:
        assert tu.tag == "tu"
        tags = [c.tag for c in tu]
        first_tuv = tags.index("tuv")
        assert set(tags[:first_tuv]) <= {"note", "prop"} and set(tags[first_tuv:]) == {"tuv"}  # (note|prop)*, tuv+
        for prop in tu.findall("prop"):
            assert prop.get("type")
        for tuv in tu.findall("tuv"):
            assert tuv.get(XML_LANG)
            segs = [c for c in tuv if c.tag == "seg"]
            assert len(segs) == 1 and [c.tag for c in tuv][-1] == "seg"
    return root


def test_tmx_is_valid_and_round_trips(damaged):
    zd, ed, alignment = damaged["zh"], damaged["en"], damaged["alignment"]
    root = validate_tmx(damaged["tmx"])
    header = root.find("header")
    assert header.get("creationtool") == "transdiff" and header.get("srclang") == "zh-CN"
    assert header.get("segtype") == "sentence" and header.get("datatype") == "plaintext"
    tus = root.find("body").findall("tu")
    matched = [n for n, b in enumerate(alignment.beads) if b.source and b.target]
    assert [tu.get("tuid") for tu in tus] == [str(n) for n in matched]
    assert all([t.get(XML_LANG) for t in tu.findall("tuv")] == ["zh-CN", "en"] for tu in tus)
    # segments are the original text slices
    first = alignment.beads[matched[0]]
    assert tus[0].find("tuv/seg").text == zd.text[alignment.source[first.source[0]].start:
                                                   alignment.source[first.source[-1]].end]
    units = read_bilingual_bytes(damaged["tmx"].encode()).units
    xliff_units = read_bilingual_bytes(damaged["xliff"].encode()).units
    assert [(u.id, u.source, u.target) for u in units] == [(u.id, u.source, u.target) for u in xliff_units]


def test_tmx_unmatched_are_flagged_when_included(full):
    zd, ed, alignment = full["zh"], full["en"], full["alignment"]
    root = validate_tmx(render_tmx(alignment, zd, ed, include_unmatched=True))
    tus = root.find("body").findall("tu")
    assert len(tus) == len(alignment.beads)
    flagged = [tu for tu in tus if any(p.get("type") == "x-transdiff-status" and p.text == "unmatched"
                                       for p in tu.findall("prop"))]
    unmatched = [n for n, b in enumerate(alignment.beads) if not (b.source and b.target)]
    assert [tu.get("tuid") for tu in flagged] == [str(n) for n in unmatched]
    assert all(len(tu.findall("tuv")) == 1 for tu in flagged)


def test_result_exports_carry_findings(damaged):
    result = damaged["result"]
    root = validate_tmx(render_tmx_result(result))
    assert root.find("header").get("segtype") == "phrase"  # compare's result is clause-level
    notes = [n.text for n in root.iter("note")]
    assert any(n.startswith("mismatch") and "13" in n for n in notes)
    xliff = ET.fromstring(render_xliff_result(result).encode())
    assert any("partial" in (n.text or "") for n in xliff.iter(f"{X2}note"))
    rows = list(csv.reader(io.StringIO(render_result_export(result, "csv"))))
    assert rows[0] == [*TABLE_HEADER, "findings"]
    assert any("mismatch" in row[-1] for row in rows[1:])


def test_illegal_characters_are_stripped_and_markup_escaped():
    zd = from_text("甲方支付<100>元&税\x01。\n", lang="zh")
    ed = from_text("Party A pays <100> yuan & tax\x1f.\n", lang="en")
    seg = lambda doc, lang: Segment(0, "sentence", 0, len(doc.norm.rstrip()), 0, len(doc.text.rstrip()),
                                    doc.norm.rstrip())
    alignment = Alignment([seg(zd, "zh")], [seg(ed, "en")], [Bead((0,), (0,), 1.0)])
    for text in (render_tmx(alignment, zd, ed), render_xliff(alignment, zd, ed)):
        assert "\x01" not in text and "\x1f" not in text and "&lt;100&gt;" in text and "&amp;" in text
        units = read_bilingual_bytes(text.encode()).units
        assert units[0].source == "甲方支付<100>元&税。" and units[0].target == "Party A pays <100> yuan & tax."
    assert xml_safe("a\ud800b\ufffec\U0001f600") == "abc\U0001f600"


# ------------------------------------------------------------------------------------------ XLIFF 2.0 and tables
def test_xliff20_structure(damaged):
    root = ET.fromstring(damaged["xliff"].encode())
    assert root.tag == f"{X2}xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("zh-CN", "en")
    units = root.findall(f"{X2}file/{X2}unit")
    ids = [u.get("id") for u in units]
    assert len(ids) == len(set(ids)) > 90
    for unit in units:
        segment = unit.find(f"{X2}segment")
        assert segment.find(f"{X2}source").text and segment.find(f"{X2}target").text


def test_tables_have_a_header_and_one_row_per_bead(damaged):
    zd, ed, alignment = damaged["zh"], damaged["en"], damaged["alignment"]
    tsv = render_alignment_table(alignment, zd, ed, dialect="tsv")
    lines = tsv.splitlines()
    assert lines[0].split("\t") == list(TABLE_HEADER)
    assert len(lines) == len(alignment.beads) + 1 and all(line.count("\t") == len(TABLE_HEADER) - 1 for line in lines)
    rows = list(csv.reader(io.StringIO(render_alignment_export(alignment, zd, ed, "csv"))))
    assert rows[0] == list(TABLE_HEADER) and len(rows) == len(alignment.beads) + 1
    assert rows[1][7] == read_bilingual_bytes(damaged["xliff"].encode()).units[0].source
    data = json.loads(render_alignment_export(alignment, zd, ed, "json"))
    assert len(data["beads"]) == len(alignment.beads)


# ------------------------------------------------------------------------------------------ check on hand-written files
XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="t.txt">
  <body>
   <trans-unit id="ok"><source>人人有权享受生命、自由和人身安全。</source>
    <target>Everyone has the right to life, liberty and security of person.</target></trans-unit>
   <group id="g">
    <trans-unit id="num"><source>本宣言共<g id="1">30</g>条。</source><target>This Declaration has 13 articles.</target></trans-unit>
   </group>
   <trans-unit id="empty"><source>任何人不得加以酷刑。</source><target/></trans-unit>
   <trans-unit id="missing"><source>序言</source></trans-unit>
   <trans-unit id="same"><source>世界人权宣言</source><target>世界人权宣言</target></trans-unit>
   <trans-unit id="code"><source>217A</source><target>217A</target></trans-unit>
   <trans-unit id="date"><source>大会于1948年12月10日通过。</source><target>The Assembly adopted it on 10 December 1949.</target></trans-unit>
   <trans-unit id="punct"><source>人人生而自由。</source><target>All human beings are born free</target></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh-CN">
 <file id="f1">
  <unit id="u1">
   <segment><source>Everyone has the right to rest and leisure.</source><target>人人有享受休息和闲暇的权利。</target></segment>
  </unit>
  <unit id="u2">
   <segment><source>Adopted by <pc id="1">resolution 217</pc> of 1948.</source><target>以第<ph id="2"/>218号决议通过。</target></segment>
  </unit>
  <unit id="u3"><segment><source>Is it free?</source><target>是自由的。</target></segment></unit>
  <unit id="u4"><segment><source>Article 5</source></segment></unit>
  <unit id="u5">
   <segment><source>Everyone has the right to work.</source><target>人人有权工作。</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>It lasted 20 years.</source><target>它持续了20年。</target></segment>
  </unit>
 </file>
</xliff>
"""


def test_xliff12_findings_have_the_right_unit_ids(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    result = _run(["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "xliff-1.2" and data["units"] == 8
    found = {(f["unit"], f["check"]) for f in data["findings"]}
    assert found == {("num", "numbers"), ("empty", "untranslated"), ("missing", "untranslated"),
                     ("same", "untranslated"), ("date", "dates"), ("punct", "punctuation")}
    number = next(f for f in data["findings"] if f["unit"] == "num")
    assert number["detail"] == {"source_only": ["30"], "target_only": ["13"]}
    date = next(f for f in data["findings"] if f["unit"] == "date")
    assert "1948" in date["message"] and "1949" in date["message"]
    text = _run(["check", str(path)])
    assert "unit num  [numbers]" in text.stdout and "unit ok " not in text.stdout


def test_xliff20_findings_and_inline_codes(tmp_path):
    path = tmp_path / "b.xlf"
    path.write_text(XLIFF20, encoding="utf-8")
    units = {u.id: u for u in read_bilingual(path).units}
    assert units["u2"].source == "Adopted by resolution 217 of 1948." and units["u2"].target == "以第218号决议通过。"
    assert units["u5"].source == "Everyone has the right to work. It lasted 20 years."
    assert units["u5"].target == "人人有权工作。 它持续了20年。"
    assert not units["u4"].has_target
    report = check_bilingual(read_bilingual(path))
    found = {(f.unit, f.check) for f in report.findings}
    assert found == {("u2", "numbers"), ("u2", "dates"), ("u3", "punctuation"), ("u4", "untranslated")}
    only_numbers = check_bilingual(read_bilingual(path), checks="numbers")
    assert {(f.unit, f.check) for f in only_numbers.findings} == {("u2", "numbers")}


def test_fail_on_and_bad_options(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    assert _run(["check", str(path), "--fail-on", "numbers"]).exit_code == 1
    assert _run(["check", str(path), "--checks", "omission", "--fail-on", "numbers"]).exit_code == 0
    assert _run(["check", str(path), "--checks", "spelling"]).exit_code == 2
    with pytest.raises(InputError):
        parse_checks("numbers,colour")


def test_tmx_reader_variants():
    tmx = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="*all*" creationtool="x" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" datatype="plaintext"/>
<body>
 <tu tuid="t1"><tuv xml:lang="en-GB"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> 3 times.</seg></tuv>
  <tuv xml:lang="fr"><seg>Appuyez</seg></tuv><tuv lang="ZH-TW"><seg>按確定三次。</seg></tuv></tu>
 <tu><tuv xml:lang="en-GB"><seg>Hello</seg></tuv></tu>
</body></tmx>"""
    bilingual = read_bilingual_bytes(tmx.encode())
    assert (bilingual.source_code, bilingual.target_code, bilingual.target_lang) == ("en", "zh", "ZH-TW")
    assert [(u.id, u.source, u.target, u.has_target) for u in bilingual.units] == [
        ("t1", "Press OK 3 times.", "按確定三次。", True), ("2", "Hello", "", False)]


def test_end_marks():
    assert end_mark("他说：“好。”") == "period" and end_mark('He said "yes."') == "period"
    assert end_mark("为什么？") == end_mark("Why?") == "question"
    assert end_mark("Wait...") == end_mark("等等……") == "ellipsis"
    assert end_mark("Article 5") is None


# ------------------------------------------------------------------------------------------ hostile input
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff version="1.2"><file source-language="en" target-language="zh"><body>
<trans-unit id="1"><source>&lol3;</source><target>x</target></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize("content", [
    BILLION_LAUGHS,
    '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx version="1.4">&x;</tmx>',
    "<xliff version='1.2'><file>",
    "<html><body>not a bilingual file</body></html>",
])
def test_hostile_or_broken_xml_is_one_line_exit_2(tmp_path, content):
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    result = _run(["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("transdiff: error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and "lollol" not in result.stdout


def test_unsupported_language_is_refused(tmp_path):
    path = tmp_path / "fr.xlf"
    path.write_text(XLIFF12.replace('target-language="en-US"', 'target-language="fr-FR"'), encoding="utf-8")
    result = _run(["check", str(path)])
    assert result.exit_code == 2 and "fr-FR" in result.stderr
