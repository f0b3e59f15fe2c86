#!/usr/bin/env python3
"""Sentence-alignment accuracy on MAC-Dev (Bertalign's 6 Chinese-English literary chapters).

    python benchmarks/align_mac.py                            # transdiff, via the Python API
    python benchmarks/align_mac.py --engine bertalign-saved   # Bertalign's saved output: strict F1 0.911
    python benchmarks/align_mac.py --json results.json --save-dir /tmp/mac-beads

The texts are read from ../shared (never copied into the project). Chinese is the source side, as in
the gold files (``[zh ids]:[en ids]``). Scores: see ``transdiff.align.evaluate``.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from transdiff.errors import TransdiffError
from transdiff.align.evaluate import BEAD_TYPES, beads_of, check_cover, read_beads_file, score_alignments

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MAC_DEV = Path("eval-data/bertalign-mac/dev/data/mac/dev")
BERTALIGN_MAC_DEV_STRICT_F1 = 0.911


def _line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def _fmt(value: float) -> str:
    return "    -" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:5.3f}"


def _row(name: str, n_zh: int, n_en: int, scores: dict, seconds: float) -> str:
    by_type = scores["by_type"]
    null = scores["null"]
    cells = [f"{name:<6}", f"{n_zh:>5}", f"{n_en:>5}"]
    cells += [_fmt(scores[k]) for k in ("precision_strict", "recall_strict", "f1_strict",
                                       "precision_lax", "recall_lax", "f1_lax")]
    cells += [_fmt(by_type[t]["recall"]) + f"/{by_type[t]['gold']:<3}" for t in BEAD_TYPES]
    cells += [_fmt(null["precision"]) + f"/{null['predicted']:<3}", _fmt(null["recall"]), f"{seconds:7.1f}"]
    return " ".join(cells)


HEADER = ("file      zh    en  P_str R_str F1str P_lax R_lax F1lax "
          + " ".join(f"R{t:<4}/n  " for t in BEAD_TYPES) + "nullP/n   nullR     sec")


def _transdiff_engine():
    import transdiff

    def run(zh: Path, en: Path):
        return beads_of(transdiff.align(str(zh), str(en), presegmented=True))
    return run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default: ../shared)")
    parser.add_argument("--engine", choices=["transdiff", "bertalign-saved"], default="transdiff")
    parser.add_argument("--files", help="comma-separated chapter ids to run (default: all 6), e.g. 001,004")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON to this file")
    parser.add_argument("--save-dir", type=Path, help="write each predicted alignment as NNN.align here")
    args = parser.parse_args(argv)

    root = args.shared / MAC_DEV
    if not (root / "gold").is_dir():
        print(f"align_mac: MAC-Dev not found under {root}; pass --shared", file=sys.stderr)
        return 2
    names = sorted(p.stem for p in (root / "gold").glob("*.align"))
    if args.files:
        wanted = {f.strip() for f in args.files.split(",")}
        names = [n for n in names if n in wanted]
    if args.save_dir:
        args.save_dir.mkdir(parents=True, exist_ok=True)

    engine = _transdiff_engine() if args.engine == "transdiff" else None
    golds, tests, per_file = [], [], []
    print(f"engine: {args.engine}   data: {root}")
    print(HEADER)
    t_all = time.perf_counter()
    for name in names:
        zh, en = root / "zh" / name, root / "en" / name
        n_zh, n_en = _line_count(zh), _line_count(en)
        gold = read_beads_file(root / "gold" / f"{name}.align")
        t0 = time.perf_counter()
        try:
            test = engine(zh, en) if engine else read_beads_file(root / "auto" / f"{name}.align")
        except TransdiffError as exc:
            print(f"{name}: transdiff error: {exc}", file=sys.stderr)
            return 1
        seconds = time.perf_counter() - t0
        problem = check_cover(test, n_zh, n_en)
        if problem:
            print(f"{name}: WARNING predicted alignment is not a cover: {problem}", file=sys.stderr)
        if args.save_dir:
            (args.save_dir / f"{name}.align").write_text(
                "".join(f"[{','.join(map(str, s))}]:[{','.join(map(str, t))}]\n" for s, t in test), encoding="utf-8")
        scores = score_alignments([gold], [test])
        print(_row(name, n_zh, n_en, scores, seconds), flush=True)
        golds.append(gold)
        tests.append(test)
        per_file.append({"file": name, "zh": n_zh, "en": n_en, "seconds": seconds, **scores})
    total_seconds = time.perf_counter() - t_all
    total = score_alignments(golds, tests)
    print(_row("total", sum(f["zh"] for f in per_file), sum(f["en"] for f in per_file), total, total_seconds))
    print("R<type>/n: strict recall of gold beads of that type / their number (1-n includes n-1; "
          "null = 1-0 and 0-1); nullP/n: precision of predicted null segments / their number.")
    if args.engine == "bertalign-saved" and len(names) == 6:
        ok = round(total["f1_strict"], 3) == BERTALIGN_MAC_DEV_STRICT_F1
        print(f"check: strict F1 {total['f1_strict']:.3f} vs published {BERTALIGN_MAC_DEV_STRICT_F1}: "
              f"{'OK' if ok else 'MISMATCH'}")
    if args.json:
        args.json.write_text(json.dumps({"engine": args.engine, "files": per_file,
                                         "total": {**total, "seconds": total_seconds}}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
