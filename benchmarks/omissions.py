"""Omission benchmark (issue 3): how well does ``transdiff.compare`` find material missing from the English?

    python benchmarks/omissions.py [--tier sentence|clause|mqm|all] [--shared ../shared] [--limit N]
                                   [--seed 1[,3,...]] [--json OUT] [--workers 2]

Tiers (definitions in the printed headers and in docs of each function):
* sentence: whole English lines of gold 1-1 / n-1 beads deleted from real parallel text;
* clause: one comma/semicolon clause cut out of English lines; the pair must get a ``partial`` finding;
* mqm: WMT23 zh-en items whose omission >= 2 of 3 expert raters marked, against items with no error.
Tables go to stdout, progress to stderr; ``--json`` writes the raw (confidence, correct) pairs.
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import statistics
import sys
import time
from itertools import groupby
from pathlib import Path
from typing import Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from omission_data import (DEFAULT_SHARED, MIN_HAN, DropCase, MqmItem, Span, drop_cases, limit_items,  # noqa: E402
                           line_spans, mqm_items, mqm_rows, parallel_corpora)

DEFAULT_THRESHOLD = 0.5
SWEEP = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
TARGET_PRECISION = 0.8            # the precision a reader wants: how much recall is there at it?
MIN_SHARE = 0.5                   # "most of": share of characters for found / correct
GAP_TYPES = ("omission", "partial")
SPAN_BUCKETS = ((1, 2, "1-2"), (3, 5, "3-5"), (6, 10 ** 9, "6+"))
COUNTERPART_BUCKETS = ((0, 0, "0"), (1, 1, "1"), (2, 3, "2-3"), (4, 10 ** 9, "4+"))


# -- scoring primitives (tested in tests/test_omission_bench.py) --------------------------------

def content_positions(text: str, spans: Sequence[Span]) -> set[int]:
    """Offsets of letters, digits and Han characters inside ``spans``: punctuation and spaces do not count."""
    return {i for s, e in spans for i in range(max(s, 0), min(e, len(text))) if text[i].isalnum()}


def covered_share(text: str, truth: Sequence[Span], cover: Sequence[Span]) -> float:
    """Share of the truth's content characters that lie inside any ``cover`` span (0 if truth is empty)."""
    wanted = content_positions(text, truth)
    return len(wanted & content_positions(text, cover)) / len(wanted) if wanted else 0.0


def share_inside(text: str, span: Span, truth: Sequence[Span]) -> float:
    """Share of ``span``'s content characters that lie inside the truth spans."""
    own = content_positions(text, [span])
    return len(own & content_positions(text, truth)) / len(own) if own else 0.0


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def any_overlap(spans: Sequence[Span], others: Sequence[Span]) -> bool:
    return any(overlaps(a, b) for a in spans for b in others)


def prf(found: int, relevant: int, correct: int, predicted: int) -> tuple[float, float, float]:
    """(recall, precision, F1); NaN where the denominator is zero."""
    recall = found / relevant if relevant else math.nan
    precision = correct / predicted if predicted else math.nan
    f1 = 2 * recall * precision / (recall + precision) if recall + precision > 0 else math.nan
    return recall, precision, f1


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the precision-recall step curve; tied scores enter together (one threshold)."""
    positives = sum(labels)
    if not positives:
        return math.nan
    ranked = sorted(zip(scores, labels), key=lambda p: -p[0])
    tp = fp = 0
    ap = prev_recall = 0.0
    for _, group in groupby(ranked, key=lambda p: p[0]):
        for _, label in group:
            tp += label
            fp += 1 - label
        recall = tp / positives
        ap += (recall - prev_recall) * tp / (tp + fp)
        prev_recall = recall
    return ap


def best_recall_at_precision(found_at: Sequence[float], predictions: Sequence[tuple[float, int]],
                             min_precision: float = 0.8) -> tuple[float, float, float]:
    """The best recall over all thresholds whose precision is >= ``min_precision``: (recall, precision,
    threshold); NaN when no threshold reaches it. ``found_at``: per truth unit, the highest threshold at
    which it counts as found (-inf if never); ``predictions``: (confidence, correct) per finding."""
    if not found_at:
        return math.nan, math.nan, math.nan
    best = (math.nan, math.nan, math.nan)
    for thr in sorted({c for c, _ in predictions}, reverse=True):
        kept = [ok for c, ok in predictions if c >= thr]
        precision = sum(kept) / len(kept)
        recall = sum(1 for t in found_at if t >= thr) / len(found_at)
        if precision >= min_precision and not recall <= best[0]:
            best = (recall, precision, thr)
    return best


def calibration(pairs: Sequence[tuple[float, int]], width: float = 0.1) -> list[tuple[float, float, int, int]]:
    """(low, high, n, correct) per confidence bin [low, high); the last bin includes 1.0."""
    bins = int(round(1 / width))
    counts = [[0, 0] for _ in range(bins)]
    for conf, ok in pairs:
        k = min(int(conf / width + 1e-9), bins - 1)
        counts[k][0] += 1
        counts[k][1] += int(ok)
    return [(round(k * width, 2), round((k + 1) * width, 2), n, c) for k, (n, c) in enumerate(counts)]


def length_ratio_scores(sources: Sequence[str], targets: Sequence[str]) -> list[float]:
    """Baseline: 1 - len(MT) / expected length, expected = median en/zh character ratio times len(zh)."""
    def size(s: str) -> int:
        return sum(1 for ch in s if not ch.isspace())
    ratio = statistics.median(size(t) / max(size(s), 1) for s, t in zip(sources, targets))
    return [1 - size(t) / max(ratio * size(s), 1e-9) for s, t in zip(sources, targets)]


def span_bucket(text: str, rater_marked: Sequence[Sequence[Span]]) -> str:
    """Length class of an item's omission: the median (lower) of the raters' marked content characters."""
    n = statistics.median_low(len(content_positions(text, spans)) for spans in rater_marked)
    return next((name for low, high, name in SPAN_BUCKETS if low <= n <= high), "punct")


# -- running compare (in worker processes) ------------------------------------------------------

def _whole(doc):
    from transdiff.types import Segment
    return Segment(0, "sentence", 0, len(doc.norm), 0, len(doc.text), doc.norm)


def clause_counterpart(zh: str, clause: str, rest: str) -> list[Span]:
    """Chinese words whose dictionary keys meet the cut clause's words but none of the rest of the sentence."""
    from transdiff.api import representer_for
    from transdiff.load import from_text
    rep = representer_for(None)
    zdoc = from_text(zh, lang="zh")
    clause_keys = rep.features(cdoc := from_text(clause, lang="en"), [_whole(cdoc)])[0].keyset
    rest_keys = rep.features(rdoc := from_text(rest, lang="en"), [_whole(rdoc)])[0].keyset
    units = rep.features(zdoc, [_whole(zdoc)])[0].units
    return [zdoc.text_span(u.nstart, u.nend) for u in units
            if not u.keys.isdisjoint(clause_keys) and u.keys.isdisjoint(rest_keys)]


def check_findings(zh: str, en: str) -> list[dict]:
    """``transdiff check`` of the documents as a TMX of line pairs (each line one unit), its gap findings
    mapped back onto the Chinese document's offsets."""
    from types import SimpleNamespace

    from transdiff.bilingual import BilingualFile, TranslationUnit
    from transdiff.bilingual.check import check_bilingual
    from transdiff.compare.confidence import calibration_kind
    zh_lines, en_lines = zh.rstrip("\n").split("\n"), en.rstrip("\n").split("\n")
    if len(zh_lines) != len(en_lines):
        raise ValueError("check mode needs line-aligned documents (the clause tier of WMT20 and UN)")
    units = [TranslationUnit(str(n), z, e) for n, (z, e) in enumerate(zip(zh_lines, en_lines))]
    report = check_bilingual(BilingualFile(None, "tmx-1.4", "zh-CN", "en", units), checks="omission",
                             min_confidence=0.0)
    starts = [s for s, _ in line_spans(zh_lines)]
    out = []
    for f in report.findings:
        span = f.detail.get("source_span")
        if f.type not in GAP_TYPES or span is None:
            continue
        shift = starts[int(f.unit)]
        out.append({"type": f.type, "confidence": f.confidence, "span": (span[0] + shift, span[1] + shift),
                    "uncovered": [(a + shift, b + shift) for a, b in (u["span"] for u in f.detail.get("uncovered", []))],
                    "kind": calibration_kind(SimpleNamespace(detail=f.detail)), "evidence": f.detail.get("evidence", {})})
    return out


def run_job(job: dict) -> dict:
    """Compare one pair; keep only what scoring needs (picklable, no text)."""
    from transdiff import compare, from_text
    from transdiff.compare.confidence import calibration_kind
    from transdiff.errors import TransdiffError
    started = time.perf_counter()
    out: dict = {"key": job["key"], "findings": [], "error": None}
    if not job["en"].strip():
        out["error"] = "empty target"
    elif job.get("mode") == "check":
        try:
            out["findings"] = check_findings(job["zh"], job["en"])
        except TransdiffError as exc:
            out["error"] = str(exc)
    else:
        try:
            result = compare(from_text(job["zh"], path="zh", lang="zh"), from_text(job["en"], path="en", lang="en"),
                             min_confidence=0.0, check_related=False)
            if result.source.text != job["zh"]:
                raise RuntimeError("compare did not keep the Chinese text as given: spans would not line up")
            out["findings"] = [{"type": f.type, "confidence": f.confidence, "span": tuple(f.source_span),
                                "uncovered": [tuple(u["span"]) for u in f.detail.get("uncovered", [])],
                                "kind": calibration_kind(f), "evidence": f.detail.get("evidence", {})}
                               for f in result.findings if f.type in GAP_TYPES and f.source_span]
        except TransdiffError as exc:
            out["error"] = str(exc)
    out["counterparts"] = [[(s + cj["offset"], e + cj["offset"]) for s, e in
                            clause_counterpart(cj["zh"], cj["clause"], cj["rest"])]
                           for cj in job.get("clause_jobs", [])]
    out["seconds"] = time.perf_counter() - started
    return out


def run_all(jobs: list[dict], workers: int, job=run_job) -> dict[str, dict]:
    """``job`` (a module-level function, for the worker processes) on every job, by key."""
    results: dict[str, dict] = {}
    started = time.perf_counter()
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(workers) as pool:
        for n, res in enumerate(pool.imap_unordered(job, jobs, chunksize=1), 1):
            results[res["key"]] = res
            if res["error"]:
                print(f"  {res['key']}: {res['error']}", file=sys.stderr)
            if n % 10 == 0 or n == len(jobs):
                print(f"[{n}/{len(jobs)} comparisons, {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    return results


# -- tiers ---------------------------------------------------------------------------------------

def _fmt(x: float) -> str:
    return "  -  " if math.isnan(x) else f"{x:.3f}"


def score_sentence_case(case: DropCase, findings: list[dict], threshold: float) -> tuple[int, int, int]:
    """(deleted units found, correct findings, findings) at ``threshold``."""
    preds = [f for f in findings if f["confidence"] >= threshold]
    cover = [f["span"] for f in preds]
    found = sum(covered_share(case.zh_text, unit, cover) >= MIN_SHARE for unit in case.dropped)
    truth = [s for unit in case.dropped for s in unit] + case.genuine
    correct = sum(share_inside(case.zh_text, f["span"], truth) >= MIN_SHARE for f in preds)
    return found, correct, len(preds)


def sentence_found_at(case: DropCase, unit: list[Span], findings: list[dict]) -> float:
    """The highest threshold at which the findings cover >= MIN_SHARE of a deleted unit (-inf: never)."""
    cover: list[Span] = []
    for f in sorted(findings, key=lambda f: -f["confidence"]):
        cover.append(f["span"])
        if covered_share(case.zh_text, unit, cover) >= MIN_SHARE:
            return f["confidence"]
    return -math.inf


def _print_best(corpus: str, best: tuple[float, float, float]) -> None:
    recall, precision, thr = best
    print(f"{corpus:9} {_fmt(recall):>7} {_fmt(precision):>9} {_fmt(thr):>9}")


def sentence_tier(cases: list[DropCase], results: dict[str, dict]) -> dict:
    print("\n== Tier 1: synthetic sentence drops ==")
    print(f"Deleted: whole English lines of gold 1-1/n-1 beads, 1-5 per document; beads whose Chinese side has "
          f"< {MIN_HAN} Han characters are skipped.\nFound = omission/partial findings cover >= 50% of the deleted "
          f"unit's Chinese characters. Correct = >= 50% of a finding's characters lie on deleted text or on genuinely "
          f"untranslated text (MAC gold 1-0 beads, UDHR zh lines 2-3).")
    corpora = list(dict.fromkeys(c.corpus for c in cases))
    print(f"\n{'corpus':9} {'docs':>5} {'deleted':>8} {'skipped<6':>9} {'genuine':>8} {'genuine found@0.5':>18}")
    for corpus in corpora:
        cs = [c for c in cases if c.corpus == corpus]
        gen = sum(len(c.genuine) for c in cs)
        gen_found = sum(covered_share(c.zh_text, [g], [f["span"] for f in results[_key("sentence", c)]["findings"]
                                                        if f["confidence"] >= DEFAULT_THRESHOLD]) >= MIN_SHARE
                        for c in cs for g in c.genuine)
        print(f"{corpus:9} {len(cs):5d} {sum(len(c.dropped) for c in cs):8d} {sum(c.skipped_short for c in cs):9d} "
              f"{gen:8d} {gen_found:18d}")
    print(f"\n{'corpus':9} {'thr':>5} {'findings':>8} {'correct':>7} {'found':>9} {'recall':>7} {'precision':>9} {'F1':>6}")
    for corpus in corpora + ["ALL"]:
        cs = [c for c in cases if corpus in ("ALL", c.corpus)]
        for thr in SWEEP:
            tot = [0, 0, 0]
            for c in cs:
                for k, v in enumerate(score_sentence_case(c, results[_key("sentence", c)]["findings"], thr)):
                    tot[k] += v
            n_del = sum(len(c.dropped) for c in cs)
            r, p, f1 = prf(tot[0], n_del, tot[1], tot[2])
            mark = "*" if thr == DEFAULT_THRESHOLD else " "
            print(f"{corpus:9} {thr:4.1f}{mark} {tot[2]:8d} {tot[1]:7d} {tot[0]:4d}/{n_del:<4d} {_fmt(r):>7} "
                  f"{_fmt(p):>9} {_fmt(f1):>6}")
    print(f"\nBest recall at precision >= {TARGET_PRECISION} over all thresholds (found / correct as above):")
    print(f"{'corpus':9} {'recall':>7} {'precision':>9} {'threshold':>9}")
    for corpus in corpora + ["ALL"]:
        cs = [c for c in cases if corpus in ("ALL", c.corpus)]
        found_at, predictions = [], []
        for c in cs:
            findings = results[_key("sentence", c)]["findings"]
            found_at += [sentence_found_at(c, unit, findings) for unit in c.dropped]
            truth = [s for unit in c.dropped for s in unit] + c.genuine
            predictions += [(f["confidence"], int(share_inside(c.zh_text, f["span"], truth) >= MIN_SHARE))
                            for f in findings]
        _print_best(corpus, best_recall_at_precision(found_at, predictions, TARGET_PRECISION))
    pairs = []
    for c in cases:
        truth = [s for unit in c.dropped for s in unit] + c.genuine
        for f in results[_key("sentence", c)]["findings"]:
            pairs.append((f["confidence"], int(share_inside(c.zh_text, f["span"], truth) >= MIN_SHARE), c.corpus,
                          f["type"], f["kind"], f["evidence"]))
    _print_calibration("sentence tier: omission/partial findings, share correct", [(p[0], p[1]) for p in pairs])
    return {"pairs": pairs, "fields": ["confidence", "correct", "corpus", "type", "kind", "evidence"]}


def clause_hits(case: DropCase, res: dict, threshold: float) -> dict:
    """Per cut: lenient hit (a partial or omission finding on the pair) and strict hit (its uncovered words
    meet the counterpart); per such finding: lenient and strict correctness."""
    partials = [f for f in res["findings"] if f["type"] in GAP_TYPES and f["confidence"] >= threshold]
    text, counterparts = case.zh_text, res["counterparts"]
    on_pair = [[share_inside(text, f["span"], unit) >= MIN_SHARE for unit in case.dropped] for f in partials]
    lenient = [any(row[u] for row in on_pair) for u in range(len(case.dropped))]
    strict = [any(any_overlap(f["uncovered"], cp) for f in partials) for cp in counterparts]
    ok_lenient = [any(row) or share_inside(text, f["span"], case.genuine) >= MIN_SHARE
                  for row, f in zip(on_pair, partials)]
    ok_strict = [any(any_overlap(f["uncovered"], cp) for cp in counterparts) for f in partials]
    return {"lenient": lenient, "strict": strict, "scorable": [bool(cp) for cp in counterparts],
            "ok_lenient": ok_lenient, "ok_strict": ok_strict}


def clause_tier(cases: list[DropCase], results: dict[str, dict]) -> dict:
    print("\n== Tier 2: synthetic clause drops ==")
    print("One comma/semicolon clause (>= 4 words, not the whole line, never across a sentence end) cut from "
          "1-5 English lines per document.\nLenient hit: a partial (or omission) finding with >= 50% of its characters on the cut "
          "pair's Chinese (an omission: the aligner paired what is left of the line elsewhere). Strict hit: a finding's uncovered words overlap the clause's counterpart = the "
          "Chinese words whose dictionary keys meet the cut clause but not the rest of the English line (cuts with "
          "an empty counterpart are left out of strict recall).\nPrecision: those findings on cut pairs (lenient; "
          "genuine untranslated text also counts) or touching a counterpart (strict) / all of them.")
    corpora = list(dict.fromkeys(c.corpus for c in cases))
    print(f"\n{'corpus':9} {'thr':>5} {'cuts':>5} {'strict-n':>8} {'rec-len':>7} {'rec-str':>7} {'partials':>8} "
          f"{'prec-len':>8} {'prec-str':>8} {'F1-len':>6}")
    for corpus in corpora + ["ALL"]:
        cs = [c for c in cases if corpus in ("ALL", c.corpus)]
        for thr in SWEEP:
            hits = [clause_hits(c, results[_key("clause", c)], thr) for c in cs]
            cuts = sum(len(h["lenient"]) for h in hits)
            scorable = sum(sum(h["scorable"]) for h in hits)
            found_l = sum(sum(h["lenient"]) for h in hits)
            found_s = sum(sum(s for s, ok in zip(h["strict"], h["scorable"]) if ok) for h in hits)
            preds = sum(len(h["ok_lenient"]) for h in hits)
            r_l, p_l, f_l = prf(found_l, cuts, sum(sum(h["ok_lenient"]) for h in hits), preds)
            r_s, p_s, _ = prf(found_s, scorable, sum(sum(h["ok_strict"]) for h in hits), preds)
            mark = "*" if thr == DEFAULT_THRESHOLD else " "
            print(f"{corpus:9} {thr:4.1f}{mark} {cuts:5d} {scorable:8d} {_fmt(r_l):>7} {_fmt(r_s):>7} {preds:8d} "
                  f"{_fmt(p_l):>8} {_fmt(p_s):>8} {_fmt(f_l):>6}")
    print(f"\nBest lenient recall at lenient precision >= {TARGET_PRECISION} over all thresholds:")
    print(f"{'corpus':9} {'recall':>7} {'precision':>9} {'threshold':>9}")
    for corpus in corpora + ["ALL"]:
        found_at, predictions = [], []
        for c in (c for c in cases if corpus in ("ALL", c.corpus)):
            res = results[_key("clause", c)]
            partials = [f for f in res["findings"] if f["type"] in GAP_TYPES]
            h = clause_hits(c, res, -math.inf)
            found_at += [max((f["confidence"] for f in partials
                              if share_inside(c.zh_text, f["span"], unit) >= MIN_SHARE), default=-math.inf)
                         for unit in c.dropped]
            predictions += [(f["confidence"], int(ok)) for f, ok in zip(partials, h["ok_lenient"])]
        _print_best(corpus, best_recall_at_precision(found_at, predictions, TARGET_PRECISION))
    print("\nLenient recall at the default threshold by the cut clause's counterpart (the Chinese words whose keys "
          "meet the cut clause but not the rest of the line;\nfew means the dictionary can barely tell which Chinese "
          "words the cut English rendered):")
    print(f"{'corpus':9} " + " ".join(f"{name + ' words':>16}" for _, _, name in COUNTERPART_BUCKETS))
    for corpus in corpora + ["ALL"]:
        cells = []
        for low, high, _ in COUNTERPART_BUCKETS:
            found = total = 0
            for c in (c for c in cases if corpus in ("ALL", c.corpus)):
                res = results[_key("clause", c)]
                hit = clause_hits(c, res, DEFAULT_THRESHOLD)["lenient"]
                for ok, cp in zip(hit, res["counterparts"]):
                    if low <= len(cp) <= high:
                        found, total = found + ok, total + 1
            cells.append(f"{_fmt(found / total if total else math.nan)} of {total:4d}".rjust(16))
        print(f"{corpus:9} " + " ".join(cells))
    pairs = []
    for c in cases:
        h = clause_hits(c, results[_key("clause", c)], 0.0)
        partials = [f for f in results[_key("clause", c)]["findings"] if f["type"] in GAP_TYPES]
        pairs += [(f["confidence"], int(ok_l), int(ok_s), c.corpus, f["kind"], f["evidence"], _key("clause", c),
                   [u for u, unit in enumerate(c.dropped) if share_inside(c.zh_text, f["span"], unit) >= MIN_SHARE])
                  for f, ok_l, ok_s in zip(partials, h["ok_lenient"], h["ok_strict"])]
    _print_calibration("clause tier: partial and omission findings, share on a cut pair (lenient)", [(p[0], p[1]) for p in pairs])
    return {"pairs": pairs, "cuts": {_key("clause", c): [c.corpus, len(c.dropped)] for c in cases},
            "counterpart_words": {_key("clause", c): [len(cp) for cp in results[_key("clause", c)]["counterparts"]]
                                  for c in cases},
            "fields": ["confidence", "correct_lenient", "correct_strict", "corpus", "kind", "evidence", "case",
                       "cuts_hit"]}


def mqm_tier(items: list[MqmItem], results: dict[str, dict], stats: dict) -> dict:
    print("\n== Tier 3: real omissions, WMT23 zh-en side-by-side MQM ==")
    print(f"Positive: omission marked by >= 2 of 3 raters ({stats.get('positives', 0)}); negative: no error from any "
          f"rater ({stats.get('negatives', 0)}); {stats.get('hotw_items_dropped', 0)} attention-check items dropped "
          f"(text altered; {stats.get('hotw_positives_dropped', 0)} of them positive).\nItem score = highest confidence "
          f"of omission/partial findings (0 if none; 1 if the MT is empty). Evaluated here: {len(items)} items.\n"
          f"Span hit = a finding at >= 0.5 has an uncovered word (partial) or span (omission) overlapping a rater's "
          f"marked span. Span length: the lower median of the raters' marked letters/Han characters (punct = only\n"
          f"punctuation marked). Baseline: 1 - len(MT)/(median en/zh length ratio x len(zh)).")
    scores, labels, hits, buckets = [], [], [], []
    for item in items:
        res = results[_key("mqm", item)]
        preds = [f for f in res["findings"] if f["confidence"] >= DEFAULT_THRESHOLD]
        empty = res["error"] == "empty target"
        scores.append(1.0 if empty else max((f["confidence"] for f in res["findings"]), default=0.0))
        labels.append(item.label)
        spans = [s for f in preds for s in (f["uncovered"] if f["type"] == "partial" else [f["span"]])]
        hits.append(any_overlap(spans, item.marked))
        buckets.append(span_bucket(item.source, item.rater_marked) if item.label else "")
    baseline = length_ratio_scores([i.source for i in items], [i.target for i in items])

    def summary(name: str, keep: list[bool]) -> None:
        s = [x for x, k in zip(scores, keep) if k]
        y = [x for x, k in zip(labels, keep) if k]
        b = [x for x, k in zip(baseline, keep) if k]
        h = [x for x, k in zip(hits, keep) if k]
        tp = sum(1 for x, lab in zip(s, y) if lab and x >= DEFAULT_THRESHOLD)
        pred = sum(1 for x in s if x >= DEFAULT_THRESHOLD)
        r, p, f1 = prf(tp, sum(y), tp, pred)
        hit_rate = sum(hh for hh, lab in zip(h, y) if lab) / sum(y) if sum(y) else math.nan
        print(f"{name:10} {sum(y):5d} {len(y) - sum(y):5d} {_fmt(p):>7} {_fmt(r):>7} {_fmt(f1):>7} "
              f"{_fmt(average_precision(s, y)):>8} {_fmt(hit_rate):>8} {_fmt(average_precision(b, y)):>9} "
              f"{_fmt(sum(y) / len(y) if y else math.nan):>8}")

    print(f"\n{'span len':10} {'pos':>5} {'neg':>5} {'P@0.5':>7} {'R@0.5':>7} {'F1@0.5':>7} {'AP':>8} {'span-hit':>8} "
          f"{'AP-ratio':>9} {'AP-rand':>8}")
    summary("all", [True] * len(items))
    for _, _, name in SPAN_BUCKETS + ((0, 0, "punct"),):
        keep = [lab == 0 or bk == name for lab, bk in zip(labels, buckets)]
        if any(bk == name for bk in buckets):
            summary(name, keep)
    print("(per span length: that bucket's positives against all negatives; AP-rand = positive share = the AP of "
          "a random ranking)")
    _print_calibration("mqm tier: item scores, share of positive items", list(zip(scores, labels)))
    # each item's omission/partial findings with their evidence, so that a calibration can be scored on them
    findings = [[(f["confidence"], f["kind"], f["evidence"]) for f in results[_key("mqm", item)]["findings"]
                 if f["type"] in ("omission", "partial")] for item in items]
    return {"engine": list(zip(scores, labels, buckets)), "baseline": list(zip(baseline, labels)),
            "fields": ["score", "label", "span_bucket"],
            "findings": findings, "empty": [results[_key("mqm", i)]["error"] == "empty target" for i in items]}


def _print_calibration(title: str, pairs: list[tuple[float, int]]) -> None:
    print(f"\nCalibration ({title}):\n{'confidence':>11} {'n':>6} {'correct':>7} {'precision':>9}")
    for low, high, n, c in calibration(pairs):
        print(f"{low:4.1f}-{high:<4.1f}  {n:6d} {c:7d} {_fmt(c / n if n else math.nan):>9}")


def _key(tier: str, thing) -> str:
    if isinstance(thing, MqmItem):
        return f"mqm:{thing.system}:{thing.segment}"
    return f"{tier}:{thing.corpus}:{thing.name}"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tier", choices=("sentence", "clause", "mqm", "all"), default="all")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default ../shared)")
    ap.add_argument("--limit", type=int, default=None,
                    help="at most N documents per corpus (sentence/clause tiers) and N items per class (mqm)")
    ap.add_argument("--seed", default="1",
                    help="seed of the synthetic drops; several (e.g. 1,3,4) pool their documents into one, steadier "
                         "count (each seed's draw is independent)")
    ap.add_argument("--corpus", default=None,
                    help="only these corpora of the sentence/clause tiers, e.g. UN,WMT20-A (default: all)")
    ap.add_argument("--mode", choices=("compare", "check"), default="compare",
                    help="check: the clause tier through `transdiff check`, each line pair one TMX unit "
                         "(line-aligned corpora only: WMT20, UN)")
    ap.add_argument("--json", type=Path, default=None, help="write raw (confidence, correct) pairs per tier here")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    try:
        seeds = [int(item) for item in args.seed.split(",")]
    except ValueError:
        print(f"error: --seed takes integers separated by commas, not {args.seed!r}", file=sys.stderr)
        return 2
    tiers = ("sentence", "clause", "mqm") if args.tier == "all" else (args.tier,)
    if args.mode == "check" and tiers != ("clause",):
        print("error: --mode check runs the clause tier only (--tier clause)", file=sys.stderr)
        return 2
    if not (args.shared / "eval-data").is_dir():
        print(f"error: {args.shared} has no eval-data folder; point --shared at the shared data", file=sys.stderr)
        return 2
    started = time.perf_counter()
    jobs: list[dict] = []
    cases: dict[str, list[DropCase]] = {}
    if {"sentence", "clause"} & set(tiers):
        corpora = parallel_corpora(args.shared, args.limit)
        if args.corpus:
            wanted = args.corpus.split(",")
            unknown = [name for name in wanted if name not in corpora]
            if unknown:
                print(f"error: --corpus takes {', '.join(corpora)}, not {', '.join(unknown)}", file=sys.stderr)
                return 2
            corpora = {name: docs for name, docs in corpora.items() if name in wanted}
        if args.mode == "check":  # a TMX of line pairs needs line-aligned documents
            corpora = {name: docs for name, docs in corpora.items()
                       if all(b == ((i,), (i,)) for d in docs for i, b in enumerate(d.beads))}
        for tier in ("sentence", "clause"):
            if tier in tiers:
                cases[tier] = []
                for seed in seeds:
                    drawn = drop_cases(corpora, tier, seed)
                    if len(seeds) > 1:
                        for case in drawn:
                            case.name = f"{case.name}@{seed}"
                    cases[tier] += drawn
                jobs += [{"key": _key(tier, c), "zh": c.zh_text, "en": c.en_text, "clause_jobs": c.clause_jobs,
                          "mode": args.mode} for c in cases[tier]]
    items: list[MqmItem] = []
    stats: dict = {}
    if "mqm" in tiers:
        items, stats = mqm_items(mqm_rows(args.shared))
        items = limit_items(items, args.limit, seeds[0])
        jobs += [{"key": _key("mqm", i), "zh": i.source, "en": i.target} for i in items]
    print(f"{len(jobs)} comparisons, {args.workers} workers", file=sys.stderr)
    results = run_all(jobs, args.workers)
    print(f"transdiff omission benchmark: seed {args.seed}, limit {args.limit}, default threshold {DEFAULT_THRESHOLD}, "
          f"mode {args.mode}")
    out: dict = {"seed": args.seed, "limit": args.limit}
    if "sentence" in tiers:
        out["sentence"] = sentence_tier(cases["sentence"], results)
    if "clause" in tiers:
        out["clause"] = clause_tier(cases["clause"], results)
    if "mqm" in tiers:
        out["mqm"] = mqm_tier(items, results, stats)
    elapsed = time.perf_counter() - started
    compare_seconds = sum(r["seconds"] for r in results.values())
    print(f"\n{len(jobs)} comparisons in {elapsed:.0f} s wall ({compare_seconds:.0f} s of compare time)")
    if args.json:
        args.json.write_text(json.dumps(out), encoding="utf-8")
        print(f"raw pairs written to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError) as exc:  # missing or changed evaluation data: say which file, not a traceback
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
