"""Start-up: ``--version`` and ``--help`` load click and nothing of the pipeline.

Structural, not timed: the pipeline's libraries take most of a second to import,
so "not imported" is what keeps the command quick. Each check runs in a fresh
interpreter, because this test process has imported everything long ago.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Libraries only a command's work needs (top-level module names).
HEAVY = {
    "babel",
    "concurrent",
    "docx",
    "docxcompose",
    "docxtpl",
    "jinja2",
    "lxml",
    "multiprocessing",
    "pydantic",
    "pydantic_core",
    "yaml",
}

#: Runs the command line with the given arguments, then lists every module loaded.
PROBE = """
import sys
sys.argv = ["jeugddocs", *sys.argv[1:]]
from jeugddocs.start import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)))
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["render", "--help"],
        ["validate", "--help"],
        ["new", "--help"],
        ["schema", "--help"],
    ],
    ids=" ".join,
)
def test_version_and_help_import_nothing_heavy(args: list[str]) -> None:
    result = _run(PROBE, *args)

    assert result.returncode == 0, result.stderr
    modules = set(result.stderr.rpartition("MODULES ")[2].split())
    assert {m for m in modules if m.partition(".")[0] in HEAVY} == set()
    ours = {m for m in modules if m.startswith("jeugddocs")}
    if args == ["--version"]:
        # -- answered before the command line itself is imported --
        assert ours == {"jeugddocs", "jeugddocs.start"}
        assert "click" not in modules
    else:
        assert ours == {"jeugddocs", "jeugddocs.start", "jeugddocs.cli"}
    assert result.stdout.strip()


def test_version_comes_from_the_package() -> None:
    result = _run(PROBE, "--version")

    assert result.stdout == "jeugddocs 0.1.0\n"


def test_public_names_load_on_first_use() -> None:
    code = """
import sys
import jeugddocs
assert "jeugddocs.api" not in sys.modules
import jeugddocs.render.templates  # binds the subpackage 'render' on its parent
assert callable(jeugddocs.render), jeugddocs.render
assert jeugddocs.Checked.__module__ == "jeugddocs.content.load"
assert jeugddocs.TemplateSet is jeugddocs.render.__globals__["TemplateSet"]
assert set(jeugddocs.__all__) <= set(dir(jeugddocs))
print("ok")
"""
    result = _run(code)

    assert result.stdout == "ok\n", result.stderr


def test_an_unknown_name_is_an_attribute_error() -> None:
    import jeugddocs

    with pytest.raises(AttributeError, match="no attribute 'bestaat_niet'"):
        _ = jeugddocs.bestaat_niet


#: Starts the command as its console script does, and says when the first line of
#: jeugddocs has run: before that is Python's own start-up (and finding the package),
#: which no code of ours can guard.
STARTER = """
import sys
sys.argv = ["jeugddocs", *sys.argv[1:]]
import jeugddocs
sys.stdout.write("klaar\\n")
sys.stdout.flush()
from jeugddocs.start import main
main()
"""


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.06, 0.1, 0.2, 0.3])
def test_ctrl_c_at_any_moment_of_starting_says_afgebroken(tmp_path: Path, delay: float) -> None:
    sample = ROOT / "content" / "voorbeelden" / "kaders-inkoop-jeugdhulp.yaml"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", STARTER, "render", str(sample), "-o", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "klaar\n"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)

    assert "Traceback" not in stderr
    assert "KeyboardInterrupt" not in stderr
    # -- interrupted: said so, exit 1, nothing written; or done before the signal came --
    if process.returncode == 1:
        assert stderr.strip() == "Afgebroken."
        assert not list(tmp_path.iterdir())
    else:
        assert process.returncode == 0, stderr
        assert len(list(tmp_path.glob("*.docx"))) == 2


def test_a_program_that_imports_jeugddocs_keeps_its_own_ctrl_c(tmp_path: Path) -> None:
    # -- a user's script whose name starts like ours is not the command --
    script = tmp_path / "jeugddocs-rapport.py"
    script.write_text(
        "import signal, jeugddocs\n"
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }

    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, check=True
    )

    assert result.stdout == "True\n"
