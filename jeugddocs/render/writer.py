"""Writing one document: the computed view turned into Word XML for the template.

A :class:`DocumentWriter` lives for one document. It knows what the template
offers (:class:`Layout`: style ids, the numbered-list definition, the text width)
and collects what must be added to other parts of the file while the body is
written: footnotes (placed here, numbered in reading order once the template has
put every field in its place) and list numbering that restarts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from jeugddocs.compute.charts import ChartView
from jeugddocs.compute.tables import TableView
from jeugddocs.compute.view import NumberedLines, Sections, TableOfContents
from jeugddocs.content.pictures import Picture
from jeugddocs.errors import Problem, TemplateError
from jeugddocs.format.tables import amount_widths_cm
from jeugddocs.markup.prose import Inline, ListBlock, Paragraph, Run
from jeugddocs.render import blocks
from jeugddocs.render.wordml import escape, run_properties, run_xml

FOOTNOTE_TEXT_STYLE = "footnote text"
FOOTNOTE_REFERENCE_STYLE = "footnote reference"
# -- a footnote reference's id until the template has placed every field: not a number, so
#    it can never be mistaken for one of the template's own footnotes --
FOOTNOTE_PLACEHOLDER = "jd-voetnoot-"
#: The view's footnote texts: the writer places them itself, a template never sees them.
FOOTNOTES = "voetnoten"


@dataclass(frozen=True)
class Layout:
    """What a template offers the writers, read once when the template is loaded."""

    template_name: str
    #: Style name in lower case → style id, for every style in the template.
    style_ids: dict[str, str]
    #: The abstract numbering of the numbered-list style, if it numbers at all.
    list_numbering: int | None
    #: The abstract numbering of decision points and bijlagen (their own style's, else
    #: the numbered list's).
    lines_numbering: int | None
    #: Highest numId the template uses; restarted lists get the ones after it.
    last_num_id: int
    #: Width between the page margins, in twentieths of a point (twips).
    text_width: int


BlockWriter = Callable[["DocumentWriter", Any], str]


class Lines(Markup):
    """A numbered list as Word XML for ``{{p veld }}``, whose lines a template can also
    loop over (``{% for punt in beslispunten %}{{r punt }}{% endfor %}``), count and test."""

    lines: list[Markup]

    def __new__(cls, xml: object = "", lines: list[Markup] | None = None) -> Lines:
        # -- Markup's own methods make new values of this class from text alone: those
        #    are text, with no lines of their own --
        rv = super().__new__(cls, xml)
        rv.lines = lines or []
        return rv

    def __iter__(self) -> Iterator[Markup]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


@dataclass
class DocumentWriter:
    """Turns view values into XML for one document, collecting footnotes and numbering."""

    layout: Layout
    #: Footnote texts by key, from the view.
    voetnoten: dict[str, Inline] = field(default_factory=dict)
    #: Keys of placed footnote references, by placeholder number.
    placed_footnotes: list[str] = field(default_factory=list)
    #: (numId, abstract numbering, start) of every list that restarts its numbering.
    restarted_lists: list[tuple[int, int, int]] = field(default_factory=list)
    #: Pictures placed, with the relationship id their drawing refers to.
    pictures: list[tuple[str, Picture]] = field(default_factory=list)
    #: Every table of the document, so each can be laid out like the others.
    tables: list[TableView] = field(default_factory=list)
    _columns: dict[int, list[list[str]]] = field(default_factory=dict)
    _widest_amount: float | None = None

    def amount_columns(self, table: TableView) -> list[list[str]]:
        """The formatted amount columns of ``table``, formatted once per document: the
        widths of all tables and the table itself use them."""
        key = id(table)  # -- the table stays in ``tables``, so its id is not reused --
        if key not in self._columns:
            self._columns[key] = blocks.table.amount_columns(table)
        return self._columns[key]

    def widest_amount_cm(self) -> float:
        """The width the widest amount of any table in the document needs (at least the
        standard width), worked out once."""
        if self._widest_amount is None:
            widths = [blocks.table.STANDARD_AMOUNT_CM]
            for table in self.tables:
                widths += amount_widths_cm(self.amount_columns(table))
            self._widest_amount = max(widths)
        return self._widest_amount

    def picture(self, picture: Picture) -> str:
        """Return the relationship id for ``picture``; the same picture keeps one."""
        for rid, known in self.pictures:
            if known is picture:
                return rid
        rid = f"rIdJdBeeld{len(self.pictures) + 1}"
        self.pictures.append((rid, picture))
        return rid

    def context(self, view: dict[str, Any]) -> dict[str, Any]:
        """Return the template context for ``view``: blocks and runs as ready Word XML."""
        self.voetnoten = view.get(FOOTNOTES) or {}
        self.tables = list(_tables_in(view))
        return {key: self._value(value) for key, value in view.items() if key != FOOTNOTES}

    def _value(self, value: Any) -> Any:
        if isinstance(value, NumberedLines):
            return Lines(self.block(value), [Markup(self.runs(item)) for item in value.items])
        if type(value) in WRITERS:
            return Markup(self.block(value))
        if isinstance(value, tuple) and value and isinstance(value[0], Run):
            return Markup(self.runs(value))
        if isinstance(value, tuple) and value and type(value[0]) in WRITERS:
            return Markup(self.blocks(value))
        if isinstance(value, dict):
            return {key: self._value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._value(item) for item in value]
        return value

    def block(self, value: Any) -> str:
        """Return the XML of one block, by the writer registered for its type."""
        return WRITERS[type(value)](self, value)

    def blocks(self, values: tuple[Any, ...]) -> str:
        """Return the XML of blocks in order; an introducing paragraph keeps with the next."""
        return "".join(
            blocks.prose.write_paragraph(self, value, keep_next=True)
            if index + 1 < len(values) and blocks.prose.introduces(value)
            else self.block(value)
            for index, value in enumerate(values)
        )

    def runs(self, runs: Inline) -> str:
        """Return the XML of inline runs, footnote marks included."""
        return "".join(
            run_xml(
                run,
                self.footnote_reference(run.voetnoot) if run.voetnoot is not None else "",
            )
            for run in runs
        )

    def style(self, name: str) -> str:
        """Return the id of the style called ``name`` (case-insensitive), or fail clearly."""
        try:
            return self.layout.style_ids[name.lower()]
        except KeyError:
            raise TemplateError(
                [
                    Problem(
                        self.layout.template_name,
                        1,
                        1,
                        f"het sjabloon mist de stijl '{name}'; voeg die stijl in Word toe of "
                        "herstel het sjabloon",
                    )
                ]
            ) from None

    def restarted_list(self, start: int, abstract: int | None) -> int | None:
        """Return a new numId for a list numbered by ``abstract`` that starts at ``start``.

        Why a numbering per list: Word continues a list style's numbering across
        the whole document, so the second numbered list would otherwise start at 4.
        """
        if abstract is None:
            return None
        num_id = self.layout.last_num_id + len(self.restarted_lists) + 1
        self.restarted_lists.append((num_id, abstract, start))
        return num_id

    def footnote_reference(self, key: str) -> str:
        """Place footnote ``key`` here: return its reference run, numbered later."""
        placeholder = f"{FOOTNOTE_PLACEHOLDER}{len(self.placed_footnotes)}"
        self.placed_footnotes.append(key)
        style = run_properties(style_id=self.style(FOOTNOTE_REFERENCE_STYLE))
        return f'<w:r>{style}<w:footnoteReference w:id="{escape(placeholder)}"/></w:r>'


#: The writer of each kind of block in the view: the one place a new block type is added.
WRITERS: dict[type, BlockWriter] = {
    Paragraph: blocks.prose.write_paragraph,
    ListBlock: blocks.prose.write_list,
    NumberedLines: blocks.prose.write_numbered_lines,
    TableView: blocks.table.write_table,
    Sections: blocks.sections.write_sections,
    TableOfContents: blocks.toc.write_toc,
    Picture: blocks.image.write_picture,
    ChartView: blocks.chart.write_chart,
}


def _tables_in(value: Any) -> Iterator[TableView]:
    """Yield every table in a view, in sections, lists and charts too."""
    if isinstance(value, TableView):
        yield value
    elif isinstance(value, ChartView):
        if value.tabel is not None:
            yield value.tabel
    elif isinstance(value, Sections):
        for section in value.walk():
            if section.tabel is not None:
                yield section.tabel
            if section.grafiek is not None and section.grafiek.tabel is not None:
                yield section.grafiek.tabel
    elif isinstance(value, dict):
        for item in value.values():
            yield from _tables_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _tables_in(item)
