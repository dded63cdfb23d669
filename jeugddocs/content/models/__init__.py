"""Typed content models, one per kind of document, keyed by ``soort``."""

from __future__ import annotations

from jeugddocs.content.models.brieven import Memo, Nota, Raadsinformatiebrief, Rapportage
from jeugddocs.content.models.collegevoorstel import Collegevoorstel
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.raadsbesluit import Raadsbesluit
from jeugddocs.content.models.raadsvoorstel import Raadsvoorstel

#: Every kind a content file may declare in ``soort``, mapped to its model.
SOORTEN: dict[str, type[Document]] = {
    "raadsvoorstel": Raadsvoorstel,
    "collegevoorstel": Collegevoorstel,
    "raadsinformatiebrief": Raadsinformatiebrief,
    "memo": Memo,
    "nota": Nota,
    "raadsbesluit": Raadsbesluit,
    "rapportage": Rapportage,
}

__all__ = [
    "SOORTEN",
    "Collegevoorstel",
    "Document",
    "Memo",
    "Nota",
    "Raadsbesluit",
    "Raadsinformatiebrief",
    "Raadsvoorstel",
    "Rapportage",
]
