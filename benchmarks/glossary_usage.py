"""How the UN's own documents use the glossary's UN names: each entry against ../shared/eval-data/un-v1-dev.

    PYTHONPATH=src python benchmarks/glossary_usage.py [--source UNTERM] [--show 5] [--shared ../shared]

For every glossary entry whose source column contains ``--source`` (by default the UN names credited to
UNTERM), the line pairs of the UN development set (4,000 sentence pairs of 2015 UN documents) whose Chinese
holds the entry's Chinese form are split into those whose English writes one of the entry's English forms
(the form is attested there) and those whose English writes none of them (to be read: another English form,
a free rendering, or a wrong entry). Entries the set never writes stay unchecked. Prints a summary table and,
for the entries found without any of their English forms, up to ``--show`` English lines each.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def english_form_in(form: str, line: str) -> bool:
    # an acronym matches as a word in its own case (WHO, not "who"); a name case-insensitively
    if form.isupper():
        return re.search(rf"(?<![A-Za-z]){re.escape(form)}(?![A-Za-z])", line) is not None
    return form.lower() in line.lower()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default="UNTERM", help="entries whose source column contains this text")
    ap.add_argument("--show", type=int, default=5, help="English lines shown per entry found without its forms")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    args = ap.parse_args(argv)
    folder = Path(args.shared) / "eval-data" / "un-v1-dev"
    if not (folder / "zh.txt").is_file():
        print(f"error: {folder} has no zh.txt/en.txt (pass --shared)", file=sys.stderr)
        return 2
    zh = (folder / "zh.txt").read_text(encoding="utf-8").split("\n")
    en = (folder / "en.txt").read_text(encoding="utf-8").split("\n")
    glossary = Path(__file__).resolve().parents[1] / "src" / "transdiff" / "data" / "glossary.tsv"
    entries = [line.rstrip("\n").split("\t") for line in glossary.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    entries = [e for e in entries if len(e) >= 3 and args.source in e[2]]
    attested, without, unseen = [], [], []
    for chinese, english, *_ in entries:
        forms = english.split("|")
        lines = [i for i, line in enumerate(zh) if chinese in line and i < len(en)]
        good = [i for i in lines if any(english_form_in(f, en[i]) for f in forms)]
        if not lines:
            unseen.append(chinese)
        elif good:
            attested.append((chinese, len(good), len(lines)))
        else:
            without.append((chinese, forms[0], lines))
    print(f"glossary entries with source containing {args.source!r}: {len(entries)}; "
          f"UN development set: {len(zh)} lines")
    print("| entries | count |\n|---|---|")
    print(f"| written in the set, with one of their English forms in the same line pair | {len(attested)} |")
    print(f"| written in the set, never with any of their English forms | {len(without)} |")
    print(f"| not written in the set (unchecked) | {len(unseen)} |")
    lines_all = sum(n for _, _, n in attested)
    lines_good = sum(g for _, g, _ in attested)
    print(f"\nline pairs of the attested entries with an English form: {lines_good} of {lines_all}")
    for chinese, first, lines in without:
        print(f"\n{chinese} ({first}): {len(lines)} line pairs without any English form")
        for i in lines[:args.show]:
            print(f"  {i + 1}: {en[i][:200]}")
    if unseen:
        print("\nunchecked: " + " ".join(unseen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
