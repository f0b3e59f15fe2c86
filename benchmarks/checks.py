"""QA-check benchmark (issue 16): false number/date/name findings on faithful text, recall of real changes.

    PYTHONPATH=src python benchmarks/checks.py [--corpus UN-dev,WMT20-A,WMT20-B] [--part all|first|second]
                                               [--doc-lines 30] [--seed 1] [--show N] [--shared ../shared]

Corpora: ../shared/eval-data/un-v1-dev (4,000 UN sentence pairs of 2015, in document order) and the WMT20
zh-en news source with its two human references (Human-A, Human-B), cut into documents of ``--doc-lines``
consecutive lines (``--part first|second`` takes the first or second half of each corpus: tuning was done
on the first halves; see docs/qa-checks.md for how the second halves were used). ``MQM-2023-faithful``
(held out; checks_mqm.py): the WMT23 zh-en machine translations that all three MQM raters found no error in.

Each document is compared (``transdiff.compare`` + the default checks, default threshold, Chinese as the
source) as it is, and then once per kind of synthetic change, with two lines of the document changed:

* ``digits``: a digit string that both sides write (grouping marks aside; not a paragraph number at the
  start of a line) changed on one side;
* ``zh-numeral``: a Chinese numeral (三, 两, 二十五 ...) whose value the English writes (in digits or words) at
  least as many times as the Chinese does (numerals and digits), changed in the Chinese;
* ``date``: a year (4 digits) or the day of a month that both sides write, moved on one side;
* ``name``: an organisation of the built-in glossary written on both sides (UNICEF / 儿童基金会) replaced on
  one side by another organisation of the glossary (only for the precision of the ``names`` check).

Which lines may be changed is decided from the raw text (the same digits, year or day on both sides; a
Chinese numeral whose value the English writes in digits or words), not from transdiff's own reading; the
side changed is drawn at random. Reported: flagged untouched lines per 100 untouched lines of the faithful
documents, by kind of finding, leaving out the lines of checks_real_differences.tsv (hand-audited lines whose
two human texts really differ in a number, date or name: a finding there is no false alarm; how many of them
are flagged is a column of its own, and "all flagged" the rate with them); recall of the changed lines per
kind of change (a changed line is found when a number or date mismatch covers it; a name change when a name
mismatch does); the precision of the ``names`` check over the faithful and the name-changed documents
together (a name finding is right when its lines include a changed or a listed line).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = PROJECT_ROOT.parent / "shared"
UN_DIR = "eval-data/un-v1-dev"
WMT_DIR = "eval-data/coverage-contrastive-conditioning-zhen/data/mqm"
CORPORA = ("UN-dev", "WMT20-A", "WMT20-B")
MQM_CORPUS = "MQM-2023-faithful"          # held out: see checks_mqm.py and docs/qa-checks.md
CHANGE_KINDS = ("digits", "zh-numeral", "date")
FINDING_KINDS = ("number", "date", "name", "untranslated")
CHANGES_PER_DOC = 2
REAL_DIFFERENCES = Path(__file__).resolve().with_name("checks_real_differences.tsv")

from transdiff.api import compare  # noqa: E402
from transdiff.checks import apply_checks  # noqa: E402
from transdiff.errors import InputError  # noqa: E402
from transdiff.load import from_text  # noqa: E402
from transdiff.represent.glossary import builtin_glossary  # noqa: E402
from transdiff.represent.numbers import zh_int  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checks_mqm import faithful_groups  # noqa: E402


@dataclass
class Doc:
    corpus: str
    first_line: int                  # 1-based line of the corpus where the document starts
    zh: list[str]
    en: list[str]
    changed: dict[int, str] = field(default_factory=dict)     # 0-based line -> what was changed


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def corpus_lines(shared: Path, corpus: str) -> tuple[list[str], list[str]]:
    if corpus == "UN-dev":
        return _lines(shared / UN_DIR / "zh.txt"), _lines(shared / UN_DIR / "en.txt")
    ref = corpus.split("-")[1]
    return (_lines(shared / WMT_DIR / "original_src" / "newstest2020-zhen-src.zh.txt"),
            _lines(shared / WMT_DIR / "original_tgt" / f"newstest2020.zh-en.Human-{ref}.0.txt"))


def documents(shared: Path, corpus: str, doc_lines: int, part: str) -> list[Doc]:
    if corpus == MQM_CORPUS:        # one run of lines per system; a document never mixes two systems
        groups, offset = [], 0
        for _system, zh, en in faithful_groups(shared):
            groups.append((offset, zh, en))
            offset += len(zh)
    else:
        zh, en = corpus_lines(shared, corpus)
        groups, offset = [(0, zh, en)], len(zh)
    half = offset // 2
    lo, hi = {"all": (0, offset), "first": (0, half), "second": (half, offset)}[part]
    docs = []
    for first, zh, en in groups:
        assert len(zh) == len(en), corpus
        start_at, stop_at = max(lo - first, 0), min(hi - first, len(zh))
        # a short last piece of a system's lines is a document of its own (every faithful item is used)
        docs += [Doc(corpus, first + start + 1, zh[start:start + doc_lines], en[start:start + doc_lines])
                 for start in range(start_at, stop_at, doc_lines)
                 if start + doc_lines // 2 <= stop_at or corpus == MQM_CORPUS]
    return docs


# -- synthetic changes: eligibility from the raw text ----------------------------------------------
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:[, \u2009\u202f，]\d{3})+(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])")
_LIST_MARK = re.compile(r"\s*[(（]?\d{1,3}[.)）．]$")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_ZH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_EN_MONTHS = ("January February March April May June July August September October November December").split()
_EN_WORDS = dict(zip("two three four five six seven eight nine ten eleven twelve".split(), range(2, 13)))
_ZH_DIGIT_CHARS = "二三四五六七八九"


def _plain(digits: str) -> str:
    return re.sub(r"[, \u2009\u202f，]", "", digits)


def _other_digits(text: str) -> set[str]:
    return {_plain(m.group()) for m in _DIGITS.finditer(text)}


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _change_digits(zh: str, en: str, rng: random.Random) -> Optional[tuple[str, str, str]]:
    """A digit string written on both sides (not a year), one digit of it changed on one side."""
    zh_plain, en_plain = _other_digits(zh), _other_digits(en)
    options = []
    for side, text, other in (("zh", zh, en_plain), ("en", en, zh_plain)):
        for m in _DIGITS.finditer(text):
            if _LIST_MARK.match(text[:m.end() + 1]):
                continue        # a paragraph number (12. or (3)), numbering rather than content
            value = _plain(m.group())
            if value in other and not _YEAR.fullmatch(value) and len(value.replace(".", "")) >= 1:
                options.append((side, m))
    if not options:
        return None
    side, m = rng.choice(options)
    raw = m.group()
    positions = [i for i, ch in enumerate(raw) if ch.isdigit()]
    i = rng.choice(positions)
    choices = [d for d in "0123456789" if d != raw[i] and not (d == "0" and i == 0 and len(positions) > 1)]
    new = raw[:i] + rng.choice(choices) + raw[i + 1:]
    text = zh if side == "zh" else en
    changed = _replace(text, m.start(), m.end(), new)
    return (changed, en, f"zh {raw}->{new}") if side == "zh" else (zh, changed, f"en {raw}->{new}")


def _change_zh_numeral(zh: str, en: str, rng: random.Random) -> Optional[tuple[str, str, str]]:
    """A Chinese numeral of value >= 2 whose value the English writes (digits or a word): one digit changed."""
    en_count: Counter = Counter(_plain(m.group()) for m in _DIGITS.finditer(en))
    for word, v in _EN_WORDS.items():
        en_count[str(v)] += len(re.findall(rf"\b{word}\b", en, re.I))
    zh_count: Counter = Counter(_plain(m.group()) for m in _DIGITS.finditer(zh))
    for m in _ZH_NUMERAL.finditer(zh):
        zh_count[str(zh_int(m.group()))] += 1
    options = []
    for m in _ZH_NUMERAL.finditer(zh):
        run = m.group()
        value = zh_int(run)
        if value is None or value < 2 or not any(ch in _ZH_DIGIT_CHARS + "两" for ch in run):
            continue
        # the English writes the value as often as the Chinese does (in numerals or digits): 二队 ... 3:2 against
        # "3-2" or 两个抵达层和两个出发层 against "two-story" leave a 二 or 两 the English does not render
        if en_count[str(value)] >= zh_count[str(value)]:
            options.append(m)
    if not options:
        return None
    m = rng.choice(options)
    run = m.group()
    positions = [i for i, ch in enumerate(run) if ch in _ZH_DIGIT_CHARS + "两"]
    i = rng.choice(positions)
    current = "二" if run[i] == "两" else run[i]
    new = run[:i] + rng.choice([d for d in _ZH_DIGIT_CHARS if d != current]) + run[i + 1:]
    return _replace(zh, m.start(), m.end(), new), en, f"zh {run}->{new} ({zh[max(0, m.start() - 4):m.end() + 4]})"


def _change_date(zh: str, en: str, rng: random.Random) -> Optional[tuple[str, str, str]]:
    """A year, or the day of a month, written on both sides, moved on one side."""
    options: list[tuple[str, re.Match, str]] = []
    en_years = set(_YEAR.findall(en))
    for m in _YEAR.finditer(zh):
        if m.group() in en_years:
            options.append(("zh", m, "year"))
    for m in _YEAR.finditer(en):
        if m.group() in set(_YEAR.findall(zh)):
            options.append(("en", m, "year"))
    for m in _ZH_DAY.finditer(zh):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and re.search(rf"\b{_EN_MONTHS[month - 1]}\s+{day}\b|\b{day}\s+{_EN_MONTHS[month - 1]}\b",
                                          en):
            options.append(("zh", m, "day"))
    if not options:
        return None
    side, m, what = rng.choice(options)
    text = zh if side == "zh" else en
    if what == "year":
        new = str(int(m.group()) + rng.choice([-3, -2, -1, 1, 2, 3]))
        changed = _replace(text, m.start(), m.end(), new)
        note = f"{side} year {m.group()}->{new}"
    else:
        day = int(m.group(2))
        new_day = rng.choice([d for d in range(1, 29) if d != day])
        changed = _replace(text, m.start(2), m.end(2), str(new_day))
        note = f"zh day {m.group()}->{m.group(1)}月{new_day}日"
    return (changed, en, note) if side == "zh" else (zh, changed, note)


def _organisations() -> list[tuple[str, str]]:
    """(Chinese, acronym) pairs of the built-in glossary: organisations written as an acronym in English."""
    out = []
    for term, renderings in builtin_glossary().terms.items():
        acronyms = [r for r in renderings if re.fullmatch(r"[A-Z]{2,}[a-z]?[A-Z]*", r)]
        if acronyms and len(term) >= 2:
            out.append((term, acronyms[0]))
    return out


def _change_name(zh: str, en: str, rng: random.Random) -> Optional[tuple[str, str, str]]:
    """An organisation written on both sides replaced on one side by another organisation of the glossary."""
    orgs = _organisations()
    present = [(t, a) for t, a in orgs if t in zh and re.search(rf"\b{re.escape(a)}\b", en)]
    if not present:
        return None
    term, acronym = rng.choice(present)
    others = [(t, a) for t, a in orgs if t not in zh and not re.search(rf"\b{re.escape(a)}\b", en)
              and a != acronym and term not in t and t not in term]
    other_term, other_acronym = rng.choice(others)
    if rng.random() < 0.5:
        return zh, re.sub(rf"\b{re.escape(acronym)}\b", other_acronym, en), f"en {acronym}->{other_acronym}"
    return zh.replace(term, other_term), en, f"zh {term}->{other_term}"


CHANGERS: dict[str, Callable[[str, str, random.Random], Optional[tuple[str, str, str]]]] = {
    "digits": _change_digits, "zh-numeral": _change_zh_numeral, "date": _change_date, "name": _change_name}


def changed_copy(doc: Doc, kind: str, rng: random.Random) -> Doc:
    eligible = [i for i in range(len(doc.zh)) if CHANGERS[kind](doc.zh[i], doc.en[i], random.Random(0))]
    out = Doc(doc.corpus, doc.first_line, list(doc.zh), list(doc.en))
    for i in sorted(rng.sample(eligible, min(CHANGES_PER_DOC, len(eligible)))):
        zh, en, note = CHANGERS[kind](doc.zh[i], doc.en[i], rng)   # type: ignore[misc]
        out.zh[i], out.en[i], out.changed[i] = zh, en, note
    return out


# -- running --------------------------------------------------------------------------------------
def flagged_lines(doc: Doc) -> tuple[dict[int, set[str]], list[tuple[int, str, str]]]:
    """0-based line -> kinds of mismatch finding covering it; and the findings (first and last 0-based line
    of the source they cover, kind, message)."""
    # a blank line would merge paragraphs differently on the two sides; one pair per line either way
    zh = "\n".join(line if line.strip() else "-" for line in doc.zh)
    en = "\n".join(line if line.strip() else "-" for line in doc.en)
    try:
        result = apply_checks(compare(from_text(zh, lang="zh"), from_text(en, lang="en"), check_related=False))
    except InputError as exc:
        print(f"  {doc.corpus} line {doc.first_line}: {exc}", file=sys.stderr)
        return {}, []
    lines: dict[int, set[str]] = {}
    found = []
    for f in result.findings:
        if f.type != "mismatch" or not f.source_lines:
            continue
        kind = str(f.detail.get("kind"))
        for line in range(f.source_lines[0] - 1, f.source_lines[1]):
            lines.setdefault(line, set()).add(kind)
        found.append((f.source_lines[0] - 1, f.source_lines[1] - 1, kind, f.message))
    return lines, found


def real_differences(path: Path = REAL_DIFFERENCES) -> dict[str, set[int]]:
    """corpus -> lines (1-based) whose two human texts really differ in a number, date or name (audited)."""
    out: dict[str, set[int]] = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            corpus, line = row.split("\t")[:2]
            out.setdefault(corpus, set()).add(int(line))
    return out


def run(corpus: str, docs: list[Doc], seed: int, show: int, real: set[int]) -> dict:
    faithful_lines = sum(len(d.zh) for d in docs)
    false_by_kind: Counter = Counter()
    names_wrong = names_right = 0
    real_found: set[int] = set()
    shown: list[str] = []
    for d in docs:
        _, found = flagged_lines(d)
        flagged: set[int] = set()
        false: dict[int, set[str]] = {}
        for first, last, k, msg in found:
            covered = [d.first_line + i for i in range(first, last + 1)]
            # a finding over a line whose texts really differ is no false alarm (nor are the lines it covers)
            is_real = any(n in real for n in covered)
            if k in ("number", "date", "name"):
                flagged.update(covered)
                real_found.update(n for n in covered if n in real)
                shown.append(f"  {corpus} line {covered[0]}: [{k}]{' (real)' if is_real else ''} {msg}")
            if not is_real:
                for n in covered:
                    false.setdefault(n, set()).add(k)
            if k == "name":
                names_right += is_real
                names_wrong += not is_real
        false_by_kind["flagged"] += len(flagged)
        for kinds in false.values():
            for k in kinds:
                false_by_kind[k] += 1
            if kinds & {"number", "date", "name"}:
                false_by_kind["any"] += 1
    recall: dict[str, tuple[int, int]] = {}
    rng = random.Random(seed)
    for kind in (*CHANGE_KINDS, "name"):
        hits = total = 0
        for d in docs:
            changed = changed_copy(d, kind, rng)
            if not changed.changed:
                continue
            lines, found = flagged_lines(changed)
            wanted = {"name"} if kind == "name" else {"number", "date"}
            for i, note in changed.changed.items():
                total += 1
                hit = bool(lines.get(i, set()) & wanted)
                hits += hit
                if not hit:
                    shown.append(f"  {corpus} line {d.first_line + i}: MISSED {kind} change {note}")
            if kind == "name":
                for first, last, k, msg in found:
                    if k == "name":
                        if any(i in changed.changed or d.first_line + i in real for i in range(first, last + 1)):
                            names_right += 1
                        else:
                            names_wrong += 1
                            shown.append(f"  {corpus} line {d.first_line + first}: WRONG name finding in a "
                                         f"name-changed document: {msg}")
        recall[kind] = (hits, total)
    if show:
        print("\n".join(shown[:show] if show > 0 else shown), file=sys.stderr)
    listed = {n for n in real if any(d.first_line <= n < d.first_line + len(d.zh) for d in docs)}
    return {"lines": faithful_lines - len(listed), "all_lines": faithful_lines, "false": false_by_kind, "recall": recall,
            "names": (names_right, names_right + names_wrong), "real": (len(real_found), len(listed))}


def use_cn2an() -> None:
    """Read Chinese numerals with cn2an instead of represent/numbers' zh_int (issue 16, item 4)."""
    import cn2an

    from transdiff.represent.numbers import zh as zh_reader

    def parse(run: str) -> Optional[int]:
        try:
            return int(cn2an.cn2an(run, "strict"))
        except (ValueError, KeyError, TypeError, IndexError):
            return None

    zh_reader.zh_int = parse


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=",".join(CORPORA), help=f"comma-separated, of {', '.join(CORPORA)} "
                                                                f"and {MQM_CORPUS} (held out)")
    ap.add_argument("--part", choices=("all", "first", "second"), default="all")
    ap.add_argument("--doc-lines", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="list up to N findings on faithful text and missed changes "
                                                        "(-1: all) on stderr")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--parser", choices=("transdiff", "cn2an"), default="transdiff",
                    help="Chinese numeral parser: transdiff's own zh_int, or cn2an (strict mode; pip install cn2an)")
    args = ap.parse_args(argv)
    if args.parser == "cn2an":
        use_cn2an()
    corpora = [c.strip() for c in args.corpus.split(",") if c.strip()]
    print(f"documents of {args.doc_lines} lines, part {args.part}, seed {args.seed}, parser {args.parser}, "
          f"{CHANGES_PER_DOC} changed lines per document and kind")
    print("| corpus | faithful lines | false lines /100: number | date | name | any of these | untranslated "
          "| real differences flagged | all flagged /100 | recall digits | zh-numeral | date | names precision |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    real = real_differences()
    for corpus in corpora:
        t0 = time.time()
        docs = documents(args.shared, corpus, args.doc_lines, args.part)
        r = run(corpus, docs, args.seed, args.show, real.get(corpus, set()))
        per100 = {k: 100 * r["false"][k] / r["lines"] for k in (*FINDING_KINDS, "any")}
        rec = {k: f"{h / t:.3f} ({h}/{t})" if t else "-" for k, (h, t) in r["recall"].items()}
        right, total = r["names"]
        names = f"{right / total:.3f} ({right}/{total})" if total else "- (0 findings)"
        print(f"| {corpus} | {r['lines']} | {per100['number']:.2f} | {per100['date']:.2f} | {per100['name']:.2f} "
              f"| **{per100['any']:.2f}** | {per100['untranslated']:.2f} | {r['real'][0]} of {r['real'][1]} "
              f"| {100 * r['false']['flagged'] / r['all_lines']:.2f} | {rec['digits']} | {rec['zh-numeral']} "
              f"| {rec['date']} | {names} |", flush=True)
        print(f"  ({corpus}: {time.time() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
