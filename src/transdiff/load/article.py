"""The text of a web page that a comparison should see: its article, not the site's furniture.

Pages as publishers put declarations online carry menus, breadcrumbs, a date-and-source line, share
buttons, "related news", copyright footers and scripts. Compared as they are, every one of those
becomes a finding. The article is extracted with trafilatura (chosen over readability-lxml and jusText
on the pages of benchmarks/html_extraction.py; the README has the figures): headings, paragraphs, list
items and table rows of the article in page order, one per line, table cells separated by tabs. What
trafilatura leaves out of an article on some page shapes is put back: the <h1> title it keeps as
metadata, lists and section headings it drops between paragraphs when it finds no article container.

``whole_page=True`` keeps every visible line of the page (``html``), for pages where the
extraction is wrong. When trafilatura finds no article the whole page is used too, with a one-line
warning: an empty document would only turn into a confusing error further on.
"""
from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Callable, Optional

from .html import extract_visible

ARTICLE = "article"
WHOLE_PAGE = "whole-page"
WHOLE_PAGE_FALLBACK = "whole-page-fallback"
EXTRACTIONS = (ARTICLE, WHOLE_PAGE, WHOLE_PAGE_FALLBACK)

LOG = logging.getLogger("transdiff.load")

# trafilatura's XML: these elements each give one line (a table row gives one line of tab-separated cells).
_LINE_ELEMENTS = frozenset({"p", "head", "item", "row", "quote", "code", "list", "table", "main", "doc"})
# Struck-through text and image placeholders are not text of the article.
_DROPPED_ELEMENTS = frozenset({"del", "graphic"})
# Elements whose <h1> is the site's banner or a teaser, not the document's heading.
_CHROME_ANCESTORS = frozenset({"header", "nav", "footer", "aside"})
_SPACES = re.compile(r"[^\S\t\n]+")
_LONGEST_HEADING = 300
# How sites append their name to a page title: "Title--Channel--Site", "Title_Ministry", "Title | Site".
_TITLE_SEPARATORS = re.compile(r"\s*(?:--|_|\||\s[-\u2013\u2014]\s)\s*")


@dataclass(frozen=True)
class PageText:
    text: str
    extraction: str      # one of EXTRACTIONS
    extractor: str       # what produced ``text``, with its version


def page_text(markup: str, *, whole_page: bool = False, label: str = "the page") -> PageText:
    """The article text of an HTML page, or all its visible text (``whole_page`` or no article found)."""
    if not whole_page:
        article = extract_article(markup)
        if article:
            return PageText(article, ARTICLE, trafilatura_version())
    visible = _joined(_clean(extract_visible(markup).split("\n")))
    if not whole_page and visible:
        # (a page without any text gets the loader's error alone, not a warning before it)
        LOG.warning("transdiff: warning: %s: no article found in the page; comparing all its visible text "
                    "(the whole page)", label)
    return PageText(visible, WHOLE_PAGE if whole_page else WHOLE_PAGE_FALLBACK, "transdiff visible text")


def trafilatura_version() -> str:
    import trafilatura

    return f"trafilatura {trafilatura.__version__}"


def extract_article(markup: str) -> Optional[str]:
    """Lines of the page's main text, or None when trafilatura finds no article in it."""
    from trafilatura import load_html

    _quiet_trafilatura()
    tree = load_html(markup)
    if tree is None:
        return None
    for unseen in tree.xpath("//template | //*[@hidden]"):
        # browsers never show these; trafilatura keeps their text
        unseen.drop_tree()
    heading = _document_heading(tree)
    headings = _section_headings(tree)
    # trafilatura cleans the tree it is given in place: the recall run gets a copy
    generous = _trafilatura_lines(deepcopy(tree), favor_recall=True)
    lines = _trafilatura_lines(tree, favor_recall=False)
    if not lines:
        return None
    lines = _fill_inner_gaps(lines, generous)
    if headings:
        # When trafilatura's main pass finds no container it recovers the paragraphs but not the
        # headings between them (short Chinese headings such as 第一条 are lost that way).
        visible = _clean(extract_visible(markup).split("\n"))
        lines = _fill_inner_gaps(lines, visible, keep=headings.__contains__)
    if heading and heading not in lines[:3]:
        # trafilatura takes the <h1> for page metadata when it stands outside the article's container;
        # it is the document's title, the first line of the text in every other format.
        lines.insert(0, heading)
    return _joined(lines)


def _trafilatura_lines(tree: Any, *, favor_recall: bool) -> list[str]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(tree, output_format="xml", include_comments=False, include_tables=True,
                              include_images=False, include_links=False, include_formatting=False,
                              deduplicate=False, with_metadata=False, favor_recall=favor_recall)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    return _clean(_render(main if main is not None else root))


def _fill_inner_gaps(lines: list[str], generous: list[str],
                     keep: Callable[[str], bool] = lambda line: True) -> list[str]:
    """``lines`` with the lines (that ``keep``) of a more generous reading found *between* two of them.

    On pages without an article container trafilatura's default run drops lists in the middle of the
    text; its recall run keeps them but also keeps furniture around the article (date lines, menus,
    editor lines). What a generous reading adds strictly inside the article's text is the article's own.
    """
    filled: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, lines, generous, autojunk=False).get_opcodes():
        if op == "insert" and 0 < i1 < len(lines):
            filled.extend(line for line in generous[j1:j2] if keep(line))
        elif op != "insert":
            filled.extend(lines[i1:i2])
    return filled


def _clean(lines: list[str]) -> list[str]:
    """The lines without the indentation, runs of spaces and blank lines of the markup."""
    return [line for line in (_SPACES.sub(" ", raw).strip() for raw in lines) if line]


def _joined(lines: list[str]) -> str:
    return "\n".join(lines) + "\n" if lines else ""


def _quiet_trafilatura() -> None:
    # It logs "discarding data" and the like at WARNING for pages without an article; that case gets
    # our own one-line warning instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def _render(element: Any) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines.extend("".join(current).split("\n"))
        current.clear()

    def walk(node: Any) -> None:
        tag = node.tag
        if tag in _DROPPED_ELEMENTS:
            current.append(node.tail or "")
            return
        starts_line = tag in _LINE_ELEMENTS
        if starts_line:
            flush()
        if tag == "cell" and node.getprevious() is not None:
            current.append("\t")
        if tag == "lb":
            current.append("\n")
        current.append((node.text or "").replace("\t", " "))
        for child in node:
            walk(child)
        if starts_line:
            flush()
        current.append((node.tail or "").replace("\t", " "))

    walk(element)
    flush()
    return lines


def _section_headings(tree: Any) -> frozenset[str]:
    """Texts of the page's <h2>-<h6> outside header/nav/footer/aside."""
    found = set()
    for element in tree.iter("h2", "h3", "h4", "h5", "h6"):
        if not any(a.tag in _CHROME_ANCESTORS for a in element.iterancestors()):
            found.update(_clean([element.text_content()]))
    return frozenset(found)


def _document_heading(tree: Any) -> Optional[str]:
    """The document's title as the page shows it: its only <h1> outside header/nav/footer/aside that
    is not a link (site banners are links home), else the first part of the page <title> when an
    element shows exactly it (old table layouts mark the title with <b> or <font> only)."""
    headings = [h for h in tree.iter("h1")
                if not any(a.tag in _CHROME_ANCESTORS for a in h.iterancestors())]
    if len(headings) == 1:
        text = " ".join(headings[0].text_content().split())
        linked = " ".join(" ".join(a.text_content() for a in headings[0].iter("a")).split())
        if text and len(text) <= _LONGEST_HEADING and linked != text:
            return text
    title = " ".join(" ".join(t.text_content() for t in tree.iter("title")).split())
    first = _TITLE_SEPARATORS.split(title)[0].strip()
    if not first or len(first) > _LONGEST_HEADING:
        return None
    body = tree.find("body")
    for element in body.iter() if body is not None else ():
        if isinstance(element.tag, str) and " ".join((element.text or "").split()) == first:
            return first
    return None
