"""Create the starting Word templates of the shipped house styles in ``templates/<stijl>/``.

The .docx files are the source of truth once they exist: editors change them in
Word. This script only makes the first version (and a fresh one for a new
kind), so that every template shares one house style. Run it with
``python scripts/build_templates.py [--force]``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

# -- the tail of CT_Settings' child sequence (ECMA-376 §17.15.1.78), for inserting in order --
_SETTINGS_TAIL = (
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
FONT = "Arial"
#: A4 and its margins: the text is 16 cm wide.
PAGE_WIDTH, MARGIN = Cm(21), Cm(2.5)
NUMBERED = "Genummerde alinea"


def house_style(doc: DocxDocument) -> None:
    """Apply the shared house style: fonts, Dutch language, our own named styles."""
    _drop_styles_with_effects(doc)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _set_language(doc, "nl-NL")
    # -- (name, size, bold, italic): each heading level looks different from the next --
    for name, size, bold, italic in (
        ("Title", 18, True, False),
        ("Subtitle", 13, False, False),
        ("Heading 1", 13, True, False),
        ("Heading 2", 11, True, False),
        ("Heading 3", 10, True, True),
        ("Heading 4", 10, False, True),
    ):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x1F, 0x1F)
        style.font.bold = bold
        style.font.italic = italic
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 6)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        _use_fixed_font(style)
        _drop_border(style)
    for name in ("Header", "Footer"):
        styles[name].font.name = FONT
        styles[name].font.size = Pt(8)
    numbered = styles.add_style(NUMBERED, WD_STYLE_TYPE.PARAGRAPH)
    numbered.base_style = normal
    numbered.paragraph_format.left_indent = Cm(0.75)
    numbered.paragraph_format.first_line_indent = Cm(-0.75)
    numbered.paragraph_format.tab_stops.add_tab_stop(Cm(0.75), WD_TAB_ALIGNMENT.LEFT)
    _number_style(doc, numbered, Cm(0.75).twips)
    caption = styles.add_style("Tabeltitel", WD_STYLE_TYPE.PARAGRAPH)
    caption.base_style = normal
    caption.font.bold = True
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.keep_with_next = True
    note = styles.add_style("Tabelnoot", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size = Pt(8)
    note.font.italic = True
    table = styles.add_style("Tabel bedragen", WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    table.font.size = Pt(9)
    # -- Word's own (lower-case) names, so Word treats these as its built-in styles --
    footnote_text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
    footnote_text.base_style = normal
    footnote_text.font.size = Pt(8)
    footnote_text.paragraph_format.space_after = Pt(0)
    footnote_reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    footnote_reference.font.superscript = True
    for level in (1, 2, 3):
        # -- each entry's page number stands at the right margin, after a dotted tab --
        toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)
        toc.paragraph_format.tab_stops.add_tab_stop(
            PAGE_WIDTH - 2 * MARGIN, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    _add_footnotes_part(doc)
    for section in doc.sections:
        # -- A4, as every Dutch council document; python-docx starts from US Letter --
        section.page_width, section.page_height = PAGE_WIDTH, Cm(29.7)
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = Cm(2.5)
        section.bottom_margin = Cm(2)
        section.header_distance = section.footer_distance = Cm(1.25)


#: The numbering of decision points and bijlagen; a fixed id, so a rebuild changes nothing.
_LINES_NSID = "4A440001"


def _number_style(doc: DocxDocument, style: Any, indent: int) -> None:
    """Give ``style`` a numbering of its own, "1.", "2.", … hanging in its indent.

    Word numbers the style's paragraphs itself, so a screen reader and a tagged PDF see
    a list; the writer restarts it at 1 for every list (decision points, bijlagen).
    """
    numbering = doc.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstract_id = max(int(a.get(qn("w:abstractNumId"))) for a in abstracts) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{_LINES_NSID}"/><w:multiLevelType w:val="singleLevel"/>'
        f'<w:tmpl w:val="{_LINES_NSID}"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{style.style_id}"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    abstracts[-1].addnext(abstract)
    num = numbering.add_num(abstract_id)
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num.numId


def _drop_border(style: object) -> None:
    # -- python-docx's Title has a blue rule under it: not in any council's house style --
    p_pr = style.element.pPr  # type: ignore[attr-defined]
    border = p_pr.find(qn("w:pBdr")) if p_pr is not None else None
    if border is not None:
        p_pr.remove(border)


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """Add a Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when shown."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def page_numbers(footer: Any) -> None:
    """Put "Pagina x van y" at the right of a footer."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("Pagina ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" van ")
    _field(paragraph, "NUMPAGES", "1")


def _drop_styles_with_effects(doc: DocxDocument) -> None:
    # -- Word 2010's stylesWithEffects copy goes stale once styles change, and Word then
    #    reports "unreadable content"; it is optional, so leave it out --
    part = doc.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(r_id)


_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/>'
    "</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)


def _add_footnotes_part(doc: DocxDocument) -> None:
    """Give the template an (empty) footnotes part, where rendered footnotes go."""
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, _FOOTNOTES.encode(), doc.part.package
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    footnote_pr = OxmlElement("w:footnotePr")
    for number in ("-1", "0"):
        reference = OxmlElement("w:footnote")
        reference.set(qn("w:id"), number)
        footnote_pr.append(reference)
    _insert_setting(settings, footnote_pr, "w:footnotePr")


def _insert_setting(settings: Any, element: Any, tag: str) -> None:
    """Insert a settings child at its schema position (CT_Settings is a strict sequence)."""
    successors = _SETTINGS_TAIL[_SETTINGS_TAIL.index(tag) + 1 :]
    settings.insert_element_before(element, *successors)


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh fields (the table of contents) when the document opens."""
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    _insert_setting(doc.settings.element, element, "w:updateFields")


def _set_language(doc: DocxDocument, language: str) -> None:
    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)


def _use_fixed_font(style: object) -> None:
    # -- heading styles point at theme fonts; drop those so the house font applies --
    r_fonts = style.element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if r_fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            r_fonts.attrib.pop(qn(attribute), None)


def new_template(title: str, subtitle: str | None = None) -> DocxDocument:
    """Start a template in the house style: letterhead, title and (optional) subtitle."""
    doc = Document()
    house_style(doc)
    letterhead(doc, title)
    doc.add_paragraph(title, style="Title")
    if subtitle:
        doc.add_paragraph(subtitle, style="Subtitle")
    return doc


def letterhead(doc: DocxDocument, kind: str) -> None:
    """First page: the municipality and the kind in the header; later pages: the subject.

    Every page has "Pagina x van y" in the footer.
    """
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    # -- the logo from the sender's profile, when it has one, left above the letterhead --
    header = section.first_page_header
    header.paragraphs[0].text = "{%p if afzender.logo %}"
    header.add_paragraph("{{p afzender.logo }}")
    header.add_paragraph("{%p endif %}")
    first = header.add_paragraph(style="Header")
    first.text = "{{ afzender.briefhoofd }}"
    first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    first.runs[0].bold = True
    first.runs[0].font.size = Pt(12)
    line = section.first_page_header.add_paragraph(kind)
    line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    address = section.first_page_header.add_paragraph("{{ afzender.adresregel }}")
    address.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    following = section.header.paragraphs[0]
    # -- a nota's title is its subject: then the subject alone --
    following.text = (
        "{{ onderwerp_kort }}" if "{{" in kind else f"{kind} · {{{{ onderwerp_kort }}}}"
    )
    following.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page_numbers(section.first_page_footer)
    page_numbers(section.footer)


def field_table(doc: DocxDocument, rows: list[tuple[str, str, str | None]]) -> None:
    """Add a borderless label/value table; a row with a condition appears only when it holds.

    At least one row must be unconditional: Word rejects a table without rows.
    """
    if all(condition for _, _, condition in rows):
        raise ValueError("a field table needs at least one unconditional row")
    expanded: list[tuple[str, str]] = []
    for label, value, condition in rows:
        if condition:
            expanded += [(f"{{%tr if {condition} %}}", ""), (label, value), ("{%tr endif %}", "")]
        else:
            expanded.append((label, value))
    # -- the municipality's own fields (Forum, Agendapunt …), declared in its profile --
    expanded += [
        ("{%tr for veld in kopvelden %}", ""),
        ("{{ veld.label }}", "{{ veld.waarde }}"),
        ("{%tr endfor %}", ""),
    ]
    table = doc.add_table(rows=len(expanded), cols=2)
    alt_text(table, "Kenmerken", "Kenmerken van het stuk: per regel een gegeven en de waarde.")
    for row, (label, value) in zip(table.rows, expanded, strict=True):
        row.cells[0].width = Cm(4.5)
        row.cells[1].width = Cm(11.5)
        row.cells[0].paragraphs[0].add_run(label)
        row.cells[1].paragraphs[0].add_run(value)
    doc.add_paragraph()


def alt_text(table: Any, caption: str, description: str) -> None:
    """Give a table its title and description for screen readers (last in w:tblPr)."""
    properties = table._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        properties.append(element)


def optional_section(doc: DocxDocument, heading: str, field: str) -> None:
    doc.add_paragraph(f"{{%p if {field} %}}")
    doc.add_heading(heading, level=1)
    doc.add_paragraph(f"{{{{p {field} }}}}")
    doc.add_paragraph("{%p endif %}")


def numbered_arguments(doc: DocxDocument, field: str) -> None:
    # -- the number comes from the house style's scheme (huisstijl.yaml), and may be none --
    doc.add_paragraph(f"{{%p for item in {field} %}}")
    doc.add_heading("{% if item.nummer %}{{ item.nummer }} {% endif %}{{r item.kop }}", level=2)
    doc.add_paragraph("{{p item.tekst }}")
    doc.add_paragraph("{%p endfor %}")


def numbered_list(doc: DocxDocument, field: str) -> None:
    # -- the writer numbers it as a real Word list (style "Genummerde alinea"), or leaves a
    #    single decision point bare when the house style says so --
    doc.add_paragraph(f"{{{{p {field} }}}}")


def signature(doc: DocxDocument, left: tuple[str, str], right: tuple[str, str]) -> None:
    """Add a two-column signature block: roles on the first row, names below."""
    table = doc.add_table(rows=2, cols=2)
    alt_text(table, "Ondertekening", "Wie het stuk ondertekenen: de functie, met de naam eronder.")
    for column, (role, name) in enumerate((left, right)):
        table.cell(0, column).paragraphs[0].add_run(role)
        cell = table.cell(1, column).paragraphs[0]
        cell.paragraph_format.space_before = Pt(36)
        cell.add_run(name)


def college_signature(doc: DocxDocument, opening: str) -> None:
    """Sign on behalf of the college: secretaris and burgemeester, names from the content."""
    closing = doc.add_paragraph(opening)
    closing.paragraph_format.space_before = Pt(18)
    signature(
        doc,
        ("de secretaris,", "{{ ondertekening.secretaris or '……………………' }}"),
        ("de burgemeester,", "{{ ondertekening.burgemeester or '……………………' }}"),
    )


#: The headings of a proposal, per house style: the same sections, the council's own words.
HEADINGS = {
    "kern": "Kern van het voorstel",
    "besluit": "Voorgesteld besluit",
    "aanleiding": "Aanleiding",
    "effect": "Beoogd effect",
    "argumenten": "Argumenten",
    "kanttekeningen": "Kanttekeningen en risico's",
    "financien": "Financiële consequenties",
    "partijen": "Betrokken partijen / participatie",
    "communicatie": "Communicatie",
    "uitvoering": "Uitvoering en verdere procedure",
    "kader": "Bestuurlijk kader",
}
QUESTION_HEADINGS = {
    "kern": "Waar gaat het over?",
    "besluit": "Wat stellen wij voor?",
    "aanleiding": "Waarom ligt dit voorstel voor?",
    "effect": "Wat willen we bereiken?",
    "argumenten": "Waarom stellen wij dit voor?",
    "kanttekeningen": "Wat zijn de risico's?",
    "financien": "Wat mag het kosten?",
    "partijen": "Wie zijn erbij betrokken?",
    "communicatie": "Hoe communiceren we?",
    "uitvoering": "Hoe gaan we verder?",
    "kader": "Welke regels gelden?",
}


def raadsvoorstel(
    headings: dict[str, str] = HEADINGS, decision_first: bool = False
) -> DocxDocument:
    doc = new_template("Raadsvoorstel", "{{ onderwerp }}")
    field_table(
        doc,
        [
            ("Aan", "de gemeenteraad", None),
            ("Van", "het college van burgemeester en wethouders", None),
            ("Datum", "{{ datum | datum }}", None),
            ("Portefeuillehouder", "{{ portefeuillehouder }}", "portefeuillehouder"),
            ("Programma", "{{ programma }}", "programma"),
            ("Zaaknummer", "{{ zaaknummer }}", "zaaknummer"),
        ],
    )
    if decision_first:
        # -- the decision directly under the title block, as some councils have it --
        lead = doc.add_paragraph("Het college van burgemeester en wethouders stelt de raad voor:")
        lead.runs[0].bold = True
        lead.paragraph_format.keep_with_next = True
        numbered_list(doc, "beslispunten")
    doc.add_paragraph("{%p if kern %}")
    doc.add_heading(headings["kern"], level=1)
    doc.add_paragraph("{{p kern }}")
    doc.add_paragraph("{%p endif %}")
    if not decision_first:
        doc.add_heading(headings["besluit"], level=1)
        numbered_list(doc, "beslispunten")
    doc.add_heading(headings["aanleiding"], level=1)
    doc.add_paragraph("{{p aanleiding }}")
    optional_section(doc, headings["effect"], "beoogd_effect")
    doc.add_heading(headings["argumenten"], level=1)
    numbered_arguments(doc, "argumenten")
    doc.add_paragraph("{%p if kanttekeningen %}")
    doc.add_heading(headings["kanttekeningen"], level=1)
    numbered_arguments(doc, "kanttekeningen")
    doc.add_paragraph("{%p endif %}")
    financien(doc, headings["financien"])
    optional_section(doc, headings["partijen"], "betrokken_partijen")
    optional_section(doc, headings["communicatie"], "communicatie")
    optional_section(doc, headings["uitvoering"], "uitvoering")
    optional_section(doc, headings["kader"], "bestuurlijk_kader")
    bijlagen(doc)
    college_signature(doc, "Het college van burgemeester en wethouders van {{ gemeente }},")
    return doc


def raadsbesluit(
    opening: str = "De raad van de gemeente {{ gemeente }};", decision: str = "besluit:"
) -> DocxDocument:
    """The besluit; councils word its opening line and its "besluit:" differently."""
    doc = new_template("Raadsbesluit", "{{ onderwerp }}")
    doc.add_paragraph("{%p if zaaknummer %}")
    doc.add_paragraph("Zaaknummer: {{ zaaknummer }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph(opening)
    # -- the considerans: each kind of line only when the besluit has it --
    doc.add_paragraph("{%p if gelezen %}")
    doc.add_paragraph("gelezen {{r gelezen }};")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for regel in gehoord %}")
    doc.add_paragraph("gehoord {{r regel }};")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for regel in overwegende %}")
    doc.add_paragraph("overwegende {{r regel }};")
    doc.add_paragraph("{%p endfor %}")
    # -- one line or a list, as the house style's huisstijl.yaml says (gelet_op) --
    doc.add_paragraph("{%p if gelet_op and gelet_op_als_lijst %}")
    doc.add_paragraph("gelet op:").paragraph_format.keep_with_next = True
    doc.add_paragraph("{%p for regel in gelet_op %}")
    doc.add_paragraph("{{ regel }};", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p elif gelet_op %}")
    doc.add_paragraph("gelet op {{ gelet_op | opsomming }};")
    doc.add_paragraph("{%p endif %}")
    besluit = doc.add_paragraph()
    # -- "besluit:" never stands alone at the bottom of a page, apart from what is decided --
    besluit.paragraph_format.keep_with_next = True
    run = besluit.add_run(decision)
    run.bold = True
    if decision.isupper():
        # -- spaced capitals by character spacing, so search and screen readers see a word --
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), "60")
        run._r.get_or_add_rPr().append(spacing)
    numbered_list(doc, "beslispunten")
    closing = doc.add_paragraph(
        "Aldus besloten in de openbare vergadering van "
        "{% if vergadering %}{{ vergadering | datum }}{% else %}……………………{% endif %}."
    )
    closing.paragraph_format.space_before = Pt(18)
    signature(
        doc,
        ("De griffier,", "{{ griffier or '……………………' }}"),
        ("De voorzitter,", "{{ voorzitter or '……………………' }}"),
    )
    return doc


def financien(doc: DocxDocument, heading: str) -> None:
    doc.add_heading(heading, level=1)
    doc.add_paragraph("{{p financien.tekst }}")
    doc.add_paragraph("{%p for tabel in financien.tabellen %}")
    doc.add_paragraph("{{p tabel }}")
    doc.add_paragraph("{%p endfor %}")
    # -- in the document of one participant of a regional proposal: its own part --
    doc.add_paragraph("{%p if deelnemer and deelnemer.tekst %}")
    doc.add_paragraph("{{p deelnemer.tekst }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if financien.toelichting %}")
    doc.add_paragraph("{{p financien.toelichting }}")
    doc.add_paragraph("{%p endif %}")


def bijlagen(doc: DocxDocument) -> None:
    doc.add_paragraph("{%p if bijlagen %}")
    doc.add_heading("Bijlagen", level=1)
    numbered_list(doc, "bijlagen")
    doc.add_paragraph("{%p endif %}")


def secties(doc: DocxDocument) -> None:
    doc.add_paragraph("{%p if secties %}")
    doc.add_paragraph("{{p secties }}")
    doc.add_paragraph("{%p endif %}")


STELLER = (
    "{{ steller.naam }}{% if steller.email %}, {{ steller.email }}{% endif %}"
    "{% if steller.telefoon %}, {{ steller.telefoon }}{% endif %}"
)


#: The headings of a collegevoorstel, per house style.
COLLEGE_HEADINGS = {
    "voorstel": "Voorstel",
    "samenvatting": "Samenvatting",
    "aanleiding": "Aanleiding",
    "doel": "Doel",
    "argumenten": "Argumenten",
    "kanttekeningen": "Kanttekeningen",
    "financien": "Financiën",
    "uitvoering": "Uitvoering",
    "communicatie": "Communicatie",
}
COLLEGE_QUESTION_HEADINGS = {
    "voorstel": "Wat stellen wij voor?",
    "samenvatting": "Waar gaat het over?",
    "aanleiding": "Waarom ligt dit voorstel voor?",
    "doel": "Wat willen we bereiken?",
    "argumenten": "Waarom stellen wij dit voor?",
    "kanttekeningen": "Wat zijn de risico's?",
    "financien": "Wat mag het kosten?",
    "uitvoering": "Hoe gaan we verder?",
    "communicatie": "Hoe communiceren we?",
}


def collegevoorstel(headings: dict[str, str] = COLLEGE_HEADINGS) -> DocxDocument:
    doc = new_template("Collegevoorstel", "{{ onderwerp }}")
    field_table(
        doc,
        [
            ("Aan", "{{ aan or 'het college van burgemeester en wethouders' }}", None),
            ("Datum", "{{ datum | datum }}", None),
            ("Afdeling", "{{ afdeling }}", "afdeling"),
            ("Steller", STELLER, "steller"),
            ("Portefeuillehouder", "{{ portefeuillehouder }}", "portefeuillehouder"),
            ("Zaaknummer", "{{ zaaknummer }}", "zaaknummer"),
        ],
    )
    doc.add_heading(headings["voorstel"], level=1)
    numbered_list(doc, "beslispunten")
    doc.add_heading(headings["samenvatting"], level=1)
    doc.add_paragraph("{{p samenvatting }}")
    doc.add_heading(headings["aanleiding"], level=1)
    doc.add_paragraph("{{p aanleiding }}")
    optional_section(doc, headings["doel"], "doel")
    doc.add_heading(headings["argumenten"], level=1)
    numbered_arguments(doc, "argumenten")
    doc.add_paragraph("{%p if kanttekeningen %}")
    doc.add_heading(headings["kanttekeningen"], level=1)
    numbered_arguments(doc, "kanttekeningen")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if financien %}")
    financien(doc, headings["financien"])
    doc.add_paragraph("{%p endif %}")
    optional_section(doc, headings["uitvoering"], "uitvoering")
    optional_section(doc, headings["communicatie"], "communicatie")
    bijlagen(doc)
    return doc


#: The headings of a raadsinformatiebrief, per house style.
RIB_HEADINGS = {"inleiding": "Inleiding", "kernboodschap": "Kernboodschap"}
RIB_QUESTION_HEADINGS = {
    "inleiding": "Waarom krijgt u deze brief?",
    "kernboodschap": "Wat willen wij u laten weten?",
}


def raadsinformatiebrief(headings: dict[str, str] = RIB_HEADINGS) -> DocxDocument:
    doc = new_template("Raadsinformatiebrief", "{{ onderwerp }}")
    field_table(
        doc,
        [
            ("Aan", "{{ aan }}", None),
            ("Datum", "{{ datum | datum }}", None),
            ("Portefeuillehouder", "{{ portefeuillehouder }}", "portefeuillehouder"),
            ("Zaaknummer", "{{ zaaknummer }}", "zaaknummer"),
            ("Inlichtingen bij", STELLER, "steller"),
        ],
    )
    doc.add_heading(headings["inleiding"], level=1)
    doc.add_paragraph("{{p inleiding }}")
    doc.add_heading(headings["kernboodschap"], level=1)
    doc.add_paragraph("{{p kernboodschap }}")
    secties(doc)
    bijlagen(doc)
    college_signature(doc, "Burgemeester en wethouders van {{ gemeente }},")
    return doc


def memo(introduction: str = "Inleiding") -> DocxDocument:
    doc = new_template("Memo")
    field_table(
        doc,
        [
            ("Aan", "{{ aan }}", None),
            ("Van", "{{ van }}", None),
            ("Datum", "{{ datum | datum }}", None),
            ("Onderwerp", "{{ onderwerp }}", None),
            ("Portefeuillehouder", "{{ portefeuillehouder }}", "portefeuillehouder"),
            ("Zaaknummer", "{{ zaaknummer }}", "zaaknummer"),
        ],
    )
    doc.add_heading(introduction, level=1)
    doc.add_paragraph("{{p inleiding }}")
    secties(doc)
    bijlagen(doc)
    return doc


def sectioned(first_rows: list[tuple[str, str, str | None]]) -> DocxDocument:
    """A document of free sections (nota, rapportage): title block, contents, sections."""
    doc = new_template("{{ onderwerp }}", "{{ afzender.briefhoofd }}")
    update_fields_on_open(doc)
    field_table(
        doc,
        [
            *first_rows,
            ("Datum", "{{ datum | datum }}", None),
            ("Aan", "{{ aan }}", "aan"),
            ("Van", "{{ van }}", "van"),
            ("Portefeuillehouder", "{{ portefeuillehouder }}", "portefeuillehouder"),
            ("Zaaknummer", "{{ zaaknummer }}", "zaaknummer"),
        ],
    )
    doc.add_paragraph("{%p if inhoudsopgave %}")
    doc.add_paragraph("Inhoud", style="TOC Heading")
    doc.add_paragraph("{{p inhoudsopgave }}")
    doc.add_paragraph("{%p endif %}")
    optional_section(doc, "Inleiding", "inleiding")
    secties(doc)
    bijlagen(doc)
    return doc


def nota() -> DocxDocument:
    return sectioned([])


def rapportage() -> DocxDocument:
    return sectioned([("Periode", "{{ periode }}", "periode")])


BUILDERS: dict[str, Callable[[], DocxDocument]] = {
    "raadsvoorstel": raadsvoorstel,
    "raadsbesluit": raadsbesluit,
    "collegevoorstel": collegevoorstel,
    "raadsinformatiebrief": raadsinformatiebrief,
    "memo": memo,
    "nota": nota,
    "rapportage": rapportage,
}


#: The shipped house styles: the kinds each has its own template for (the others come
#: from "standaard"), and its structure rules (huisstijl.yaml).
HOUSE_STYLES: dict[str, tuple[dict[str, Callable[[], DocxDocument]], str]] = {
    "standaard": (
        BUILDERS,
        "naam: Standaard\n"
        "beschrijving: Koppen als zakelijke titels; argumenten per beslispunt genummerd (1.1).\n"
        "argumenten: per_beslispunt\n"
        "kanttekeningen: per_beslispunt\n"
        "enkel_beslispunt_nummeren: true\n",
    ),
    "vragen": (
        {
            "raadsvoorstel": lambda: raadsvoorstel(QUESTION_HEADINGS),
            "collegevoorstel": lambda: collegevoorstel(COLLEGE_QUESTION_HEADINGS),
            "raadsinformatiebrief": lambda: raadsinformatiebrief(RIB_QUESTION_HEADINGS),
            "memo": lambda: memo("Waar gaat deze memo over?"),
        },
        "naam: Vragen\n"
        "beschrijving: Koppen als vragen (Wat willen we bereiken? Wat mag het kosten?).\n"
        "erft_van: standaard\n"
        "argumenten: per_beslispunt\n"
        "kanttekeningen: per_beslispunt\n",
    ),
    "plat": (
        {
            "raadsvoorstel": lambda: raadsvoorstel(decision_first=True),
            "raadsbesluit": lambda: raadsbesluit("De gemeenteraad van {{ gemeente }},", "BESLUIT:"),
        },
        "naam: Plat\n"
        "beschrijving: Het besluit direct onder de titel; argumenten doorlopend genummerd (1, "
        "2), kanttekeningen zonder nummer, één beslispunt zonder nummer, geen verplichte kern.\n"
        "verplicht: []\n"
        "erft_van: standaard\n"
        "argumenten: doorlopend\n"
        "kanttekeningen: geen\n"
        "enkel_beslispunt_nummeren: false\n"
        "gelet_op: lijst\n",
    ),
}


def clean_properties(doc: DocxDocument) -> None:
    """Leave nothing of python-docx's default document in the template's properties."""
    properties = doc.core_properties
    properties.author = "jeugddocs"
    properties.last_modified_by = "jeugddocs"
    properties.comments = ""
    properties.created = properties.modified = BUILT
    properties.revision = 1


def clean_application(path: Path) -> None:
    """Rewrite docProps/app.xml (python-docx ships one that names Mac Word and Normal.dotm),
    and date every entry of the zip :data:`BUILT`."""
    app = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>jeugddocs</Application>'
        "<DocSecurity>0</DocSecurity></Properties>"
    )
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            # -- the zip's own dates too, so that a rebuild gives the same bytes --
            info.date_time = BUILT.timetuple()[:6]
            target.writestr(info, app.encode() if info.filename == "docProps/app.xml" else data)


#: The date the shipped templates say they were made (fixed, so a rebuild changes nothing).
BUILT = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--force", action="store_true", help="overwrite existing templates")
    parser.add_argument("styles", nargs="*", default=list(HOUSE_STYLES))
    args = parser.parse_args(argv)
    for style in args.styles:
        builders, rules = HOUSE_STYLES[style]
        folder = TEMPLATES / style
        folder.mkdir(parents=True, exist_ok=True)
        targets = [(folder / f"{name}.docx", build) for name, build in builders.items()]
        for target, build in targets:
            if target.exists() and not args.force:
                sys.stderr.write(f"{target} bestaat al; gebruik --force om te overschrijven\n")
                continue
            document = build()
            clean_properties(document)
            document.save(str(target))
            clean_application(target)
            sys.stdout.write(f"{target}\n")
        settings = folder / "huisstijl.yaml"
        if args.force or not settings.exists():
            settings.write_text(rules, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
