"""Rendered Word files: golden text, real tables, valid OOXML, LibreOffice opens them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from jeugddocs import api
from jeugddocs.compute.derive import DERIVED, plan_documents
from jeugddocs.render.templates import TemplateSet, default_template_dir
from tests.conftest import SAMPLES, libreoffice_pdfs
from tests.content_text import document_of
from tests.docx_text import extract

GOLDEN = Path(__file__).parent / "testdata"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


def _output_names() -> list[str]:
    """Every Word file the samples yield, e.g. ``x`` and ``x-raadsbesluit``."""
    names = []
    for path in SAMPLE_FILES:
        soort = api.check(path).document.soort
        names += [path.stem] + [f"{path.stem}{suffix}" for _, suffix, _ in DERIVED.get(soort, [])]
    return names


OUTPUT_NAMES = _output_names()


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """Every sample rendered once: name (with suffix) → .docx bytes."""
    rv = {}
    for path in SAMPLE_FILES:
        for item in api.render(api.plan(api.check(path).document, path.stem)):
            rv[item.name] = item.data
    return rv


def test_there_are_samples() -> None:
    assert SAMPLE_FILES, "content/voorbeelden/ is leeg"


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_golden_text(
    name: str, rendered: dict[str, bytes], golden: Callable[[Path, list[str]], None]
) -> None:
    golden(GOLDEN / f"{name}.txt", extract(rendered[name]))


def _finance_table(data: bytes) -> object:
    document = Document(io.BytesIO(data))
    return next(t for t in document.tables if "Totaal" in t.rows[-1].cells[0].text)


def test_finance_table_is_a_real_table_with_header_alignment_and_bold_total(
    minimal_yaml: str,
) -> None:
    data = api.render(api.plan(document_of(minimal_yaml), "stuk"))[0].data

    table = _finance_table(data)

    rows = table.rows  # type: ignore[attr-defined]
    assert [c.text for c in rows[0].cells] == ["", "Bijdrage"]
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in rows[-1].cells] == ["Totaal", "€\xa070.750"]
    assert all(run.bold for c in rows[-1].cells for run in c.paragraphs[0].runs)
    assert rows[-1].cells[0]._tc.tcPr.find(qn("w:tcBorders")) is not None
    amounts = [row.cells[1].paragraphs[0] for row in rows]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in amounts)
    assert table.style.name == "Tabel bedragen"  # type: ignore[attr-defined]


def test_numbered_prose_lists_restart_at_their_own_start(minimal_yaml: str) -> None:
    text = minimal_yaml.replace(
        "aanleiding: De groepen zijn te groot.",
        "aanleiding: |\n  1. een\n  2. twee\n\n  Tussendoor.\n\n  1. opnieuw\n",
    )
    document = Document(io.BytesIO(api.render(api.plan(document_of(text), "stuk"))[0].data))

    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]

    assert [p.text for p in numbered] == ["een", "twee", "opnieuw"]
    assert num_ids[0] == num_ids[1] != num_ids[2]


def test_file_properties_name_the_document(minimal_yaml: str) -> None:
    data = api.render(api.plan(document_of(minimal_yaml), "stuk"))[0].data

    properties = Document(io.BytesIO(data)).core_properties

    assert (properties.title, properties.subject, properties.author, properties.language) == (
        "Dagbehandeling jonge kinderen",
        "raadsvoorstel",
        "Gemeente Hilversum",
        "nl-NL",
    )
    # -- nothing left of where the template was made (python-docx, 2013) --
    assert core_properties(data) == {
        "title": "Dagbehandeling jonge kinderen",
        "subject": "raadsvoorstel",
        "creator": "Gemeente Hilversum",
        "keywords": "zaaknummer 0042",
        "description": "",
        "lastModifiedBy": "Gemeente Hilversum",
        "revision": "1",
        "created": "2021-03-18T00:00:00Z",
        "modified": "2021-03-18T00:00:00Z",
        "category": "",
        "language": "nl-NL",
    }
    besluit = api.render(api.plan(document_of(minimal_yaml), "stuk"))[1].data
    assert core_properties(besluit)["created"] == "2021-03-18T00:00:00Z"  # -- the proposal's --


def core_properties(data: bytes) -> dict[str, str]:
    """Every core property of a Word file by its local name, as written."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml"))
    return {etree.QName(element).localname: element.text or "" for element in root}


def test_xml_special_characters_in_content_stay_text(minimal_yaml: str) -> None:
    text = minimal_yaml.replace("De groepen zijn te groot.", "'A & B <c> \"d\" ''e'''")
    data = api.render(api.plan(document_of(text), "stuk"))[0].data

    assert "A & B <c> \"d\" 'e'" in "\n".join(extract(data))


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_output_is_schema_valid_ooxml(
    name: str, rendered: dict[str, bytes], tmp_path: Path, openxml_audit: Any
) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(rendered[name])

    result = openxml_audit.OpenXmlValidator().validate(str(path))

    assert [str(e) for e in result.errors] == []


def test_libreoffice_converts_every_sample_to_pdf(
    rendered: dict[str, bytes], tmp_path: Path
) -> None:
    for name, data in rendered.items():
        (tmp_path / f"{name}.docx").write_bytes(data)

    pdfs = libreoffice_pdfs(sorted(tmp_path.glob("*.docx")), tmp_path)

    assert len(pdfs) == len(rendered)
    for pdf in pdfs:
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), pdf.name


def test_templates_ask_only_for_what_the_view_provides(minimal_yaml: str) -> None:
    templates = TemplateSet()
    for planned in plan_documents(document_of(minimal_yaml)):
        asked = templates.get(planned.template).variables()
        assert asked <= set(planned.view), asked - set(planned.view)


def test_default_templates_are_the_top_level_folder() -> None:
    assert (
        default_template_dir().resolve()
        == (SAMPLES.parents[1] / "templates" / "standaard").resolve()
    )


def test_a_label_stays_on_the_page_of_what_it_introduces(minimal_yaml: str) -> None:
    aanleiding = (
        "aanleiding: |\n"
        "  De oorzaken zijn:\n"
        "  - meer verwijzingen\n"
        "\n"
        "  *Toegang*\n"
        "\n"
        "  De toegang is druk.\n"
        "\n"
        "  **Dit is een gewone zin in vet.**\n"
        "\n"
        "  Slot."
    )
    text = "\n".join(
        aanleiding if line.startswith("aanleiding:") else line for line in minimal_yaml.splitlines()
    )
    document = Document(io.BytesIO(api.render(api.plan(document_of(text + "\n"), "s"))[0].data))

    kept = {
        p.text: p._p.pPr is not None and p._p.pPr.find(qn("w:keepNext")) is not None
        for p in document.paragraphs
        if p.text in ("De oorzaken zijn:", "Toegang", "Dit is een gewone zin in vet.", "Slot.")
    }
    assert kept == {
        "De oorzaken zijn:": True,
        "Toegang": True,
        "Dit is een gewone zin in vet.": False,
        "Slot.": False,
    }


def test_a_besluit_bears_its_proposals_date_in_properties_and_name(minimal_yaml: str) -> None:
    """One date rule for core.xml and --naam, also when the meeting date is known."""
    from jeugddocs.naming import NamePattern

    text = minimal_yaml.rstrip("\n") + "\nbesluit:\n  vergadering: 2021-04-29\n"
    document = document_of(text)
    _, besluit = api.plan(document, "s", naam=NamePattern.parse("{datum}-{soort}"))
    rendered_besluit = api.render([besluit])[0].data

    assert besluit.name == "2021-03-18-raadsbesluit"
    assert core_properties(rendered_besluit)["created"] == "2021-03-18T00:00:00Z"
