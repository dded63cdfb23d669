"""What a house style decides about a document's structure, beyond its Word templates.

Headings, section order and boilerplate live in the house style's Word files, where an
editor changes them. How arguments are numbered and whether a single decision point gets
a number are not text in a template but rules the engine applies; a house style states
them in ``huisstijl.yaml`` beside its templates.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from jeugddocs.content.models.base import Model
from jeugddocs.content.models.fields import Tekst

#: How arguments or kanttekeningen are numbered: 1.1 and 2.1 per decision point,
#: 1. 2. 3. through the document, or not at all.
Nummering = Literal["per_beslispunt", "doorlopend", "geen"]


class Structuur(Model):
    """The structure rules of a house style (``huisstijl.yaml``); each has a default."""

    naam: Tekst | None = Field(default=None, description="naam van de huisstijl")
    beschrijving: Tekst | None = None
    argumenten: Nummering = Field(
        default="per_beslispunt",
        description="nummering van argumenten: per_beslispunt (1.1), doorlopend (1.) of geen",
    )
    kanttekeningen: Nummering = Field(
        default="per_beslispunt", description="nummering van kanttekeningen, als argumenten"
    )
    enkel_beslispunt_nummeren: bool = Field(
        default=True, description="ook één beslispunt een nummer (1.) geven"
    )
    verplicht: list[Tekst] = Field(
        default_factory=lambda: ["kern"],
        description="velden die een stuk in deze huisstijl moet hebben, naast wat elke soort "
        "vraagt (standaard: kern)",
    )
    gelet_op: Literal["regel", "lijst"] = Field(
        default="regel",
        description="in het raadsbesluit: 'gelet op a; b;' op één regel, of als opsomming",
    )
    erft_van: Tekst | None = Field(
        default=None, description="huisstijl waarvan ontbrekende sjablonen komen (standaard)"
    )


#: The rules of a house style without ``huisstijl.yaml``.
STANDAARD = Structuur()


class Structuurkeuze(Model):
    """The structure rules one document sets itself (``structuur:`` in the content).

    Why: some councils number a single proposal differently from their own house style
    (an amendment numbered through, a regional proposal in the region's scheme). Which
    fields are required stays the house style's decision.
    """

    argumenten: Nummering | None = Field(
        default=None, description="nummering van argumenten in dit stuk (anders: de huisstijl)"
    )
    kanttekeningen: Nummering | None = Field(
        default=None, description="nummering van kanttekeningen in dit stuk"
    )
    enkel_beslispunt_nummeren: bool | None = Field(
        default=None, description="ook één beslispunt een nummer geven, in dit stuk"
    )
    gelet_op: Literal["regel", "lijst"] | None = Field(
        default=None, description="'gelet op' op één regel of als opsomming, in dit stuk"
    )

    def applied_to(self, structure: Structuur) -> Structuur:
        """Return ``structure`` with the rules this document sets replaced."""
        chosen = self.model_dump(exclude_none=True)
        return structure.model_copy(update=chosen) if chosen else structure
