"""Pictures for a document (a sender's logo, a chart): the bytes, and the size they show at.

Only PNG and JPEG, the formats Word and LibreOffice show everywhere; the pixel size is
read from the file's own header, so no image library is needed.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path


class PictureError(ValueError):
    """A file that is no PNG or JPEG picture we can read; the message is Dutch."""


@dataclass(frozen=True)
class Picture:
    """A picture to place in a document, ``breedte_cm`` wide, its height in proportion."""

    naam: str
    data: bytes
    soort: str  # -- "png" or "jpeg": the extension of its part, and its content type --
    breedte: int
    hoogte: int
    breedte_cm: float
    beschrijving: str
    #: A short title for the picture (a chart's caption); its ``beschrijving`` says the rest.
    titel: str = ""


def read_picture(path: Path, breedte_cm: float, beschrijving: str) -> Picture:
    """Read a PNG or JPEG file; raise PictureError when it is neither or cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        raise PictureError(f"het plaatje {path} kan niet worden gelezen") from None
    soort, size = _png(data) or _jpeg(data) or ("", None)
    if size is None:
        raise PictureError(f"{path.name} is geen PNG- of JPEG-plaatje; sla het logo op als PNG")
    width, height = size
    return Picture(path.name, data, soort, width, height, breedte_cm, beschrijving)


def _png(data: bytes) -> tuple[str, tuple[int, int]] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return ("png", (width, height)) if width and height else None


def _jpeg(data: bytes) -> tuple[str, tuple[int, int]] | None:
    if data[:2] != b"\xff\xd8":
        return None
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2 : index + 4])[0]
        # -- a start-of-frame marker (not DHT, JPG or DAC) holds height and width --
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return ("jpeg", (width, height)) if width and height else None
        index += 2 + length
    return None
