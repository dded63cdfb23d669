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
from jeugddocs.render.wordml import paragraph_xml, text_run

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

#: Space above the picture, in twips (6 pt).
SPACE_BEFORE = 120


def write_chart(out: DocumentWriter, chart: ChartView) -> str:
    """The chart's picture, caption and source line, then its data table if it has one."""
    picture = chart_picture(chart, out.layout.text_width)
    # -- the picture stays on the page of its caption, and the caption with its source --
    xml = paragraph_xml(drawing_run(out, picture), keep_next=True, space_before=SPACE_BEFORE)
    caption = text_run(f"Grafiek {chart.nummer}: ") + out.runs(chart.titel)
    xml += paragraph_xml(caption, out.style(CAPTION_STYLE), keep_next=chart.bron is not None)
    if chart.bron:
        xml += paragraph_xml(text_run("Bron: ") + out.runs(chart.bron), out.style(NOTE_STYLE))
    if chart.tabel:
        xml += write_table(out, chart.tabel)
    return xml
