#!/usr/bin/env python3
"""End-to-end speed and memory of `transdiff align --presegmented` on the Bible set and its concatenations.

    python benchmarks/speed.py                       # sizes 1,2,4 plus one `transdiff compare` row
    python benchmarks/speed.py --sizes 1 --timeout 300 --no-compare
    python benchmarks/speed.py --sizes 0.25,0.5 --no-compare    # prefixes, to see the growth below x1

The Bible set (English source, Chinese target; 5,000 x 6,301 sentences, verse-derived gold) is read from
../shared; size k is the pair concatenated k times in a temp dir, with the gold shifted by the offsets.
Every run is a separate process: wall time and peak RSS (from wait4) are of that process alone.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from transdiff.errors import TransdiffError
from transdiff.align.evaluate import check_cover, read_beads, read_beads_file, shift_beads, standard_scores

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BIBLE = Path("eval-data/bertalign-bible/data/bible")


@dataclass
class Run:
    seconds: float
    cpu_seconds: float           # user + sys: wall time is inflated when other work shares the cores
    peak_mb: float
    exit_code: Optional[int]     # None: killed at the timeout
    stderr: str


def transdiff_command() -> list[str]:
    script = Path(sys.executable).with_name("transdiff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "transdiff.cli"]


def run_measured(args: list[str], timeout: float, workdir: Path) -> Run:
    """Run one process; wall time and its own peak RSS (wait4 reports the rusage of exactly that child)."""
    err_path = workdir / "stderr.txt"
    with err_path.open("w") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        exit_code: Optional[int] = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                exit_code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - t0 > timeout:
                os.killpg(proc.pid, signal.SIGKILL)  # our own session: the CLI and anything it started
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - t0
    proc.returncode = exit_code if exit_code is not None else -9  # reaped by wait4; keep Popen quiet
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, exit_code, err_path.read_text(errors="replace").strip())


def make_inputs(data: Path, size: float, gold_one: list, workdir: Path) -> tuple[Path, Path, int, int, list]:
    """(en file, zh file, en lines, zh lines, gold) for a size: k >= 1 concatenates the pair k times,
    a fraction < 1 takes that share of the gold beads from the start (a prefix cut at a bead boundary)."""
    en_lines = (data / "en" / "001").read_text(encoding="utf-8").splitlines()
    zh_lines = (data / "zh" / "001").read_text(encoding="utf-8").splitlines()
    if size < 1:
        gold = gold_one[:max(1, round(size * len(gold_one)))]
        n_en = max((i for s, _ in gold for i in s), default=-1) + 1
        n_zh = max((j for _, t in gold for j in t), default=-1) + 1
        en_lines, zh_lines, times = en_lines[:n_en], zh_lines[:n_zh], 1
    else:
        times = int(size)
        gold = [b for i in range(times) for b in shift_beads(gold_one, i * len(en_lines), i * len(zh_lines))]
    en, zh = workdir / f"en.{size}", workdir / f"zh.{size}"
    en.write_text("".join(line + "\n" for line in en_lines) * times, encoding="utf-8")
    zh.write_text("".join(line + "\n" for line in zh_lines) * times, encoding="utf-8")
    return en, zh, len(en_lines) * times, len(zh_lines) * times, gold


def _ratio(value: float, previous: Optional[float]) -> str:
    return f"{value / previous:5.2f}" if previous else "    -"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default: ../shared)")
    parser.add_argument("--sizes", default="1,2,4", help="comma-separated sizes: k >= 1 concatenates k copies, a fraction takes a prefix (default 1,2,4)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a run is killed (default 1800)")
    parser.add_argument("--no-compare", action="store_true", help="skip the `transdiff compare` row")
    args = parser.parse_args(argv)

    data = args.shared / BIBLE
    if not (data / "gold" / "001.align").exists():
        print(f"speed: Bible set not found under {data}; pass --shared", file=sys.stderr)
        return 2
    try:
        sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
        if any(s <= 0 or (s >= 1 and s != int(s)) for s in sizes):
            raise ValueError
    except ValueError:
        print(f"speed: --sizes must be fractions below 1 or whole numbers, like 0.25,1,2,4, not {args.sizes!r}",
              file=sys.stderr)
        return 2
    gold_one = read_beads_file(data / "gold" / "001.align")
    command = transdiff_command()
    workdir = Path(tempfile.mkdtemp(prefix="transdiff-speed-"))
    print(f"command: {' '.join(command)} align --presegmented EN ZH   (timeout {args.timeout:.0f}s, {os.cpu_count()} cpus)")
    print(f"{'run':<14} {'en':>6} {'zh':>6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8} {'cpu/prev':>8} {'mb/prev':>7} "
          f"{'F1str':>6} {'F1lax':>6}  note")
    previous: Optional[Run] = None
    try:
        for k in sizes:
            en, zh, n_en, n_zh, gold = make_inputs(data, k, gold_one, workdir)
            out = workdir / f"beads.{k}"
            run = run_measured([*command, "align", "--presegmented", str(en), str(zh), "--format", "beads",
                                "-o", str(out)], args.timeout, workdir)
            f1s = f1l = "     -"
            note = ""
            if run.exit_code is None:
                note = f"killed after {args.timeout:.0f}s"
            elif run.exit_code != 0:
                note = f"exit {run.exit_code}: {run.stderr.splitlines()[-1] if run.stderr else ''}"
            else:
                try:
                    test = read_beads(out.read_text(encoding="utf-8"))
                except TransdiffError as exc:
                    note = f"unreadable output: {exc}"
                else:
                    scores = standard_scores([gold], [test])
                    f1s, f1l = f"{scores['f1_strict']:6.3f}", f"{scores['f1_lax']:6.3f}"
                    note = check_cover(test, n_en, n_zh) or ""
            same_kind = previous is not None and previous.exit_code == 0
            print(f"{'align x' + f'{k:g}':<14} {n_en:>6} {n_zh:>6} {run.seconds:8.1f} {run.cpu_seconds:7.1f} "
                  f"{run.peak_mb:8.0f} "
                  f"{_ratio(run.cpu_seconds, previous.cpu_seconds if same_kind else None):>8} "
                  f"{_ratio(run.peak_mb, previous.peak_mb if same_kind else None):>7} {f1s} {f1l}  {note}", flush=True)
            previous = run if run.exit_code == 0 else None
        if not args.no_compare:
            en, zh = data / "en" / "001", data / "zh" / "001"
            report = workdir / "compare.json"
            run = run_measured([*command, "compare", str(en), str(zh), "--format", "json", "-o", str(report)],
                               args.timeout, workdir)
            note = ("killed after {:.0f}s".format(args.timeout) if run.exit_code is None
                    else f"exit {run.exit_code}" + (f": {run.stderr.splitlines()[-1]}" if run.exit_code and run.stderr else ""))
            print(f"{'compare x1':<14} {'raw':>6} {'raw':>6} {run.seconds:8.1f} {run.cpu_seconds:7.1f} {run.peak_mb:8.0f} {'':>8} {'':>7} "
                  f"{'':>6} {'':>6}  {note}", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("cpu/prev, mb/prev: CPU-time and peak-memory ratio to the previous align row "
          "(compare the size ratio: x2 between 1,2,4); cpu s = user + sys of the process.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
