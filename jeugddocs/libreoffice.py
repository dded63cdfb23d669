"""Word to PDF/A through LibreOffice: one LibreOffice run converts many documents.

Why ``soffice --convert-to`` with many files rather than a LibreOffice server spoken
to over UNO (``unoserver``): UNO needs LibreOffice's ``uno`` module in the Python
that talks to it, which a virtual environment or a pip-installed jeugddocs does not
have (it lives in Debian's ``python3-uno`` for the system Python, or in the Python
that LibreOffice bundles on Windows and macOS). One ``soffice`` call for a list of
files needs nothing but LibreOffice, and starts it once for the whole list: about
a second, against a tenth of a second or so per document after that (measured in
the README). The caller gives a whole batch at once (see :mod:`jeugddocs.exporters`).

Every run gets a private user profile in its own temporary folder
(``-env:UserInstallation``): two LibreOffice processes sharing a profile would hand
their work to each other or refuse to start, and a user's own LibreOffice, open on
the same machine, is left alone.

LibreOffice converts the files in the order given and says so: a line
``convert A -> B`` on stdout once a file is loaded, a line ``Error: …`` on stderr
for a file it cannot load or store. A file that takes longer than ``timeout``
seconds without any sign of progress stops the run; LibreOffice is stopped, that
file is reported, and a new run takes the files after it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jeugddocs.batch import stop_requested
from jeugddocs.errors import ConverterMissing

#: The PDF export's options (their names in LibreOffice's filter/source/pdf/pdfexport.cxx),
#: given as JSON on the command line, which LibreOffice reads since 7.4.
FILTER_OPTIONS: dict[str, tuple[str, str]] = {
    "SelectPdfVersion": ("long", "2"),  # -- PDF/A-2b --
    "PDFUACompliance": ("boolean", "true"),  # -- pdfuaid:part 1 in the XMP metadata --
    "UseTaggedPDF": ("boolean", "true"),  # -- the structure tree screen readers follow --
    "ExportBookmarks": ("boolean", "true"),  # -- headings become the PDF's outline --
}

#: Seconds a single document may take with no sign of progress before it is given up.
TIMEOUT = 120.0

#: Where LibreOffice is installed when it is not on the PATH (Windows, macOS).
_USUAL_PLACES = (
    *(
        Path(os.environ.get(variable, default), "LibreOffice", "program", "soffice.exe")
        for variable, default in (
            ("PROGRAMFILES", r"C:\Program Files"),
            ("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
        )
    ),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)

MISSING = (
    "voor PDF is LibreOffice nodig, maar het is niet gevonden. Installeer het: op Debian of "
    "Ubuntu met 'sudo apt-get install libreoffice-writer-nogui', op Windows of macOS via "
    "https://nl.libreoffice.org/download/ (of geef het pad naar soffice in de omgevingsvariabele "
    "JEUGDDOCS_SOFFICE)"
)

_POLL = 0.05
_PDF_A_2 = b"<pdfaid:part>2</pdfaid:part>"


@dataclass
class Converted:
    """What one conversion gave: a PDF per document name, or why not (in Dutch)."""

    pdfs: dict[str, bytes] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    #: How many times LibreOffice was started (once, unless a document hung).
    runs: int = 0


def find_soffice() -> Path | None:
    """Return LibreOffice's ``soffice`` program, or None when it is not installed.

    ``JEUGDDOCS_SOFFICE`` names it where it is not on the PATH nor in its usual place.
    """
    configured = os.environ.get("JEUGDDOCS_SOFFICE")
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((place for place in _USUAL_PLACES if place.is_file()), None)


def missing() -> str | None:
    """Return why PDFs cannot be made on this machine, in Dutch, or None if they can."""
    return MISSING if find_soffice() is None else None


def convert(documents: Mapping[str, bytes], timeout: float = TIMEOUT) -> Converted:
    """Convert Word documents (name → bytes of a .docx) to PDF/A-2b with one LibreOffice.

    Raises ConverterMissing, before anything is done, when LibreOffice is not
    installed. A document LibreOffice cannot convert, or that hangs, is in
    ``failures``; the others are converted all the same.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissing(MISSING)
    result = Converted()
    if not documents:
        return result
    with tempfile.TemporaryDirectory(prefix="jeugddocs-pdf-") as folder:
        work = Path(folder)
        inbox, outbox, profile = work / "in", work / "uit", work / "profiel"
        for made in (inbox, outbox, work / "tmp"):
            made.mkdir()
        sources = []
        for name, data in documents.items():
            source = inbox / f"{name}.docx"
            source.write_bytes(data)
            sources.append(source)
        remaining: Sequence[Path] = sources
        while remaining:
            result.runs += 1
            logs = work / f"log{result.runs}"
            stuck, note = _run(soffice, profile, remaining, outbox, logs, timeout)
            if stuck is None:
                _collect(remaining, outbox, result, note)
                remaining = []
            else:
                _collect(remaining[:stuck], outbox, result, note)
                result.failures[remaining[stuck].stem] = (
                    f"het omzetten naar PDF duurde langer dan {_seconds(timeout)} seconden zonder "
                    "voortgang en is afgebroken"
                )
                remaining = remaining[stuck + 1 :]
    return result


def _seconds(value: float) -> str:
    """Seconds as Dutch write them: 120, 0,5."""
    return f"{value:g}".replace(".", ",")


def _command(soffice: Path, profile: Path, sources: Sequence[Path], outbox: Path) -> list[str]:
    options = {name: {"type": kind, "value": text} for name, (kind, text) in FILTER_OPTIONS.items()}
    return [
        str(soffice),
        "--headless",
        "--norestore",
        f"-env:UserInstallation={profile.as_uri()}",
        "--infilter=MS Word 2007 XML",  # -- never read a broken file as plain text --
        "--convert-to",
        "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":")),
        "--outdir",
        str(outbox),
        *map(str, sources),
    ]


def _run(
    soffice: Path,
    profile: Path,
    sources: Sequence[Path],
    outbox: Path,
    logs: Path,
    timeout: float,
) -> tuple[int | None, str]:
    """Run LibreOffice over ``sources``; return the index of the file it hung on, or None.

    Also returns what LibreOffice said when it stopped with an error, for the message.
    """
    logs.mkdir()
    out, err = logs / "stdout", logs / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            _command(soffice, profile, sources, outbox),
            stdin=subprocess.DEVNULL,
            # -- its own temporary files go with ours, also when it has to be stopped --
            env={
                **os.environ,
                **dict.fromkeys(("TMPDIR", "TMP", "TEMP"), str(logs.parent / "tmp")),
            },
            stdout=stdout,
            stderr=stderr,
            # -- a process group of its own: see _stop --
            start_new_session=sys.platform != "win32",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )
    try:
        seen: tuple[int, int, int] | None = None
        since = time.monotonic()
        while True:
            try:
                code = process.wait(_POLL)
            except subprocess.TimeoutExpired:
                if stop_requested():
                    raise KeyboardInterrupt from None  # -- finally stops LibreOffice --
                now = (out.stat().st_size, err.stat().st_size, sum(1 for _ in outbox.iterdir()))
                if now != seen:
                    seen, since = now, time.monotonic()
                elif time.monotonic() - since > timeout:
                    break
                continue
            said = _said(err, code)
            return None, said
    finally:
        if process.poll() is None:
            _stop(process)
    # -- in order, each file ends in a whole PDF or one error line; the next one hung --
    finished = sum(1 for source in sources if _whole(outbox / f"{source.stem}.pdf"))
    finished += _error_lines(err)
    stuck = min(finished, len(sources) - 1)
    (outbox / f"{sources[stuck].stem}.pdf").unlink(missing_ok=True)
    return stuck, ""


def _collect(sources: Sequence[Path], outbox: Path, result: Converted, note: str) -> None:
    for source in sources:
        target = outbox / f"{source.stem}.pdf"
        data = target.read_bytes() if _whole(target) else b""
        if not data:
            result.failures[source.stem] = f"LibreOffice kon dit document niet omzetten{note}"
        elif _PDF_A_2 not in data:
            result.failures[source.stem] = (
                "LibreOffice maakte er geen PDF/A van; daarvoor is LibreOffice 7.4 of nieuwer nodig"
            )
        else:
            result.pdfs[source.stem] = data


def _whole(path: Path) -> bool:
    """Whether ``path`` is a PDF written to its end (a stopped run can leave half of one)."""
    try:
        with path.open("rb") as stream:
            if stream.read(5) != b"%PDF-":
                return False
            stream.seek(max(0, path.stat().st_size - 32))
            return b"%%EOF" in stream.read()
    except OSError:
        return False


def _error_lines(err: Path) -> int:
    return sum(line.startswith(b"Error:") for line in err.read_bytes().splitlines())


def _said(err: Path, code: int) -> str:
    """LibreOffice's own last words when it stopped with an error code, for a message."""
    if code == 0:
        return ""
    lines = [line for line in err.read_text(errors="replace").splitlines() if line.strip()]
    last = f": {lines[-1].strip()}" if lines else ""
    return f" (LibreOffice stopte met code {code}{last})"


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and the processes it started, and wait until they are gone.

    ``soffice`` is a launcher that starts the real program as its child, so the
    whole process group goes (the tree, on Windows). Being a group of its own,
    LibreOffice does not see Ctrl-C in the terminal: jeugddocs stops it here.
    """
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.kill()
    process.wait()
