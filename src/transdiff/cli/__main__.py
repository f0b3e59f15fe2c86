"""``python -m transdiff.cli``: the same command as the ``transdiff`` console script."""
from . import main

main()
