"""Render a Word template with a view, to bytes; template errors become problems.

A :class:`WordTemplate` is loaded and checked once and can render many
documents: loading is separate from rendering so that a batch, a web form or a
benchmark pays for reading and checking a template only once.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateAssertionError

from jeugddocs.content.models.parts import MAX_DEPTH
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.format import FormatInputError
from jeugddocs.render.context import build_context
from jeugddocs.render.environment import template_environment
from jeugddocs.render.prose import BULLET_STYLE, NUMBER_STYLE
from jeugddocs.render.session import (
    FOOTNOTE_REFERENCE_STYLE,
    FOOTNOTE_TEXT_STYLE,
    RenderSession,
)
from jeugddocs.render.tables import CAPTION_STYLE, NOTE_STYLE, TABLE_STYLE

#: Styles the renderer creates content in; a template without them cannot be used.
REQUIRED_STYLES = (
    BULLET_STYLE,
    NUMBER_STYLE,
    CAPTION_STYLE,
    NOTE_STYLE,
    TABLE_STYLE,
    FOOTNOTE_TEXT_STYLE,
    FOOTNOTE_REFERENCE_STYLE,
    *(f"Heading {level}" for level in range(1, MAX_DEPTH + 1)),
    *(f"toc {level}" for level in range(1, MAX_DEPTH + 1)),
)

# -- a whole tag left in the output; a lone "}}" can be content ("Foo }}") --
_LEFTOVER_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


class WordTemplate:
    """A Word template read and checked once, ready to render documents."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        try:
            self._blob = path.read_bytes()
            document = open_docx(io.BytesIO(self._blob))
        except Exception as exc:
            raise TemplateError(
                [
                    Problem(
                        self.name,
                        1,
                        1,
                        f"het sjabloon kan niet worden gelezen als Word-bestand (.docx): {exc}",
                    )
                ]
            ) from None
        problems = self._missing_styles(document)
        if not any(rel.reltype == RT.NUMBERING for rel in document.part.rels.values()):
            problems.append(
                Problem(
                    self.name,
                    1,
                    1,
                    "het sjabloon kan geen genummerde lijsten maken (het mist de nummering); "
                    "maak het opnieuw met scripts/build_templates.py",
                )
            )
        problems += self._syntax_problems()
        if problems:
            raise TemplateError(problems)

    def variables(self) -> set[str]:
        """Return the top-level names this template asks for."""
        rv: set[str] = DocxTemplate(io.BytesIO(self._blob)).get_undeclared_template_variables(
            template_environment()
        )
        return rv

    def render(self, view: dict[str, Any]) -> bytes:
        """Render ``view`` into a complete .docx, returned as bytes."""
        template = DocxTemplate(io.BytesIO(self._blob))
        session = RenderSession(template, self.name)
        context = build_context(session, view)
        try:
            template.render(context, template_environment(), autoescape=True)
        except (
            JinjaTemplateError,
            SecurityError,
            FormatInputError,
            TypeError,
            ArithmeticError,
            ValueError,
            LookupError,
        ) as exc:
            # -- a filter used wrongly in the template ({{ datum | euro }}) is the editor's
            #    to fix, so it is reported at its paragraph like any other template error --
            raise TemplateError([self._render_problem(exc)]) from None
        session.write_footnotes()
        _describe_document(session.docx, view)
        out = io.BytesIO()
        template.save(out)
        data = out.getvalue()
        self._check_output(data)
        return data

    def _missing_styles(self, document: Any) -> list[Problem]:
        names = {style.name.lower() for style in document.styles if style.name}
        return [
            Problem(
                self.name,
                1,
                1,
                f"het sjabloon mist de stijl '{style}'; voeg die stijl in "
                "Word toe (Start > Stijlen) of herstel het sjabloon uit git",
            )
            for style in REQUIRED_STYLES
            if style.lower() not in names
        ]

    def _syntax_problems(self) -> list[Problem]:
        """Compile the body once, as docxtpl will, so broken tags and unknown filters
        are reported when the template is loaded rather than halfway through a batch."""
        template = DocxTemplate(io.BytesIO(self._blob))
        xml = _body_xml(template)
        try:
            template_environment().from_string(xml)
        except (TemplateSyntaxError, TemplateAssertionError) as exc:
            lines = [re.sub(r"<[^>]+>", "", line) for line in xml.splitlines()]
            return [self._problem_at(exc, lines, exc.lineno)]
        return []

    def _render_problem(self, exc: BaseException) -> Problem:
        context = [line for line in getattr(exc, "docx_context", []) if line.strip()]
        if context:
            return Problem(self.name, 1, 1, _explain(exc, context[len(context) // 2]))
        # -- runtime errors carry no line; find the paragraph whose tag names the culprit --
        lines = [
            re.sub(r"<[^>]+>", "", line)
            for line in _body_xml(DocxTemplate(io.BytesIO(self._blob))).splitlines()
        ]
        quoted = re.findall(r"'([^']+)'", str(exc))
        # -- "datum() takes 2 arguments": the paragraph that calls datum( with arguments --
        called = [f"{name}(" for name in re.findall(r"(\w+)\(\)", str(exc))]
        for name in [*called, *reversed(quoted)]:
            for index, line in enumerate(lines):
                if "{" in line and name in line:
                    return Problem(self.name, max(index, 1), 1, _explain(exc, line))
        return Problem(self.name, 1, 1, _explain(exc, ""))

    def _problem_at(self, exc: BaseException, lines: list[str], lineno: int | None) -> Problem:
        """Locate a problem at its paragraph: "line" N is the N-th paragraph of the body."""
        # -- lines[0] holds the body's opening tag; each later line starts a paragraph --
        index = max(min(lineno or 1, len(lines)) - 1, 0)
        text = lines[index] if lines else ""
        return Problem(self.name, max(index, 1), 1, _explain(exc, text))

    def _check_output(self, data: bytes) -> None:
        """Refuse output that still shows template tags, e.g. a tag Word split apart."""
        document = open_docx(io.BytesIO(data))
        if any(not table.rows for table in document.tables):
            raise TemplateError(
                [
                    Problem(
                        self.name,
                        1,
                        1,
                        "het resultaat bevat een tabel zonder rijen, die Word "
                        "niet kan openen; zorg dat in elke tabel van het sjabloon minstens één "
                        "rij zonder {%tr if %} staat",
                    )
                ]
            )
        leftovers = [text for text in _all_text(document) if _LEFTOVER_TAG.search(text)]
        if leftovers:
            raise TemplateError(
                [
                    Problem(
                        self.name,
                        1,
                        1,
                        f"in het resultaat staat nog een sjabloon-tag: "
                        f"'{text.strip()}'; typ de tag in Word opnieuw in één keer",
                    )
                    for text in leftovers
                ]
            )


def _all_text(document: Any) -> list[str]:
    """Return the text of every paragraph: body, table cells, headers and footers."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    return [
        "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        for part in parts
        for paragraph in part.iter(qn("w:p"))
    ]


def _describe_document(document: Any, view: dict[str, Any]) -> None:
    """Fill the file's properties (title, subject, language), which search, screen readers
    and PDF export read; set here and not in the template, so content is never a template."""
    properties = document.core_properties
    gemeente = f"Gemeente {view['gemeente']}" if view.get("gemeente") else ""
    # -- the file format allows 255 characters per property --
    properties.title = str(view.get("onderwerp") or "")[:255]
    properties.subject = str(view.get("soort") or "")[:255]
    properties.author = gemeente[:255]
    properties.language = "nl-NL"


def _body_xml(template: DocxTemplate) -> str:
    """Return the template's body as docxtpl feeds it to Jinja: one paragraph per line."""
    template.init_docx()
    xml = template.patch_xml(template.xml_to_string(template.docx._element.body))
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _explain(exc: BaseException, paragraph: str) -> str:
    where = f"in de alinea '{paragraph.strip()}': " if paragraph.strip() else ""
    if isinstance(exc, UndefinedError):
        return f"{where}het sjabloon vraagt een veld dat niet bestaat ({exc.message})"
    if isinstance(exc, TemplateAssertionError) and "filter" in str(exc):
        return f"{where}onbekend filter ({exc}); gebruik euro, euro_kort, getal, procent of datum"
    if isinstance(exc, SecurityError):
        return f"{where}het sjabloon probeert iets dat niet is toegestaan ({exc})"
    if isinstance(exc, FormatInputError):
        return f"{where}een filter krijgt een waarde die het niet kan opmaken ({exc})"
    if isinstance(exc, TypeError):
        return f"{where}een filter krijgt argumenten die het niet kent ({exc})"
    if isinstance(exc, TemplateSyntaxError):
        return (
            f"{where}de sjabloon-tag is ongeldig ({exc.message}); controleer {{{{ }}}} en {{% %}}"
        )
    return f"{where}fout in het sjabloon ({exc})"
