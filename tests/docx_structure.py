"""A rendered .docx as a structural listing, for proving two renderers make the same document.

Finer than :mod:`tests.docx_text`: every paragraph with its style, alignment and list
(which numbering it belongs to and where that list starts), every run with its
emphasis, tabs, breaks, fields and footnote references (resolved to the footnote's
text), and every table with its style, header rows, cell alignment, no-wrap and
borders. Ids that a renderer may choose freely (numIds, footnote ids, rsids) are
replaced by what they mean, so the listing is the same for equal documents.
Column widths are left out on purpose: they depend on the page geometry the
renderer reads (see the commit that made them follow the template).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


class _Package:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = set(self.zip.namelist())

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        return etree.fromstring(self.zip.read(name))


def structure(source: bytes | Path) -> list[str]:
    """Return the structural listing of a .docx (see the module docstring)."""
    data = source.read_bytes() if isinstance(source, Path) else source
    package = _Package(data)
    styles = _style_names(package.xml("word/styles.xml"))
    numbering = _numbering(package.xml("word/numbering.xml"))
    footnotes = _footnote_texts(package.xml("word/footnotes.xml"), styles)
    lists: dict[str, int] = {}
    lines: list[str] = []
    for name in sorted(n for n in package.names if n.startswith("word/header")):
        root = package.xml(name)
        assert root is not None
        lines += [f"koptekst {line}" for line in _blocks(root, styles, numbering, footnotes, lists)]
    document = package.xml("word/document.xml")
    assert document is not None
    body = document.find(_q("body"))
    assert body is not None
    lines += _blocks(body, styles, numbering, footnotes, lists)
    lines += [f"voetnoot {text}" for text in footnotes.values() if text is not None]
    lines += _properties(package.xml("docProps/core.xml"))
    return lines


def _blocks(
    parent: etree._Element,
    styles: dict[str, str],
    numbering: dict[str, tuple[str, int]],
    footnotes: dict[str, str | None],
    lists: dict[str, int],
) -> list[str]:
    lines: list[str] = []
    for child in parent:
        if child.tag == _q("p"):
            lines.append(_paragraph(child, styles, numbering, footnotes, lists))
        elif child.tag == _q("tbl"):
            lines += _table(child, styles, numbering, footnotes, lists)
        elif child.tag in (_q("sectPr"), _q("tcPr")):
            continue
        else:
            lines.append(f"<{etree.QName(child).localname}>")
    return lines


def _paragraph(
    p: etree._Element,
    styles: dict[str, str],
    numbering: dict[str, tuple[str, int]],
    footnotes: dict[str, str | None],
    lists: dict[str, int],
) -> str:
    p_pr = p.find(_q("pPr"))
    props = []
    if p_pr is not None:
        style = p_pr.find(_q("pStyle"))
        if style is not None:
            props.append(styles.get(style.get(_q("val")) or "", "?"))
        jc = p_pr.find(_q("jc"))
        if jc is not None:
            props.append(f"jc={jc.get(_q('val'))}")
        num_id = p_pr.find("w:numPr/w:numId", _NS)
        if num_id is not None:
            value = num_id.get(_q("val")) or ""
            # -- a list is known by the order it first appears in, not by its numId --
            ordinal = lists.setdefault(value, len(lists) + 1)
            abstract, start = numbering.get(value, ("?", 1))
            props.append(f"lijst {ordinal} (abstract {abstract}, vanaf {start})")
    runs = "".join(_run(r, styles, footnotes) for r in p.iter(_q("r")))
    return f"P [{', '.join(props)}] {runs}"


def _run(r: etree._Element, styles: dict[str, str], footnotes: dict[str, str | None]) -> str:
    r_pr = r.find(_q("rPr"))
    marks = ""
    if r_pr is not None:
        for tag, mark in (("b", "B"), ("i", "I")):
            element = r_pr.find(_q(tag))
            if element is not None and element.get(_q("val"), "true") not in ("0", "false"):
                marks += mark
        style = r_pr.find(_q("rStyle"))
        if style is not None:
            marks += f"@{styles.get(style.get(_q('val')) or '', '?')}"
    pieces = []
    for child in r:
        tag = etree.QName(child).localname
        if tag == "t":
            pieces.append(child.text or "")
        elif tag == "tab":
            pieces.append("⇥")
        elif tag == "br":
            pieces.append("↵")
        elif tag == "fldChar":
            pieces.append(f"⟦{child.get(_q('fldCharType'))}⟧")
        elif tag == "instrText":
            pieces.append(f"⟦{(child.text or '').strip()}⟧")
        elif tag == "footnoteReference":
            pieces.append(f"⟦voetnoot: {footnotes.get(child.get(_q('id')) or '')}⟧")
        elif tag != "rPr":
            pieces.append(f"⟦{tag}⟧")
    text = "".join(pieces)
    return f"{{{marks}}}{text}" if marks else text


def _table(
    tbl: etree._Element,
    styles: dict[str, str],
    numbering: dict[str, tuple[str, int]],
    footnotes: dict[str, str | None],
    lists: dict[str, int],
) -> list[str]:
    style = tbl.find("w:tblPr/w:tblStyle", _NS)
    jc = tbl.find("w:tblPr/w:jc", _NS)
    columns = len(tbl.findall("w:tblGrid/w:gridCol", _NS))
    style_name = styles.get(style.get(_q("val")) or "", "?") if style is not None else "-"
    lines = [
        f"TABEL [{style_name}, "
        f"jc={jc.get(_q('val')) if jc is not None else '-'}, {columns} kolommen]"
    ]
    for tr in tbl.findall(_q("tr")):
        header = " kop" if tr.find("w:trPr/w:tblHeader", _NS) is not None else ""
        lines.append(f"  RIJ{header}")
        for tc in tr.findall(_q("tc")):
            tc_pr = tc.find(_q("tcPr"))
            props = []
            if tc_pr is not None:
                if tc_pr.find(_q("noWrap")) is not None:
                    props.append("noWrap")
                top = tc_pr.find("w:tcBorders/w:top", _NS)
                if top is not None:
                    props.append(f"rand boven {top.get(_q('val'))} {top.get(_q('sz'))}")
            cell = _blocks(tc, styles, numbering, footnotes, lists)
            lines.append(f"    CEL [{', '.join(props)}] " + " | ".join(cell))
    return lines


def _style_names(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}
    rv = {}
    for style in root.iter(_q("style")):
        name = style.find(_q("name"))
        rv[style.get(_q("styleId")) or ""] = (
            name.get(_q("val")) or "" if name is not None else "?"
        ).lower()
    return rv


def _numbering(root: etree._Element | None) -> dict[str, tuple[str, int]]:
    """numId → (abstractNumId, the number its first level starts at)."""
    if root is None:
        return {}
    starts = {}
    for abstract in root.iter(_q("abstractNum")):
        start = abstract.find("w:lvl[@w:ilvl='0']/w:start", _NS)
        starts[abstract.get(_q("abstractNumId"))] = (
            int(start.get(_q("val")) or 1) if start is not None else 1
        )
    rv = {}
    for num in root.iter(_q("num")):
        abstract_id = num.find(_q("abstractNumId"))
        abstract = abstract_id.get(_q("val")) or "" if abstract_id is not None else "?"
        override = num.find("w:lvlOverride[@w:ilvl='0']/w:startOverride", _NS)
        start = int(override.get(_q("val")) or 1) if override is not None else starts.get(abstract)
        rv[num.get(_q("numId")) or ""] = (abstract, start or 1)
    return rv


def _footnote_texts(root: etree._Element | None, styles: dict[str, str]) -> dict[str, str | None]:
    """footnote id → its text; separators map to None."""
    if root is None:
        return {}
    rv: dict[str, str | None] = {}
    for note in root.iter(_q("footnote")):
        note_id = note.get(_q("id")) or ""
        if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            rv[note_id] = None
            continue
        rv[note_id] = "".join(
            _run(r, styles, {}) if r.find(_q("footnoteRef")) is None else "⟦ref⟧"
            for r in note.iter(_q("r"))
        )
    return rv


def _properties(root: etree._Element | None) -> list[str]:
    if root is None:
        return []
    wanted = ("title", "subject", "creator", "language")
    return [
        f"eigenschap {etree.QName(child).localname}: {child.text or ''}"
        for child in root
        if etree.QName(child).localname in wanted
    ]
