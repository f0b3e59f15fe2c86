#!/usr/bin/env python3
"""Main-content extractors measured on web pages built around the bundled documents.

    python benchmarks/html_extraction.py            # every page shape, every extractor
    python benchmarks/html_extraction.py --repeat 5 # median time of 5 runs per page

The pages are the shapes of tests/web_pages.py (a People's Daily-style news page, a foreign-ministry
press page, a secretariat-style English page, an article split over several <div>s, the text in a layout table, and a page with no
container around the text), built around corpora/udhr (zh, en) and corpora/cpc20-report (zh, 80 KB).
For each page and extractor:

* ``lines``: lines of the document that are lines of the output, in order (longest common
  subsequence; a line merged with another, cut, or out of order counts as lost);
* ``furniture``: furniture strings of the page (menus, breadcrumbs, date line, share bar, related
  news, footer) in the output that the document itself does not contain;
* ``exact``: the output is the document, line for line;
* ``ms``: median extraction time.

Extractors: ``visible`` (every visible line: ``--whole-page``), ``transdiff`` (trafilatura as transdiff
uses it: ``load.article.extract_article``, i.e. its XML output rendered one line per paragraph, table
row or list item, with the document's heading put back when trafilatura took it for page metadata),
``trafilatura`` (its own text output, default settings), ``trafilatura-recall`` (with favor_recall),
``readability`` (readability-lxml's summary, its text read with the same visible-text parser) and
``justext`` (English stop list; for Chinese its language-independent mode). readability-lxml is not a
transdiff dependency: ``pip install readability-lxml`` first.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from web_pages import BUILDERS, FURNITURE  # noqa: E402  (the page builders live with the tests)

from transdiff.load.article import WHOLE_PAGE, extract_article, page_text  # noqa: E402


def visible(markup: str, lang: str) -> str:
    page = page_text(markup, whole_page=True)
    assert page.extraction == WHOLE_PAGE
    return page.text


def transdiff_article(markup: str, lang: str) -> str:
    return extract_article(markup) or ""


def trafilatura_plain(markup: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, include_comments=False, include_tables=True) or ""


def trafilatura_recall(markup: str, lang: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, favor_recall=True, include_comments=False, include_tables=True) or ""


def readability(markup: str, lang: str) -> str:
    from readability import Document

    return visible(Document(markup).summary(html_partial=True), lang)


def justext_paragraphs(markup: str, lang: str) -> str:
    import justext

    if lang == "en":
        paragraphs = justext.justext(markup, justext.get_stoplist("English"))
    else:  # no Chinese stop list: the language-independent mode
        paragraphs = justext.justext(markup, frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "visible": visible, "transdiff": transdiff_article, "trafilatura": trafilatura_plain,
    "trafilatura-recall": trafilatura_recall,
    "readability": readability, "justext": justext_paragraphs,
}


def no_container_page(text: str, charset: str = "utf-8") -> str:
    """Body text straight in <body>, one article's paragraphs as a list: how hand-made pages look."""
    from html import escape

    lines = [line for line in text.split("\n") if line.strip()]
    items = "".join(f"<li>{escape(line)}</li>" for line in lines[20:24])
    before = "".join(f"<p>{escape(line)}</p>" for line in lines[1:20])
    after = "".join(f"<p>{escape(line)}</p>" for line in lines[24:])
    return (f'<html><head><meta charset="{charset}"><title>{escape(lines[0])}</title></head><body>'
            f'<div class="nav"><a href="/">Home</a> <a href="/docs">Documents</a></div>'
            f"<h1>{escape(lines[0])}</h1>{before}<ul>{items}</ul>{after}</body></html>")


def document_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


_DECORATION = re.compile(r"^(?:[-*] |\| )|\s*\|\s*$")


def score(output: str, lines: list[str], text: str) -> tuple[int, int, bool]:
    raw = [" ".join(line.split()) for line in output.split("\n") if line.strip()]
    # trafilatura's own text output marks list items with "- " and table cells with "|": not lost text
    plain = [_DECORATION.sub("", line).strip() for line in raw]
    found = sum(block.size for block in SequenceMatcher(None, lines, plain, autojunk=False).get_matching_blocks())
    flat, document = " ".join(output.split()), " ".join(text.split())
    leaked = sum(1 for item in FURNITURE if item in flat and item not in document)
    return found, leaked, raw == lines


def run(repeat: int, only: Optional[list[str]]) -> list[dict]:
    texts = {name: (ROOT / "corpora" / name).read_text(encoding="utf-8").rstrip("\n")
             for name in ("udhr/zh.txt", "udhr/en.txt", "cpc20-report/zh.txt")}
    pages = [(shape, doc) for shape in ("peoples-daily", "ministry", "split-divs", "table") for doc in ("udhr/zh.txt",)]
    pages += [("peoples-daily", "cpc20-report/zh.txt"), ("secretariat", "udhr/en.txt"),
              ("secretariat-table", "udhr/en.txt"), ("no-container", "udhr/zh.txt"), ("no-container", "udhr/en.txt")]
    rows = []
    for shape, doc in pages:
        text = texts[doc]
        lang = "en" if doc.endswith("en.txt") else "zh"
        markup = no_container_page(text) if shape == "no-container" else BUILDERS[shape](text)
        lines = document_lines(text)
        for name, extractor in EXTRACTORS.items():
            if only and name not in only:
                continue
            extractor(markup, lang)  # warm-up: imports and first-call caches are not the page's cost
            times, output = [], ""
            for _ in range(repeat):
                start = time.perf_counter()
                output = extractor(markup, lang)
                times.append(time.perf_counter() - start)
            found, leaked, exact = score(output, lines, text)
            rows.append({"page": f"{shape} ({doc})", "extractor": name, "lines": f"{found}/{len(lines)}",
                         "furniture": leaked, "exact": "yes" if exact else "no",
                         "ms": round(1000 * statistics.median(times), 1)})
    return rows


def write_pages(folder: Path) -> None:
    zh = (ROOT / "corpora/udhr/zh.txt").read_text(encoding="utf-8").rstrip("\n")
    en = (ROOT / "corpora/udhr/en.txt").read_text(encoding="utf-8").rstrip("\n")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zh.html").write_bytes(BUILDERS["peoples-daily"](zh, "gb18030").encode("gb18030"))
    (folder / "en.html").write_text(BUILDERS["secretariat"](en), encoding="utf-8")
    cut = en.replace("Article 3\nEveryone has the right to life, liberty and the security of person.\n", "")
    (folder / "en-without-article-3.html").write_text(BUILDERS["secretariat"](cut), encoding="utf-8")
    print(f"wrote zh.html (GB18030), en.html and en-without-article-3.html to {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and extractor (median time)")
    parser.add_argument("--only", help="comma-separated extractors (default: all)")
    parser.add_argument("--write-pages", metavar="DIR", type=Path,
                        help="only write the UDHR furniture pages (zh.html, en.html, en-without-article-3.html) "
                             "to DIR, to run transdiff on them")
    args = parser.parse_args()
    if args.write_pages:
        write_pages(args.write_pages)
        return
    rows = run(args.repeat, args.only.split(",") if args.only else None)
    print("| page | extractor | lines in order | furniture | exact | ms |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['page']} | {row['extractor']} | {row['lines']} | {row['furniture']} | {row['exact']} | {row['ms']} |")
    print()
    print("| extractor | pages exact | lines in order | furniture strings | ms per page (median, max) |")
    print("|---|---|---|---|---|")
    for name in EXTRACTORS:
        mine = [r for r in rows if r["extractor"] == name]
        if not mine:
            continue
        found = sum(int(r["lines"].split("/")[0]) for r in mine)
        total = sum(int(r["lines"].split("/")[1]) for r in mine)
        exact = sum(r["exact"] == "yes" for r in mine)
        times = [r["ms"] for r in mine]
        print(f"| {name} | {exact}/{len(mine)} | {found}/{total} | {sum(r['furniture'] for r in mine)} "
              f"| {statistics.median(times):.1f}, {max(times):.1f} |")


if __name__ == "__main__":
    main()
