"""Tables of amounts as real Word tables, built from typed rows.

Why in code and not with loop tags in a Word table: loops over merged cells and
column widths break in docxtpl, and the total row must be computed, not typed.
Column widths follow the template's page: the text width is read from its
section properties when the template is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jeugddocs.compute.charts import plain
from jeugddocs.compute.tables import TableView, describe
from jeugddocs.format.tables import AMOUNTS_SHARE, amount_widths_cm, column_cells, unit_caption
from jeugddocs.render.wordml import escape, paragraph_xml, text_run, text_xml

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

#: The table style an editor can restyle in Word, the caption above a table and the note below.
TABLE_STYLE = "Tabel bedragen"
CAPTION_STYLE = "Tabeltitel"
NOTE_STYLE = "Tabelnoot"

_EMU_PER_TWIP = 635
_EMU_PER_CM = 360_000
_TABLE_PROPERTIES = (
    '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="left"/>'
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
    'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)
# -- a row is never split over two pages; the header row repeats on every page --
_ROW = "<w:trPr><w:cantSplit/></w:trPr>"
_HEADER_ROW = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
#: Width every amount column gets at least, so tables of the same shape line up.
STANDARD_AMOUNT_CM = 2.6
# -- the space after a table, before the text that follows it --
_SPACE_AFTER = '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>'
_RULE_ABOVE = (
    '<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="auto"/></w:tcBorders>'
)


def write_table(out: DocumentWriter, table: TableView) -> str:
    """The table's title, the table itself (header row, rows, total row) and any rounding note."""
    xml = _caption(out, table)

    header = [table.kop_omschrijving, *table.kolommen]
    columns = out.amount_columns(table)
    body = [
        [rij.omschrijving, *(column[r] for column in columns)] for r, rij in enumerate(table.rijen)
    ]
    last = len(table.rijen)
    total = [table.totaal, *(column[last] for column in columns)] if table.totaal else None
    rows = [header, *body, *([total] if total else [])]
    widths = _widths(out.layout.text_width, rows, out.widest_amount_cm())

    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    xml += (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{out.style(TABLE_STYLE)}"/>{_TABLE_PROPERTIES}'
        f"{_alt_text(table)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )
    xml += _row(header, widths, bold=True, header=True)
    xml += "".join(_row(texts, widths) for texts in body)
    if total:
        xml += _row(total, widths, bold=True, rule_above=True)
    xml += "</w:tbl>"

    gaps = [name for name, gap in zip(table.kolommen, table.afronding, strict=True) if gap]
    if gaps:
        named = ", ".join(f"'{name}'" for name in gaps)
        note = (
            f"Door afronding is het totaal van {'kolom' if len(gaps) == 1 else 'de kolommen'} "
            f"{named} niet precies de som van de getoonde bedragen."
        )
        xml += paragraph_xml(text_run(note), out.style(NOTE_STYLE))
    return xml + _SPACE_AFTER


def _alt_text(table: TableView) -> str:
    """The table's title and description for screen readers and the PDF's tags (Word's
    "Alternatieve tekst"), last in ``w:tblPr`` as the schema orders it."""
    caption = plain(table.titel) if table.titel else "Tabel"
    description = describe(table, unit_caption(table.eenheid, table.euro_teken))
    return (
        f'<w:tblCaption w:val="{escape(caption)}"/>'
        f'<w:tblDescription w:val="{escape(description)}"/>'
    )


def _caption(out: DocumentWriter, table: TableView) -> str:
    caption = unit_caption(table.eenheid, table.euro_teken)
    if not (table.titel or caption):
        return ""
    content = out.runs(table.titel or ())
    if caption:
        # -- the unit is part of the title line but not of its emphasis --
        text = f" {caption}" if table.titel else caption
        content += f'<w:r><w:rPr><w:b w:val="0"/></w:rPr>{text_xml(text)}</w:r>'
    return paragraph_xml(content, out.style(CAPTION_STYLE))


def _row(
    texts: list[str],
    widths: list[int],
    bold: bool = False,
    header: bool = False,
    rule_above: bool = False,
) -> str:
    rule = _RULE_ABOVE if rule_above else ""
    xml = "<w:tr>" + (_HEADER_ROW if header else _ROW)
    for index, (text, width) in enumerate(zip(texts, widths, strict=True)):
        # -- an amount is never broken over two lines ("€ 3.800." / "000.000") --
        no_wrap = "<w:noWrap/>" if index else ""
        alignment = "right" if index else "left"
        xml += (
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{rule}{no_wrap}</w:tcPr>'
            f"{paragraph_xml(text_run(text, bold), alignment=alignment)}</w:tc>"
        )
    return xml + "</w:tr>"


def amount_columns(table: TableView) -> list[list[str]]:
    """The texts of each amount column of ``table``: its rows, then its total if it has one."""
    return [
        column_cells(
            [
                *(rij.bedragen[i] for rij in table.rijen),
                *([table.totalen[i]] if table.totaal else []),
            ],
            table.eenheid,
            table.voordeel_nadeel[i],
            euro_teken=table.euro_teken,
            vn_voor=table.vn_voor,
        )
        for i in range(len(table.kolommen))
    ]


def _widths(text_width: int, rows: list[list[str]], widest_cm: float) -> list[int]:
    """Column widths in twips: amount columns as wide as their longest text, the rest first."""
    width = text_width * _EMU_PER_TWIP
    columns = [[row[i] for row in rows] for i in range(1, len(rows[0]))]
    # -- every amount column as wide as the widest amount of the whole document, so the
    #    document's tables of one shape line up, column under column --
    room = int(width * AMOUNTS_SHARE)
    own = [int(cm * _EMU_PER_CM) for cm in amount_widths_cm(columns)]
    equal = [int(max(widest_cm * _EMU_PER_CM, *own))] * len(columns)
    needed = equal if sum(equal) <= room else own
    if sum(needed) > room:
        # -- too wide for the page (the checks warn the author): shrink in proportion --
        total = sum(needed)
        needed = [n * room // total for n in needed]
    amounts = [round(emu / _EMU_PER_TWIP) for emu in needed]
    # -- the description column takes what is left, so the columns fill the text width exactly --
    return [text_width - sum(amounts), *amounts]
