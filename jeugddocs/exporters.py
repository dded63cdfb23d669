"""Exporters: Word artefacts into the formats asked for, one registry entry per format."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jeugddocs import libreoffice
from jeugddocs.artefact import Artefact, file_name
from jeugddocs.errors import JeugddocsError

#: Turns rendered Word artefacts into artefacts of one format. It takes them all at
#: once, so that a converter which starts a program (LibreOffice, for PDF) can
#: start it once for many documents; it may give more than one artefact per
#: document (a file and its metadata). A document it cannot convert is left out
#: and named, by the file it would have been, in a ConversionError, which also
#: carries what was converted.
Exporter = Callable[[Sequence[Artefact]], list[Artefact]]


class ConversionError(JeugddocsError):
    """Files that could not be made: file name (``x.pdf``) → why, in Dutch.

    ``done`` has the artefacts that were made all the same.
    """

    def __init__(self, failures: dict[str, str], done: Sequence[Artefact] = ()) -> None:
        self.failures = failures
        self.done = list(done)
        super().__init__("; ".join(f"{name}: {why}" for name, why in failures.items()))


def _as_word(documents: Sequence[Artefact]) -> list[Artefact]:
    """Return the Word files as they are: rendering made them."""
    return list(documents)


def _as_pdf(documents: Sequence[Artefact]) -> list[Artefact]:
    """Convert the Word files to PDF/A-2b, tagged, in one LibreOffice run.

    Title and language come from the Word file (its core properties and its
    styles' default language), the bookmarks from its headings. Raises
    ConverterMissing when LibreOffice is not installed.
    """
    word = {document.name: document for document in documents if document.format == "docx"}
    if len(word) < len([d for d in documents if d.format == "docx"]):
        raise ValueError("two documents with the same name")
    converted = libreoffice.convert({name: document.data for name, document in word.items()})
    done = [
        Artefact(name, "pdf", converted.pdfs[name], document.soort, document.title)
        for name, document in word.items()
        if name in converted.pdfs
    ]
    if converted.failures:
        failures = {file_name(name, "pdf"): why for name, why in converted.failures.items()}
        raise ConversionError(failures, done)
    return done


#: Format → its exporter. A new output format is one entry here.
EXPORTERS: dict[str, Exporter] = {
    "docx": _as_word,
    "pdf": _as_pdf,
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
    from options, not from content), so it raises ValueError before anything is
    converted. Documents that cannot be converted raise ConversionError once every
    format has been tried.
    """
    artefacts, failures = export_each(documents, formats)
    if failures:
        raise ConversionError(failures, artefacts)
    return artefacts + describe(documents, artefacts)


def describe(documents: Sequence[Artefact], files: Sequence[Artefact]) -> list[Artefact]:
    """Return the records of :data:`DESCRIBERS` for ``files``, made of ``documents``."""
    return [record for describer in DESCRIBERS.values() for record in describer(documents, files)]


def export_each(
    documents: Sequence[Artefact], formats: Sequence[str] = DEFAULT_FORMATS
) -> tuple[list[Artefact], dict[str, str]]:
    """Like :func:`export`, but return the files that failed (``x.pdf`` → why) beside the rest.

    For a batch: one failed document must not cost the others their conversion. The
    records of :data:`DESCRIBERS` are left to the caller (:func:`describe`), which
    knows which files of a content file were made.
    """
    unknown = [name for name in formats if name not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown export format {unknown[0]!r}; known: {', '.join(EXPORTERS)}")
    artefacts: list[Artefact] = []
    failures: dict[str, str] = {}
    for name in formats:
        try:
            artefacts += EXPORTERS[name](documents)
        except ConversionError as exc:
            artefacts += exc.done
            failures.update(exc.failures)
    return artefacts, failures
