"""Loading YAML: values arrive exactly as typed, and positions are kept."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from jeugddocs.content.source import MAX_NODES, load_text_bytes


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
