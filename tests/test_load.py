"""Tests for the load stage: file checks, decoding, HTML, normalisation, script and language."""
from __future__ import annotations

import gzip
import io
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transdiff.errors import InputError, LanguageError
from transdiff.load import OffsetMap, decode_bytes, detect_language, from_text, load_path, normalise
from transdiff.dictionary.cedict import load_cedict, to_simplified

SHARED = Path(__file__).resolve().parents[1] / "corpora"  # the project's copy of the real pairs
UDHR_ZH = (SHARED / "udhr" / "zh.txt").read_text(encoding="utf-8")
UDHR_EN = (SHARED / "udhr" / "en.txt").read_text(encoding="utf-8")
CPC_ZH = (SHARED / "cpc20-report" / "zh.txt").read_text(encoding="utf-8")

# Characters normalise() deliberately changes; every other norm character equals its source character.
CHANGED = {chr(c) for c in range(0xFF01, 0xFF5F)} | set("\u2010\u2011\u2012\u2212\u2018\u2019")


def assert_maps_back(doc_text: str, norm: str, norm_to_text) -> None:
    assert len(norm_to_text) == len(norm) + 1
    assert norm_to_text[len(norm)] == len(doc_text)
    previous = -1
    for i, ch in enumerate(norm):
        offset = norm_to_text[i]
        assert previous <= offset < len(doc_text)
        previous = offset
        if doc_text[offset] in CHANGED or ch == " ":
            continue
        assert doc_text[offset] == ch, (i, ch, doc_text[offset: offset + 10])


def one_line_error(excinfo, *fragments: str) -> str:
    message = str(excinfo.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    return message


def traditional_udhr() -> str:
    """UDHR zh mapped character by character to traditional script with the inverse CEDICT table.

    The inverse picks one traditional form per simplified character, so it is not a faithful
    traditional edition, but it has the character statistics of one.
    """
    inverse: dict[str, str] = {}
    for trad, simp in sorted(load_cedict().trad_chars.items()):
        inverse.setdefault(simp, trad)
    return "".join(inverse.get(ch, ch) for ch in UDHR_ZH)


# --------------------------------------------------------------------------- real documents
@pytest.mark.parametrize("name, lang", [("udhr/zh.txt", "zh"), ("udhr/en.txt", "en"),
                                        ("cpc20-report/zh.txt", "zh")])
def test_real_documents_load_and_map_back(name: str, lang: str) -> None:
    doc = load_path(SHARED / name, role="source")
    assert doc.lang == lang
    assert doc.encoding == "utf-8"
    assert doc.path == str(SHARED / name)
    assert doc.script == ("simplified" if lang == "zh" else None)
    assert doc.lookup == doc.norm
    assert_maps_back(doc.text, doc.norm, doc.norm_to_text)
    # UDHR line 1 is the title; the norm keeps one paragraph per line.
    assert doc.norm.count("\n") == doc.text.strip().count("\n")


def test_udhr_zh_full_width_punctuation_is_ascii_in_norm() -> None:
    doc = load_path(SHARED / "udhr" / "zh.txt")
    assert "，" in doc.text and "，" not in doc.norm
    first_comma = doc.norm.index(",")
    assert doc.text[doc.norm_to_text[first_comma]] in ",，"
    assert "《世界人权宣言》。" in doc.norm  # CJK brackets and 。 are kept


# --------------------------------------------------------------------------- file checks
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as excinfo:
        load_path(tmp_path / "nope.txt", role="source")
    one_line_error(excinfo, "source file", "nope.txt", "does not exist")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as excinfo:
        load_path(tmp_path, role="target")
    one_line_error(excinfo, str(tmp_path), "is a directory")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(UDHR_EN, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, where chmod 000 does not stop reading; simulate the OS refusing.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as excinfo:
        load_path(path)
    one_line_error(excinfo, "secret.txt", "permission denied")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as excinfo:
        load_path(path)
    one_line_error(excinfo, "empty.txt", "is empty")


@pytest.mark.parametrize("content", [" \n\t\r\n  ", "\u3000\u00a0\n\u200b\ufeff\n", "\ufeff"])
def test_whitespace_only_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content.encode("utf-8"))
    with pytest.raises(InputError) as excinfo:
        load_path(path)
    one_line_error(excinfo, "blank.txt", "only whitespace")


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", UDHR_EN)
    return buffer.getvalue()


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    (None, "ZIP or Office (.docx"),
    (gzip.compress(UDHR_EN.encode()), "gzip"),
])
def test_binary_formats_are_named(tmp_path: Path, data: bytes | None, kind: str) -> None:
    path = tmp_path / "document.txt"
    path.write_bytes(_zip_bytes() if data is None else data)
    with pytest.raises(InputError) as excinfo:
        load_path(path, role="source")
    one_line_error(excinfo, "document.txt", f"looks like a {kind}")


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError) as excinfo:
        load_path(path)
    one_line_error(excinfo, "data.bin", "binary data")


def test_undecodable_bytes(tmp_path: Path) -> None:
    # Lone continuation bytes and 0xFF: not UTF-8, not GB18030/Big5, and in long runs (not cp1252).
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"Article 1 " + b"\x80\xff\x80\xff\x81\xfe" * 50 + b" end")
    with pytest.raises(InputError) as excinfo:
        load_path(path)
    one_line_error(excinfo, "garbled.txt", "not valid UTF-8", "offset 10", "re-save it as UTF-8")


def test_bad_utf16_after_bom() -> None:
    with pytest.raises(InputError) as excinfo:
        decode_bytes(b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00\xd8", name="source file 'x'")
    one_line_error(excinfo, "source file 'x'", "UTF-16")


# --------------------------------------------------------------------------- decoding
@pytest.mark.parametrize("codec, reported", [
    ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32"),
])
@pytest.mark.parametrize("text", [UDHR_ZH, UDHR_EN], ids=["zh", "en"])
def test_unicode_encodings(text: str, codec: str, reported: str) -> None:
    data = text.encode(codec)
    if codec == "utf-16":  # Python writes the native-order BOM; test the other order too
        big_endian = b"\xfe\xff" + text.encode("utf-16-be")
        assert decode_bytes(big_endian) == (text, "utf-16")
    assert decode_bytes(data) == (text, reported)


def test_utf16_bom_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "zh16.txt"
    path.write_bytes(UDHR_ZH.encode("utf-16"))
    doc = load_path(path)
    assert doc.encoding == "utf-16" and doc.lang == "zh" and doc.text == UDHR_ZH


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_gb_encodings_of_real_text(tmp_path: Path, codec: str) -> None:
    text = CPC_ZH if codec != "gb2312" else UDHR_ZH
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        pytest.fail(f"fixture not encodable in {codec}")
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(data)
    doc = load_path(path)
    assert (doc.text, doc.encoding) == (text, "gb18030")
    assert doc.lang == "zh" and doc.script == "simplified"


def test_gb18030_only_characters() -> None:
    # U+3400 and U+20000 are outside GBK; GB18030 encodes them with four bytes.
    text = UDHR_ZH[:400] + "\u3400\U00020000" + UDHR_ZH[400:800]
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_bytes(data) == (text, "gb18030")


def test_big5_traditional_text(tmp_path: Path) -> None:
    # Characters of the inverse-mapped text that Big5 lacks fall back to the simplified original
    # when Big5 has it, else are dropped: what is tested is detection on real traditional statistics.
    kept = []
    for trad, simp in zip(traditional_udhr(), UDHR_ZH):
        for candidate in (trad, simp):
            try:
                candidate.encode("big5")
            except UnicodeEncodeError:
                continue
            kept.append(candidate)
            break
    text = "".join(kept)
    assert len(text) > 0.97 * len(UDHR_ZH)
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    doc = load_path(path)
    assert (doc.text, doc.encoding) == (text, "big5")
    assert doc.lang == "zh" and doc.script == "traditional"
    assert "權" in doc.norm and "权" in doc.lookup


def test_cp1252_english(tmp_path: Path) -> None:
    text = UDHR_EN.replace("\u2010", "-").replace(
        "Preamble", "Preamble \u2014 caf\u00e9, na\u00efve, \u201cZ\u00fcrich\u201d, it\u2019s \u20ac5", 1)
    path = tmp_path / "en1252.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_path(path)
    assert (doc.text, doc.encoding) == (text, "cp1252")
    assert doc.lang == "en"
    assert "\u201cZ\u00fcrich\u201d, it's" in doc.norm


# --------------------------------------------------------------------------- HTML
PAGE = """<!DOCTYPE html>
<html><head><title>UDHR | United Nations</title><style>p {color: red}</style>
<script>var s = "<p>not text</p>";</script></head>
<body><h1>Universal Declaration of Human Rights</h1>
<p>Whereas recognition of the inherent dignity &amp; of the equal and
   inalienable rights&nbsp;of all members of the human family&#8212;is the foundation</p>
<noscript>enable scripts</noscript><template><p>template text</p></template>
<ul><li>Article 1</li><li>All human beings are born free &unknown; and equal</li></ul>
<div hidden>secret</div><p>line<br>break &#x4e2d;&#20154;</p><pre>  a
  b</pre>
</body></html>"""


def test_html_whole_page_is_the_visible_text_only() -> None:
    doc = from_text(PAGE, whole_page=True)
    assert doc.lang == "en" and doc.extraction == "whole-page"
    assert doc.norm.split("\n") == [
        "Universal Declaration of Human Rights",
        "Whereas recognition of the inherent dignity & of the equal and inalienable rights of all "
        "members of the human family\u2014is the foundation",
        "Article 1",
        "All human beings are born free &unknown; and equal",
        "line",
        "break 中人",
        "a",
        "b",
    ]
    for hidden in ("United Nations", "color", "not text", "enable scripts", "template text", "secret"):
        assert hidden not in doc.norm


@pytest.mark.parametrize("whole_page", [False, True])
def test_html_text_is_extracted_text_without_markup(whole_page: bool) -> None:
    doc = from_text(PAGE, whole_page=whole_page)
    for markup in ("<", "&amp;", "&#", "&nbsp;"):
        assert markup not in doc.text
    assert_maps_back(doc.text, doc.norm, doc.norm_to_text)
    assert doc.text.startswith("Universal Declaration of Human Rights\n")
    start = doc.norm.index("the human family")
    span = doc.text_span(start, start + len("the human family\u2014is"))
    assert doc.text[span[0]:span[1]] == "the human family\u2014is"
    for hidden in ("United Nations", "color", "not text", "enable scripts", "template text", "secret"):
        assert hidden not in doc.text


def test_html_file_by_suffix_and_by_content(tmp_path: Path) -> None:
    body = "<p>" + "</p>\r\n<p>".join(UDHR_ZH.splitlines()[:20]) + "</p>"
    by_suffix = tmp_path / "udhr.htm"
    by_suffix.write_text(body, encoding="utf-8", newline="")
    doc = load_path(by_suffix)
    assert doc.lang == "zh" and "<p>" not in doc.text
    assert doc.norm.split("\n")[0] == "世界人权宣言"
    assert_maps_back(doc.text, doc.norm, doc.norm_to_text)

    sniffed = tmp_path / "page.txt"
    sniffed.write_text("  \n<!doctype HTML>\n" + body, encoding="utf-8")
    assert "<p>" not in load_path(sniffed).text
    plain = tmp_path / "plain.txt"
    plain.write_text("Notes on <p> tags in the text of the article and the rules.\n", encoding="utf-8")
    assert "<p>" in load_path(plain).norm


def test_html_without_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Only a title</title></head><body> </body></html>")
    with pytest.raises(InputError) as excinfo:
        load_path(path)
    one_line_error(excinfo, "empty.html", "without visible text")


# --------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc\nd", "a\nb\nc\nd"),
    ("甲，乙；丙：（丁）１２！", "甲,乙;丙:(丁)12!"),
    ("a\u3000b\u00a0c\u2003d\u202fe\u205ff\tg", "a b c d e f g"),
    ("co\u00adop\u200ber\u200c\u200date\ufeff", "cooperate"),
    ("a\u2010b\u2011c\u2012d\u2212e", "a-b-c-d-e"),
    ("\u2018it\u2019s\u2019", "'it's'"),
    ("“引号”「括号」《书名》。、", "“引号”「括号」《书名》。、"),
    ("a  \t b", "a b"),
    ("  line one  \n\t line two \n", "line one\nline two"),
    ("p1\n\n\n\n\np2\r\n\r\n\r\np3\n\np4", "p1\n\np2\n\np3\n\np4"),
    ("caf" + "e\u0301 \u212b", "caf\u00e9 \u00c5"),
])
def test_normalise_rules(raw: str, expected: str) -> None:
    norm, norm_to_text = normalise(raw)
    assert norm == expected
    assert len(norm_to_text) == len(norm) + 1 and norm_to_text[-1] == len(raw)


def test_normalise_offsets_exact() -> None:
    raw = "  Hi，\u3000you\r\n\r\n\r\n\tx\u00ady  \r e\u0301!"
    norm, norm_to_text = normalise(raw)
    assert norm == "Hi, you\n\nxy\né!"
    assert list(norm_to_text) == [2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 18, 21, 23, 25, 26]
    assert raw[norm_to_text[norm.index("é")]] == "e"  # composed character maps to its base


ALPHABET = "ab中文 \t\r\n\u3000\u00a0\u200b\u00ad，１e\u0301\u2019“"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_normalise_invariants(raw: str) -> None:
    norm, norm_to_text = normalise(raw)
    assert len(norm_to_text) == len(norm) + 1
    assert norm == norm.strip(" \n")
    for bad in ("  ", " \n", "\n ", "\n\n\n", "\r", "\t", "\u200b", "\u00ad", "\u3000", "，"):
        assert bad not in norm
    offsets = list(norm_to_text)
    assert offsets == sorted(offsets) and offsets[-1] == len(raw)
    for i, ch in enumerate(norm):
        source = raw[norm_to_text[i]]
        if ch == "\n":
            assert source in "\r\n"
        elif ch == " ":
            assert source in " \t\u3000\u00a0"
        elif ch not in ",1'":
            # a composed character (and any mark left over after composing) maps to its base character
            if unicodedata.combining(ch):
                assert source == ch or not unicodedata.combining(source)
            else:
                assert unicodedata.normalize("NFD", ch)[0] == source


def test_offset_map_sequence_behaviour() -> None:
    norm, norm_to_text = normalise("a  b\r\nc")
    assert isinstance(norm_to_text, OffsetMap)
    assert norm == "a b\nc"
    assert norm_to_text == [0, 1, 3, 5, 6, 7]
    assert norm_to_text[1:4] == [1, 3, 5] and norm_to_text[-2] == 6
    assert norm_to_text[::2] == [0, 3, 6]
    with pytest.raises(IndexError):
        norm_to_text[6]


def test_large_english_file_is_fast_and_compact(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(UDHR_EN * 500, encoding="utf-8")  # about 5 MB
    started = time.perf_counter()
    doc = load_path(path)
    elapsed = time.perf_counter() - started
    assert doc.lang == "en" and len(doc.norm) > 5_000_000
    assert doc.norm_to_text.runs() < 10  # the map costs bytes, not one integer per character
    assert elapsed < 5.0, elapsed


# --------------------------------------------------------------------------- script and language
def test_traditional_script_and_lookup() -> None:
    trad = traditional_udhr()
    doc = from_text(trad)
    assert doc.lang == "zh" and doc.script == "traditional"
    assert len(doc.lookup) == len(doc.norm)
    assert doc.lookup == to_simplified(doc.norm)
    assert "世界人权宣言" in doc.lookup and "權" in doc.norm


def test_simplified_with_a_few_traditional_characters_stays_simplified() -> None:
    doc = from_text(UDHR_ZH + "\n臺灣與香港")
    assert doc.script == "simplified" and doc.lookup == doc.norm


FRENCH = ("Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de "
          "raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.")
GERMAN = ("Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und "
          "Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.")
SPANISH = ("Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están "
           "de razón y conciencia, deben comportarse fraternalmente los unos con los otros.")
JAPANESE = "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。"
KOREAN = "모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다."


@pytest.mark.parametrize("text, lang", [
    (UDHR_EN, "en"), (UDHR_ZH, "zh"), (CPC_ZH[:3000], "zh"),
    ("联合国秘书长António Guterres和United Nations Human Rights Council在日内瓦举行会议。", "zh"),
    ("Universal Declaration of Human Rights", "en"),
    (FRENCH, None), (GERMAN, None), (SPANISH, None), (JAPANESE, None), (KOREAN, None),
    ("1948 12 10 217 (III)", None),
])
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(normalise(text)[0]) == lang


@pytest.mark.parametrize("text, hint", [(FRENCH * 3, "English"), (JAPANESE * 3, "Japanese"),
                                        (KOREAN * 3, "Korean")])
def test_language_error_names_file(tmp_path: Path, text: str, hint: str) -> None:
    path = tmp_path / "other.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LanguageError) as excinfo:
        load_path(path, role="target")
    one_line_error(excinfo, "target file", "other.txt", "neither Chinese nor English", hint)


def test_from_text_language_override_and_errors() -> None:
    assert from_text(FRENCH, lang="en").lang == "en"
    with pytest.raises(LanguageError):
        from_text(FRENCH)
    with pytest.raises(InputError):
        from_text("")
    with pytest.raises(InputError):
        from_text(" \n ")


def test_html_with_omitted_head_end_tag() -> None:
    page = "<html><head><title>Site</title><meta charset=utf-8><body><p>Article 1</p><p>All human beings are born free</p>"
    doc = from_text(page, whole_page=True)
    assert doc.norm == "Article 1\nAll human beings are born free"
    assert doc.text.strip() == "Article 1\nAll human beings are born free"
