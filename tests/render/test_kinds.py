"""Rendering every kind: footnotes, table of contents, numbered sections, signature blocks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from jeugddocs import api
from jeugddocs.content.models import SOORTEN
from jeugddocs.starters import starter_text
from tests.content_text import document_of
from tests.docx_text import extract

NOTA = """\
soort: nota
gemeente: Leiden
onderwerp: Inkoopstrategie
datum: 2022-05-01
bedragen:
  budget: 3800000000
voetnoten:
  1: "Bron: CBS, *Jeugdmonitor*."
  vng: VNG, 2020.
inleiding: Deze nota beschrijft de strategie[^1].
secties:
  - kop: Aanleiding
    tekst: Het budget is {{ budget | euro_kort }}[^vng].
    secties:
      - kop: Landelijk
        tekst: Tekst.
      - kop: Regionaal
        secties:
          - kop: Holland Rijnland
            tekst: Tekst.
  - kop: Doelen
    tekst: Doelen.
"""


@pytest.fixture(scope="module")
def nota() -> bytes:
    return api.render(api.plan(document_of(NOTA), "stuk"))[0].data


def test_sections_of_a_nota_are_numbered_headings(nota: bytes) -> None:
    headings = [line for line in extract(nota) if line.startswith("[Heading")]

    assert headings == [
        "[Heading 1] Inleiding",
        "[Heading 1] 1 Aanleiding",
        "[Heading 2] 1.1 Landelijk",
        "[Heading 2] 1.2 Regionaal",
        "[Heading 3] 1.2.1 Holland Rijnland",
        "[Heading 1] 2 Doelen",
    ]


def test_footnotes_are_real_word_footnotes_numbered_in_reading_order(nota: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(nota)) as package:
        footnotes = package.read("word/footnotes.xml").decode()
        body = package.read("word/document.xml").decode()

    assert body.count("<w:footnoteReference") == 2
    assert body.index('w:footnoteReference w:id="1"') < body.index('w:footnoteReference w:id="2"')
    first, second = footnotes.index('w:id="1"'), footnotes.index('w:id="2"')
    assert footnotes.index("Bron: CBS") > first and footnotes.index("Bron: CBS") < second
    assert footnotes.index("VNG, 2020.") > second
    assert "<w:i/>" in footnotes  # *Jeugdmonitor* stays italic inside the footnote


def test_table_of_contents_links_every_heading_with_a_page_reference(nota: bytes) -> None:
    document = Document(io.BytesIO(nota))
    toc = [p for p in document.paragraphs if p.style.name.startswith("toc")]
    body = document.element.body
    instructions = [i.text for i in body.iter(qn("w:instrText"))]
    anchors = [link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))]
    marks = {
        mark.get(qn("w:name")): paragraph
        for paragraph in document.paragraphs
        for mark in paragraph._p.iter(qn("w:bookmarkStart"))
    }
    settings = document.settings.element

    # -- the template's own heading (Inleiding) too, as Word would list it --
    assert [p.text for p in toc] == [
        "Inleiding\t",
        "1 Aanleiding\t",
        "1.1 Landelijk\t",
        "1.2 Regionaal\t",
        "1.2.1 Holland Rijnland\t",
        "2 Doelen\t",
    ]
    assert [p.style.name for p in toc] == ["toc 1", "toc 1", "toc 2", "toc 2", "toc 3", "toc 1"]
    assert instructions == [f" PAGEREF {anchor} \\h " for anchor in anchors]
    assert [marks[anchor].text for anchor in anchors] == [
        "Inleiding",
        "1 Aanleiding",
        "1.1 Landelijk",
        "1.2 Regionaal",
        "1.2.1 Holland Rijnland",
        "2 Doelen",
    ]
    assert all(marks[anchor].style.name.startswith("Heading") for anchor in anchors)
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_memo_sections_are_not_numbered() -> None:
    data = api.render(api.plan(document_of(starter_text("memo")), "stuk"))[0].data

    assert "[Heading 1] Oorzaken van het tekort" in extract(data)


def test_raadsinformatiebrief_has_the_signature_block_of_the_college() -> None:
    lines = extract(
        api.render(api.plan(document_of(starter_text("raadsinformatiebrief")), "stuk"))[0].data
    )

    end = lines[lines.index("[Normal] Burgemeester en wethouders van Voorbeeldstad,") :]
    assert end == [
        "[Normal] Burgemeester en wethouders van Voorbeeldstad,",
        "| de secretaris, | de burgemeester, |",
        "| S. Secretaris | B. Burgemeester |",
    ]


def test_collegevoorstel_shows_beslispunten_as_voorstel_and_the_steller() -> None:
    lines = extract(
        api.render(api.plan(document_of(starter_text("collegevoorstel")), "stuk"))[0].data
    )

    assert "| Steller | J. Jansen, j.jansen@voorbeeldstad.nl |" in lines
    voorstel = lines.index("[Heading 1] Voorstel")
    assert lines[voorstel + 1] == (
        "[Genummerde alinea (#)] Opdracht geven tot het inkopen van een nieuw perceel "
        "dagbehandeling."
    )


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_every_kind_renders_schema_valid(soort: str, tmp_path: Path, openxml_audit: Any) -> None:
    for item in api.render(api.plan(document_of(starter_text(soort)), soort)):
        path = tmp_path / item.filename
        path.write_bytes(item.data)

        result = openxml_audit.OpenXmlValidator().validate(str(path))

        assert [str(e) for e in result.errors] == []
