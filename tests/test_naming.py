"""Output names from a pattern: every placeholder, safe on every file system."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugddocs.naming import MAX_LENGTH, NamePattern, PatternError, safe_name

VALUES = {
    "datum": "2021-03-18",
    "soort": "raadsvoorstel",
    "onderwerp": "Dagbehandeling jonge kinderen",
    "zaaknummer": "0042",
    "gemeente": "hilversum",
    "deelnemer": "",
    "bestand": "dagbehandeling",
}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{datum}-{soort}-{onderwerp}", "2021-03-18-raadsvoorstel-Dagbehandeling-jonge-kinderen"),
        ("{zaaknummer} {bestand}", "0042 dagbehandeling"),
        ("{gemeente}_{soort}", "hilversum_raadsvoorstel"),
        ("{deelnemer}-{bestand}", "dagbehandeling"),
    ],
)
def test_each_placeholder_fills_in(pattern: str, expected: str) -> None:
    assert NamePattern.parse(pattern).name(VALUES) == expected


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{titel}", "onbekend veld '{titel}' in het naampatroon; mogelijk: {datum}, "),
        ("{datum:%Y}", "onbekend veld '{datum}'"),
        ("{datum!r}", "onbekend veld '{datum}'"),
        ("vast", "noemt geen veld"),
        ("{datum", "losse { of }"),
    ],
)
def test_a_wrong_pattern_is_refused_in_dutch(pattern: str, message: str) -> None:
    with pytest.raises(PatternError) as raised:
        NamePattern.parse(pattern)
    assert message in str(raised.value)


def test_a_name_from_empty_fields_is_refused() -> None:
    with pytest.raises(PatternError, match="lege naam"):
        NamePattern.parse("{zaaknummer}").name({**VALUES, "zaaknummer": ""})


def test_content_cannot_choose_a_folder_or_a_device() -> None:
    pattern = NamePattern.parse("{onderwerp}")

    assert pattern.name({"onderwerp": "../../etc/passwd"}) == "etc-passwd"
    assert pattern.name({"onderwerp": "C:\\Windows\\win.ini"}) == "C-Windows-win.ini"
    assert pattern.name({"onderwerp": "NUL"}) == "NUL_"
    assert pattern.name({"onderwerp": "Wat? Nu*!"}) == "Wat-Nu-!"


SAFE = re.compile(r'[^<>:"/\\|?*\x00-\x1f\x7f]+')


@given(st.text(max_size=400), st.text(max_size=40))
def test_every_name_is_safe_short_and_never_hidden(subject: str, kind: str) -> None:
    pattern = NamePattern.parse("{datum}-{soort}-{onderwerp}")
    name = pattern.name({"datum": "2021-03-18", "soort": kind, "onderwerp": subject})

    assert SAFE.fullmatch(name)
    assert len(name) <= MAX_LENGTH + 1  # -- a reserved device name gets an underscore --
    assert not name.startswith((".", "-", " ")) and not name.endswith((".", "-", " "))
    assert name.startswith("2021-03-18")


@given(st.text(max_size=300))
def test_safe_name_is_stable(name: str) -> None:
    once = safe_name(name)
    assert safe_name(once) == once


def test_render_names_every_document_by_the_pattern(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jeugddocs.cli import cli
    from tests.conftest import SAMPLES

    result = CliRunner().invoke(
        cli,
        [
            "render",
            str(SAMPLES / "kaders-inkoop-jeugdhulp.yaml"),
            str(SAMPLES / "dagbehandeling-jonge-kinderen.yaml"),
            "-o",
            str(tmp_path),
            "--naam",
            "{datum}-{soort}-{onderwerp}",
        ],
    )

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2020-01-21-raadsbesluit-Kaders-inkoop-jeugdhulp.docx",
        "2020-01-21-raadsvoorstel-Kaders-inkoop-jeugdhulp.docx",
        "2021-03-25-collegevoorstel-Inkoop-nieuw-perceel-observatie-behandeling-extra-zwaar-"
        "intensief-(zorgzwaarte-1-3)-voor.docx",
    ]


def test_per_participant_a_pattern_gets_the_participant(tmp_path: Path) -> None:
    from jeugddocs import api
    from tests.conftest import SAMPLES

    written = api.build(
        SAMPLES / "dagbehandeling-jonge-kinderen.yaml",
        tmp_path,
        per_deelnemer=True,
        naam="{soort}-{zaaknummer}",
    )

    names = sorted(path.stem for path in written)
    assert len(names) == 7 and len(set(names)) == 7
    assert all(name.startswith("collegevoorstel-") for name in names)
    assert any(name.endswith("-hilversum") for name in names)


def test_a_wrong_pattern_is_a_usage_error_and_nothing_is_written(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jeugddocs.cli import cli
    from tests.conftest import SAMPLES

    result = CliRunner().invoke(
        cli,
        ["render", str(SAMPLES), "-o", str(tmp_path / "uit"), "--naam", "{titel}"],
    )

    assert result.exit_code == 2
    assert "onbekend veld '{titel}' in het naampatroon" in result.stderr
    assert not (tmp_path / "uit").exists()


def test_a_pattern_that_names_two_documents_alike_is_a_problem(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jeugddocs.cli import cli
    from tests.conftest import SAMPLES

    result = CliRunner().invoke(
        cli,
        [
            "render",
            str(SAMPLES / "kaders-inkoop-jeugdhulp.yaml"),
            "-o",
            str(tmp_path),
            "--naam",
            "{onderwerp}",
        ],
    )

    assert result.exit_code == 1
    assert "twee keer Kaders-inkoop-jeugdhulp.docx; neem {soort} op in het naampatroon" in (
        result.stderr
    )
    assert list(tmp_path.iterdir()) == []
