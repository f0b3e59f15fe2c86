"""Data for the omission benchmark: parallel documents with gold beads, synthetic drops, MQM items.

Nothing here copies evaluation text into the project: every loader reads ../shared (or the project's
own corpora/udhr) at run time, and the benchmark writes only numbers.

Line ids are 0-based. A bead is ``(zh_line_ids, en_line_ids)``; either side may be empty.
"""
from __future__ import annotations

import ast
import csv
import io
import random
import re
import tarfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = PROJECT_ROOT.parent / "shared"
WMT_DIR = "eval-data/coverage-contrastive-conditioning-zhen/data/mqm"
MAC_DIR = "eval-data/bertalign-mac/dev/data/mac/dev"
UN_DIR = "eval-data/un-v1-dev"
MQM_TAR = "eval-data/wmt-mqm-zhen/generalMT2023/zhen/sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz"

DOC_LINES = 40          # lines per synthetic document (WMT20 groups, MAC chunks)
MIN_HAN = 6             # a deletable unit's Chinese side must have at least this many Han characters
MAX_DROPS = 5           # deletions per document: 1..MAX_DROPS
UDHR_COPIES = 5         # UDHR is one short document: use several independently drawn deletion sets

Span = tuple[int, int]
Bead = tuple[tuple[int, ...], tuple[int, ...]]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


@dataclass
class ParallelDoc:
    """A Chinese and an English document, one sentence or paragraph per line, with gold beads."""

    corpus: str
    name: str
    zh_lines: list[str]
    en_lines: list[str]
    beads: list[Bead]

    def genuine_zh_lines(self) -> list[int]:
        """Chinese lines that the gold says have no English counterpart (real untranslated material)."""
        return [i for zh, en in self.beads if not en for i in zh]


@dataclass
class DropCase:
    """One synthetic test document: the Chinese text, the English with material cut, and the truth."""

    corpus: str
    name: str
    zh_text: str
    en_text: str
    dropped: list[list[Span]]        # per deleted unit: its Chinese counterpart as spans of zh_text
    genuine: list[Span]              # untranslated material that was already there (gold 1-0)
    skipped_short: int = 0           # candidate units skipped because their Chinese side is < MIN_HAN
    # clause tier only: per cut, the Chinese words the cut clause alone covered (may be empty)
    counterparts: list[list[Span]] = field(default_factory=list)
    clause_jobs: list[dict] = field(default_factory=list)  # what the worker needs to compute them


# -- loading -------------------------------------------------------------------------------------

def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def wmt_documents(shared: Path, reference: str) -> list[ParallelDoc]:
    """WMT20 zh-en newstest: the 2,000-line source with Human-A or Human-B, grouped into 40-line documents."""
    base = shared / WMT_DIR
    zh = _read_lines(base / "original_src" / "newstest2020-zhen-src.zh.txt")
    en = _read_lines(base / "original_tgt" / f"newstest2020.zh-en.Human-{reference}.0.txt")
    return line_documents(f"WMT20-{reference}", zh, en)


def un_lines(shared: Path) -> tuple[list[str], list[str]]:
    """UN Parallel Corpus v1.0 development set: 4,000 line-aligned pairs (Chinese, English) in document order."""
    base = shared / UN_DIR
    zh, en = _read_lines(base / "zh.txt"), _read_lines(base / "en.txt")
    if len(zh) != len(en):
        raise ValueError(f"{base}: zh.txt has {len(zh)} lines but en.txt has {len(en)}")
    return zh, en


def line_documents(corpus: str, zh: list[str], en: list[str]) -> list[ParallelDoc]:
    """Line-aligned text (line n translates line n) cut into documents of DOC_LINES lines."""
    if len(zh) != len(en):
        raise ValueError(f"{corpus}: the Chinese has {len(zh)} lines but the English {len(en)}")
    docs = []
    for start in range(0, len(zh), DOC_LINES):
        n = min(DOC_LINES, len(zh) - start)
        docs.append(ParallelDoc(corpus, f"lines {start + 1}-{start + n}", zh[start:start + n],
                                en[start:start + n], [((i,), (i,)) for i in range(n)]))
    return docs


def un_documents(shared: Path) -> tuple[list[ParallelDoc], list[ParallelDoc]]:
    """UN Parallel Corpus development set, line-aligned, in 40-line documents; split into halves of the
    file: the first for fitting the calibration ("UN-fit"), the second for reporting ("UN"), so that the
    reported figures come from documents the calibration never saw, not only from other draws."""
    zh, en = un_lines(shared)
    half = (len(zh) // (2 * DOC_LINES)) * DOC_LINES
    fit = line_documents("UN-fit", zh[:half], en[:half])
    report = line_documents("UN", zh[half:], en[half:])
    for doc in report:   # named by their lines in the whole file
        first, last = (int(x) + half for x in doc.name.removeprefix("lines ").split("-"))
        doc.name = f"lines {first}-{last}"
    return fit, report


def parse_align_file(text: str) -> list[Bead]:
    """Bertalign gold: one ``[zh ids]:[en ids]`` bead per line (an optional ``:cost`` is ignored)."""
    beads = []
    for line in text.splitlines():
        if not line.strip():
            continue
        left, right = line.split(":")[:2]
        beads.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return beads


def mac_documents(shared: Path) -> list[ParallelDoc]:
    """MAC-Dev chapters cut at gold bead boundaries into documents of about DOC_LINES Chinese lines."""
    base = shared / MAC_DIR
    docs = []
    for gold in sorted((base / "gold").glob("*.align")):
        chapter = gold.stem
        zh, en = _read_lines(base / "zh" / chapter), _read_lines(base / "en" / chapter)
        beads = parse_align_file(gold.read_text(encoding="utf-8"))
        chunks: list[list[Bead]] = [[]]
        for bead in beads:
            chunks[-1].append(bead)
            if sum(len(b[0]) for b in chunks[-1]) >= DOC_LINES:
                chunks.append([])
        if len(chunks) > 1 and sum(len(b[0]) for b in chunks[-1]) < DOC_LINES // 2:
            chunks[-2].extend(chunks.pop())  # a short tail joins the chunk before it
        for part, chunk in enumerate(c for c in chunks if c):
            zh_ids = [i for b in chunk for i in b[0]]
            en_ids = [j for b in chunk for j in b[1]]
            z0 = min(zh_ids) if zh_ids else 0
            e0 = min(en_ids) if en_ids else 0
            local = [(tuple(i - z0 for i in b[0]), tuple(j - e0 for j in b[1])) for b in chunk]
            docs.append(ParallelDoc("MAC-Dev", f"{chapter}.{part + 1}", zh[z0:max(zh_ids) + 1],
                                    en[e0:max(en_ids) + 1], local))
    return docs


def udhr_document(root: Path = PROJECT_ROOT) -> ParallelDoc:
    """UDHR: 1-1 lines except zh lines 2-3 (zh-only OHCHR note) and the 1-3 'Now, therefore,' paragraph."""
    zh = _read_lines(root / "corpora" / "udhr" / "zh.txt")
    en = _read_lines(root / "corpora" / "udhr" / "en.txt")
    zh_split = next(i for i, line in enumerate(zh) if line.startswith("因此现在"))
    en_split = en.index("Now, therefore,")
    beads: list[Bead] = [((0,), (0,)), ((1,), ()), ((2,), ())]
    beads += [((i,), (i - 2,)) for i in range(3, zh_split)]
    if zh_split - 2 != en_split:
        raise ValueError("corpora/udhr no longer has the expected line layout")
    beads.append(((zh_split,), (en_split, en_split + 1, en_split + 2)))
    beads += [((i,), (i,)) for i in range(zh_split + 1, len(zh))]
    if beads[-1][1][-1] != len(en) - 1:
        raise ValueError("corpora/udhr no longer has the expected line layout")
    return ParallelDoc("UDHR", "udhr", zh, en, beads)


def parallel_corpora(shared: Path, limit: Optional[int] = None) -> dict[str, list[ParallelDoc]]:
    un_fit, un = un_documents(shared)
    corpora = {"WMT20-A": wmt_documents(shared, "A"), "WMT20-B": wmt_documents(shared, "B"),
               "MAC-Dev": mac_documents(shared), "UN": un, "UN-fit": un_fit,
               "UDHR": [udhr_document()] * UDHR_COPIES}
    if limit is not None:
        corpora = {k: v[:limit] for k, v in corpora.items()}
    return corpora


# -- synthetic drops -----------------------------------------------------------------------------

def line_spans(lines: list[str]) -> list[Span]:
    """Span of each line (without its newline) in ``"\\n".join(lines) + "\\n"``."""
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def deletable_beads(doc: ParallelDoc) -> tuple[list[int], int]:
    """Bead indices whose English side is one whole line (1-1 or n-1) and whose Chinese side is long
    enough to be worth finding; and how many such beads were skipped for being too short."""
    eligible, short = [], 0
    for k, (zh, en) in enumerate(doc.beads):
        if len(en) != 1 or not zh:
            continue
        if han_count("".join(doc.zh_lines[i] for i in zh)) < MIN_HAN:
            short += 1
        else:
            eligible.append(k)
    return eligible, short


def _rng(seed: int, tier: str, doc: ParallelDoc, copy: int) -> random.Random:
    # str seeds hash deterministically (unlike hash()), so runs repeat across processes
    return random.Random(f"{seed}:{tier}:{doc.corpus}:{doc.name}:{copy}")


def _case(doc: ParallelDoc, name: str, en_lines: list[str], dropped_beads: list[int], short: int) -> DropCase:
    zh_spans = line_spans(doc.zh_lines)
    dropped = [[zh_spans[i] for i in doc.beads[k][0]] for k in dropped_beads]
    genuine = [zh_spans[i] for i in doc.genuine_zh_lines()]
    return DropCase(doc.corpus, name, "\n".join(doc.zh_lines) + "\n", "\n".join(en_lines) + "\n",
                    dropped, genuine, short)


def sentence_drop(doc: ParallelDoc, seed: int, copy: int = 0) -> Optional[DropCase]:
    """Delete 1..MAX_DROPS whole English lines of deletable beads (seeded)."""
    eligible, short = deletable_beads(doc)
    if not eligible:
        return None
    rng = _rng(seed, "sentence", doc, copy)
    chosen = sorted(rng.sample(eligible, rng.randint(1, min(MAX_DROPS, len(eligible)))))
    gone = {doc.beads[k][1][0] for k in chosen}
    en_lines = [line for j, line in enumerate(doc.en_lines) if j not in gone]
    return _case(doc, f"{doc.name}#{copy}", en_lines, chosen, short)


_BREAK = re.compile(r"(?<=[,;])\s+")
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z]")
_FINAL = re.compile(r"[.!?][\"”’)]*\s*$")


def clause_cuts(sentence: str, min_words: int = 4, min_rest_words: int = 3) -> list[tuple[str, str]]:
    """Every way to cut one comma/semicolon clause of >= min_words words out of ``sentence``.

    Returns (clause, rest) pairs: the clause without its delimiter, and the sentence without the clause.
    A clause that spans a sentence end (lines may hold several sentences) is never cut.
    """
    pieces = _BREAK.split(sentence.strip())
    if len(pieces) < 2:
        return []
    cuts = []
    for i, piece in enumerate(pieces):
        clause = piece.rstrip(",;").strip() if i < len(pieces) - 1 else _FINAL.sub("", piece).strip()
        if len(re.findall(r"\w+", clause)) < min_words or _INNER_SENTENCE_END.search(clause):
            continue
        others = pieces[:i] + pieces[i + 1:]
        if i == len(pieces) - 1:  # the last clause carries the sentence end: move it to the new last piece
            end = _FINAL.search(piece)
            others[-1] = others[-1].rstrip(",;") + (end.group(0).strip() if end else "")
        rest = " ".join(others)
        if i == 0 and sentence[:1].isupper():
            rest = rest[:1].upper() + rest[1:]
        if len(re.findall(r"\w+", rest)) >= min_rest_words:
            cuts.append((clause, rest))
    return cuts


def clause_drop(doc: ParallelDoc, seed: int, copy: int = 0) -> Optional[DropCase]:
    """Cut one clause out of each of 1..MAX_DROPS English lines of deletable beads (seeded)."""
    eligible, short = deletable_beads(doc)
    options = {k: clause_cuts(doc.en_lines[doc.beads[k][1][0]]) for k in eligible}
    cuttable = [k for k in eligible if options[k]]
    if not cuttable:
        return None
    rng = _rng(seed, "clause", doc, copy)
    chosen = sorted(rng.sample(cuttable, rng.randint(1, min(MAX_DROPS, len(cuttable)))))
    en_lines = list(doc.en_lines)
    zh_spans = line_spans(doc.zh_lines)
    jobs = []
    for k in chosen:
        clause, rest = rng.choice(options[k])
        en_lines[doc.beads[k][1][0]] = rest
        zh_ids = doc.beads[k][0]
        start = zh_spans[zh_ids[0]][0]
        jobs.append({"zh": "\n".join(doc.zh_lines[i] for i in zh_ids), "offset": start,
                     "clause": clause, "rest": rest})
    case = _case(doc, f"{doc.name}#{copy}", en_lines, chosen, short)
    case.clause_jobs = jobs
    return case


def drop_cases(corpora: dict[str, list[ParallelDoc]], tier: str, seed: int) -> list[DropCase]:
    make = sentence_drop if tier == "sentence" else clause_drop
    cases = []
    for docs in corpora.values():
        seen: Counter[str] = Counter()
        for doc in docs:
            case = make(doc, seed, seen[doc.name])
            seen[doc.name] += 1
            if case is not None:
                cases.append(case)
    return cases


# -- MQM (WMT23 side-by-side, zh-en) -------------------------------------------------------------

_MARK = re.compile(r"<v>(.*?)</v>", re.S)
HOTW = ("Found", "Missed")  # attention-check rows


def parse_marked(marked: str) -> tuple[str, list[Span]]:
    """Text without ``<v>…</v>`` markup, and the marked spans as offsets into that text."""
    plain, spans, pos = [], [], 0
    for m in _MARK.finditer(marked):
        plain.append(marked[pos:m.start()])
        start = sum(len(p) for p in plain)
        plain.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    plain.append(marked[pos:])
    return "".join(plain), spans


@dataclass
class MqmItem:
    system: str
    segment: str
    source: str
    target: str
    label: int                      # 1: omission by >= 2 raters; 0: no error from any rater
    marked: list[Span]              # all omission raters' spans together (positives only)
    rater_marked: list[list[Span]] = field(default_factory=list)  # per omission rater


def mqm_rows(shared: Path) -> Iterator[list[str]]:
    """Rows of the SxS TSV, read straight from the tarball (tab-separated, no quoting)."""
    path = shared / MQM_TAR
    with tarfile.open(path, "r:gz") as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".tsv"))
        handle = tar.extractfile(member)
        if handle is None:
            raise ValueError(f"{path} holds no readable TSV")
        reader = csv.reader(io.TextIOWrapper(handle, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        yield from reader


def mqm_items(rows: Iterator[list[str]]) -> tuple[list[MqmItem], dict[str, int]]:
    """Positive and negative items; attention-check (HOTW) items are left out because their text was altered."""
    by_item: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in rows:
        by_item[(row[0], row[3])].append(row)
    items, stats = [], Counter()
    for (system, seg), rows_ in by_item.items():
        categories = [r[7] for r in rows_]
        omission_rows = [r for r in rows_ if r[7].startswith("Accuracy/Omission")]
        omission_raters = {r[4] for r in omission_rows}
        if any(c in HOTW for c in categories):
            stats["hotw_items_dropped"] += 1
            stats["hotw_positives_dropped"] += len(omission_raters) >= 2
            continue
        source = parse_marked(rows_[0][5])[0]
        target = Counter(parse_marked(r[6])[0].strip() for r in rows_).most_common(1)[0][0]
        if len(omission_raters) >= 2:
            per_rater = [sorted({s for r in omission_rows if r[4] == rater for s in parse_marked(r[5])[1]})
                         for rater in sorted(omission_raters)]
            marked = sorted({s for spans in per_rater for s in spans})
            items.append(MqmItem(system, seg, source, target, 1, marked, per_rater))
        elif all(c == "No-error" for c in categories) and len({r[4] for r in rows_}) >= 3:
            items.append(MqmItem(system, seg, source, target, 0, []))
        else:
            stats["other_items"] += 1
    stats["positives"] = sum(i.label for i in items)
    stats["negatives"] = len(items) - stats["positives"]
    return items, dict(stats)


def limit_items(items: list[MqmItem], limit: Optional[int], seed: int) -> list[MqmItem]:
    """At most ``limit`` items of each class, drawn with the seed."""
    if limit is None:
        return items
    rng = random.Random(f"{seed}:mqm")
    out = []
    for label in (1, 0):
        group = [i for i in items if i.label == label]
        out += rng.sample(group, min(limit, len(group)))
    return out
