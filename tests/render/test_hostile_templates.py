"""Hostile templates: every tag that would crash, hang or fill memory is a Dutch template
error at its paragraph, raised by a bound and not by the attack running out."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from jeugddocs import api
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.render.compiled import WordTemplate
from jeugddocs.render.templates import TemplateSet, default_template_dir
from jeugddocs.starters import starter_text
from tests.content_text import document_of

# -- far above what the bounds need, far below what the attacks would take --
QUICK = 5.0


def hostile(folder: Path, tag: str, *, header: bool = False) -> Path:
    """Write a memo template with ``tag`` in a paragraph of its own; return the folder."""
    folder.mkdir(exist_ok=True)
    path = folder / "memo.docx"
    shutil.copy(default_template_dir() / "memo.docx", path)
    document = Document(str(path))
    if header:
        document.sections[0].header.add_paragraph(f"Kop: {tag}")
    else:
        document.add_paragraph(f"Slot: {tag}")
    document.save(str(path))
    return folder


def render_problem(folder: Path) -> Problem:
    """Render the memo starter with the templates in ``folder``; return its one problem."""
    planned = api.plan(document_of(starter_text("memo")), "stuk")
    started = time.perf_counter()
    with pytest.raises(TemplateError) as excinfo:
        api.render(planned, TemplateSet(folder))
    assert time.perf_counter() - started < QUICK
    (problem,) = excinfo.value.problems
    assert problem.file.endswith("memo.docx")
    return problem


def test_a_header_with_more_than_10_mb_of_text_is_a_template_error(tmp_path: Path) -> None:
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    with zipfile.ZipFile(default_template_dir() / "memo.docx") as package:
        parts = {info: package.read(info) for info in package.infolist()}
    with zipfile.ZipFile(folder / "memo.docx", "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in parts.items():
            if info.filename == "word/header1.xml":
                data = data.replace(b"</w:hdr>", b"<w:p><w:r><w:t>" + b"x" * 11_000_000)
                data += b"</w:t></w:r></w:p></w:hdr>"
            package.writestr(info.filename, data, zipfile.ZIP_DEFLATED)

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(folder / "memo.docx")

    (problem,) = excinfo.value.problems
    assert problem.message.startswith("een koptekst van het sjabloon (word/header1.xml)")
    assert "meer dan 10 MB tekst in één stuk" in problem.message


def add_table_tags(path: Path, *, columns: bool = True) -> None:
    """Add a table with a cell colour tag: the body is then read as XML after rendering."""
    document = Document(str(path))
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "{% cellbg 'FFFFFF' %}cel"
    if not columns:
        table._tbl.remove(table._tbl.tblGrid)
    document.save(str(path))


def test_a_template_with_table_tags_renders(tmp_path: Path) -> None:
    folder = hostile(tmp_path / "sjablonen", "{{ onderwerp }}")
    add_table_tags(folder / "memo.docx")
    planned = api.plan(document_of(starter_text("memo")), "stuk")

    data = api.render(planned, TemplateSet(folder))[0].data

    assert Document(io.BytesIO(data)).tables[-1].cell(0, 0).text == "cel"


@pytest.mark.parametrize(
    "tag",
    [
        '{% autoescape false %}{{ "<w:p>" }}{% endautoescape %}',
        "{% set s = 'x' * 6000000 %}{{ s }}{{ s }}",
    ],
    ids=["broken-xml", "text-over-10-mb"],
)
def test_a_body_that_is_no_xml_after_rendering_is_a_template_error(
    tmp_path: Path, tag: str
) -> None:
    folder = hostile(tmp_path / "sjablonen", tag)
    add_table_tags(folder / "memo.docx")

    problem = render_problem(folder)

    assert "na het invullen is de hoofdtekst geen geldige Word-XML meer" in problem.message


def test_a_table_without_columns_is_a_template_error(tmp_path: Path) -> None:
    folder = hostile(tmp_path / "sjablonen", "{{ onderwerp }}")
    add_table_tags(folder / "memo.docx", columns=False)

    problem = render_problem(folder)

    assert "heeft een tabel geen kolomindeling" in problem.message


def test_a_long_paragraph_and_a_long_error_are_quoted_short(tmp_path: Path) -> None:
    # -- a paragraph of a page, and an error that quotes a value of megabytes --
    tag = "tekst " * 1000 + "{{ {'a': 1}['x' * 1000000] }}"
    folder = hostile(tmp_path / "sjablonen", tag)

    problem = render_problem(folder)

    assert problem.message.startswith("in de alinea 'Slot: tekst tekst ")
    assert "het sjabloon vraagt een veld dat niet bestaat ('dict object' has no attribute" in (
        problem.message
    )
    assert len(problem.message) < 600
