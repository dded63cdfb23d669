"""What a Word template offers and needs, read when it is compiled (never per document).

The template's parts are found through its relationships, not assumed by name;
the body, headers, footers and footnotes become Jinja sources after docxtpl's own
clean-up of tags, one Word paragraph per line; and the contract is checked: the
styles the writers use, list numbering, and the page the text is set on. Every
problem is collected, so an editor sees them all at once.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jeugddocs.content.models.parts import MAX_DEPTH
from jeugddocs.errors import Problem
from jeugddocs.format.describe import quote
from jeugddocs.render import locate
from jeugddocs.render.blocks.prose import BULLET_STYLE, NUMBER_STYLE, NUMBERED_LINES_STYLE
from jeugddocs.render.blocks.table import CAPTION_STYLE, NOTE_STYLE, TABLE_STYLE
from jeugddocs.render.package import Part
from jeugddocs.render.properties import CoreProperties
from jeugddocs.render.writer import FOOTNOTE_REFERENCE_STYLE, FOOTNOTE_TEXT_STYLE

#: Styles the writers create content in; a template without them cannot be used.
REQUIRED_STYLES = (
    BULLET_STYLE,
    NUMBER_STYLE,
    NUMBERED_LINES_STYLE,
    CAPTION_STYLE,
    NOTE_STYLE,
    TABLE_STYLE,
    FOOTNOTE_TEXT_STYLE,
    FOOTNOTE_REFERENCE_STYLE,
    *(f"Heading {level}" for level in range(1, MAX_DEPTH + 1)),
    *(f"toc {level}" for level in range(1, MAX_DEPTH + 1)),
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE_CORE = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
# -- docxtpl tags that change a table's columns, which it repairs after rendering --
_TABLE_TAGS = re.compile(r"\{%\s*(?:tc|hm|vm|colspan|cellbg)\b")
_ROW_TAGS = re.compile(r"\{%\s*tr\b")


@dataclass
class Contract:
    """A template's parts and layout, and every problem found in them."""

    sources: dict[str, str] = field(default_factory=dict)
    body_part: str = "word/document.xml"
    body_frame: tuple[str, str] = ("", "")
    footnotes_part: str | None = None
    numbering_part: str = ""
    core_part: str | None = None
    #: Parts with a tag that does not close: their Jinja errors would only follow from it.
    unclosed: set[str] = field(default_factory=set)
    core: CoreProperties = field(default_factory=lambda: CoreProperties(()))
    style_ids: dict[str, str] = field(default_factory=dict)
    list_numbering: int | None = None
    #: The abstract numbering linked to the style of decision points and bijlagen.
    lines_numbering: int | None = None
    last_num_id: int = 0
    text_width: int = 0
    table_tags: bool = False
    row_tags: bool = False
    problems: list[Problem] = field(default_factory=list)


def _q(name: str) -> str:
    return f"{{{_W}}}{name}"


class _UnreadablePart(Exception):
    def __init__(self, part: str, reason: str) -> None:
        super().__init__(reason)
        self.part = part


def read_contract(blob: bytes, parts: list[Part], name: str) -> Contract:
    """Read template ``name`` (its bytes and parts) into a :class:`Contract`."""
    contract = Contract()
    try:
        _read(blob, parts, name, contract)
    except _UnreadablePart as exc:
        contract.problems.append(Problem(name, 1, 1, _unreadable(exc.part, str(exc))))
    return contract


def _unreadable(part: str, reason: str) -> str:
    """Return the Dutch message for a part of the template that is no readable XML."""
    labels = {"header": "een koptekst", "footer": "een voettekst", "footnotes": "de voetnoten"}
    label = next((text for key, text in labels.items() if key in part), "een deel")
    # -- lxml refuses a text of more than 10 MB in one piece ("Text node too long") --
    advice = (
        "er staat meer dan 10 MB tekst in één stuk; verkort die tekst"
        if "too long" in reason or "huge" in reason.lower()
        else "open het sjabloon in Word en sla het opnieuw op"
    )
    detail = quote(reason, 120)
    return f"{label} van het sjabloon ({part}) is geen leesbare Word-XML ({detail}); {advice}"


def _read(blob: bytes, parts: list[Part], name: str, contract: Contract) -> None:
    from docxtpl import DocxTemplate
    from lxml import etree

    contents = {part.name: part for part in parts}

    def problem(message: str) -> None:
        contract.problems.append(Problem(name, 1, 1, message))

    def xml(part: str) -> Any:
        try:
            return etree.fromstring(contents[part].content())
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise _UnreadablePart(part, str(exc)) from None

    package_rels = _relationships(contents, xml, "")
    body_part = package_rels.get(_OFFICE + "officeDocument", [None])[0]
    if body_part is None or body_part not in contents:
        problem("het sjabloon is geen Word-document (het hoofddeel ontbreekt)")
        return
    contract.body_part = body_part
    contract.core_part = package_rels.get(_PACKAGE_CORE, [None])[0]
    if contract.core_part in contents:
        try:
            contract.core = CoreProperties.parse(contents[contract.core_part].content())
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise _UnreadablePart(contract.core_part, str(exc)) from None
    else:
        contract.core_part = None
    rels = _relationships(contents, xml, body_part)
    patcher = DocxTemplate(io.BytesIO(blob))

    # -- styles: the writers refer to them by id, editors know them by name --
    styles_part = rels.get(_OFFICE + "styles", [None])[0]
    styles = xml(styles_part) if styles_part in contents else None
    # -- the numId each numbered style refers to, by style name in lower case --
    style_nums: dict[str, str | None] = {}
    if styles is not None:
        for style in styles.iter(_q("style")):
            style_name = style.find(_q("name"))
            if style_name is None:
                continue
            lowered = (style_name.get(_q("val")) or "").lower()
            contract.style_ids.setdefault(lowered, style.get(_q("styleId")) or "")
            if lowered in (NUMBER_STYLE.lower(), NUMBERED_LINES_STYLE.lower()):
                num = style.find(f"{_q('pPr')}/{_q('numPr')}/{_q('numId')}")
                style_nums[lowered] = num.get(_q("val")) if num is not None else None
    for required in REQUIRED_STYLES:
        if required.lower() not in contract.style_ids:
            problem(
                f"het sjabloon mist de stijl '{required}'; voeg die stijl in Word toe "
                "(Start > Stijlen) of herstel het sjabloon uit git"
            )

    # -- numbering: numbered lists restart through numbering instances of their own --
    numbering_part = rels.get(_OFFICE + "numbering", [None])[0]
    if numbering_part not in contents:
        problem(
            "het sjabloon kan geen genummerde lijsten maken (het mist de nummering); "
            "maak het opnieuw met scripts/build_templates.py"
        )
    else:
        assert numbering_part is not None
        contract.numbering_part = numbering_part
        numbering = xml(numbering_part)
        num_ids = {}
        for num in numbering.iter(_q("num")):
            abstract = num.find(_q("abstractNumId"))
            num_ids[num.get(_q("numId"))] = (
                abstract.get(_q("val")) if abstract is not None else None
            )
        contract.last_num_id = max([0, *(int(n) for n in num_ids if n and n.isdigit())])

        def abstract_of(style_name: str) -> int | None:
            num_id = style_nums.get(style_name.lower())
            abstract_id = num_ids.get(num_id) if num_id else None
            return int(abstract_id) if abstract_id and abstract_id.isdigit() else None

        contract.list_numbering = abstract_of(NUMBER_STYLE)
        # -- a template whose numbered-paragraph style has no numbering of its own numbers
        #    decision points as a numbered list --
        contract.lines_numbering = abstract_of(NUMBERED_LINES_STYLE) or contract.list_numbering

    # -- the body: templated between the document's own opening and closing tags --
    document = etree.tostring(xml(body_part), encoding="unicode")
    start, end = document.find("<w:body"), document.rfind("</w:body>")
    if start < 0 or end < 0:
        problem("het sjabloon heeft een onverwachte opbouw (geen <w:body>); sla het op in Word")
        return
    end += len("</w:body>")
    declaration = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    contract.body_frame = (declaration + document[:start], document[end:])
    body = document[start:end]
    for message in unclosed_tags(xml(body_part)):
        problem(message)
        contract.unclosed.add(body_part)
    contract.table_tags = bool(_TABLE_TAGS.search(_text(body)))
    contract.row_tags = bool(_ROW_TAGS.search(_text(body)))
    contract.sources[body_part] = _lines(patcher.patch_xml(body))
    contract.text_width = _text_width(xml(body_part), problem)

    # -- headers and footers are templates too, as in docxtpl; so are footnotes --
    for kind in ("header", "footer"):
        for part in rels.get(_OFFICE + kind, []):
            if part in contents:
                for message in unclosed_tags(xml(part)):
                    problem(message)
                    contract.unclosed.add(part)
                source = etree.tostring(xml(part), encoding="unicode")
                contract.sources[part] = _lines(patcher.patch_xml(source))
    footnotes = rels.get(_OFFICE + "footnotes", [None])[0]
    if footnotes in contents:
        assert footnotes is not None
        contract.footnotes_part = footnotes
        try:
            source = contents[footnotes].content().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _UnreadablePart(footnotes, str(exc)) from None
        contract.sources[footnotes] = _lines(patcher.patch_xml(source))


def _relationships(
    contents: dict[str, Part], xml: Callable[[str], Any], source: str
) -> dict[str, list[str]]:
    """Return relationship type → target part names of part ``source`` ('' for the package)."""
    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels_name not in contents:
        return {}
    rv: dict[str, list[str]] = {}
    for rel in xml(rels_name):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        rv.setdefault(rel.get("Type") or "", []).append(posixpath.normpath(path))
    return rv


def _text_width(document: Any, problem: Callable[[str], None]) -> int:
    """Return the width between the margins of the template's last section, in twips."""
    size = document.find(f"{_q('body')}/{_q('sectPr')}/{_q('pgSz')}")
    margins = document.find(f"{_q('body')}/{_q('sectPr')}/{_q('pgMar')}")
    try:
        width = int(size.get(_q("w")))
        left = int(margins.get(_q("left")))
        right = int(margins.get(_q("right")))
    except (AttributeError, TypeError, ValueError):
        problem(
            "het sjabloon heeft geen paginaformaat of marges (Indeling > Pagina-instelling); "
            "stel die in Word in en sla het sjabloon opnieuw op"
        )
        return 0
    return width - left - right


_CLOSING = {"{{": "}}", "{%": "%}"}
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


def unclosed_tags(root: Any) -> list[str]:
    """Return a Dutch message for each paragraph whose tags do not open and close in pairs.

    Why before docxtpl: its ``{{p …}}`` pattern runs on to the next ``}}`` when one is
    missing and swallows the paragraphs between, so Jinja then blames a paragraph the
    editor did not touch. Word keeps a tag in one paragraph; so must the editor.
    """
    messages = []
    for paragraph in root.iter(_q("p")):
        text = "".join(node.text or "" for node in paragraph.iter(_q("t")))
        # -- invisible characters inside a tag are the split-tag check's to report --
        text = _INVISIBLE.sub("", text)
        if "{" not in text and "}" not in text:
            continue
        fault = _unbalanced(text)
        if fault is not None:
            cell = any(parent.tag == _q("tc") for parent in paragraph.iterancestors())
            messages.append(f"{locate.where(text, cell)}{fault}")
    return messages


def _unbalanced(text: str) -> str | None:
    """Why the tags in one paragraph's text are not in pairs, or None when they are.

    Inside a tag, quoted text is skipped: ``{{ "{:>8}".format(x) }}`` is one tag.
    """
    opened: str | None = None
    quote_mark: str | None = None
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        char = text[index]
        if quote_mark is not None:
            quote_mark = None if char == quote_mark else quote_mark
            index += 2 if char == "\\" else 1
            continue
        if opened is not None and char in "'\"":
            quote_mark = char
        elif pair in _CLOSING:
            if opened is not None:
                closing = _CLOSING[opened]
                return f"'{opened}' wordt niet gesloten met '{closing}' voor de volgende '{pair}'"
            opened = pair
            index += 2
            continue
        elif pair in ("}}", "%}") and (opened is None or _CLOSING[opened] == pair):
            if opened is None:
                return f"'{pair}' sluit een tag die niet geopend is"
            opened = None
            index += 2
            continue
        elif opened is not None and pair == _CLOSING["{%" if opened == "{{" else "{{"]:
            return f"'{pair}' sluit een tag die niet geopend is; verwacht was '{_CLOSING[opened]}'"
        index += 1
    if quote_mark is not None:
        return f"een tekst tussen {quote_mark} in de tag wordt niet gesloten"
    if opened is not None:
        return f"'{opened}' wordt niet gesloten; typ '{_CLOSING[opened]}' aan het eind van de tag"
    return None


def _text(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


def _lines(xml: str) -> str:
    """Put each Word paragraph on a line of its own, so a Jinja line is a paragraph."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
