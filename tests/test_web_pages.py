"""Web pages as analysts save them: the article is compared, not the page furniture.

The pages are built here from the bundled UDHR texts (tests/web_pages.py): a People's Daily-style
Chinese page, a secretariat-style English page, an article split over several <div>s, the text inside
a table; in UTF-8, GB18030 and Big5; as files and as URLs of a local server on 127.0.0.1.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Iterator

import pytest

import transdiff
from conftest import UDHR, run_cli_inprocess, run_cli_subprocess
from test_bad_input import traditional
from test_report import SCHEMA, schema_errors
from transdiff.load import load_path
from transdiff.load.article import EXTRACTIONS
from transdiff.report import render
from transdiff.report.json import to_dict
from web_pages import (FURNITURE, ministry_page, peoples_daily_page, secretariat_page, secretariat_table_page,
                       split_divs_page, table_page)

ZH = (UDHR / "zh.txt").read_text(encoding="utf-8")
EN = (UDHR / "en.txt").read_text(encoding="utf-8")
ARTICLE_3 = "Article 3\nEveryone has the right to life, liberty and the security of person.\n"
EN_WITHOUT_3 = EN.replace(ARTICLE_3, "")
ZH_ARTICLE_3 = "人人有权享有生命、自由和人身安全。"
MARKUP = ("<", ">", "&lt;", "&amp;", "&#")


def big5_text(text: str) -> str:
    """``text`` in traditional script as Big5 can hold it (the few characters it cannot are dropped,
    e.g. the parenthesised numbers that open some lines)."""
    kept = traditional(text).encode("big5", errors="ignore").decode("big5")
    return "\n".join(line.strip() for line in kept.split("\n"))


def page_bytes(builder, text: str, codec: str) -> bytes:
    # Characters a legacy charset lacks (©, Cyrillic) are written as character references, as sites do.
    return builder(text.rstrip("\n"), codec).encode(codec, errors="xmlcharrefreplace")


def page_file(folder: Path, name: str, builder, text: str, codec: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(page_bytes(builder, text, codec))
    return path


def furniture_in(text: str) -> list[str]:
    """Furniture strings in ``text`` that the document itself does not contain."""
    flat = " ".join(text.split())
    return [f for f in FURNITURE if f in flat and f not in ZH and f not in EN]


# --------------------------------------------------------------------------- extraction
ZH_SHAPES = [("peoples-daily", peoples_daily_page), ("ministry", ministry_page), ("split-divs", split_divs_page),
             ("table", table_page)]
EN_SHAPES = [("secretariat", secretariat_page), ("secretariat-table", secretariat_table_page)]
CASES = ([(name, builder, "zh", codec) for name, builder in ZH_SHAPES for codec in ("utf-8", "gb18030", "big5")]
         + [(name, builder, "en", "utf-8") for name, builder in EN_SHAPES])


@pytest.mark.parametrize("name, builder, lang, codec", CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_the_article_of_each_page_is_the_plain_text(tmp_path, name, builder, lang, codec):
    text = ZH if lang == "zh" else EN
    if codec == "big5":
        text = big5_text(text)
    doc = load_path(page_file(tmp_path, f"{name}.html", builder, text, codec))
    assert (doc.extraction, doc.extractor.split()[0]) == ("article", "trafilatura")
    assert doc.encoding == codec and doc.lang == lang
    assert doc.text == text
    assert furniture_in(doc.text) == []


def test_whole_page_keeps_the_furniture(tmp_path):
    doc = load_path(page_file(tmp_path, "zh.html", peoples_daily_page, ZH), whole_page=True)
    assert doc.extraction == "whole-page"
    assert "人民网版权所有，未经书面授权禁止使用" in doc.text and "相关新闻" in doc.text
    assert ZH.split("\n")[5] in doc.text
    assert not any(mark in doc.text for mark in ("<p", "</", "<script"))


# --------------------------------------------------------------------------- findings
def findings(result: transdiff.Result) -> list[dict]:
    return to_dict(result)["findings"]


@pytest.fixture(scope="module")
def txt_results(tmp_path_factory) -> dict[str, transdiff.Result]:
    folder = tmp_path_factory.mktemp("txt")
    (folder / "en-without-3.txt").write_text(EN_WITHOUT_3, encoding="utf-8")
    return {"faithful": transdiff.compare(UDHR / "zh.txt", UDHR / "en.txt"),
            "without-3": transdiff.compare(UDHR / "zh.txt", folder / "en-without-3.txt")}


def assert_article_3_found_and_nothing_from_the_page(result: transdiff.Result) -> None:
    listed = findings(result)
    article_3 = [f for f in listed if f["type"] == "omission" and ZH_ARTICLE_3 in f["source_text"]]
    assert len(article_3) == 1 and article_3[0]["gloss"], listed
    assert len(listed) - 1 <= 2, [f["source_text"] for f in listed]
    for finding in listed:
        for side in ("source_text", "target_text"):
            text = finding[side] or ""
            assert not any(mark in text for mark in MARKUP), text
            assert furniture_in(text) == [], text


@pytest.mark.parametrize("zh_builder, en_builder, codec", [
    (peoples_daily_page, secretariat_page, "gb18030"),
    (ministry_page, secretariat_page, "utf-8"),
    (split_divs_page, secretariat_page, "utf-8"),
    (table_page, secretariat_table_page, "utf-8"),
], ids=["news-gb18030", "ministry", "split-divs", "tables"])
def test_furniture_pages_give_the_findings_of_the_txt_pair(tmp_path, txt_results, zh_builder, en_builder, codec):
    zh = page_file(tmp_path, "zh.html", zh_builder, ZH, codec)
    en = page_file(tmp_path, "en.html", en_builder, EN_WITHOUT_3)
    result = transdiff.compare(zh, en)
    assert_article_3_found_and_nothing_from_the_page(result)
    assert findings(result) == findings(txt_results["without-3"])
    header = render(result, "text").split("\n")[1]
    assert header.startswith("source: ") and header.split(")")[0].endswith(", article")


def test_faithful_pages_give_the_findings_of_the_txt_pair(tmp_path, txt_results):
    zh = page_file(tmp_path, "zh.html", peoples_daily_page, ZH)
    en = page_file(tmp_path, "en.html", secretariat_page, EN)
    result = transdiff.compare(zh, en)
    assert findings(result) == findings(txt_results["faithful"])
    assert to_dict(result)["alignment"] == to_dict(txt_results["faithful"])["alignment"]


def test_big5_page_gives_the_findings_of_its_txt_copy(tmp_path):
    text = big5_text(ZH)
    txt = tmp_path / "zh.txt"
    txt.write_text(text, encoding="utf-8")
    page = page_file(tmp_path, "zh.html", peoples_daily_page, text, "big5")
    en = tmp_path / "en.txt"
    en.write_text(EN_WITHOUT_3, encoding="utf-8")
    from_page, from_txt = transdiff.compare(page, en), transdiff.compare(txt, en)
    assert from_page.source.script == "traditional"
    assert findings(from_page) == findings(from_txt)
    assert any(f["type"] == "omission" and "生命" in f["source_text"] for f in findings(from_page))


def test_json_report_names_the_extraction(tmp_path):
    zh = page_file(tmp_path, "zh.html", peoples_daily_page, ZH)
    out = tmp_path / "report.json"
    run = run_cli_inprocess(["compare", zh, UDHR / "en.txt", "--format", "json", "-o", out])
    assert run.code == 0, run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert schema_errors(data, SCHEMA) == []
    assert (data["source"]["extraction"], data["target"]["extraction"]) == ("article", None)
    assert data["source"]["extractor"].startswith("trafilatura ")
    enum = SCHEMA["$defs"]["document"]["properties"]["extraction"]["enum"]
    assert set(enum) == {*EXTRACTIONS, None}


def test_whole_page_option_compares_the_furniture_too(tmp_path):
    zh = page_file(tmp_path, "zh.html", peoples_daily_page, ZH)
    en = page_file(tmp_path, "en.html", secretariat_page, EN)
    out = tmp_path / "report.json"
    run = run_cli_inprocess(["compare", zh, en, "--whole-page", "--format", "json", "-o", out])
    assert run.code == 0, run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["extraction"] == data["target"]["extraction"] == "whole-page"
    texts = [f["source_text"] or "" for f in data["findings"]] + [f["target_text"] or "" for f in data["findings"]]
    assert any(furniture_in(text) for text in texts)   # what the article extraction is there to prevent
    assert not any(mark in text for text in texts for mark in ("<p", "</"))


# --------------------------------------------------------------------------- no article found
def aside_page(text: str) -> str:
    """A page whose only text sits in an <aside>: trafilatura takes it for a sidebar and finds nothing."""
    body = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<!DOCTYPE html><html><head><title>附件</title></head><body><aside>{body}</aside></body></html>"


def test_no_article_falls_back_to_the_whole_page_with_a_warning(tmp_path, caplog):
    path = tmp_path / "aside.html"
    path.write_text(aside_page(ZH), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="transdiff.load"):
        doc = load_path(path)
    assert doc.extraction == "whole-page-fallback" and doc.text.strip() == ZH.strip()
    messages = [r.getMessage() for r in caplog.records if r.name == "transdiff.load"]
    assert len(messages) == 1 and "\n" not in messages[0]
    assert "aside.html" in messages[0] and "no article found" in messages[0]


def test_no_article_warning_is_one_line_on_stderr(tmp_path):
    zh = tmp_path / "aside.html"
    zh.write_text(aside_page(ZH), encoding="utf-8")
    run = run_cli_subprocess(["compare", zh, UDHR / "en.txt", "--format", "json"], timeout=300)
    assert run.code == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transdiff: warning: ") and "no article found" in lines[0]
    assert json.loads(run.stdout)["source"]["extraction"] == "whole-page-fallback"


# --------------------------------------------------------------------------- URLs
MAX_REQUESTS = 20
SERVER_SECONDS = 120.0


class PageHandler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {}
    served = 0

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        type(self).served += 1
        content_type, body = self.routes.get(self.path, ("text/plain", b"not here"))
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def page_server() -> Iterator[str]:
    """Loopback only; answers at most MAX_REQUESTS requests and stops by itself after SERVER_SECONDS."""
    PageHandler.routes = {
        # charset in the header for one page, only in the page's <meta> for the others
        "/zh.html": ("text/html; charset=gb18030", page_bytes(peoples_daily_page, ZH, "gb18030")),
        "/en.html": ("text/html", page_bytes(secretariat_page, EN_WITHOUT_3, "utf-8")),
        "/zh-table.html": ("text/html", page_bytes(table_page, big5_text(ZH), "big5")),
    }
    PageHandler.served = 0
    httpd = HTTPServer(("127.0.0.1", 0), PageHandler)
    httpd.timeout = 0.2   # handle_request() returns at least this often, so the limits are checked
    deadline = time.monotonic() + SERVER_SECONDS
    stop = threading.Event()

    def serve() -> None:
        while PageHandler.served < MAX_REQUESTS and time.monotonic() < deadline and not stop.is_set():
            httpd.handle_request()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    stop.set()
    thread.join(timeout=5)
    httpd.server_close()
    assert PageHandler.served <= MAX_REQUESTS


def test_pages_given_as_urls_give_the_findings_of_the_files(page_server, txt_results):
    zh, en = f"{page_server}/zh.html", f"{page_server}/en.html"
    result = transdiff.compare(zh, en)
    assert (result.source.path, result.source.encoding, result.source.extraction) == (zh, "gb18030", "article")
    assert result.target.extraction == "article"
    assert_article_3_found_and_nothing_from_the_page(result)
    assert findings(result) == findings(txt_results["without-3"])


def test_big5_table_page_as_url(page_server):
    doc = load_path(f"{page_server}/zh-table.html")
    assert (doc.encoding, doc.script, doc.extraction) == ("big5", "traditional", "article")
    assert doc.text == big5_text(ZH)


def test_a_list_inside_a_page_without_article_container_is_kept():
    # Hand-made pages put the text straight into <body>; trafilatura's default run then drops lists.
    items = ["Everyone has the right to education.", "Education shall be directed to the full development.",
             "Parents have a prior right to choose the kind of education."]
    paragraphs = [line for line in EN.split("\n") if line.strip()][1:12]
    page = ("<html><head><title>Universal Declaration of Human Rights</title></head><body>"
            '<div class="nav"><a href="/">Home</a> <a href="/docs">Documents</a></div>'
            "<h1>Universal Declaration of Human Rights</h1>"
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs[:6])
            + "<ol>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ol>"
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs[6:]) + "</body></html>")
    doc = transdiff.from_text(page)
    assert doc.extraction == "article"
    assert doc.text.split("\n")[:-1] == ["Universal Declaration of Human Rights", *paragraphs[:6], *items,
                                         *paragraphs[6:]]


def test_a_page_without_text_is_one_error_line_and_no_warning(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>")
    run = run_cli_subprocess(["compare", page, UDHR / "en.txt"], timeout=300)
    assert run.code == 2
    assert run.stderr.strip().splitlines() == [run.stderr.strip()]
    assert run.stderr.startswith("transdiff: error: ") and "without visible text" in run.stderr
