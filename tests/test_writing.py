"""Writing: the files of one content file are all written or none, with Dutch reasons."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from jeugddocs import output
from jeugddocs.cli import cli
from jeugddocs.errors import OutputError
from jeugddocs.output import write_all, write_atomic


@pytest.fixture
def pair(tmp_path: Path) -> list[tuple[Path, bytes]]:
    """A voorstel and its besluit, as one content file writes them."""
    return [
        (tmp_path / "stuk.docx", b"nieuw voorstel"),
        (tmp_path / "stuk-raadsbesluit.docx", b"nieuw besluit"),
    ]


def fail_on_call(
    number: int, original: Callable[..., object], error: BaseException
) -> Callable[..., object]:
    """Return ``original`` that raises ``error`` on its ``number``-th call only."""
    calls = 0

    def patched(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == number:
            raise error
        return original(*args)

    return patched


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_both_files_are_written_and_nothing_else_is_left(
    tmp_path: Path, pair: list[tuple[Path, bytes]]
) -> None:
    pair[0][0].write_bytes(b"oud voorstel")

    write_all(pair)

    assert [target.read_bytes() for target, _ in pair] == [b"nieuw voorstel", b"nieuw besluit"]
    assert names(tmp_path) == ["stuk-raadsbesluit.docx", "stuk.docx"]


@pytest.mark.parametrize("previous", [True, False], ids=["vorige-versie", "nieuw"])
def test_a_failed_second_rename_puts_the_first_file_back(
    tmp_path: Path, pair: list[tuple[Path, bytes]], monkeypatch: pytest.MonkeyPatch, previous: bool
) -> None:
    if previous:
        for target, _ in pair:
            target.write_bytes(b"oud " + target.name.encode())
    before = {target.name: target.read_bytes() for target, _ in pair if target.exists()}
    error = OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(Path, "replace", fail_on_call(2, Path.replace, error))

    with pytest.raises(OutputError) as excinfo:
        write_all(pair)

    assert str(excinfo.value) == f"{pair[1][0]}: kan niet schrijven (systeemfout EIO)"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_failed_second_temporary_file_changes_nothing(
    tmp_path: Path, pair: list[tuple[Path, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    pair[0][0].write_bytes(b"oud voorstel")
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", fail_on_call(2, os.fsync, full))

    with pytest.raises(OutputError) as excinfo:
        write_all(pair)

    assert str(excinfo.value) == f"{pair[1][0]}: kan niet schrijven (de schijf is vol)"
    assert names(tmp_path) == ["stuk.docx"]
    assert pair[0][0].read_bytes() == b"oud voorstel"


def test_ctrl_c_between_the_renames_puts_the_first_file_back(
    tmp_path: Path, pair: list[tuple[Path, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    pair[0][0].write_bytes(b"oud voorstel")
    monkeypatch.setattr(Path, "replace", fail_on_call(2, Path.replace, KeyboardInterrupt()))

    with pytest.raises(KeyboardInterrupt):
        write_all(pair)

    assert names(tmp_path) == ["stuk.docx"]
    assert pair[0][0].read_bytes() == b"oud voorstel"


def test_without_hard_links_a_copy_of_the_previous_file_is_put_back(
    tmp_path: Path, pair: list[tuple[Path, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    pair[0][0].write_bytes(b"oud voorstel")

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    locked = PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(Path, "replace", fail_on_call(2, Path.replace, locked))

    with pytest.raises(OutputError, match="is het bestand geopend in Word"):
        write_all(pair)

    assert names(tmp_path) == ["stuk.docx"]
    assert pair[0][0].read_bytes() == b"oud voorstel"


def test_a_file_that_cannot_be_put_back_is_named_with_where_its_old_version_is(
    tmp_path: Path, pair: list[tuple[Path, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    pair[0][0].write_bytes(b"oud voorstel")
    replace = fail_on_call(2, Path.replace, OSError(errno.EIO, "Input/output error"))
    replace = fail_on_call(3, replace, OSError(errno.EIO, "Input/output error"))
    monkeypatch.setattr(Path, "replace", replace)

    with pytest.raises(OutputError) as excinfo:
        write_all(pair)

    message = str(excinfo.value)
    kept = message.rpartition("de vorige versie staat in ")[2]
    assert message.startswith(f"{pair[1][0]}: kan niet schrijven (systeemfout EIO); let op: ")
    assert f"{pair[0][0]} is al vervangen (systeemfout EIO)" in message
    assert Path(kept).read_bytes() == b"oud voorstel"
    assert names(tmp_path) == sorted(["stuk.docx", Path(kept).name])


@pytest.mark.parametrize(
    ("code", "english", "dutch"),
    [
        (errno.ENOSPC, "No space left on device", "de schijf is vol"),
        (errno.EROFS, "Read-only file system", "de schijf is alleen-lezen"),
        (errno.EACCES, "Permission denied", "geen toestemming"),
        (errno.EISDIR, "Is a directory", "het is een map"),
        (errno.EEXIST, "File exists", "er bestaat al een bestand met die naam"),
    ],
    ids=["ENOSPC", "EROFS", "EACCES", "EISDIR", "EEXIST"],
)
def test_errors_of_the_system_are_told_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, english: str, dutch: str
) -> None:
    target = tmp_path / "stuk.docx"

    def fail(fd: int) -> None:
        raise OSError(code, english)

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError) as excinfo:
        write_all([(target, b"x")])

    assert str(excinfo.value) == f"{target}: kan niet schrijven ({dutch})"
    assert list(tmp_path.iterdir()) == []


def test_an_error_outside_the_table_is_named_by_its_code_not_its_english_text() -> None:
    assert output.reason(OSError(errno.EIO, "Input/output error")) == "systeemfout EIO"
    assert output.reason(OSError("iets")) == "onbekende systeemfout"


def test_an_output_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "uit").write_bytes(b"")
    target = tmp_path / "uit" / "stuk.docx"

    with pytest.raises(OutputError) as excinfo:
        write_all([(target, b"x")])

    assert str(excinfo.value) == (
        f"{target}: de map {target.parent} kan niet worden gemaakt (er bestaat al een bestand "
        "met die naam); kies een andere uitvoermap"
    )


def test_one_write_cannot_name_a_file_twice(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="same file twice"):
        write_all([(tmp_path / "a.docx", b"1"), (tmp_path / "a.docx", b"2")])


def test_render_keeps_voorstel_and_besluit_together_when_the_besluit_cannot_be_written(
    runner: CliRunner, write_yaml: Callable[..., Path], minimal_yaml: str, tmp_path: Path
) -> None:
    path = write_yaml(minimal_yaml, "stuk.yaml")
    out = tmp_path / "uit"
    (out / "stuk-raadsbesluit.docx").mkdir(parents=True)
    (out / "stuk.docx").write_bytes(b"vorige versie")

    result = runner.invoke(cli, ["render", str(path), "-o", str(out)])

    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:1:1: {out / 'stuk-raadsbesluit.docx'}: kan niet schrijven (het is een map)"
    )
    assert (out / "stuk.docx").read_bytes() == b"vorige versie"
    assert names(out) == ["stuk-raadsbesluit.docx", "stuk.docx"]
    assert result.stdout == ""


def test_written_files_are_readable_as_the_umask_allows(tmp_path: Path) -> None:
    """mkstemp's 0600 made documents unreadable for the griffie's colleagues."""
    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "nieuw.docx", b"inhoud")
    finally:
        os.umask(previous)

    assert stat.S_IMODE((tmp_path / "nieuw.docx").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "stuk.docx"
    target.write_bytes(b"oud")
    target.chmod(0o664)

    write_atomic(target, b"nieuw")

    assert target.read_bytes() == b"nieuw"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["stuk.docx"]
