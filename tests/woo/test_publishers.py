"""What Woo metadata needs of the sender, told at the place to fix it, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.errors import ContentError
from jeugddocs.woo import diwoo
from tests.conftest import MINIMAL, ROOT, SAMPLES

GEMEENTEN = ROOT / "content" / "gemeenten"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def voorstel(tmp_path: Path) -> Path:
    """A raadsvoorstel of Noordwijk, whose profile (beside it) has no CBS code yet."""
    write(tmp_path / "gemeenten", "noordwijk.yaml", "naam: Noordwijk\nsoort: gemeente\n")
    return write(
        tmp_path, "voorstel.yaml", MINIMAL.replace("gemeente: Hilversum", "gemeente: noordwijk")
    )


def _messages(checked: api.Checked) -> list[str]:
    return [str(problem) for problem in checked.problems]


def test_without_woo_a_profile_needs_no_code(voorstel: Path) -> None:
    assert api.check(voorstel).ok


def test_a_profile_without_cbs_code_is_reported_at_the_gemeente_line(voorstel: Path) -> None:
    checked = api.check(voorstel, woo=True)

    assert len(checked.problems) == 1
    problem = checked.problems[0]
    assert (problem.file, problem.line, problem.column) == (str(voorstel), 2, 11)
    assert problem.path == ("gemeente",)
    assert "Woo-metadata (--woo) noemt 'noordwijk' als uitgever" in problem.message
    assert str(voorstel.parent / "gemeenten" / "noordwijk.yaml") in problem.message
    assert "'cbs_code: GM0575' (gemeente Noordwijk)" in problem.message


def test_a_plain_name_has_no_profile_to_take_a_code_from(tmp_path: Path) -> None:
    content = write(tmp_path, "voorstel.yaml", MINIMAL)

    (problem,) = api.check(content, woo=True).problems

    assert (problem.line, problem.column) == (2, 11)
    assert "'Hilversum' is een naam zonder profiel" in problem.message
    assert "'cbs_code: GM0402' (gemeente Hilversum)" in problem.message


def test_a_code_no_tooi_list_has_is_reported_at_the_code_in_the_profile(
    voorstel: Path,
) -> None:
    profile = write(
        voorstel.parent / "gemeenten",
        "noordwijk.yaml",
        "naam: Noordwijk\nsoort: gemeente\ncbs_code: GM9999\n",
    )

    (problem,) = api.check(voorstel, woo=True).problems

    assert (problem.file, problem.line, problem.column) == (str(profile), 3, 11)
    assert "de CBS-code GM9999 staat niet in de TOOI-lijst van gemeenten" in problem.message


def test_a_profile_that_asks_for_woo_must_name_its_publisher(voorstel: Path) -> None:
    profile = write(voorstel.parent / "gemeenten", "noordwijk.yaml", "naam: Noordwijk\nwoo: true\n")

    (problem,) = api.check(voorstel).problems

    assert (problem.file, problem.line, problem.column) == (str(profile), 2, 6)
    assert problem.message.startswith("'woo: true' vraagt een code voor de uitgever: een gemeente")


def test_a_region_needs_its_tooi_code(tmp_path: Path) -> None:
    write(
        tmp_path / "gemeenten",
        "regio.yaml",
        "naam: Gooi en Vechtstreek\nsoort: regio\nofficiele_naam: Regio Gooi en Vechtstreek\n",
    )
    content = write(
        tmp_path, "voorstel.yaml", MINIMAL.replace("gemeente: Hilversum", "gemeente: regio")
    )

    (problem,) = api.check(content, woo=True).problems

    assert problem.line == 2
    assert "een regio wordt in Woo-metadata aangeduid met haar TOOI-code" in problem.message
    assert "'tooi: so0006' (Regio Gooi en Vechtstreek)" in problem.message


def test_a_tooi_code_is_checked_for_its_form_always(voorstel: Path) -> None:
    profile = write(
        voorstel.parent / "gemeenten", "noordwijk.yaml", "naam: Noordwijk\ntooi: Regio GV\n"
    )

    (problem,) = api.check(voorstel).problems

    assert (problem.file, problem.line) == (str(profile), 2)
    assert "verwacht een TOOI-code zoals so0006" in problem.message


def test_per_participant_each_participant_is_the_publisher(tmp_path: Path) -> None:
    write(tmp_path / "gemeenten", "blaricum.yaml", "naam: Blaricum\n")
    sample = (SAMPLES / "dagbehandeling-jonge-kinderen.yaml").read_text(encoding="utf-8")
    content = write(tmp_path, "regionaal.yaml", sample)

    folders = [tmp_path / "gemeenten", GEMEENTEN]

    regional = api.check(content, gemeenten=folders, woo=True)
    own_documents = api.check(content, gemeenten=folders, woo=True, per_deelnemer=True)

    # -- the region has its TOOI code; Blaricum's profile beside the content has none --
    assert regional.ok, _messages(regional)
    (problem,) = own_documents.problems
    assert problem.path == ("deelnemers", "gemeenten", 0, "gemeente")
    assert "noemt 'blaricum' als uitgever" in problem.message
    assert problem.line == sample[: sample.index("- gemeente: blaricum")].count("\n") + 1


def test_planning_metadata_for_content_checked_without_it_is_a_programming_error(
    voorstel: Path,
) -> None:
    document = api.check(voorstel).valid()

    with pytest.raises(ValueError, match="check the content with woo=True"):
        api.plan(document, "voorstel", woo=True)


def test_a_profile_with_woo_true_gets_metadata_without_the_option(
    voorstel: Path, tmp_path: Path
) -> None:
    write(
        voorstel.parent / "gemeenten",
        "noordwijk.yaml",
        "naam: Noordwijk\ncbs_code: GM0575\nwoo: true\n",
    )

    written = api.build(voorstel, tmp_path / "uit")

    assert sorted(path.name for path in written) == [
        "voorstel-raadsbesluit.diwoo.xml",
        "voorstel-raadsbesluit.docx",
        "voorstel.diwoo.xml",
        "voorstel.docx",
    ]
    assert diwoo.validate((tmp_path / "uit" / "voorstel.diwoo.xml").read_bytes()) is None


def test_build_raises_and_writes_nothing(voorstel: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"

    with pytest.raises(ContentError, match="cbs_code"):
        api.build(voorstel, out, woo=True)

    assert not out.exists()


# -- the command line --


def test_render_woo_writes_a_valid_record_beside_each_document(tmp_path: Path) -> None:
    out = tmp_path / "uit"

    result = CliRunner().invoke(
        cli, ["render", str(SAMPLES / "kaders-inkoop-jeugdhulp.yaml"), "--woo", "-o", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == [
        "kaders-inkoop-jeugdhulp-raadsbesluit.diwoo.xml",
        "kaders-inkoop-jeugdhulp-raadsbesluit.docx",
        "kaders-inkoop-jeugdhulp.diwoo.xml",
        "kaders-inkoop-jeugdhulp.docx",
    ]
    assert f"gemaakt: {out / 'kaders-inkoop-jeugdhulp.diwoo.xml'}" in result.stdout
    for record in out.glob("*.diwoo.xml"):
        assert diwoo.validate(record.read_bytes()) is None


def test_render_woo_without_a_code_exits_1_in_dutch_and_leaves_the_output_alone(
    voorstel: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    (out / "voorstel.docx").write_bytes(b"vorige versie")

    result = CliRunner().invoke(cli, ["render", str(voorstel), "--woo", "-o", str(out)])

    assert result.exit_code == 1
    assert f"{voorstel}:2:11: Woo-metadata (--woo) noemt 'noordwijk' als uitgever" in (
        result.stderr
    )
    assert "Traceback" not in result.output
    assert sorted(path.name for path in out.iterdir()) == ["voorstel.docx"]
    assert (out / "voorstel.docx").read_bytes() == b"vorige versie"


def test_validate_woo_reports_what_render_woo_would(voorstel: Path) -> None:
    plain = CliRunner().invoke(cli, ["validate", str(voorstel)])
    woo = CliRunner().invoke(cli, ["validate", str(voorstel), "--woo"])

    assert plain.exit_code == 0, plain.output
    assert woo.exit_code == 1
    assert f"{voorstel}:2:11: Woo-metadata (--woo)" in woo.stderr
