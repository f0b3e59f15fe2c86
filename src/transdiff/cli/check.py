"""``transdiff check``: QA checks of the translation units of an XLIFF or TMX file."""
from __future__ import annotations

import sys

import click

from ..bilingual.check import CHECKS, check_file, parse_checks
from ..compare import DEFAULT_MIN_CONFIDENCE
from ..errors import InputError
from .common import EXIT_FINDINGS, FORMAT_HELP, StepProgress, dash_is_stdout, output_format, run_action

CHECK_FORMATS = ("text", "json")


@click.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--checks", "checks", default=",".join(CHECKS), show_default=True, metavar="CHECK[,CHECK]",
              help="Checks to run: " + ", ".join(CHECKS) + " (or all).")
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), default=None,
              help="Report format " + FORMAT_HELP.format(default="text") + ".")
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=dash_is_stdout,
              help="Write the report to FILE (atomically; - for standard output).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="TSV glossary: Chinese term<TAB>English|English... (repeatable).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Report omissions at or above this confidence (default 0.5).")
@click.option("--fail-on", "fail_on", metavar="CHECK[,CHECK]",
              help="Exit 1 when these checks find something (or 'any').")
@click.option("--progress/--no-progress", default=None, help="Progress on stderr (default: on a terminal).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check_cmd(file, checks, fmt, output, glossaries, min_confidence, fail_on, progress, debug):
    """Check the translation units of an XLIFF 1.2/2.0 or TMX 1.4 FILE (Chinese-English)."""
    fmt = output_format(fmt, output, CHECK_FORMATS, "text")
    try:
        wanted = parse_checks(checks)
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--checks") from None
    try:
        fail = set(parse_checks(fail_on)) if fail_on else set()
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from None

    def action() -> int:
        from ..output import write_atomic
        from ..report.check import render_check_json, render_check_text

        report = check_file(file, checks=wanted, glossary=list(glossaries),
                            min_confidence=DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence,
                            progress=StepProgress(progress if progress is not None else sys.stderr.isatty()))
        text = render_check_json(report) if fmt == "json" else render_check_text(report)
        if output:
            write_atomic(output, text, inputs=[file, *glossaries])
        else:
            click.echo(text, nl=not text.endswith("\n"))
        failed = any(f.check in fail for f in report.findings) or ("terms" in fail and bool(report.terms))
        return EXIT_FINDINGS if failed else 0

    run_action(action, debug)
