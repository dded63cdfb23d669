"""Content as text in tests, validated the way every caller's content is (api.check)."""

from __future__ import annotations

from jeugddocs.content.load import check_source
from jeugddocs.content.models import Document


def document_of(text: str | bytes, name: str = "<tekst>") -> Document:
    """Validate YAML text; return the document or raise ContentError with every problem.

    Passed as bytes, so that a one-line text is never taken for a file name.
    """
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return check_source(raw, name).valid()
