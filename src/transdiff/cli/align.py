"""``transdiff align``: the beads of two documents, or their aligned pairs as TMX/XLIFF/CSV."""
from __future__ import annotations

import sys

import click

from .common import FORMAT_HELP, StepProgress, dash_is_stdout, output_format, run_action

ALIGN_FORMATS = ("beads", "tsv", "csv", "json", "tmx", "xliff")


@click.command("align")
@click.argument("first", type=click.Path(dir_okay=True))
@click.argument("second", type=click.Path(dir_okay=True))
@click.option("--source", "source_lang", type=click.Choice(["zh", "en"]))
@click.option("--level", type=click.Choice(["sentence", "clause"]), default="sentence", show_default=True)
@click.option("--presegmented", is_flag=True, help="One segment per line; the 0-based line number is its id.")
@click.option("--format", "fmt", type=click.Choice(ALIGN_FORMATS), default=None,
              help="Output format " + FORMAT_HELP.format(default="beads") + ".")
@click.option("--include-unmatched", is_flag=True, help="tmx/xliff: also export segments without a counterpart.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), callback=dash_is_stdout,
              help="Write the output to FILE (atomically; - for standard output).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False))
@click.option("--whole-page", is_flag=True,
              help="Web pages: compare all visible text, not only the article (when the extraction is wrong).")
@click.option("--progress/--no-progress", default=None)
@click.option("--debug", is_flag=True)
def align_cmd(first, second, source_lang, level, presegmented, fmt, include_unmatched, output, glossaries, whole_page,
              progress, debug):
    """Align FIRST and SECOND and print the beads (`[i,j]:[k]`, 0-based segment ids)."""
    fmt = output_format(fmt, output, ALIGN_FORMATS, "beads")

    def action() -> int:
        from ..api import align, order_pair
        from ..load import load_path
        from ..output import check_output_path, write_atomic
        from ..report.beads import render_alignment
        from ..report.export import render_alignment_export

        if output:
            check_output_path(output, [first, second, *glossaries])
        show = StepProgress(progress if progress is not None else sys.stderr.isatty())
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

    run_action(action, debug)
