"""jeugddocs velden: the fields and filters of a template, one list with the template check.

The list is read from the models; these tests hold it to the views the renderer really
builds (every field a view gives is listed, every listed field is in the views) and to
the template check (it accepts exactly the listed names).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.render.compiled import environment_of_templates
from jeugddocs.render.environment import template_environment
from jeugddocs.render.fields import TYPES, views_of
from jeugddocs.render.template_check import _unknown_fields
from jeugddocs.render.writer import FOOTNOTES
from jeugddocs.starters import starter_text
from tests.content_text import document_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    *sorted((ROOT / "content" / "voorbeelden").glob("*.yaml")),
    ROOT / "tests" / "render" / "testdata" / "alles-nota.yaml",
]


def _planned() -> list[api.Planned]:
    planned = []
    for path in SAMPLES:
        planned += api.plan(api.check(path).valid(), path.stem)
    for soort in api.KINDS:
        planned += api.plan(document_of(starter_text(soort)), soort)
    return planned


PLANNED = _planned()


def _paths(value: Any, prefix: str, mappings: set[str]) -> set[str]:
    """Every field path in a view value: dict keys, ``[]`` for list items."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = (
                f"{prefix}.<naam>"
                if prefix in mappings
                else f"{prefix}{'.' if prefix else ''}{key}"
            )
            found.add(path)
            found |= _paths(item, path, mappings)
    elif isinstance(value, list):
        for item in value:
            found |= _paths(item, f"{prefix}[]", mappings)
    return found


def test_every_kind_has_real_views_in_these_tests() -> None:
    assert {item.soort for item in PLANNED} == set(api.KINDS)
    assert any(item.name.endswith("-raadsbesluit") for item in PLANNED)


@pytest.mark.parametrize("soort", api.KINDS)
def test_every_field_a_view_gives_is_listed_and_every_listed_field_is_given(soort: str) -> None:
    listed = api.fields(soort)
    names = {veld.naam for veld in listed.velden}
    mappings = {veld.naam for veld in listed.velden if veld.type.endswith("per naam")}
    views = {view.naam: view for view in views_of(soort)}
    for item in (p for p in PLANNED if p.soort == soort):
        seen = {key: value for key, value in item.view.items() if key != FOOTNOTES}
        given = {path for path in _paths(seen, "", mappings) if not path.endswith("[]")}
        assert given <= names, f"{item.name}: not listed: {sorted(given - names)}"
        # -- the view this document is: its top-level fields are exactly the listed ones --
        derived = item.name.endswith("-raadsbesluit")
        view = next(
            v for name, v in views.items() if (" bij een " in name) == derived or len(views) == 1
        )
        assert set(seen) == set(view.velden), item.name


@pytest.mark.parametrize("soort", api.KINDS)
def test_every_field_and_type_is_described(soort: str) -> None:
    listed = api.fields(soort)
    for veld in listed.velden:
        assert veld.omschrijving.strip(), f"{soort}: {veld.naam} has no description"
        base = veld.type.removesuffix(" of leeg").removesuffix(" per naam")
        plurals = {plural for plural, _ in TYPES.values()}
        assert base.split(" ")[0] in {*TYPES, *plurals, "lijst"}, veld.type
    for name, use in listed.typen:
        assert name in TYPES and use


def test_every_filter_of_the_environment_is_listed_with_a_description() -> None:
    public = {name for name in template_environment().filters if not name.startswith("_")}
    listed = api.fields("memo").filters
    assert {f.naam for f in listed} == public
    assert all(f.omschrijving for f in listed)


def _expression(path: str) -> str:
    """A template fragment that uses the field ``path`` (``a[].b`` loops over ``a``)."""
    pieces = path.replace("<naam>", "iets").split("[].")
    body = pieces[0]
    opening, closing = "", ""
    for depth, piece in enumerate(pieces[1:]):
        opening += f"{{% for v{depth} in {body} %}}"
        closing = "{% endfor %}" + closing
        body = f"v{depth}.{piece}"
    return f"{opening}{{{{ {body} }}}}{closing}"


@pytest.mark.parametrize("soort", api.KINDS)
def test_the_template_check_accepts_exactly_the_listed_fields(soort: str) -> None:
    env = environment_of_templates()
    views = views_of(soort)
    for veld in api.fields(soort).velden:
        used = _expression(veld.naam)
        if veld.alleen_in:
            # -- only some documents of this template have it: accepted when guarded --
            top = veld.naam.split("[]")[0].split(".")[0]
            used = f"{{% if {top} is defined %}}{used}{{% endif %}}"
        assert _unknown_fields(env.parse(used), views) == [], f"{soort}: {used}"
        if not veld.type.endswith("per naam") and "<naam>" not in veld.naam:
            wrong = _expression(veld.naam + "_x")
            assert _unknown_fields(env.parse(wrong), views), f"{soort}: {wrong} passed"


def test_velden_as_text_for_an_editor(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["velden", "raadsvoorstel"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Velden voor een sjabloon raadsvoorstel.docx:"
    row = next(line for line in lines if line.strip().startswith("argumenten[].kop "))
    assert "tekstregel" in row and "korte kop" in row
    assert any(line.strip().startswith("euro ") for line in lines)
    # -- aligned: types start in one column, descriptions in another --
    columns = set()
    for name, kind, text in [
        ("onderwerp", "tekst", "onderwerp van het stuk"),
        ("argumenten[].kop", "tekstregel", "korte kop"),
        ("bedragen.<naam>", "bedrag", "de waarde met die naam"),
    ]:
        line = next(line for line in lines if line.strip().startswith(f"{name} "))
        columns.add((line.index(kind, len(name) + 2), line.index(text)))
    assert len(columns) == 1


def test_velden_as_json_for_tools(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["velden", "raadsbesluit", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["soort"] == "raadsbesluit"
    velden = {veld["naam"]: veld for veld in data["velden"]}
    assert velden["beslispunten"]["type"] == "nummerlijst"
    assert velden["voorstel_datum"]["alleen_in"] == ["raadsbesluit bij een raadsvoorstel"]
    assert velden["datum"]["alleen_in"] == ["raadsbesluit op zichzelf"]
    assert {f["naam"] for f in data["filters"]} >= {"euro", "datum", "join"}


def test_velden_of_an_unknown_kind_is_wrong_use(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["velden", "brief"])
    assert result.exit_code == 2
    assert "onbekende soort 'brief'" in result.stderr
    with pytest.raises(ValueError):
        api.fields("brief")
