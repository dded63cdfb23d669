"""Exporters: Word artefacts into the formats asked for, one registry entry per format."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jeugddocs.artefact import Artefact

#: Turns rendered Word artefacts into artefacts of one format. It takes them all at
#: once, so that a converter which starts a program (LibreOffice, for PDF) can
#: start it once for many documents; it may give more than one artefact per
#: document (a file and its metadata).
Exporter = Callable[[Sequence[Artefact]], list[Artefact]]


def _as_word(documents: Sequence[Artefact]) -> list[Artefact]:
    """Return the Word files as they are: rendering made them."""
    return list(documents)


#: Format → its exporter. A new output format is one entry here.
EXPORTERS: dict[str, Exporter] = {
    "docx": _as_word,
}

#: What is made when nobody asks for anything else.
DEFAULT_FORMATS = ("docx",)


def export(
    documents: Sequence[Artefact], formats: Sequence[str] = DEFAULT_FORMATS
) -> list[Artefact]:
    """Return ``documents`` in every format of ``formats``, grouped by format in that order.

    An unknown format is a programming error (formats come from options, not from
    content), so it raises ValueError before anything is converted.
    """
    unknown = [name for name in formats if name not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown export format {unknown[0]!r}; known: {', '.join(EXPORTERS)}")
    return [artefact for name in formats for artefact in EXPORTERS[name](documents)]
