"""Write a command's output where ``-o`` says, never replacing what it points at.

- no ``-o`` (or ``-``): standard output, written through its file descriptor so a
  full disk or a closed pipe is one error here, not a traceback at exit;
- a regular file, or a name not yet taken: written to a temporary file in the same
  folder, synced, then renamed over it, so a crash or a full disk leaves the old file
  (or nothing) and never half a file; the file gets the mode a new file gets under the
  umask (not the 0600 of a temporary file);
- a symlink: the same, at the file it points to (the link stays a link);
- anything else (a device, a FIFO): written to directly, as a shell's ``>`` would; a
  socket is refused. It is never replaced by a regular file.

Every failure is an ``OutputError`` naming the output and the reason.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tomtat.errors import TomtatError


class OutputError(TomtatError):
    """The output cannot be written (read-only, disk full, not a file, ...)."""


def umask() -> int:
    """The process umask, read without changing it (Linux /proc), else by setting it back."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(err: OSError) -> str:
    return err.strerror or str(err)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _encoded(lines: Iterable[str]) -> Iterable[bytes]:
    for line in lines:
        yield line.encode("utf-8")


def write_stdout(lines: Iterable[str]) -> None:
    """``lines`` on standard output (file descriptor 1, after anything buffered)."""
    try:
        sys.stdout.flush()
        try:
            fd = sys.stdout.fileno()
        except (AttributeError, io.UnsupportedOperation):  # a stream in memory (tests, notebooks)
            for line in lines:
                sys.stdout.write(line)
            sys.stdout.flush()
            return
        for data in _encoded(lines):
            _write_all(fd, data)
    except BrokenPipeError:
        raise
    except OSError as err:
        raise OutputError(f"standard output: cannot write ({_reason(err)})") from None


def _replace_file(target: Path, lines: Iterable[str], shown: str) -> None:
    directory = target.parent
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{shown}: cannot write in {directory} ({_reason(err)})") from None
    try:
        try:
            os.fchmod(fd, 0o666 & ~umask())
            for data in _encoded(lines):
                _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise OutputError(f"{shown}: cannot write ({_reason(err)}); nothing was written") from None
        raise
    try:  # the rename itself survives a power cut only once the folder is synced
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _write_in_place(target: Path, lines: Iterable[str], shown: str) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NOCTTY)
    except OSError as err:
        raise OutputError(f"{shown}: cannot open for writing ({_reason(err)})") from None
    try:
        for data in _encoded(lines):
            _write_all(fd, data)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write ({_reason(err)})") from None
    finally:
        os.close(fd)


def write_lines(lines: Iterable[str], out: str | None) -> None:
    """Write ``lines`` to standard output (``out`` None or ``-``) or to ``out`` as the
    module docstring says."""
    if out in (None, "-"):
        write_stdout(lines)
        return
    path = Path(out)
    target = Path(os.path.realpath(path))  # through every symlink, to what is written
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:  # a symlink loop, a permission problem on the way
        raise OutputError(f"{out}: cannot write ({_reason(err)})") from None
    if mode is None:
        if not target.parent.is_dir():
            raise OutputError(f"{out}: folder {target.parent} does not exist")
        _replace_file(target, lines, out)
    elif stat.S_ISDIR(mode):
        raise OutputError(f"{out}: is a folder; give a file name for the output")
    elif stat.S_ISREG(mode):
        _replace_file(target, lines, out)
    elif stat.S_ISSOCK(mode):
        raise OutputError(f"{out}: is a socket; give a file name for the output")
    else:
        _write_in_place(target, lines, out)


def write_text(text: str, out: str | None) -> None:
    """``write_lines`` for one string."""
    write_lines([text], out)
