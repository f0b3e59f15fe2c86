"""What every command shares: exit codes, the one-line error handling, progress lines on stderr.

Exit codes: 0 the command ran; 1 ``--fail-on`` found such findings; 2 bad input or usage (one line on
stderr); 3 an internal error (one line; ``--debug`` shows the traceback).
"""
from __future__ import annotations

import sys
import time
import traceback
from typing import Callable, Optional

import click

from ..errors import TransdiffError
from ..types import FINDING_TYPES

EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 3

# Without --format, -o FILE's suffix names the format (report.html is an HTML report, not text).
SUFFIX_FORMATS = {".txt": "text", ".json": "json", ".html": "html", ".htm": "html", ".tsv": "tsv",
                  ".csv": "csv", ".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff"}
FORMAT_HELP = "(default: from the -o file's suffix, else {default})"


def dash_is_stdout(_ctx: click.Context, _param: click.Parameter, value: Optional[str]) -> Optional[str]:
    """-o - means standard output, as in most command-line tools (not a file named '-')."""
    return None if value == "-" else value


def output_format(fmt: Optional[str], output: Optional[str], choices: tuple[str, ...], default: str) -> str:
    """The --format given, else the one -o FILE's suffix names (when the command has it), else ``default``."""
    if fmt:
        return fmt
    if output:
        suffix = "." + str(output).rsplit(".", 1)[-1].lower() if "." in str(output) else ""
        named = SUFFIX_FORMATS.get(suffix)
        if named in choices:
            return named
    return default


class StepProgress:
    """One line per pipeline step on stderr, when stderr is a terminal or --progress is given."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.t0 = time.monotonic()

    def __call__(self, message: str) -> None:
        if self.enabled:
            click.echo(f"[{time.monotonic() - self.t0:6.1f}s] {message}", err=True)


def run_action(action: Callable[[], int], debug: bool) -> None:
    try:
        code = action()
    except TransdiffError as exc:
        click.echo(f"transdiff: error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        click.echo("transdiff: interrupted", err=True)
        sys.exit(130)
    except MemoryError:
        click.echo("transdiff: error: out of memory; split the input into smaller documents", err=True)
        sys.exit(EXIT_INPUT)
    except Exception as exc:  # a bug: still one line unless --debug
        exit_internal(exc, debug)
    sys.exit(code)


def exit_internal(exc: BaseException, debug: bool) -> None:
    """Report a bug in one line (the traceback only with --debug) and exit 3."""
    if debug:
        traceback.print_exc()
    first = str(exc).splitlines()[0] if str(exc) else ""
    click.echo(f"transdiff: internal error: {type(exc).__name__}: {first} (rerun with --debug for details)",
               err=True)
    sys.exit(EXIT_INTERNAL)


def parse_finding_types(value: Optional[str]) -> set[str]:
    if not value:
        return set()
    wanted = {v.strip() for v in value.split(",") if v.strip()}
    if "any" in wanted or "all" in wanted:
        return set(FINDING_TYPES)
    unknown = wanted - set(FINDING_TYPES)
    if unknown:
        raise click.BadParameter(f"unknown finding type(s) {', '.join(sorted(unknown))}; "
                                 f"choose from {', '.join(FINDING_TYPES)} (or any)", param_hint="--fail-on")
    return wanted
