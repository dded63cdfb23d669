"""Reading content files: anything but a regular file is refused at once, in Dutch."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from jeugddocs import api
from jeugddocs.cli import cli
from jeugddocs.content.source import MAX_BYTES


def only_message(path: Path | str) -> str:
    (problem,) = api.check(Path(path)).problems
    return problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "voorstel.yaml"
    os.mkfifo(pipe)

    assert "geen gewoon bestand" in only_message(pipe)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_or_a_link_to_one_is_refused_before_it_is_read(tmp_path: Path) -> None:
    link = tmp_path / "nul.yaml"
    link.symlink_to("/dev/zero")

    assert "geen gewoon bestand" in only_message("/dev/zero")
    assert "geen gewoon bestand" in only_message(link)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    with big.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # -- sparse: nothing is written --

    assert "groter dan 2 MB" in only_message(big)


def test_a_folder_given_as_a_file_is_named_as_a_folder(tmp_path: Path) -> None:
    assert "dit is een map" in only_message(tmp_path)


def test_a_loop_of_links_is_not_called_missing(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.symlink_to(second)
    second.symlink_to(first)

    result = CliRunner().invoke(cli, ["validate", str(first)])

    assert result.exit_code == 2
    assert "kring" in result.stderr
    assert "bestaat niet" not in result.stderr
    assert "kring" in only_message(first)


def test_an_error_of_the_system_is_told_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "voorstel.yaml"
    path.write_text("soort: memo\n", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)

    message = only_message(path)
    assert message == "het bestand kan niet worden gelezen (geen toestemming)"
    assert "Permission" not in message
