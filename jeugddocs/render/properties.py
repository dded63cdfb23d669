"""The file's core properties (title, subject, author, language), which search, screen
readers and PDF export read; set from the view and not in the template, so content is
never a template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jeugddocs.render.wordml import escape

_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<cp:coreProperties "
    + " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES.items())
    + ">"
)
#: The file format allows 255 characters per property.
_MAX = 255


@dataclass(frozen=True)
class CoreProperties:
    """The template's core properties as (prefixed tag, attributes, text), in their order."""

    fields: tuple[tuple[str, str, str], ...]

    @classmethod
    def parse(cls, xml: bytes | None) -> CoreProperties:
        """Read a template's ``docProps/core.xml`` (at load time; uses lxml)."""
        if not xml:
            return cls(())
        from lxml import etree

        prefixes = {uri: prefix for prefix, uri in _NAMESPACES.items()}
        fields = []
        for element in etree.fromstring(xml):
            if not isinstance(element.tag, str):
                continue
            name = etree.QName(element)
            prefix = prefixes.get(name.namespace or "")
            if prefix is None:
                continue
            attributes = "".join(
                f' {_prefixed(str(key), prefixes)}="{escape(str(value))}"'
                for key, value in element.attrib.items()
            )
            fields.append((f"{prefix}:{name.localname}", attributes, element.text or ""))
        return cls(tuple(fields))

    def render(self, values: dict[str, str]) -> bytes:
        """Return core.xml with ``values`` (prefixed tag → text) set, others as in the template."""
        body = ""
        for tag, attributes, text in self.fields:
            body += _element(tag, attributes, values.get(tag, text))
        present = {tag for tag, _, _ in self.fields}
        for tag, text in values.items():
            if tag not in present:
                body += _element(tag, "", text)
        return f"{_HEAD}{body}</cp:coreProperties>".encode()


def describe(view: dict[str, Any]) -> dict[str, str]:
    """Return the properties a document gets from its view."""
    sender = view.get("afzender")
    if isinstance(sender, dict) and sender.get("briefhoofd"):
        gemeente = str(sender["briefhoofd"])  # -- the sender as its letterhead names it --
    else:
        gemeente = f"Gemeente {view['gemeente']}" if view.get("gemeente") else ""
    return {
        "dc:title": str(view.get("onderwerp") or "")[:_MAX],
        "dc:subject": str(view.get("soort") or "")[:_MAX],
        "dc:creator": gemeente[:_MAX],
        "dc:language": "nl-NL",
    }


def _element(tag: str, attributes: str, text: str) -> str:
    if not text:
        return f"<{tag}{attributes}/>"
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def _prefixed(key: str, prefixes: dict[str, str]) -> str:
    if key.startswith("{"):
        uri, local = key[1:].split("}", 1)
        return f"{prefixes.get(uri, 'xsi')}:{local}"
    return key
