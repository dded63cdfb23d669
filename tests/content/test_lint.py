"""Warnings: amounts written twice, or defined and never used. They do not stop a render."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.api import check
from jeugddocs.cli import cli
from jeugddocs.compute.view import build_view
from jeugddocs.content.lint import _Counted

TEXT = """\
soort: memo
gemeente: X
onderwerp: Y
datum: 2020-01-01
aan: de raad
van: het college
bedragen:
  tekort: 845000
  ongebruikt: 12
  besparing: 511000000
  aandeel: =procent_van(tekort, 2616000)
inleiding: |
  Het tekort is € 845.000, ofwel 845.000 euro: {{ aandeel | procent }} van de raming.
  Het Rijk bespaart € 511 miljoen; {{ besparing | euro_kort }} dus.
"""


def test_amounts_typed_in_prose_and_unused_amounts_are_warnings(
    write_yaml: Callable[..., Path],
) -> None:
    path = write_yaml(TEXT)

    checked = check(path)

    assert [f"{w.line}:{w.column}: {w.message}" for w in checked.warnings] == [
        "9:3: het bedrag 'ongebruikt' wordt nergens gebruikt; zet het in de tekst als "
        "{{ ongebruikt | euro }}, of haal het weg",
        "13:17: '€ 845.000' staat ook onder 'bedragen' als 'tekort'; schrijf "
        "{{ tekort | euro }}, zodat het bedrag maar op één plek staat",
        "13:34: '845.000' staat ook onder 'bedragen' als 'tekort'; schrijf {{ tekort | euro }}, "
        "zodat het bedrag maar op één plek staat",
        "14:21: '€ 511 miljoen' staat ook onder 'bedragen' als 'besparing'; schrijf "
        "{{ besparing | euro_kort }}, zodat het bedrag maar op één plek staat",
    ]
    assert all(w.severity == "waarschuwing" for w in checked.warnings)


def test_warnings_are_shown_but_the_document_is_made(
    runner: CliRunner, write_yaml: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_yaml(TEXT)

    result = runner.invoke(cli, ["render", str(path), "-o", str(tmp_path / "uit")])

    assert result.exit_code == 0
    assert (tmp_path / "uit" / "stuk.docx").exists()
    assert f"{path}:9:3: waarschuwing: het bedrag 'ongebruikt'" in result.stderr


def test_prose_can_compute_from_named_amounts(write_yaml: Callable[..., Path]) -> None:
    path = write_yaml(
        TEXT.replace(
            "{{ aandeel | procent }}", "{{ procent_van(tekort, 2616000) | procent }}"
        ).replace("  aandeel: =procent_van(tekort, 2616000)\n", "")
    )

    document = check(path).document

    runs = build_view(document)["inleiding"][0].runs
    assert "32,3% van de raming" in "".join(run.text for run in runs)


def test_an_amount_typed_again_and_again_is_warned_at_each_place(
    write_yaml: Callable[..., Path],
) -> None:
    path = write_yaml(
        TEXT.replace(
            "  Het Rijk bespaart",
            "  Weer € 845.000 en 845.000; nog eens € 845.000.\n  Het Rijk bespaart",
        )
    )

    warnings = check(path).warnings

    assert [(w.line, w.column) for w in warnings if "'tekort'" in w.message] == [
        (13, 17),
        (13, 34),
        (14, 8),
        (14, 21),
        (14, 39),
    ]


@given(st.text("ab", max_size=30), st.lists(st.text("ab", min_size=1, max_size=3), max_size=3))
def test_counting_on_gives_what_counting_from_the_start_gives(
    text: str, fragments: list[str]
) -> None:
    counted = _Counted(text)
    for end in range(len(text) + 1):
        for fragment in fragments:
            assert counted.before(fragment, end) == text.count(fragment, 0, end)


MEMO = """\
soort: memo
gemeente: Ouder-Amstel
onderwerp: Overschrijding
datum: 2020-10-06
aan: de raad
van: het college
inleiding: |
  Dit perspectief richt zich op drie zaken:
  1. Het voorkomen van tekorten.
  2. In control komen.
  3. De noodzaak om kostbare jeugdzorg te moeten aanbieden verminderen; door vroeg
     signalering problematiek klein houden
  4. Regionale samenwerking.

  De afspraken gaan in per 1.1.2021 en lopen tot 31-12-2022; versie 2.1.2021b telt niet.
"""


def test_a_list_with_another_number_of_points_than_announced_is_warned() -> None:
    warnings = check(MEMO).warnings

    (announced,) = [w for w in warnings if "kondigt" in w.message]
    assert (announced.line, announced.column) == (8, 33)
    assert announced.message == (
        "'drie zaken:' kondigt er drie aan, maar de opsomming eronder heeft er 4; pas het "
        "getal of de opsomming aan"
    )
    assert not [w for w in check(MEMO.replace("drie", "vier")).warnings if "kondigt" in w.message]


def test_a_date_in_figures_is_warned_with_its_dutch_notation() -> None:
    dates = [w for w in check(MEMO).warnings if "datum in cijfers" in w.message]

    assert [(w.line, w.column, w.message) for w in dates] == [
        (15, 28, "'1.1.2021' is een datum in cijfers; schrijf '1 januari 2021'"),
        (15, 50, "'31-12-2022' is een datum in cijfers; schrijf '31 december 2022'"),
    ]


def test_only_a_list_the_document_shows_is_counted() -> None:
    """'* a' is no list item in the prose markup: the text shows one sentence, no list."""
    stars = MEMO.replace("  1. Het voorkomen", "  * Het voorkomen").replace(
        "  2. In control", "  * In control"
    )
    stars = stars.replace("  3. De noodzaak", "  * De noodzaak").replace(
        "  4. Regionale", "  * Regionale"
    )

    assert not [w for w in check(stars).warnings if "kondigt" in w.message]
