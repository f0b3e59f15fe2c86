"""Fit the confidence calibration (Platt scaling per finding type) from omission benchmark output.

    python benchmarks/omissions.py --tier all --seed 2 --json /tmp/cal.json
    python benchmarks/calibrate.py /tmp/cal.json --write

Fits on the synthetic sentence- and clause-drop tiers of WMT20 and MAC-Dev only: the UDHR pair is what
the tests use, and seed 1 is what the README reports, so neither is fitted on. Prints a reliability table
before and after; ``--write`` stores the parameters in src/transdiff/data/calibration.json.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/transdiff/data/calibration.json"
FIT_CORPORA = ("WMT20-A", "WMT20-B", "MAC-Dev")


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _log_loss(xs: list[float], ys: list[int], a: float, b: float) -> float:
    total = 0.0
    for x, y in zip(xs, ys):
        z = a * x + b
        # log(1 + exp(-z)) for y=1, log(1 + exp(z)) for y=0, computed without overflow
        t = -z if y else z
        total += t + math.log1p(math.exp(-t)) if t > 0 else math.log1p(math.exp(t))
    return total


def fit_platt(pairs: list[tuple[float, int]]) -> tuple[float, float]:
    """Maximum-likelihood a, b of P(correct) = sigmoid(a * logit(raw) + b), by a coarse-to-fine grid
    search (robust where Newton's method diverges on separable data)."""
    xs = [logit(c) for c, _ in pairs]
    ys = [y for _, y in pairs]
    best = (math.inf, 1.0, 0.0)
    step_a, step_b = 0.5, 1.0
    centre_a, centre_b = 1.0, 0.0
    for _ in range(6):
        for ia in range(-6, 7):
            a = centre_a + ia * step_a
            if a <= 0.02:
                continue
            for ib in range(-6, 7):
                b = centre_b + ib * step_b
                loss = _log_loss(xs, ys, a, b)
                if loss < best[0]:
                    best = (loss, a, b)
        _, centre_a, centre_b = best
        step_a /= 3
        step_b /= 3
    return best[1], best[2]


def reliability(pairs: list[tuple[float, int]], transform=lambda c: c) -> str:
    rows = ["  bin        n  precision"]
    for lo in (0.5, 0.6, 0.7, 0.8, 0.9):
        hi = lo + 0.1
        sel = [y for c, y in pairs if lo <= transform(c) < hi or (hi >= 1.0 and transform(c) >= lo)]
        prec = f"{sum(sel) / len(sel):.3f}" if sel else "  -  "
        rows.append(f"  {lo:.1f}-{min(hi, 1.0):.1f} {len(sel):5d}  {prec}")
    at08 = [y for c, y in pairs if transform(c) >= 0.8]
    rows.append(f"  >=0.8   {len(at08):5d}  {sum(at08) / len(at08):.3f}" if at08 else "  >=0.8       0    -")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", type=Path, help="the --json output of benchmarks/omissions.py")
    ap.add_argument("--write", action="store_true", help="store the fitted parameters in the package")
    args = ap.parse_args()
    data = json.loads(args.raw.read_text(encoding="utf-8"))
    by_type: dict[str, list[tuple[float, int]]] = {"omission": [], "partial": []}
    for conf, correct, corpus, ftype in data["sentence"]["pairs"]:
        if corpus in FIT_CORPORA and ftype in by_type:
            by_type[ftype].append((conf, int(correct)))
    for conf, correct_lenient, _strict, corpus in data["clause"]["pairs"]:
        if corpus in FIT_CORPORA:
            by_type["partial"].append((conf, int(correct_lenient)))
    params = {}
    for ftype, pairs in by_type.items():
        # findings far below any threshold carry no information about the range that matters
        pairs = [(c, y) for c, y in pairs if c >= 0.05]
        if len(pairs) < 30:
            print(f"{ftype}: only {len(pairs)} findings, not fitted", file=sys.stderr)
            continue
        a, b = fit_platt(pairs)
        params[ftype] = {"a": round(a, 4), "b": round(b, 4), "n": len(pairs)}
        print(f"== {ftype}: a={a:.3f} b={b:.3f} (n={len(pairs)})")
        print("raw:\n" + reliability(pairs))
        print("calibrated:\n" + reliability(pairs, lambda c, a=a, b=b: 1 / (1 + math.exp(-(a * logit(c) + b)))))
    if args.write:
        OUT.write_text(json.dumps({
            "method": "Platt scaling per finding type: confidence = sigmoid(a * logit(raw) + b)",
            "fitted_on": f"benchmarks/omissions.py --seed 2 sentence and clause tiers, corpora {', '.join(FIT_CORPORA)}",
            "types": params,
        }, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
