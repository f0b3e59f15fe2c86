"""Visible text of an HTML page.

Used by :mod:`transdiff.load.article` for ``--whole-page`` and for pages without an article. Only the
standard library's ``html.parser`` is used, so malformed pages are read as leniently as browsers read
them, within reason.

Decisions:
* ``<head>`` is dropped *including* ``<title>``: page titles usually repeat the ``<h1>`` or carry site
  chrome ("... | United Nations") that is not part of the document and would show up as additions.
* ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``math``, ``iframe``, ``object``,
  ``canvas`` and any element with a ``hidden`` attribute are dropped with their content.
* Block elements (``p``, ``div``, ``li``, ``h1``-``h6``, ``tr``, ``td``, ...) end a paragraph: the
  visible text gets one ``"\\n"`` there (several nested block boundaries give one newline); ``<br>``
  always gives a newline. Other whitespace in text is a plain space, except inside ``<pre>``.
* Entities and character references are decoded. Unknown entities are kept verbatim.

The visible text is the page's ``Document.text`` only with ``--whole-page`` or when no article is found
(see ``article``); findings point into it, never into the markup, so no markup offsets are kept.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

SKIPPED_ELEMENTS = frozenset(
    "script style noscript template head title svg math iframe object canvas".split()
)
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
    nav ol option p pre section summary table tbody td tfoot th thead tr ul""".split()
)
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# In HTML, newlines and tabs inside running text are just spaces; only <pre> keeps them.
_HTML_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " "})


class _VisibleTextParser(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = markup
        # getpos() gives (line, column) counting "\n" only; these turn it into an absolute offset.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", markup)]
        self.pieces: list[str] = []
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.at_line_start = True       # only whitespace emitted since the last newline

    # -- helpers ---------------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, text: str) -> None:
        """Running text (its trailing spaces do not end a line) or a decoded entity or reference."""
        if not text:
            return
        self.pieces.append(text)
        if text.strip():
            self.at_line_start = text.rstrip(" ").endswith("\n")

    def _paragraph_break(self, always: bool = False) -> None:
        if always or not self.at_line_start:
            self.pieces.append("\n")
            self.at_line_start = True

    def _leave_head_if_implied(self, tag: str) -> None:
        # "</head>" may be omitted; <body> or a block element means the head is over.
        if self.skip_stack == ["head"] and (tag == "body" or tag in BLOCK_ELEMENTS):
            self.skip_stack.clear()

    # -- parser callbacks ------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._leave_head_if_implied(tag)
        if self.skip_stack:
            if tag == self.skip_stack[-1] and tag not in VOID_ELEMENTS:
                self.skip_stack.append(tag)
            return
        if tag not in VOID_ELEMENTS and (tag in SKIPPED_ELEMENTS or any(k == "hidden" for k, _ in attrs)):
            self.skip_stack.append(tag)
            return
        if tag == "br":
            self._paragraph_break(always=True)
        elif tag in BLOCK_ELEMENTS:
            self._paragraph_break()
        if tag == "pre":
            self.pre_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in BLOCK_ELEMENTS:
            self._paragraph_break()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_stack:
            return
        if not self.pre_depth:
            data = data.translate(_HTML_SPACE)
        self._emit(data)

    def handle_entityref(self, name: str) -> None:
        if self.skip_stack:
            return
        start = self._offset()
        decoded = html.unescape(f"&{name};")
        if decoded == f"&{name};":
            # Unknown entity: keep exactly what the page says.
            end = start + 1 + len(name)
            if self.markup.startswith(";", end):
                end += 1
            self._emit(self.markup[start:end])
        else:
            self._emit(decoded.translate(_HTML_SPACE))

    def handle_charref(self, name: str) -> None:
        if self.skip_stack:
            return
        decoded = html.unescape(f"&#{name};")
        if not self.pre_depth:
            decoded = decoded.translate(_HTML_SPACE)
        self._emit(decoded)


def extract_visible(markup: str) -> str:
    """The visible text of the page, one line per block."""
    parser = _VisibleTextParser(markup)
    parser.feed(markup)
    parser.close()
    return "".join(parser.pieces)
