"""Loading YAML: values arrive exactly as typed, and positions are kept."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from jeugddocs.content import source as source_module
from jeugddocs.content.source import (
    MAX_NODES,
    PARSER_VARIABLE,
    Position,
    YamlParser,
    is_reported,
    load_text_bytes,
)
from tests.conftest import SAMPLES

NO_LIBYAML = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
PARSERS = [pytest.param("libyaml", marks=NO_LIBYAML), "python"]


@pytest.fixture(autouse=True, params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run every test here with each YAML parser, chosen as users do: by the variable."""
    monkeypatch.setenv(PARSER_VARIABLE, request.param)
    return str(request.param)


def load(text: str) -> tuple[object, list[str]]:
    source, problems = load_text_bytes(text.encode("utf-8"), "x.yaml")
    return source.data, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("0042", "0042"),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("true", True),
        ("1234.56", Decimal("1234.56")),
        ("103500", 103500),
        ("1_000", "1_000"),
        ("1e3", "1e3"),
        ("0o17", "0o17"),
        ("2021-03-18", datetime.date(2021, 3, 18)),
        ("~", None),
        ("'13215'", "13215"),
    ],
)
def test_values_are_never_silently_changed(yaml_value: str, expected: object) -> None:
    data, problems = load(f"waarde: {yaml_value}\n")

    assert problems == []
    assert data == {"waarde": expected}
    assert type(data["waarde"]) is type(expected)  # type: ignore[index]


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    _, problems = load("onderwerp: a\ngemeente: b\nonderwerp: c\n")

    assert problems == [
        "x.yaml:3:1: het veld 'onderwerp' staat hier voor de tweede keer (eerder op regel 1); "
        "verwijder een van beide"
    ]


def test_impossible_date_is_an_error_with_its_position() -> None:
    _, problems = load("datum: 2021-02-30\n")

    assert problems == [
        "x.yaml:1:8: de datum 2021-02-30 bestaat niet; schrijf een bestaande datum als "
        "jaar-maand-dag, bijvoorbeeld 2021-03-18"
    ]


def test_python_tags_are_refused() -> None:
    data, problems = load("a: !!python/object/apply:os.system ['echo hoi']\n")

    assert len(problems) == 1
    assert (
        "x.yaml:1:4: de YAML-tag !!python/object/apply:os.system is niet toegestaan" in problems[0]
    )
    assert data == {"a": data["a"]}  # type: ignore[index]


@pytest.mark.parametrize("tagged", ["!!int 0042", "!!int abc", "!!float .inf", "!!float '1e3'"])
def test_a_number_tag_on_other_text_is_refused(tagged: str) -> None:
    data, problems = load(f"a: {tagged}\n")

    tag = tagged.split()[0]
    assert problems == [
        f"x.yaml:1:4: de YAML-tag {tag} is niet toegestaan; content is alleen tekst, getallen, "
        "datums, lijsten en velden. Verwijder de tag"
    ]
    assert is_reported(data["a"])  # type: ignore[index]


def test_tab_indentation_is_explained_in_dutch() -> None:
    _, problems = load("a:\n\t- b\n")

    assert problems == [
        "x.yaml:2:1: YAML-fout: een tab mag niet in de inspringing; gebruik spaties"
    ]


def test_billion_laughs_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    _, problems = load("\n".join(lines) + "\n")

    assert problems == [
        f"x.yaml:1:1: het bestand breidt uit tot meer dan {MAX_NODES} waarden (te veel of "
        "geneste verwijzingen met '*'); schrijf de waarden uit"
    ]


def test_bom_and_windows_line_endings_are_accepted() -> None:
    source, problems = load_text_bytes("\ufeffa: 1\r\nb: twee\r\n".encode(), "x.yaml")

    assert problems == []
    assert source.data == {"a": 1, "b": "twee"}
    assert source.values[("b",)].line == 2


def test_invalid_utf8_names_line_and_column() -> None:
    _, problems = load_text_bytes(b"a: 1\nb: caf\xe9\n", "x.yaml")

    assert [str(p) for p in problems] == [
        "x.yaml:2:7: dit is geen geldige UTF-8-tekst; sla het bestand op met codering UTF-8"
    ]


def test_positions_are_one_based_line_and_column() -> None:
    source, _ = load_text_bytes(b"a:\n  - b: 1\n    c: twee\n", "x.yaml")

    assert (source.values[("a", 0, "c")].line, source.values[("a", 0, "c")].column) == (3, 8)
    assert (source.keys[("a", 0, "c")].line, source.keys[("a", 0, "c")].column) == (3, 5)


def test_positions_count_characters_beyond_the_basic_plane() -> None:
    _, problems = load("a: é😀€\nb: [😀, {c: 2021-02-30}]\n")
    source, _ = load_text_bytes("a: é😀€\nb: [😀, {c: 2021-02-30}]\n".encode(), "x.yaml")

    assert problems == [
        "x.yaml:2:12: de datum 2021-02-30 bestaat niet; schrijf een bestaande "
        "datum als jaar-maand-dag, bijvoorbeeld 2021-03-18"
    ]
    assert source.values[("a",)] == Position(1, 4, 3, 6)
    assert source.values[("b", 0)] == Position(2, 5, 11, 12)
    assert source.keys[("b", 1, "c")] == Position(2, 9, 15, 16)


def test_a_last_line_without_line_break_keeps_its_positions() -> None:
    source, _ = load_text_bytes(b"a:\n  ? b", "x.yaml")

    assert source.data == {"a": {"b": None}}
    assert source.values[("a", "b")] == Position(2, 6, 8, 8)


def test_an_escape_beyond_unicode_is_a_located_problem() -> None:
    _, problems = load('a: 1\nb: "x\\U00110000"\n')

    assert problems == [
        "x.yaml:2:8: YAML-fout: onbekende escape met '\\' in tekst tussen dubbele "
        "aanhalingstekens; gebruik enkele aanhalingstekens"
    ]


def snapshot(raw: bytes, parser: YamlParser) -> tuple[object, ...]:
    source, problems = load_text_bytes(raw, "x.yaml", parser)
    return source.data, source.values, source.keys, [str(p) for p in problems]


#: Texts libyaml reads differently from PyYAML, or refuses where PyYAML does not.
DIFFERENT_IN_LIBYAML = {
    "tab-after-colon": "a:\tb\n",
    "tab-after-dash": "-\tb\n",
    "tab-in-text": "a: b\tc\n",
    "comment-right-after-header": "a: |# opmerking\n  tekst\n",
    "question-mark-in-flow": "a: [x?y, z]\n",
    "question-mark-in-flow-mapping": "a: {x: y?}\n",
    "empty-value-in-flow-sequence": "a: [x: ]\n",
    "empty-value-in-flow-mapping": "a: {x:  , y: 1}\n",
    "empty-key-in-flow-mapping": "a: {?  : 1}\n",
    "lone-tag-on-empty-value": "a: !\n",
    "tag-directive": "%TAG !e! tag:e,2000:\n---\na: !e!x 1\n",
    "unknown-directive": "%FOO bar\n---\na: 1\n",
    "colon-before-bracket": "a: [x:]\n",
    "bom-at-a-line-start": "a: 1\n\ufeffb: 2\n",
    "second-bom": "\ufeff\ufeffa: 1\n",
    "bom-in-text": "a: x\ufeffy\n",
    "bell": "a: é x\x07y\n",
    "delete": "a: é x\x7fy\n",
    "c1-control": "a: é x\x9by\n",
    "non-character": "a: é x\ufffey\n",
    "no-line-break-at-the-end": "a: 1\nb:",
    "key-without-value-at-the-end": "a:\n  ? b",
    "flow-at-the-end": "a: [1, 2]",
    "nested-150": "a: " + "[" * 150 + "]" * 150 + "\n",
    "nested-3000": "a: " + "[" * 3000 + "]" * 3000 + "\n",
    "alias-inside-itself": "a: &a [*a]\n",
    "duplicate-anchor": "a: &x 1\nb: &x 2\n",
    "undefined-alias": "a: *x\n",
    "two-documents": "a: 1\n---\nb: 2\n",
    "long-key": "k" * 1030 + ": v\n",
    "key-at-the-limit": "k" * 1022 + ": v\n",
}


@pytest.mark.parametrize("text", DIFFERENT_IN_LIBYAML.values(), ids=list(DIFFERENT_IN_LIBYAML))
@NO_LIBYAML
def test_both_parsers_give_the_same_result_where_libyaml_differs(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")

    assert snapshot(raw, "libyaml") == snapshot(raw, "python")


SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
@NO_LIBYAML
def test_samples_are_read_by_libyaml_alone_with_the_same_result(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")

    source_module._compose_libyaml(text)  # -- raises if it would hand the text to PyYAML --
    assert snapshot(raw, "libyaml") == snapshot(raw, "python")


def test_the_variable_chooses_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PARSER_VARIABLE, "python")
    assert source_module._chosen_parser() == "python"
    monkeypatch.delenv(PARSER_VARIABLE)
    assert source_module._chosen_parser() == ("libyaml" if yaml.__with_libyaml__ else "python")
