"""One writer module per kind of block; :data:`jeugddocs.render.writer.WRITERS` registers them.

Each writer takes the document's :class:`~jeugddocs.render.writer.DocumentWriter`
and one block of the computed view, and returns that block as WordprocessingML.
"""

from __future__ import annotations

from jeugddocs.render.blocks import chart, image, prose, sections, table, toc

__all__ = ["chart", "image", "prose", "sections", "table", "toc"]
