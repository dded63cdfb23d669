"""An artefact: one output file in memory, what every stage after planning passes on."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Publicatie:
    """What a publication record (Woo metadata) says of a document beyond its kind and title.

    Set on a rendered document when it is to be published with a record: ``uitgever``
    is the publishing organisation's TOOI identifier (a URI) and ``uitgever_naam`` its
    name in the TOOI list; ``datum`` is the document's date, ``vastgesteld`` the day its
    council adopted it (a raadsbesluit with its ``vergadering``), and ``kenmerken`` its
    identifiers (the zaaknummer).
    """

    uitgever: str
    uitgever_naam: str
    datum: datetime.date
    vastgesteld: datetime.date | None = None
    kenmerken: tuple[str, ...] = ()


@dataclass(frozen=True)
class Artefact:
    """One finished output file, not yet written: its name, format and bytes.

    ``name`` is the file name without its suffix (``kaders``, ``kaders-raadsbesluit``),
    so the same document keeps its name in every format. ``soort`` and ``title`` say
    what the document is, for metadata that travels with it (a PDF's properties, a
    publication record), without opening the bytes again; ``publicatie`` is set on a
    rendered document that is to get a publication record beside it.
    """

    name: str
    format: str
    data: bytes
    soort: str
    title: str
    publicatie: Publicatie | None = None

    @property
    def filename(self) -> str:
        """Return the file name it is written under: ``kaders`` in ``docx`` → ``kaders.docx``."""
        return file_name(self.name, self.format)


def file_name(name: str, format: str) -> str:
    """Return the file name of document ``name`` in ``format``, before anything is rendered."""
    return f"{name}.{format}"
