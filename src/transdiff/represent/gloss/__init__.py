"""The display gloss of findings: a stretch of Chinese as an English phrase a reader of no Chinese can follow.

phrase.py builds the phrase (``Glosser``); senses.py chooses one sense per word against the English
document (``EnglishContext``), with tags.py (jieba's part of speech), official_senses.py, spelling.py and
nominal.py; gloss_names.py writes names; the English-order rules are phrase_order.py (with phrase_words.py,
phrase_numbers.py, compounds.py, relatives.py, prepositions.py), articles.py, verb_forms.py and tenses.py;
english_numbers.py writes numbers and dates the English way. Display only: nothing here changes the keys
that link and score words (represent/__init__.py), and nothing outside this package imports its parts.
"""
from .english_numbers import english_quantity
from .phrase import Glosser
from .senses import EnglishContext, percent_style, short_sense

__all__ = ["EnglishContext", "Glosser", "english_quantity", "percent_style", "short_sense"]
