"""The raadsvoorstel: a proposal from the college to the council (seed 004)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from jeugddocs.content.models.base import Loc, Model, fail
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import Datum, Proza, Regel, Tekst
from jeugddocs.content.models.parts import Financien, Onderbouwing, Ondertekening


class Besluit(Model):
    """What the raadsbesluit needs beyond the proposal itself."""

    gelet_op: list[Tekst] = Field(
        default_factory=list, description="wettelijke grondslagen, zoals 'de Jeugdwet'"
    )
    vergadering: Datum | None = Field(default=None, description="datum van de raadsvergadering")
    voorzitter: Tekst | None = Field(default=None, description="naam van de voorzitter")
    griffier: Tekst | None = Field(default=None, description="naam van de griffier")


class Raadsvoorstel(Document):
    """A proposal to the council; also yields the raadsbesluit."""

    soort: Literal["raadsvoorstel"]
    programma: Tekst | None = Field(default=None, description="begrotingsprogramma")
    kern: Proza = Field(description="Kern van het voorstel")
    beslispunten: list[Regel] = Field(min_length=1, description="Voorgesteld besluit")
    aanleiding: Proza
    beoogd_effect: Proza | None = None
    argumenten: list[Onderbouwing] = Field(min_length=1)
    kanttekeningen: list[Onderbouwing] = Field(default_factory=list)
    financien: Financien
    betrokken_partijen: Proza | None = None
    communicatie: Proza | None = None
    uitvoering: Proza | None = None
    bestuurlijk_kader: Proza | None = None
    besluit: Besluit = Field(default_factory=Besluit)
    ondertekening: Ondertekening = Field(default_factory=Ondertekening)

    @field_validator("argumenten", "kanttekeningen")
    @classmethod
    def _beslispunt_exists(
        cls, value: list[Onderbouwing], info: ValidationInfo
    ) -> list[Onderbouwing]:
        points = info.data.get("beslispunten")
        if points is not None:
            check_beslispunten(value, len(points))
        return value


def check_beslispunten(items: list[Onderbouwing], count: int) -> None:
    """Fail for every item that names a decision point that does not exist."""
    problems: list[tuple[Loc, str, object]] = [
        (
            (i, "beslispunt"),
            f"beslispunt {item.beslispunt} bestaat niet: "
            + (
                "er is alleen beslispunt 1"
                if count == 1
                else f"er zijn {count} beslispunten; kies een nummer van 1 tot en met {count}"
            ),
            item.beslispunt,
        )
        for i, item in enumerate(items)
        if item.beslispunt > count
    ]
    fail("Onderbouwing", problems)
