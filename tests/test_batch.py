"""transdiff batch: discovery, parallel runs, the three outputs agreeing, resuming after SIGKILL, Dask."""
from __future__ import annotations

import csv
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from transdiff.batch import CompareOptions, discover, report_name, run_batch, settings_hash
from transdiff.batch import worker as batch_worker
from transdiff.cli.batch import batch_cmd
from transdiff.batch.executors import WORKER_DIED
from transdiff.batch.store import SUMMARY_COLUMNS
from transdiff.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "corpora" / "udhr"
if not UDHR.is_dir():
    UDHR = ROOT / "corpora" / "udhr"
FORK = multiprocessing.get_start_method() == "fork"


@pytest.fixture(scope="module", autouse=True)
def warm_representer():
    # Pool workers are forked from this process: loading the dictionary here once spares every
    # worker of every test its own load.
    from transdiff.api import representer_for
    representer_for(None)


def _articles() -> tuple[list[str], list[str]]:
    """The 30 articles (heading + text lines), zh and en line-parallel from 'Article 1' on."""
    zh = UDHR.joinpath("zh.txt").read_text(encoding="utf-8").splitlines()
    en = UDHR.joinpath("en.txt").read_text(encoding="utf-8").splitlines()
    start_zh, start_en = zh.index("第一条"), en.index("Article 1")
    return zh[start_zh:], en[start_en:]


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_folder(root: Path) -> Path:
    """Real pairs from the UDHR plus broken ones; returns the folder."""
    zh, en = _articles()
    middle_zh, middle_en = zh.index("第十六条"), en.index("Article 16")
    assert middle_zh == middle_en
    folder = root / "pairs"
    _write(folder / "whole.zh.txt", zh)
    _write(folder / "whole.en.txt", en)
    _write(folder / "halves" / "first.zh.txt", zh[:middle_zh])
    _write(folder / "halves" / "first.en.txt", en[:middle_en])
    _write(folder / "halves" / "second" / "zh.txt", zh[middle_zh:])   # the subfolder form
    _write(folder / "halves" / "second" / "en.txt", en[middle_en:])
    torture = next(i for i, line in enumerate(en) if line.startswith("No one shall be subjected to torture"))
    _write(folder / "dropped.zh.txt", zh[:middle_zh])
    _write(folder / "dropped.en.txt", [line for i, line in enumerate(en[:middle_en]) if i != torture])
    _write(folder / "lonely.zh.txt", zh[:6])                           # no English side
    (folder / "binary.zh.txt").write_bytes(bytes(range(256)) * 8)      # not text at all
    _write(folder / "binary.en.txt", en[:6])
    return folder


def db_rows(out: Path, sql: str, args: tuple = ()) -> list[tuple]:
    with sqlite3.connect(out / "results.sqlite") as db:
        return db.execute(sql, args).fetchall()


def summary(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "summary.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == SUMMARY_COLUMNS
        return {row["id"]: row for row in reader}


def assert_outputs_agree(out: Path) -> None:
    """summary.csv, the JSON reports and the database tell the same story, pair by pair."""
    rows = summary(out)
    pairs = {row[0]: row[1:] for row in db_rows(out, "SELECT id, status, omission, addition, partial, mismatch, "
                                                    "source_segments, target_segments, report FROM pairs")}
    assert set(rows) == set(pairs)
    for pair_id, (status, om, ad, pa, mi, src_segs, tgt_segs, report) in pairs.items():
        row = rows[pair_id]
        assert row["status"] == status
        report_path = out / "reports" / report_name(pair_id)
        if status != "ok":
            assert row["error"] and not report_path.exists()
            assert db_rows(out, "SELECT count(*) FROM findings WHERE pair_id = ?", (pair_id,)) == [(0,)]
            continue
        assert report == f"reports/{report_path.name}"
        data = json.loads(report_path.read_text(encoding="utf-8"))
        counts = data["summary"]["findings"]
        assert (om, ad, pa, mi) == (counts["omission"], counts["addition"], counts["partial"], counts["mismatch"])
        assert [int(row[k]) for k in ("omission", "addition", "partial", "mismatch")] == [om, ad, pa, mi]
        by_type = dict(db_rows(out, "SELECT type, count(*) FROM findings WHERE pair_id = ? GROUP BY type", (pair_id,)))
        assert {k: v for k, v in counts.items() if v} == by_type
        assert len(data["findings"]) == sum(counts.values())
        assert db_rows(out, "SELECT count(*) FROM segments WHERE pair_id = ?", (pair_id,)) == [(src_segs + tgt_segs,)]
        assert db_rows(out, "SELECT count(*) FROM beads WHERE pair_id = ?", (pair_id,)) == [(data["summary"]["beads"],)]
    leftovers = {p.name for p in (out / "reports").iterdir()} - {report_name(i) for i, r in pairs.items() if r[0] == "ok"}
    assert not leftovers


# --------------------------------------------------------------------------- discovery
def test_folder_discovery_names_groups_and_missing_sides(tmp_path):
    pairs = {pair.id: pair for pair in discover(make_folder(tmp_path))}
    assert set(pairs) == {"whole", "halves/first", "halves/second", "dropped", "lonely", "binary"}
    assert pairs["halves/second"].group == "halves" and pairs["halves/first"].group == "halves"
    assert pairs["whole"].group == "" and pairs["whole"].source_label == "whole.zh.txt"
    assert pairs["lonely"].error and "lonely.en" in pairs["lonely"].error
    assert pairs["binary"].error is None  # found by name; the worker finds out it is not text
    # One id from two forms: reported, not silently merged or dropped.
    clash = tmp_path / "clash"
    _write(clash / "a.zh.txt", ["甲"])
    _write(clash / "a.en.txt", ["A"])
    _write(clash / "a" / "zh.txt", ["乙"])
    _write(clash / "a" / "en.txt", ["B"])
    (only,) = discover(clash)
    assert only.id == "a" and "more than one Chinese file" in only.error


def test_manifest_errors_are_one_line(tmp_path):
    bad = tmp_path / "m.csv"
    bad.write_text("name,source,target\na,x,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing: id"):
        discover(bad)
    bad.write_text("id,source,target\na,x,y\na,x,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: id 'a' already used on line 2"):
        discover(bad)
    with pytest.raises(InputError, match="does not exist"):
        discover(tmp_path / "nothing")


def test_report_names_are_safe_and_distinct():
    assert report_name("whole") == "whole.json"
    odd = [report_name("a/b"), report_name("a:b"), report_name("../x"), report_name("a b")]
    assert len(set(odd)) == 4 and all("/" not in name and not name.startswith(".") for name in odd)


def test_settings_hash_tracks_options():
    base = settings_hash(CompareOptions(), "1.0")
    assert base == settings_hash(CompareOptions(), "1.0")
    assert base != settings_hash(CompareOptions(level="sentence"), "1.0")
    assert base != settings_hash(CompareOptions(min_confidence=0.7), "1.0")
    assert base != settings_hash(CompareOptions(), "1.1")
    assert base != settings_hash(CompareOptions(whole_page=True), "1.0")


# --------------------------------------------------------------------------- full runs
def test_folder_batch_outputs_agree_then_resume_and_force(tmp_path):
    folder, out = make_folder(tmp_path), tmp_path / "out"
    result = run_batch(folder, out, jobs=2)
    assert (result.total, result.computed, result.failed, result.exit_code) == (6, 4, 2, 1)
    rows = summary(out)
    assert {k for k, r in rows.items() if r["status"] == "error"} == {"lonely", "binary"}
    assert "binary" in rows["binary"]["error"] and "English" in rows["lonely"]["error"]
    assert float(rows["whole"]["aligned_share"]) > 0.9
    # The English text without Article 5's sentence: an omission the whole-text pairs do not have.
    dropped = db_rows(out, "SELECT source_text FROM findings WHERE pair_id = 'dropped' AND type = 'omission'")
    assert any("酷刑" in text for (text,) in dropped)
    assert_outputs_agree(out)

    # Unchanged pairs are skipped; failed ones are tried again.
    stamp = db_rows(out, "SELECT finished_at, seconds FROM pairs WHERE id = 'whole'")
    again = run_batch(folder, out, jobs=2)
    assert (again.skipped, again.computed, again.failed) == (4, 0, 2)
    assert db_rows(out, "SELECT finished_at, seconds FROM pairs WHERE id = 'whole'") == stamp

    # A changed input is redone alone; a removed pair leaves the database and the reports.
    (folder / "dropped.en.txt").write_text((folder / "halves" / "first.en.txt").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    (folder / "lonely.zh.txt").unlink()
    changed = run_batch(folder, out, jobs=1)
    assert (changed.total, changed.skipped, changed.computed, changed.failed) == (5, 3, 1, 1)
    assert "lonely" not in summary(out)
    assert_outputs_agree(out)

    forced = run_batch(folder, out, jobs=2, force=True)
    assert (forced.skipped, forced.computed, forced.failed) == (0, 4, 1)
    assert_outputs_agree(out)


def test_manifest_batch_through_the_command(tmp_path):
    folder, out = make_folder(tmp_path), tmp_path / "out"
    manifest = folder / "manifest.csv"
    manifest.write_text("id,source,target,group\n"
                        "en-first,halves/first.en.txt,halves/first.zh.txt,reverse\n"
                        "second,halves/second/zh.txt,halves/second/en.txt,plain\n"
                        "ghost,nowhere.zh.txt,whole.en.txt,plain\n", encoding="utf-8")
    run = CliRunner().invoke(batch_cmd, [str(manifest), "--out", str(out), "--jobs", "2", "--level", "sentence",
                                         "--no-progress"])
    assert run.exit_code == 1, run.output
    assert "failed pairs: ghost" in run.output
    rows = summary(out)
    assert rows["ghost"]["status"] == "error" and "does not exist" in rows["ghost"]["error"]
    assert rows["en-first"]["group"] == "reverse" and rows["en-first"]["source"] == "halves/first.en.txt"
    report = json.loads((out / "reports" / "en-first.json").read_text(encoding="utf-8"))
    assert report["source"]["lang"] == "en" and report["summary"]["level"] == "sentence"
    assert_outputs_agree(out)

    # All pairs fine: exit 0. A bad INPUT: exit 2 with one line.
    manifest.write_text("id,source,target\nsecond,halves/second/zh.txt,halves/second/en.txt\n", encoding="utf-8")
    run = CliRunner().invoke(batch_cmd, [str(manifest), "--out", str(out), "--level", "sentence", "--no-progress"])
    assert run.exit_code == 0, run.output
    assert list(summary(out)) == ["second"]
    run = CliRunner().invoke(batch_cmd, [str(tmp_path / "missing"), "--out", str(out)])
    assert run.exit_code == 2 and run.output.count("\n") == 1 and "does not exist" in run.output


@pytest.mark.skipif(not FORK, reason="needs forked pool workers to inherit the patched worker")
def test_a_pair_that_kills_its_worker_is_recorded_and_the_rest_complete(tmp_path, monkeypatch):
    folder, out = make_folder(tmp_path), tmp_path / "out"
    real_compare = batch_worker._compare

    def dying_compare(task):
        if task.record.id == "dropped":
            os._exit(9)  # as the OOM killer would
        return real_compare(task)

    monkeypatch.setattr(batch_worker, "_compare", dying_compare)
    result = run_batch(folder, out, jobs=2)
    rows = summary(out)
    assert rows["dropped"]["status"] == "error" and rows["dropped"]["error"] == WORKER_DIED
    assert {k for k, r in rows.items() if r["status"] == "ok"} == {"whole", "halves/first", "halves/second"}
    assert result.failed == 3
    assert_outputs_agree(out)


def test_sigkill_midway_then_rerun_completes_each_pair_once(tmp_path):
    zh, en = _articles()
    folder, out = tmp_path / "many", tmp_path / "out"
    # Eight small real pairs: articles 1-4, 5-8, ... (each article is a heading line plus its text).
    starts = [i for i, line in enumerate(zh) if line.startswith("第") and line.endswith("条")]
    chunks = [starts[k] for k in range(0, len(starts), 4)] + [len(zh)]
    for n, (a, b) in enumerate(zip(chunks, chunks[1:])):
        _write(folder / f"part{n}.zh.txt", zh[a:b])
        _write(folder / f"part{n}.en.txt", en[a:b])
    total = len(chunks) - 1
    command = [sys.executable, "-m", "transdiff.cli", "batch", str(folder), "--out", str(out), "--jobs", "1",
               "--no-progress"]
    proc = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    committed, deadline = 0, time.monotonic() + 60
    try:
        while committed < 1 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            try:
                committed = db_rows(out, "SELECT count(*) FROM pairs WHERE status = 'ok'")[0][0]
            except sqlite3.Error:  # not created yet
                pass
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the driver and its pool worker, without warning
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    done_before = db_rows(out, "SELECT count(*) FROM pairs")[0][0]
    assert 1 <= done_before < total

    result = run_batch(folder, out, jobs=2)
    assert result.skipped == done_before and result.computed == total - done_before and result.failed == 0
    assert db_rows(out, "SELECT id, count(*) FROM pairs GROUP BY id HAVING count(*) > 1") == []
    assert db_rows(out, "SELECT count(*) FROM pairs WHERE status = 'ok'") == [(total,)]
    assert len(summary(out)) == total
    assert not [p for p in (out / "reports").iterdir() if p.name.startswith(".")]  # no half-written report
    assert_outputs_agree(out)


def test_dask_cluster_runs_the_same_pairs(tmp_path):
    distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed (transdiff[dask])")
    zh, en = _articles()
    folder, out = tmp_path / "pairs", tmp_path / "out"
    _write(folder / "a.zh.txt", zh[:8])
    _write(folder / "a.en.txt", en[:8])
    _write(folder / "b.zh.txt", zh[8:16])
    _write(folder / "b.en.txt", en[8:16])
    _write(folder / "c.zh.txt", zh[:3])  # no English side
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        result = run_batch(folder, out, scheduler=cluster.scheduler_address)
    assert (result.computed, result.failed) == (2, 1)
    assert {k: r["status"] for k, r in summary(out).items()} == {"a": "ok", "b": "ok", "c": "error"}
    assert_outputs_agree(out)


def test_progress_lines_for_logs():
    import io

    from transdiff.batch.progress import Progress

    stream = io.StringIO()
    progress = Progress(stream=stream, interactive=False)
    progress.start(total=4, skipped=1, errors=1)
    progress.advance(findings=3)
    progress.advance(findings=0, failed=True)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "batch: 1 of 4 pairs unchanged since the last run, skipped"
    assert lines[1].startswith("batch: 2/4 pairs, 0 findings, 1 error, ETA")
    assert lines[-1].startswith("batch: 4/4 pairs, 3 findings, 2 errors, took ")


def test_whole_page_reaches_every_pair_of_web_pages(tmp_path):
    """--whole-page is passed to each pair's compare: the reports name the extraction it asked for, and
    a batch done without it is not taken as done with it."""
    zh, en = _articles()
    folder, out = tmp_path / "pages", tmp_path / "out"
    folder.mkdir()
    for lang, lines in (("zh", zh[:8]), ("en", en[:8])):
        body = "".join(f"<p>{line}</p>" for line in lines)
        menu = "<nav><ul><li>Home</li><li>Contact</li></ul></nav>"
        (folder / f"udhr.{lang}.html").write_text(f"<!DOCTYPE html><html><body>{menu}<main>{body}</main>"
                                                  f"</body></html>", encoding="utf-8")
    run = CliRunner().invoke(batch_cmd, [str(folder), "--out", str(out), "--jobs", "1", "--no-progress"])
    assert run.exit_code == 0, run.output
    first = json.loads((out / "reports" / "udhr.json").read_text(encoding="utf-8"))
    assert first["source"]["extraction"] != "whole-page"
    run = CliRunner().invoke(batch_cmd, [str(folder), "--out", str(out), "--jobs", "1", "--no-progress",
                                         "--whole-page"])
    assert run.exit_code == 0, run.output
    assert "0 unchanged" in run.output
    again = json.loads((out / "reports" / "udhr.json").read_text(encoding="utf-8"))
    assert again["source"]["extraction"] == again["target"]["extraction"] == "whole-page"
