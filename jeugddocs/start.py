"""The command's entry point: Ctrl-C and ``--version`` from the first instant.

Why a module of its own: importing the command line (Click) and later the pipeline
takes a noticeable moment, and a Ctrl-C in that moment would print a Python traceback.
This module imports nothing but the standard library until the handler is in place,
and answers ``--version`` without importing anything else at all.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

#: Exit code of an interrupted run, as the command line uses for "Afgebroken.".
_ABORTED = 1


def _abort_while_starting(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("Afgebroken.\n")
    sys.stderr.flush()
    os._exit(_ABORTED)  # -- no clean-up to do yet, and no traceback to risk --


def guard() -> None:
    """Until the command line takes over, let Ctrl-C end the run with "Afgebroken."."""
    signal.signal(signal.SIGINT, _abort_while_starting)


def main() -> None:
    """Run ``jeugddocs``: the console script and ``python -m jeugddocs`` both start here."""
    guard()
    if sys.argv[1:] == ["--version"]:
        from jeugddocs import __version__

        sys.stdout.write(f"jeugddocs {__version__}\n")
        sys.exit(0)
    from jeugddocs.cli import main as run

    # -- from here on Click turns Ctrl-C into "Afgebroken." and cleans up after itself --
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run()
    finally:
        # -- the work is done or reported; a Ctrl-C while Python shuts down changes nothing --
        signal.signal(signal.SIGINT, signal.SIG_IGN)
