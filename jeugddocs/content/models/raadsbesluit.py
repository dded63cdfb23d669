"""The raadsbesluit on its own: a decision of the council with its considerans.

A raadsvoorstel yields its raadsbesluit by itself; this kind is for a besluit that is
written without one (an amendment adopted, a besluit from another body's proposal), or
whose considerans names more than the proposal: "gehoord", "overwegende", "gelet op".
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import Datum, Regel, Tekst


class Raadsbesluit(Document):
    """A raadsbesluit: considerans lines, the decision points, and the signatures."""

    soort: Literal["raadsbesluit"]
    gelezen: Regel | None = Field(
        default=None,
        description="wat de raad las, zoals 'het voorstel van burgemeester en wethouders van "
        "21 januari 2021, nr. 13215'",
    )
    gehoord: list[Regel] = Field(
        default_factory=list,
        description="zoals 'de raadscommissie Sociaal Domein van 10 februari 2021'",
    )
    overwegende: list[Regel] = Field(
        default_factory=list, description="overwegingen, elk beginnend met 'dat'"
    )
    gelet_op: list[Tekst] = Field(
        default_factory=list,
        description="wettelijke grondslagen, zoals 'artikel 2.1 van de Jeugdwet'",
    )
    beslispunten: list[Regel] = Field(min_length=1, description="wat de raad besluit")
    vergadering: Datum | None = Field(default=None, description="datum van de raadsvergadering")
    voorzitter: Tekst | None = Field(default=None, description="standaard: de burgemeester")
    griffier: Tekst | None = Field(default=None, description="standaard: uit het profiel")
