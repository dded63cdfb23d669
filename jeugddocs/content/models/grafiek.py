"""A chart: a line or bar chart of one or more series over the same labels."""

from __future__ import annotations

import functools
import importlib.util
from typing import Literal

from pydantic import Field, model_validator

from jeugddocs.content.models.base import Loc, Model, fail
from jeugddocs.content.models.fields import Label, Regel, Tekst, WaardeInGrafiek
from jeugddocs.format.describe import quote

#: The names of :data:`jeugddocs.format.charts.KLEUREN` (a test keeps the two equal).
Kleur = Literal["blauw", "oranje", "groen", "vermiljoen", "paars", "hemelsblauw", "zwart", "geel"]


class Reeks(Model):
    """One series of a chart: a name for the legend and a value per label."""

    naam: Label = Field(description="naam in de legenda, bijvoorbeeld 2022")
    waarden: list[WaardeInGrafiek] = Field(
        description="één waarde per label: getal, naam uit 'bedragen' of formule; ~ voor geen"
    )
    kleur: Kleur | None = Field(
        default=None,
        description="kleur uit het Okabe-Ito-palet (goed te onderscheiden, ook bij "
        "kleurenblindheid); zonder kleur krijgt elke reeks de volgende uit het palet",
    )


class Grafiek(Model):
    """A line or bar chart, with its caption "Grafiek N: titel" numbered in the document."""

    soort: Literal["lijn", "staaf"] = Field(description="lijn of staaf")
    titel: Regel = Field(description="onderschrift; 'Grafiek 1: ' komt er vanzelf voor")
    labels: list[Label] = Field(
        min_length=1, description="de punten op de horizontale as, zoals maanden of jaren"
    )
    reeksen: list[Reeks] = Field(min_length=1, description="de reeksen, elk met een naam")
    x_as: Label | None = Field(default=None, description="tekst bij de horizontale as")
    y_as: Label | None = Field(default=None, description="tekst bij de verticale as")
    notatie: Literal["getal", "euro", "euro_kort", "procent"] = Field(
        default="getal",
        description="hoe de waarden op de as staan: getal (1.000), euro (€ 1.000), euro_kort "
        "(€ 2,5 mln.) of procent (32,3%)",
    )
    bron: Regel | None = Field(default=None, description="bronvermelding onder de grafiek")
    beschrijving: Tekst | None = Field(
        default=None,
        description="tekst voor wie de grafiek niet ziet (alt-tekst); zonder wordt hij uit "
        "de gegevens gemaakt",
    )
    tabel: bool = Field(default=False, description="de gegevens ook als tabel onder de grafiek")

    @model_validator(mode="after")
    def _one_value_per_label(self) -> Grafiek:
        problems: list[tuple[Loc, str, object]] = []
        count = len(self.labels)
        labels = ", ".join(self.labels[:4]) + (", …" if count > 4 else "")
        for i, reeks in enumerate(self.reeksen):
            values = len(reeks.waarden)
            if values == 0:
                problems.append(
                    (
                        ("reeksen", i, "waarden"),
                        f"de reeks '{quote(reeks.naam)}' heeft geen waarden; geef één waarde "
                        f"per label ({count}: {labels})",
                        reeks.waarden,
                    )
                )
            elif values != count:
                problems.append(
                    (
                        ("reeksen", i, "waarden"),
                        f"de reeks '{quote(reeks.naam)}' heeft {values} "
                        f"{'waarde' if values == 1 else 'waarden'}, maar de grafiek heeft "
                        f"{count} {'label' if count == 1 else 'labels'} ({labels}); geef één "
                        "waarde per label, ~ voor een punt zonder waarde",
                        reeks.waarden,
                    )
                )
            elif all(value is None for value in reeks.waarden):
                problems.append(
                    (
                        ("reeksen", i, "waarden"),
                        f"de reeks '{quote(reeks.naam)}' heeft alleen lege waarden (~); geef "
                        "minstens één getal",
                        reeks.waarden,
                    )
                )
        if not _can_draw():
            problems.append(
                (
                    ("soort",),
                    "voor een grafiek is matplotlib nodig, en dat is hier niet geïnstalleerd; "
                    "installeer jeugddocs met: pip install 'jeugddocs[grafieken]'",
                    self.soort,
                )
            )
        fail("Grafiek", problems)
        return self


@functools.cache
def _can_draw() -> bool:
    """Whether matplotlib is installed (looked up, not imported: that takes a second)."""
    return importlib.util.find_spec("matplotlib") is not None
