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


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder.

    ``os.replace`` is atomic on one file system, so a reader (or a crash) sees
    either the previous file or the complete new one. The temporary file is
    removed on any failure, including Ctrl-C.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
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
