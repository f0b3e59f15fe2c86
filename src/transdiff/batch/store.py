"""The batch database (``OUTDIR/results.sqlite``) and the summary CSV made from it.

Only the parent process writes here, one transaction per pair, so a batch that is killed at any
moment leaves every pair either fully present or absent. The schema is documented in docs/batch.md.
"""
from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from ..errors import OutputError
from ..output import write_atomic

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pairs (
    id              TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    group_name      TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL,
    target          TEXT NOT NULL,
    source_sha256   TEXT,
    target_sha256   TEXT,
    settings_hash   TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error           TEXT,
    report          TEXT,
    source_lang     TEXT,
    target_lang     TEXT,
    source_chars    INTEGER,
    target_chars    INTEGER,
    source_segments INTEGER,
    target_segments INTEGER,
    beads           INTEGER,
    aligned_share   REAL,
    omission        INTEGER,
    addition        INTEGER,
    partial         INTEGER,
    mismatch        INTEGER,
    findings        INTEGER,
    mean_confidence REAL,
    seconds         REAL,
    transdiff       TEXT NOT NULL,
    finished_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS pairs_group ON pairs (group_name);
CREATE INDEX IF NOT EXISTS pairs_status ON pairs (status);
CREATE TABLE IF NOT EXISTS segments (
    pair_id TEXT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    side    TEXT NOT NULL CHECK (side IN ('source', 'target')),
    seg_id  INTEGER NOT NULL,
    bead_id INTEGER,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    line    INTEGER NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (pair_id, side, seg_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS segments_bead ON segments (pair_id, bead_id);
CREATE TABLE IF NOT EXISTS beads (
    pair_id    TEXT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    bead_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    source_ids TEXT NOT NULL,
    target_ids TEXT NOT NULL,
    score      REAL,
    PRIMARY KEY (pair_id, bead_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS beads_kind ON beads (kind);
CREATE TABLE IF NOT EXISTS findings (
    pair_id      TEXT NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    finding_id   INTEGER NOT NULL,
    type         TEXT NOT NULL CHECK (type IN ('omission', 'addition', 'partial', 'mismatch')),
    confidence   REAL,
    message      TEXT NOT NULL,
    source_text  TEXT,
    target_text  TEXT,
    source_start INTEGER,
    source_end   INTEGER,
    target_start INTEGER,
    target_end   INTEGER,
    source_line  INTEGER,
    target_line  INTEGER,
    gloss        TEXT,
    bead_id      INTEGER,
    detail       TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (pair_id, finding_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS findings_type ON findings (type, confidence);
"""

SUMMARY_COLUMNS = ("id", "group", "source", "target", "source_chars", "target_chars", "source_segments",
                   "target_segments", "aligned_share", "omission", "addition", "partial", "mismatch",
                   "mean_confidence", "status", "error", "seconds")
_SUMMARY_SQL = """
SELECT id, group_name, source, target, source_chars, target_chars, source_segments, target_segments,
       aligned_share, omission, addition, partial, mismatch, mean_confidence, status, error, seconds
FROM pairs ORDER BY position, id
"""


@dataclass
class PairRecord:
    """Everything one pair puts into the database; built by a worker, written by the parent."""

    id: str
    group: str
    source: str
    target: str
    source_sha256: Optional[str]
    target_sha256: Optional[str]
    settings_hash: str
    status: str
    transdiff: str
    position: int = 0
    error: Optional[str] = None
    report: Optional[str] = None
    stats: dict[str, Any] = field(default_factory=dict)     # the pairs columns of a finished comparison
    segments: list[tuple] = field(default_factory=list)     # (side, seg_id, bead_id, start, end, line, text)
    beads: list[tuple] = field(default_factory=list)        # (bead_id, kind, source_ids, target_ids, score)
    findings: list[tuple] = field(default_factory=list)     # the findings columns after pair_id

    @property
    def finding_count(self) -> int:
        return len(self.findings)


_STAT_COLUMNS = ("source_lang", "target_lang", "source_chars", "target_chars", "source_segments",
                 "target_segments", "beads", "aligned_share", "omission", "addition", "partial", "mismatch",
                 "findings", "mean_confidence", "seconds")


class Store:
    """The results database of one OUTDIR."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # isolation_level=None: transactions are opened explicitly, one per pair.
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            # WAL lets people query the database while a batch runs; NORMAL sync keeps every
            # committed pair across a killed process (only a power cut may lose the last ones).
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as exc:
            raise OutputError(f"{path}: cannot use it as the batch database ({exc}); "
                              f"delete it or choose another --out") from None
        found = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found and found[0] != SCHEMA_VERSION:
            raise OutputError(f"{path}: written by another transdiff (schema {found[0]}); "
                              f"choose another --out or delete it")

    def close(self) -> None:
        """Fold the write-ahead log back so that results.sqlite alone holds everything."""
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError:  # someone is reading it right now: the WAL stays, still valid
            pass
        self.db.close()

    def finished(self) -> dict[str, tuple]:
        """id -> (status, source_sha256, target_sha256, settings_hash, report) of every stored pair."""
        rows = self.db.execute("SELECT id, status, source_sha256, target_sha256, settings_hash, report FROM pairs")
        return {row[0]: row[1:] for row in rows}

    def set_positions(self, ids_in_order: Iterable[str]) -> None:
        with self._transaction():
            self.db.executemany("UPDATE pairs SET position = ? WHERE id = ?",
                                [(n, pair_id) for n, pair_id in enumerate(ids_in_order)])

    def remove(self, ids: Iterable[str]) -> None:
        with self._transaction():
            self.db.executemany("DELETE FROM pairs WHERE id = ?", [(pair_id,) for pair_id in ids])

    def write(self, record: PairRecord) -> None:
        """Replace the pair's rows, all in one transaction."""
        stats = [record.stats.get(column) for column in _STAT_COLUMNS]
        with self._transaction():
            self.db.execute("DELETE FROM pairs WHERE id = ?", (record.id,))
            self.db.execute(
                f"INSERT INTO pairs (id, position, group_name, source, target, source_sha256, target_sha256, "
                f"settings_hash, status, error, report, transdiff, {', '.join(_STAT_COLUMNS)}) "
                f"VALUES ({', '.join('?' * (12 + len(_STAT_COLUMNS)))})",
                (record.id, record.position, record.group, record.source, record.target, record.source_sha256,
                 record.target_sha256, record.settings_hash, record.status, record.error, record.report,
                 record.transdiff, *stats))
            self.db.executemany("INSERT INTO segments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [(record.id, *row) for row in record.segments])
            self.db.executemany("INSERT INTO beads VALUES (?, ?, ?, ?, ?, ?)",
                                [(record.id, *row) for row in record.beads])
            self.db.executemany(f"INSERT INTO findings VALUES ({', '.join('?' * 16)})",
                                [(record.id, *row) for row in record.findings])

    def status_counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, count(*) FROM pairs GROUP BY status").fetchall())

    def ok_reports(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT report FROM pairs WHERE status = 'ok'") if row[0]}

    def summary_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(SUMMARY_COLUMNS)
        for row in self.db.execute(_SUMMARY_SQL):
            writer.writerow(["" if value is None else _csv_value(value) for value in row])
        return out.getvalue()

    def write_summary(self, path: Path) -> None:
        write_atomic(path, self.summary_csv())

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.db)


def _csv_value(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    return value


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
