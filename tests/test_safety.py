"""Hostile input: templates cannot reach Python, names cannot leave their folder, and
output is replaced whole or not at all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from docx import Document

from jeugddocs import api
from jeugddocs.errors import OutputError, TemplateError
from jeugddocs.output import write_atomic
from jeugddocs.paths import UnsafePathError, safe_join
from jeugddocs.render.compiled import WordTemplate
from jeugddocs.render.templates import TemplateSet, default_template_dir
from tests.content_text import document_of


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "sjablonen"
    shutil.copytree(default_template_dir(), folder)
    return folder


def add_paragraph(template: Path, text: str) -> None:
    document = Document(str(template))
    document.add_paragraph(text)
    document.save(str(template))


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ onderwerp.__class__.__mro__ }}", "het sjabloon probeert iets dat niet is toegestaan"),
        ("{{ gemeente.upper.__globals__ }}", "het sjabloon vraagt een veld dat niet bestaat"),
        ("{{ cycler.__init__.__globals__ }}", "het sjabloon probeert iets dat niet is toegestaan"),
        ("{{ onderwerp | attr('__class__') }}", "onbekend filter"),
        ("{{ onderwerp | datumm }}", "onbekend filter"),
        ("{% for x in %}", "hier ontbreekt een naam of waarde"),
    ],
    ids=["mro", "globals", "cycler", "attr-filter", "tikfout-filter", "kapotte-tag"],
)
def test_template_cannot_reach_python_and_says_which_paragraph(
    templates: Path, minimal_yaml: str, tag: str, expected: str
) -> None:
    add_paragraph(templates / "raadsvoorstel.docx", f"Slot: {tag}")

    with pytest.raises(TemplateError) as excinfo:
        api.render(api.plan(document_of(minimal_yaml), "stuk"), TemplateSet(templates))

    (problem,) = excinfo.value.problems
    assert problem.file.endswith("raadsvoorstel.docx")
    assert expected in problem.message
    assert "Slot:" in problem.message


def test_broken_tag_is_reported_when_the_template_is_loaded(templates: Path) -> None:
    path = templates / "memo.docx"
    add_paragraph(path, "{{ onderwerp | datumm }}")

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(path)

    assert "in de alinea '{{ onderwerp | datumm }}'" in str(excinfo.value)


def test_template_missing_a_required_style(templates: Path) -> None:
    path = templates / "memo.docx"
    document = Document(str(path))
    document.styles["Tabelnoot"].element.getparent().remove(document.styles["Tabelnoot"].element)
    document.save(str(path))

    with pytest.raises(TemplateError) as excinfo:
        WordTemplate(path)

    assert "het sjabloon mist de stijl 'Tabelnoot'" in str(excinfo.value)


def test_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    path.write_text("geen zip", encoding="utf-8")

    with pytest.raises(TemplateError, match="kan niet worden gelezen als Word-bestand"):
        WordTemplate(path)


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", ""])
def test_names_cannot_leave_their_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_join(tmp_path, name)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    (tmp_path / "geheim.docx").write_bytes(b"x")
    (folder / "memo.docx").symlink_to(tmp_path / "geheim.docx")

    with pytest.raises(TemplateError, match="verwijst naar buiten de map"):
        TemplateSet(folder).get("memo")


def test_interrupted_write_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stuk.docx"
    target.write_bytes(b"vorige versie")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"nieuwe versie")

    assert target.read_bytes() == b"vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stuk.docx"]


def test_full_disk_is_reported_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stuk.docx"

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="kan niet schrijven"):
        write_atomic(target, b"x")

    assert list(tmp_path.iterdir()) == []


def test_a_file_open_in_word_is_reported_not_skipped(tmp_path: Path) -> None:
    target = tmp_path / "kaders-inkoop.docx"
    target.write_bytes(b"vorige versie")
    (tmp_path / "~$ders-inkoop.docx").write_bytes(b"word")

    with pytest.raises(OutputError, match="het bestand is geopend in Word"):
        write_atomic(target, b"nieuw")

    assert target.read_bytes() == b"vorige versie"


def test_a_locked_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "stuk.docx"

    def locked(self: Path, other: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", locked)
    with pytest.raises(OutputError, match="is het bestand geopend in Word"):
        write_atomic(target, b"x")

    assert list(tmp_path.iterdir()) == []
