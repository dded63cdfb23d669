"""The corpus of broken and hostile input: each gives its exact messages and renders nothing.

Every ``tests/corpus/NN-naam.yaml`` has a ``.verwacht`` file with the problems it must
produce, one ``line:column: message`` per line. To add a case, write the YAML, run
``jeugddocs validate`` on it, check every message by hand, and save them. Each case runs
with both YAML parsers (libyaml's and PyYAML's own), which must give the same messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jeugddocs.cli import cli
from jeugddocs.content.source import PARSER_VARIABLE

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.yaml"))
NO_LIBYAML = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
PARSERS = [pytest.param("libyaml", marks=NO_LIBYAML), "python"]


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_input_gives_its_messages_and_renders_nothing(
    case: Path, parser: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PARSER_VARIABLE, parser)
    expected = case.with_suffix(".verwacht").read_text(encoding="utf-8").splitlines()
    out = tmp_path / "uit"
    out.mkdir()
    previous = out / f"{case.stem}.docx"
    previous.write_bytes(b"vorige versie")

    validated = runner.invoke(cli, ["validate", str(case)])
    rendered = runner.invoke(cli, ["render", str(case), "-o", str(out)])

    for result in (validated, rendered):
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        problems = [
            line.removeprefix(f"{case}:")
            for line in result.stderr.splitlines()
            if line.startswith(f"{case}:")
        ]
        assert problems == expected
    assert sorted(p.name for p in out.iterdir()) == [previous.name]
    assert previous.read_bytes() == b"vorige versie"
