"""Drawing a chart as a PNG picture with matplotlib (Agg), at print resolution.

matplotlib is an optional extra (``jeugddocs[grafieken]``) and slow to import, so it is
imported here, inside :func:`draw`, and only when a document has a chart. No pyplot:
one :class:`~matplotlib.figure.Figure` per chart on its own Agg canvas, so no state is
shared between charts or threads.

Readable for everyone: the Okabe-Ito colours, and per series its own line style and
marker (a bar its own hatching), so the series stay apart in greyscale and for readers
with a colour-vision deficiency; a colour too light to stand out against white (less
than 3:1, WCAG 1.4.11) gets a dark edge. The axis shows its numbers in Dutch notation
(:mod:`jeugddocs.format.charts`).
"""

from __future__ import annotations

import functools
import io
import math
from decimal import Decimal
from typing import Any

from jeugddocs.compute.charts import ChartView
from jeugddocs.content.pictures import Picture
from jeugddocs.format.charts import as_teksten

#: Pixels per inch of the picture: print resolution at the size it is placed.
DPI = 300
#: The chart's height as a share of its width (the text width).
ASPECT = 0.45
_LINE_STYLES: tuple[Any, ...] = ("-", "--", ":", "-.", (0, (5, 1.5, 1, 1.5, 1, 1.5)), (0, (8, 2)))
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_HATCHES = ("", "///", "...", "xxx", "\\\\\\", "+++", "ooo", "---")
_EDGE = "#222222"
_FONT_SIZE = 8.5
_EMU_PER_TWIP = 635


def chart_picture(chart: ChartView, text_width: int) -> Picture:
    """The chart as a picture ``text_width`` (twips) wide, described by its alt text."""
    data, (width, height) = draw(chart, text_width)
    return Picture(
        naam=f"grafiek-{chart.nummer}.png",
        data=data,
        soort="png",
        breedte=width,
        hoogte=height,
        breedte_cm=text_width * 2.54 / 1440,
        beschrijving=chart.beschrijving,
        titel=chart.onderschrift,
    )


@functools.lru_cache(maxsize=32)
def draw(chart: ChartView, text_width: int) -> tuple[bytes, tuple[int, int]]:
    """Return the PNG of ``chart`` and its size in pixels; the same chart is drawn once."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import Formatter

    class DutchFormatter(Formatter):
        """Tick labels in the chart's notation, all ticks of the axis at once."""

        def __call__(self, x: float, pos: int | None = None) -> str:
            return self.format_ticks([x])[0]

        def format_ticks(self, values: list[float]) -> list[str]:
            return as_teksten([Decimal(repr(float(v))) for v in values], chart.notatie)

    inches = text_width / 1440
    with rc_context(
        {
            "font.family": "DejaVu Sans",
            "font.size": _FONT_SIZE,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": _EDGE,
            "axes.labelcolor": _EDGE,
            "xtick.color": _EDGE,
            "ytick.color": _EDGE,
            "hatch.linewidth": 0.8,
        }
    ):
        figure = Figure(figsize=(inches, inches * ASPECT), dpi=DPI, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = list(range(len(chart.labels)))
        if chart.soort == "staaf":
            _bars(axes, chart, positions)
        else:
            _lines(axes, chart, positions)
        axes.set_xticks(positions, chart.labels)
        if sum(len(label) + 2 for label in chart.labels) * _FONT_SIZE * 0.6 > inches * 72 * 0.9:
            axes.tick_params(axis="x", labelrotation=45)
            for label in axes.get_xticklabels():
                label.set_horizontalalignment("right")
                label.set_rotation_mode("anchor")
        axes.yaxis.set_major_formatter(DutchFormatter())
        axes.grid(axis="y", color="#d0d0d0", linewidth=0.6)
        axes.set_axisbelow(True)
        if chart.x_as:
            axes.set_xlabel(chart.x_as)
        if chart.y_as:
            axes.set_ylabel(chart.y_as)
        if len(chart.reeksen) > 1:
            figure.legend(
                loc="outside lower center",
                ncols=min(len(chart.reeksen), 4),
                frameon=False,
                handlelength=3.5,
            )
        buffer = io.BytesIO()
        # -- no software name or date in the file: the same chart gives the same bytes --
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        width, height = canvas.get_width_height(physical=True)
    return buffer.getvalue(), (int(width), int(height))


def _lines(axes: Any, chart: ChartView, positions: list[int]) -> None:
    from matplotlib import patheffects

    for index, series in enumerate(chart.reeksen):
        light = _contrast(series.kleur) < 3
        effects = (
            [patheffects.Stroke(linewidth=3.6, foreground=_EDGE), patheffects.Normal()]
            if light
            else []
        )
        axes.plot(
            positions,
            [math.nan if v is None else float(v) for v in series.waarden],
            label=series.naam,
            color=series.kleur,
            linewidth=2,
            linestyle=_LINE_STYLES[index % len(_LINE_STYLES)],
            marker=_MARKERS[index % len(_MARKERS)],
            markersize=5,
            markeredgecolor=_EDGE,
            markeredgewidth=0.7,
            path_effects=effects,
        )


def _bars(axes: Any, chart: ChartView, positions: list[int]) -> None:
    count = len(chart.reeksen)
    width = 0.8 / count
    for index, series in enumerate(chart.reeksen):
        offset = (index - (count - 1) / 2) * width
        # -- a label without a value gets no bar (a bar of 0 would say it was 0) --
        shown = [(p, v) for p, v in zip(positions, series.waarden, strict=True) if v is not None]
        axes.bar(
            [p + offset for p, _ in shown],
            [float(v) for _, v in shown],
            width=width,
            label=series.naam,
            color=series.kleur,
            edgecolor=_EDGE,
            linewidth=0.6,
            hatch=_HATCHES[index % len(_HATCHES)],
        )
    axes.axhline(0, color=_EDGE, linewidth=0.8)


def _contrast(colour: str) -> float:
    """The contrast ratio of ``colour`` (``#RRGGBB``) against white, as WCAG defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)
