"""Municipality profiles: content names its sender by key, the profile does the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.compute.view import build_view
from tests.conftest import MINIMAL
from tests.docx_text import extract

PROFILE = """\
naam: Hilversum
functionarissen:
  burgemeester: G.I. Broertjes
  secretaris: P. de Vries
  griffier: A. Jansen
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A raadsvoorstel in ``voorstellen/``, its profile in ``gemeenten/`` one folder up."""
    write(tmp_path / "gemeenten", "hilversum.yaml", PROFILE)
    return write(
        tmp_path / "voorstellen",
        "voorstel.yaml",
        MINIMAL.replace("gemeente: Hilversum", "gemeente: hilversum"),
    )


def test_a_key_finds_the_profile_in_a_folder_above(content: Path) -> None:
    document = api.check(content).valid()
    view = build_view(document)

    assert document.afzender is not None
    assert view["gemeente"] == "Hilversum"
    assert view["afzender"]["briefhoofd"] == "Gemeente Hilversum"
    assert view["ondertekening"]["burgemeester"] == "G.I. Broertjes"
    assert view["ondertekening"]["secretaris"] == "P. de Vries"


def test_the_names_in_the_profile_sign_the_documents(content: Path) -> None:
    voorstel, besluit = api.render(api.plan(api.check(content).valid(), "voorstel"))

    assert "[koptekst eerste pagina] Gemeente Hilversum" in extract(voorstel.data)
    assert "| P. de Vries | G.I. Broertjes |" in extract(voorstel.data)
    assert "| A. Jansen | G.I. Broertjes |" in extract(besluit.data)


def test_a_name_in_the_content_wins_over_the_profile(content: Path) -> None:
    content.write_text(
        content.read_text(encoding="utf-8") + "ondertekening:\n  burgemeester: W. Waarnemer\n",
        encoding="utf-8",
    )

    view = build_view(api.check(content).valid())

    assert view["ondertekening"]["burgemeester"] == "W. Waarnemer"
    assert view["ondertekening"]["secretaris"] == "P. de Vries"


def test_a_folder_given_by_the_caller_comes_first(content: Path, tmp_path: Path) -> None:
    own = tmp_path / "eigen"
    write(own, "hilversum.yaml", PROFILE.replace("G.I. Broertjes", "Eigen Burgemeester"))

    view = build_view(api.check(content, gemeenten=[own]).valid())

    assert view["ondertekening"]["burgemeester"] == "Eigen Burgemeester"


def test_an_unknown_key_is_a_problem_at_the_gemeente_line(content: Path) -> None:
    content.write_text(
        content.read_text(encoding="utf-8").replace("gemeente: hilversum", "gemeente: hilversm"),
        encoding="utf-8",
    )

    (problem,) = api.check(content).problems

    assert (problem.line, problem.column, problem.path) == (2, 11, ("gemeente",))
    assert problem.message.startswith("geen gemeenteprofiel 'hilversm' gevonden")


def test_a_wrong_profile_is_reported_in_the_profile_file(content: Path, tmp_path: Path) -> None:
    profile = write(tmp_path / "gemeenten", "hilversum.yaml", PROFILE + "adres: 12\nsoort: dorp\n")

    problems = api.check(content).problems

    assert {(p.file, p.line, p.path) for p in problems} == {
        (str(profile), 6, ("adres",)),
        (str(profile), 7, ("soort",)),
    }


def test_a_region_needs_its_name_for_the_letterhead(content: Path, tmp_path: Path) -> None:
    write(tmp_path / "gemeenten", "hilversum.yaml", "naam: Gooi\nsoort: regio\n")

    (problem,) = api.check(content).problems

    assert "officiele_naam" in problem.message
    assert problem.file.endswith("hilversum.yaml")


def test_a_plain_name_needs_no_profile() -> None:
    checked = api.check(MINIMAL)

    assert checked.ok
    assert checked.document is not None and checked.document.afzender is None
    assert build_view(checked.document)["afzender"]["briefhoofd"] == "Gemeente Hilversum"


def test_the_command_line_takes_profile_folders(tmp_path: Path) -> None:
    own = tmp_path / "profielen"
    write(own, "hilversum.yaml", PROFILE)
    content = write(tmp_path, "voorstel.yaml", MINIMAL.replace("Hilversum", "hilversum", 1))
    runner = CliRunner()

    found = runner.invoke(cli, ["validate", str(content), "--gemeenten", str(own)])
    not_given = runner.invoke(cli, ["validate", str(content)])
    missing = runner.invoke(cli, ["validate", str(content), "--gemeenten", str(tmp_path / "x")])

    assert found.exit_code == 0, found.output
    assert not_given.exit_code == 1
    assert "geen gemeenteprofiel 'hilversum'" in not_given.stderr
    assert missing.exit_code == 2


def test_an_edited_profile_is_read_again(content: Path, tmp_path: Path) -> None:
    profile = tmp_path / "gemeenten" / "hilversum.yaml"
    assert build_view(api.check(content).valid())["ondertekening"]["burgemeester"] == (
        "G.I. Broertjes"
    )

    profile.write_text(PROFILE.replace("G.I. Broertjes", "A. Nieuw"), encoding="utf-8")

    assert build_view(api.check(content).valid())["ondertekening"]["burgemeester"] == "A. Nieuw"


def test_a_replaced_logo_is_read_again(content: Path, tmp_path: Path) -> None:
    from tests.render.test_logo import png

    folder = tmp_path / "gemeenten"
    (folder / "logo.png").write_bytes(png(80, 40))
    (folder / "hilversum.yaml").write_text(PROFILE + "logo: logo.png\n", encoding="utf-8")
    first = api.check(content).valid().afzender

    (folder / "logo.png").write_bytes(b"GIF89a, no longer a PNG")

    assert first is not None and first.logo_beeld is not None
    assert "geen PNG- of JPEG-plaatje" in api.check(content).problems[0].message
