"""cn2an against represent/numbers' own Chinese numeral parser (issue 16): on every Chinese numeral run the
checks benchmark reads (UN-dev and the WMT20 source), how often do the two agree, which does the reader
need, and how fast is each?

    PYTHONPATH=src python benchmarks/cn2an_compare.py [--shared ../shared]

cn2an (PyPI, MIT) is not a dependency of transdiff; this script needs it installed. A run is a maximal
string of 零〇一二两三四五六七八九十百千万亿 in the text; "wanted" is what the checks must read it as in
context, which both parsers are asked for the bare run.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checks import DEFAULT_SHARED, corpus_lines  # noqa: E402

from transdiff.represent.numbers import zh_int  # noqa: E402

MODE = "strict"
RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def main(argv=None) -> int:
    import cn2an

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--mode", choices=("strict", "normal", "smart"), default="strict", help="cn2an's mode")
    args = ap.parse_args(argv)
    global MODE
    MODE = args.mode
    runs: list[str] = []
    for corpus in ("UN-dev", "WMT20-A"):
        zh, _ = corpus_lines(args.shared, corpus)
        runs += [m.group() for line in zh for m in RUN.finditer(line)]
    distinct = sorted(set(runs))

    def cn2an_value(run: str):
        try:
            return int(cn2an.cn2an(run, MODE))
        except (ValueError, KeyError, TypeError, IndexError):
            return None

    t0 = time.perf_counter()
    ours = {r: zh_int(r) for r in runs}
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = {r: cn2an_value(r) for r in runs}
    t_theirs = time.perf_counter() - t0
    outcome = Counter()
    examples: dict[str, list[str]] = {}
    for r in distinct:
        a, b = ours[r], theirs[r]
        key = ("both read it, same value" if a == b and a is not None else "neither reads it" if a is None and b is None
               else "only ours" if b is None else "only cn2an" if a is None else "different values")
        outcome[key] += 1
        examples.setdefault(key, [])
        if len(examples[key]) < 8:
            examples[key].append(f"{r}={a}/{b}")
    print(f"{len(runs)} numeral runs ({len(distinct)} distinct) in UN-dev and the WMT20 source")
    print("| outcome (distinct runs) | count | examples (ours/cn2an) |\n|---|---|---|")
    for key, n in outcome.most_common():
        print(f"| {key} | {n} | {', '.join(examples[key])} |")
    print(f"time for all {len(runs)} runs: ours {t_ours * 1000:.0f} ms, cn2an {t_theirs * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
