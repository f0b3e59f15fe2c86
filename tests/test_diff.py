"""``transdiff diff``: sentence alignment, moves, word diffs, scores, reports and the command."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from transdiff.cli.diff import diff_cmd
from transdiff.diff import DiffResult, diff, word_diff
from transdiff.diff.words import _dmp
from transdiff.errors import LanguageError
from transdiff.load import from_text
from transdiff.report.diffreport import CONTENT_SECURITY_POLICY, diff_to_dict, render_diff

ROOT = Path(__file__).resolve().parents[1]
WMT = ROOT / "tests" / "fixtures" / "wmt20"  # the first 60 lines of the two human references
CPC = ROOT / "corpora" / "cpc20-report" / "zh.txt"
UDHR_EN = (ROOT / "corpora" / "udhr" / "en.txt").read_text(encoding="utf-8")
MOVED_LINE, MOVED_TO = 30, 10


def sides_rebuild(result: DiffResult) -> None:
    """Every word diff must spell out both sentences exactly."""
    for item in result.items:
        if item.a is not None:
            assert "".join(t for op, t in item.words if op != "+") == item.a.text
        if item.b is not None:
            assert "".join(t for op, t in item.words if op != "-") == item.b.text


@pytest.fixture(scope="module")
def wmt_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    human_a = (WMT / "newstest2020.zh-en.Human-A.0.txt").read_text(encoding="utf-8").splitlines()[:50]
    human_b = (WMT / "newstest2020.zh-en.Human-B.0.txt").read_text(encoding="utf-8").splitlines()[:50]
    moved = human_b.pop(MOVED_LINE)
    human_b.insert(MOVED_TO, moved)
    folder = tmp_path_factory.mktemp("wmt")
    (folder / "a.txt").write_text("\n".join(human_a) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("\n".join(human_b) + "\n", encoding="utf-8")
    return folder / "a.txt", folder / "b.txt", human_a[MOVED_LINE], moved


@pytest.fixture(scope="module")
def wmt_result(wmt_pair: tuple[Path, Path, str, str]) -> DiffResult:
    return diff(str(wmt_pair[0]), str(wmt_pair[1]))


def test_two_human_translations_are_aligned_and_the_move_is_found(wmt_pair, wmt_result: DiffResult) -> None:
    _, _, moved_in_a, moved_in_b = wmt_pair
    moved = [item for item in wmt_result.items if item.kind == "moved"]
    assert len(moved) == 1
    item = moved[0]
    assert item.a.text == moved_in_a and item.b.text == moved_in_b
    assert item.a.lines == (MOVED_LINE + 1, MOVED_LINE + 1) and item.b.lines == (MOVED_TO + 1, MOVED_TO + 1)
    # It is not also reported as a deletion and an insertion.
    assert not any(i.kind in ("deleted", "inserted") and ((i.a and i.a.text == moved_in_a) or
                                                          (i.b and i.b.text == moved_in_b)) for i in wmt_result.items)
    counts = wmt_result.counts()
    # 50 translated lines: nearly all pair up (B splits a few lines into more sentences).
    assert counts["changed"] >= 45 and counts["deleted"] <= 2
    # Every line of A is aligned with (a span of B that covers) its line in B; B splits some lines into
    # several sentences, and a sentence pair may take in the first sentence of the next line.
    for pair in (i for i in wmt_result.items if i.kind == "changed"):
        a_line = pair.a.lines[0]
        expected = a_line + (1 if MOVED_TO < a_line <= MOVED_LINE else 0)
        assert pair.b.lines[0] <= expected <= pair.b.lines[1], (pair.a.text[:60], pair.b.text[:60])
    sides_rebuild(wmt_result)


def test_per_sentence_scores_and_word_diffs(wmt_result: DiffResult) -> None:
    changed = [item for item in wmt_result.items if item.kind == "changed"]
    for item in changed:
        assert 0 < item.scores["chrf"] < 100 and 0 <= item.scores["bleu"] < 100
        assert item.scores["ter"] is None or item.scores["ter"] > 0
        assert {op for op, _ in item.words} >= {"-", "+"}
    assert sum(item.scores["ter"] is not None for item in changed) >= 0.7 * len(changed)
    # Two human translations of one news text: clearly related, clearly different.
    assert 40 < wmt_result.scores["chrf"] < 75 and 10 < wmt_result.scores["bleu"] < 45
    # A known pair: "September 26 to 27" became "September 26th to 27th" in Human-B.
    second = next(item for item in changed if item.a.text.startswith("From September 26 to 27"))
    assert ("-", "26") in second.words and ("+", "26th") in second.words


def test_text_report(wmt_result: DiffResult) -> None:
    report = render_diff(wmt_result)
    assert "[-26-]{+26th+}" in report
    assert re.search(rf"moved +A sentence \d+ \(line {MOVED_LINE + 1}\) -> B sentence \d+ \(line {MOVED_TO + 1}\)",
                     report)
    assert re.search(r"chrF \d+\.\d  BLEU \d+\.\d  TER \d+\.\d", report)
    assert "unchanged" not in report.split("\n", 2)[2]  # only the summary mentions them


def test_command_exit_codes(tmp_path: Path) -> None:
    lines = UDHR_EN.split("\n")
    edited = [line.replace("inherent dignity", "innate dignity") for line in lines]
    (tmp_path / "a.txt").write_text(UDHR_EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(edited), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(diff_cmd, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0, result.output
    assert "[-inherent-]{+innate+}" in result.output and "1 changed" in result.output
    assert runner.invoke(diff_cmd, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--fail-on-change"]).exit_code == 1
    same = runner.invoke(diff_cmd, [str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "--fail-on-change"])
    assert same.exit_code == 0 and "The two versions have the same sentences." in same.output
    out = tmp_path / "report.json"
    written = runner.invoke(diff_cmd, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json",
                                       "-o", str(out)])
    assert written.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["summary"]["counts"]["changed"] == 1


def test_bad_input_exits_2_with_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(diff_cmd, [str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")])
    assert missing.exit_code == 2
    message = missing.output.strip()
    assert "\n" not in message and "does not exist" in message and "Traceback" not in message
    (tmp_path / "en.txt").write_text(UDHR_EN, encoding="utf-8")
    mixed = runner.invoke(diff_cmd, [str(tmp_path / "en.txt"), str(ROOT / "corpora" / "udhr" / "zh.txt")])
    assert mixed.exit_code == 2 and "transdiff compare" in mixed.output


def test_language_mismatch_in_api() -> None:
    with pytest.raises(LanguageError):
        diff(from_text(UDHR_EN), from_text("人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心。"))


@pytest.fixture(scope="module")
def chinese_result() -> tuple[DiffResult, list[str]]:
    paragraph = next(line for line in CPC.read_text(encoding="utf-8").splitlines() if line.count("。") >= 7)
    sentences = [s + "。" for s in paragraph.split("。") if s]
    edited = list(sentences)
    edited[0] = edited[0].replace("全力推进全面建成小康社会进程", "全力推进全面建成小康社会的进程")
    edited[1] = edited[1].replace("一百周年", "100周年")
    edited.insert(5, edited.pop(2))        # move the third sentence two places down
    del edited[-1]                         # drop the last sentence
    return diff(from_text("".join(sentences)), from_text("".join(edited))), sentences


def test_chinese_versions(chinese_result) -> None:
    result, sentences = chinese_result
    assert result.a.lang == "zh" and result.signature["bleu"].count("tok:zh") == 1
    counts = result.counts()
    assert counts["changed"] == 2 and counts["moved"] == 1 and counts["deleted"] == 1 and counts["inserted"] == 0
    first = next(item for item in result.items if item.kind == "changed" and item.a.sentences == (0,))
    assert [w for w in first.words if w[0] != "="] == [("+", "的")]
    second = next(item for item in result.items if item.kind == "changed" and item.a.sentences == (1,))
    assert [w for w in second.words if w[0] != "="] == [("-", "一百周年"), ("+", "100周年")]  # jieba words
    assert second.scores["chrf"] < 100 and second.scores["ter"] > 0
    deleted = next(item for item in result.items if item.kind == "deleted")
    assert deleted.a.sentences == (len(sentences) - 1,)
    moved = next(item for item in result.items if item.kind == "moved")
    assert moved.a.sentences == (2,) and moved.b.sentences == (5,) and moved.similarity == 1.0
    sides_rebuild(result)


def test_json_report(chinese_result) -> None:
    result, _ = chinese_result
    data = json.loads(render_diff(result, "json"))
    assert data["format"] == "transdiff-diff" and data["format_version"] == 1
    assert data["summary"]["counts"] == result.counts() and data["summary"]["changed"] is True
    assert all(item["kind"] != "unchanged" for item in data["items"])
    moved = next(item for item in data["items"] if item["kind"] == "moved")
    start, end = moved["b"]["span"]
    assert result.b.text[start:end].startswith(moved["b"]["text"][:5])
    assert {"chrf", "bleu", "ter"} <= set(data["signature"])
    everything = diff_to_dict(result, show_unchanged=True)
    assert len(everything["items"]) == len(result.items)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.meta: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        if tag == "meta":
            self.meta.append(dict(attrs))


def test_html_report_is_escaped_and_self_contained() -> None:
    hostile = "The committee met on Monday. <script>alert(1)</script> was typed into the minutes."
    result = diff(from_text("The committee met on Monday. The minutes were approved.", lang="en"),
                  from_text(hostile, lang="en"))
    page = render_diff(result, "html")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "&lt;script&gt;" in page
    csp = next(m["content"] for m in parser.meta if m.get("http-equiv") == "Content-Security-Policy")
    assert csp == CONTENT_SECURITY_POLICY and "script-src 'none'" in csp and "default-src 'none'" in csp
    assert 'class="inline"' in page and 'class="side"' in page
    assert not re.search(r"(src|href)=|https?://|@import|url\(", page)
    assert "<ins>" in page and "<del>" in page


def test_word_diff_is_deterministic_and_word_level() -> None:
    assert _dmp().Diff_Timeout == 0
    ops = word_diff("Everyone has the right to life, liberty and security of person.",
                    "Everyone has the right to life, liberty and the security of persons.", "en")
    assert ops == [("=", "Everyone has the right to life, liberty and "), ("+", "the "), ("=", "security of "),
                   ("-", "person"), ("+", "persons"), ("=", ".")]
    # Whitespace differences (a re-wrapped line) are not changes.
    assert word_diff("free and\n  equal", "free and equal", "en") == [("=", "free and equal")]


def test_split_sentence_is_one_item() -> None:
    old = ("Everyone has the right to freedom of thought, conscience and religion, and this right includes "
           "freedom to change his religion or belief.")
    new = ("Everyone has the right to freedom of thought, conscience and religion. This right includes "
           "freedom to change his religion or belief.")
    context = "All human beings are born free and equal in dignity and rights. "
    result = diff(from_text(context + old, lang="en"), from_text(context + new, lang="en"))
    changed = [item for item in result.items if item.kind != "unchanged"]
    assert len(changed) == 1 and changed[0].kind == "changed"
    assert changed[0].a.sentences == (1,) and changed[0].b.sentences == (1, 2)
