"""Time each pipeline stage on the samples: python benchmarks/render_samples.py [N].

Prints the median of N runs per sample for checking content, rendering all of its
documents (templates already loaded) and loading a template. Speed goals (such as
"compile each template once") are measured here, not asserted in tests.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from jeugddocs import api
from jeugddocs.render.compiled import WordTemplate
from jeugddocs.render.templates import TemplateSet, default_template_dir

SAMPLES = Path(__file__).resolve().parents[1] / "content" / "voorbeelden"


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(runs: int) -> None:
    templates = TemplateSet()
    print(f"{'voorbeeld':40} {'controleren':>12} {'maken':>10}")  # noqa: T201
    for path in sorted(SAMPLES.glob("*.yaml")):
        document = api.check(path).valid()
        api.render(api.plan(document, "stuk"), templates)  # -- warm the template cache --
        check = median_ms(lambda p=path: api.check(p), runs)
        render = median_ms(lambda d=document: api.render(api.plan(d, "stuk"), templates), runs)
        print(f"{path.stem:40} {check:10.1f}ms {render:8.1f}ms")  # noqa: T201
    load = median_ms(lambda: WordTemplate(default_template_dir() / "raadsvoorstel.docx"), runs)
    print(f"{'sjabloon laden (raadsvoorstel)':40} {load:10.1f}ms")  # noqa: T201


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
