"""transdiff: clause-by-clause comparison of the Chinese and English versions of a document.

    >>> import transdiff
    >>> result = transdiff.compare("corpora/udhr/zh.txt", "corpora/udhr/en.txt")
    >>> [f.type for f in result.findings]

Pipeline, one module per stage: load -> segment -> represent -> score -> align -> compare -> report.
"""
from .api import align, compare, transdiff_version
from .errors import InputError, LanguageError, OutputError, TransdiffError
from .load import from_text, load_path
from .types import Alignment, Bead, Document, Finding, Result, Segment

__version__ = transdiff_version()

__all__ = ["compare", "align", "from_text", "load_path", "Document", "Segment", "Bead", "Alignment",
           "Finding", "Result", "TransdiffError", "InputError", "LanguageError", "OutputError"]
