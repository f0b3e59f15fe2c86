"""Gloss benchmark (issue 19): does the gloss of an omission tell a reader of no Chinese what was left out?

    python benchmarks/gloss.py [--shared ../shared] [--seed 1] [--limit N] [--examples 4] [--workers 2]

Whole English lines are deleted from line-aligned parallel text exactly as the omission benchmark's
sentence tier does (omission_data.sentence_drop). Each omission finding at confidence >= 0.5 whose
characters lie mostly on deleted text is scored: its gloss against the human translation of the
deleted lines it overlaps (sacrebleu corpus chrF and BLEU). The baseline column is the word-by-word
gloss the project used before sense choice in context (each content word's first senses joined, unknown words in brackets).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from omission_data import (DEFAULT_SHARED, ParallelDoc, line_documents, line_spans, sentence_drop,  # noqa: E402
                           un_lines, wmt_documents)
from omissions import MIN_SHARE, overlaps, run_all, share_inside  # noqa: E402

THRESHOLD = 0.5


def baseline_gloss(zh: str) -> str:
    """The word-by-word gloss as the project made it before: first senses, parts in brackets."""
    from transdiff.api import representer_for
    from transdiff.load import from_text
    from transdiff.segment import segment
    doc = from_text(zh, lang="zh")
    rep = representer_for(None)
    units = [u for f in rep.features(doc, segment(doc, "sentence")) for u in f.units]
    return " ".join(u.gloss if u.known else f"[{u.gloss}]" for u in units if u.gloss)


def run_job(job: dict) -> dict:
    """Compare one pair; keep the omission findings' spans and glosses (picklable)."""
    from transdiff import compare, from_text
    from transdiff.errors import TransdiffError
    out: dict = {"key": job["key"], "findings": [], "error": None}
    try:
        result = compare(from_text(job["zh"], path="zh", lang="zh"), from_text(job["en"], path="en", lang="en"),
                         min_confidence=THRESHOLD, check_related=False)
    except TransdiffError as exc:
        out["error"] = str(exc)
        return out
    for f in result.findings:
        if f.type == "omission" and f.source_span:
            out["findings"].append({"span": tuple(f.source_span), "gloss": f.gloss or "",
                                    "baseline": baseline_gloss(f.source_text or "")})
    return out


def cases_for(docs: list[ParallelDoc], seed: int) -> list[dict]:
    """Per document with deletions: the texts, and per deleted line its Chinese spans and English line."""
    out = []
    for doc in docs:
        case = sentence_drop(doc, seed)
        if case is None:
            continue
        spans = line_spans(doc.zh_lines)
        bead_of_zh = {zh: k for k, (zh_ids, _) in enumerate(doc.beads) for zh in zh_ids}
        dropped = []
        for unit in case.dropped:
            bead = doc.beads[bead_of_zh[spans.index(unit[0])]]
            dropped.append({"zh": unit, "en": doc.en_lines[bead[1][0]]})
        out.append({"key": f"{doc.corpus}:{doc.name}", "corpus": doc.corpus, "zh": case.zh_text,
                    "en": case.en_text, "dropped": dropped})
    return out


def scored_pairs(case: dict, res: dict) -> list[dict]:
    """(gloss, baseline, reference) for each omission finding that lies mostly on deleted text."""
    truth = [s for d in case["dropped"] for s in d["zh"]]
    pairs = []
    for f in res["findings"]:
        if share_inside(case["zh"], f["span"], truth) < MIN_SHARE:
            continue
        refs = [d["en"] for d in case["dropped"] if any(overlaps(f["span"], s) for s in d["zh"])]
        pairs.append({"gloss": f["gloss"], "baseline": f["baseline"], "ref": " ".join(refs),
                      "zh": case["zh"][f["span"][0]:f["span"][1]]})
    return pairs


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default ../shared)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the deletions (tune on one, report another)")
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N documents of each corpus")
    ap.add_argument("--examples", type=int, default=4, help="examples printed per corpus")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    if not (args.shared / "eval-data").is_dir():
        print(f"error: {args.shared} has no eval-data folder; point --shared at the shared data", file=sys.stderr)
        return 2
    import sacrebleu
    corpora = {"UN-dev": line_documents("UN-dev", *un_lines(args.shared)), "WMT20-A": wmt_documents(args.shared, "A"),
               "WMT20-B": wmt_documents(args.shared, "B")}
    end = None if args.limit is None else args.skip + args.limit
    cases = [c for docs in corpora.values() for c in cases_for(docs[args.skip:end], args.seed)]
    started = time.perf_counter()
    results = run_all(cases, args.workers, run_job)
    print(f"transdiff gloss benchmark: seed {args.seed}, documents {args.skip}..{end or 'end'} of each corpus, "
          f"omission findings at >= {THRESHOLD} on deleted lines")
    print(f"\n{'corpus':8} {'deleted':>7} {'scored':>6} {'no gloss':>8} {'chrF':>6} {'BLEU':>6} "
          f"{'base chrF':>9} {'base BLEU':>9}")
    examples: dict[str, list[dict]] = {}
    groups = {name: [name] for name in corpora}
    groups.update({"WMT20": ["WMT20-A", "WMT20-B"], "ALL": list(corpora)})
    for corpus, members in groups.items():
        cs = [c for c in cases if c["corpus"] in members]
        pairs = [p for c in cs for p in scored_pairs(c, results[c["key"]])]
        deleted = sum(len(c["dropped"]) for c in cs)
        if not pairs:
            print(f"{corpus:8} {deleted:7d} {0:6d}")
            continue
        refs = [[p["ref"] for p in pairs]]
        new, base = [p["gloss"] for p in pairs], [p["baseline"] for p in pairs]
        chrf, bleu = sacrebleu.corpus_chrf(new, refs).score, sacrebleu.corpus_bleu(new, refs).score
        chrf0, bleu0 = sacrebleu.corpus_chrf(base, refs).score, sacrebleu.corpus_bleu(base, refs).score
        print(f"{corpus:8} {deleted:7d} {len(pairs):6d} {sum(not p['gloss'] for p in pairs):8d} {chrf:6.1f} "
              f"{bleu:6.1f} {chrf0:9.1f} {bleu0:9.1f}")
        if corpus in corpora:
            examples[corpus] = random.Random(f"{args.seed}:{corpus}").sample(pairs, min(args.examples, len(pairs)))
    all_findings = [f for r in results.values() for f in r["findings"]]
    print(f"\nomission findings at >= {THRESHOLD}: {len(all_findings)}, without a gloss: "
          f"{sum(not f['gloss'] for f in all_findings)}")
    for corpus, shown in examples.items():
        print(f"\n-- examples, {corpus}")
        for p in shown:
            print(f"zh:       {_cut(p['zh'])}\nhuman:    {_cut(p['ref'])}\ngloss:    {_cut(p['gloss'])}\n"
                  f"baseline: {_cut(p['baseline'])}\n")
    print(f"{len(cases)} comparisons in {time.perf_counter() - started:.0f} s wall")
    return 0


def _cut(text: str, width: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError) as exc:  # missing or changed evaluation data: say which file, not a traceback
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
