"""Writing a file the user will keep: all of it or none of it, and nothing left behind.

Every file the program writes for the user (registers, documents, packages,
backups) is written to a temporary name beside its target and renamed over the
target only when complete, so that a failure, a cancel or a kill leaves the old
file as it was. A temporary name carries the writing process's id
(``.~tzt-<pid>-…``); ``sweep`` removes those whose process is gone, so a killed
write leaves nothing behind for long. A target that is a folder, not a regular
file, read-only, or in a folder that does not exist is refused before any work
is done, with a message naming it: every command handles a missing folder the
same way (refused, never created).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from models.i18n import translate

TEMP_PREFIX = ".~tzt-"
STALE_SECONDS = 24 * 3600  # a temporary file this old is swept whoever made it


class TargetError(Exception):
    """A file cannot be written where the user asked; the message names it and says why."""


class DataFolderError(Exception):
    """The program's own data folder (logs, backups, scratch files) cannot be written; the message
    names it and says why."""


_protected: set[Path] = set()  # files no export may overwrite: the open data file and its companions


def protect(path: Path | None) -> None:
    """The data file now open (None: none): never a target, nor its -wal, -shm or lock."""
    _protected.clear()
    if path is not None:
        path = Path(path).resolve()
        _protected.update(path.with_name(path.name + suffix)
                          for suffix in ("", "-wal", "-shm", ".lock", ".busy", ".key"))


def check_target(path: str | Path) -> Path:
    """``path`` as an absolute Path, or TargetError saying why it cannot be written."""
    path = Path(path).expanduser().absolute()
    try:
        return _writable(path)
    except OSError as error:  # a name too long, a folder that may not be looked into
        raise TargetError(write_error_text(path, error)) from error


def _writable(path: Path) -> Path:
    folder = path.parent
    if path.resolve() in _protected:
        raise TargetError(translate("Files", "Cannot write {path}: it is the data file itself (or belongs to "
                                    "it). Choose another name.").format(path=path))
    if path.is_dir():
        raise TargetError(translate("Files", "Cannot write {path}: it is a folder.").format(path=path))
    if not folder.is_dir():
        raise TargetError(translate("Files", "Cannot write {path}: the folder {folder} does not exist.")
                          .format(path=path, folder=folder))
    try:
        info = path.lstat()
    except FileNotFoundError:
        return path
    except OSError as error:
        raise TargetError(write_error_text(path, error)) from error
    if not stat.S_ISREG(info.st_mode):
        raise TargetError(translate("Files", "Cannot write {path}: it is not a regular file.").format(
            path=path))
    if not info.st_mode & stat.S_IWUSR:
        raise TargetError(translate("Files", "Cannot write {path}: the file is read-only. Choose another "
                                    "name, or make it writable first.").format(path=path))
    return path


def write_error_text(path: Path, error: BaseException) -> str:
    """What went wrong writing ``path``, in the user's words (a full disk, a folder closed to writing);
    ``error`` is the system's, or SQLite's."""
    if is_full(error):
        if _scratch_disk_full_instead(path):
            from models import paths

            return data_folder_text(paths.data_dir(), error)
        return translate("Files", "Cannot write {path}: the disk is full. Free some space and try again; "
                         "nothing was changed.").format(path=path)
    if _is_closed(error):
        return translate("Files", "Cannot write {path}: the folder is read-only or you may not write there. "
                         "Choose another folder.").format(path=path)
    if isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG:
        return translate("Files", "Cannot write {path}: its name is too long. Choose a shorter name.").format(
            path=path)
    return translate("Files", "Cannot write {path}: {error}").format(
        path=path, error=getattr(error, "strerror", None) or error)


def is_full(error: BaseException) -> bool:
    """A full disk, as the system says it or as SQLite does ("database or disk is full")."""
    if isinstance(error, OSError):
        return error.errno == errno.ENOSPC or getattr(error, "winerror", None) == 112
    return "disk is full" in str(error).lower()


def _is_closed(error: BaseException) -> bool:
    """A folder or disk that may not be written (read-only, or not this user's)."""
    return isinstance(error, PermissionError) or (
        isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS))


ROOMY_BYTES = 64 * 1024 * 1024  # a disk with this much left did not run out while a file was written


def _scratch_disk_full_instead(path: Path) -> bool:
    """Whether it was the data folder's disk that ran out, where an export keeps its scratch files,
    while the target's own disk has room: the user must free space there, not beside the target."""
    from models import paths

    try:
        return (shutil.disk_usage(Path(path).parent).free >= ROOMY_BYTES
                > shutil.disk_usage(paths.temp_dir()).free)
    except OSError:
        return False


def temporary_beside(path: Path) -> Path:
    """A new empty file beside ``path`` whose name says which process is writing it."""
    sweep(path.parent)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{os.getpid()}-",
                                    suffix=path.suffix or ".tmp")
    os.close(handle)
    return Path(name)


SQLITE_BESIDE = ("-journal", "-wal", "-shm")  # what SQLite writes beside a database it writes


def discard(partial: Path) -> None:
    """A temporary database gone, with the journal SQLite leaves beside it when a write fails halfway
    (on a full disk): no half-written file stays in the user's folder."""
    for suffix in ("", *SQLITE_BESIDE):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_target(path: str | Path, before_replace: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a temporary file beside ``path``; rename it over ``path`` if the block succeeds.

    Any failure (a cancel, a full disk) removes the temporary file and leaves
    ``path`` untouched; OSErrors become TargetError naming ``path``.
    ``before_replace(path)`` may refuse at the last moment by raising.
    """
    path = check_target(path)
    try:
        temporary = temporary_beside(path)
    except OSError as error:
        raise TargetError(write_error_text(path, error)) from error
    try:
        yield temporary
        if before_replace is not None:
            before_replace(path)
        flush_to_disk(temporary)
        _replace(temporary, path)
    except OSError as error:
        raise TargetError(write_error_text(path, error)) from error
    finally:
        temporary.unlink(missing_ok=True)


def _replace(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except PermissionError as error:  # Windows: the target is open in another program
        if path.exists():
            raise TargetError(translate("Files", "{path} is open in another program. Close it there and "
                                        "try again; the old file has not been changed.").format(
                path=path)) from error
        raise


def flush_to_disk(path: Path) -> None:
    """The file's bytes on the disk, not only in the system's cache (a power cut after the rename)."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


# --- leftovers ---------------------------------------------------------------------------------

def use_private_temp() -> Path:
    """This process's own temporary folder in the data folder, for every ``tempfile`` user (XlsxWriter's
    scratch files hold names and ID numbers); at every start, the folders of processes that are gone
    are swept, and so are the temporary files killed writes left in the data and backups folders."""
    from models import paths

    root = paths.temp_dir()
    own = root / str(os.getpid())
    try:
        own.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(data_folder_text(paths.data_dir(), error)) from error
    for folder in root.iterdir():
        if folder != own and folder.name.isdigit() and not process_alive(int(folder.name)):
            shutil.rmtree(folder, ignore_errors=True)
    for folder in (paths.data_dir(), paths.backups_dir()):  # what killed writes left in the program's folders
        sweep(folder)
    tempfile.tempdir = str(own)
    return own


def data_folder_text(folder: Path, error: BaseException) -> str:
    """Why the data folder cannot be written, and what to do, in the user's words (``error`` the
    system's, or SQLite's)."""
    if is_full(error):
        reason = translate("Files", "the disk is full")
    elif _is_closed(error):
        reason = translate("Files", "it is read-only or you may not write there")
    else:
        reason = getattr(error, "strerror", None) or str(error)
    return translate("Files", "台账通's data folder {folder} cannot be written ({reason}). It holds the "
                     "backups, the log and the scratch files of exports, so nothing was done. Free some "
                     "space on that disk, or ask for that folder to be made writable.").format(
        folder=folder, reason=reason)


def drop_private_temp() -> None:
    """At the end of the process: its own temporary folder goes (what it held was scratch)."""
    from models import paths

    own = paths.temp_dir() / str(os.getpid())
    if tempfile.tempdir == str(own):
        tempfile.tempdir = None
    shutil.rmtree(own, ignore_errors=True)


def sweep(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files in ``folder`` whose process is gone (or that are a day old)."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(folder.glob(f"{TEMP_PREFIX}*"))
    except OSError:
        return []
    for entry in entries:
        if _abandoned(entry, now):
            try:
                if entry.is_dir():
                    continue
                entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed


def _abandoned(entry: Path, now: float) -> bool:
    pid_text = entry.name[len(TEMP_PREFIX):].split("-", 1)[0]
    try:
        age = now - entry.stat().st_mtime
    except OSError:
        return False
    if age > STALE_SECONDS:
        return True
    if not pid_text.isdigit():
        return age > 60  # a name of an older program: gone after a minute
    pid = int(pid_text)
    return pid != os.getpid() and not process_alive(pid)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it is someone else's
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE
