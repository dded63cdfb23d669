"""Charts in the view: numbered, coloured, their data as a table, and described in words.

The description is the alt text a screen reader speaks in place of the picture, made
from the data when the author gave none: what kind of chart, its axes, its series and
the range of its labels, and each series' highest and lowest point.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jeugddocs.compute.tables import TableRow, TableView
from jeugddocs.content.models.grafiek import Grafiek
from jeugddocs.format.charts import KLEUREN, waarde
from jeugddocs.markup.prose import Inline, Run

#: The unit a chart's data table shows its values in, by the chart's notation.
_TABLE_UNITS = {"getal": "aantal", "euro": "euro", "euro_kort": "euro", "procent": "procent"}
_KINDS = {"lijn": "Lijngrafiek", "staaf": "Staafgrafiek"}


@dataclass(frozen=True)
class SeriesView:
    """One series: its name, a value per label (None: no point there), its colour."""

    naam: str
    waarden: tuple[Decimal | None, ...]
    kleur: str


@dataclass(frozen=True)
class ChartView:
    """A chart ready to draw: ``nummer`` is its place among the document's charts."""

    nummer: int
    soort: str
    titel: Inline
    labels: tuple[str, ...]
    reeksen: tuple[SeriesView, ...]
    x_as: str | None
    y_as: str | None
    notatie: str
    bron: Inline | None
    #: The alt text: the author's, or made from the data.
    beschrijving: str
    tabel: TableView | None

    @property
    def onderschrift(self) -> str:
        """The caption as plain text: ``Grafiek 1: …``."""
        return f"Grafiek {self.nummer}: {plain(self.titel)}"


def chart_view(chart: Grafiek, nummer: int, titel: Inline, bron: Inline | None) -> ChartView:
    """Return the view of ``chart``, the ``nummer``-th of its document."""
    series = tuple(
        SeriesView(reeks.naam, tuple(reeks.waarden), colour)
        for reeks, colour in zip(chart.reeksen, _colours(chart), strict=True)
    )
    table = None
    if chart.tabel:
        table = TableView(
            titel=(Run(f"Gegevens bij grafiek {nummer}"),),
            kop_omschrijving=chart.x_as or "",
            kolommen=tuple(s.naam for s in series),
            rijen=tuple(
                TableRow(label, tuple(s.waarden[i] for s in series))
                for i, label in enumerate(chart.labels)
            ),
            totaal=None,
            totalen=(),
            eenheid=_TABLE_UNITS[chart.notatie],
            voordeel_nadeel=(False,) * len(series),
            afronding=(False,) * len(series),
        )
    described = chart.beschrijving or describe(
        chart.soort,
        plain(titel),
        tuple(chart.labels),
        series,
        chart.x_as,
        chart.y_as,
        chart.notatie,
    )
    return ChartView(
        nummer=nummer,
        soort=chart.soort,
        titel=titel,
        labels=tuple(chart.labels),
        reeksen=series,
        x_as=chart.x_as,
        y_as=chart.y_as,
        notatie=chart.notatie,
        bron=bron,
        beschrijving=described,
        tabel=table,
    )


def _colours(chart: Grafiek) -> list[str]:
    """A colour per series: the one asked for, else the next of the palette not asked for."""
    asked = {reeks.kleur for reeks in chart.reeksen if reeks.kleur}
    free = [name for name in KLEUREN if name not in asked] or list(KLEUREN)
    rv = []
    for reeks in chart.reeksen:
        if reeks.kleur:
            rv.append(KLEUREN[reeks.kleur])
        else:
            rv.append(KLEUREN[free[0]])
            free = free[1:] or list(KLEUREN)
    return rv


def describe(
    soort: str,
    titel: str,
    labels: tuple[str, ...],
    series: tuple[SeriesView, ...],
    x_as: str | None,
    y_as: str | None,
    notatie: str,
) -> str:
    """The chart in words, for a reader who cannot see it (Dutch).

    >>> s = (SeriesView("2022", (Decimal(440), Decimal(458), None), "#000000"),)
    >>> describe("lijn", "Cliënten", ("jan", "feb", "mrt"), s, "maand", "aantal", "getal")
    'Lijngrafiek: Cliënten. Horizontale as: maand, van jan tot en met mrt. Verticale as: aantal. Eén reeks: 2022. 2022: hoogste waarde 458 (feb), laagste waarde 440 (jan).'
    """  # noqa: E501
    parts = [f"{_KINDS[soort]}: {titel.rstrip('.')}."]
    span = f"van {labels[0]} tot en met {labels[-1]}" if len(labels) > 1 else f"bij {labels[0]}"
    parts.append(f"Horizontale as: {x_as}, {span}." if x_as else f"Horizontale as {span}.")
    if y_as:
        parts.append(f"Verticale as: {y_as}.")
    names = [s.naam for s in series]
    if len(names) == 1:
        parts.append(f"Eén reeks: {names[0]}.")
    else:
        parts.append(f"{len(names)} reeksen: {', '.join(names[:-1])} en {names[-1]}.")
    for s in series:
        points = [(v, label) for v, label in zip(s.waarden, labels, strict=True) if v is not None]
        high = max(v for v, _ in points)
        low = min(v for v, _ in points)
        if high == low:
            parts.append(f"{s.naam}: steeds {waarde(high, notatie)}.")
            continue
        parts.append(
            f"{s.naam}: hoogste waarde {waarde(high, notatie)} ({_at(points, high)}), "
            f"laagste waarde {waarde(low, notatie)} ({_at(points, low)})."
        )
    return " ".join(parts)


def _at(points: list[tuple[Decimal, str]], value: Decimal) -> str:
    """The labels where a series has ``value``: ``mei`` or ``mei en juni``."""
    where = [label for v, label in points if v == value]
    return where[0] if len(where) == 1 else f"{', '.join(where[:-1])} en {where[-1]}"


def plain(runs: Inline) -> str:
    """The text of runs without their emphasis or footnote marks."""
    return "".join(run.text for run in runs if run.voetnoot is None)
