"""Documents derived from another: the raadsbesluit from its raadsvoorstel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jeugddocs.collector import held_off
from jeugddocs.compute.view import build_view
from jeugddocs.content.models.deelnemers import Deelnemer
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.huisstijl import STANDAARD, Structuur
from jeugddocs.format import datum
from jeugddocs.markup.prose import Run


@dataclass(frozen=True)
class PlannedDocument:
    """One Word file to make: which template, with which view, under which name suffix."""

    template: str
    suffix: str
    view: dict[str, Any]


#: The raadsbesluit's fields taken as they are from its raadsvoorstel: name in the
#: besluit → where it is in the voorstel's view.
FROM_VOORSTEL: dict[str, tuple[str, ...]] = {
    "gemeente": ("gemeente",),
    "onderwerp": ("onderwerp",),
    "onderwerp_kort": ("onderwerp_kort",),
    "voorstel_datum": ("datum",),
    "zaaknummer": ("zaaknummer",),
    "beslispunten": ("beslispunten",),
    "beslispunten_genummerd": ("beslispunten_genummerd",),
    "gelet_op_als_lijst": ("gelet_op_als_lijst",),
    "gelet_op": ("besluit", "gelet_op"),
    "vergadering": ("besluit", "vergadering"),
    "afzender": ("afzender",),
    "voetnoten": ("voetnoten",),
}
#: The raadsbesluit's fields made here, each filled as a raadsbesluit's own field of that
#: name (:class:`~jeugddocs.content.models.raadsbesluit.Raadsbesluit`).
OWN_FIELDS = ("soort", "gelezen", "gehoord", "overwegende", "voorzitter", "griffier")


def raadsbesluit_view(voorstel: dict[str, Any]) -> dict[str, Any]:
    """Return the view of the raadsbesluit that belongs to a raadsvoorstel view.

    The besluit repeats the decision points word for word and refers to the
    proposal by its date and case number, as the Dutch form requires. Its fields are
    those of :data:`FROM_VOORSTEL` and :data:`OWN_FIELDS`, no others.
    """
    besluit = voorstel["besluit"]
    people = voorstel["afzender"]["functionarissen"]
    gelezen = f"het voorstel van burgemeester en wethouders van {datum(voorstel['datum'])}"
    if voorstel["zaaknummer"]:
        gelezen += f", nr. {voorstel['zaaknummer']}"
    own = {
        "soort": "raadsbesluit",
        "gelezen": (Run(gelezen),),
        "gehoord": [],
        "overwegende": [],
        "voorzitter": besluit["voorzitter"] or people.get("burgemeester"),
        "griffier": besluit["griffier"] or people.get("griffier"),
    }
    taken = {name: _at(voorstel, path) for name, path in FROM_VOORSTEL.items()}
    return {**taken, **{name: own[name] for name in OWN_FIELDS}}


def _at(view: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = view
    for key in path:
        value = value[key]
    return value


#: Extra documents per soort, each with its template name, file suffix and view builder.
DERIVED = {
    "raadsvoorstel": [("raadsbesluit", "-raadsbesluit", raadsbesluit_view)],
}


@held_off()
def plan_documents(
    document: Document, structure: Structuur = STANDAARD, deelnemer: Deelnemer | None = None
) -> list[PlannedDocument]:
    """Return every Word file one content file yields, the document itself first.

    ``structure`` is the house style's rules (numbering), see :func:`build_view`;
    ``deelnemer`` makes the files of one participant of a regional proposal.
    """
    view = build_view(document, structure, deelnemer)
    planned = [PlannedDocument(document.soort, "", view)]
    for template, suffix, derive in DERIVED.get(document.soort, []):
        planned.append(PlannedDocument(template, suffix, derive(view)))
    return planned
