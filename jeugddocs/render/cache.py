"""An on-disk cache for compiled templates, keyed by the content of what was compiled.

Why: compiling a template (reading its Word XML, applying docxtpl's tag clean-up,
compiling the Jinja source) costs more than rendering a document with it. A
batch pays it once per process; the cache lets a one-document run, a new worker
process or the next command skip it too. An entry is only used for exactly the
bytes it was made from, by the same versions, so an edited template or an
upgrade simply misses. Anything wrong with the cache (no home folder, a
read-only disk, a damaged entry) means compiling again, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

#: Change when the cached data's shape changes.
FORMAT = "1"


def cache_dir() -> Path | None:
    """Return the cache folder: ``$JEUGDDOCS_CACHE``, else the user's cache folder.

    ``JEUGDDOCS_CACHE=""`` (empty) turns the cache off.
    """
    configured = os.environ.get("JEUGDDOCS_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
    )
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # -- no home folder --
        return None
    return root / "jeugddocs"


def key(*pieces: bytes | str) -> str:
    """Return a cache key for the given pieces (content, versions)."""
    digest = hashlib.sha256()
    for piece in (FORMAT, sys.version, *pieces):
        data = piece.encode() if isinstance(piece, str) else piece
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def load(entry: str) -> bytes | None:
    """Return the cached bytes of ``entry``, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / entry).read_bytes()
    except OSError:
        return None


def store(entry: str, data: bytes) -> None:
    """Keep ``data`` under ``entry`` if the cache folder can be written; else do nothing."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # -- two processes may store the same entry at once; either copy is complete --
        Path(temp).replace(folder / entry)
    except OSError:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
