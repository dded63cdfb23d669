"""``python -m jeugddocs``: the same command as ``jeugddocs``."""

from __future__ import annotations

from jeugddocs.start import main

if __name__ == "__main__":  # -- a worker process imports this module under another name --
    main()
