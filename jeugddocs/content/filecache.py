"""What reading a file gave, kept while the file (and what it names) is unchanged.

Why: every document of a batch names its sender's profile and its text blocks; reading
and checking those files again for each document cost more than checking a short
document. A long-lived program (the web form) must still see an editor's change, so a
result is kept only while the file's version — modification time, size and inode — and
the versions of the files it depends on (a profile's logo) stay the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

#: A file's version: modification time in nanoseconds, size, inode; None when unreadable.
Version = tuple[int, int, int] | None


def version(path: Path) -> Version:
    """Return the version of ``path``, or None when it cannot be read."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


class FileCache(Generic[T]):
    """Results of ``read(path)``, each kept while its file and dependencies are unchanged.

    ``depends`` names the other files a result was made from (a logo beside a profile);
    a file that cannot be read is read again each time (its problem is then current).
    """

    def __init__(
        self,
        read: Callable[[Path], T],
        depends: Callable[[Path, T], Iterable[Path]] = lambda path, result: (),
        bound: int = 256,
    ) -> None:
        self._read = read
        self._depends = depends
        self._bound = bound
        self._kept: dict[Path, tuple[Version, tuple[tuple[Path, Version], ...], T]] = {}

    def get(self, path: Path) -> T:
        """Return what reading ``path`` gives, from the cache while nothing changed."""
        current = version(path)
        kept = self._kept.get(path)
        if (
            kept is not None
            and current is not None
            and kept[0] == current
            and all(version(other) == seen for other, seen in kept[1])
        ):
            return kept[2]
        result = self._read(path)
        if current is not None:
            if len(self._kept) >= self._bound:
                self._kept.clear()
            others = tuple((other, version(other)) for other in self._depends(path, result))
            self._kept[path] = (current, others, result)
        return result

    def clear(self) -> None:
        """Forget every result (tests, or a caller that knows files changed)."""
        self._kept.clear()
