"""Shared fixtures: a CLI runner, inline YAML files and golden-file comparison."""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import settings

pytest_plugins = ["pytester"]

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    # -- compiled templates are cached per test run, never in the user's own cache --
    if "JEUGDDOCS_CACHE" not in os.environ:
        os.environ["JEUGDDOCS_CACHE"] = tempfile.mkdtemp(prefix="jeugddocs-cache-")


SAMPLES = ROOT / "content" / "voorbeelden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="herschrijf de golden files met de huidige uitvoer",
    )


@pytest.fixture
def openxml_audit() -> Any:
    """The OOXML schema validator: without it a test is skipped, except on CI."""
    if os.environ.get("CI"):
        import openxml_audit

        return openxml_audit
    return pytest.importorskip("openxml_audit")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    """Write dedented YAML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "stuk.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, list[str]], None]:
    """Compare lines with a checked-in golden file (``--update-golden`` rewrites it)."""
    update = request.config.getoption("--update-golden")

    def compare(path: Path, lines: list[str]) -> None:
        text = "\n".join(lines) + "\n"
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists():
            pytest.fail(f"golden file {path} ontbreekt; maak hem met --update-golden")
        assert text == path.read_text(encoding="utf-8")

    return compare


MINIMAL = """\
soort: raadsvoorstel
gemeente: Hilversum
onderwerp: Dagbehandeling jonge kinderen
datum: 2021-03-18
zaaknummer: "0042"
bedragen:
  extra: 103500
kern: Wij vragen {{ extra | euro }} extra.
beslispunten:
  - Het nieuwe perceel inkopen.
  - Een pilot starten.
aanleiding: De groepen zijn te groot.
argumenten:
  - beslispunt: 2
    kop: Pilot voor 2021
    tekst: De aanbieders gaan door.
  - beslispunt: 1
    kop: Passende verhouding
    tekst: Alle aanbieders zeggen dit.
  - beslispunt: 1
    kop: Goedkoper
    tekst: Individuele begeleiding is duurder.
financien:
  tekst: Zie de tabel.
  tabellen:
    - titel: Extra bijdrage per gemeente
      kolommen: [Bijdrage]
      rijen:
        - omschrijving: Blaricum
          bedragen: [750]
        - omschrijving: Hilversum
          bedragen: [70000]
      totaal: Totaal
      verwacht_totaal: [70750]
"""


@pytest.fixture
def minimal_yaml() -> str:
    """A small raadsvoorstel that validates, for tests to change one thing in."""
    return MINIMAL


def required_program(name: str) -> str:
    """The path of a program a test needs; skipped without it, except on CI, where it fails."""
    import shutil

    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} ontbreekt op de CI-machine")
        pytest.skip(f"{name} is niet geïnstalleerd")
    return found


def libreoffice_pdfs(documents: list[Path], folder: Path, timeout: int = 300) -> list[Path]:
    """Convert Word files to PDF with a real LibreOffice, in one run with its own profile.

    Skips the test without LibreOffice, except on CI, where it must be there.
    """
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice") or required_program("soffice")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{folder}/profiel",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return [folder / f"{document.stem}.pdf" for document in documents]
