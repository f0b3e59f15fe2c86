"""Shared test helpers: project paths, the `slow` and `needs_shared` markers, the guard that keeps the
suite runnable on a user's machine, and two ways to run the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

import pytest

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "corpora" / "udhr"
FIXTURES = ROOT / "tests" / "fixtures"
# The evaluation data beside a developer's checkout; a user's clone has none. TRANSDIFF_SHARED_DIR lets
# the suite's own test of this guard point it at a folder of its making.
SHARED = Path(os.environ.get("TRANSDIFF_SHARED_DIR") or ROOT.parent / "shared").absolute()
NO_SHARED_REASON = "needs ../shared (evaluation data beside a developer's checkout, not part of a clone)"

_SHARED_PREFIX = str(SHARED) + os.sep
_current_test: dict[str, Any] = {"item": None, "violations": []}


def _reads_shared(path: object) -> bool:
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        return False  # a file descriptor
    full = os.path.abspath(os.fspath(path))
    return full == str(SHARED) or full.startswith(_SHARED_PREFIX)


def _guard_shared(event: str, args: tuple) -> None:
    """Audit hook: a test that reads ../shared must say so with @pytest.mark.needs_shared.

    Unmarked, it would pass here and fail on every machine without the evaluation data.
    """
    if event not in ("open", "os.scandir", "os.listdir") or not args or not _reads_shared(args[0]):
        return
    item = _current_test["item"]
    if item is not None and item.get_closest_marker("needs_shared"):
        return
    where = item.nodeid if item is not None else "collection"
    message = f"{where} reads {args[0]} without @pytest.mark.needs_shared"
    _current_test["violations"].append(message)
    raise RuntimeError(message)


sys.addaudithook(_guard_shared)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run tests marked slow (minutes each; also TRANSDIFF_RUN_SLOW=1)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes minutes (50 MB inputs); runs only with --run-slow")
    config.addinivalue_line("markers", "needs_shared: reads ../shared; skips where it is absent")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not SHARED.is_dir():
        no_shared = pytest.mark.skip(reason=NO_SHARED_REASON)
        for item in items:
            if "needs_shared" in item.keywords:
                item.add_marker(no_shared)
    if config.getoption("--run-slow") or os.environ.get("TRANSDIFF_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow (minutes): run with --run-slow or TRANSDIFF_RUN_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: Optional[pytest.Item]):
    _current_test["item"] = item
    try:
        yield
    finally:
        _current_test["item"] = None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A test that swallowed the guard's exception still fails."""
    report = (yield).get_result()
    found = [v for v in _current_test["violations"] if v.startswith(item.nodeid + " ")]
    if found and report.when == "call" and report.passed:
        report.outcome = "failed"
        report.longrepr = found[0]


@dataclass
class CliRun:
    code: int
    stdout: str
    stderr: str


def run_cli_subprocess(args: Sequence[str], *, cwd: Path | None = None, timeout: float = 600,
                       **popen_options: Any) -> CliRun:
    """``python -m transdiff.cli ARGS`` in a fresh interpreter, as a user would run it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "transdiff.cli", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, **popen_options)
    return CliRun(proc.returncode, proc.stdout, proc.stderr)


def run_cli_inprocess(args: Sequence[str]) -> CliRun:
    """The same command through click's CliRunner (fast: models stay loaded between calls)."""
    from click.testing import CliRunner

    from transdiff.cli import main

    result = CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)
    return CliRun(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="session")
def udhr_zh() -> str:
    return (UDHR / "zh.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def udhr_en() -> str:
    return (UDHR / "en.txt").read_text(encoding="utf-8")
