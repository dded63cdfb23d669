"""Planning: which documents one checked content file yields, and what each is called.

Names are made here and nowhere else, so the names a batch checks for collisions
before rendering are the names it writes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jeugddocs.artefact import Publicatie
from jeugddocs.compute.derive import DERIVED, PlannedDocument, plan_documents
from jeugddocs.compute.view import document_date
from jeugddocs.content.models import Document
from jeugddocs.content.models.deelnemers import Deelnemers
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.content.models.profiel import Profiel
from jeugddocs.naming import NamePattern
from jeugddocs.woo import tooi


@dataclass(frozen=True)
class Planned:
    """One document to render: its name, its kind (the template), title and computed view.

    ``huisstijl`` is the house style it must be rendered in when that is not the
    caller's (a participant's own, from its profile); None: the caller's.
    ``publicatie`` is what its Woo metadata says, when it is to get one; ``pdf``
    whether its sender's profile (a participant's own, per participant) asks for a PDF.
    """

    name: str
    soort: str
    title: str
    view: dict[str, Any]
    huisstijl: str | None = None
    publicatie: Publicatie | None = None
    pdf: bool = False


#: For a participant's house style (its profile's ``huisstijl``, or None): the house style
#: its documents are rendered in (None: the caller's) and that style's structure rules.
StyleOf = Callable[[str | None], tuple[str | None, Structuur]]


def plan(
    document: Document,
    name: str,
    structure: Structuur = STANDAARD,
    *,
    per_deelnemer: StyleOf | None = None,
    naam: NamePattern | None = None,
    woo: bool = False,
    own: Mapping[str, Document] | None = None,
) -> list[Planned]:
    """Return every document ``document`` yields, itself first, named after ``name``.

    ``name`` is the main document's name (for a content file, its stem); a derived
    document adds its suffix: ``kaders`` and ``kaders-raadsbesluit``. ``structure`` is
    the house style's; what the document sets under ``structuur:`` takes precedence.

    With ``per_deelnemer``, a regional proposal (one with ``deelnemers``) yields the
    documents of each participant instead, in the order listed, each named after the
    participant's profile key: ``kaders-blaricum`` and ``kaders-blaricum-raadsbesluit``;
    ``per_deelnemer`` gives each participant's house style. Other content is planned
    as without it.

    With ``naam``, every document is named by that pattern from its own fields (see
    :mod:`jeugddocs.naming`); per participant, a pattern without ``{deelnemer}`` gets
    ``-<sleutel>`` added, so the participants' documents never share a name.
    Raises PatternError when the pattern gives a document an empty name. ``own`` maps
    a participant's key to the content as that participant sends it (its text blocks).

    With ``woo`` every document gets Woo metadata (``publicatie``), and without it the
    documents of a publisher whose profile says ``woo: true``; the publisher is the
    sender, or each participant for its own documents. Content must have been checked
    for it (``check(…, woo=True)``): a publisher DiWoo cannot name raises ValueError.
    """
    if document.structuur is not None:
        structure = document.structuur.applied_to(structure)
    participants = getattr(document, "deelnemers", None)
    if per_deelnemer is None or not isinstance(participants, Deelnemers):
        return [
            Planned(
                _name(naam, name, planned, document, "") or f"{name}{planned.suffix}",
                planned.template,
                document.onderwerp,
                planned.view,
                publicatie=_publication(document, planned, document.afzender, woo),
                pdf=document.afzender is not None and document.afzender.pdf,
            )
            for planned in plan_documents(document, structure)
        ]
    rv = []
    for deelnemer in participants.gemeenten:
        huisstijl, rules = per_deelnemer(deelnemer.profiel.huisstijl)
        if document.structuur is not None:
            rules = document.structuur.applied_to(rules)
        rv += [
            Planned(
                _name(naam, name, planned, document, deelnemer.gemeente)
                or f"{name}-{deelnemer.gemeente}{planned.suffix}",
                planned.template,
                document.onderwerp,
                planned.view,
                huisstijl,
                _publication(document, planned, deelnemer.profiel, woo),
                deelnemer.profiel.pdf,
            )
            for planned in plan_documents(
                (own or {}).get(deelnemer.gemeente, document), rules, deelnemer
            )
        ]
    return rv


def _name(
    naam: NamePattern | None,
    stem: str,
    planned: PlannedDocument,
    document: Document,
    participant: str,
) -> str | None:
    """The name ``naam`` gives one planned document, or None without a pattern."""
    if naam is None:
        return None
    view = planned.view
    made = document_date(view) or document.datum
    values = {
        "datum": made.isoformat(),
        "soort": planned.template,
        "onderwerp": document.onderwerp,
        "zaaknummer": str(view.get("zaaknummer") or ""),
        "gemeente": participant or document.gemeente,
        "deelnemer": participant,
        "bestand": stem,
    }
    name = naam.name(values)
    if participant and not naam.names_participant:
        name = f"{name}-{participant}"
    return name


def _publication(
    document: Document, planned: PlannedDocument, publisher: Profiel | None, woo: bool
) -> Publicatie | None:
    """What the Woo metadata of ``planned`` says, or None when it is to get none."""
    if not woo and (publisher is None or not publisher.woo):
        return None
    uri = publisher.uitgever if publisher is not None else None
    if uri is None:
        raise ValueError(
            f"{document.gemeente!r} cannot be named as publisher in Woo metadata; check the "
            "content with woo=True first, which says why"
        )
    # -- the council adopted a raadsbesluit given on its own at its meeting; the one
    #    made with a raadsvoorstel is a draft, of the proposal's date --
    adopted = getattr(document, "vergadering", None) if document.soort == "raadsbesluit" else None
    zaaknummer = planned.view.get("zaaknummer")
    return Publicatie(
        uitgever=uri,
        uitgever_naam=tooi.organisatie(uri) or uri,
        datum=document_date(planned.view) or document.datum,
        vastgesteld=adopted,
        kenmerken=(str(zaaknummer),) if zaaknummer else (),
    )


def possible_names(name: str) -> list[str]:
    """Return every name a content file called ``name`` could yield, whatever its kind.

    Why: a batch must know which files may collide before checking them, to keep
    those together in one process (see :func:`jeugddocs.api.build_all`).
    """
    suffixes = [suffix for derived in DERIVED.values() for _, suffix, _ in derived]
    return [name, *(f"{name}{suffix}" for suffix in suffixes)]
