#!/usr/bin/env python3
"""End-to-end speed and memory of `transdiff align --presegmented` on the Bible set, both directions.

    python benchmarks/speed.py                       # the ladder 1/4,1/2,3/4,1,2 both ways, then compare
    python benchmarks/speed.py --sizes 1 --first zh --timeout 300 --no-compare
    python benchmarks/speed.py --repeat 3            # the least CPU time of 3 runs (a loaded machine)
    python benchmarks/speed.py --sizes 1 --cut 300 --no-compare   # 300 English lines missing

The Bible set (5,000 English x 6,301 Chinese sentences, verse-derived gold) is read from ../shared;
a fraction below 1 takes that share of the gold beads from the start (a prefix), size k >= 1 is the
pair concatenated k times in a temp dir, with the gold shifted by the offsets. ``--first`` says which
language is given first (the source): zh, en or both. Every run is a separate process: wall time, CPU
time and peak RSS (from wait4) are of that process alone. The ladder columns compare each row with
the previous one of the same direction: ``share`` is the ratio of the input sizes, ``cpu/prev`` that
of the CPU times, ``excess`` the second over the first (above 1: the time grew faster than the input).
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


def cut_lines(lines: list[str], gold: list, start: int, count: int) -> tuple[list[str], list]:
    """English ``lines`` without ``count`` lines from ``start``, and the gold (English first) to match:
    the cut lines leave their beads, later ids move up."""
    def moved(i: int) -> Optional[int]:
        return i if i < start else None if i < start + count else i - count

    kept = [(tuple(k for k in map(moved, s) if k is not None), t) for s, t in gold]
    return lines[:start] + lines[start + count:], kept


def make_inputs(data: Path, size: float, gold_one: list, workdir: Path,
                cut: int = 0) -> tuple[Path, Path, int, int, list]:
    """(en file, zh file, en lines, zh lines, gold) for a size: k >= 1 concatenates the pair k times,
    a fraction < 1 takes that share of the gold beads from the start (a prefix cut at a bead boundary).
    With ``cut``, that many English lines go missing from 40% of the way into the result."""
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
    en_all, zh_all = en_lines * times, zh_lines * times
    if cut:
        en_all, gold = cut_lines(en_all, gold, int(len(en_all) * 0.4), cut)
    en, zh = workdir / f"en.{size}", workdir / f"zh.{size}"
    en.write_text("".join(line + "\n" for line in en_all), encoding="utf-8")
    zh.write_text("".join(line + "\n" for line in zh_all), encoding="utf-8")
    return en, zh, len(en_all), len(zh_all), gold


def _ratio(value: float, previous: Optional[float]) -> str:
    return f"{value / previous:5.2f}" if previous else "    -"


def measured_best(args: list[str], timeout: float, workdir: Path, repeat: int) -> Run:
    """The run with the least CPU time of ``repeat`` (others' work on the cores only adds to it);
    the first failure ends the repeats."""
    best: Optional[Run] = None
    for _ in range(repeat):
        run = run_measured(args, timeout, workdir)
        if run.exit_code not in (0, 1):   # compare exits 1 when told to fail on findings
            return run
        if best is None or run.cpu_seconds < best.cpu_seconds:
            best = run
    assert best is not None
    return best


def swap_sides(beads: list) -> list:
    return [(t, s) for s, t in beads]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default: ../shared)")
    parser.add_argument("--sizes", default="0.25,0.5,0.75,1,2", help="comma-separated sizes: k >= 1 concatenates k copies, a fraction takes a prefix (default 0.25,0.5,0.75,1,2)")
    parser.add_argument("--first", choices=["zh", "en", "both"], default="both", help="language given first, the source (default both, Chinese first)")
    parser.add_argument("--cut", type=int, default=0, help="English lines cut out 40%% of the way in "
                        "(align rows): alignment across a long omission (default 0)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per row; the one with the least CPU time is shown (default 1)")
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
    if args.repeat < 1 or args.cut < 0:
        print("speed: --repeat must be at least 1 and --cut at least 0", file=sys.stderr)
        return 2
    gold_one = read_beads_file(data / "gold" / "001.align")
    directions = ["zh", "en"] if args.first == "both" else [args.first]
    command = transdiff_command()
    workdir = Path(tempfile.mkdtemp(prefix="transdiff-speed-"))
    print(f"command: {' '.join(command)} align --presegmented FIRST SECOND   (timeout {args.timeout:.0f}s, "
          f"{os.cpu_count()} cpus, least CPU time of {args.repeat} run(s))")
    print(f"{'run':<14} {'first':>5} {'en':>6} {'zh':>6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8} {'share':>6} "
          f"{'cpu/prev':>8} {'excess':>6} {'F1str':>6} {'F1lax':>6}  note")
    try:
        for first in directions:
            previous: Optional[tuple[float, Run]] = None
            for k in sizes:
                en, zh, n_en, n_zh, gold = make_inputs(data, k, gold_one, workdir, args.cut)
                out = workdir / f"beads.{k}"
                pair = [str(zh), str(en)] if first == "zh" else [str(en), str(zh)]
                run = measured_best([*command, "align", "--presegmented", *pair, "--format", "beads",
                                     "-o", str(out)], args.timeout, workdir, args.repeat)
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
                        if first == "zh":   # the gold is English-first
                            test = swap_sides(test)
                        scores = standard_scores([gold], [test])
                        f1s, f1l = f"{scores['f1_strict']:6.3f}", f"{scores['f1_lax']:6.3f}"
                        note = check_cover(test, n_en, n_zh) or ""
                share = cpu_ratio = excess = "     -"
                if previous is not None:
                    size_ratio = (n_en + n_zh) / previous[0]
                    share = f"{size_ratio:6.2f}"
                    cpu_ratio = _ratio(run.cpu_seconds, previous[1].cpu_seconds)
                    excess = f"{run.cpu_seconds / previous[1].cpu_seconds / size_ratio:6.2f}"
                print(f"{'align x' + f'{k:g}':<14} {first:>5} {n_en:>6} {n_zh:>6} {run.seconds:8.1f} "
                      f"{run.cpu_seconds:7.1f} {run.peak_mb:8.0f} {share:>6} {cpu_ratio:>8} {excess:>6} "
                      f"{f1s} {f1l}  {note}", flush=True)
                previous = (n_en + n_zh, run) if run.exit_code == 0 else None
        if not args.no_compare:
            for first in directions:
                en, zh = data / "en" / "001", data / "zh" / "001"
                pair = [str(zh), str(en)] if first == "zh" else [str(en), str(zh)]
                report = workdir / "compare.json"
                run = measured_best([*command, "compare", *pair, "--format", "json", "-o", str(report)],
                                    args.timeout, workdir, args.repeat)
                # compare exits 1 when it reports differences: that is a finished run
                failed = run.exit_code not in (0, 1)
                note = ("killed after {:.0f}s".format(args.timeout) if run.exit_code is None
                        else f"exit {run.exit_code}" + (f": {run.stderr.splitlines()[-1]}" if failed and run.stderr else ""))
                print(f"{'compare x1':<14} {first:>5} {'raw':>6} {'raw':>6} {run.seconds:8.1f} {run.cpu_seconds:7.1f} "
                      f"{run.peak_mb:8.0f} {'':>6} {'':>8} {'':>6} {'':>6} {'':>6}  {note}", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("share: input-size ratio to the previous row of the same direction; cpu/prev: CPU-time ratio; "
          "excess = cpu/prev / share; cpu s = user + sys of the process.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
