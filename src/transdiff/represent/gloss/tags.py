"""jieba's part-of-speech tag of each dictionary word (v verb, n noun, d adverb, r pronoun, q classifier,
u particle...), for choosing a word's sense in a gloss.

jieba.posseg would tag words in context, but loading it reads the whole dictionary again (a third of a
second on every run); the tags of the words CC-CEDICT also knows are read once and kept in the cache
folder beside the parsed dictionary (a few milliseconds to load).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...dictionary.cache import cache_file, read_marshal, write_marshal
from ...dictionary.cedict import load_cedict


def _dictionary_file() -> Path:
    import jieba
    return Path(jieba.__file__).parent / "dict.txt"


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Word -> jieba tag, for words in both jieba's dictionary and CC-CEDICT."""
    source = _dictionary_file()
    cache = _cache_file(source)
    if cache is not None:
        tags = read_marshal(cache)
        if isinstance(tags, dict):
            return tags
    known = load_cedict().senses
    tags = {}
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and parts[0] in known:
                tags[parts[0]] = parts[2]
    if cache is not None:
        write_marshal(cache, tags)
    return tags


def _cache_file(source: Path) -> Optional[Path]:
    """Named after jieba's dictionary file (its size and time: reading it whole would cost what the cache
    saves) and the CC-CEDICT release whose words are kept."""
    try:
        stat = source.stat()
    except OSError:
        return None
    return cache_file("tags", [f"{stat.st_size}:{stat.st_mtime_ns}:{load_cedict().release}".encode()],
                      Path(__file__))
