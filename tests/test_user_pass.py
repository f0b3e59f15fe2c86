"""What a new user meets first: inputs in the encodings and shapes real files come in, and the
one-line errors and exit codes of the command line on them."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from transdiff.bilingual import read_bilingual_bytes
from transdiff.cli import main
from transdiff.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
ZH = str(ROOT / "corpora/udhr/zh.txt")
EN = str(ROOT / "corpora/udhr/en.txt")

XLIFF12 = """<?xml version="1.0" encoding="{enc}"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="x"><body>
<trans-unit id="a"><source>会议于2020年3月5日举行，30个国家出席。</source>
<target>The meeting was held on 5 March 2020, attended by 13 countries.</target></trans-unit>
</body></file></xliff>
"""


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("encoding", ["GB18030", "GBK", "Big5", "UTF-16"])
def test_bilingual_file_in_a_declared_chinese_encoding_is_read(encoding):
    text = XLIFF12.format(enc=encoding)
    if encoding == "Big5":    # Big5 holds traditional characters only
        text = text.replace("会议于", "會議於").replace("举行", "舉行").replace("个国家", "個國家")
    units = read_bilingual_bytes(text.encode(encoding), path="a.xlf").units
    assert [u.id for u in units] == ["a"]
    assert "2020" in units[0].source and units[0].source.endswith("出席。")
    assert units[0].target.startswith("The meeting")


def test_check_of_a_gb18030_xliff_reports_its_findings(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_bytes(XLIFF12.format(enc="GB18030").encode("gb18030"))
    res = run("check", str(path))
    assert res.exit_code == 0, res.output
    assert "numbers differ: source has 30, target has 13" in res.stdout


def test_unknown_declared_encoding_is_a_one_line_error(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_bytes(XLIFF12.format(enc="no-such-encoding").encode("utf-8"))
    with pytest.raises(InputError, match="unknown encoding 'no-such-encoding'"):
        read_bilingual_bytes(path.read_bytes(), path=str(path))
    res = run("check", str(path))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "unknown encoding" in res.stderr


def test_bytes_that_are_not_the_declared_encoding_are_a_one_line_error(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_bytes(XLIFF12.format(enc="Big5").encode("utf-8")[:-20] + b"\x81\x20</xliff>")
    res = run("check", str(path))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("transdiff: error:")


def _pair_folder(root: Path) -> Path:
    folder = root / "pairs"
    folder.mkdir()
    zh = Path(ZH).read_text(encoding="utf-8").splitlines()
    en = Path(EN).read_text(encoding="utf-8").splitlines()
    (folder / "udhr.zh.txt").write_text("\n".join(zh[:12]) + "\n", encoding="utf-8")
    (folder / "udhr.en.txt").write_text("\n".join(en[:9]) + "\n", encoding="utf-8")
    return folder


def test_batch_refuses_an_out_folder_whose_reports_are_not_a_batchs(tmp_path):
    folder, out = _pair_folder(tmp_path), tmp_path / "mine"
    (out / "reports").mkdir(parents=True)
    (out / "reports" / "notes.json").write_text('{"mine": 1}', encoding="utf-8")
    (out / "summary.csv").write_text("my,own\n", encoding="utf-8")
    res = run("batch", str(folder), "--out", str(out), "--jobs", "1", "--no-progress")
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "no results.sqlite" in res.stderr
    assert (out / "reports" / "notes.json").read_text(encoding="utf-8") == '{"mine": 1}'
    assert (out / "summary.csv").read_text(encoding="utf-8") == "my,own\n"
    assert not (out / "results.sqlite").exists()


def test_batch_into_an_existing_folder_of_other_files_keeps_them_and_reruns(tmp_path):
    folder, out = _pair_folder(tmp_path), tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep", encoding="utf-8")
    for _ in range(2):    # the second run finds its own database and skips the pair
        res = run("batch", str(folder), "--out", str(out), "--jobs", "1", "--no-progress")
        assert res.exit_code == 0, res.output
    assert "1 unchanged, skipped" in res.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep"
    assert (out / "reports" / "udhr.json").is_file()


def test_a_damaged_pdf_gives_one_line_and_no_library_warnings(tmp_path):
    path = tmp_path / "zh.pdf"
    path.write_bytes(b"%PDF-1.4 not really a PDF")
    # A process of its own: under pytest the logging plugin catches what would reach the terminal.
    res = subprocess.run([sys.executable, "-m", "transdiff.cli", "compare", str(path), EN],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1, res.stderr
    assert res.stderr.startswith("transdiff: error:") and "cannot be read as a PDF" in res.stderr


@pytest.mark.parametrize("option", ["--checks", "--fail-on"])
def test_check_names_the_option_with_an_unknown_check(tmp_path, option):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12.format(enc="UTF-8"), encoding="utf-8")
    res = run("check", str(path), option, "numbres")
    assert res.exit_code == 2
    assert f"Invalid value for {option}: unknown check(s) numbres" in res.stderr


def test_compare_help_names_every_input_the_readme_lists():
    text = " ".join(run("compare", "--help").stdout.split())
    for kind in (".txt", ".md", ".html", ".docx", ".pdf", "URLs", "GB18030", "Big5", "cp1252"):
        assert kind in text, kind


def test_compare_fail_on_error_lists_any_which_help_offers():
    res = run("compare", ZH, EN, "--fail-on", "omissions")
    assert res.exit_code == 2
    assert "unknown finding type(s) omissions" in res.stderr and "(or any)" in res.stderr


def test_batch_scheduler_without_dask_is_one_line_and_leaves_out_untouched(tmp_path, monkeypatch):
    folder, out = _pair_folder(tmp_path), tmp_path / "out"
    monkeypatch.setitem(sys.modules, "distributed", None)    # import distributed -> ImportError
    res = run("batch", str(folder), "--out", str(out), "--scheduler", "tcp://127.0.0.1:1", "--progress")
    assert res.exit_code == 2
    assert res.stderr == "transdiff: error: --scheduler needs Dask distributed: pip install 'transdiff[dask]'\n"
    assert not out.exists()


def test_batch_scheduler_that_cannot_be_reached_is_one_line_without_progress(tmp_path, monkeypatch):
    import transdiff.batch.runner as runner
    from transdiff.errors import InputError as Unreachable

    def unreachable(tasks, address):
        raise Unreachable(f"cannot connect to the Dask scheduler at {address} (refused)")

    monkeypatch.setattr(runner, "require_dask", lambda: None, raising=False)
    monkeypatch.setattr(runner, "run_in_dask", unreachable)
    folder, out = _pair_folder(tmp_path), tmp_path / "out"
    res = run("batch", str(folder), "--out", str(out), "--scheduler", "tcp://127.0.0.1:1", "--progress")
    assert res.exit_code == 2
    assert res.stderr == "transdiff: error: cannot connect to the Dask scheduler at tcp://127.0.0.1:1 (refused)\n"


@pytest.mark.parametrize("args", [("compare", ZH, ""), ("compare", "", EN), ("compare", ZH, EN, ""),
                                  ("diff", "", EN), ("align", ZH, ""), ("check", ""),
                                  ("batch", "", "--out", "{out}")])
def test_an_empty_path_argument_is_named_not_read_as_the_current_folder(tmp_path, args):
    # An unset shell variable ("$ZH") gives an empty argument; Path("") would be the current folder.
    res = run(*[a.format(out=tmp_path / "out") for a in args])
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "empty" in res.stderr and "directory" not in res.stderr, res.stderr
    assert not (tmp_path / "out").exists()


def test_batch_of_a_folder_of_docx_pairs_points_to_the_manifest(tmp_path):
    folder = tmp_path / "pairs"
    folder.mkdir()
    (folder / "a.zh.docx").write_bytes(b"PK")
    (folder / "a.en.docx").write_bytes(b"PK")
    res = run("batch", str(folder), "--out", str(tmp_path / "out"))
    assert res.exit_code == 2
    assert "no pairs found" in res.stderr and "list .docx and .pdf pairs in a CSV manifest" in res.stderr


@pytest.mark.parametrize("args, name, opening", [
    (("compare", ZH, EN), "report.html", "<!DOCTYPE html>"),
    (("compare", ZH, EN), "report.json", "{"),
    (("compare", ZH, EN), "pairs.xlf", "<?xml"),
    (("compare", ZH, EN), "report.txt", "transdiff report"),
    (("compare", ZH, EN), "report.out", "transdiff report"),        # unknown suffix: the default
    (("compare", ZH, EN, "--format", "text"), "report.html", "transdiff report"),   # --format wins
    (("diff", EN, EN), "diff.json", "{"),
    (("align", ZH, EN), "pairs.tmx", "<?xml"),
])
def test_without_format_the_output_suffix_names_it(tmp_path, args, name, opening):
    out = tmp_path / name
    res = run(*args, "-o", str(out))
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith(opening)


def test_check_output_suffix_names_its_format(tmp_path):
    path, out = tmp_path / "a.xlf", tmp_path / "checked.json"
    path.write_text(XLIFF12.format(enc="UTF-8"), encoding="utf-8")
    assert run("check", str(path), "-o", str(out)).exit_code == 0
    assert '"findings"' in out.read_text(encoding="utf-8")


def test_check_shows_its_steps_on_stderr_with_progress_and_the_same_report(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF12.format(enc="UTF-8"), encoding="utf-8")
    quiet = run("check", str(path), "--no-progress")
    shown = run("check", str(path), "--progress")
    assert quiet.exit_code == shown.exit_code == 0
    assert quiet.stderr == "" and quiet.stdout == shown.stdout
    lines = shown.stderr.splitlines()
    assert "read 1 units (xliff-1.2)" in lines[0] and "checked 1 units: 1 findings" in lines[-1]


@pytest.mark.parametrize("name", ["a.xlf", "a.tmx", "a.xliff"])
def test_compare_of_a_bilingual_file_points_to_check(tmp_path, name):
    path = tmp_path / name
    path.write_text(XLIFF12.format(enc="UTF-8"), encoding="utf-8")
    res = run("compare", str(path), EN)
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "is a bilingual XLIFF/TMX file" in res.stderr and f"transdiff check {path}" in res.stderr


def test_check_of_a_plain_text_file_points_to_compare():
    res = run("check", ZH)
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "is not XML" in res.stderr and "transdiff compare" in res.stderr


def test_check_still_reads_utf16_without_a_bom():
    for codec in ("utf-16-le", "utf-16-be"):
        data = XLIFF12.format(enc="UTF-16").encode(codec)
        assert read_bilingual_bytes(data, path="a.xlf").units[0].target.startswith("The meeting")


@pytest.mark.parametrize("args", [("compare", ZH, EN, "--format", "json"), ("diff", EN, EN), ("align", ZH, EN)])
def test_output_dash_is_standard_output_not_a_file(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    res = run(*args, "-o", "-")
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() and not (tmp_path / "-").exists()


def test_an_empty_manifest_says_it_is_empty(tmp_path):
    manifest = tmp_path / "pairs.csv"
    manifest.write_bytes(b"\xef\xbb\xbf\r\n")
    res = run("batch", str(manifest), "--out", str(tmp_path / "out"))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert "is empty; it needs a header row id,source,target[,group]" in res.stderr
