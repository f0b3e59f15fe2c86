"""Batch throughput: pairs per minute with 1, 2 and all workers on a generated set of real pairs.

    .venv/bin/python benchmarks/batch.py [--pairs 200] [--lines 30] [--jobs 1,2,all] [--repeat 3]

The pairs are cut from real translations: the UN Universal Declaration of Human Rights
(corpora/udhr, zh + en) and the WMT20 zh->en news test set (its Chinese source with the Human-A
English reference, line-parallel; shared/eval-data/coverage-contrastive-conditioning-zhen), by
truncation (windows of --lines lines at spread offsets, UDHR prefixes and suffixes) and repetition.
Every run starts from an empty output folder in a temporary directory, and its time includes each
worker's dictionary load, as a researcher's run would.
"""
from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / "corpora" / "udhr"
WMT = ROOT.parent / "shared" / "eval-data" / "coverage-contrastive-conditioning-zhen" / "data" / "mqm"
WMT_ZH = WMT / "original_src" / "newstest2020-zhen-src.zh.txt"
WMT_EN = WMT / "original_tgt" / "newstest2020.zh-en.Human-A.0.txt"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def build_pairs(folder: Path, count: int, window: int) -> list[int]:
    """Write ``count`` pairs into ``folder``; returns their sizes in Chinese characters."""
    zh, en = _lines(UDHR / "zh.txt"), _lines(UDHR / "en.txt")
    first_article = zh.index("第一条")
    # UDHR pieces: the whole text, and prefixes/suffixes of the (line-parallel) articles.
    sources = [("\n".join(zh), "\n".join(en))]
    body = len(zh) - first_article
    for share in (0.5, 0.75):
        cut = first_article + int(body * share)
        sources.append(("\n".join(zh[:cut]), "\n".join(en[:cut])))
        sources.append(("\n".join(zh[cut - int(body * 0.5):]), "\n".join(en[cut - int(body * 0.5):])))
    if WMT_ZH.is_file() and WMT_EN.is_file():
        news_zh, news_en = _lines(WMT_ZH), _lines(WMT_EN)
        assert len(news_zh) == len(news_en), "the WMT20 source and reference must be line-parallel"
        wanted = max(0, count - len(sources))
        step = max(1, (len(news_zh) - window) // max(1, wanted))
        for start in range(0, len(news_zh) - window, step):
            sources.append(("\n".join(news_zh[start:start + window]), "\n".join(news_en[start:start + window])))
    else:
        print(f"note: {WMT_ZH.parent.parent} not found; using the UDHR only", file=sys.stderr)
    sizes = []
    for number in range(count):  # repetition when there are fewer pieces than pairs
        zh_text, en_text = sources[number % len(sources)]
        (folder / f"p{number:04d}.zh.txt").write_text(zh_text + "\n", encoding="utf-8")
        (folder / f"p{number:04d}.en.txt").write_text(en_text + "\n", encoding="utf-8")
        sizes.append(len(zh_text))
    return sizes


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(folder: Path, jobs: int) -> tuple[float, float, int]:
    """One cold batch run in a fresh process (imports and dictionary load included)."""
    with tempfile.TemporaryDirectory(prefix="transdiff-bench-out-") as out:
        command = [sys.executable, "-m", "transdiff.cli", "batch", str(folder), "--out", out, "--jobs", str(jobs),
                   "--no-progress"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        started, cpu_before = time.perf_counter(), _children_cpu()
        run = subprocess.run(command, env=env, capture_output=True, text=True)
        elapsed, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
        if run.returncode != 0:
            raise SystemExit(f"batch with {jobs} worker(s) failed: {run.stderr.strip()}")
        with sqlite3.connect(Path(out) / "results.sqlite") as db:
            computed = db.execute("SELECT count(*) FROM pairs WHERE status = 'ok'").fetchone()[0]
    return elapsed, cpu, computed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--lines", type=int, default=30, help="lines per WMT20 news pair")
    parser.add_argument("--jobs", default="1,2,all", help="comma-separated worker counts; 'all' = every core")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds; each round runs every worker count once, the table shows the medians")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    wanted = [cores if item.strip() == "all" else int(item) for item in args.jobs.split(",")]
    job_counts = list(dict.fromkeys(wanted))  # 'all' on a 2-core machine is the 2-worker run
    runs: dict[int, list[tuple[float, float, float]]] = {jobs: [] for jobs in job_counts}
    with tempfile.TemporaryDirectory(prefix="transdiff-bench-in-") as tmp:
        folder = Path(tmp)
        sizes = build_pairs(folder, args.pairs, args.lines)
        print(f"{args.pairs} pairs, {sum(sizes) / len(sizes):.0f} Chinese characters on average "
              f"(min {min(sizes)}, max {max(sizes)}); {cores} cores; load average before: "
              f"{os.getloadavg()[0]:.1f}")
        for round_number in range(args.repeat):
            # The speed of a virtual machine's cores drifts over minutes; alternating the order of the
            # worker counts from round to round keeps the drift from favouring one of them.
            order = job_counts if round_number % 2 == 0 else job_counts[::-1]
            for jobs in order:
                elapsed, cpu, computed = measure(folder, jobs)
                runs[jobs].append((elapsed, cpu, computed / elapsed * 60))
                print(f"  round {round_number + 1}: {jobs} worker(s) {elapsed:.1f} s", file=sys.stderr)
    base = statistics.median(rate for _, _, rate in runs[job_counts[0]])
    # CPU seconds (all processes of the run) show the work done; if they grow with the workers, the
    # overhead grows too. Wall-clock speed-up needs an otherwise idle machine.
    print(f"\nmedians of {args.repeat} round(s)")
    print(f"{'workers':>8} {'seconds':>9} {'cpu s':>8} {'pairs/min':>10} {'speed-up':>9} {'range (pairs/min)':>18}")
    for jobs in job_counts:
        elapsed = statistics.median(run[0] for run in runs[jobs])
        cpu = statistics.median(run[1] for run in runs[jobs])
        rates = [run[2] for run in runs[jobs]]
        rate = statistics.median(rates)
        label = f"{jobs}" + (" (all)" if jobs == cores else "")
        spread = f"{min(rates):.0f}-{max(rates):.0f}"
        print(f"{label:>8} {elapsed:9.1f} {cpu:8.1f} {rate:10.1f} {rate / base:8.2f}x {spread:>18}")
    for jobs in job_counts[1:]:
        # Both runs of a round are minutes apart at most: their ratio is the least drift-prone figure.
        ratios = [one[0] / many[0] for one, many in zip(runs[job_counts[0]], runs[jobs])]
        print(f"speed-up of {jobs} worker(s) within each round: "
              f"{', '.join(f'{r:.2f}x' for r in ratios)} (median {statistics.median(ratios):.2f}x)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
