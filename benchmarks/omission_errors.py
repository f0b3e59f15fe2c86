"""Error analysis for the omission benchmark: the deletions transdiff misses and its strongest false findings.

    python benchmarks/omission_errors.py [--tier sentence|clause] [--seed 2] [--corpus WMT20-A] [--show 10]

Draws the same synthetic drops as benchmarks/omissions.py and prints, with the evidence of each finding
(docs/confidence.md), (1) deleted units that no finding at the threshold covers: the best candidate on
them, or none, and (2) the highest-confidence findings that cover no deleted or genuinely untranslated
text. Texts are read from ../shared at run time and only printed. Use a seed other than those the README
reports when the output guides a change.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from omission_data import DEFAULT_SHARED, DropCase, drop_cases, parallel_corpora  # noqa: E402
from omissions import DEFAULT_THRESHOLD, MIN_SHARE, covered_share, run_job, share_inside  # noqa: E402

EVIDENCE_SHOWN = ("coverage", "length", "support", "reach", "unpaired", "whole", "gap", "residue", "window",
                  "surplus", "within", "run", "linkable", "link_llr", "beside")


def findings_of(case: DropCase) -> list[dict]:
    """The gap findings of omissions.run_job (type, confidence, span, evidence, uncovered spans)."""
    return run_job({"key": case.name, "zh": case.zh_text, "en": case.en_text})["findings"]


def _describe(case: DropCase, finding: dict | None) -> str:
    if finding is None:
        return "    no candidate"
    evidence = " ".join(f"{k}={finding['evidence'][k]:.2f}" for k in EVIDENCE_SHOWN if k in finding["evidence"])
    start, end = finding["span"]
    words = " ".join(case.zh_text[a:b] for a, b in finding["uncovered"][:10])
    return (f"    {finding['type']} {finding['confidence']:.3f} [{evidence}]\n"
            f"    on: {case.zh_text[start:end][:120]}" + (f"\n    uncovered: {words}" if words else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tier", choices=("sentence", "clause"), default="sentence")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--corpus", default="WMT20-A", help="WMT20-A, WMT20-B, MAC-Dev, UN, UN-fit or UDHR")
    ap.add_argument("--show", type=int, default=10, help="examples of each kind")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args()
    corpora = parallel_corpora(args.shared)
    if args.corpus not in corpora:
        print(f"error: --corpus must be one of {', '.join(corpora)}", file=sys.stderr)
        return 2
    cases = drop_cases({args.corpus: corpora[args.corpus]}, args.tier, args.seed)
    print(f"{len(cases)} documents of {args.corpus}, {args.tier} drops, seed {args.seed}", file=sys.stderr)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(findings_of, cases, chunksize=1)
    misses, false = [], []
    for case, findings in zip(cases, results):
        shown = [f for f in findings if f["confidence"] >= DEFAULT_THRESHOLD]
        if args.tier == "clause":
            shown = [f for f in shown if f["type"] in ("partial", "omission")]
        for unit in case.dropped:
            # the benchmark's hit rules: a sentence is found when findings cover most of it, a cut clause
            # when a finding lies on its line
            found = (any(share_inside(case.zh_text, f["span"], unit) >= MIN_SHARE for f in shown)
                     if args.tier == "clause" else covered_share(case.zh_text, unit, [f["span"] for f in shown]) >= MIN_SHARE)
            if not found:
                on_unit = [f for f in findings if share_inside(case.zh_text, f["span"], unit) >= MIN_SHARE]
                best = max(on_unit, key=lambda f: f["confidence"], default=None)
                misses.append((case, unit, best))
        truth = [span for unit in case.dropped for span in unit] + case.genuine
        false += [(case, f) for f in shown if share_inside(case.zh_text, f["span"], truth) < MIN_SHARE]
    deleted = sum(len(c.dropped) for c in cases)
    print(f"== {len(misses)} of {deleted} deleted units missed at {DEFAULT_THRESHOLD}; "
          f"{sum(best is None for _, _, best in misses)} without any candidate ==")
    for case, unit, best in random.Random(args.seed).sample(misses, min(args.show, len(misses))):
        print(f"\n{case.name}: {case.zh_text[unit[0][0]:unit[-1][1]][:120]}")
        print(_describe(case, best))
    false.sort(key=lambda item: -item[1]["confidence"])
    print(f"\n== {len(false)} findings at {DEFAULT_THRESHOLD} on neither deleted nor genuine untranslated text; "
          f"the strongest ==")
    for case, finding in false[:args.show]:
        print(f"\n{case.name}:")
        print(_describe(case, finding))
    return 0


if __name__ == "__main__":
    sys.exit(main())
