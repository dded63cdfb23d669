"""A logo in the letterhead, from the sender's profile: a real picture in a valid package."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from jeugddocs import api
from tests.conftest import MINIMAL, libreoffice_pdfs


def png(width: int, height: int) -> bytes:
    """A small valid PNG: a grey rectangle."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def content(tmp_path: Path, logo: str = "logo.png", picture: bytes | None = None) -> Path:
    folder = tmp_path / "gemeenten"
    folder.mkdir()
    (folder / "hilversum.yaml").write_text(f"naam: Hilversum\nlogo: {logo}\n", encoding="utf-8")
    (folder / "logo.png").write_bytes(picture if picture is not None else png(80, 40))
    path = tmp_path / "voorstel.yaml"
    path.write_text(MINIMAL.replace("gemeente: Hilversum", "gemeente: hilversum"), encoding="utf-8")
    return path


def rendered(path: Path) -> bytes:
    return api.render(api.plan(api.check(path).valid(), "v"))[0].data


def test_the_logo_stands_in_the_first_page_header(tmp_path: Path) -> None:
    data = rendered(content(tmp_path))

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert "word/media/jd-beeld-1.png" in names
        types = package.read("[Content_Types].xml").decode()
        rels = [package.read(n).decode() for n in names if n.startswith("word/_rels/header")]
    assert 'Extension="png"' in types
    assert sum('Target="media/jd-beeld-1.png"' in r for r in rels) == 1
    header = Document(io.BytesIO(data)).sections[0].first_page_header
    drawings = header._element.xpath(".//w:drawing")
    assert len(drawings) == 1
    assert 'descr="Logo van Gemeente Hilversum"' in drawings[0].xml
    # -- 4 cm wide, height in proportion to 80 × 40 pixels --
    assert 'cx="1440000" cy="720000"' in drawings[0].xml


def test_a_document_with_a_logo_is_schema_valid(tmp_path: Path, openxml_audit: Any) -> None:
    path = tmp_path / "v.docx"
    path.write_bytes(rendered(content(tmp_path)))

    result = openxml_audit.OpenXmlValidator().validate(str(path))

    assert [str(e) for e in result.errors] == []


def test_libreoffice_shows_the_logo(tmp_path: Path) -> None:
    path = tmp_path / "v.docx"
    path.write_bytes(rendered(content(tmp_path)))

    (pdf,) = libreoffice_pdfs([path], tmp_path, timeout=180)

    assert re.search(rb"/Subtype\s*/Image", pdf.read_bytes())


@pytest.mark.parametrize(
    ("logo", "picture", "message"),
    [
        ("ontbreekt.png", None, "kan niet worden gelezen"),
        ("logo.png", b"GIF89a....", "geen PNG- of JPEG-plaatje"),
    ],
)
def test_a_logo_that_is_no_picture_is_a_problem_in_the_profile(
    tmp_path: Path, logo: str, picture: bytes | None, message: str
) -> None:
    path = content(tmp_path, logo, picture)

    (problem,) = api.check(path).problems

    assert problem.file.endswith("hilversum.yaml")
    assert (problem.line, problem.path) == (2, ("logo",))
    assert message in problem.message
