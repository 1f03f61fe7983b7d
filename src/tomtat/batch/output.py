"""The batch output file: append-only, whole lines only, resumable.

Every result line is written with one ``os.write`` of the complete line on a file
opened with ``O_APPEND``, so a crash (even ``kill -9``) leaves whole lines plus at
most one torn last line (only if the machine itself dies mid-write, or the disk fills).
Opening an existing file for a rerun reads the ids already written, truncates a torn
last line away, and holds an exclusive lock so two runs never write the same file.
The output must be a regular file (or a symlink to one): a device, FIFO or socket is
refused, since it could not be read back to resume. A failed write (full disk) is
undone to the last whole line and ends the run with one message.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tomtat.errors import InputError, TomtatError


class ResultFile:
    """An open batch output: ``done`` ids from earlier runs, ``append`` for new lines.

    ``settings`` is the ``method``/``budget`` of the first line found (None for a new
    file) so the caller can refuse to mix summaries of different settings in one file.
    """

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._fd = -1
        if self.path.is_dir():
            raise InputError(f"{path}: is a folder; give a file name for the output")
        if not Path(os.path.realpath(self.path)).parent.is_dir():
            raise InputError(f"{path}: folder {self.path.parent} does not exist")
        _refuse_non_regular(path, _mode(path))
        try:
            # O_NONBLOCK: a FIFO put in place since the check must not hang the open.
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | os.O_NOCTTY, 0o666)
            os.set_blocking(self._fd, True)
        except OSError as err:
            raise InputError(f"{path}: cannot open for writing ({err.strerror or err})") from None
        try:
            _refuse_non_regular(path, os.fstat(self._fd).st_mode)
        except BaseException:
            self.close()
            raise
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise InputError(f"{path}: another tomtat batch is writing this file") from None
        try:
            self.done, self.settings, self.truncated = _scan(self._fd, path)
        except BaseException:
            self.close()
            raise

    def append(self, line: str) -> None:
        """Write one complete line (it must end with a newline) in one system call.

        A write that fails (disk full, I/O error) is undone to the last whole line and
        ends the run with an error: rerunning the same command resumes from there."""
        data = line.encode("utf-8")
        try:
            end = os.fstat(self._fd).st_size
            written = os.write(self._fd, data)
            while written < len(data):  # only on a full disk or a signal
                written += os.write(self._fd, data[written:])
        except OSError as err:
            try:
                os.ftruncate(self._fd, end)
            except OSError:
                pass  # if even that fails, the next run trims the torn line
            raise TomtatError(f"{self.path}: cannot write ({err.strerror or err}); "
                              "the lines written so far are kept: rerun the same command to resume") from None

    def sync(self) -> None:
        """Flush to the disk, so even a power cut keeps what was written."""
        try:
            os.fsync(self._fd)
        except OSError as err:
            raise TomtatError(f"{self.path}: cannot flush to disk ({err.strerror or err}); "
                              "rerun the same command to resume") from None

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ResultFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd >= 0:
            try:
                self.sync()
            finally:
                self.close()


def _mode(path: str) -> int | None:
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        raise InputError(f"{path}: cannot use as the output ({err.strerror or err})") from None


def _refuse_non_regular(path: str, mode: int | None) -> None:
    """The output is read back to resume and appended to: only a regular file will do
    (never a device, FIFO or socket, which would be read forever or not at all)."""
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file; tomtat batch appends to its output and reads it "
                         "back to resume, so give a file name")


def _lines(fd: int) -> Iterator[tuple[int, bytes]]:
    """(offset, raw line) of the file behind ``fd``, streamed from the start."""
    offset = 0
    with os.fdopen(os.dup(fd), "rb") as handle:
        handle.seek(0)
        for raw in handle:
            yield offset, raw
            offset += len(raw)


def _scan(fd: int, path: str) -> tuple[set[str], dict[str, Any] | None, bool]:
    done: set[str] = set()
    settings: dict[str, Any] | None = None
    truncated = False
    for number, (offset, raw) in enumerate(_lines(fd), start=1):
        if not raw.endswith(b"\n"):
            os.ftruncate(fd, offset)  # a line torn by a crash: its cluster is redone
            truncated = True
            break
        try:
            data = json.loads(raw)
            cluster_id = data["id"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: not a tomtat batch result line; refusing to append to this file") from None
        done.add(str(cluster_id))
        if settings is None:
            settings = {"method": data.get("method"), "budget": data.get("budget")}
    return done, settings, truncated
