"""One exception family. The CLI prints the message as one line and exits 2."""


class TransdiffError(Exception):
    """Base class: the message is written for the person running transdiff."""


class InputError(TransdiffError):
    """A file cannot be read, decoded or used (missing, empty, binary, wrong format)."""


class LanguageError(TransdiffError):
    """A document is not in the language the comparison needs."""


class OutputError(TransdiffError):
    """An output cannot be written where asked (for example onto an input file)."""
