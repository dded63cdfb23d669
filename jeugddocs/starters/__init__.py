"""Commented starting files for ``jeugddocs new``, one per kind of document."""

from __future__ import annotations

from importlib.resources import files


def starter_text(soort: str) -> str:
    """Return the commented starting YAML for ``soort``."""
    return files(__name__).joinpath(f"{soort}.yaml").read_text(encoding="utf-8")
