"""Validation: every problem at its line, in Dutch, all at once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.api import check
from jeugddocs.content.models import Raadsvoorstel
from jeugddocs.errors import ContentError
from tests.conftest import MINIMAL
from tests.content_text import document_of


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as excinfo:
        check(path).valid()
    return [f"{p.line}:{p.column}: {p.message}" for p in excinfo.value.problems]


def test_minimal_raadsvoorstel_validates(minimal_yaml: str) -> None:
    document = document_of(minimal_yaml)

    assert isinstance(document, Raadsvoorstel)
    assert document.zaaknummer == "0042"
    assert document.financien.tabellen[0].totalen() == [70750]


def test_verwacht_totaal_that_differs_from_the_sum_names_both_numbers(
    write_yaml: Callable[..., Path], minimal_yaml: str
) -> None:
    path = write_yaml(minimal_yaml.replace("verwacht_totaal: [70750]", "verwacht_totaal: [70700]"))

    assert problems_of(path) == [
        "34:25: het verwachte totaal van kolom 'Bijdrage' is €\xa070.700, maar de som van de "
        "rijen is €\xa070.750 (€\xa050 meer); controleer de bedragen of het totaal"
    ]


def test_row_with_wrong_number_of_amounts(
    write_yaml: Callable[..., Path], minimal_yaml: str
) -> None:
    path = write_yaml(minimal_yaml.replace("bedragen: [750]", "bedragen: [750, 20]"))

    assert problems_of(path) == [
        "30:21: de rij 'Blaricum' heeft 2 bedragen, maar de tabel heeft 1 kolom (Bijdrage); "
        "geef één bedrag per kolom"
    ]


def test_beslispunt_that_does_not_exist(write_yaml: Callable[..., Path], minimal_yaml: str) -> None:
    path = write_yaml(minimal_yaml.replace("beslispunt: 2", "beslispunt: 3"))

    assert problems_of(path) == [
        "14:17: beslispunt 3 bestaat niet: er zijn 2 beslispunten; kies een nummer van 1 tot en "
        "met 2"
    ]


def test_all_problems_are_reported_at_once(
    write_yaml: Callable[..., Path], minimal_yaml: str
) -> None:
    text = (
        minimal_yaml.replace("datum: 2021-03-18", "datum: 18-03-2021")
        .replace("extra: 103500", 'extra: "€ 394.00"')
        .replace("beslispunten:", "beslispunen: []\nbeslispunten:")
        .replace("{{ extra | euro }}", "{{ extar | euro }}")
    )
    path = write_yaml(text)

    assert problems_of(path) == [
        "4:8: de datum '18-03-2021' staat in de verkeerde volgorde; schrijf 2021-03-18 "
        "(jaar-maand-dag)",
        "7:10: het bedrag '€ 394.00' staat er als tekst; bedoelt u 394 euro en 00 cent (schrijf "
        "394.00) of 394.000 euro (schrijf 394000)? Schrijf het als getal, zonder €",
        "8:18: 'extar' in '{{ extar | euro }}' is geen bekend bedrag; bedoelde u 'extra'? voeg "
        "het toe onder 'bedragen:' (bekende namen: extra)",
        "9:1: onbekend veld 'beslispunen'; bedoelde u 'beslispunten'?",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "extra: 103500",
            'extra: "103.500"',
            "7:10: het bedrag '103.500' staat er als tekst; schrijf het bedrag zonder punten: "
            "103500",
        ),
        (
            "extra: 103500",
            'extra: "1,2 mln"',
            "7:10: het bedrag '1,2 mln' staat er als tekst; schrijf het hele bedrag in euro's, "
            "bijvoorbeeld 1200000 voor 1,2 miljoen",
        ),
        (
            "{{ extra | euro }}",
            "{{ extra | eur }}",
            "8:18: onbekend filter 'eur' in '{{ extra | eur }}'; bedoelde u 'euro'? "
            "beschikbaar zijn: euro, euro_kort, getal, procent, datum",
        ),
        (
            "{{ extra | euro }}",
            "{{ extra }}",
            "8:18: in '{{ extra }}' ontbreekt de opmaak; schrijf bijvoorbeeld {{ extra | euro }} "
            "zodat het bedrag in Nederlandse notatie verschijnt",
        ),
        (
            "{{ extra | euro }}",
            "{{ extra.__class__ | euro }}",
            "8:18: '{{ extra.__class__ | euro }}' is geen verwijzing naar een bedrag; in tekst mag "
            "alleen een naam uit 'bedragen' (of een berekening met namen, getallen, + - * / "
            "en som, verschil, procent_van, indexeer) met een filter staan, zoals "
            "{{ naam | euro }}",
        ),
        (
            "{{ extra | euro }}",
            "{{ extra | datum }}",
            "8:18: '{{ extra | datum }}' kan niet worden opgemaakt: filter 'datum' verwacht een "
            "datum, maar kreeg het getal 103500",
        ),
        (
            "gemeente: Hilversum\n",
            "",
            "1:1: het verplichte veld 'gemeente' ontbreekt; voeg 'gemeente:' toe met een waarde",
        ),
        (
            "onderwerp: Dagbehandeling jonge kinderen",
            "onderwerp: 12",
            "3:12: verwacht tekst, maar hier staat het getal 12; zet de waarde tussen "
            "aanhalingstekens als het tekst is",
        ),
        (
            "beslispunt: 2",
            "beslispunt: twee",
            "14:17: verwacht een geheel getal, zoals 1 of 2, maar hier staat de tekst 'twee'",
        ),
        (
            "  - Het nieuwe perceel inkopen.\n  - Een pilot starten.\n",
            "  []\n",
            "10:3: deze lijst mag niet leeg zijn; geef minstens 1 item",
        ),
        (
            "soort: raadsvoorstel",
            "soort: raadsvorstel",
            "1:8: onbekende soort 'raadsvorstel'; bedoelde u 'raadsvoorstel'? mogelijk zijn: "
            "raadsvoorstel, collegevoorstel, raadsinformatiebrief, memo, nota, raadsbesluit, "
            "rapportage",
        ),
        (
            "extra: 103500",
            "Extra Bedrag: 103500",
            "7:3: de naam 'Extra Bedrag' kan niet in een verwijzing staan; gebruik kleine letters, "
            "cijfers en _, bijvoorbeeld extra_bijdrage_2021",
        ),
    ],
    ids=[
        "bedrag-met-punten",
        "bedrag-mln",
        "onbekend-filter",
        "zonder-filter",
        "attribuut",
        "verkeerd-filter",
        "ontbrekend-veld",
        "getal-als-tekst",
        "beslispunt-tekst",
        "lege-lijst",
        "onbekende-soort",
        "ongeldige-naam",
    ],
)
def test_single_problem_messages(
    write_yaml: Callable[..., Path], minimal_yaml: str, old: str, new: str, expected: str
) -> None:
    assert old in minimal_yaml
    path = write_yaml(minimal_yaml.replace(old, new, 1))

    problems = problems_of(path)

    assert expected in problems, problems


def test_problem_points_at_the_reference_inside_a_block_scalar(
    write_yaml: Callable[..., Path], minimal_yaml: str
) -> None:
    text = minimal_yaml.replace(
        "kern: Wij vragen {{ extra | euro }} extra.",
        "kern: |\n  Eerste regel.\n\n  Wij vragen {{ extra | eur }} extra.",
    )
    path = write_yaml(text)

    assert [p.split(": ")[0] for p in problems_of(path)] == ["11:14"]


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_any_prose_either_validates_or_gives_located_problems(prose: str) -> None:
    text = MINIMAL.replace(
        "kern: Wij vragen {{ extra | euro }} extra.", f"kern: {json.dumps(prose)}"
    )
    try:
        document_of(text)
    except ContentError as exc:
        assert exc.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in exc.problems)
