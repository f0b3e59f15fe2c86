"""Three-way comparison (transdiff.threeway, transdiff.report.threeway) on two versions of the UDHR."""
from __future__ import annotations

import json
import re

import pytest

from transdiff.errors import LanguageError, TransdiffError
from transdiff.load import from_text
from transdiff.report.threeway import CONTENT_SECURITY_POLICY, render_threeway
from transdiff.cli.compare import run_three_way
from transdiff.threeway import compare_three

REMOVED = " They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood."
REWORDED = ("No one shall be subjected to arbitrary arrest, detention or exile.",
            "Nobody may be <b>arbitrarily</b> arrested, detained or sent into exile.")


@pytest.fixture(scope="module")
def version_b(udhr_en) -> str:
    assert REMOVED in udhr_en and REWORDED[0] in udhr_en
    return udhr_en.replace(REMOVED, "").replace(*REWORDED)


@pytest.fixture(scope="module")
def three(udhr_zh, udhr_en, version_b):
    return compare_three(from_text(udhr_zh, lang="zh", path="zh.txt"), from_text(udhr_en, lang="en", path="en-1.txt"),
                         from_text(version_b, lang="en", path="en-2.txt"))


def test_b_omits_the_removed_sentence_and_a_renders_it(three):
    only_a = three.only_in("a")
    assert only_a, "the removed sentence must show as rendered by A only"
    texts = "".join(row.source_text for row in only_a)
    assert "他们赋有理性和良心" in texts and "兄弟关系" in texts
    for row in only_a:
        assert row.a.status == "covered" and row.b.status == "omitted"
        assert "endowed with reason" in row.a.target_text and row.b.target_text is None
        assert row.source_lines == (14, 14) and row.a.target_lines == (14, 14)
    assert three.only_in("b") == []
    counts = three.counts()
    assert counts["b"]["omitted"] == counts["a"]["omitted"] + len(only_a)


def test_a_and_b_differences_point_at_source_clauses(three):
    items = three.diff.items
    deleted = [k for k, it in enumerate(items) if it.kind == "deleted"]
    assert len(deleted) == 1 and "endowed with reason" in items[deleted[0]].a.text
    assert {three.rows[c].source_text for c in three.difference_clauses[deleted[0]]} == \
        {row.source_text for row in three.only_in("a")}
    changed = [k for k, it in enumerate(items) if it.kind == "changed"]
    assert len(changed) == 1
    item = items[changed[0]]
    assert item.a.lines == (31, 31) and item.scores["chrf"] < 60
    clauses = three.difference_clauses[changed[0]]
    assert any("任意逮捕" in three.rows[c].source_text for c in clauses)
    # the reworded clause is still rendered by both
    assert all(three.rows[c].b.status == "covered" for c in clauses)
    unchanged = next(row for row in three.rows if row.source_text.startswith("人人有权享有生命"))
    assert items[unchanged.difference].kind == "unchanged"


def test_text_and_json_reports(three):
    text = render_threeway(three, "text")
    assert "rendered by A only: 2 clauses; by B only: 0 clauses" in text
    assert "[-They are endowed with reason" in text
    assert "{+Nobody may be <b>arbitrarily</b> arrested" in text  # text reports show text as written
    data = json.loads(render_threeway(three, "json"))
    assert data["format"] == "transdiff-threeway"
    assert len(data["clauses"]) == len(three.rows)
    assert data["summary"]["only_a"] == [row.clause for row in three.only_in("a")]
    row = data["clauses"][data["summary"]["only_a"][0]]
    assert row["a"]["status"] == "covered" and row["b"]["status"] == "omitted"
    assert row["a_vs_b"]["kind"] == "deleted"
    assert {d["kind"] for d in data["differences"]} == {"deleted", "changed"}
    same = next(r for r in data["clauses"] if r["source_text"].startswith("人人有权享有生命"))
    assert same["a_vs_b"] == {"kind": "unchanged", "chrf": 100.0, "difference": None}


def test_html_report_is_escaped_and_self_contained(three):
    page = render_threeway(three, "html")
    assert page.startswith("<!DOCTYPE html>") and CONTENT_SECURITY_POLICY in page
    assert "script-src 'none'" in CONTENT_SECURITY_POLICY
    assert "<b>arbitrarily</b>" not in page and "&lt;b&gt;arbitrarily&lt;/b&gt;" in page
    assert not re.search(r"<script|https?://", page)
    assert "他们赋有理性和良心" in page


def test_run_three_way_from_paths(tmp_path, udhr_en, version_b):
    from conftest import UDHR

    a, b = tmp_path / "en-1.txt", tmp_path / "en-2.txt"
    a.write_text(udhr_en, encoding="utf-8")
    b.write_text(version_b.replace("set forth in this Declaration", "set forth in this Manifesto"), encoding="utf-8")
    text, result = run_three_way(str(UDHR / "zh.txt"), str(a), str(b), fmt="json", checks="omission,terms")
    data = json.loads(text)
    assert [t["term"] for t in data["terms"]["b"]] == ["宣言"] and data["terms"]["a"] == []
    assert result.has_findings(["omission"]) and not result.has_findings(["mismatch"])
    assert "Term consistency" in run_three_way(str(UDHR / "zh.txt"), str(a), str(b), checks="terms")[0]
    with pytest.raises(TransdiffError, match="text, json or html"):
        run_three_way(str(UDHR / "zh.txt"), str(a), str(b), fmt="tmx")


def test_versions_must_be_translations(udhr_zh, udhr_en):
    zh = from_text(udhr_zh, lang="zh", path="zh.txt")
    with pytest.raises(LanguageError, match="same language as the source"):
        compare_three(zh, from_text(udhr_en, lang="en"), from_text(udhr_zh, lang="zh", path="zh-2.txt"))
