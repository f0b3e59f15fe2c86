"""Loading .docx, .pdf and http(s) URLs: extraction, the load_path hook, and one-line errors."""
from __future__ import annotations

import io
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from xml.sax.saxutils import escape

import pytest

import transdiff
from transdiff.errors import InputError
from transdiff.load import load_path
from transdiff.load.office import extract_docx, extract_pdf
from transdiff.load.url import load_url

ROOT = Path(__file__).resolve().parents[1]
UDHR_EN = (ROOT / "corpora" / "udhr" / "en.txt").read_text(encoding="utf-8")
UDHR_ZH = (ROOT / "corpora" / "udhr" / "zh.txt").read_text(encoding="utf-8")


def one_line_error(excinfo: pytest.ExceptionInfo, *fragments: str) -> str:
    message = str(excinfo.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return message


# --------------------------------------------------------------------------- docx
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(text: str) -> str:
    # Split every paragraph over two runs, as Word does at formatting or revision boundaries.
    middle = len(text) // 2
    return f"<w:p><w:pPr/>{run(text[:middle])}{run(text[middle:])}</w:p>"


def docx_bytes(body: str) -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
           f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def docx_from_text(text: str) -> bytes:
    return docx_bytes("".join(paragraph(line) for line in text.rstrip("\n").split("\n")))


def test_docx_paragraphs_come_back_line_by_line() -> None:
    for text in (UDHR_EN, UDHR_ZH):
        assert extract_docx(docx_from_text(text)) == text.rstrip("\n")


def test_docx_tables_tabs_breaks_and_revisions() -> None:
    body = (
        paragraph("Article 1")
        + "<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Value</w:t><w:br/><w:t>second line</w:t></w:r></w:p>"
        + "<w:tbl><w:tr><w:tc><w:p>" + run("人人生而自由") + "</w:p></w:tc><w:tc><w:p>" + run("All free")
        + "</w:p><w:p>" + run("and equal") + "</w:p></w:tc></w:tr>"
        + "<w:tr><w:tc><w:p>" + run("R2") + "</w:p></w:tc><w:tc><w:p>" + run("x < y & z") + "</w:p></w:tc></w:tr></w:tbl>"
        + '<w:p><w:r><w:t>kept </w:t></w:r><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>'
        + '<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>'
    )
    assert extract_docx(docx_bytes(body)).split("\n") == [
        "Article 1", "Name\tValue", "second line", "人人生而自由\tAll free and equal", "R2\tx < y & z",
        "kept inserted",
    ]


def test_docx_errors_are_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(InputError) as excinfo:
        load_path(broken, role="source")
    one_line_error(excinfo, "broken.docx", "not a readable .docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "sheet.docx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as excinfo:
        load_path(tmp_path / "sheet.docx")
    one_line_error(excinfo, "sheet.docx", "not a Word document")


def _finding_view(result: transdiff.Result) -> list[tuple]:
    view = []
    for f in result.findings:
        src = result.source.text[f.source_span[0]:f.source_span[1]] if f.source_span else None
        tgt = result.target.text[f.target_span[0]:f.target_span[1]] if f.target_span else None
        view.append((f.type, round(f.confidence, 6), src, tgt, f.source_text, f.target_text))
    return view


def test_compare_on_docx_equals_compare_on_txt(tmp_path: Path) -> None:
    # Take out one article of the English version so that there is a real omission to find.
    lines = UDHR_EN.rstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "Article 5")
    english = "\n".join(lines[:start] + lines[start + 2:]) + "\n"
    (tmp_path / "zh.txt").write_text(UDHR_ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(english, encoding="utf-8")
    (tmp_path / "zh.docx").write_bytes(docx_from_text(UDHR_ZH))
    (tmp_path / "en.docx").write_bytes(docx_from_text(english))
    from_txt = transdiff.compare(tmp_path / "zh.txt", tmp_path / "en.txt")
    from_docx = transdiff.compare(tmp_path / "zh.docx", tmp_path / "en.docx")
    assert from_docx.source.encoding == "docx" and from_docx.target.path.endswith("en.docx")
    assert from_docx.target.text == english.rstrip("\n")
    assert any(f.type == "omission" for f in from_txt.findings)
    assert _finding_view(from_docx) == _finding_view(from_txt)


# --------------------------------------------------------------------------- pdf
def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF with a real text layer: Helvetica, one Tj per line, WinAnsi (cp1252) text."""
    def literal(text: str) -> bytes:
        return b"(" + text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for number, lines in enumerate(pages):
        page_id, content_id = 4 + 2 * number, 5 + 2 * number
        kids.append(f"{page_id} 0 R".encode())
        ops = [b"BT /F1 10 Tf 12 TL 50 800 Td"] + [literal(line) + b" Tj T*" for line in lines] + [b"ET"]
        stream = b"\n".join(ops) if lines else b"0 0 100 100 re f"
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (key, objects[key])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[key] for key in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def wrap(paragraph_text: str, width: int, hyphenate: bool) -> list[str]:
    """Greedy line breaking; with ``hyphenate`` a long word that does not fit is split with a hyphen."""
    lines, current = [], ""
    for word in paragraph_text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
            continue
        room = width - len(current) - 2
        if hyphenate and word.isalpha() and len(word) >= 8 and room >= 4:
            lines.append(f"{current} {word[:room]}-")
            current = word[room:]
        else:
            lines.append(current)
            current = word
    return lines + [current]


def udhr_pdf_paragraphs() -> list[str]:
    """The preamble and first articles of the English UDHR, in characters Helvetica/WinAnsi has."""
    lines = UDHR_EN.replace("\u2010", "-").split("\n")
    start = lines.index("Preamble") + 1
    end = next(i for i, line in enumerate(lines) if line.strip() == "Article 6")
    return [line for line in lines[start:end] if line.strip()]


def test_pdf_headers_page_numbers_and_line_breaks_are_repaired() -> None:
    paragraphs = udhr_pdf_paragraphs()
    body = [line for text in paragraphs for line in wrap(text, 80, hyphenate=True)]
    assert any(line.endswith("-") and line[-2].isalpha() for line in body)  # the fixture hyphenates
    per_page = 18
    chunks = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    pages = [["A/RES/217 A (III)", f"Universal Declaration of Human Rights - {n + 1} December 1948"] + chunk
             + [f"Page {n + 1} of {len(chunks)}"] for n, chunk in enumerate(chunks)]
    assert len(pages) >= 3
    text = extract_pdf(pdf_bytes(pages))
    assert "A/RES/217" not in text and "Page " not in text and "December 1948" not in text
    assert text.split("\n") == paragraphs


def test_pdf_chinese_lines_are_joined_without_spaces() -> None:
    from transdiff.load.office import _paragraphs

    assert _paragraphs(["人人生而自由，在尊严和权利上一律平等。他们赋有理性和良", "心，并应以兄弟关系的精神相对待。",
                        "第二条", "人人有资格享有本宣言所载的一切权利和自由。"]) == [
        "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。", "第二条",
        "人人有资格享有本宣言所载的一切权利和自由。"]


def test_pdf_load_path_and_errors(tmp_path: Path) -> None:
    paragraphs = udhr_pdf_paragraphs()[:6]
    path = tmp_path / "udhr.pdf"
    path.write_bytes(pdf_bytes([[line for text in paragraphs for line in wrap(text, 90, hyphenate=False)]]))
    doc = load_path(path, role="target")
    assert doc.lang == "en" and doc.encoding == "pdf" and doc.text == "\n".join(paragraphs)
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(pdf_bytes([[], []]))
    with pytest.raises(InputError) as excinfo:
        load_path(scanned, role="source")
    one_line_error(excinfo, "scan.pdf", "no text layer (scanned PDF?)")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    with pytest.raises(InputError) as excinfo:
        load_path(broken)
    one_line_error(excinfo, "broken.pdf")


# --------------------------------------------------------------------------- URLs
UDHR_ZH_HTML = ("<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>世界人权宣言</title></head><body>"
                + "".join(f"<p>{escape(line)}</p>" for line in UDHR_ZH.split("\n")[:12] if line.strip())
                + "</body></html>")


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {
        "/udhr-zh.html": ("text/html", UDHR_ZH_HTML.encode("gbk")),
        "/udhr-en.txt": ("text/plain; charset=utf-16", UDHR_EN.encode("utf-16")),
        "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
    }

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, content_type: str, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path in self.routes:
            self._send(200, *self.routes[self.path])
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/plain", b"too late")
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"All human beings are born free. ")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/huge-declared":
            self._send(200, "text/html", b"<html></html>", length=10**9)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"All human beings are born free and equal in dignity and rights. " * 64)
        else:
            self._send(404, "text/plain", b"not here")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the time-out and size tests hang up on purpose: broken pipes are expected


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_charset_from_meta_tag(server: str) -> None:
    url = f"{server}/udhr-zh.html"
    doc = load_path(url, role="source")  # the load_path hook
    assert doc.path == url and doc.lang == "zh" and doc.encoding == "gbk"
    assert "世界人权宣言" in doc.norm and "<p>" not in doc.norm and "<p>" not in doc.text
    assert doc.extraction in ("article", "whole-page-fallback")


def test_url_text_charset_from_header(server: str) -> None:
    doc = load_url(f"{server}/udhr-en.txt")
    assert doc.lang == "en" and doc.encoding == "utf-16"
    assert doc.text.rstrip("\n") == UDHR_EN.rstrip("\n")


@pytest.mark.parametrize("path, limits, fragments", [
    ("/slow", {"timeout": 0.3}, ["did not answer within 0.3 s"]),
    ("/drip", {"timeout": 0.5}, ["did not answer within 0.5 s"]),
    ("/huge-declared", {}, ["953.7 MB", "20.0 MB limit"]),
    ("/huge", {"max_bytes": 100_000}, ["larger than the 98 KB limit"]),
    ("/missing", {}, ["HTTP 404"]),
    ("/logo.png", {}, ["not a web page", "image/png"]),
])
def test_url_errors_are_one_line(server: str, path: str, limits: dict, fragments: list[str]) -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as excinfo:
        load_url(f"{server}{path}", role="target", **limits)
    one_line_error(excinfo, "target URL", path, *fragments)
    assert time.monotonic() - started < 1.8  # the time-outs bound the whole download


def test_url_connection_refused() -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError) as excinfo:
        load_path(f"http://127.0.0.1:{port}/x.html")
    one_line_error(excinfo, "could not be fetched")
