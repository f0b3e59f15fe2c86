"""Command line: a thin click layer over the Python API, one module per command.

This package is the only code that imports click or knows exit codes (common.py: 0 the command ran;
1 ``--fail-on`` found such findings; 2 bad input or usage, one line on stderr; 3 an internal error).
"""
from __future__ import annotations

import click

from .align import align_cmd
from .batch import batch_cmd
from .check import check_cmd
from .compare import compare_cmd
from .diff import diff_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="transdiff", prog_name="transdiff")
def main() -> None:
    """transdiff: what the Chinese and the English version of a document say differently."""


for command in (compare_cmd, align_cmd, check_cmd, diff_cmd, batch_cmd):
    main.add_command(command)

if __name__ == "__main__":  # pragma: no cover
    main()
