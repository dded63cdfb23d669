"""The compiled template: docxtpl semantics kept, the package written right, the cache safe."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from jeugddocs import api
from jeugddocs.errors import TemplateError
from jeugddocs.render import cache, compiled
from jeugddocs.render.compiled import WordTemplate
from jeugddocs.render.package import Part, read_parts, write_package
from jeugddocs.render.templates import TemplateSet, default_template_dir
from tests.content_text import document_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "sjablonen"
    shutil.copytree(default_template_dir(), folder)
    return folder


def _render(minimal_yaml: str, folder: Path | None = None) -> bytes:
    templates = TemplateSet(folder) if folder else None
    return api.render(api.plan(document_of(minimal_yaml), "stuk"), templates)[0].data


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    return body


def test_unchanged_parts_are_copied_compressed_and_the_zip_is_sound(minimal_yaml: str) -> None:
    template = read_parts((default_template_dir() / "raadsvoorstel.docx").read_bytes())
    data = _render(minimal_yaml)

    rendered = {part.name: part for part in read_parts(data)}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert [i.filename for i in archive.infolist()] == [p.name for p in template]
    styles = next(p for p in template if p.name == "word/styles.xml")
    assert rendered["word/styles.xml"].data == styles.data
    assert (
        rendered["word/document.xml"].data
        != next(p for p in template if p.name == "word/document.xml").data
    )


def test_a_written_package_reads_back_part_for_part() -> None:
    parts = [Part.compress("a.xml", b"<a/>"), Part.compress("map/b.xml", "é".encode() * 1000)]

    with zipfile.ZipFile(io.BytesIO(write_package(parts))) as archive:
        assert archive.read("a.xml") == b"<a/>"
        assert archive.read("map/b.xml") == "é".encode() * 1000


def test_the_same_content_gives_the_same_bytes(minimal_yaml: str) -> None:
    assert _render(minimal_yaml) == _render(minimal_yaml)


def test_a_compiled_template_is_cached_by_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JEUGDDOCS_CACHE", str(tmp_path / "cache"))
    path = default_template_dir() / "memo.docx"
    WordTemplate(path)
    assert len(list((tmp_path / "cache").iterdir())) == 1

    def no_compiling(blob: bytes, name: str) -> None:
        raise AssertionError("compiled again although cached")

    monkeypatch.setattr(compiled, "_compile", no_compiling)
    assert WordTemplate(path).compiled.body_part == "word/document.xml"


def test_a_damaged_cache_entry_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JEUGDDOCS_CACHE", str(tmp_path))
    path = default_template_dir() / "memo.docx"
    WordTemplate(path)
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"kapot")

    assert WordTemplate(path).compiled.body_part == "word/document.xml"
    assert entry.read_bytes() != b"kapot"


@pytest.mark.parametrize("setting", ["", "/proc/kan-niet"])
def test_no_cache_or_an_unwritable_one_is_no_error(
    monkeypatch: pytest.MonkeyPatch, setting: str, minimal_yaml: str
) -> None:
    monkeypatch.setenv("JEUGDDOCS_CACHE", setting)
    if not setting:
        assert cache.cache_dir() is None

    WordTemplate(default_template_dir() / "memo.docx")


def test_an_edited_template_misses_the_cache(templates: Path, minimal_yaml: str) -> None:
    path = templates / "raadsvoorstel.docx"
    before = _render(minimal_yaml, templates)
    document = Document(str(path))
    document.add_paragraph("Nieuwe slotzin voor {{ gemeente }}.")
    document.save(str(path))

    after = _render(minimal_yaml, templates)

    assert b"Nieuwe slotzin" not in before
    assert "Nieuwe slotzin voor Hilversum." in "".join(_body(after).itertext())


def test_a_field_shown_twice_gets_a_footnote_each_time(templates: Path) -> None:
    yaml = (
        "soort: memo\ngemeente: X\nonderwerp: Y\ndatum: 2026-01-01\naan: de raad\nvan: wij\n"
        "voetnoten:\n  '1': Bron.\ninleiding: Tekst met noot[^1].\n"
    )
    path = templates / "memo.docx"
    document = Document(str(path))
    document.add_paragraph("{{p inleiding }}")
    document.save(str(path))

    data = api.render(api.plan(document_of(yaml), "stuk"), TemplateSet(templates))[0].data

    ids = [r.get(f"{W}id") for r in _body(data).iter(f"{W}footnoteReference")]
    assert len(ids) == 2
    assert len(set(ids)) == 2
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    assert sorted(n.get(f"{W}id") for n in notes.iter(f"{W}footnote"))[-2:] == sorted(ids)


def test_cell_loops_get_their_columns_fixed_as_in_docxtpl(
    templates: Path, minimal_yaml: str
) -> None:
    path = templates / "raadsvoorstel.docx"
    document = Document(str(path))
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(
        table.rows[0].cells,
        ["{%tc for punt in beslispunten %}", "{{r punt }}", "{%tc endfor %}"],
        strict=True,
    ):
        cell.text = text
    document.save(str(path))

    body = _body(_render(minimal_yaml, templates))

    last = body.findall(f"{W}tbl")[-1]
    assert len(last.findall(f"{W}tblGrid/{W}gridCol")) == 2
    assert ["".join(c.itertext()) for c in last.iter(f"{W}tc")] == [
        "Het nieuwe perceel inkopen.",
        "Een pilot starten.",
    ]


def test_tabs_and_line_breaks_in_text_become_word_elements(
    templates: Path, minimal_yaml: str
) -> None:
    path = templates / "raadsvoorstel.docx"
    document = Document(str(path))
    document.add_paragraph('{{ "een\\ttwee\\ndrie" }}')
    document.save(str(path))

    body = _body(_render(minimal_yaml, templates))

    last = [p for p in body.iter(f"{W}p") if "een" in "".join(p.itertext())][-1]
    assert last.find(f".//{W}tab") is not None
    assert last.find(f".//{W}br") is not None


def test_a_tag_left_in_the_output_is_a_template_error(templates: Path, minimal_yaml: str) -> None:
    path = templates / "raadsvoorstel.docx"
    document = Document(str(path))
    document.add_paragraph("Letterlijk: {_{ naam }_}")
    document.save(str(path))

    with pytest.raises(TemplateError, match="in het resultaat staat nog een sjabloon-tag"):
        _render(minimal_yaml, templates)


def test_a_table_whose_rows_all_vanish_is_a_template_error(
    templates: Path, minimal_yaml: str
) -> None:
    path = templates / "raadsvoorstel.docx"
    document = Document(str(path))
    table = document.add_table(rows=3, cols=1)
    for row, text in zip(table.rows, ["{%tr if false %}", "weg", "{%tr endif %}"], strict=True):
        row.cells[0].text = text
    document.save(str(path))

    with pytest.raises(TemplateError, match="een tabel zonder rijen"):
        _render(minimal_yaml, templates)


def test_a_broken_tag_in_a_header_is_reported_when_loading(templates: Path) -> None:
    path = templates / "memo.docx"
    document = Document(str(path))
    document.sections[0].header.add_paragraph("Kop: {{ onderwerp | datumm }}")
    document.save(str(path))

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(path)

    assert "in de alinea 'Kop: {{ onderwerp | datumm }}'" in str(excinfo.value)


def test_a_template_without_page_size_is_reported(templates: Path) -> None:
    path = templates / "memo.docx"
    parts = read_parts(path.read_bytes())
    body = next(p for p in parts if p.name == "word/document.xml")
    root = etree.fromstring(body.content())
    for size in root.iter(f"{W}pgSz"):
        size.getparent().remove(size)
    changed = Part.compress(body.name, etree.tostring(root))
    path.write_bytes(write_package([changed if p is body else p for p in parts]))

    with pytest.raises(TemplateError, match="geen paginaformaat of marges"):
        WordTemplate(path)


def test_rendering_with_a_compiled_template_needs_no_docx_library(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from jeugddocs import api\n"
        "from tests.content_text import document_of\n"
        "from tests.conftest import MINIMAL\n"
        "api.render(api.plan(document_of(MINIMAL), 'stuk'))\n"
        "print(sorted(m for m in ('docx', 'docxtpl', 'docxcompose', 'lxml') if m in sys.modules))\n"
    )
    env = {**os.environ, "JEUGDDOCS_CACHE": str(tmp_path)}
    root = Path(__file__).resolve().parents[2]

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", script],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    first, second = run(), run()

    assert first != "[]"  # -- compiling the template uses docxtpl's clean-up --
    assert second == "[]"  # -- rendering from the cached compilation uses none of them --
