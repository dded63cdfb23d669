"""jeugddocs: Dutch council documents from YAML content, through Word templates.

The pipeline, one module per stage: :mod:`jeugddocs.content` loads and
validates YAML, :mod:`jeugddocs.compute` numbers and totals, :mod:`jeugddocs.render`
fills a Word template, and :mod:`jeugddocs.output` writes the file atomically.
"""

from __future__ import annotations

from jeugddocs.api import BatchResult, RenderedDocument, build, build_all, check, render
from jeugddocs.content.load import Checked, check_content, load_content, parse_content
from jeugddocs.errors import ContentError, JeugddocsError, Problem, TemplateError
from jeugddocs.render.templates import TemplateSet

__version__ = "0.1.0"

__all__ = [
    "BatchResult",
    "Checked",
    "ContentError",
    "JeugddocsError",
    "Problem",
    "RenderedDocument",
    "TemplateError",
    "TemplateSet",
    "__version__",
    "build",
    "build_all",
    "check",
    "check_content",
    "load_content",
    "parse_content",
    "render",
]
