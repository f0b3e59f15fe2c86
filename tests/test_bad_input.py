"""Bad input end to end: real files in many encodings and many broken shapes, through the CLI.

Readable encodings must give exactly the findings of the UTF-8 original; everything else must end
with exit code 2 and one line on stderr that starts with ``transdiff: error:`` (never a traceback).
Every error case runs twice: in a fresh interpreter (``python -m transdiff.cli``) and through
click's CliRunner.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import resource
import struct
import subprocess
import sys
import time
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import pytest

import transdiff
from conftest import ROOT, UDHR, CliRun, run_cli_inprocess, run_cli_subprocess
from transdiff.load import load_path
from transdiff.report.json import to_dict
from transdiff.dictionary.cedict import load_cedict

UNRELATED_EN = ROOT / "tests" / "fixtures" / "wmt20" / "newstest2020.zh-en.Human-A.0.txt"  # news, not the UDHR
FRENCH = ("Déclaration universelle des droits de l'homme\n"
          "Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison "
          "et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.\n"
          "Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente "
          "Déclaration, sans distinction aucune, notamment de race, de couleur, de sexe, de langue, de "
          "religion, d'opinion politique ou de toute autre opinion.\n"
          "Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.\n")
RUNNERS = {"subprocess": run_cli_subprocess, "clirunner": run_cli_inprocess}


def assert_one_line_error(run: CliRun, *fragments: str) -> None:
    assert run.code == 2, (run.code, run.stderr)
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("transdiff: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert run.stdout == ""


def findings_of(result: transdiff.Result) -> list[dict]:
    return to_dict(result)["findings"]


def alignment_of(result: transdiff.Result) -> list:
    return to_dict(result)["alignment"]


# --- file builders --------------------------------------------------------------------------------

def tiny_png() -> bytes:
    """A real 2x2 RGB PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tiny_pdf(text: str) -> bytes:
    """A minimal one-page PDF whose page shows ``text`` (the bytes a PDF export really starts with)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out = b"%PDF-1.4\n"
    for number, body in enumerate(objects, 1):
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    return out + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def traditional(simplified: str) -> str:
    """The UDHR in traditional characters, through CC-CEDICT's character table (first Big5-able choice)."""
    choices: dict[str, list[str]] = {}
    for trad, simp in load_cedict().trad_chars.items():
        choices.setdefault(simp, []).append(trad)
    table = {}
    for simp, trads in choices.items():
        encodable = [t for t in trads if _big5_ok(t)]
        if encodable:
            table[ord(simp)] = sorted(encodable)[0]
    return simplified.translate(table)


def _big5_ok(ch: str) -> bool:
    try:
        ch.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


def western_english(english: str) -> str:
    """UDHR English with Latin-1 letters in it, so a Latin-1 file really uses bytes above 0x7F."""
    return english.replace("\u2010", "-").replace(
        "Preamble", "Preamble (adopted at the Palais de Chaillot, Paris: a façade, a café, naïve hopes, £0)")


# --- readable encodings ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def baseline() -> transdiff.Result:
    return transdiff.compare(UDHR / "zh.txt", UDHR / "en.txt")


# (case id, side that is re-encoded, codec name for str.encode, encodings the loader may report)
ENCODED_CASES = [
    ("zh-gbk", "zh", "gbk", {"gb18030"}),
    ("zh-gb18030", "zh", "gb18030", {"gb18030"}),
    ("zh-utf16-bom", "zh", "utf-16", {"utf-16"}),
    ("zh-utf16le-nobom", "zh", "utf-16-le", {"utf-16-le"}),
    ("zh-utf16be-nobom", "zh", "utf-16-be", {"utf-16-be"}),
    ("zh-utf8-bom", "zh", "utf-8-sig", {"utf-8-sig"}),
    ("en-utf16-bom", "en", "utf-16", {"utf-16"}),
    ("en-utf16le-nobom", "en", "utf-16-le", {"utf-16-le"}),
]


@pytest.mark.parametrize("case, side, codec, reported", ENCODED_CASES, ids=[c[0] for c in ENCODED_CASES])
def test_readable_encoding_gives_the_utf8_findings(tmp_path, baseline, udhr_zh, udhr_en, case, side, codec, reported):
    original = udhr_zh if side == "zh" else udhr_en
    encoded = tmp_path / f"{case}.txt"
    encoded.write_bytes(original.encode(codec))
    doc = load_path(encoded)
    assert doc.encoding in reported
    assert doc.text == original
    zh_path = encoded if side == "zh" else UDHR / "zh.txt"
    en_path = encoded if side == "en" else UDHR / "en.txt"
    result = transdiff.compare(zh_path, en_path)
    assert findings_of(result) == findings_of(baseline)
    assert alignment_of(result) == alignment_of(baseline)


def test_big5_traditional_gives_the_findings_of_its_utf8_copy(tmp_path, udhr_zh):
    """Big5 has no simplified-only characters: the text is converted to traditional first and the few
    characters Big5 still cannot encode (e.g. the parenthesised numbers ㈠) are dropped, in both copies."""
    trad = traditional(udhr_zh)
    data = trad.encode("big5", errors="ignore")
    kept = data.decode("big5")
    assert len(trad) - len(kept) < 0.02 * len(trad)  # only a few characters are lost
    big5, utf8 = tmp_path / "big5.txt", tmp_path / "utf8.txt"
    big5.write_bytes(data)
    utf8.write_text(kept, encoding="utf-8")
    doc = load_path(big5)
    assert (doc.encoding, doc.script, doc.text) == ("big5", "traditional", kept)
    en = UDHR / "en.txt"
    from_big5, from_utf8 = transdiff.compare(big5, en), transdiff.compare(utf8, en)
    assert findings_of(from_big5) == findings_of(from_utf8)
    assert alignment_of(from_big5) == alignment_of(from_utf8)
    assert from_big5.alignment.aligned_share() > 0.8


def test_latin1_english_gives_the_findings_of_its_utf8_copy(tmp_path, udhr_en):
    text = western_english(udhr_en)
    latin1, utf8 = tmp_path / "latin1.txt", tmp_path / "utf8.txt"
    latin1.write_bytes(text.encode("latin-1"))
    utf8.write_text(text, encoding="utf-8")
    doc = load_path(latin1)
    assert doc.encoding in ("cp1252", "latin-1")
    assert doc.text == text and "façade" in doc.text
    zh = UDHR / "zh.txt"
    assert findings_of(transdiff.compare(zh, latin1)) == findings_of(transdiff.compare(zh, utf8))


def test_cli_reads_gbk_and_utf16_like_utf8(tmp_path, udhr_zh, udhr_en):
    """One fresh-interpreter run on legacy encodings; its JSON equals the in-process UTF-8 run's."""
    gbk, utf16 = tmp_path / "zh-gbk.txt", tmp_path / "en-utf16.txt"
    gbk.write_bytes(udhr_zh.encode("gbk"))
    utf16.write_bytes(udhr_en.encode("utf-16"))
    legacy = run_cli_subprocess(["compare", gbk, utf16, "--format", "json"])
    assert legacy.code == 0, legacy.stderr
    reference = run_cli_inprocess(["compare", UDHR / "zh.txt", UDHR / "en.txt", "--format", "json"])
    assert reference.code == 0
    got, want = json.loads(legacy.stdout), json.loads(reference.stdout)
    assert got["source"]["encoding"] == "gb18030" and got["target"]["encoding"] == "utf-16"
    assert got["findings"] == want["findings"] and got["findings"]


# --- inputs that must be refused with one line ----------------------------------------------------

Builder = Callable[[Path, str, str], tuple[list[object], tuple[str, ...]]]


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _mixed(folder: Path, zh: str, en: str):
    half = len(zh) // 2
    bad = _file(folder, "mixed.txt", zh[:half].encode("gbk") + zh[half:].encode("utf-8"))
    return [bad, UDHR / "en.txt"], ("mixed.txt", "not valid UTF-8")


def _mixed_utf8_first(folder: Path, zh: str, en: str):
    half = len(zh) // 2
    bad = _file(folder, "mixed2.txt", zh[:half].encode("utf-8") + zh[half:].encode("gbk"))
    return [bad, UDHR / "en.txt"], ("mixed2.txt", "not valid UTF-8")


BAD_INPUTS: dict[str, Builder] = {
    "empty": lambda d, zh, en: ([_file(d, "empty.txt", b""), UDHR / "en.txt"], ("empty.txt", "is empty")),
    "whitespace-only": lambda d, zh, en: (
        [UDHR / "zh.txt", _file(d, "blank.txt", " \n\t\r\n\u3000 \n".encode())], ("blank.txt", "only whitespace")),
    "binary-with-nul": lambda d, zh, en: (
        [_file(d, "noise.txt", bytes(range(256)) * 64), UDHR / "en.txt"], ("noise.txt", "binary data")),
    "binary-without-nul": lambda d, zh, en: (
        [_file(d, "noise.txt", (bytes(range(0x80, 0x100)) + bytes(range(1, 0x80))) * 64), UDHR / "en.txt"], ("noise.txt", "not valid UTF-8")),
    "pdf-renamed": lambda d, zh, en: (
        [UDHR / "zh.txt", _file(d, "report.txt", tiny_pdf("Universal Declaration"))], ("report.txt", "PDF")),
    "png-renamed": lambda d, zh, en: ([_file(d, "scan.txt", tiny_png()), UDHR / "en.txt"], ("scan.txt", "PNG")),
    "mixed-gbk-then-utf8": _mixed,
    "mixed-utf8-then-gbk": _mixed_utf8_first,
    "both-chinese": lambda d, zh, en: ([UDHR / "zh.txt", UDHR / "zh.txt"], ("both Chinese",)),
    "both-english": lambda d, zh, en: ([UDHR / "en.txt", UDHR / "en.txt"], ("both English",)),
    "french": lambda d, zh, en: (
        [UDHR / "zh.txt", _file(d, "fr.txt", FRENCH.encode())], ("fr.txt", "neither Chinese nor English")),
    "missing-file": lambda d, zh, en: ([UDHR / "zh.txt", d / "nowhere.txt"], ("nowhere.txt", "does not exist")),
    "directory": lambda d, zh, en: ([d, UDHR / "en.txt"], ("is a directory",)),
}


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_exit_2(tmp_path, udhr_zh, udhr_en, case, runner):
    paths, fragments = BAD_INPUTS[case](tmp_path, udhr_zh, udhr_en)
    assert_one_line_error(RUNNERS[runner](["compare", *paths]), *fragments)


@pytest.mark.parametrize("runner", RUNNERS)
def test_unreadable_file(tmp_path, monkeypatch, runner):
    locked = tmp_path / "locked.txt"
    locked.write_bytes((UDHR / "en.txt").read_bytes())
    if runner == "subprocess":
        if os.geteuid() == 0:
            pytest.skip("running as root: chmod 000 does not stop root from reading; the clirunner "
                        "variant simulates the PermissionError instead")
        locked.chmod(0)
    else:
        real_read_bytes = Path.read_bytes

        def denied(self: Path) -> bytes:
            if self.name == locked.name:
                raise PermissionError(13, "Permission denied", str(self))
            return real_read_bytes(self)
        monkeypatch.setattr(Path, "read_bytes", denied)
    try:
        assert_one_line_error(RUNNERS[runner](["compare", UDHR / "zh.txt", locked]), "locked.txt", "permission denied")
    finally:
        locked.chmod(0o644)


@pytest.mark.parametrize("runner", RUNNERS)
def test_output_onto_an_input_is_refused(tmp_path, runner):
    source = tmp_path / "en.txt"
    original = (UDHR / "en.txt").read_bytes()
    source.write_bytes(original)
    run = RUNNERS[runner](["compare", UDHR / "zh.txt", source, "--format", "html", "-o", source])
    assert_one_line_error(run, "refusing to write the output onto an input file")
    assert source.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["en.txt"]  # no temporary file left behind


@pytest.mark.parametrize("runner", RUNNERS)
def test_unrelated_documents_are_refused(tmp_path, runner):
    lines = UNRELATED_EN.read_text(encoding="utf-8").splitlines()[:60]
    news = tmp_path / "news.txt"
    news.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = RUNNERS[runner](["compare", UDHR / "zh.txt", news])
    assert_one_line_error(run, "do not look like translations of each other")
    assert re.search(r"only \d+% of the text aligns", run.stderr)


# --- size ----------------------------------------------------------------------------------------

def test_long_lines_without_punctuation(tmp_path, udhr_zh, udhr_en):
    """One 200,000-character line of Chinese and one of English words, no punctuation at all."""
    han = re.sub(r"[^\u4e00-\u9fff]", "", udhr_zh)
    words = re.sub(r" +", " ", re.sub(r"[^A-Za-z ]+", " ", udhr_en))
    zh = _file(tmp_path, "zh.txt", ((han * (200_000 // len(han) + 1))[:200_000] + "\n").encode())
    en = _file(tmp_path, "en.txt", ((words * (1_000_000 // len(words) + 1))[:1_000_000] + "\n").encode())
    started = time.monotonic()
    run = run_cli_inprocess(["compare", zh, en, "--format", "json"])
    elapsed = time.monotonic() - started
    assert run.code == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["source"]["lang"] == "zh" and report["target"]["lang"] == "en"
    assert elapsed < 120, f"{elapsed:.0f}s for two one-line documents"


BIG_INPUT_SECONDS = 300          # 50 MB on 2 cores
BIG_INPUT_PEAK_RSS_MIB = 2048    # about 40 bytes per input byte
BIG_INPUT_ADDRESS_SPACE = 6 * 2**30  # hard cap so a regression cannot take the machine down


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (BIG_INPUT_ADDRESS_SPACE, BIG_INPUT_ADDRESS_SPACE))


def test_50mb_input_has_bounded_time_and_memory(tmp_path, udhr_en):
    """A 50 MB English file (the UDHR repeated ~4,900 times) against the Chinese UDHR, in a subprocess.

    Either a report or a one-line refusal (e.g. "do not look like translations") is fine; running out
    of time or memory is not.
    """
    big = tmp_path / "big.txt"
    unit = udhr_en.encode("utf-8")
    with big.open("wb") as out:
        for _ in range(50 * 2**20 // len(unit) + 1):
            out.write(unit)
    size_mib = big.stat().st_size / 2**20
    assert size_mib >= 50
    started = time.monotonic()
    try:
        run = run_cli_subprocess(["compare", UDHR / "zh.txt", big, "--format", "tsv", "-o", tmp_path / "out.tsv"],
                                 timeout=BIG_INPUT_SECONDS, preexec_fn=_cap_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"50 MB compare did not finish in {BIG_INPUT_SECONDS}s")
    elapsed = time.monotonic() - started
    # Largest child so far; the earlier children of this session are small CLI runs.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: kilobytes
    sys.stderr.write(f"\n50 MB compare: exit {run.code}, {elapsed:.0f}s, peak RSS {peak_mib:.0f} MiB\n")
    assert "Traceback" not in run.stderr, run.stderr
    assert "out of memory" not in run.stderr, (
        f"ran out of memory under a {BIG_INPUT_ADDRESS_SPACE // 2**30} GiB cap after {elapsed:.0f}s "
        f"(peak RSS {peak_mib:.0f} MiB)")
    if run.code == 2:
        assert_one_line_error(run)
    else:
        assert run.code == 0, run.stderr
    assert peak_mib < BIG_INPUT_PEAK_RSS_MIB, f"peak RSS {peak_mib:.0f} MiB for a {size_mib:.0f} MB input"


# --- hostile text in the HTML report ---------------------------------------------------------------

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '" onmouseover="x']


def hostile_pair(folder: Path, zh: str, en: str) -> tuple[Path, Path]:
    """The UDHR with hostile strings in both languages: inside aligned sentences, in a sentence only
    the Chinese has (an omission) and one only the English has (an addition), and in the file names."""
    zh_lines, en_lines = zh.splitlines(), en.splitlines()
    article3 = zh_lines.index("人人有权享有生命、自由和人身安全。")
    zh_lines[article3] = "人人有权享有生命、自由和人身安全<script>alert(1)</script>（\" onmouseover=\"x）。"
    zh_lines.insert(article3 + 1, "任何人均可访问 javascript:alert(1) 与 <img src=x onerror=alert(1)> 页面。")
    article1 = en_lines.index("Article 1") + 1
    en_lines[article1] += (' See <img src=x onerror=alert(1)> and javascript:alert(1) and " onmouseover="x '
                           "for the details.")
    article4 = en_lines.index("Article 4")
    en_lines.insert(article4, 'Nobody may run <script>alert(1)</script> on a "quoted" onmouseover="x" page.')
    # Drop "the slave trade" so 奴隶买卖 is uncovered: its (hostile) glossary rendering goes into a title="".
    slavery = en_lines.index("No one shall be held in slavery or servitude; slavery and the slave trade shall be "
                             "prohibited in all their forms.")
    en_lines[slavery] = "No one shall be held in slavery or servitude; this shall be prohibited."
    zh_path, en_path = folder / "zh<script>alert(1)<.txt", folder / 'en" onmouseover="x.txt'
    zh_path.write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    en_path.write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    return zh_path, en_path


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.finding_text: list[str] = []
        self._in_script = False
        self._finding_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        self._in_script = tag == "script"
        if tag == "li" and "finding" in attributes.get("class", "").split():
            self._finding_depth = 1
        elif self._finding_depth and tag == "li":
            self._finding_depth += 1

    def handle_endtag(self, tag):
        self._in_script = False
        if self._finding_depth and tag == "li":
            self._finding_depth -= 1

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
            return
        self.text.append(data)
        if self._finding_depth:
            self.finding_text.append(data)


@pytest.mark.parametrize("runner", RUNNERS)
def test_html_report_escapes_hostile_text(tmp_path, udhr_zh, udhr_en, runner):
    zh_path, en_path = hostile_pair(tmp_path, udhr_zh, udhr_en)
    out = tmp_path / "report.html"
    glossary = tmp_path / "hostile-glossary.tsv"
    glossary.write_text('奴隶买卖\t" onmouseover="x|<script>alert(1)</script>\n', encoding="utf-8")
    run = RUNNERS[runner](["compare", zh_path, en_path, "--format", "html", "--glossary", glossary,
                           "--min-confidence", "0", "-o", out])
    assert run.code == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    parsed = TagCollector()
    parsed.feed(page)
    parsed.close()
    text, in_findings = "".join(parsed.text), "".join(parsed.finding_text)
    for hostile in HOSTILE:
        assert hostile in text, hostile              # shown to the reader, as text
    assert "<img src=x onerror=alert(1)>" in in_findings  # the omission and addition carry it
    assert "javascript:alert(1)" in in_findings
    assert "<img" not in page and "<script>alert" not in page
    titles = [attributes.get("title", "") for _, attributes in parsed.tags]
    assert any('" onmouseover="x' in title for title in titles)  # reached an attribute, still one value
    tag_names = [tag for tag, _ in parsed.tags]
    assert tag_names.count("script") == 1 and len(parsed.scripts) == 1
    for tag, attributes in parsed.tags:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form"), tag
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name, value)
            assert "javascript:" not in value.lower() or name in ("title",), (tag, name, value)
        if tag == "script":
            assert "src" not in attributes


def test_html_report_loads_nothing_and_allows_only_its_own_script(tmp_path, udhr_zh, udhr_en):
    zh_path, en_path = hostile_pair(tmp_path, udhr_zh, udhr_en)
    run = run_cli_inprocess(["compare", zh_path, en_path, "--format", "html"])
    assert run.code == 0, run.stderr
    page = run.stdout
    assert "<link" not in page.lower()
    assert not re.search(r"""\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", page, re.I)
    assert not re.search(r"@import", page, re.I)
    parsed = TagCollector()
    parsed.feed(page)
    csp = [attrs.get("content", "") for tag, attrs in parsed.tags
           if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(csp) == 1
    directives = {part.split()[0]: part.split()[1:] for part in csp[0].split(";") if part.strip()}
    assert directives["default-src"] == ["'none'"]
    script_sources = directives["script-src"]
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", source) for source in script_sources), script_sources
    digest = base64.b64encode(hashlib.sha256(parsed.scripts[0].encode("utf-8")).digest()).decode("ascii")
    assert script_sources == [f"'sha256-{digest}'"]  # exactly the one inline script of the page
    assert "connect-src" not in directives  # falls back to default-src 'none': no network at all
