"""One rendering of one document: the docxtpl template being filled, and its footnotes.

Footnote references are placed while prose is turned into Word objects, but
their texts can only be added to the footnotes part after docxtpl has rendered
(docxtpl re-renders that part as a template, and content text is never a
template).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from lxml import etree

from jeugddocs.compute.prose import Inline
from jeugddocs.errors import Problem, TemplateError

FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
_PLACEHOLDER = 1_000_000
FOOTNOTE_TEXT_STYLE = "footnote text"
FOOTNOTE_REFERENCE_STYLE = "footnote reference"


@dataclass
class RenderSession:
    """State shared by everything that turns a view into Word objects for one document."""

    template: DocxTemplate
    template_name: str
    voetnoten: dict[str, Inline] = field(default_factory=dict)
    _placed: list[tuple[int, str]] = field(default_factory=list)
    _style_ids: dict[str, str] = field(default_factory=dict)

    def new_subdoc(self) -> Subdoc:
        return self.template.new_subdoc()

    @property
    def docx(self) -> Any:
        """The python-docx document being rendered.

        Why not ``template.get_docx()``: after rendering, that reloads the
        template from its file and would throw the rendered body away.
        """
        if self.template.docx is None:
            self.template.init_docx()
        return self.template.docx

    def style_id(self, name: str) -> str:
        """Return the id of the style called ``name`` (case-insensitive), or fail clearly."""
        wanted = name.lower()
        if not self._style_ids:
            self._style_ids = {
                style.name.lower(): str(style.style_id)
                for style in self.docx.styles
                if style.name is not None
            }
        if wanted in self._style_ids:
            return self._style_ids[wanted]
        raise TemplateError(
            [
                Problem(
                    self.template_name,
                    1,
                    1,
                    f"het sjabloon mist de stijl '{name}'; voeg die "
                    "stijl in Word toe of herstel het sjabloon",
                )
            ]
        )

    def footnote_reference_xml(self, key: str) -> str:
        """Place footnote ``key`` here: return the XML of its reference run."""
        # -- a placeholder id, far above any a template has; write_footnotes gives the
        #    final ids once the whole document exists --
        number = _PLACEHOLDER + len(self._placed)
        self._placed.append((number, key))
        return (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:rPr><w:rStyle w:val="{self.style_id(FOOTNOTE_REFERENCE_STYLE)}"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )

    def add_footnote_reference(self, paragraph: Paragraph, key: str) -> None:
        paragraph._p.append(parse_xml(self.footnote_reference_xml(key)))

    def write_footnotes(self) -> None:
        """Add the text of every placed footnote to the template's footnotes part."""
        if not self._placed:
            return
        part = next(
            (p for p in self.docx.part.package.parts if p.content_type == FOOTNOTES_CONTENT_TYPE),
            None,
        )
        if part is None:
            raise TemplateError(
                [
                    Problem(
                        self.template_name,
                        1,
                        1,
                        "dit sjabloon kan geen voetnoten bevatten "
                        "(het mist het voetnotendeel); maak het opnieuw met "
                        "scripts/build_templates.py of voeg in Word één voetnoot toe en "
                        "verwijder die weer",
                    )
                ]
            )
        root = etree.fromstring(part.blob)
        text_style = self.style_id(FOOTNOTE_TEXT_STYLE)
        reference_style = self.style_id(FOOTNOTE_REFERENCE_STYLE)
        keys = dict(self._placed)
        # -- ids after the template's own footnotes, given in reading order (references were
        #    placed in view order), so the first note of the text is also the first id --
        taken = [int(note.get(qn("w:id"), "0")) for note in root.iter(qn("w:footnote"))]
        number = max([0, *taken])
        for reference in self.docx.element.body.iter(qn("w:footnoteReference")):
            placeholder = int(reference.get(qn("w:id"), "0"))
            if placeholder not in keys:
                continue  # -- the template's own footnote --
            number += 1
            reference.set(qn("w:id"), str(number))
            root.append(
                _footnote(number, self.voetnoten[keys[placeholder]], text_style, reference_style)
            )
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _footnote(number: int, runs: Inline, text_style: str, reference_style: str) -> etree._Element:
    footnote = OxmlElement("w:footnote", {qn("w:id"): str(number)})
    paragraph = OxmlElement("w:p")
    p_pr = OxmlElement("w:pPr")
    p_pr.append(OxmlElement("w:pStyle", {qn("w:val"): text_style}))
    paragraph.append(p_pr)
    mark = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    r_pr.append(OxmlElement("w:rStyle", {qn("w:val"): reference_style}))
    mark.append(r_pr)
    mark.append(OxmlElement("w:footnoteRef"))
    paragraph.append(mark)
    for index, run in enumerate(runs):
        paragraph.append(_text_run((" " if index == 0 else "") + run.text, run.bold, run.italic))
    footnote.append(paragraph)
    return footnote


def _text_run(text: str, bold: bool, italic: bool) -> etree._Element:
    run = OxmlElement("w:r")
    if bold or italic:
        r_pr = OxmlElement("w:rPr")
        if bold:
            r_pr.append(OxmlElement("w:b"))
        if italic:
            r_pr.append(OxmlElement("w:i"))
        run.append(r_pr)
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    return run
