"""What proposals share: decision points, and arguments numbered per decision point."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator, model_validator

from jeugddocs.content.models.base import Loc, fail
from jeugddocs.content.models.document import Document
from jeugddocs.content.models.fields import Regel
from jeugddocs.content.models.parts import Onderbouwing


class Voorstel(Document):
    """A proposal: beslispunten, with argumenten and kanttekeningen tied to them."""

    @model_validator(mode="after")
    def _keys_are_unique(self) -> Voorstel:
        unique_keys(self.argumenten, self.kanttekeningen)
        return self

    @model_validator(mode="after")
    def _participant_text_has_a_place(self) -> Voorstel:
        # -- the templates show a participant's own text in the section on finances --
        participants = getattr(self, "deelnemers", None)
        if participants and participants.tekst and getattr(self, "financien", 1) is None:
            fail(
                "Voorstel",
                [
                    (
                        ("deelnemers", "tekst"),
                        "deze tekst staat in het stuk per deelnemer onder Financiën, maar dit "
                        "voorstel heeft geen 'financien:'; voeg dat onderdeel toe",
                        participants.tekst,
                    )
                ],
            )
        return self

    beslispunten: list[Regel] = Field(min_length=1, description="de voorgestelde besluiten")
    argumenten: list[Onderbouwing] = Field(
        min_length=1, description="argumenten, genummerd per beslispunt (1.1, 1.2, 2.1)"
    )
    kanttekeningen: list[Onderbouwing] = Field(
        default_factory=list, description="kanttekeningen en risico's, genummerd per beslispunt"
    )

    @field_validator("argumenten", "kanttekeningen")
    @classmethod
    def _beslispunt_exists(
        cls, value: list[Onderbouwing], info: ValidationInfo
    ) -> list[Onderbouwing]:
        points = info.data.get("beslispunten")
        if points is not None:
            _check_beslispunten(value, len(points))
        return value


def _check_beslispunten(items: list[Onderbouwing], count: int) -> None:
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


def unique_keys(argumenten: list[Onderbouwing], kanttekeningen: list[Onderbouwing]) -> None:
    """Fail for a ``sleutel`` used twice: a [#sleutel] must point at one item."""
    seen: set[str] = set()
    problems: list[tuple[Loc, str, object]] = []
    for field, items in (("argumenten", argumenten), ("kanttekeningen", kanttekeningen)):
        for index, item in enumerate(items):
            if item.sleutel is None:
                continue
            if item.sleutel in seen:
                problems.append(
                    (
                        (field, index, "sleutel"),
                        f"de sleutel '{item.sleutel}' staat al bij een ander argument of andere "
                        "kanttekening; geef elk een eigen sleutel",
                        item.sleutel,
                    )
                )
            seen.add(item.sleutel)
    fail("Voorstel", problems)
