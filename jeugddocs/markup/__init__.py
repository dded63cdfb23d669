"""Prose as authors type it: its syntax, one parser, one expression grammar, and its checks.

- :mod:`~jeugddocs.markup.expressions`: the Decimal expression grammar of formulas and
  references alike (``som(a, b) * 1.02``), read into a tree and computed exactly;
- :mod:`~jeugddocs.markup.references`: ``{{ naam | euro }}``, a computation with filters;
- :mod:`~jeugddocs.markup.prose`: paragraphs, lists, emphasis, footnote marks and
  references, parsed once into blocks and runs;
- :mod:`~jeugddocs.markup.checks`: what can be wrong with a text, found on that parse.

Validation (:mod:`jeugddocs.content`) and the view (:mod:`jeugddocs.compute`) both use
the parsed form; nothing here knows about YAML, models or Word.
"""
