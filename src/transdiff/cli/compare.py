"""``transdiff compare``: two documents (or a source and two translations) into one report."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

import click

from ..errors import TransdiffError
from .common import (EXIT_FINDINGS, FORMAT_HELP, StepProgress, dash_is_stdout, output_format, parse_finding_types,
                     run_action)

COMPARE_FORMATS = ("text", "json", "html", "tsv", "csv", "tmx", "xliff")

if TYPE_CHECKING:
    from ..threeway import ThreeWayResult


@click.command("compare")
@click.argument("first", type=click.Path(dir_okay=True))
@click.argument("second", type=click.Path(dir_okay=True))
@click.argument("third", required=False, type=click.Path(dir_okay=False))
@click.option("--source", "source_lang", type=click.Choice(["zh", "en"]),
              help="Language of the source document (default: the first argument is the source).")
@click.option("--level", type=click.Choice(["clause", "sentence"]), default="clause", show_default=True,
              help="Finest unit of comparison.")
@click.option("--format", "fmt", type=click.Choice(COMPARE_FORMATS), default=None,
              help="Report format; tmx/xliff/csv export the aligned pairs "
                   + FORMAT_HELP.format(default="text") + ".")
@click.option("--include-unmatched", is_flag=True, help="tmx/xliff: also export segments without a counterpart.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=dash_is_stdout,
              help="Write the report to FILE (atomically; - for standard output).")
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

    Reads .txt/.md (UTF-8, UTF-16, GB18030/GBK, Big5 or cp1252), .html/.htm (the article),
    .docx and .pdf files, and http(s) URLs.
    """
    from ..checks import parse_checks

    fmt = output_format(fmt, output, COMPARE_FORMATS, "text")
    fail_types = parse_finding_types(fail_on)
    try:
        parse_checks(checks)
    except TransdiffError as exc:
        raise click.BadParameter(str(exc), param_hint="--checks") from None
    if third is not None and source_lang:
        raise click.UsageError("a three-way comparison takes the source first; leave out --source")

    def action() -> int:
        from ..api import compare
        from ..compare import DEFAULT_MIN_CONFIDENCE
        from ..output import check_output_path, write_atomic
        from ..report import render

        if output:
            check_output_path(output, [first, second, third, *glossaries])
        show = StepProgress(progress if progress is not None else sys.stderr.isatty())
        if third is not None:
            text, three = run_three_way(first, second, third, fmt=fmt, level=level, glossaries=list(glossaries),
                                        min_confidence=min_confidence, checks=checks, show_all=show_all,
                                        progress=show, whole_page=whole_page)
            if output:
                write_atomic(output, text, inputs=[first, second, third, *glossaries])
            else:
                click.echo(text, nl=not text.endswith("\n"))
            return EXIT_FINDINGS if fail_types and three.has_findings(fail_types) else 0
        from ..checks import apply_checks, render_terms_text, term_consistency
        from ..represent.glossary import load_glossary

        result = compare(first, second, source_lang=source_lang, level=level, glossary=list(glossaries),
                         min_confidence=DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence,
                         progress=show, whole_page=whole_page)
        result = apply_checks(result, checks)
        result.terms = (term_consistency(result, glossary=load_glossary(list(glossaries)))
                        if "terms" in result.signature["checks"] else [])
        terms = result.terms
        use_colour = colour if colour is not None else (output is None and sys.stdout.isatty())
        if fmt in ("tmx", "xliff", "csv"):
            from ..report.export import render_result_export
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

    run_action(action, debug)


def run_three_way(first: str, second: str, third: str, *, fmt: str = "text", level: str = "clause",
                  glossaries: Sequence[str] = (), min_confidence: Optional[float] = None,
                  checks: Optional[Union[str, Iterable[str]]] = None, show_all: bool = False,
                  progress: Any = None, whole_page: bool = False) -> tuple[str, ThreeWayResult]:
    """The CLI's three-way path: compare, add term consistency when checked, render as ``fmt``.

    Returns the report text and the result (for --fail-on).
    """
    from ..checks import DEFAULT_COMPARE_CHECKS, parse_checks, term_consistency
    from ..compare import DEFAULT_MIN_CONFIDENCE
    from ..report.threeway import render_threeway
    from ..represent.glossary import load_glossary
    from ..threeway import compare_three

    if fmt not in ("text", "json", "html"):
        raise TransdiffError(f"a three-way comparison is reported as text, json or html, not {fmt}")
    wanted = parse_checks(checks, default=DEFAULT_COMPARE_CHECKS)
    glossary = load_glossary(glossaries)
    result = compare_three(first, second, third, checks=wanted, level=level, glossary=glossary,
                           min_confidence=DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence,
                           progress=progress, whole_page=whole_page)
    terms = None
    if "terms" in wanted:
        terms = {"a": term_consistency(result.a, glossary=glossary), "b": term_consistency(result.b, glossary=glossary)}
    return render_threeway(result, fmt, show_all=show_all, terms=terms), result
