"""Pictures into the package: a media part each, and a relationship from every part that
shows it (a header, the body), and their file type in the content types."""

from __future__ import annotations

from collections.abc import Callable

from jeugddocs.content.pictures import Picture
from jeugddocs.render.wordml import escape

_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EMPTY_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b"</Relationships>"
)
_CONTENT_TYPES = "[Content_Types].xml"


def rels_name(part: str) -> str:
    """The relationships part of ``part`` (``word/header2.xml`` → ``word/_rels/…rels``)."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def place(
    pictures: list[tuple[str, Picture]],
    rendered: dict[str, str],
    existing: Callable[[str], bytes | None],
) -> dict[str, bytes]:
    """Return the parts to add or change so that every placed picture shows.

    ``rendered`` is the XML of each rendered part; ``existing`` gives a part's current
    bytes (or None). The media parts are among the returned parts.
    """
    changed: dict[str, bytes] = {}
    kinds: set[str] = set()
    for index, (rid, picture) in enumerate(pictures, start=1):
        media = f"word/media/jd-beeld-{index}.{picture.soort}"
        changed[media] = picture.data
        kinds.add(picture.soort)
        for part, xml in rendered.items():
            if f'r:embed="{rid}"' not in xml:
                continue
            name = rels_name(part)
            current = changed.get(name) or existing(name) or _EMPTY_RELS
            target = media.removeprefix(part.rpartition("/")[0] + "/")
            relationship = (
                f'<Relationship Id="{escape(rid)}" Type="{_IMAGE}" Target="{escape(target)}"/>'
            ).encode()
            changed[name] = current.replace(b"</Relationships>", relationship + b"</Relationships>")
    types = existing(_CONTENT_TYPES)
    if types is not None:
        for kind in sorted(kinds):
            if f'Extension="{kind}"'.encode() not in types:
                default = f'<Default Extension="{kind}" ContentType="image/{kind}"/>'.encode()
                types = types.replace(b"<Default ", default + b"<Default ", 1)
        changed[_CONTENT_TYPES] = types
    return changed
