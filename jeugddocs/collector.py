"""Python's cycle collector held off while one document is checked, planned or rendered.

Why: the collector runs after every few hundred new objects, and every so often it
walks every object alive. A big document keeps hundreds of thousands alive while it
is read (YAML nodes, values, their positions, the models, the view), so those walks
grow with the document and come more often as it grows: at 20,000 table rows they were
half the time of a check, and doubling the document more than doubled it. Reference
counting frees what these stages make anyway; the few reference cycles among it are
collected once the stage is done.

This module imports nothing of jeugddocs: every stage may use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_off() -> Iterator[None]:
    """Keep the cycle collector from running inside the block (or decorated function).

    Whoever finds the collector running turns it off and on again, so nesting and
    threads are safe: a stage inside another, or running while another thread's stage
    holds the collector off, changes nothing, and the collector is never off longer
    than the one stage that turned it off. A caller that turned it off keeps it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
