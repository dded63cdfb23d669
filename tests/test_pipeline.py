"""The stages of the public API: check → plan → render → export → write, named artefacts."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

import jeugddocs
from jeugddocs import api, exporters
from jeugddocs.starters import starter_text
from tests.conftest import MINIMAL
from tests.content_text import document_of


def test_plan_names_every_document_after_the_content_file() -> None:
    planned = api.plan(document_of(MINIMAL), "kaders")

    assert [(p.name, p.soort, p.title) for p in planned] == [
        ("kaders", "raadsvoorstel", "Dagbehandeling jonge kinderen"),
        ("kaders-raadsbesluit", "raadsbesluit", "Dagbehandeling jonge kinderen"),
    ]


def test_render_gives_word_artefacts_with_their_names() -> None:
    rendered = api.render(api.plan(document_of(starter_text("memo")), "notitie"))

    (memo,) = rendered
    assert (memo.name, memo.format, memo.filename, memo.soort) == (
        "notitie",
        "docx",
        "notitie.docx",
        "memo",
    )
    assert memo.data.startswith(b"PK")


def test_export_gives_word_as_rendered_and_refuses_an_unknown_format() -> None:
    rendered = api.render(api.plan(document_of(MINIMAL), "stuk"))

    assert api.export(rendered) == rendered
    with pytest.raises(ValueError, match="unknown export format 'odt'"):
        api.export(rendered, ["docx", "odt"])


def _as_text(documents: Sequence[api.Artefact]) -> list[api.Artefact]:
    return [dataclasses.replace(d, format="txt", data=d.title.encode()) for d in documents]


def test_a_new_format_is_one_entry_in_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(exporters.EXPORTERS, "txt", _as_text)
    rendered = api.render(api.plan(document_of(MINIMAL), "stuk"))

    written = api.write(api.export(rendered, ["docx", "txt"]), tmp_path)

    assert [p.name for p in written] == [
        "stuk.docx",
        "stuk-raadsbesluit.docx",
        "stuk.txt",
        "stuk-raadsbesluit.txt",
    ]
    assert (tmp_path / "stuk.txt").read_text(encoding="utf-8") == "Dagbehandeling jonge kinderen"


def test_build_writes_what_the_stages_make(tmp_path: Path, minimal_yaml: str) -> None:
    (tmp_path / "kaders.yaml").write_text(minimal_yaml, encoding="utf-8")

    written = api.build(tmp_path / "kaders.yaml", tmp_path / "uit")

    expected = api.render(api.plan(document_of(minimal_yaml), "kaders"))
    assert written == [
        tmp_path / "uit" / "kaders.docx",
        tmp_path / "uit" / "kaders-raadsbesluit.docx",
    ]
    assert [p.read_bytes() for p in written] == [a.data for a in expected]


@pytest.mark.parametrize("name", ["../buiten", "sub/stuk"])
def test_write_keeps_artefacts_in_the_output_folder(tmp_path: Path, name: str) -> None:
    artefact = api.Artefact(name, "docx", b"x", "memo", "Y")

    with pytest.raises(ValueError, match="not a plain file name"):
        api.write([artefact], tmp_path / "uit")

    assert list(tmp_path.iterdir()) == []


def test_a_collision_names_the_file_both_would_write(tmp_path: Path, minimal_yaml: str) -> None:
    memo = tmp_path / "stuk-raadsbesluit.yaml"
    voorstel = tmp_path / "stuk.yaml"
    memo.write_text(starter_text("memo"), encoding="utf-8")
    voorstel.write_text(minimal_yaml, encoding="utf-8")

    result = api.build_all([memo, voorstel], tmp_path / "uit")

    assert [p.message for p in result.problems] == [
        f"dit bestand geeft dezelfde uitvoer als {memo} (stuk-raadsbesluit.docx); geef een van "
        "beide een andere naam"
    ]
    assert result.failed == [str(voorstel)]
    assert result.written == [tmp_path / "uit" / "stuk-raadsbesluit.docx"]


def test_a_file_whose_names_are_taken_is_not_rendered(
    tmp_path: Path, minimal_yaml: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "stuk.yaml").write_text(minimal_yaml, encoding="utf-8")
    rendered: list[str] = []
    render = api.render

    def counted(planned: Sequence[api.Planned], templates: object = None) -> list[api.Artefact]:
        rendered.extend(p.name for p in planned)
        return render(planned)

    monkeypatch.setattr(api, "render", counted)
    result = api.build_all([tmp_path / "a/stuk.yaml", tmp_path / "b/stuk.yaml"], tmp_path / "uit")

    assert result.failed == [str(tmp_path / "b/stuk.yaml")]
    assert rendered == ["stuk", "stuk-raadsbesluit"]


def test_the_old_name_of_an_artefact_still_works_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="RenderedDocument is now Artefact"):
        assert api.RenderedDocument is api.Artefact
    assert "RenderedDocument" not in jeugddocs.__all__


def test_a_template_folder_is_loaded_by_name(tmp_path: Path) -> None:
    shutil.copytree(api.template_set().directory, tmp_path / "sjablonen")

    assert api.template_set(tmp_path / "sjablonen").directory == tmp_path / "sjablonen"
    assert api.template_set() is api.template_set(None)


def test_a_starting_file_is_written_for_every_kind(tmp_path: Path) -> None:
    for soort in api.KINDS:
        api.write_starter(soort, tmp_path / f"{soort}.yaml")

    assert all(api.check(tmp_path / f"{soort}.yaml").document.soort == soort for soort in api.KINDS)
    with pytest.raises(ValueError, match="unknown soort 'brief'"):
        api.write_starter("brief", tmp_path / "brief.yaml")
