"""Template errors located at the paragraph an editor sees in Word, in Dutch.

A template's Jinja source has one Word paragraph per line (the compiler puts a
line break before every ``<w:p``), so a Jinja line number is a paragraph, and
the paragraph's text without its XML is what the editor recognises.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable
from types import TracebackType

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateAssertionError

from jeugddocs.errors import Problem
from jeugddocs.format import FormatInputError
from jeugddocs.format.describe import quote
from jeugddocs.render.bounds import BoundError
from jeugddocs.render.environment import filter_descriptions

_TAG = re.compile(r"<[^>]+>")
_CELL_OPEN = re.compile(r"<w:tc[ >]")
_NO_FILTER = re.compile(r"No filter named '([^']*)'")
# -- Python's own text of an error can quote a whole value; a message stays readable --
_DETAIL = 200


def paragraphs(source: str) -> list[str]:
    """Return the text of each line of a template source, as the editor sees it."""
    return [_TAG.sub("", line) for line in source.splitlines()]


def cells(source: str) -> frozenset[int]:
    """Return the indices of the lines of a template source that are in a table cell."""
    inside: set[int] = set()
    depth = 0
    for index, line in enumerate(source.splitlines()):
        if depth > 0:
            inside.add(index)
        depth = max(depth + len(_CELL_OPEN.findall(line)) - line.count("</w:tc>"), 0)
    return frozenset(inside)


def problem_at(
    name: str,
    exc: BaseException,
    lines: list[str],
    lineno: int | None,
    in_cells: Collection[int] = (),
) -> Problem:
    """Locate a problem at its paragraph: "line" N is the N-th paragraph of the part."""
    index, text = _paragraph(lines, lineno)
    return Problem(name, max(index, 1), 1, explain(exc, text, index in in_cells))


def message_at(
    name: str, message: str, lines: list[str], lineno: int | None, in_cells: Collection[int] = ()
) -> Problem:
    """Return a Dutch ``message`` placed at its paragraph, as :func:`problem_at` places one."""
    index, text = _paragraph(lines, lineno)
    return Problem(name, max(index, 1), 1, f"{where(text, index in in_cells)}{message}")


def _paragraph(lines: list[str], lineno: int | None) -> tuple[int, str]:
    # -- lines[0] holds the part's opening tags; each later line starts a paragraph --
    index = max(min(lineno or 1, len(lines)) - 1, 0)
    return index, lines[index] if lines else ""


def where(paragraph: str, cell: bool = False) -> str:
    """Return "in de alinea '…': " (or "de tabelcel") for a paragraph as Word shows it."""
    # -- a paragraph can be a page long, or a hostile tag of megabytes: quote its start --
    if not paragraph.strip():
        return ""
    place = "de tabelcel" if cell else "de alinea"
    return f"in {place} '{quote(paragraph.strip(), _DETAIL)}': "


def unknown_filter(name: str, known: Iterable[str]) -> str:
    """Return the Dutch message for a filter the templates do not have."""
    known = list(known)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"bedoelde u '{close[0]}'? " if close else ""
    return f"onbekend filter '{quote(name, 40)}'; {hint}beschikbaar zijn: {', '.join(known)}"


def render_problem(name: str, exc: BaseException, lines: list[str]) -> Problem:
    """Locate an error raised while rendering: by its line, else by what it names."""
    lineno = getattr(exc, "lineno", None) if isinstance(exc, JinjaTemplateError) else None
    lineno = lineno or _template_line(exc.__traceback__)
    if lineno:
        return problem_at(name, exc, lines, lineno)
    quoted = re.findall(r"'([^']+)'", str(exc))
    # -- "datum() takes 2 arguments": the paragraph that calls datum( with arguments --
    called = [f"{word}(" for word in re.findall(r"(\w+)\(\)", str(exc))]
    for word in [*called, *reversed(quoted)]:
        for index, line in enumerate(lines):
            if "{" in line and word in line:
                return Problem(name, max(index, 1), 1, explain(exc, line))
    return Problem(name, 1, 1, explain(exc, ""))


# -- Jinja's syntax messages, in the words an editor reads: pattern → Dutch --
_SYNTAX: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"Encountered unknown tag '(end\w+)'"),
        "'{{% {0} %}}' sluit iets af dat niet geopend is (of de opening ervoor is kapot)",
    ),
    (
        re.compile(r"Encountered unknown tag '(\w+)'"),
        "'{{% {0} %}}' is geen tag die sjablonen kennen (wel: if, elif, else, for, set)",
    ),
    (
        re.compile(r"Unexpected end of template.*to be closed is '(\w+)'"),
        "'{{% {0} %}}' wordt geopend maar nergens gesloten: '{{% end{0} %}}' ontbreekt",
    ),
    (
        re.compile(r"expected token 'end of print statement', got '([^']*)'"),
        "na de naam in {{{{ }}}} staat {0}; verwacht was '}}}}' (of een filter met |)",
    ),
    (
        re.compile(r"expected token 'end of statement block', got '([^']*)'"),
        "in {{% %}} staat {0} waar '%}}' verwacht werd",
    ),
    (re.compile(r"expected token '([^']*)', got '([^']*)'"), "verwacht {0}, maar er staat {1}"),
    (re.compile(r"unexpected '([^']*)'"), "onverwacht {0} in de tag"),
    (
        re.compile(r"Expected an expression, got '([^']*)'"),
        "hier ontbreekt een naam of waarde (er staat {0})",
    ),
    (re.compile(r"unexpected end of template"), "de tag houdt op voor hij af is"),
]


#: Jinja's names of what it expected or found, as an editor would name them.
_TOKENS = {
    "end of print statement": "'}}'",
    "end of statement block": "'%}'",
    "name": "een naam",
    "end of template": "het einde van het sjabloon",
}


def _token(text: str) -> str:
    return _TOKENS.get(text) or f"'{quote(text, 60)}'"


def syntax_message(english: str) -> str:
    """Return Jinja's syntax message in Dutch; never the English text itself."""
    for pattern, dutch in _SYNTAX:
        match = pattern.search(english)
        if match:
            # -- a tag's name stands inside '{% … %}' already; other tokens get quotes --
            named = "{%" in dutch.split("{0}")[0][-4:]
            return dutch.format(
                *(quote(group, 40) if named else _token(group) for group in match.groups())
            )
    return "de tag is geen geldige sjabloontaal"


def _template_line(traceback: TracebackType | None) -> int | None:
    """Return the template line of the innermost template frame (Jinja maps them)."""
    lineno = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            lineno = traceback.tb_lineno
        traceback = traceback.tb_next
    return lineno


def explain(exc: BaseException, paragraph: str, cell: bool = False) -> str:
    """Return the Dutch message for a template error in ``paragraph`` (of a table cell)."""
    at = where(paragraph, cell)
    if isinstance(exc, BoundError):
        return f"{at}{exc}"
    if isinstance(exc, RecursionError):
        return f"{at}macro's of lussen roepen zich te diep aan, of een tag is te diep genest"
    if isinstance(exc, SyntaxError | MemoryError):
        return (
            f"{at}de tag is te groot of te diep genest om te verwerken; splits hem in kleinere tags"
        )
    detail = quote(str(exc), _DETAIL)
    if isinstance(exc, UndefinedError):
        field = quote(exc.message or "", _DETAIL)
        return f"{at}het sjabloon vraagt een veld dat niet bestaat ({field})"
    missing = _NO_FILTER.search(str(exc))
    if isinstance(exc, TemplateAssertionError) and missing:
        return f"{at}{unknown_filter(missing.group(1), filter_descriptions())}"
    if isinstance(exc, SecurityError):
        return f"{at}het sjabloon probeert iets dat niet is toegestaan ({detail})"
    if isinstance(exc, FormatInputError):
        return f"{at}een filter krijgt een waarde die het niet kan opmaken ({detail})"
    if isinstance(exc, TypeError):
        return f"{at}een filter krijgt argumenten die het niet kent ({detail})"
    if isinstance(exc, TemplateSyntaxError):
        return f"{at}{syntax_message(exc.message or '')}; controleer {{{{ }}}} en {{% %}}"
    return f"{at}fout in het sjabloon ({detail})"
