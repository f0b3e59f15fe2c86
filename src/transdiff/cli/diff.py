"""``transdiff diff``: two versions of a document in one language, sentence by sentence."""
from __future__ import annotations

from typing import Optional

import click

from ..diff import diff
from .common import EXIT_FINDINGS, FORMAT_HELP, dash_is_stdout, output_format, run_action

DIFF_FORMATS = ("text", "json", "html")


@click.command("diff")
@click.argument("version_a", metavar="A")
@click.argument("version_b", metavar="B")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default=None,
              help="Report format " + FORMAT_HELP.format(default="text") + ".")
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=dash_is_stdout,
              help="Write the report to FILE (atomically; - for standard output).")
@click.option("--all", "show_all", is_flag=True, help="Also list unchanged sentences.")
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when the versions differ.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def diff_cmd(version_a: str, version_b: str, fmt: str, output: Optional[str], show_all: bool,
             fail_on_change: bool, debug: bool) -> None:
    """Compare two versions A and B of a document in one language, sentence by sentence.

    A and B are .txt/.md/.html/.docx/.pdf files or http(s) URLs. Moved sentences are reported as
    moved; changed ones with a word diff ([-deleted-] {+inserted+}) and chrF/BLEU/TER scores.
    Exit 0, or 1 with --fail-on-change when the versions differ; 2 on bad input.
    """
    fmt = output_format(fmt, output, DIFF_FORMATS, "text")

    def action() -> int:
        from ..output import write_atomic
        from ..report.diffreport import render_diff

        result = diff(version_a, version_b)
        text = render_diff(result, fmt, show_unchanged=show_all)
        if output:
            write_atomic(output, text, inputs=[version_a, version_b])
        else:
            click.echo(text, nl=not text.endswith("\n"))
        return EXIT_FINDINGS if fail_on_change and result.changed else 0

    run_action(action, debug)
