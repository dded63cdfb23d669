"""Charts: the picture as wide as the text, its caption "Grafiek N: …", the source, and the
data as a table when asked.

The picture is drawn by :mod:`jeugddocs.render.charts` and placed as any picture is
(:mod:`jeugddocs.render.blocks.image`, :mod:`jeugddocs.render.media`); the data table is
an ordinary table of the document (:mod:`jeugddocs.render.blocks.table`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jeugddocs.compute.charts import ChartView
from jeugddocs.render.blocks.image import drawing_run
from jeugddocs.render.blocks.table import CAPTION_STYLE, NOTE_STYLE, write_table
from jeugddocs.render.charts import chart_picture
from jeugddocs.render.wordml import text_run

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

# -- the picture stays on the page of its caption, and the caption with its source --
_KEEP_WITH_NEXT = "<w:keepNext/>"


def write_chart(out: DocumentWriter, chart: ChartView) -> str:
    """The chart's picture, caption and source line, then its data table if it has one."""
    picture = chart_picture(chart, out.layout.text_width)
    xml = _paragraph(drawing_run(out, picture), None, keep=True, space_before=True)
    caption = text_run(f"Grafiek {chart.nummer}: ") + out.runs(chart.titel)
    xml += _paragraph(caption, out.style(CAPTION_STYLE), keep=chart.bron is not None)
    if chart.bron:
        xml += _paragraph(
            text_run("Bron: ") + out.runs(chart.bron), out.style(NOTE_STYLE), keep=False
        )
    if chart.tabel:
        xml += write_table(out, chart.tabel)
    return xml


def _paragraph(content: str, style: str | None, keep: bool, space_before: bool = False) -> str:
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    properties += _KEEP_WITH_NEXT if keep else ""
    properties += '<w:spacing w:before="120"/>' if space_before else ""
    return f"<w:p><w:pPr>{properties}</w:pPr>{content}</w:p>"
