"""Writing output files: every file of one content file, or none of them.

Each file is first written in full to a temporary file beside its target and
flushed to disk; only then are the targets replaced, each by a rename. A rename
is atomic on one file system: a reader (or a crash) sees the old file or the new
one, never half. When a rename fails, the targets already replaced get their
previous contents back, so ``x.docx`` and ``x-raadsbesluit.docx`` are never from
different runs. (A machine that stops between two renames can still leave them
apart; only a journal would prevent that.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jeugddocs.errors import OutputError, system_reason


def reason(exc: OSError) -> str:
    """Return why ``exc`` happened, in Dutch (see :func:`jeugddocs.errors.system_reason`)."""
    if exc.errno == errno.ENOENT:
        return "de map bestaat niet"  # -- when writing, it is the folder that is missing --
    return system_reason(exc)


def write_atomic(target: Path, data: bytes) -> None:
    """Write one file: ``target`` holds the old bytes or all of ``data``, never half."""
    write_all([(target, data)])


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every ``(target, data)`` of ``files``, or none: then each keeps what it had.

    Raises OutputError with a Dutch message that names the file. Temporary files are
    removed on any failure, including Ctrl-C; only a previous version that could not
    be put back is kept, and the message says where.
    """
    targets = [target for target, _ in files]
    if len(set(targets)) < len(targets):
        raise ValueError("one write names the same file twice")
    for target in targets:
        _make_folder(target)
        _refuse_if_open_in_word(target)
    staged: list[_Staged] = []
    replaced: list[_Staged] = []
    try:
        for target, data in files:
            staged.append(_stage(target, data))
        for item in staged:
            _replace(item)
            replaced.append(item)
    except BaseException as exc:
        not_restored = _restore(replaced)
        for item in staged[len(replaced) :]:
            _remove(item.temp, item.backup)
        if not_restored and isinstance(exc, OutputError):
            raise OutputError(f"{exc}; let op: {'; '.join(not_restored)}") from None
        raise
    for item in staged:
        _remove(item.backup)


@dataclass(frozen=True)
class _Staged:
    """A target with its new contents ready beside it, and its previous file kept."""

    target: Path
    temp: Path
    backup: Path | None  # -- None: there was no file to keep --


def _make_folder(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{target}: de map {target.parent} kan niet worden gemaakt ({reason(exc)}); "
            "kies een andere uitvoermap"
        ) from None


def _refuse_if_open_in_word(target: Path) -> None:
    try:
        lock = _word_lock_file(target)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    if lock is not None:
        raise OutputError(
            f"{target}: het bestand is geopend in Word ({lock.name} bestaat); sluit het en "
            "probeer opnieuw"
        )


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


def _stage(target: Path, data: bytes) -> _Staged:
    temp = _write_temp(target, data)
    try:
        backup = _keep_previous(target, temp)
    except BaseException:
        _remove(temp)
        raise
    return _Staged(target, temp, backup)


def _write_temp(target: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``target``, flushed to disk."""
    try:
        handle, temp = _create_temp(target)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise
    return temp


def _create_temp(target: Path) -> tuple[int, Path]:
    """Create a new, empty temporary file beside ``target``; return its handle and path.

    Why not ``tempfile.mkstemp``: it makes the file readable by its owner only (0600),
    and a rename keeps that, so a griffie's colleagues could not open the documents.
    Created with mode 0666 the file gets what the user's umask allows, as any new file;
    a file that replaces one keeps the permissions of the one it replaces.
    """
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = target.parent / f".{target.name[:100]}.{secrets.token_hex(4)}.tmp"
        try:
            handle = os.open(temp, flags, mode)
        except FileExistsError:
            continue
        if mode != 0o666:
            # -- the umask applied to the mode; a replacing file keeps the old one exactly --
            temp.chmod(mode)
        return handle, temp
    raise FileExistsError(errno.EEXIST, "geen vrije tijdelijke naam", str(target.parent))


def _keep_previous(target: Path, temp: Path) -> Path | None:
    """Keep the file at ``target`` under a temporary name, to put back if a later step fails.

    A hard link costs no time or space and keeps the file exactly as it is; where
    the file system has none (FAT, some network shares), a copy does.
    """
    try:
        if not target.is_file():
            return None
        backup = temp.with_suffix(".vorige.tmp")
        try:
            os.link(target, backup)
        except OSError:
            return _write_temp(target, target.read_bytes())
        return backup
    except OSError as exc:
        raise _cannot_write(target, exc) from None


def _replace(item: _Staged) -> None:
    try:
        item.temp.replace(item.target)
    except PermissionError as exc:
        # -- Windows refuses to replace a file another program has open --
        raise OutputError(
            f"{item.target}: kan niet schrijven ({reason(exc)}); is het bestand geopend in "
            "Word? Sluit het en probeer opnieuw"
        ) from None
    except OSError as exc:
        raise _cannot_write(item.target, exc) from None


def _restore(replaced: list[_Staged]) -> list[str]:
    """Give each replaced target its previous file back; return what could not be."""
    not_restored = []
    for item in reversed(replaced):
        try:
            if item.backup is None:
                item.target.unlink()
            else:
                item.backup.replace(item.target)
        except OSError as exc:
            if item.backup is None:
                not_restored.append(f"{item.target} is al geschreven ({reason(exc)})")
            else:
                not_restored.append(
                    f"{item.target} is al vervangen ({reason(exc)}); de vorige versie staat "
                    f"in {item.backup}"
                )
    return not_restored


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    return OutputError(f"{target}: kan niet schrijven ({reason(exc)})")


def _remove(*paths: Path | None) -> None:
    for path in paths:
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
