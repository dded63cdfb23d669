"""A municipality's own title-block fields: declared in its profile, typos caught."""

from __future__ import annotations

from pathlib import Path

from jeugddocs import api
from tests.conftest import MINIMAL
from tests.docx_text import extract

PROFILE = """\
naam: Hilversum
kopvelden:
  Forum: tekst
  Agendapunt: tekst
  Raadsvergadering: datum
"""


def content(tmp_path: Path, fields: str) -> Path:
    (tmp_path / "gemeenten").mkdir()
    (tmp_path / "gemeenten" / "hilversum.yaml").write_text(PROFILE, encoding="utf-8")
    path = tmp_path / "voorstel.yaml"
    text = MINIMAL.replace("gemeente: Hilversum", "gemeente: hilversum") + fields
    path.write_text(text, encoding="utf-8")
    return path


def test_declared_fields_stand_in_the_title_block_in_the_profiles_order(tmp_path: Path) -> None:
    path = content(tmp_path, "kopvelden:\n  Raadsvergadering: 2021-04-13\n  Forum: Informeren\n")

    voorstel = api.render(api.plan(api.check(path).valid(), "v"))[0]

    lines = extract(voorstel.data)
    forum = lines.index("| Forum | Informeren |")
    assert lines[forum + 1] == "| Raadsvergadering | 13 april 2021 |"


def test_a_field_the_profile_does_not_know_is_a_problem_with_a_hint(tmp_path: Path) -> None:
    path = content(tmp_path, "kopvelden:\n  Forom: Informeren\n")

    (problem,) = api.check(path).problems

    assert problem.path == ("kopvelden", "Forom")
    assert "bedoelde u 'Forum'?" in problem.message


def test_a_date_field_needs_a_date(tmp_path: Path) -> None:
    path = content(tmp_path, "kopvelden:\n  Raadsvergadering: volgende week\n")

    (problem,) = api.check(path).problems

    assert "is een datum" in problem.message


def test_without_a_profile_any_text_field_is_shown() -> None:
    checked = api.check(MINIMAL + "kopvelden:\n  Forum: Besluiten\n")

    lines = extract(api.render(api.plan(checked.valid(), "v"))[0].data)

    assert "| Forum | Besluiten |" in lines
