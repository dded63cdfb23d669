"""Template errors located at the paragraph an editor sees in Word, in Dutch.

A template's Jinja source has one Word paragraph per line (the compiler puts a
line break before every ``<w:p``), so a Jinja line number is a paragraph, and
the paragraph's text without its XML is what the editor recognises.
"""

from __future__ import annotations

import re
from types import TracebackType

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateAssertionError

from jeugddocs.errors import Problem
from jeugddocs.format import FormatInputError
from jeugddocs.format.describe import quote
from jeugddocs.render.bounds import BoundError

_TAG = re.compile(r"<[^>]+>")
# -- Python's own text of an error can quote a whole value; a message stays readable --
_DETAIL = 200


def paragraphs(source: str) -> list[str]:
    """Return the text of each line of a template source, as the editor sees it."""
    return [_TAG.sub("", line) for line in source.splitlines()]


def problem_at(name: str, exc: BaseException, lines: list[str], lineno: int | None) -> Problem:
    """Locate a problem at its paragraph: "line" N is the N-th paragraph of the part."""
    # -- lines[0] holds the part's opening tags; each later line starts a paragraph --
    index = max(min(lineno or 1, len(lines)) - 1, 0)
    text = lines[index] if lines else ""
    return Problem(name, max(index, 1), 1, explain(exc, text))


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


def _template_line(traceback: TracebackType | None) -> int | None:
    """Return the template line of the innermost template frame (Jinja maps them)."""
    lineno = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            lineno = traceback.tb_lineno
        traceback = traceback.tb_next
    return lineno


def explain(exc: BaseException, paragraph: str) -> str:
    """Return the Dutch message for a template error in ``paragraph``."""
    # -- a paragraph can be a page long, or a hostile tag of megabytes: quote its start --
    where = f"in de alinea '{quote(paragraph.strip(), _DETAIL)}': " if paragraph.strip() else ""
    if isinstance(exc, BoundError):
        return f"{where}{exc}"
    if isinstance(exc, RecursionError):
        return f"{where}macro's of lussen roepen zich te diep aan, of een tag is te diep genest"
    if isinstance(exc, SyntaxError | MemoryError):
        return (
            f"{where}de tag is te groot of te diep genest om te verwerken; "
            "splits hem in kleinere tags"
        )
    detail = quote(str(exc), _DETAIL)
    if isinstance(exc, UndefinedError):
        field = quote(exc.message or "", _DETAIL)
        return f"{where}het sjabloon vraagt een veld dat niet bestaat ({field})"
    if isinstance(exc, TemplateAssertionError) and "filter" in str(exc):
        return (
            f"{where}onbekend filter ({detail}); gebruik euro, euro_kort, getal, procent of datum"
        )
    if isinstance(exc, SecurityError):
        return f"{where}het sjabloon probeert iets dat niet is toegestaan ({detail})"
    if isinstance(exc, FormatInputError):
        return f"{where}een filter krijgt een waarde die het niet kan opmaken ({detail})"
    if isinstance(exc, TypeError):
        return f"{where}een filter krijgt argumenten die het niet kent ({detail})"
    if isinstance(exc, TemplateSyntaxError):
        return (
            f"{where}de sjabloon-tag is ongeldig ({quote(exc.message or '', _DETAIL)}); "
            "controleer {{ }} en {% %}"
        )
    return f"{where}fout in het sjabloon ({detail})"
