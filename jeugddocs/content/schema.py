"""JSON Schema of the content models, for autocompletion in editors."""

from __future__ import annotations

from typing import Any

from jeugddocs.content.models import SOORTEN


def json_schema(soort: str) -> dict[str, Any]:
    """Return the JSON Schema for content of kind ``soort``.

    Class docstrings (English, for developers) and generated titles are removed,
    so an editor shows only the Dutch field descriptions.
    """
    schema = SOORTEN[soort].model_json_schema()
    _strip(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"jeugddocs {soort}"
    return schema


def _strip(node: Any, in_properties: bool = False) -> None:
    if isinstance(node, dict):
        if not in_properties:
            node.pop("title", None)
            if "properties" in node:
                node.pop("description", None)
        for key, value in node.items():
            _strip(value, in_properties=(key in ("properties", "$defs") and not in_properties))
    elif isinstance(node, list):
        for item in node:
            _strip(item)
