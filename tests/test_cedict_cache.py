"""The parsed CC-CEDICT is kept in the user's cache folder and read back instead of parsing again."""
from __future__ import annotations

import os

import pytest

from transdiff.dictionary import cedict


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """load_cedict with an empty cache folder and no dictionary in memory; restored afterwards."""
    monkeypatch.setenv("TRANSDIFF_CACHE_DIR", str(tmp_path / "cache"))
    cedict.load_cedict.cache_clear()
    yield tmp_path / "cache"
    cedict.load_cedict.cache_clear()


def _as_tuple(dic: cedict.Cedict) -> tuple:
    return dic.senses, dic.trad_chars, dic.release, dic.entries


def test_the_first_load_saves_the_parse_and_the_next_reads_it_back(fresh, monkeypatch):
    parsed = cedict.load_cedict()
    files = list(fresh.iterdir())
    assert len(files) == 1 and files[0].name.startswith("cedict-")
    cedict.load_cedict.cache_clear()

    def no_parse(data):
        raise AssertionError("parsed again although the cache holds this release")
    monkeypatch.setattr(cedict, "parse_cedict", no_parse)
    cached = cedict.load_cedict()
    assert _as_tuple(cached) == _as_tuple(parsed)
    assert cached.lookup("人权") == parsed.lookup("人权") != []


def test_a_damaged_cache_file_is_parsed_again_and_replaced(fresh):
    parsed = _as_tuple(cedict.load_cedict())
    (path,) = fresh.iterdir()
    path.write_bytes(b"\x00not marshal data")
    cedict.load_cedict.cache_clear()
    assert _as_tuple(cedict.load_cedict()) == parsed
    cedict.load_cedict.cache_clear()
    assert _as_tuple(cedict._read_cache(path)) == parsed


def test_the_cache_can_be_switched_off(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSDIFF_CACHE_DIR", "off")
    assert cedict._cache_file(b"data") is None


def test_a_cache_folder_that_cannot_be_created_is_skipped(fresh, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TRANSDIFF_CACHE_DIR", str(blocker / "cache"))
    dic = cedict.load_cedict()
    assert dic.entries > 100_000
    assert not (blocker / "cache").exists() and os.path.isfile(blocker)


def test_a_new_release_or_parser_gets_a_file_of_its_own(fresh):
    assert cedict._cache_file(b"release one") != cedict._cache_file(b"release two")


def test_the_word_tags_are_cached_beside_the_dictionary_and_a_damaged_file_is_rebuilt(fresh, monkeypatch):
    from transdiff.dictionary.cache import read_marshal
    from transdiff.represent.gloss import tags
    tags.word_tags.cache_clear()
    try:
        first = tags.word_tags()
        (path,) = [p for p in fresh.iterdir() if p.name.startswith("tags-")]
        assert first.get("人权") == "n"
        tags.word_tags.cache_clear()

        def no_read(*args, **kwargs):
            raise AssertionError("jieba's dictionary read again although the cache holds its tags")
        monkeypatch.setattr(tags, "open", no_read, raising=False)
        assert tags.word_tags() == first
        monkeypatch.undo()
        monkeypatch.setenv("TRANSDIFF_CACHE_DIR", str(fresh))
        path.write_bytes(b"\x00not marshal data")
        tags.word_tags.cache_clear()
        assert tags.word_tags() == first
        assert read_marshal(path) == first
    finally:
        tags.word_tags.cache_clear()
