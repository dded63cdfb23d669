"""Planning: which documents one checked content file yields, and what each is called.

Names are made here and nowhere else, so the names a batch checks for collisions
before rendering are the names it writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jeugddocs.compute.derive import DERIVED, plan_documents
from jeugddocs.content.models import Document
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur


@dataclass(frozen=True)
class Planned:
    """One document to render: its name, its kind (the template), title and computed view."""

    name: str
    soort: str
    title: str
    view: dict[str, Any]


def plan(document: Document, name: str, structure: Structuur = STANDAARD) -> list[Planned]:
    """Return every document ``document`` yields, itself first, named after ``name``.

    ``name`` is the main document's name (for a content file, its stem); a derived
    document adds its suffix: ``kaders`` and ``kaders-raadsbesluit``. ``structure`` is
    the house style's; what the document sets under ``structuur:`` takes precedence.
    """
    if document.structuur is not None:
        structure = document.structuur.applied_to(structure)
    return [
        Planned(f"{name}{planned.suffix}", planned.template, document.onderwerp, planned.view)
        for planned in plan_documents(document, structure)
    ]


def possible_names(name: str) -> list[str]:
    """Return every name a content file called ``name`` could yield, whatever its kind.

    Why: a batch must know which files may collide before checking them, to keep
    those together in one process (see :func:`jeugddocs.api.build_all`).
    """
    suffixes = [suffix for derived in DERIVED.values() for _, suffix, _ in derived]
    return [name, *(f"{name}{suffix}" for suffix in suffixes)]
