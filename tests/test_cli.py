"""The command-line contract that users and scripts rely on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from jeugddocs.cli import cli
from jeugddocs.content.models import SOORTEN
from tests.conftest import SAMPLES


def test_render_writes_voorstel_and_besluit(
    runner: CliRunner, write_yaml: Callable[..., Path], minimal_yaml: str, tmp_path: Path
) -> None:
    path = write_yaml(minimal_yaml, "dagbehandeling.yaml")
    out = tmp_path / "uit"

    result = runner.invoke(cli, ["render", str(path), "-o", str(out)])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "dagbehandeling-raadsbesluit.docx",
        "dagbehandeling.docx",
    ]
    assert f"gemaakt: {out / 'dagbehandeling.docx'}" in result.stdout


def test_render_a_directory_renders_every_yaml_below_it(
    runner: CliRunner, tmp_path: Path, minimal_yaml: str
) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.yaml").write_text(minimal_yaml, encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.yml").write_text(minimal_yaml, encoding="utf-8")
    (tmp_path / "in" / "leesmij.txt").write_text("geen content", encoding="utf-8")

    result = runner.invoke(cli, ["render", str(tmp_path / "in"), "-o", str(tmp_path / "uit")])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "a-raadsbesluit.docx",
        "a.docx",
        "b-raadsbesluit.docx",
        "b.docx",
    ]


def test_invalid_content_exits_1_reports_every_problem_and_writes_nothing(
    runner: CliRunner, write_yaml: Callable[..., Path], minimal_yaml: str, tmp_path: Path
) -> None:
    path = write_yaml(
        minimal_yaml.replace("2021-03-18", "18-03-2021").replace("beslispunt: 2", "beslispunt: 5")
    )
    out = tmp_path / "uit"
    out.mkdir()
    existing = out / "stuk.docx"
    existing.write_bytes(b"vorige versie")

    result = runner.invoke(cli, ["render", str(path), "-o", str(out)])

    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"{path}:4:8: de datum '18-03-2021' staat in de verkeerde volgorde; schrijf 2021-03-18 "
        "(jaar-maand-dag)",
        f"{path}:14:17: beslispunt 5 bestaat niet: er zijn 2 beslispunten; kies een nummer van "
        "1 tot en met 2",
    ]
    assert "Traceback" not in result.output
    assert existing.read_bytes() == b"vorige versie"
    assert sorted(p.name for p in out.iterdir()) == ["stuk.docx"]


def test_batch_renders_the_valid_files_and_exits_1_for_the_invalid(
    runner: CliRunner, tmp_path: Path, minimal_yaml: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "goed.yaml").write_text(minimal_yaml, encoding="utf-8")
    (tmp_path / "in" / "fout.yaml").write_text("soort: raadsvoorstel\n", encoding="utf-8")

    result = runner.invoke(cli, ["render", str(tmp_path / "in"), "-o", str(tmp_path / "uit")])

    assert result.exit_code == 1
    assert (tmp_path / "uit" / "goed.docx").exists()
    assert not (tmp_path / "uit" / "fout.docx").exists()
    assert "1 van 2 bestanden niet gemaakt door fouten." in result.stderr


def test_validate_writes_nothing(
    runner: CliRunner,
    write_yaml: Callable[..., Path],
    minimal_yaml: str,
    tmp_path: Path,
    monkeypatch: object,
) -> None:
    path = write_yaml(minimal_yaml)
    before = sorted(tmp_path.rglob("*"))

    result = runner.invoke(cli, ["validate", str(path)])

    assert result.exit_code == 0
    assert result.stdout == "1 bestand in orde.\n"
    assert sorted(tmp_path.rglob("*")) == before


def test_validate_invalid_exits_1(runner: CliRunner, write_yaml: Callable[..., Path]) -> None:
    path = write_yaml("soort: raadsvoorstel\ngemeente: X\n")

    result = runner.invoke(cli, ["validate", str(path)])

    assert result.exit_code == 1
    assert f"{path}:1:1: het verplichte veld 'onderwerp' ontbreekt" in result.stderr


def test_usage_errors_exit_2_in_dutch(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(cli, ["render", str(tmp_path / "bestaat-niet.yaml")])
    option = runner.invoke(cli, ["render", "--kleur", str(tmp_path)])
    empty = runner.invoke(cli, ["validate", str(tmp_path)])
    soort = runner.invoke(cli, ["schema", "brief"])

    assert [r.exit_code for r in (missing, option, empty, soort)] == [2, 2, 2, 2]
    assert "Fout: bestand of map bestaat niet:" in missing.stderr
    assert "Fout: onbekende optie '--kleur'." in option.stderr
    assert "Fout: geen .yaml- of .yml-bestanden gevonden" in empty.stderr
    assert (
        "Fout: onbekende soort 'brief'; kies uit: raadsvoorstel, collegevoorstel, "
        "raadsinformatiebrief, memo, nota, raadsbesluit, rapportage." in soort.stderr
    )
    assert all("Traceback" not in r.output for r in (missing, option, empty, soort))


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_new_writes_a_commented_file_that_validates_and_renders(
    runner: CliRunner, tmp_path: Path, soort: str
) -> None:
    target = tmp_path / "nieuw.yaml"

    created = runner.invoke(cli, ["new", soort, str(target)])
    again = runner.invoke(cli, ["new", soort, str(target)])
    rendered = runner.invoke(cli, ["render", str(target), "-o", str(tmp_path / "uit")])

    assert created.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith(f"# {soort.capitalize()}")
    assert again.exit_code == 2 and "bestaat al" in again.stderr
    assert rendered.exit_code == 0, rendered.output


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_schema_for_every_kind(runner: CliRunner, soort: str) -> None:
    result = runner.invoke(cli, ["schema", soort])

    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["properties"]["soort"]["const"] == soort
    assert "description" not in schema  # no English class docstrings for editors


def test_schema_is_json_schema_with_dutch_descriptions(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema", "raadsvoorstel"])

    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["title"] == "jeugddocs raadsvoorstel"
    assert set(schema["required"]) >= {
        "soort",
        "gemeente",
        "onderwerp",
        "datum",
        "beslispunten",
        "aanleiding",
        "argumenten",
        "financien",
    }
    # -- whether kern is required is the house style's rule, not the schema's --
    assert schema["properties"]["kern"]["description"].startswith("Kern van het voorstel")
    assert schema["additionalProperties"] is False


def test_help_is_dutch(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])

    assert result.exit_code == 0
    assert "Gebruik: " in result.stdout and "Commando's" in result.stdout
    assert "Maak Word-bestanden" in result.stdout


def _every_command(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _every_command(command, (*path, name))
        else:
            found.append((*path, name))
    return found


@pytest.mark.parametrize("command", _every_command(cli), ids=" ".join)
def test_help_of_every_command_and_subgroup_is_dutch(
    runner: CliRunner, command: tuple[str, ...]
) -> None:
    result = runner.invoke(cli, [*command, "--help"])

    assert result.exit_code == 0
    assert result.stdout.startswith("Gebruik: ")
    for english in ("Usage:", "Options:", "Commands:", "Show this message"):
        assert english not in result.stdout


def test_samples_validate(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", str(SAMPLES)])

    assert result.exit_code == 0, result.stderr
