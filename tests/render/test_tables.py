"""Finance tables in full: units, rounding notes, total column, V/N, names and formulas."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

from docx import Document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs import api
from jeugddocs.calc.totals import column_totals, rounding_gaps
from jeugddocs.format.tables import shown
from tests.content_text import document_of
from tests.docx_text import extract

MEMO = """\
soort: memo
gemeente: Ouder-Amstel
onderwerp: Begroting
datum: 2020-10-06
aan: de raad
van: het college
bedragen:
  basis: 1400
  index: 2
inleiding: Zie de tabel; de basis is {{ basis | euro }} en de index {{ index | procent }}.
secties:
  - kop: Begroting
    tabel:
      titel: Lasten
{extra}
      kolommen: [2021, 2022]
      rijen:
        - omschrijving: A
          bedragen: [basis, "=indexeer(basis, index)"]
        - omschrijving: B
          bedragen: [1400, -2500]
      totaal: Totaal
"""


def table_lines(extra: str = "") -> list[str]:
    text = MEMO.replace("{extra}\n", textwrap.indent(extra, "      "))
    lines = extract(api.render(api.plan(document_of(text), "stuk"))[0].data)
    start = next(i for i, line in enumerate(lines) if line.startswith("[Tabeltitel]"))
    # -- no-break spaces are asserted elsewhere; here they would only hide the numbers --
    return [line.replace("\xa0", " ") for line in lines[start:]]


def test_names_and_formulas_in_cells_with_a_computed_total_row() -> None:
    assert table_lines() == [
        "[Tabeltitel] Lasten",
        "|  | 2021 | 2022 |",
        "| A | € 1.400 | € 1.428 |",
        "| B | € 1.400 | € -2.500 |",
        "| Totaal | € 2.800 | € -1.072 |",
    ]


def test_eenheid_duizend_rounds_half_up_and_notes_rounding_gaps() -> None:
    assert table_lines("eenheid: duizend\n") == [
        "[Tabeltitel] Lasten (bedragen x € 1.000)",
        "|  | 2021 | 2022 |",
        "| A | 1 | 1 |",
        "| B | 1 | -3 |",
        "| Totaal | 3 | -1 |",
        "[Tabelnoot] Door afronding is het totaal van de kolommen '2021', '2022' niet precies "
        "de som van de getoonde bedragen.",
    ]


def test_total_column_and_voordeel_nadeel() -> None:
    assert table_lines("totaal_kolom: Totaal\nvoordeel_nadeel: true\n") == [
        "[Tabeltitel] Lasten",
        "|  | 2021 | 2022 | Totaal |",
        "| A | € 1.400 V | € 1.428 V | € 2.828 V |",
        "| B | € 1.400 V | € 2.500 N | € 1.100 N |",
        "| Totaal | € 2.800 V | € 1.072 N | € 1.728 V |",
    ]


def test_amount_cells_never_wrap() -> None:
    text = MEMO.replace("{extra}\n", "")
    document = Document(io.BytesIO(api.render(api.plan(document_of(text), "stuk"))[0].data))
    table = document.tables[-1]

    cell = table.rows[1].cells[1]._tc
    assert (
        cell.tcPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}noWrap")
        is not None
    )


rows_strategy = st.lists(
    st.lists(st.decimals(min_value=-(10**9), max_value=10**9, places=2), min_size=2, max_size=2),
    min_size=1,
    max_size=8,
)


@given(rows_strategy)
def test_totals_are_the_exact_sum_of_unrounded_rows(rows: list[list[Decimal]]) -> None:
    totals = column_totals(rows, 2)

    assert totals == [sum(r[0] for r in rows), sum(r[1] for r in rows)]
    gaps = rounding_gaps(rows, totals, "duizend")
    for column, gap in enumerate(gaps):
        shown_sum = sum(shown(r[column], "duizend") for r in rows)
        assert gap == (shown_sum != shown(totals[column], "duizend"))


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3))
def test_shown_thousands_round_half_up(value: Decimal) -> None:
    thousands = shown(value, "duizend")

    assert abs(thousands * 1000 - value) <= 500
    if abs(value) % 1000 == 500:
        assert abs(thousands * 1000) > abs(value)


def test_rows_never_split_and_tables_of_one_shape_line_up() -> None:
    second = textwrap.indent(
        textwrap.dedent(
            """\
            - kop: Tweede tabel
              tabel:
                kolommen: [Raming, Realisatie]
                rijen:
                  - omschrijving: Iets heel anders met een veel langere omschrijving
                    bedragen: [5, 123456789012]
            """
        ),
        "  ",
    )
    text = MEMO.format(extra="") + second
    data = api.render(api.plan(document_of(text), "stuk"))[0].data
    document = Document(io.BytesIO(data))
    grids = [
        [column.get(qn("w:w")) for column in table._tbl.tblGrid.iterchildren()]
        for table in document.tables
        if len(table.columns) == 3
    ]

    assert len(grids) == 2
    assert grids[0] == grids[1]
    assert grids[0][1] == grids[0][2]  # -- amount columns equally wide --
    amounts = [
        t for t in document.tables if t.style is not None and t.style.name == "Tabel bedragen"
    ]
    assert len(amounts) == 2
    for table in amounts:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_a_column_with_cents_shows_cents_in_every_cell() -> None:
    text = MEMO.format(extra="").replace(
        '          bedragen: [basis, "=indexeer(basis, index)"]',
        "          bedragen: [100, 2.5]",
    )

    lines = extract(api.render(api.plan(document_of(text), "stuk"))[0].data)

    # -- per column: 2022 has cents somewhere, so all its cells show them; 2021 has none --
    assert "| A | €\xa0100 | €\xa02,50 |" in lines
    assert "| B | €\xa01.400 | €\xa0-2.500,00 |" in lines
    assert "| Totaal | €\xa01.500 | €\xa0-2.497,50 |" in lines
