"""Every kind of document: its starter validates, and its own rules hold."""

from __future__ import annotations

import textwrap

import pytest

from jeugddocs.content.models import SOORTEN
from jeugddocs.errors import ContentError
from jeugddocs.starters import starter_text
from tests.content_text import document_of


def problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as excinfo:
        document_of(textwrap.dedent(text).lstrip("\n"), "x.yaml")
    return [f"{p.line}:{p.column}: {p.message}" for p in excinfo.value.problems]


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_every_starter_validates_as_its_kind(soort: str) -> None:
    document = document_of(starter_text(soort))

    assert type(document) is SOORTEN[soort]


MEMO = """
soort: memo
gemeente: Ouder-Amstel
onderwerp: Overschrijding
datum: 2020-10-06
aan: de raad
van: het college
bedragen:
  tekort: 845000
inleiding: Het tekort is {{ tekort | euro }}.
secties:
  - kop: Oorzaken
    tabel:
      kolommen: [Bedrag]
      rijen:
        - omschrijving: A
          bedragen: [92000]
        - omschrijving: B
          bedragen: [753000]
      totaal: Totaal
      verwacht_totaal: [tekort]
"""


def test_memo_table_total_is_checked_against_a_named_amount() -> None:
    assert document_of(textwrap.dedent(MEMO)).soort == "memo"
    assert problems(MEMO.replace("[753000]", "[752000]")) == [
        "20:25: het verwachte totaal van kolom 'Bedrag' is 'tekort' (€\xa0845.000), maar de "
        "som van de rijen is €\xa0844.000 (€\xa01.000 minder); controleer de bedragen of het totaal"
    ]


def test_verwacht_totaal_naming_an_unknown_amount() -> None:
    assert problems(MEMO.replace("verwacht_totaal: [tekort]", "verwacht_totaal: [tekrot]")) == [
        "20:25: 'tekrot' is geen bekend bedrag; noem een naam uit 'bedragen:' of schrijf het "
        "bedrag als getal"
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "(=32.3%)",
            "9:48: '32.3%' gebruikt een punt als decimaalteken; schrijf 32,3% (of "
            "gebruik het filter procent)",
        ),
        (
            "en € 394.00",
            "9:49: het bedrag '€ 394.00' is dubbelzinnig: bedoelt u centen of "
            "duizenden? Zet het bedrag onder 'bedragen:' en schrijf {{ naam | euro }}",
        ),
        (
            "en € 845.000,--",
            "9:49: schrijf hele euro's zonder ',-': '€ 845.000', of beter {{ naam | euro }}",
        ),
    ],
    ids=["procent-met-punt", "bedrag-394.00", "bedrag-met-streepjes"],
)
def test_the_seeds_number_mistakes_are_rejected(typed: str, expected: str) -> None:
    text = MEMO.replace(
        "Het tekort is {{ tekort | euro }}.", f"Het tekort is {{{{ tekort | euro }}}} {typed}."
    )

    assert problems(text) == [expected]


def test_footnote_marker_without_text_and_unused_footnote() -> None:
    text = MEMO.replace("inleiding: Het", 'voetnoten:\n  1: "Bron: CBS."\ninleiding: Zie[^2]. Het')

    assert problems(text) == [
        "11:15: voetnoot '[^2]' heeft geen tekst; voeg onder 'voetnoten:' de regel '2: tekst van "
        "de voetnoot' toe (bekende voetnoten: 1)"
    ]
    assert problems(text.replace("[^2]", "")) == [
        "10:6: voetnoot '1' wordt nergens gebruikt; zet [^1] in de tekst waar hij hoort, of haal "
        "hem weg"
    ]


def test_sections_deeper_than_three_levels_are_refused() -> None:
    text = MEMO + textwrap.indent(
        "secties:\n  - kop: Twee\n    secties:\n      - kop: Drie\n        secties:\n"
        "          - kop: Vier\n",
        "    ",
    )

    assert problems(text) == [
        "26:22: secties mogen maar 3 niveaus diep (1, 1.1, 1.1.1); maak van deze sectie tekst "
        "of een lijst in de sectie erboven"
    ]


def test_collegevoorstel_checks_beslispunten_like_a_raadsvoorstel() -> None:
    text = starter_text("collegevoorstel").replace(
        "  - beslispunt: 1\n    kop: Timing", "  - beslispunt: 3\n    kop: Timing"
    )

    found = problems(text)

    assert len(found) == 1 and "beslispunt 3 bestaat niet: er is alleen beslispunt 1" in found[0]


def test_memo_requires_aan_and_van() -> None:
    text = MEMO.replace("aan: de raad\n", "")

    assert problems(text) == [
        "1:1: het verplichte veld 'aan' ontbreekt; voeg 'aan:' toe met een waarde"
    ]
