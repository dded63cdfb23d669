"""PDF/A through LibreOffice: the produced files are read back, nothing is mocked.

Every sample is rendered with ``--pdf`` once, by the command line with two
workers and a LibreOffice that counts its starts; the PDFs are then checked for
PDF/A-2b and PDF/UA identification, tags, title, language, bookmarks and text.
Without LibreOffice (or pdftotext) these tests are skipped, except on CI.
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner

from jeugddocs import api, exporters, libreoffice
from jeugddocs.cli import cli
from tests.conftest import MINIMAL, ROOT, SAMPLES, required_program
from tests.docx_text import extract

PDFA = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUA = "{http://www.aiim.org/pdfua/ns/id/}"
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
#: Amounts and dates as the Dutch filters write them: € 1.250,50, 6.200.000, 18 maart 2021.
AMOUNT_OR_DATE = re.compile(
    rf"€\s?\d[\d.]*(?:,\d+)?|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,2}} (?:{MONTHS}) \d{{4}}"
)


@pytest.fixture(scope="module")
def soffice() -> str:
    found = libreoffice.find_soffice()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) ontbreekt op de CI-machine")
        pytest.skip("LibreOffice is niet geïnstalleerd")
    return str(found)


def _counting(soffice: str, folder: Path) -> tuple[Path, Path]:
    """A soffice that writes a line to a log for every start, then is LibreOffice."""
    log = folder / "starts.log"
    script = folder / "soffice-telt"
    script.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{soffice}" "$@"\n')
    script.chmod(0o755)
    return script, log


def _starts(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


@pytest.fixture(scope="module")
def samples_as_pdf(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every sample rendered with --pdf by the command line with two workers."""
    folder = tmp_path_factory.mktemp("pdf")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    if sys.platform != "win32":
        env["JEUGDDOCS_SOFFICE"] = str(_counting(soffice, folder)[0])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jeugddocs",
            "render",
            str(SAMPLES),
            "-o",
            str(folder / "uit"),
            "--pdf",
            "-j",
            "2",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert (result.returncode, result.stderr) == (0, "")
    yield folder


def _pdfs(folder: Path) -> list[Path]:
    return sorted((folder / "uit").glob("*.pdf"))


def test_every_document_gets_a_pdf_beside_its_word_file(samples_as_pdf: Path) -> None:
    words = sorted(p.stem for p in (samples_as_pdf / "uit").glob("*.docx"))

    planned = [
        item.name
        for sample in SAMPLES.glob("*.yaml")
        for item in api.plan(api.check(sample).valid(), sample.stem)
    ]
    assert sorted(p.stem for p in _pdfs(samples_as_pdf)) == words
    assert words == sorted(planned)


@pytest.mark.skipif(sys.platform == "win32", reason="the counting soffice is a shell script")
def test_a_batch_starts_libreoffice_once_per_worker(samples_as_pdf: Path) -> None:
    assert _starts(samples_as_pdf / "starts.log") == 2


def test_the_pdfs_say_pdf_a_2b_and_pdf_ua_in_their_xmp_metadata(samples_as_pdf: Path) -> None:
    for path in _pdfs(samples_as_pdf):
        reader = pypdf.PdfReader(path)
        xmp = ET.fromstring(reader.trailer["/Root"]["/Metadata"].get_data())

        assert xmp.findtext(f".//{PDFA}part") == "2", path.name
        assert xmp.findtext(f".//{PDFA}conformance") == "B", path.name
        assert xmp.findtext(f".//{PDFUA}part") == "1", path.name


def test_the_pdfs_are_tagged_in_dutch_with_the_subject_as_title(samples_as_pdf: Path) -> None:
    subjects = {p.stem: api.check(p).valid().onderwerp for p in SAMPLES.glob("*.yaml")}
    for path in _pdfs(samples_as_pdf):
        reader = pypdf.PdfReader(path)
        root = reader.trailer["/Root"]

        assert root["/MarkInfo"]["/Marked"].value is True, path.name
        assert "/StructTreeRoot" in root, path.name
        assert root["/Lang"] == "nl-NL", path.name
        assert reader.metadata is not None
        assert reader.metadata.title == subjects[path.stem.removesuffix("-raadsbesluit")]
        assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True, path.name


def _outline(items: list[object], depth: int = 0) -> Iterator[tuple[int, str]]:
    for item in items:
        if isinstance(item, list):
            yield from _outline(item, depth + 1)
        else:
            yield depth, str(item.title)  # type: ignore[attr-defined]


def test_the_bookmarks_are_the_headings_of_the_document(samples_as_pdf: Path) -> None:
    with_bookmarks = 0
    for path in _pdfs(samples_as_pdf):
        document = docx.Document(str(path.with_suffix(".docx")))
        headings = [
            (int(p.style.name.removeprefix("Heading ")) - 1, p.text)
            for p in document.paragraphs
            if p.style is not None and re.fullmatch(r"Heading \d", p.style.name or "")
        ]

        assert list(_outline(pypdf.PdfReader(path).outline)) == headings, path.name
        with_bookmarks += bool(headings)
    assert with_bookmarks >= 6


def _text(path: Path) -> str:
    result = subprocess.run(
        [required_program("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    )
    return " ".join(result.stdout.decode("utf-8").replace("\xa0", " ").split())


def test_the_text_with_its_amounts_and_dates_can_be_extracted(samples_as_pdf: Path) -> None:
    found = 0
    for path in _pdfs(samples_as_pdf):
        word = " ".join(extract(path.with_suffix(".docx"))).replace("\xa0", " ")
        text = _text(path)
        expected = [" ".join(m.split()) for m in AMOUNT_OR_DATE.findall(word)]

        assert [m for m in expected if m not in text] == [], path.name
        assert "jeugdhulp" in text.lower(), path.name
        found += len(expected)
    assert found > 50


def _content(folder: Path, name: str, profile: str) -> Path:
    (folder / "gemeenten").mkdir(exist_ok=True)
    (folder / "gemeenten" / "hilversum.yaml").write_text(textwrap.dedent(profile), encoding="utf-8")
    path = folder / f"{name}.yaml"
    path.write_text(MINIMAL.replace("gemeente: Hilversum", "gemeente: hilversum"), encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="the counting soffice is a shell script")
def test_pdf_true_in_the_profile_makes_pdfs_with_one_libreoffice(
    soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, log = _counting(soffice, tmp_path)
    monkeypatch.setenv("JEUGDDOCS_SOFFICE", str(script))
    paths = [_content(tmp_path, name, "naam: Hilversum\npdf: true\n") for name in ("a", "b")]

    result = api.build_all(paths, tmp_path / "uit", jobs=1)

    assert (result.failed, result.problems) == ([], [])
    assert sorted(p.name for p in result.written) == [
        "a-raadsbesluit.docx",
        "a-raadsbesluit.pdf",
        "a.docx",
        "a.pdf",
        "b-raadsbesluit.docx",
        "b-raadsbesluit.pdf",
        "b.docx",
        "b.pdf",
    ]
    assert _starts(log) == 1


def test_without_libreoffice_render_pdf_says_how_to_install_it_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimal_yaml: str
) -> None:
    monkeypatch.setenv("JEUGDDOCS_SOFFICE", str(tmp_path / "geen-soffice"))
    (tmp_path / "stuk.yaml").write_text(minimal_yaml, encoding="utf-8")

    result = CliRunner().invoke(
        cli, ["render", str(tmp_path / "stuk.yaml"), "-o", str(tmp_path / "uit"), "--pdf"]
    )

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "Fout: voor PDF is LibreOffice nodig, maar het is niet gevonden"
    )
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert "https://nl.libreoffice.org/download/" in result.stderr
    assert not (tmp_path / "uit").exists()


def test_without_libreoffice_a_profile_asking_for_pdf_is_a_problem_of_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimal_yaml: str
) -> None:
    monkeypatch.setenv("JEUGDDOCS_SOFFICE", str(tmp_path / "geen-soffice"))
    asking = _content(tmp_path, "met-pdf", "naam: Hilversum\npdf: true\n")
    plain = tmp_path / "zonder.yaml"
    plain.write_text(minimal_yaml, encoding="utf-8")

    result = CliRunner().invoke(
        cli, ["render", str(asking), str(plain), "-o", str(tmp_path / "uit")]
    )

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{asking}:1:1: met-pdf.pdf en met-pdf-raadsbesluit.pdf: {libreoffice.MISSING}; niets van "
        "dit bestand is geschreven"
    )
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "zonder-raadsbesluit.docx",
        "zonder.docx",
    ]


def _word(name: str) -> api.Artefact:
    return api.render(api.plan(api.check(MINIMAL).valid(), name))[0]


def test_a_document_libreoffice_cannot_read_fails_alone(soffice: str) -> None:
    good = _word("goed")

    converted = libreoffice.convert({"goed": good.data, "kapot": b"PK\x03\x04kapot"})

    assert list(converted.pdfs) == ["goed"]
    assert converted.failures == {"kapot": "LibreOffice kon dit document niet omzetten"}
    assert converted.runs == 1


def test_a_content_file_with_a_document_that_fails_is_not_written_at_all(
    soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minimal_yaml: str
) -> None:
    real = exporters.EXPORTERS["pdf"]

    def breaking_one(documents: list[api.Artefact]) -> list[api.Artefact]:
        # -- the real conversion, of a Word file that is damaged on the way --
        broken = b"PK\x03\x04kapot"
        return real(
            [dataclasses.replace(d, data=broken) if d.name == "kapot" else d for d in documents]
        )

    monkeypatch.setitem(exporters.EXPORTERS, "pdf", breaking_one)
    for name in ("heel", "kapot"):
        (tmp_path / f"{name}.yaml").write_text(minimal_yaml, encoding="utf-8")
    out = tmp_path / "uit"

    result = api.build_all([tmp_path / "heel.yaml", tmp_path / "kapot.yaml"], out, pdf=True)

    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'kapot.yaml'}:1:1: kapot.pdf: LibreOffice kon dit document niet omzetten; "
        "niets van dit bestand is geschreven"
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "heel-raadsbesluit.docx",
        "heel-raadsbesluit.pdf",
        "heel.docx",
        "heel.pdf",
    ]


def _ours(folder: Path) -> list[str]:
    """Command lines of running processes that use ``folder`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            line = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if str(folder).encode() in line:
            found.append(line.decode(errors="replace"))
    return found


def test_a_document_that_hangs_is_given_up_and_libreoffice_stopped(
    soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    documents = {"een": _word("een").data, "twee": _word("twee").data}

    # -- no sign of progress within 10 ms: LibreOffice has not even started by then --
    converted = libreoffice.convert(documents, timeout=0.01)

    assert converted.pdfs == {}
    assert converted.failures == dict.fromkeys(
        documents,
        "het omzetten naar PDF duurde langer dan 0,01 seconden zonder voortgang en is afgebroken",
    )
    assert converted.runs == 2
    assert list(tmp_path.iterdir()) == []
    if Path("/proc").is_dir():
        assert _ours(tmp_path) == []


@pytest.mark.skipif(sys.platform != "linux", reason="Ctrl-C is a POSIX signal; /proc is Linux's")
def test_ctrl_c_stops_libreoffice_and_leaves_nothing_behind(
    soffice: str, tmp_path: Path, minimal_yaml: str
) -> None:
    (tmp_path / "bron").mkdir()
    for number in range(30):
        (tmp_path / "bron" / f"stuk-{number:02}.yaml").write_text(minimal_yaml, encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temporary),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "jeugddocs", "render", "bron", "-o", "uit", "--pdf", "-j", "2"]
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # -- its own process group, as a terminal makes one --
    )
    deadline = time.monotonic() + 120
    # -- wait until LibreOffice converts: its profile is being made in a conversion folder --
    while not list(temporary.glob("jeugddocs-pdf-*/profiel")) and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.01)

    os.killpg(process.pid, signal.SIGINT)  # -- Ctrl-C reaches the whole group --
    stdout, stderr = process.communicate(timeout=60)

    assert (process.returncode, stdout, stderr) == (1, "", "\nAfgebroken.\n")
    assert list(temporary.iterdir()) == []
    assert _ours(temporary) == []
    assert not (tmp_path / "uit").exists()
