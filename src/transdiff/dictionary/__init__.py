"""Dictionaries every stage may consult: CC-CEDICT (glosses, readings, traditional -> simplified)."""
