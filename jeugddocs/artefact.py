"""An artefact: one output file in memory, what every stage after planning passes on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Artefact:
    """One finished output file, not yet written: its name, format and bytes.

    ``name`` is the file name without its suffix (``kaders``, ``kaders-raadsbesluit``),
    so the same document keeps its name in every format. ``soort`` and ``title`` say
    what the document is, for metadata that travels with it (a PDF's properties, a
    publication record), without opening the bytes again.
    """

    name: str
    format: str
    data: bytes
    soort: str
    title: str

    @property
    def filename(self) -> str:
        """Return the file name it is written under: ``kaders`` in ``docx`` → ``kaders.docx``."""
        return file_name(self.name, self.format)


def file_name(name: str, format: str) -> str:
    """Return the file name of document ``name`` in ``format``, before anything is rendered."""
    return f"{name}.{format}"
