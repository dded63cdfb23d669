"""Tables of amounts as real Word tables, built in code from typed rows.

Why in code and not with loop tags in a Word table: loops over merged cells and
column widths break in docxtpl, and the total row must be computed, not typed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docx.table import Table, _Cell, _Row
from docxtpl.subdoc import Subdoc

from jeugddocs.compute.view import TableView
from jeugddocs.format.tables import AMOUNTS_SHARE, amount_cell, amount_widths_cm, unit_caption
from jeugddocs.render.prose import add_runs
from jeugddocs.render.session import RenderSession

#: The table style an editor can restyle in Word, the caption above a table and the note below.
TABLE_STYLE = "Tabel bedragen"
CAPTION_STYLE = "Tabeltitel"
NOTE_STYLE = "Tabelnoot"


def table_subdoc(session: RenderSession, table: TableView) -> Subdoc:
    """Return a sub-document with the table's title and the table itself."""
    subdoc = session.new_subdoc()
    add_table(session, subdoc, table)
    return subdoc


def add_table(session: RenderSession, subdoc: Any, table: TableView) -> None:
    """Append a table's title, the table itself and any rounding note to a sub-document."""
    caption = unit_caption(table.eenheid)
    if table.titel or caption:
        title = subdoc.add_paragraph(style=CAPTION_STYLE)
        add_runs(session, title, table.titel or ())
        if caption:
            title.add_run(f" {caption}" if table.titel else caption).bold = False
    rows = 1 + len(table.rijen) + (1 if table.totaal else 0)
    word_table = subdoc.add_table(rows=rows, cols=1 + len(table.kolommen))
    word_table.style = subdoc.styles[TABLE_STYLE]
    word_table.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = [table.kop_omschrijving, *table.kolommen]

    def cells(values: tuple[Decimal, ...]) -> list[str]:
        return [amount_cell(v, table.eenheid, table.voordeel_nadeel) for v in values]

    body = [[rij.omschrijving, *cells(rij.bedragen)] for rij in table.rijen]
    total = [table.totaal, *cells(table.totalen)] if table.totaal else None
    _set_widths(word_table, subdoc.sections[-1], [header, *body, *([total] if total else [])])

    _mark_as_header(word_table.rows[0])
    _fill(word_table.rows[0], header, bold=True)
    for row, texts in zip(word_table.rows[1:], body, strict=False):
        _fill(row, texts)
    if total:
        _fill(word_table.rows[-1], total, bold=True)
        for cell in word_table.rows[-1].cells:
            _rule_above(cell)
    gaps = [name for name, gap in zip(table.kolommen, table.afronding, strict=True) if gap]
    if gaps:
        note = subdoc.add_paragraph(style=NOTE_STYLE)
        columns = ", ".join(f"'{name}'" for name in gaps)
        note.add_run(
            f"Door afronding is het totaal van {'kolom' if len(gaps) == 1 else 'de kolommen'} "
            f"{columns} niet precies de som van de getoonde bedragen."
        )


def _fill(row: _Row, texts: list[str], bold: bool = False) -> None:
    cells = row.cells
    _write(cells[0], texts[0], bold, WD_ALIGN_PARAGRAPH.LEFT)
    for cell, text in zip(cells[1:], texts[1:], strict=True):
        _write(cell, text, bold, WD_ALIGN_PARAGRAPH.RIGHT)
        _no_wrap(cell)


def _write(cell: _Cell, text: str, bold: bool, alignment: WD_ALIGN_PARAGRAPH) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = alignment
    run = paragraph.add_run(text)
    if bold:
        run.bold = True


def _set_widths(table: Table, section: object, rows: list[list[str]]) -> None:
    width = section.page_width - section.left_margin - section.right_margin  # type: ignore[attr-defined]
    columns = [[row[i] for row in rows] for i in range(1, len(rows[0]))]
    needed: list[int] = [Cm(cm) for cm in amount_widths_cm(columns)]
    room = int(width * AMOUNTS_SHARE)
    if sum(needed) > room:
        # -- too wide for the page (the checks warn the author): shrink in proportion --
        needed = [n * room // sum(needed) for n in needed]
    widths = [width - sum(needed), *needed]
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = Emu(column_width)
        for cell in column.cells:
            cell.width = Emu(column_width)


# -- the children of w:tcPr in schema order (ECMA-376 §17.4.70); inserting out of order is
#    a file Word calls unreadable --
_TC_PR_ORDER = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)


def _add_cell_property(cell: _Cell, element: Any) -> None:
    tag = element.tag.replace(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:"
    )
    successors = _TC_PR_ORDER[_TC_PR_ORDER.index(tag) + 1 :]
    cell._tc.get_or_add_tcPr().insert_element_before(element, *successors)


def _no_wrap(cell: _Cell) -> None:
    # -- an amount is never broken over two lines ("€ 3.800." / "000.000") --
    _add_cell_property(cell, OxmlElement("w:noWrap"))


def _mark_as_header(row: _Row) -> None:
    """Mark a row as the table's header row, which Word repeats on each new page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _rule_above(cell: _Cell) -> None:
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "0"), ("w:color", "auto")):
        top.set(qn(key), value)
    borders.append(top)
    _add_cell_property(cell, borders)
