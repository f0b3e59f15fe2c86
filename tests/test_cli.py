"""The command line on the bundled corpora: formats, output files, exit codes, one-line errors."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from transdiff.cli import main

ROOT = Path(__file__).resolve().parents[1]
ZH = str(ROOT / "corpora/udhr/zh.txt")
EN = str(ROOT / "corpora/udhr/en.txt")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_text_report_starts_with_a_summary(runner):
    res = run(runner, "compare", ZH, EN)
    assert res.exit_code == 0
    out = res.stdout
    assert out.splitlines()[0].startswith("transdiff report")
    assert "findings:" in out.split("[#1]")[0]
    assert "OMISSION" in out and "\x1b[" not in out   # no colour codes when not on a terminal


def test_json_report_has_the_documented_top_level(runner):
    res = run(runner, "compare", ZH, EN, "--format", "json")
    data = json.loads(res.stdout)
    assert data["schema_version"]
    assert {"source", "target", "alignment", "findings"} <= set(data)
    assert data["findings"][0]["type"] == "omission"
    assert data["findings"][0]["source_lines"] == [2, 3]


def test_tsv_report_lists_aligned_pairs(runner):
    res = run(runner, "compare", ZH, EN, "--format", "tsv")
    lines = res.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["bead", "source_ids", "target_ids"]
    assert len(lines) > 100


def test_output_file_is_written_and_never_onto_an_input(runner, tmp_path):
    out = tmp_path / "report.html"
    res = run(runner, "compare", ZH, EN, "--format", "html", "-o", str(out))
    assert res.exit_code == 0 and res.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "Content-Security-Policy" in html
    copy = tmp_path / "en.txt"
    copy.write_text(Path(EN).read_text(encoding="utf-8"), encoding="utf-8")
    before = copy.read_bytes()
    res = runner.invoke(main, ["compare", ZH, str(copy), "-o", str(copy)])
    assert res.exit_code == 2
    assert "onto an input" in res.stderr
    assert copy.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # no temp files left


def test_fail_on_exits_one_only_when_such_findings_exist(runner):
    assert runner.invoke(main, ["compare", ZH, EN, "--fail-on", "omission"]).exit_code == 1
    assert runner.invoke(main, ["compare", ZH, EN, "--fail-on", "mismatch"]).exit_code == 0
    bad = runner.invoke(main, ["compare", ZH, EN, "--fail-on", "typo"])
    assert bad.exit_code == 2


def test_min_confidence_option(runner):
    res = run(runner, "compare", ZH, EN, "--format", "json", "--min-confidence", "0")
    loose = json.loads(res.stdout)["findings"]
    res = run(runner, "compare", ZH, EN, "--format", "json", "--min-confidence", "1")
    strict = json.loads(res.stdout)["findings"]
    assert len(loose) > len(strict)


def test_glossary_option_is_validated(runner, tmp_path):
    bad = tmp_path / "g.tsv"
    bad.write_text("not a glossary line\n", encoding="utf-8")
    res = runner.invoke(main, ["compare", ZH, EN, "--glossary", str(bad)])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == 1
    assert "line 1" in res.stderr


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "does not exist"),
    (lambda d: d, "directory"),
    (lambda d: (d / "empty.txt").write_text("") and d / "empty.txt" or d / "empty.txt", "empty"),
])
def test_bad_inputs_give_one_line_and_exit_two(runner, tmp_path, make, message):
    path = make(tmp_path)
    res = runner.invoke(main, ["compare", str(path), EN])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transdiff: error:")
    assert message in lines[0].lower()
    assert "Traceback" not in res.stderr


def test_same_language_is_refused(runner):
    res = runner.invoke(main, ["compare", EN, EN])
    assert res.exit_code == 2 and "one Chinese and one" in res.stderr


def test_align_prints_beads_covering_every_line(runner, tmp_path):
    zh_lines = Path(ZH).read_text(encoding="utf-8").splitlines()[20:30]
    en_lines = Path(EN).read_text(encoding="utf-8").splitlines()[18:28]
    (tmp_path / "zh.txt").write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    res = run(runner, "align", "--presegmented", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"))
    assert res.exit_code == 0
    src, tgt = [], []
    for line in res.stdout.splitlines():
        left, right, _score = line.split(":")
        src += [int(x) for x in left.strip("[]").split(",") if x]
        tgt += [int(x) for x in right.strip("[]").split(",") if x]
    assert src == list(range(10)) and tgt == list(range(10))


def test_real_subprocess_has_no_traceback_on_bad_input(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    proc = subprocess.run([sys.executable, "-m", "transdiff.cli", "compare", str(binary), EN],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "PDF" in proc.stderr
    assert "Traceback" not in proc.stderr
