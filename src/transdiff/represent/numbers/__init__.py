"""Numbers, percentages, ordinals, years and dates: the anchors that must agree across a translation.

``zh_quantities`` and ``en_quantities`` find them with offsets into the text they are given;
``unmatched`` pairs the two sides and returns what found no counterpart. Precision comes first:
a translator wants few false alarms, so words that only look like numbers (一切, 统一, "no one") are
left alone, and small numbers written as words (三个, "five") are marked ``weak``: they may absorb
a counterpart on the other side but are never reported as unmatched themselves.

The readers are in zh.py (with zh_context.py: clock times, counts of listed items, what digit strings like 九二共识 name) and en.py, the pairing
in matching.py; quantity.py holds the ``Quantity`` type.
"""
from .en import MONTH_NAMES, en_quantities
from .matching import agree, unmatched
from .quantity import DateParts, Quantity
from .zh import zh_int, zh_quantities
from .zh_context import digit_names

__all__ = ["MONTH_NAMES", "DateParts", "Quantity", "agree", "digit_names", "en_quantities", "unmatched", "zh_int", "zh_quantities"]
