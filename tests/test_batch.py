"""Batches in worker processes: the same messages, files and exit code as in one process."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from jeugddocs import api, batch
from jeugddocs.cli import _progress, cli
from tests.conftest import ROOT, SAMPLES

CORPUS = Path(__file__).parent / "corpus"


#: Hostile cases that take most of a second each to reject; test_corpus has them.
SLOW = {"13-yaml-billion-laughs.yaml", "69-zeer-lange-tekst.yaml", "81-diep-genest.yaml"}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of valid and broken files, with output names that collide.

    Two runs get a copy each, under the same relative path, so their messages can be
    compared byte for byte.
    """
    folder = tmp_path / "bron"
    shutil.copytree(CORPUS, folder / "kapot", ignore=lambda _, names: _skipped(names))
    # -- the samples name their senders by profile, found in a 'gemeenten' folder above --
    shutil.copytree(SAMPLES.parent / "gemeenten", folder / "gemeenten")
    # -- by name, so that a new sample does not change which files collide --
    samples = [
        SAMPLES / f"{name}.yaml"
        for name in (
            "dagbehandeling-jonge-kinderen",
            "inkoopstrategie-jeugdhulp",
            "kaders-inkoop-jeugdhulp",
        )
    ]
    for subfolder, chosen in (("a", samples[:3]), ("b", samples[:2])):
        (folder / subfolder).mkdir()
        for sample in chosen:
            shutil.copy(sample, folder / subfolder / sample.name)
    shutil.copy(
        SAMPLES / "kaders-inkoop-jeugdhulp.yaml",
        folder / "kaders-inkoop-jeugdhulp-raadsbesluit.yaml",
    )
    return folder


def _skipped(names: list[str]) -> list[str]:
    return [name for name in names if name in SLOW or name.endswith(".verwacht")]


@pytest.mark.parametrize("command", ["render", "validate"])
def test_jobs_do_not_change_messages_files_or_exit_code(
    command: str, mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = {}
    for jobs in ("1", "2"):
        workdir = tmp_path / f"run-{jobs}"
        shutil.copytree(mixed, workdir / "bron")
        monkeypatch.chdir(workdir)
        options = ["-o", "uit"] if command == "render" else []
        result = CliRunner().invoke(cli, [command, "bron", *options, "--jobs", jobs])
        written = sorted(p.name for p in (workdir / "uit").glob("*")) if command == "render" else []
        runs[jobs] = (result.exit_code, result.stdout, result.stderr, written)

    assert runs["1"] == runs["2"]
    exit_code, _, stderr, written = runs["1"]
    assert exit_code == 1
    assert "Traceback" not in stderr
    if command == "render":
        assert stderr.count("geeft dezelfde uitvoer als") == 3
        assert "kaders-inkoop-jeugdhulp-raadsbesluit.docx" in written


def test_results_come_in_input_order_whatever_finishes_first() -> None:
    delays = [0.3, 0.0, 0.2, 0.0, 0.1, 0.0]
    groups = [[0, 3], [1], [2, 4, 5]]

    results = list(batch.in_workers(_sleep_and_tell, delays, groups, workers=2))

    assert [delay for delay, _ in results] == delays
    assert len({pid for _, pid in results}) == 2


def _sleep_and_tell(delays: list[float]) -> list[tuple[float, int]]:
    """A worker step: takes its time, says which process did it."""
    results = []
    for delay in delays:
        time.sleep(delay)
        results.append((delay, os.getpid()))
    return results


def test_files_that_could_write_the_same_output_are_built_together() -> None:
    paths = [
        Path("a/x.yaml"),
        Path("x-1.yaml"),
        Path("b/x.yml"),
        Path("y.yaml"),
        Path("x-raadsbesluit.yaml"),
        Path("y-raadsbesluit-raadsbesluit.yaml"),
    ]

    groups = api._collision_groups(paths)

    assert groups == [[0, 2, 4], [1], [3], [5]]


def test_per_participant_a_file_is_built_with_every_file_its_participants_may_name() -> None:
    # -- x.yaml may write x-<sleutel>.docx for any participant: x-1 and x-laren-b too --
    paths = [Path("a/x.yaml"), Path("x-1.yaml"), Path("y.yaml"), Path("x-laren-b.yaml")]

    assert api._collision_groups(paths, per_deelnemer=True) == [[0, 1, 3], [2]]
    assert api._collision_groups(paths) == [[0], [1], [2], [3]]


def test_worker_processes_only_for_a_batch_worth_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "available_cpus", lambda: 4)

    assert batch.worker_count(1, 1, None, 1) == 1
    assert batch.worker_count(3, 3, None, 1) == 3
    assert batch.worker_count(100, 100, None, 1) == 4
    assert batch.worker_count(15, 15, None, 8) == 1
    assert batch.worker_count(16, 16, None, 8) == 2
    assert batch.worker_count(100, 100, 1, 1) == 1
    assert batch.worker_count(3, 3, 8, 8) == 3
    assert batch.worker_count(3, 1, 8, 1) == 1


def test_a_fork_server_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(CORPUS.glob("*.yaml"))[:12] + sorted(SAMPLES.glob("*.yaml"))
    monkeypatch.setattr(batch, "start_method", lambda: "forkserver")

    assert api.validate_all(paths, jobs=2) == api.validate_all(paths, jobs=1)


def test_progress_is_reported_once_per_file(tmp_path: Path) -> None:
    paths = sorted(SAMPLES.glob("*.yaml"))[:3]
    ticks: list[None] = []

    api.build_all(paths, tmp_path, jobs=2, progress=lambda: ticks.append(None))

    assert len(ticks) == 3


def test_a_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        monkeypatch.setattr(sys, "stderr", stream)
        with _progress(3, "Bezig met maken") as progress:
            for _ in range(3):
                assert progress is None or progress() is None

    assert "Bezig met maken" in terminal.getvalue()
    assert pipe.getvalue() == ""


@pytest.mark.skipif(sys.platform != "linux", reason="the workers must be forked copies")
def test_a_crash_in_a_worker_is_an_internal_error_as_in_one_process(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(path: object, **options: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(batch, "start_method", lambda: "fork")
    monkeypatch.setattr(api, "check", crash)  # -- forked workers get it too --
    results = [
        runner.invoke(cli, ["validate", str(SAMPLES), "--jobs", jobs]) for jobs in ("1", "2")
    ]

    assert [r.exit_code for r in results] == [3, 3]
    assert results[0].stderr == results[1].stderr
    assert results[0].stderr.startswith("Interne fout in jeugddocs (RuntimeError: kapot).")


def test_jobs_must_be_a_whole_number(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate", str(SAMPLES), "--jobs", "0"])

    assert result.exit_code == 2
    assert "Fout: ongeldige waarde voor '-j' / '--jobs': '0' is geen geheel getal" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is a POSIX signal here")
def test_ctrl_c_stops_the_workers_quietly_and_leaves_no_temporary_files(
    tmp_path: Path, minimal_yaml: str
) -> None:
    (tmp_path / "bron").mkdir()
    for number in range(40):
        (tmp_path / "bron" / f"stuk-{number:02}.yaml").write_text(minimal_yaml, encoding="utf-8")
    out = tmp_path / "uit"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "jeugddocs", "render", "bron", "-o", "uit", "--jobs", "2"]
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # -- its own process group, as a terminal makes one --
    )
    deadline = time.monotonic() + 60
    while not any(out.glob("*.docx")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)

    os.killpg(process.pid, signal.SIGINT)  # -- Ctrl-C reaches the whole group --
    stdout, stderr = process.communicate(timeout=60)

    assert (process.returncode, stdout, stderr) == (1, "", "\nAfgebroken.\n")
    left = sorted(p.name for p in out.iterdir())
    assert all(name.endswith(".docx") for name in left)
    assert len(left) < 80
