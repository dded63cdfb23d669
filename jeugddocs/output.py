"""Write output files atomically: the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from jeugddocs.errors import OutputError


def output_path(content: Path, directory: Path, suffix: str = "") -> Path:
    """Return where the Word file for ``content`` goes: ``x.yaml`` → ``DIR/x{suffix}.docx``."""
    return directory / f"{content.stem}{suffix}.docx"


def _word_lock_file(target: Path) -> Path | None:
    """Return Word's owner file for ``target`` if it exists: the document is open in Word.

    Word writes ``~$`` plus the name, with the first one or two characters dropped
    when the name is long; a file open on a network share is locked this way even
    where the operating system would let us replace it.
    """
    for cut in (0, 1, 2):
        candidate = target.with_name("~$" + target.name[cut:])
        if candidate.exists():
            return candidate
    return None


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder.

    ``os.replace`` is atomic on one file system, so a reader (or a crash) sees
    either the previous file or the complete new one. The temporary file is
    removed on any failure, including Ctrl-C.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{target}: de map {target.parent} kan niet worden gemaakt ({exc.strerror}); "
            "kies een andere uitvoermap"
        ) from None
    try:
        lock = _word_lock_file(target)
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name[:100]}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise OutputError(f"{target}: kan niet schrijven ({exc.strerror})") from None
    if lock is not None:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise OutputError(
            f"{target}: het bestand is geopend in Word ({lock.name} bestaat); sluit het en "
            "probeer opnieuw"
        )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, PermissionError):
            raise OutputError(
                f"{target}: kan niet schrijven; is het bestand geopend in Word? Sluit het en "
                "probeer opnieuw"
            ) from None
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: kan niet schrijven ({exc.strerror})") from None
        raise
