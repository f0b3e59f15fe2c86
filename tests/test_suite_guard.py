"""The suite's own rule: a test that reads ../shared carries @pytest.mark.needs_shared, so that it skips
on a user's machine (which has no ../shared) instead of failing there. The guard lives in conftest.py;
these tests run it on a throw-away suite in a fresh interpreter."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

INNER_TESTS = '''
import os
from pathlib import Path

import pytest

DATA = Path(os.environ["TRANSDIFF_SHARED_DIR"]) / "eval-data" / "lines.txt"


def test_reads_shared_without_marker():
    assert DATA.read_text(encoding="utf-8") == "one line\\n"


def test_lists_shared_without_marker():
    assert [p.name for p in DATA.parent.iterdir()] == ["lines.txt"]


def test_swallows_the_guard_error():
    try:
        DATA.read_text(encoding="utf-8")
    except Exception:
        pass


@pytest.mark.needs_shared
def test_reads_shared_with_marker():
    assert DATA.read_text(encoding="utf-8") == "one line\\n"


def test_reads_only_its_own_files(tmp_path):
    (tmp_path / "own.txt").write_text("mine", encoding="utf-8")
    assert (tmp_path / "own.txt").read_text(encoding="utf-8") == "mine"
'''


def run_inner_suite(tmp_path: Path, shared: Path) -> subprocess.CompletedProcess:
    suite = tmp_path / "suite"
    suite.mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", suite / "conftest.py")
    (suite / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    env = {**os.environ, "TRANSDIFF_SHARED_DIR": str(shared)}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rfs", "-p", "no:cacheprovider", str(suite)],
                          cwd=suite, env=env, capture_output=True, text=True, timeout=120)


def test_unmarked_reads_of_shared_fail_and_marked_ones_pass(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    (shared / "eval-data").mkdir(parents=True)
    (shared / "eval-data" / "lines.txt").write_text("one line\n", encoding="utf-8")
    run = run_inner_suite(tmp_path, shared)
    assert "3 failed, 2 passed" in run.stdout, run.stdout
    for test in ("test_reads_shared_without_marker", "test_lists_shared_without_marker",
                 "test_swallows_the_guard_error"):
        assert f"FAILED test_inner.py::{test}" in run.stdout
        assert f"{test} reads " in run.stdout and "without @pytest.mark.needs_shared" in run.stdout
    assert "test_reads_shared_with_marker" not in run.stdout.split("short test summary")[-1]


def test_marked_tests_skip_with_one_line_reason_where_shared_is_absent(tmp_path: Path) -> None:
    run = run_inner_suite(tmp_path, tmp_path / "no-such-folder")
    assert "SKIPPED [1]" in run.stdout and "needs ../shared" in run.stdout, run.stdout
    assert "3 failed, 1 passed, 1 skipped" in run.stdout, run.stdout
    # where the data is absent an unmarked test still says what it lacks
    assert "FAILED test_inner.py::test_reads_shared_without_marker" in run.stdout
    assert "without @pytest.mark.needs_shared" in run.stdout
