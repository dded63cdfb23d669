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

#: Makes records that describe files (publication metadata): it gets the rendered
#: documents and every file the formats made of them, and returns its own artefacts,
#: one beside each file it describes; none for a document that asks for none.
Describer = Callable[[Sequence[Artefact], Sequence[Artefact]], list[Artefact]]


def _diwoo(documents: Sequence[Artefact], files: Sequence[Artefact]) -> list[Artefact]:
    """Return the Woo metadata (DiWoo) of the documents that ask for it (``publicatie``)."""
    if all(document.publicatie is None for document in documents):
        return []
    # -- lxml and the value lists are loaded only when a document asks for a record --
    from jeugddocs.woo.diwoo import describe

    return describe(documents, files)


#: Record → its describer, run after every format: ``x.docx`` (or ``x.pdf``) gets
#: ``x.diwoo.xml`` beside it. A new kind of record is one entry here.
DESCRIBERS: dict[str, Describer] = {
    "diwoo.xml": _diwoo,
}


def export(
    documents: Sequence[Artefact], formats: Sequence[str] = DEFAULT_FORMATS
) -> list[Artefact]:
    """Return ``documents`` in every format of ``formats``, grouped by format in that order.

    After them come the records of :data:`DESCRIBERS` (Woo metadata) for the
    documents that ask for one. An unknown format is a programming error (formats come
    from options, not from content), so it raises ValueError before anything is converted.
    """
    unknown = [name for name in formats if name not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown export format {unknown[0]!r}; known: {', '.join(EXPORTERS)}")
    files = [artefact for name in formats for artefact in EXPORTERS[name](documents)]
    return files + [
        record for describe in DESCRIBERS.values() for record in describe(documents, files)
    ]
