"""Resolving a name inside a configured folder, without ever leaving it.

Template names (and, later, text blocks and images) come from configuration
that travels by e-mail. A name such as ``../../etc/passwd``, an absolute path
or a symlink pointing elsewhere must not reach a file outside its folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath


class UnsafePathError(ValueError):
    """A name that would resolve outside its folder; the message says why in Dutch."""


def safe_join(folder: Path, name: str) -> Path:
    """Return ``folder / name`` if, with every symlink resolved, it stays inside ``folder``.

    >>> safe_join(Path("/tmp"), "../etc/passwd")
    Traceback (most recent call last):
    ...
    jeugddocs.paths.UnsafePathError: '../etc/passwd' verwijst naar buiten de map /tmp
    """
    if not name or "\x00" in name:
        raise UnsafePathError(f"'{name}' is geen geldige bestandsnaam")
    if (
        PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or (PureWindowsPath(name).drive)
    ):
        raise UnsafePathError(f"'{name}' is een volledig pad; geef een naam binnen {folder}")
    root = folder.resolve()
    target = (root / name).resolve()
    if not target.is_relative_to(root):
        raise UnsafePathError(f"'{name}' verwijst naar buiten de map {folder}")
    return target


def folders_near(name: str, near: Path, given: Sequence[Path] = ()) -> list[Path]:
    """Return ``given``, then every folder called ``name`` in ``near`` or a folder above it.

    How profiles (``gemeenten``) and text blocks (``tekstblokken``) are found, the way
    tools find their configuration: ``content/voorbeelden/x.yaml`` finds ``content/gemeenten``.
    Each folder once, in that order.
    """
    start = near.resolve()
    found = [parent / name for parent in (start, *start.parents) if (parent / name).is_dir()]
    return list(dict.fromkeys([*map(Path, given), *found]))
