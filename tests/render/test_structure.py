"""The structure of every rendered document stays as it was: text, styles, lists, tables.

The golden listings in ``testdata/structuur/`` were made by the first renderer
(docxtpl sub-documents through python-docx). The renderer that writes Word XML
directly must produce the same listing: same paragraphs and styles, same runs and
emphasis, lists that restart where they did, footnotes in the same places, tables
with the same header rows, alignment and rules. A difference is either a bug or a
fix, and a fix is named in the commit that updates the golden file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jeugddocs import api
from tests.conftest import MINIMAL, SAMPLES
from tests.content_text import document_of
from tests.docx_structure import structure

TESTDATA = Path(__file__).parent / "testdata"
GOLDEN = TESTDATA / "structuur"
CASES = {
    **{path.stem: path for path in sorted(SAMPLES.glob("*.yaml"))},
    "alles-nota": TESTDATA / "alles-nota.yaml",
}


def _rendered(name: str) -> list[tuple[str, bytes]]:
    document = document_of(MINIMAL) if name == "minimaal" else api.check(CASES[name]).document
    return [(item.name, item.data) for item in api.render(api.plan(document, name))]


@pytest.mark.parametrize("name", [*CASES, "minimaal"])
def test_structure_matches_golden(name: str, golden: Callable[[Path, list[str]], None]) -> None:
    for output_name, data in _rendered(name):
        golden(GOLDEN / f"{output_name}.txt", structure(data))
