"""Command line: a thin click layer over the Python API.

Exit codes: 0 the command ran; 1 ``--fail-on`` found such findings; 2 bad input or usage (one line on
stderr); 3 an internal error (one line; ``--debug`` shows the traceback).
"""
from __future__ import annotations

import sys
import time
import traceback
from typing import Callable, Optional

import click

from .errors import TransdiffError
from .types import FINDING_TYPES

EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 1, 2, 3


class _Progress:
    """One line per pipeline step on stderr, when stderr is a terminal or --progress is given."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.t0 = time.monotonic()

    def __call__(self, message: str) -> None:
        if self.enabled:
            click.echo(f"[{time.monotonic() - self.t0:6.1f}s] {message}", err=True)


def _run(action: Callable[[], int], debug: bool) -> None:
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


def _parse_types(value: Optional[str]) -> set[str]:
    if not value:
        return set()
    wanted = {v.strip() for v in value.split(",") if v.strip()}
    if "any" in wanted or "all" in wanted:
        return set(FINDING_TYPES)
    unknown = wanted - set(FINDING_TYPES)
    if unknown:
        raise click.BadParameter(f"unknown finding type(s) {', '.join(sorted(unknown))}; "
                                 f"choose from {', '.join(FINDING_TYPES)}", param_hint="--fail-on")
    return wanted


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="transdiff", prog_name="transdiff")
def main() -> None:
    """transdiff: what the Chinese and the English version of a document say differently."""


@main.command("compare")
@click.argument("first", type=click.Path(dir_okay=True))
@click.argument("second", type=click.Path(dir_okay=True))
@click.argument("third", required=False, type=click.Path(dir_okay=False))
@click.option("--source", "source_lang", type=click.Choice(["zh", "en"]),
              help="Language of the source document (default: the first argument is the source).")
@click.option("--level", type=click.Choice(["clause", "sentence"]), default="clause", show_default=True,
              help="Finest unit of comparison.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "tsv", "csv", "tmx", "xliff"]),
              default="text", show_default=True, help="Report format; tmx/xliff/csv export the aligned pairs.")
@click.option("--include-unmatched", is_flag=True, help="tmx/xliff: also export segments without a counterpart.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="TSV glossary: Chinese term<TAB>English|English... (repeatable).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Report findings at or above this confidence (default 0.5).")
@click.option("--fail-on", "fail_on", metavar="TYPE[,TYPE]",
              help="Exit 1 when findings of these types exist (omission, addition, partial, mismatch, any).")
@click.option("--checks", default=None, metavar="CHECK[,CHECK]",
              help="Checks: omission, numbers, dates, names, untranslated, terms, punctuation, or all "
                   "(default: all but punctuation).")
@click.option("--all", "show_all", is_flag=True, help="Three-way reports: list every source clause.")
@click.option("--whole-page", is_flag=True,
              help="Web pages: compare all visible text, not only the article (when the extraction is wrong).")
@click.option("--colour/--no-colour", "--color/--no-color", "colour", default=None,
              help="Colour the text report (default: on a terminal).")
@click.option("--progress/--no-progress", default=None, help="Progress on stderr (default: on a terminal).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def compare_cmd(first, second, third, source_lang, level, fmt, include_unmatched, output, glossaries, min_confidence,
                fail_on, checks, show_all, whole_page, colour, progress, debug):
    """Compare FIRST and SECOND (one Chinese, one English document).

    With THIRD, FIRST is the source and SECOND and THIRD are two translations of it (three-way:
    which clauses each renders, and where the two translations differ; text, json or html).

    Reads .txt, .md and .html files in UTF-8, UTF-16, GB18030/GBK or Big5.
    """
    from .qa import parse_checks

    fail_types = _parse_types(fail_on)
    try:
        parse_checks(checks)
    except TransdiffError as exc:
        raise click.BadParameter(str(exc), param_hint="--checks") from None
    if third is not None and source_lang:
        raise click.UsageError("a three-way comparison takes the source first; leave out --source")

    def action() -> int:
        from .api import compare
        from .compare import DEFAULT_MIN_CONFIDENCE
        from .output import check_output_path, write_atomic
        from .report import render

        if output:
            check_output_path(output, [first, second, third, *glossaries])
        show = _Progress(progress if progress is not None else sys.stderr.isatty())
        if third is not None:
            from .threeway import run_three_way

            text, three = run_three_way(first, second, third, fmt=fmt, level=level, glossaries=list(glossaries),
                                        min_confidence=min_confidence, checks=checks, show_all=show_all,
                                        progress=show, whole_page=whole_page)
            if output:
                write_atomic(output, text, inputs=[first, second, third, *glossaries])
            else:
                click.echo(text, nl=not text.endswith("\n"))
            return EXIT_FINDINGS if fail_types and three.has_findings(fail_types) else 0
        from .qa import apply_checks, render_terms_text, term_consistency
        from .represent.glossary import load_glossary

        result = compare(first, second, source_lang=source_lang, level=level, glossary=list(glossaries),
                         min_confidence=DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence,
                         progress=show, whole_page=whole_page)
        result = apply_checks(result, checks)
        result.terms = (term_consistency(result, glossary=load_glossary(list(glossaries)))
                        if "terms" in result.signature["checks"] else [])
        terms = result.terms
        use_colour = colour if colour is not None else (output is None and sys.stdout.isatty())
        if fmt in ("tmx", "xliff", "csv"):
            from .report.table import render_result_export
            text = render_result_export(result, fmt, include_unmatched=include_unmatched)
        else:
            text = render(result, fmt, colour=bool(use_colour and fmt == "text"))
            if fmt == "text" and terms:
                text += "\n" + render_terms_text(terms)
        if output:
            write_atomic(output, text, inputs=[first, second, *glossaries])
            show(f"wrote {output}")
        else:
            click.echo(text, nl=not text.endswith("\n"))
        if fail_types and any(f.type in fail_types for f in result.findings):
            return EXIT_FINDINGS
        return 0

    _run(action, debug)


@main.command("align")
@click.argument("first", type=click.Path(dir_okay=True))
@click.argument("second", type=click.Path(dir_okay=True))
@click.option("--source", "source_lang", type=click.Choice(["zh", "en"]))
@click.option("--level", type=click.Choice(["sentence", "clause"]), default="sentence", show_default=True)
@click.option("--presegmented", is_flag=True, help="One segment per line; the 0-based line number is its id.")
@click.option("--format", "fmt", type=click.Choice(["beads", "tsv", "csv", "json", "tmx", "xliff"]), default="beads",
              show_default=True)
@click.option("--include-unmatched", is_flag=True, help="tmx/xliff: also export segments without a counterpart.")
@click.option("-o", "--output", type=click.Path(dir_okay=False))
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False))
@click.option("--whole-page", is_flag=True,
              help="Web pages: compare all visible text, not only the article (when the extraction is wrong).")
@click.option("--progress/--no-progress", default=None)
@click.option("--debug", is_flag=True)
def align_cmd(first, second, source_lang, level, presegmented, fmt, include_unmatched, output, glossaries, whole_page,
              progress, debug):
    """Align FIRST and SECOND and print the beads (`[i,j]:[k]`, 0-based segment ids)."""

    def action() -> int:
        from .api import align, order_pair
        from .load import load_path
        from .output import check_output_path, write_atomic
        from .report.beads import render_alignment
        from .report.table import render_alignment_export

        if output:
            check_output_path(output, [first, second, *glossaries])
        show = _Progress(progress if progress is not None else sys.stderr.isatty())
        src, tgt = order_pair(load_path(first, role="source", whole_page=whole_page),
                              load_path(second, role="target", whole_page=whole_page), source_lang)
        alignment = align(src, tgt, level=level, glossary=list(glossaries), presegmented=presegmented,
                          progress=show)
        if fmt in ("beads", "tsv", "json"):
            text = render_alignment(alignment, fmt)
        else:
            text = render_alignment_export(alignment, src, tgt, fmt, include_unmatched=include_unmatched)
        if output:
            write_atomic(output, text, inputs=[first, second, *glossaries])
        else:
            click.echo(text, nl=not text.endswith("\n"))
        return 0

    _run(action, debug)


def _register() -> None:
    # commands that live beside the modules they drive
    from .batch.cli import batch_cmd
    from .check import check_cmd
    from .diff import diff_cmd

    main.add_command(check_cmd)
    main.add_command(diff_cmd)
    main.add_command(batch_cmd)


_register()

if __name__ == "__main__":  # pragma: no cover
    main()
