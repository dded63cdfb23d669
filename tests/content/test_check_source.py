"""One way in: a file, YAML text and a dict are checked the same way, problem for problem."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jeugddocs import api
from jeugddocs.content.models import SOORTEN, Raadsvoorstel
from jeugddocs.content.schema import json_schema
from jeugddocs.content.source import load_text_bytes
from jeugddocs.errors import ContentError, Problem
from tests.conftest import MINIMAL
from tests.test_fuzz import replaced

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "content" / "voorbeelden").glob("*.yaml"))


def data_of(text: str) -> dict[str, Any]:
    """The data a YAML text stands for, as our loader reads it."""
    source, problems = load_text_bytes(text.encode("utf-8"), "x.yaml")
    assert problems == []
    return source.data  # type: ignore[no-any-return]


def seen(problems: list[Problem]) -> list[tuple[str, tuple[Any, ...], str]]:
    return sorted((p.message, p.path, p.severity) for p in problems)


def same(from_text: list[Problem], from_data: list[Problem]) -> bool:
    """The same problems; one the YAML text has before it is read (no field) matches any field."""
    if sorted((p.message, p.severity) for p in from_text) != sorted(
        (p.message, p.severity) for p in from_data
    ):
        return False
    placed = {(p.message, p.path) for p in from_data}
    return all((p.message, p.path) in placed for p in from_text if p.path)


def test_a_file_text_and_dict_give_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "voorstel.yaml"
    path.write_text(MINIMAL, encoding="utf-8")

    from_file, from_text, from_data = (
        api.check(path),
        api.check(MINIMAL),
        api.check(data_of(MINIMAL)),
    )

    assert from_file.ok and from_text.ok and from_data.ok
    assert from_file.document == from_text.document == from_data.document


def test_a_dict_is_checked_for_references_as_a_file_is() -> None:
    text = MINIMAL.replace("{{ extra | euro }}", "{{ onbekend | euro }}")

    from_text, from_data = api.check(text), api.check(data_of(text))

    assert not from_data.ok
    assert seen(from_text.problems) == seen(from_data.problems)
    (problem,) = from_data.problems
    assert problem.path == ("kern",)
    assert (problem.line, problem.column) == (0, 0)
    assert str(problem).startswith("<gegevens>: kern: 'onbekend' in '{{ onbekend | euro }}'")
    assert (from_text.problems[0].line, from_text.problems[0].column) == (8, 18)


def test_a_model_made_from_a_dict_checks_its_references() -> None:
    data = data_of(MINIMAL.replace("{{ extra | euro }}", "{{ onbekend | euro }}"))

    with pytest.raises(ValueError, match="onbekend"):
        Raadsvoorstel.model_validate(data)
    with pytest.raises(ValueError, match="onbekend"):
        Raadsvoorstel(**data)


def test_every_problem_has_its_field_path() -> None:
    text = MINIMAL.replace("beslispunt: 2", "beslispunt: twee").replace("aanleiding:", "aanleidin:")

    problems = api.check(text).problems

    assert {p.path for p in problems} >= {("argumenten", 0, "beslispunt"), ("aanleidin",)}
    assert all(p.path for p in problems)


def test_valid_raises_every_problem() -> None:
    checked = api.check(MINIMAL.replace("datum: 2021-03-18", "datum: 18-03-2021"))

    with pytest.raises(ContentError) as excinfo:
        checked.valid()

    assert excinfo.value.problems == checked.problems != []


def test_a_str_without_a_line_break_is_a_file_name(tmp_path: Path) -> None:
    (problem,) = api.check(str(tmp_path / "bestaat-niet.yaml")).problems

    assert "kan niet worden gelezen" in problem.message


# -- the JSON Schema and the validator agree --


def as_json(value: Any) -> Any:
    """What a form or a JSON file would send for a loaded value."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_as_json_fits_the_schema_and_validates(sample: Path) -> None:
    data = json.loads(json.dumps(as_json(data_of(sample.read_text(encoding="utf-8")))))

    jsonschema.validate(data, json_schema(data["soort"]))
    # -- data has no folder: its profiles and text blocks come from the folders named --
    checked = api.check(
        data,
        gemeenten=[sample.parent.parent / "gemeenten"],
        tekstblokken=[sample.parent.parent / "tekstblokken"],
    )

    assert checked.ok, checked.problems
    assert checked.document == api.check(sample).document


@pytest.mark.parametrize("soort", list(SOORTEN))
def test_what_the_schema_calls_a_date_the_validator_takes(soort: str) -> None:
    schema = json_schema(soort)
    assert schema["properties"]["datum"]["format"] == "date"

    problems = api.check({**data_of(MINIMAL), "datum": "2021-02-30"}).problems

    assert [p.message for p in problems if p.path == ("datum",)] == [
        "de datum 2021-02-30 bestaat niet; schrijf een bestaande datum als jaar-maand-dag, "
        "bijvoorbeeld 2021-03-18"
    ]


# -- the same problems from text and from data, for random documents --

BASE = yaml.safe_load(MINIMAL)
paths = st.sampled_from(
    [
        ("kern",),
        ("onderwerp",),
        ("datum",),
        ("zaaknummer",),
        ("bedragen", "extra"),
        ("bedragen", "nieuw"),
        ("voetnoten",),
        ("beslispunten", 0),
        ("argumenten", 0, "beslispunt"),
        ("argumenten", 1, "tekst"),
        ("financien", "tabellen", 0, "rijen", 0, "bedragen"),
        ("financien", "tabellen", 0, "verwacht_totaal"),
        ("financien", "tekst"),
        ("nieuw_veld",),
    ]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    # -- not YAML's own line breaks (U+0085, U+2028, U+2029): written into YAML text they
    #    break its lines, so the text is not the same content as the dict --
    st.text(max_size=30).filter(lambda t: not {"\x85", "\u2028", "\u2029"} & set(t)),
    st.dates(),
    st.sampled_from(
        [
            "{{ extra | euro }}",
            "{{ onbekend | euro }}",
            "{{ extra | eur }}",
            "{{ (extra * 1.02) | euro }}",
            "=extra * 2",
            "=onbekend + 1",
            "€ 394.00",
            "32.3%",
            "Zie [^1].",
            "{% if %}",
            "2021-02-30",
            "103.500",
            "extra",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["kop", "tekst", "1", "x", "beslispunt"]), inner, max_size=3
        ),
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paths, values)
def test_text_and_data_give_the_same_problems(path: tuple[Any, ...], value: Any) -> None:
    data = replaced(path, value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    from_text, from_data = api.check(text), api.check(data)

    assert from_text.ok == from_data.ok
    assert same(from_text.problems, from_data.problems)
    assert same(from_text.warnings, from_data.warnings)
    assert all(p.line >= 1 for p in from_text.problems + from_text.warnings)
    assert all(p.line == 0 for p in from_data.problems + from_data.warnings)


def test_each_repetition_of_a_wrong_reference_is_placed_at_its_own_line() -> None:
    wrong = "{{ onbekend | euro }}"
    text = MINIMAL.replace(
        "aanleiding: De groepen zijn te groot.",
        f"aanleiding: |\n  Eerst {wrong}.\n\n  Dan {wrong} en {wrong}.\n  Ook {{{{ extra }}}}.",
    )

    problems = api.check(text).problems

    first = text.splitlines().index(f"  Eerst {wrong}.") + 1
    assert [(p.line, p.column) for p in problems] == [
        (first, 9),
        (first + 2, 7),
        (first + 2, 32),
        (first + 3, 7),
    ]
