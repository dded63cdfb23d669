"""Accessible Word, checked on the produced files: headings in order, decision points and
bijlagen as real Word lists, tables with alt text, a table of contents with page numbers
(in LibreOffice's PDF too)."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from jeugddocs import api
from tests.conftest import MINIMAL, SAMPLES, libreoffice_pdfs, required_program
from tests.content_text import document_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = ["standaard", "vragen", "plat"]
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


@cache
def rendered(style: str, sample: Path) -> tuple[tuple[str, bytes], ...]:
    """Every file one sample makes in one house style: (name, .docx bytes)."""
    templates = api.template_set(style)
    document = api.check(sample).valid()
    plan = api.plan(document, sample.stem, templates.structure)
    return tuple((item.name, item.data) for item in api.render(plan, templates))


def part(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def val(element: Any, path: str) -> str | None:
    found = element.find(path)
    return found.get(f"{W}val") if found is not None else None


# -- headings -------------------------------------------------------------------------


def outline_levels(styles: Any) -> dict[str, int | None]:
    """Style id → heading level (Title and Subtitle 0, Heading 1 → 1), None for body text."""
    by_id = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style")}

    def level(style_id: str, seen: tuple[str, ...] = ()) -> int | None:
        style = by_id.get(style_id)
        if style is None or style_id in seen:
            return None
        if val(style, f"{W}name") in ("Title", "Subtitle"):
            return 0
        own = val(style, f"{W}pPr/{W}outlineLvl")
        if own is not None:
            return int(own) + 1 if int(own) < 9 else None
        based = val(style, f"{W}basedOn")
        return level(based, (*seen, style_id)) if based else None

    return {style_id: level(style_id) for style_id in by_id}


def heading_levels(data: bytes) -> list[tuple[int, str]]:
    """The document's headings in reading order: (level, text)."""
    levels = outline_levels(part(data, "word/styles.xml"))
    body = part(data, "word/document.xml").find(f"{W}body")
    rv = []
    for paragraph in body.iter(f"{W}p"):
        own = val(paragraph, f"{W}pPr/{W}outlineLvl")
        if own is not None:
            level = int(own) + 1 if int(own) < 9 else None
        else:
            level = levels.get(val(paragraph, f"{W}pPr/{W}pStyle") or "")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        if level is not None and text.strip():
            rv.append((level, text))
    return rv


def first_skip(headings: list[tuple[int, str]]) -> str | None:
    """The first heading more than one level below the one before it, or None."""
    previous = 0
    for level, text in headings:
        if level > previous + 1:
            return f"'{text}' (niveau {level}) na niveau {previous}"
        previous = level
    return None


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.stem)
@pytest.mark.parametrize("style", STYLES)
def test_headings_never_skip_a_level(style: str, sample: Path) -> None:
    for name, data in rendered(style, sample):
        headings = heading_levels(data)

        assert headings[0][0] == 0, name  # -- every document starts with its title --
        assert first_skip(headings) is None, name


def test_the_heading_check_sees_a_skipped_level() -> None:
    data = rendered("standaard", SAMPLES / "inkoopstrategie-jeugdhulp.yaml")[0][1]
    # -- the same document with every chapter heading made a level-3 heading --
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        body = source.read("word/document.xml").replace(b'"Heading1"', b'"Heading3"')
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                target.writestr(
                    info, body if info.filename == "word/document.xml" else source.read(info)
                )
    skipped = buffer.getvalue()

    assert first_skip(heading_levels(data)) is None
    assert first_skip(heading_levels(skipped)) == "'Inleiding' (niveau 3) na niveau 0"


# -- real numbering -------------------------------------------------------------------


def numbered(data: bytes) -> list[tuple[str, str, int, str]]:
    """Each numbered paragraph: (text, numId, start, level text) as Word works it out."""
    numbering = part(data, "word/numbering.xml")
    abstracts = {a.get(f"{W}abstractNumId"): a for a in numbering.iter(f"{W}abstractNum")}
    nums = {n.get(f"{W}numId"): n for n in numbering.iter(f"{W}num")}
    styles = {
        s.get(f"{W}styleId"): val(s, f"{W}pPr/{W}numPr/{W}numId")
        for s in part(data, "word/styles.xml").iter(f"{W}style")
    }
    rv = []
    for paragraph in part(data, "word/document.xml").iter(f"{W}p"):
        num_id = val(paragraph, f"{W}pPr/{W}numPr/{W}numId") or styles.get(
            val(paragraph, f"{W}pPr/{W}pStyle") or ""
        )
        if not num_id or num_id == "0":
            continue
        num = nums[num_id]
        abstract = abstracts[val(num, f"{W}abstractNumId")]
        override = val(num, f"{W}lvlOverride/{W}startOverride")
        start = int(override or val(abstract, f"{W}lvl/{W}start") or 1)
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        rv.append((text, num_id, start, val(abstract, f"{W}lvl/{W}lvlText") or ""))
    return rv


def minimal(extra: str = "") -> list[tuple[str, bytes]]:
    text = MINIMAL + extra
    return [(item.name, item.data) for item in api.render(api.plan(document_of(text), "stuk"))]


def test_decision_points_and_bijlagen_are_word_lists_that_each_start_at_one() -> None:
    (_, voorstel), (_, besluit) = minimal("bijlagen: [Kaart, Begroting, Advies]\n")

    lists = numbered(voorstel)
    points = [entry for entry in lists if entry[0] in ("Het nieuwe perceel inkopen.",)]
    annexes = [entry for entry in lists if entry[0] in ("Kaart", "Begroting", "Advies")]

    assert len(points) == 1 and len(annexes) == 3
    pilot = next(entry for entry in lists if entry[0] == "Een pilot starten.")
    assert pilot[1] == points[0][1]  # -- the two decision points are one list --
    assert {entry[1] for entry in annexes} != {points[0][1]}  # -- the bijlagen their own --
    assert len({entry[1] for entry in annexes}) == 1
    assert {(entry[2], entry[3]) for entry in [*points, pilot, *annexes]} == {(1, "%1.")}
    # -- the raadsbesluit repeats them, numbered the same way --
    assert [(text, start, shown) for text, _, start, shown in numbered(besluit)] == [
        ("Het nieuwe perceel inkopen.", 1, "%1."),
        ("Een pilot starten.", 1, "%1."),
    ]


def shown_text(paragraph: Any) -> str:
    """The paragraph's text as shown, tabs included (not the tab stops of its properties)."""
    return "".join(
        "\t" if node.tag == f"{W}tab" else (node.text or "")
        for node in paragraph.iter(f"{W}t", f"{W}tab")
        if node.getparent().tag != f"{W}tabs"
    )


@pytest.mark.parametrize("style", STYLES)
def test_no_paragraph_has_a_typed_number(style: str) -> None:
    for sample in SAMPLE_FILES:
        for name, data in rendered(style, sample):
            for paragraph in part(data, "word/document.xml").iter(f"{W}p"):
                text = shown_text(paragraph)
                assert not re.match(r"\d+\.\t", text), f"{name}: {text}"


def test_a_single_decision_point_stays_bare_where_the_house_style_says_so() -> None:
    templates = api.template_set("plat")
    document = api.check(SAMPLES / "kaders-inkoop-jeugdhulp.yaml").valid()
    voorstel, besluit = (
        item.data for item in api.render(api.plan(document, "k", templates.structure), templates)
    )
    point = "Het programmaplan Jeugdhulpaanbod voor de jaren 2021 tot en met 2023 vaststellen."

    assert point not in [text for text, *_ in numbered(voorstel)]
    assert point not in [text for text, *_ in numbered(besluit)]
    # -- the bijlagen are still a list --
    assert "Raadsbesluit" in [text for text, *_ in numbered(voorstel)]


# -- tables ---------------------------------------------------------------------------


def alt_texts(data: bytes) -> list[tuple[str | None, str | None]]:
    """(caption, description) of every table in the body, in order."""
    body = part(data, "word/document.xml")
    return [
        (val(table, f"{W}tblPr/{W}tblCaption"), val(table, f"{W}tblPr/{W}tblDescription"))
        for table in body.iter(f"{W}tbl")
    ]


@pytest.mark.parametrize("style", STYLES)
def test_every_table_has_alt_text(style: str) -> None:
    for sample in SAMPLE_FILES:
        for name, data in rendered(style, sample):
            texts = alt_texts(data)
            assert texts, name
            for caption, description in texts:
                assert caption and description, f"{name}: {caption!r}, {description!r}"


def test_a_table_is_described_by_its_title_rows_columns_and_unit() -> None:
    (_, voorstel), _ = minimal()

    assert alt_texts(voorstel)[1] == (
        "Extra bijdrage per gemeente",
        "Tabel met 2 rijen (Blaricum en Hilversum) en één kolom: Bijdrage, met een "
        "totaalregel 'Totaal'. Bedragen in euro's.",
    )


def test_alt_text_of_a_table_in_thousands_with_voordeel_nadeel() -> None:
    text = MINIMAL.replace(
        "      totaal: Totaal\n",
        "      totaal: Totaal\n      eenheid: duizend\n      voordeel_nadeel: true\n"
        "      kop_omschrijving: Gemeente\n",
    )
    voorstel = api.render(api.plan(document_of(text), "stuk"))[0].data

    assert alt_texts(voorstel)[1][1] == (
        "Tabel met 2 rijen (Blaricum en Hilversum) en één kolom: Bijdrage, met een "
        "totaalregel 'Totaal'. Eerste kolom: Gemeente. Bedragen x €\xa01.000. "
        "V is voordeel, N is nadeel."
    )


def test_lists_alt_text_and_contents_are_schema_valid(tmp_path: Path, openxml_audit: Any) -> None:
    for style in STYLES:
        for sample in ("kaders-inkoop-jeugdhulp.yaml", "inkoopstrategie-jeugdhulp.yaml"):
            for name, data in rendered(style, SAMPLES / sample):
                path = tmp_path / f"{style}-{name}.docx"
                path.write_bytes(data)

                result = openxml_audit.OpenXmlValidator().validate(str(path))

                assert [str(e) for e in result.errors] == [], path.name


# -- table of contents ----------------------------------------------------------------


def pdf_pages(data: bytes, folder: Path) -> list[list[str]]:
    """Convert a .docx with LibreOffice, as the PDF export does; return each page's lines."""
    pdftotext = required_program("pdftotext")
    source = folder / "stuk.docx"
    source.write_bytes(data)
    (pdf,) = libreoffice_pdfs([source], folder)
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return [[line.strip() for line in page.splitlines()] for page in text.split("\f")]


# -- "1.1 De regiovisie ........ 2" --
_ENTRY = re.compile(r"^(?P<kop>.+?)\s*\.{3,}\s*(?P<pagina>\d+)$")


def test_the_pdf_has_a_table_of_contents_with_the_right_page_numbers(tmp_path: Path) -> None:
    data = rendered("standaard", SAMPLES / "inkoopstrategie-jeugdhulp.yaml")[0][1]
    headings = [text for level, text in heading_levels(data) if 1 <= level <= 3]

    pages = pdf_pages(data, tmp_path)

    entries = [m for line in pages[0] if (m := _ENTRY.match(line))]
    assert [m["kop"] for m in entries] == headings
    for entry in entries:
        number = int(entry["pagina"])
        # -- the heading stands on that page, as a line of its own, and on no page before --
        where = [i + 1 for i, lines in enumerate(pages) if entry["kop"] in lines]
        assert where and where[0] == number, (entry["kop"], number, where)
    # -- the sample runs over several pages, so the numbers are not all the same --
    assert len({m["pagina"] for m in entries}) > 3


def test_contents_entries_keep_special_characters_and_leave_out_footnote_marks() -> None:
    text = """\
soort: nota
gemeente: Leiden
onderwerp: Tekens
datum: 2022-05-01
voetnoten:
  1: Een bron.
secties:
  - kop: "Kosten & baten <2022>[^1]"
    tekst: Tekst.
"""
    data = api.render(api.plan(document_of(text), "stuk"))[0].data
    body = part(data, "word/document.xml")
    entries = [p for p in body.iter(f"{W}p") if val(p, f"{W}pPr/{W}pStyle") == "toc1"]

    assert [shown_text(p) for p in entries] == ["1 Kosten & baten <2022>\t"]
    assert entries[0].find(f"{W}hyperlink").get(f"{W}anchor") in {
        mark.get(f"{W}name") for mark in body.iter(f"{W}bookmarkStart")
    }
