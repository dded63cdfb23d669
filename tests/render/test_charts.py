"""Charts: a real picture at print resolution with alt text, numbered captions, the data as a
table, Dutch axis numbers, errors at their place, a valid package that LibreOffice shows."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import sys
import textwrap
import typing
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from jeugddocs import api
from jeugddocs.content.models import grafiek as chart_model
from jeugddocs.errors import ContentError
from jeugddocs.format.charts import KLEUREN, as_teksten
from jeugddocs.render import charts
from tests.conftest import libreoffice_pdfs
from tests.content_text import document_of
from tests.docx_text import extract

pytest.importorskip("matplotlib")

MEMO = """\
soort: memo
gemeente: Ouder-Amstel
onderwerp: Cliënten
datum: 2022-06-14
aan: de raad
van: het college
bedragen:
  april: 458
inleiding: Zie de grafieken.
secties:
  - kop: Cliënten
    tekst: De zwarte lijn is 2022.
    grafiek:
      soort: lijn
      titel: aantal cliënten per maand
      labels: [jan, feb, mrt, apr]
      x_as: maand
      y_as: cliënten
      reeksen:
        - naam: "2022"
          kleur: zwart
          waarden: [431, 439, "=april - 11", april]
        - naam: "2021"
          kleur: geel
          waarden: [389, 396, 402, ~]
{extra}
    toelichting: Tekst onder de grafiek.
  - kop: Kosten
    grafiek:
      soort: staaf
      titel: kosten per jaar
      labels: [2021, 2022]
      notatie: euro_kort
      reeksen:
        - naam: Kosten
          waarden: [1500000, 2500000]
"""


def memo(extra: str = "") -> str:
    return MEMO.replace("{extra}\n", textwrap.indent(extra, "      "))


def rendered(text: str) -> bytes:
    return api.render(api.plan(document_of(text), "stuk"))[0].data


def drawings(data: bytes) -> list[Any]:
    return Document(io.BytesIO(data)).element.body.xpath(".//w:drawing")


def test_the_chart_is_a_picture_in_the_body_with_its_relationship() -> None:
    data = rendered(memo())

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        rels = package.read("word/_rels/document.xml.rels").decode()
        types = package.read("[Content_Types].xml").decode()
        pictures = [package.read(f"word/media/jd-beeld-{n}.png") for n in (1, 2)]
    assert 'Extension="png"' in types
    for number in (1, 2):
        assert f'Target="media/jd-beeld-{number}.png"' in rels
    assert all(p.startswith(b"\x89PNG\r\n\x1a\n") for p in pictures)
    assert [n for n in names if n.startswith("word/media/")] == [
        "word/media/jd-beeld-1.png",
        "word/media/jd-beeld-2.png",
    ]
    found = drawings(data)
    assert len(found) == 2
    # -- each drawing refers to a relationship that names its own picture --
    for number, drawing in enumerate(found, start=1):
        rid = drawing.xpath(".//a:blip/@r:embed")[0]
        assert re.search(rf'Id="{rid}"[^>]*Target="media/jd-beeld-{number}.png"', rels)


def test_the_picture_is_as_wide_as_the_text_at_print_resolution() -> None:
    data = rendered(memo())
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        png = package.read("word/media/jd-beeld-1.png")
    pixels_wide, pixels_high = struct.unpack(">II", png[16:24])
    extent = drawings(data)[0].xpath(".//wp:extent")[0]
    cx, cy = int(extent.get("cx")), int(extent.get("cy"))

    assert abs(cx - text_width) <= 635  # -- within one twip of the text width --
    assert pixels_wide / (cx / 914400) >= 200
    assert abs(cx / cy - pixels_wide / pixels_high) < 0.01


def test_captions_are_numbered_in_reading_order_and_nested_sections_count() -> None:
    text = memo().replace(
        "    toelichting: Tekst onder de grafiek.\n",
        "    toelichting: Tekst onder de grafiek.\n"
        "    secties:\n"
        "      - kop: Dieper\n"
        "        grafiek:\n"
        "          soort: staaf\n"
        "          titel: een grafiek in een subsectie\n"
        "          labels: [a]\n"
        "          reeksen: [{naam: x, waarden: [1]}]\n",
    )
    lines = extract(rendered(text))

    captions = [line for line in lines if "Grafiek " in line and line.startswith("[Tabeltitel]")]
    assert captions == [
        "[Tabeltitel] Grafiek 1: aantal cliënten per maand",
        "[Tabeltitel] Grafiek 2: een grafiek in een subsectie",
        "[Tabeltitel] Grafiek 3: kosten per jaar",
    ]
    titles = [d.xpath(".//wp:docPr/@title")[0] for d in drawings(rendered(text))]
    assert titles == [c.removeprefix("[Tabeltitel] ") for c in captions]


def test_the_alt_text_is_made_from_the_data() -> None:
    descr = [d.xpath(".//wp:docPr/@descr")[0] for d in drawings(rendered(memo()))]

    assert descr[0] == (
        "Lijngrafiek: aantal cliënten per maand. Horizontale as: maand, van jan tot en met "
        "apr. Verticale as: cliënten. 2 reeksen: 2022 en 2021. 2022: hoogste waarde 458 "
        "(apr), laagste waarde 431 (jan). 2021: hoogste waarde 402 (mrt), laagste waarde 389 "
        "(jan)."
    )
    assert descr[1] == (
        "Staafgrafiek: kosten per jaar. Horizontale as van 2021 tot en met 2022. Eén reeks: "
        "Kosten. Kosten: hoogste waarde €\xa02,5 miljoen (2022), laagste waarde €\xa01,5 "
        "miljoen (2021)."
    )


def test_an_alt_text_of_the_author_is_kept() -> None:
    descr = drawings(rendered(memo("beschrijving: Het aantal stijgt.\n")))[0].xpath(
        ".//wp:docPr/@descr"
    )

    assert descr == ["Het aantal stijgt."]


def test_the_data_as_a_table_below_the_chart_and_source() -> None:
    lines = extract(rendered(memo("tabel: true\nbron: monitor jeugdhulp\n")))
    start = lines.index("[Tabeltitel] Grafiek 1: aantal cliënten per maand")

    assert lines[start : start + 9] == [
        "[Tabeltitel] Grafiek 1: aantal cliënten per maand",
        "[Tabelnoot] Bron: monitor jeugdhulp",
        "[Tabeltitel] Gegevens bij grafiek 1",
        "| maand | 2022 | 2021 |",
        "| jan | 431 | 389 |",
        "| feb | 439 | 396 |",
        "| mrt | 447 | 402 |",
        "| apr | 458 |  |",
        "[Normal] Tekst onder de grafiek.",
    ]


def test_the_data_table_marks_its_header_row() -> None:
    document = Document(io.BytesIO(rendered(memo("tabel: true\n"))))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "maand")

    assert table.rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


def test_the_picture_stays_on_the_page_of_its_caption() -> None:
    paragraph = drawings(rendered(memo()))[0].getparent().getparent()

    assert paragraph.tag == qn("w:p")
    assert paragraph.find(qn("w:pPr")).find(qn("w:keepNext")) is not None


@pytest.mark.parametrize(
    ("ticks", "notatie", "expected"),
    [
        ([0, 500, 1000, 1500], "getal", ["0", "500", "1.000", "1.500"]),
        ([0, 2.5, 5], "getal", ["0,0", "2,5", "5,0"]),
        (
            [0, 500000, 1000000, 2500000],
            "euro_kort",
            ["€ 0", "€ 0,5 mln.", "€ 1 mln.", "€ 2,5 mln."],
        ),
        ([0, 250000, 500000], "euro_kort", ["€ 0", "€ 250.000", "€ 500.000"]),
        ([0, 10000, 20000], "euro", ["€ 0", "€ 10.000", "€ 20.000"]),
        ([0, 12.5, 25], "procent", ["0%", "12,5%", "25%"]),
    ],
)
def test_axis_numbers_are_dutch(ticks: list[float], notatie: str, expected: list[str]) -> None:
    texts = as_teksten([Decimal(repr(t)) for t in ticks], notatie)

    assert [t.replace("\xa0", " ") for t in texts] == expected


def test_every_colour_an_author_may_name_is_in_the_palette() -> None:
    assert set(typing.get_args(chart_model.Kleur)) == set(KLEUREN)


def test_series_differ_in_more_than_colour() -> None:
    # -- in greyscale, or for a colour-blind reader, style and marker tell series apart --
    count = len(charts._LINE_STYLES)
    assert len(set(charts._LINE_STYLES)) == count
    assert len(set(charts._MARKERS[:count])) == count
    assert len(set(charts._HATCHES)) == len(charts._HATCHES)
    # -- Okabe-Ito yellow is too light against white: it gets a dark edge; black does not --
    assert charts._contrast("#F0E442") < 3 < charts._contrast("#000000")


def test_the_same_chart_gives_the_same_bytes() -> None:
    view = api.plan(document_of(memo()), "stuk")[0].view
    chart = view["secties"].items[0].grafiek
    first = charts.draw(chart, 9000)
    charts.draw.cache_clear()

    assert charts.draw(chart, 9000) == first


def problems_of(text: str) -> list[str]:
    with pytest.raises(ContentError) as excinfo:
        document_of(text)
    return [f"{p.line}:{p.column}: {p.message}" for p in excinfo.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "[389, 396, 402, ~]",
            "[389, 396]",
            "25:20: de reeks '2021' heeft 2 waarden, maar de grafiek heeft 4 labels "
            "(jan, feb, mrt, apr); geef één waarde per label, ~ voor een punt zonder waarde",
        ),
        (
            "[389, 396, 402, ~]",
            "[]",
            "25:20: de reeks '2021' heeft geen waarden; geef één waarde per label "
            "(4: jan, feb, mrt, apr)",
        ),
        (
            "soort: lijn",
            "soort: taart",
            "14:14: de tekst 'taart' is hier niet toegestaan; kies uit: 'lijn' of 'staaf'",
        ),
        (
            "[389, 396, 402, ~]",
            "[389, 396 cliënten, 402, ~]",
            "25:26: verwacht een getal, een naam uit 'bedragen' of een formule, maar hier "
            "staat de tekst '396 cliënten'; schrijf de waarde als getal, bijvoorbeeld 458",
        ),
        (
            "[389, 396, 402, ~]",
            "[389, 396, mei, ~]",
            "25:31: 'mei' is geen bekend bedrag; definieer het onder 'bedragen:' (bekende "
            "namen: april)",
        ),
    ],
)
def test_wrong_charts_are_located(old: str, new: str, expected: str) -> None:
    assert problems_of(memo().replace(old, new, 1)) == [expected]


def test_without_matplotlib_a_chart_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chart_model, "_can_draw", lambda: False)

    problems = problems_of(memo())

    assert problems[0].startswith("14:14: voor een grafiek is matplotlib nodig")
    assert "pip install 'jeugddocs[grafieken]'" in problems[0]
    assert len(problems) == 2  # -- one per chart --


def test_a_document_without_charts_never_imports_matplotlib(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "content/voorbeelden"
    script = (
        "import sys\n"
        "from jeugddocs import api\n"
        f"api.build({str(sample / 'kaders-inkoop-jeugdhulp.yaml')!r}, {str(tmp_path)!r})\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


def test_a_document_with_charts_is_schema_valid(tmp_path: Path, openxml_audit: Any) -> None:
    path = tmp_path / "stuk.docx"
    path.write_bytes(rendered(memo("tabel: true\nbron: monitor jeugdhulp\n")))

    result = openxml_audit.OpenXmlValidator().validate(str(path))

    assert [str(e) for e in result.errors] == []


def test_libreoffice_shows_the_chart(tmp_path: Path) -> None:
    path = tmp_path / "stuk.docx"
    path.write_bytes(rendered(memo()))

    (converted,) = libreoffice_pdfs([path], tmp_path, timeout=180)

    pdf = converted.read_bytes()
    assert len(re.findall(rb"/Subtype\s*/Image", pdf)) >= 2
