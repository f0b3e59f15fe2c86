"""``transdiff batch``: compare many pairs into one output folder (see docs/batch.md).

Exit codes: 0 every pair compared; 1 at least one pair failed (see summary.csv, column error);
2 the batch as a whole cannot run (bad INPUT, manifest or option; one line on stderr);
3 an internal error; 130 interrupted (re-run the same command to continue).
"""
from __future__ import annotations

import sys

import click

from ..errors import TransdiffError

EXIT_PAIRS_FAILED, EXIT_INPUT, EXIT_INTERRUPTED = 1, 2, 130


@click.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--out", "outdir", required=True, type=click.Path(file_okay=False),
              help="Output folder: reports/ID.json, summary.csv, results.sqlite.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Pairs compared at once (default: all cores).")
@click.option("--source", "source_lang", type=click.Choice(["zh", "en"]),
              help="Language of the source documents (default: the manifest's source column; zh in a folder).")
@click.option("--level", type=click.Choice(["clause", "sentence"]), default="clause", show_default=True,
              help="Finest unit of comparison.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="TSV glossary: Chinese term<TAB>English|English... (repeatable).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Report findings at or above this confidence (default 0.5).")
@click.option("--whole-page", is_flag=True,
              help="Web pages: compare every visible line (menus, footers), not only the article.")
@click.option("--force", is_flag=True, help="Compare every pair again, even those already done.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask distributed cluster (e.g. tcp://host:8786); needs transdiff[dask].")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Progress on stderr.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def batch_cmd(input_path, outdir, jobs, source_lang, level, glossaries, min_confidence, whole_page, force,
              scheduler, progress, debug):
    """Compare every pair of INPUT: a folder (NAME.zh.txt + NAME.en.txt, or DIR/zh.txt + DIR/en.txt)
    or a CSV manifest with columns id,source,target[,group] (paths relative to the manifest).

    A re-run skips the pairs already done with the same inputs and options, and so continues an
    interrupted batch.
    """
    from ..batch.progress import Progress
    from ..batch.runner import run_batch
    from ..batch.worker import CompareOptions

    options = CompareOptions(level=level, glossaries=tuple(glossaries), min_confidence=min_confidence,
                             source_lang=source_lang, whole_page=whole_page)
    try:
        result = run_batch(input_path, outdir, options=options, jobs=jobs, force=force, scheduler=scheduler,
                           progress=Progress(enabled=progress))
    except TransdiffError as exc:
        click.echo(f"transdiff: error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        click.echo(f"transdiff: interrupted; the pairs finished so far are in {outdir}; "
                   f"run the same command again to continue", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug: still one line unless --debug
        from .common import exit_internal

        exit_internal(exc, debug)
    done = result.computed + result.skipped
    click.echo(f"transdiff: {done} of {result.total} pairs compared ({result.skipped} unchanged, skipped), "
               f"{result.failed} failed, {result.findings} new findings; results in {outdir}", err=True)
    if result.failed:
        shown = ", ".join(result.failed_ids[:5]) + (" ..." if len(result.failed_ids) > 5 else "")
        click.echo(f"transdiff: failed pairs: {shown} (see {outdir}/summary.csv, column error)", err=True)
    sys.exit(EXIT_PAIRS_FAILED if result.failed else 0)
