"""Batch comparison: many pairs, in parallel, into JSON reports, a summary CSV and an SQLite database.

    >>> from transdiff.batch import run_batch, CompareOptions
    >>> run_batch("pairs/", "out/", options=CompareOptions(level="sentence"), jobs=2).exit_code

The command is ``transdiff batch INPUT --out OUTDIR``; docs/batch.md describes the outputs.
"""
from .discover import Pair, discover, report_name
from .runner import BatchResult, run_batch, settings_hash
from .store import SCHEMA, SUMMARY_COLUMNS, Store
from .worker import CompareOptions

__all__ = ["run_batch", "BatchResult", "CompareOptions", "Pair", "discover", "report_name", "settings_hash",
           "Store", "SCHEMA", "SUMMARY_COLUMNS"]
