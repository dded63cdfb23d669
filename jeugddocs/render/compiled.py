"""A Word template compiled once, rendering documents straight to .docx bytes.

Loading a template reads its parts, applies docxtpl's own clean-up of tags
(so ``{{p }}``, ``{%p if %}``, ``{{r }}``, ``{%tr %}`` and tags Word split across
runs behave exactly as in docxtpl), compiles the Jinja source of the body,
headers, footers and footnotes once in the sandboxed strict environment, and
checks the contract: the styles the writers use, list numbering, and the page.
The result is cached on disk by the template's content (see :mod:`.cache`).

Rendering a document then only renders the compiled sources with a context of
ready Word XML (see :mod:`.writer`), numbers footnotes, adds restarted lists,
sets the properties, and zips: unchanged parts are copied as compressed bytes.
No python-docx document, docxtpl object or lxml tree is made per document.
"""

from __future__ import annotations

import marshal
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Template
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from jeugddocs.collector import held_off
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.format import TEMPLATE_FILTERS, FormatInputError
from jeugddocs.format.describe import quote
from jeugddocs.render import cache as disk_cache
from jeugddocs.render import environment, guard, locate, media
from jeugddocs.render.blocks.toc import fill_toc
from jeugddocs.render.bounds import Bounds
from jeugddocs.render.contract import REQUIRED_STYLES, read_contract
from jeugddocs.render.footnotes import number_footnotes
from jeugddocs.render.package import Part, read_parts, write_package
from jeugddocs.render.properties import CoreProperties, describe
from jeugddocs.render.writer import DocumentWriter, Layout

#: Errors a template can raise while rendering; each is the editor's to fix.
_RENDER_ERRORS = (
    JinjaTemplateError,
    SecurityError,
    FormatInputError,
    TypeError,
    ArithmeticError,
    ValueError,
    LookupError,
    # -- the bounds (see .bounds) keep these from happening; should one slip through, it
    #    is still the template's doing, and reported at its paragraph --
    RecursionError,
    MemoryError,
)
#: Changes whenever :class:`CompiledParts` changes what it holds: compiled templates are
#: cached on disk under a key that includes it, so none of an older shape is read back.
COMPILED_FORMAT = "nummering-1"
#: Largest part, and most parts, kept compressed for reuse by the next document.
_REUSED_PART_SIZE = 16_384
_REUSED_PARTS = 256
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
# -- a whole tag left in the output; a lone "}}" can be content ("Foo }}") --
_LEFTOVER_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
# -- docxtpl turns these characters in text into tabs, breaks and new paragraphs --
_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")
_DOC_PR = re.compile(r"(<wp:docPr\b[^>]*?\sid=\")\d+(\")")
_EMPTY_TABLE = re.compile(r"<w:tbl>(?:(?!<w:tr[ >]).)*?</w:tbl>", re.DOTALL)


@dataclass
class CompiledParts:
    """What compiling a template yields; plain data, so it can be cached on disk."""

    parts: list[Part]
    #: Part name → Jinja source, one Word paragraph per line.
    sources: dict[str, str]
    #: Part name → marshalled Jinja code of that source.
    codes: dict[str, bytes]
    body_part: str
    #: What stands around the body in the main part, which docxtpl does not template.
    body_frame: tuple[str, str]
    footnotes_part: str | None
    numbering_part: str
    core_part: str | None
    core: CoreProperties
    style_ids: dict[str, str]
    list_numbering: int | None
    lines_numbering: int | None
    last_num_id: int
    text_width: int
    #: The template has table tags ({%tc %}, colspan, merges) that docxtpl fixes up after.
    table_tags: bool
    #: The template has row tags ({%tr %}), which can leave a table without rows.
    row_tags: bool


@cache
def environment_of_templates() -> SandboxedEnvironment:
    """The one environment every template is compiled and rendered in."""
    return environment.template_environment()


class WordTemplate:
    """A Word template compiled and checked once, ready to render many documents."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise TemplateError(
                [Problem(self.name, 1, 1, f"het sjabloon kan niet worden gelezen ({exc.strerror})")]
            ) from None
        self.compiled = _load_compiled(blob, self.name)
        self.layout = Layout(
            template_name=self.name,
            style_ids=self.compiled.style_ids,
            list_numbering=self.compiled.list_numbering,
            lines_numbering=self.compiled.lines_numbering,
            last_num_id=self.compiled.last_num_id,
            text_width=self.compiled.text_width,
        )
        env = environment_of_templates()
        self._templates: dict[str, Template] = {
            part: env.template_class.from_code(env, marshal.loads(code), env.make_globals(None))
            for part, code in self.compiled.codes.items()
        }
        self._lines: dict[str, list[str]] = {}
        # -- small parts rendered the same for many documents (a header with the same
        #    municipality, footnotes without notes) are compressed once --
        self._compressed: dict[tuple[str, bytes], Part] = {
            (part.name, part.content()): part
            for part in self.compiled.parts
            if part.name in self._templates
        }

    def variables(self) -> set[str]:
        """Return the top-level names this template asks for."""
        from jinja2 import meta

        env = environment_of_templates()
        rv: set[str] = set()
        for source in self.compiled.sources.values():
            rv |= meta.find_undeclared_variables(env.parse(source))
        return rv

    @held_off()
    def render(self, view: dict[str, Any]) -> bytes:
        """Render ``view`` into a complete .docx, returned as bytes."""
        compiled = self.compiled
        out = DocumentWriter(self.layout)
        context = out.context(view)
        bounds = Bounds()
        rendered = {part: self._render_part(part, context, bounds) for part in self._templates}
        body_part = compiled.body_part
        body = rendered[body_part]
        body, footnotes = number_footnotes(
            out, body, rendered.get(compiled.footnotes_part or "", self._content_of_footnotes())
        )
        if "<wp:docPr" in body:
            body = _renumber_drawings(body)
        body = fill_toc(out, body)
        head, tail = compiled.body_frame
        rendered[body_part] = head + body + tail
        if compiled.table_tags:
            rendered[body_part] = self._fixed_tables(rendered[body_part])
        if footnotes is not None and compiled.footnotes_part:
            rendered[compiled.footnotes_part] = footnotes
        self._check_output(rendered)
        changed = {name: xml.encode("utf-8") for name, xml in rendered.items()}
        if out.restarted_lists:
            changed[compiled.numbering_part] = _add_lists(
                self._part_content(compiled.numbering_part), out
            )
        if compiled.core_part:
            changed[compiled.core_part] = compiled.core.render(describe(view))
        if out.pictures:
            changed.update(media.place(out.pictures, rendered, self._part_or_none))
        known = {part.name for part in compiled.parts}
        return write_package(
            [
                self._compress(part.name, changed[part.name]) if part.name in changed else part
                for part in compiled.parts
            ]
            + [Part.compress(name, data) for name, data in changed.items() if name not in known]
        )

    def _part_or_none(self, name: str) -> bytes | None:
        part = next((part for part in self.compiled.parts if part.name == name), None)
        return part.content() if part is not None else None

    def _compress(self, name: str, content: bytes) -> Part:
        if len(content) > _REUSED_PART_SIZE:
            return Part.compress(name, content)
        known = self._compressed.get((name, content))
        if known is None:
            if len(self._compressed) >= _REUSED_PARTS:
                self._compressed.clear()
            known = self._compressed[name, content] = Part.compress(name, content)
        return known

    def _render_part(self, part: str, context: dict[str, Any], bounds: Bounds) -> str:
        try:
            xml = environment.render_bounded(self._templates[part], context, bounds)
        except _RENDER_ERRORS as exc:
            # -- a filter used wrongly in the template ({{ datum | euro }}) is the editor's
            #    to fix, so it is reported at its paragraph like any other template error --
            raise TemplateError(
                [locate.render_problem(self.name, exc, self._paragraphs(part))]
            ) from None
        xml = xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
        # -- docxtpl's escapes for a literal tag in a template --
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if _LISTING.search(xml):
            xml = _resolve_listing(xml)
        if part == self.compiled.body_part:
            return xml
        return _DECLARATION + xml if not xml.startswith("<?xml") else xml

    def _fixed_tables(self, document: str) -> str:
        """Apply docxtpl's table fix-up, or say in Dutch why the body cannot have it.

        docxtpl reads the body with a parser that repairs broken XML in silence, and
        drops what follows a text of more than 10 MB: read it strictly first, so a
        template that writes broken XML is reported instead of cut short.
        """
        from lxml import etree

        try:
            etree.fromstring(document.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise self._broken_output(
                f"na het invullen is de hoofdtekst geen geldige Word-XML meer ({quote(str(exc))}); "
                "controleer de tags rond tabellen ({%tr %}, {%tc %}) en {% autoescape %}, en of "
                "er geen tekst van meer dan 10 MB in één stuk ontstaat"
            ) from None
        try:
            return _fix_tables(document)
        except (AttributeError, KeyError, TypeError, ValueError):
            # -- docxtpl expects each table to have its columns (w:tblGrid) --
            raise self._broken_output(
                "na het invullen heeft een tabel geen kolomindeling (w:tblGrid); maak de tabel "
                "in Word opnieuw"
            ) from None

    def _broken_output(self, message: str) -> TemplateError:
        return TemplateError([Problem(self.name, 1, 1, message)])

    def _paragraphs(self, part: str) -> list[str]:
        if part not in self._lines:
            self._lines[part] = locate.paragraphs(self.compiled.sources[part])
        return self._lines[part]

    def _part_content(self, name: str) -> bytes:
        content = self._part_or_none(name)
        if content is None:  # pragma: no cover - the contract names only parts it found
            raise KeyError(name)
        return content

    def _content_of_footnotes(self) -> str | None:
        name = self.compiled.footnotes_part
        return self._part_content(name).decode("utf-8") if name else None

    def _check_output(self, rendered: dict[str, str]) -> None:
        """Refuse output that still shows template tags, or a table left without rows.

        Checked on the XML in memory: a tag Word split in a way docxtpl cannot join
        stays as text, and a table whose every row was in ``{%tr if %}`` is a file
        Word cannot open.
        """
        problems = []
        if self.compiled.row_tags and _EMPTY_TABLE.search(rendered[self.compiled.body_part]):
            problems.append(
                Problem(
                    self.name,
                    1,
                    1,
                    "het resultaat bevat een tabel zonder rijen, die Word niet kan openen; zorg "
                    "dat in elke tabel van het sjabloon minstens één rij zonder {%tr if %} staat",
                )
            )
        for xml in rendered.values():
            if "{{" not in xml and "{%" not in xml and "{" not in "".join(_TEXT.findall(xml)):
                continue
            for paragraph in xml.split("</w:p>"):
                text = "".join(_TEXT.findall(paragraph))
                if _LEFTOVER_TAG.search(text):
                    problems.append(
                        Problem(
                            self.name,
                            1,
                            1,
                            f"in het resultaat staat nog een sjabloon-tag: '{text.strip()}'; "
                            "typ de tag in Word opnieuw in één keer",
                        )
                    )
        if problems:
            raise TemplateError(problems)


def _load_compiled(blob: bytes, name: str) -> CompiledParts:
    """Return the compiled template for ``blob``, from the disk cache when it has it."""
    import jinja2

    entry = disk_cache.key(
        blob, jinja2.__version__, environment.REVISION, COMPILED_FORMAT, *sorted(TEMPLATE_FILTERS)
    )
    cached = disk_cache.load(entry)
    if cached is not None:
        try:
            compiled = pickle.loads(cached)
        except Exception:  # -- a damaged entry is a miss; compiling again repairs it --
            compiled = None
        if isinstance(compiled, CompiledParts):
            return compiled
    compiled = _compile(blob, name)
    disk_cache.store(entry, pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
    return compiled


def _compile(blob: bytes, name: str) -> CompiledParts:
    """Read, clean up, check and compile a template (the slow part; see :mod:`.cache`)."""
    try:
        parts = read_parts(blob)
    except Exception as exc:
        raise TemplateError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"het sjabloon kan niet worden gelezen als Word-bestand (.docx): {exc}",
                )
            ]
        ) from None
    contract = read_contract(blob, parts, name)
    problems = list(contract.problems)
    codes: dict[str, bytes] = {}
    for part, source in contract.sources.items():
        if part in contract.unclosed:
            continue
        code, refused = compile_part(source, name)
        problems += refused
        if code is not None:
            codes[part] = code
    if problems:
        raise TemplateError(problems)
    return CompiledParts(
        parts=parts,
        sources=contract.sources,
        codes=codes,
        body_part=contract.body_part,
        body_frame=contract.body_frame,
        footnotes_part=contract.footnotes_part,
        numbering_part=contract.numbering_part,
        core_part=contract.core_part,
        core=contract.core,
        style_ids=contract.style_ids,
        list_numbering=contract.list_numbering,
        lines_numbering=contract.lines_numbering,
        last_num_id=contract.last_num_id,
        text_width=contract.text_width,
        table_tags=contract.table_tags,
        row_tags=contract.row_tags,
    )


def compile_part(source: str, name: str) -> tuple[bytes | None, list[Problem]]:
    """Compile one part's source; or return every tag in it that cannot be compiled."""
    env = environment_of_templates()
    lines = locate.paragraphs(source)
    cells = locate.cells(source)
    try:
        tree, refused = guard.prepare(env, source)
        if refused:
            return None, [locate.problem_at(name, tag, lines, tag.lineno, cells) for tag in refused]
        return marshal.dumps(env.compile(tree)), []
    except JinjaTemplateError as exc:
        return None, [locate.problem_at(name, exc, lines, getattr(exc, "lineno", None), cells)]
    except ValueError:
        # -- Jinja reads a number in a tag with int(), which refuses more than 4300 digits --
        refusal = guard.long_number(guard.busiest_line(env, source))
        return None, [locate.problem_at(name, refusal, lines, refusal.lineno, cells)]
    except (RecursionError, SyntaxError, MemoryError) as exc:
        # -- a tag nested so deep that Jinja's parser or Python's compiler gives up --
        line = guard.busiest_line(env, source)
        return None, [locate.problem_at(name, exc, lines, line, cells)]


def _add_lists(numbering: bytes, out: DocumentWriter) -> bytes:
    """Add a numbering instance per restarted list, after the template's own."""
    nums = "".join(
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        for num_id, abstract, start in out.restarted_lists
    ).encode()
    # -- w:num elements come after every w:abstractNum, and before numIdMacAtCleanup --
    at = numbering.find(b"<w:numIdMacAtCleanup")
    if at < 0:
        at = numbering.rindex(b"</w:numbering>")
    return numbering[:at] + nums + numbering[at:]


def _renumber_drawings(body: str) -> str:
    """Give every drawing a unique id, as docxtpl does (a repeated image shares one)."""
    counter = iter(range(1001, 1_000_000_000))
    return _DOC_PR.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(2)}", body)


def _fix_tables(document: str) -> str:
    """Apply docxtpl's column fix-up for templates that loop over cells or merge them."""
    from docxtpl import DocxTemplate
    from lxml import etree

    xml = document.split("?>", 1)[1] if document.startswith("<?xml") else document
    tree = DocxTemplate.fix_tables(DocxTemplate.__new__(DocxTemplate), xml)
    return _DECLARATION + etree.tostring(tree, encoding="unicode")


def _resolve_listing(xml: str) -> str:
    """Turn tabs, line breaks, ``\\a`` and ``\\f`` in text into Word's elements, as docxtpl."""
    from docxtpl import DocxTemplate

    rv: str = DocxTemplate.resolve_listing(DocxTemplate.__new__(DocxTemplate), xml)
    return rv


__all__ = ["REQUIRED_STYLES", "WordTemplate"]
