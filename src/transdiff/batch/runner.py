"""Running a batch: decide which pairs need work, farm them out, write each result as it arrives.

Workers (pool processes or Dask workers) only compute; this process writes: first the pair's JSON
report (atomically), then all its database rows in one transaction. A pair counts as done only once
that transaction commits, so a batch killed at any point resumes without losing or doubling rows.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from ..errors import InputError, OutputError
from ..output import write_atomic
from .discover import Pair, discover, report_name
from .executors import require_dask, run_in_dask, run_in_pool
from .progress import Progress
from .store import PairRecord, Store
from .worker import CompareOptions, PairOutcome, PairTask

REPORTS_DIR = "reports"
DATABASE = "results.sqlite"
SUMMARY = "summary.csv"
_HASH_CHUNK = 1 << 20


@dataclass
class BatchResult:
    """What a batch run did; ``exit_code`` is 0 when every pair is 'ok', 1 otherwise."""

    total: int
    computed: int = 0
    skipped: int = 0
    failed: int = 0
    findings: int = 0
    failed_ids: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def settings_hash(options: CompareOptions, version: str) -> str:
    """Hash of everything besides the inputs that changes a pair's result."""
    glossary_hashes = []
    for path in options.glossaries:
        try:
            glossary_hashes.append(file_sha256(path))
        except OSError as exc:
            raise InputError(f"glossary {path}: cannot read it ({exc.strerror or exc})") from None
    from ..compare import DEFAULT_MIN_CONFIDENCE

    min_confidence = DEFAULT_MIN_CONFIDENCE if options.min_confidence is None else options.min_confidence
    settings = {"transdiff": version, "level": options.level, "min_confidence": min_confidence,
                "source_lang": options.source_lang, "glossaries": glossary_hashes}
    if options.whole_page:  # only when set, so that the batches already done keep their hashes
        settings["whole_page"] = True
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:32]


def run_batch(input_path: str | os.PathLike[str], outdir: str | os.PathLike[str], *,
              options: CompareOptions = CompareOptions(), jobs: Optional[int] = None, force: bool = False,
              scheduler: Optional[str] = None, progress: Optional[Progress] = None) -> BatchResult:
    """Compare every pair of INPUT into OUTDIR (see docs/batch.md). Raises TransdiffError for problems
    with the batch as a whole; problems with one pair are recorded for that pair."""
    from ..api import transdiff_version

    pairs = discover(input_path)
    _check_glossaries(options)
    if scheduler:
        require_dask()
    version = transdiff_version()
    settings = settings_hash(options, version)
    out = _prepare_outdir(Path(outdir))
    store = Store(out / DATABASE)
    completed = False
    try:
        result = _run(pairs, out, store, options, settings, version, jobs, force, scheduler,
                      progress or Progress(enabled=False))
        completed = True
    except sqlite3.Error as exc:
        raise OutputError(f"{out / DATABASE}: cannot write the results ({exc})") from None
    finally:
        # Also after Ctrl-C: summary.csv always shows what the database holds.
        try:
            store.write_summary(out / SUMMARY)
        except (sqlite3.Error, OutputError) as exc:
            if completed:  # otherwise the first problem is the one worth reporting
                raise OutputError(f"{out / SUMMARY}: cannot write it ({exc})") from None
        finally:
            store.close()
    return result


def _run(pairs: list[Pair], out: Path, store: Store, options: CompareOptions, settings: str, version: str,
         jobs: Optional[int], force: bool, scheduler: Optional[str], progress: Progress) -> BatchResult:
    reports = out / REPORTS_DIR
    current = {pair.id for pair in pairs}
    stored = store.finished()
    stale = [pair_id for pair_id in stored if pair_id not in current]
    store.remove(stale)  # pairs no longer in INPUT: OUTDIR mirrors INPUT
    store.set_positions(pair.id for pair in pairs)
    _sweep_reports(reports, store.ok_reports())

    result = BatchResult(total=len(pairs))
    tasks: list[PairTask] = []
    for position, pair in enumerate(pairs):
        record = _record(pair, position, settings, version)
        if record.status == "error":  # missing side, unreadable file: nothing to compute
            _commit(store, reports, PairOutcome(record, None), result)
            continue
        previous = stored.get(pair.id)
        if not force and previous and _unchanged(previous, record, reports):
            result.skipped += 1
            continue
        tasks.append(PairTask(record, pair.source or "", pair.target or "", options))

    # Largest pairs first: a big pair left for last would keep one worker busy while the others idle.
    tasks.sort(key=_task_size, reverse=True)
    outcomes: Iterator[PairOutcome] = iter(())
    if tasks:  # before the first progress line: a scheduler that cannot be reached is the one line said
        outcomes = (run_in_dask(tasks, scheduler) if scheduler
                    else run_in_pool(tasks, _job_count(jobs, len(tasks))))
    progress.start(total=len(pairs), skipped=result.skipped, errors=result.failed)
    try:
        for outcome in outcomes:
            _commit(store, reports, outcome, result)
            progress.advance(findings=outcome.record.finding_count, failed=outcome.record.status != "ok")
    finally:
        _close(outcomes)
        progress.finish()
    return result


def _task_size(task: PairTask) -> int:
    try:
        return os.path.getsize(task.source) + os.path.getsize(task.target)
    except OSError:
        return 0  # the worker records why it cannot read the pair


def _close(outcomes: Iterator[PairOutcome]) -> None:
    close = getattr(outcomes, "close", None)
    if close:
        close()  # a generator: shuts the pool or the Dask client down, cancelling what is left


def _job_count(jobs: Optional[int], tasks: int) -> int:
    wanted = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, tasks or 1))


def _check_glossaries(options: CompareOptions) -> None:
    # A broken glossary would fail every pair; better to say so once, before any work.
    from ..represent.glossary import load_glossary
    load_glossary(options.glossaries)


def _prepare_outdir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: --out must be a folder, and this is a file")
    if out.is_dir() and not (out / DATABASE).exists():
        # Without its database a folder's summary.csv and reports/*.json are not a batch's: the
        # run would replace the one and sweep the others away.
        theirs = [f"{REPORTS_DIR}/{path.name}" for path in sorted((out / REPORTS_DIR).glob("*.json"))
                  if path.is_file() and not path.name.startswith(".")]
        if (out / SUMMARY).exists():
            theirs.insert(0, SUMMARY)
        if theirs:
            more = f" and {len(theirs) - 1} more" if len(theirs) > 1 else ""
            raise OutputError(f"{out}: holds {theirs[0]}{more} but no {DATABASE}, so not from a transdiff batch; "
                              f"choose a new or empty --out (the batch would replace or remove them)")
    try:
        (out / REPORTS_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    return out


def _sweep_reports(reports: Path, keep: set[str]) -> None:
    """Remove temporary files of a killed run and reports whose pair is no longer 'ok' in the database."""
    for path in reports.iterdir():
        name = f"{REPORTS_DIR}/{path.name}"
        if path.is_file() and (path.name.startswith(".") or (path.suffix == ".json" and name not in keep)):
            path.unlink(missing_ok=True)


def _record(pair: Pair, position: int, settings: str, version: str) -> PairRecord:
    record = PairRecord(id=pair.id, group=pair.group, source=pair.source_label, target=pair.target_label,
                        source_sha256=None, target_sha256=None, settings_hash=settings, status="pending",
                        transdiff=version, position=position)
    if pair.error:
        record.status, record.error = "error", pair.error
        return record
    for side, path, label in (("source", pair.source, pair.source_label), ("target", pair.target, pair.target_label)):
        try:
            setattr(record, f"{side}_sha256", file_sha256(path or ""))
        except OSError as exc:
            record.status, record.error = "error", f"{side} file {label} cannot be read: {exc.strerror or exc}"
            return record
    return record


def _unchanged(previous: tuple, record: PairRecord, reports: Path) -> bool:
    status, source_sha, target_sha, settings, report = previous
    return (status == "ok" and source_sha == record.source_sha256 and target_sha == record.target_sha256
            and settings == record.settings_hash and bool(report) and (reports.parent / report).is_file())


def _commit(store: Store, reports: Path, outcome: PairOutcome, result: BatchResult) -> None:
    record = outcome.record
    report_path = reports / report_name(record.id)
    if record.status == "ok" and outcome.report_json is not None:
        write_atomic(report_path, outcome.report_json)  # before the commit: an 'ok' row always has its file
        record.report = f"{REPORTS_DIR}/{report_path.name}"
        store.write(record)
        result.computed += 1
        result.findings += record.finding_count
    else:
        store.write(record)
        report_path.unlink(missing_ok=True)  # an old report of this pair no longer holds
        result.failed += 1
        result.failed_ids.append(record.id)

