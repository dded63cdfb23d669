"""Regional proposals: the participants, their shares, and every mistake at its line."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from jeugddocs import api
from jeugddocs.content.models import Raadsvoorstel
from tests.conftest import MINIMAL

PARTICIPANTS = """\
deelnemers:
  verdeel:
    aandeel: extra
  verdeelsleutel: aantal jeugdigen (voorbeeld)
  tekst: Uw deel is {{ aandeel | euro }}.
  gemeenten:
    - gemeente: blaricum
      gewicht: 1
    - gemeente: hilversum
      gewicht: 1
    - gemeente: laren
      gewicht: 1
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    profiles = tmp_path / "gemeenten"
    profiles.mkdir()
    for key, name in (("blaricum", "Blaricum"), ("hilversum", "Hilversum"), ("laren", "Laren")):
        (profiles / f"{key}.yaml").write_text(f"naam: {name}\n", encoding="utf-8")
    return tmp_path


def content(folder: Path, participants: str = PARTICIPANTS) -> Path:
    path = folder / "regionaal.yaml"
    path.write_text(MINIMAL + textwrap.dedent(participants), encoding="utf-8")
    return path


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    return found[occurrence - 1]


def shares_of(path: Path) -> list[Decimal]:
    document = api.check(path).valid()
    assert isinstance(document, Raadsvoorstel) and document.deelnemers is not None
    return [deelnemer.aandelen["aandeel"] for deelnemer in document.deelnemers.gemeenten]


def messages(path: Path) -> list[str]:
    # -- amounts are written with a no-break space after €; compared here as a space --
    return [str(problem).replace("\xa0", " ") for problem in api.check(path).problems]


def test_shares_by_weight_add_up_with_the_remainder_to_the_first(folder: Path) -> None:
    document = api.check(content(folder)).valid()

    assert isinstance(document, Raadsvoorstel)
    assert document.deelnemers is not None
    shares = [d.aandelen["aandeel"] for d in document.deelnemers.gemeenten]
    # -- 103500 / 3 = 34500 each: no remainder --
    assert shares == [Decimal(34500)] * 3
    assert [d.profiel.naam for d in document.deelnemers.gemeenten] == [
        "Blaricum",
        "Hilversum",
        "Laren",
    ]


def test_a_remainder_goes_to_the_largest_remainder_then_the_first_listed(folder: Path) -> None:
    path = content(folder)
    path.write_text(
        path.read_text(encoding="utf-8").replace("extra: 103500", "extra: 100"), encoding="utf-8"
    )
    assert shares_of(path) == [Decimal(34), Decimal(33), Decimal(33)]


def test_an_unknown_profile_key_is_an_error_at_its_line(folder: Path) -> None:
    path = content(folder, PARTICIPANTS.replace("gemeente: laren", "gemeente: larne"))

    [message] = messages(path)

    assert message.startswith(f"{path}:{line_of(path, 'larne')}:17: geen gemeenteprofiel 'larne'")


def test_a_participant_named_twice_is_an_error_at_the_second(folder: Path) -> None:
    path = content(folder, PARTICIPANTS.replace("gemeente: laren", "gemeente: blaricum"))

    [message] = messages(path)

    assert message == (
        f"{path}:{line_of(path, 'blaricum', 2)}:17: 'blaricum' staat al in de lijst (als "
        "deelnemer 1); noem elke gemeente één keer"
    )


def test_a_negative_weight_is_an_error_at_its_line(folder: Path) -> None:
    path = content(
        folder,
        PARTICIPANTS.replace(
            "gewicht: 1\n    - gemeente: laren", "gewicht: -4\n    - gemeente: laren"
        ),
    )

    [message] = messages(path)

    assert message == (
        f"{path}:{line_of(path, 'gewicht: -4')}:16: het gewicht -4 is negatief; een "
        "verdeelsleutel kent alleen getallen van 0 of meer"
    )


def test_weights_that_add_up_to_zero_are_an_error_at_the_verdeelsleutel(folder: Path) -> None:
    path = content(folder, PARTICIPANTS.replace("gewicht: 1", "gewicht: 0"))

    [message] = messages(path)

    assert message.startswith(
        f"{path}:{line_of(path, 'verdeelsleutel')}:19: de gewichten van de gemeenten tellen op "
        "tot 0"
    )


def test_own_amounts_that_do_not_add_up_are_an_error_at_the_divided_amount(folder: Path) -> None:
    own = PARTICIPANTS.replace("  verdeelsleutel: aantal jeugdigen (voorbeeld)\n", "")
    for amount in ("750", "70000", "32000"):
        own = own.replace("gewicht: 1", f"bedragen: {{aandeel: {amount}}}", 1)
    path = content(folder, own)

    [message] = messages(path)

    assert message == (
        f"{path}:{line_of(path, 'aandeel: extra')}:14: de eigen bedragen 'aandeel' van de "
        "gemeenten tellen op tot € 102.750, maar 'extra' is € 103.500 (€ 750 te weinig); de "
        "delen moeten samen precies het regionale bedrag zijn"
    )


def test_own_amounts_that_add_up_are_the_shares(folder: Path) -> None:
    own = PARTICIPANTS.replace("  verdeelsleutel: aantal jeugdigen (voorbeeld)\n", "")
    for amount in ("750", "70000", "32750"):
        own = own.replace("gewicht: 1", f"bedragen: {{aandeel: {amount}}}", 1)

    assert shares_of(content(folder, own)) == [
        Decimal(750),
        Decimal(70000),
        Decimal(32750),
    ]


def test_a_participant_without_weight_or_own_amount_is_told_what_to_give(folder: Path) -> None:
    path = content(folder, PARTICIPANTS.replace("      gewicht: 1\n", "", 1))

    [message] = messages(path)

    assert message.startswith(
        f"{path}:{line_of(path, 'gemeente: blaricum')}:17: blaricum heeft geen 'gewicht' en geen "
        "eigen bedrag 'aandeel'"
    )


def test_the_divided_amount_must_be_a_named_amount(folder: Path) -> None:
    path = content(folder, PARTICIPANTS.replace("aandeel: extra", "aandeel: extar"))

    [message] = messages(path)

    assert message.startswith(
        f"{path}:{line_of(path, 'aandeel: extar')}:14: 'extar' is geen bedrag onder 'bedragen'"
    )


def test_the_participant_text_may_use_its_share_and_no_unknown_name(folder: Path) -> None:
    path = content(folder, PARTICIPANTS.replace("{{ aandeel | euro }}", "{{ aandeell | euro }}"))

    [message] = messages(path)

    assert f"{path}:{line_of(path, 'tekst: Uw deel')}:21: 'aandeell'" in message
    assert "'aandeell'" in message and "bedoelde u 'aandeel'?" in message


def test_a_share_name_is_not_known_in_the_regional_text(folder: Path) -> None:
    path = content(folder)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "tekst: Zie de tabel.", "tekst: Zie de tabel, {{ aandeel | euro }}."
        ),
        encoding="utf-8",
    )

    [message] = messages(path)

    assert f"{path}:{line_of(path, 'Zie de tabel')}:" in message
    assert "'aandeel'" in message


def test_every_problem_is_told_at_once(folder: Path) -> None:
    broken = (
        PARTICIPANTS.replace("gemeente: laren", "gemeente: blaricum")
        .replace("gemeente: hilversum", "gemeente: onbekend")
        .replace("gewicht: 1\n    - gemeente: onbekend", "gewicht: -1\n    - gemeente: onbekend")
    )
    path = content(folder, broken)

    found = messages(path)

    assert len(found) == 3
    assert [message.split(":")[1] for message in found] == sorted(
        message.split(":")[1] for message in found
    )


def test_a_dict_is_checked_the_same_way(folder: Path) -> None:
    import yaml

    data = yaml.safe_load(
        content(folder, PARTICIPANTS.replace("gewicht: 1", "gewicht: 0")).read_text(
            encoding="utf-8"
        )
    )

    checked = api.check(data, gemeenten=[folder / "gemeenten"])

    assert [problem.veld for problem in checked.problems] == ["deelnemers.verdeelsleutel"]
