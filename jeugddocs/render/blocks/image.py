"""Images as Word drawings: a logo in the letterhead, from the sender's profile, and the
pictures of charts in the body.

The drawing refers to its picture by a relationship id; the writer notes the picture
and :mod:`jeugddocs.render.compiled` adds the media part and the relationship to the
part the drawing ended up in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jeugddocs.content.pictures import Picture
from jeugddocs.render.wordml import escape

if TYPE_CHECKING:
    from jeugddocs.render.writer import DocumentWriter

_EMU_PER_CM = 360_000
# -- a drawing id far above those of the body, so the two never meet --
_FIRST_ID = 9001


def write_picture(out: DocumentWriter, picture: Picture) -> str:
    """A paragraph holding the picture, ``picture.breedte_cm`` wide, its height in proportion."""
    return f"<w:p>{drawing_run(out, picture)}</w:p>"


def drawing_run(out: DocumentWriter, picture: Picture) -> str:
    """A run holding the picture as an inline drawing, with its alt text and title."""
    rid = out.picture(picture)
    cx = round(picture.breedte_cm * _EMU_PER_CM)
    cy = round(cx * picture.hoogte / picture.breedte)
    number = _FIRST_ID + len(out.pictures)
    name = escape(picture.naam)
    alt = escape(picture.beschrijving)
    title = f' title="{escape(picture.titel)}"' if picture.titel else ""
    return (
        "<w:r><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{number}" name="{name}" descr="{alt}"{title}/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        "<pic:blipFill>"
        f'<a:blip r:embed="{rid}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
    )
