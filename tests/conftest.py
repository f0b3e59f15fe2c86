"""Shared test helpers: project paths, the `slow` marker and two ways to run the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import pytest

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "corpora" / "udhr"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run tests marked slow (minutes each; also TRANSDIFF_RUN_SLOW=1)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes minutes (50 MB inputs); runs only with --run-slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow") or os.environ.get("TRANSDIFF_RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow (minutes): run with --run-slow or TRANSDIFF_RUN_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


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
