"""What one worker does for one pair: compare, render the JSON report, turn it into database rows.

Runs in a pool process or on a Dask worker, so it only takes and returns plain picklable data and
never raises: any failure becomes a PairRecord with status 'error'.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from ..errors import TransdiffError
from .store import PairRecord


@dataclass(frozen=True)
class CompareOptions:
    """The options passed through to ``transdiff.compare``."""

    level: str = "clause"
    glossaries: tuple[str, ...] = ()
    min_confidence: Optional[float] = None
    source_lang: Optional[str] = None
    whole_page: bool = False       # web pages: every visible line, not only the article


@dataclass
class PairTask:
    """One pair to compare; ``record`` already holds its identity and input hashes."""

    record: PairRecord
    source: str
    target: str
    options: CompareOptions


@dataclass
class PairOutcome:
    record: PairRecord
    report_json: Optional[str]     # the JSON report text, None for a failed pair


@lru_cache(maxsize=8)
def _glossary(paths: tuple[str, ...]):
    # Parsed once per worker process; the API then caches one Representer per glossary.
    from ..represent.glossary import load_glossary
    return load_glossary(paths)


def warm_up(options: CompareOptions) -> None:
    """Load the dictionary and the glossary in this process (before forking workers that share it)."""
    from ..api import representer_for
    representer_for(_glossary(options.glossaries))


def run_pair(task: PairTask) -> PairOutcome:
    """Compare one pair. Never raises (except KeyboardInterrupt/SystemExit)."""
    record = task.record
    started = time.perf_counter()
    try:
        report_json, rows = _compare(task)
    except TransdiffError as exc:
        return failed_outcome(record, str(exc), started)
    except MemoryError:
        return failed_outcome(record, "out of memory; split the documents or run fewer --jobs", started)
    except Exception as exc:  # a bug in some stage: recorded, the batch goes on
        first = str(exc).splitlines()[0] if str(exc) else ""
        return failed_outcome(record, f"internal error: {type(exc).__name__}: {first}", started)
    record.status, record.error = "ok", None
    record.stats, record.segments, record.beads, record.findings = rows
    record.stats["seconds"] = round(time.perf_counter() - started, 3)
    return PairOutcome(record, report_json)


def failed_outcome(record: PairRecord, message: str, started: float) -> PairOutcome:
    record.status, record.error = "error", message.splitlines()[0] if message else "failed"
    record.stats = {"seconds": round(time.perf_counter() - started, 3)}
    return PairOutcome(record, None)


def _compare(task: PairTask) -> tuple[str, tuple]:
    from ..api import compare
    from ..compare import DEFAULT_MIN_CONFIDENCE
    from ..report.json import render_json

    opts = task.options
    result = compare(task.source, task.target, source_lang=opts.source_lang, level=opts.level,
                     glossary=_glossary(opts.glossaries), whole_page=opts.whole_page,
                     min_confidence=DEFAULT_MIN_CONFIDENCE if opts.min_confidence is None else opts.min_confidence)
    text = render_json(result)
    # Rows come from the rendered report, so the database says exactly what the JSON file says.
    return text, rows_from_report(json.loads(text))


def rows_from_report(report: dict[str, Any]) -> tuple[dict, list, list, list]:
    """(pairs stats, segment rows, bead rows, finding rows) of one JSON report."""
    alignment = report["alignment"]
    owner: dict[tuple[str, int], int] = {}
    beads = []
    for bead in alignment["beads"]:
        for side in ("source", "target"):
            for seg_id in bead[side]:
                owner[(side, seg_id)] = bead["id"]
        beads.append((bead["id"], f"{len(bead['source'])}-{len(bead['target'])}",
                      json.dumps(bead["source"]), json.dumps(bead["target"]), bead["score"]))
    segments = [(side, seg["id"], owner.get((side, seg["id"])), seg["span"][0], seg["span"][1], seg["line"],
                 seg["text"])
                for side in ("source", "target") for seg in alignment[f"{side}_segments"]]
    findings = []
    for item in report["findings"]:
        source_span, target_span = item["source_span"] or (None, None), item["target_span"] or (None, None)
        findings.append((item["id"], item["type"], item["confidence"], item["message"], item["source_text"],
                         item["target_text"], source_span[0], source_span[1], target_span[0], target_span[1],
                         (item["source_lines"] or (None,))[0], (item["target_lines"] or (None,))[0],
                         item["gloss"], item["bead"], json.dumps(item["detail"], ensure_ascii=False)))
    confidences = [f["confidence"] for f in report["findings"] if f["confidence"] is not None]
    summary = report["summary"]
    stats = {
        "source_lang": report["source"]["lang"], "target_lang": report["target"]["lang"],
        "source_chars": report["source"]["chars"], "target_chars": report["target"]["chars"],
        "source_segments": report["source"]["segments"], "target_segments": report["target"]["segments"],
        "beads": summary["beads"], "aligned_share": summary["aligned_share"],
        **{kind: summary["findings"].get(kind, 0) for kind in ("omission", "addition", "partial", "mismatch")},
        "findings": len(report["findings"]),
        "mean_confidence": round(sum(confidences) / len(confidences), 4) if confidences else None,
    }
    return stats, segments, beads, findings
