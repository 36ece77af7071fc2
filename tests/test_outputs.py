"""The output contract of `-o` and `--errors` (issue 16): never replace what is not ours.

Every test works inside its own temporary folder; a device is made there with
mknod (root only, skipped otherwise), never a system device.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from inprocess import cli

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_53e420b5fc12cae6.txt"


def seed_records() -> str:
    result = cli("extract", SEED)
    assert result.exit_code == 0 and result.stdout
    return result.stdout


def make_null_device(path: Path) -> None:
    """A character device like /dev/null (1, 3), made in the temporary folder."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError) as exc:
        pytest.skip(f"cannot make a device here: {exc}")


# --- item 1: what -o and --errors do with the file they name ----------------------------

@pytest.mark.parametrize("flag", ["-o", "--errors"])
def test_a_device_is_written_through_never_replaced(tmp_path: Path, flag: str) -> None:
    device = tmp_path / "mynull"
    make_null_device(device)
    result = cli("extract", SEED, flag, device)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode), "the device was replaced by a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mynull"]


def test_a_fifo_output_reaches_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEED), "-o",
                             str(fifo)], capture_output=True, text=True, timeout=300, check=False)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert got and got[0].decode() == seed_records()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("flag", ["-o", "--errors"])
def test_a_symlink_output_replaces_its_target_and_stays_a_link(tmp_path: Path, flag: str) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.jsonl"
    target.write_text("OLD")
    target.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = cli("extract", SEED, bad, flag, link)
    assert result.exit_code == 1
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text() != "OLD" and target.stat().st_mode & 0o777 == 0o640
    if flag == "-o":
        assert target.read_text() == seed_records()
    else:
        assert json.loads(target.read_text())["reason"] == "empty file"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.jsonl"]


def test_a_dangling_symlink_output_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to("made.jsonl")
    assert cli("extract", SEED, "-o", link).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.jsonl").read_text() == seed_records()


def test_a_symlink_loop_output_is_an_error_that_replaces_nothing(tmp_path: Path) -> None:
    link = tmp_path / "loop.jsonl"
    link.symlink_to("loop.jsonl")
    result = cli("extract", SEED, "-o", link)
    assert result.exit_code == 3
    assert "cannot write output" in result.stderr and "symbolic links" in result.stderr
    assert link.is_symlink() and os.readlink(link) == "loop.jsonl"


# --- item 2: an output that is an input ---------------------------------------------------

def article_file(tmp_path: Path, name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"id": "a", "text": SEED.read_text(encoding="utf-8")}) + "\n")
    return path


@pytest.mark.parametrize("flag", ["-o", "--errors"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, flag: str) -> None:
    source = article_file(tmp_path)
    before = source.read_bytes()
    result = cli("extract", source, flag, source)
    assert result.exit_code == 2
    assert "is also the input" in result.stderr
    assert source.read_bytes() == before


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_an_output_naming_an_input_another_way_is_refused(tmp_path: Path, kind: str) -> None:
    source = article_file(tmp_path)
    other = tmp_path / "other.jsonl"
    if kind == "symlink":
        other.symlink_to(source)
    else:
        os.link(source, other)
    before = source.read_bytes()
    assert cli("extract", source, "-o", other).exit_code == 2
    assert source.read_bytes() == before


def test_an_output_a_directory_input_would_read_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    source = article_file(folder)
    before = source.read_bytes()
    result = cli("extract", folder, "-o", source)
    assert result.exit_code == 2 and "would be read as an input of directory" in result.stderr
    assert source.read_bytes() == before
    hidden = folder / ".quotes.jsonl"  # hidden files are not read: writing one is fine
    assert cli("extract", folder, "-o", hidden).exit_code == 0


def test_an_output_stdin_is_redirected_from_is_refused(tmp_path: Path) -> None:
    source = article_file(tmp_path)
    before = source.read_bytes()
    with open(source, "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", "-o",
                                 str(source)], stdin=stdin, capture_output=True, text=True,
                                timeout=300, check=False)
    assert result.returncode == 2 and "stdin" in result.stderr
    assert source.read_bytes() == before


@pytest.mark.parametrize("same", ["same name", "symlink"])
def test_output_and_error_log_on_one_file_is_refused(tmp_path: Path, same: str) -> None:
    out = tmp_path / "out.jsonl"
    other = out
    if same == "symlink":
        out.write_text("OLD")
        other = tmp_path / "link.jsonl"
        other.symlink_to(out)
    result = cli("extract", SEED, "-o", out, "--errors", other)
    assert result.exit_code == 2 and "name the same file" in result.stderr


def test_a_device_may_be_input_and_output(tmp_path: Path) -> None:
    device = tmp_path / "mynull"
    make_null_device(device)
    result = cli("extract", SEED, device, "-o", device, "--errors", device)
    assert result.exit_code == 1  # the device gives no article: an error, not a refusal
    assert stat.S_ISCHR(device.lstat().st_mode)


# --- item 18: `--errors -` ------------------------------------------------------------------

def test_errors_dash_is_a_usage_error_not_a_file_named_dash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("extract", SEED, "--errors", "-")
    assert result.exit_code == 2 and "/dev/stderr" in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- item 12: started with stdout or stderr closed -------------------------------------------

def run_closed(fd: int, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`quotes ARGS` started with descriptor `fd` closed, as `>&-` or `2>&-` do."""
    return subprocess.run([sys.executable, "-m", "quotes.cli", *map(str, args)],
                          capture_output=True, timeout=300, check=False, cwd=cwd,
                          preexec_fn=lambda: os.close(fd))


def test_closed_stdout_is_an_output_error_not_an_internal_one(tmp_path: Path) -> None:
    result = run_closed(1, "extract", SEED, cwd=tmp_path)
    assert result.returncode == 3
    assert b"quotes: error: cannot write output: stdout is closed" in result.stderr
    assert b"internal error" not in result.stderr
    assert run_closed(1, "extract", SEED, "-o", "out.jsonl", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out.jsonl").read_text() == seed_records()


def test_closed_stderr_keeps_the_exit_code_and_the_records(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_closed(2, "extract", SEED, "empty.txt", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1  # one bad input, said by the exit code alone
    assert (tmp_path / "out.jsonl").read_text() == seed_records()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.jsonl"]


# --- every writer of the project keeps the contract (Parquet, the review page) --------------

@pytest.mark.parametrize("command", [["extract", "--format", "parquet"], ["review"]])
def test_every_output_writes_a_device_through_and_a_symlinks_target(
        tmp_path: Path, command: list[str]) -> None:
    if "parquet" in command:
        pytest.importorskip("pyarrow")
    device = tmp_path / "mynull"
    make_null_device(device)
    result = cli(*command, SEED, "-o", device)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)
    target = tmp_path / "real.out"
    target.write_text("OLD")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert cli(*command, SEED, "-o", link).exit_code == 0
    assert link.is_symlink() and target.read_bytes() != b"OLD"


def test_schema_with_stdout_closed_says_so(tmp_path: Path) -> None:
    result = run_closed(1, "schema", cwd=tmp_path)
    assert result.returncode == 3 and b"stdout is closed" in result.stderr
