"""Output files: the one rule every command that writes a file follows (view, export, query --out,
eval --errors).

* A file is never written into a kg store folder (the ``--store`` given, or any folder holding a
  ``kg-store.json``) nor onto one of its files: a store only ever holds what kg build wrote.
* An existing file, or a symlink (even a dangling one), is not overwritten unless ``force``; with
  ``force`` a symlink is written through (its target replaced, the link kept).
* A file is written beside its target and renamed over it, so a failed write never leaves half a
  file, and the caller says what was written where (:func:`describe`).

Errors are :class:`OutputError`, one sentence naming the path and what to do.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from kg.errors import UsageError

T = TypeVar("T")
STORE_MARKER = "kg-store.json"


class OutputError(UsageError, ValueError):
    """The file cannot be written as asked; the message says why and what to do."""


def _store_of(path: Path) -> Path | None:
    """The kg store folder ``path`` is in (or is), if any."""
    for folder in (path, *path.parents):
        try:
            if (folder / STORE_MARKER).is_file():
                return folder
        except OSError:
            continue
    return None


def check_target(path: str | Path, force: bool = False, store: str | Path | None = None) -> Path:
    """The file to write for ``path`` (a symlink's target when forced), or :class:`OutputError`.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "kg-view.html").write_text("old")
    >>> check_target(d / "kg-view.html")
    Traceback (most recent call last):
    ...
    kg.output.OutputError: ... exists; use --force to overwrite it, or give another file name
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    real = Path(os.path.realpath(path))
    folder = real.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {path.parent} does not exist")
    stores = [s for s in (_store_of(folder),) if s is not None]
    if store is not None and not str(store).startswith(("sparql+http:", "sparql+https:")):
        given = Path(os.path.realpath(store))
        if real == given or given in real.parents:
            stores.append(given)
    if stores:
        raise OutputError(f"{path} is inside the kg store {stores[0]}; write it outside the store folder")
    if path.is_symlink():
        if not force:
            raise OutputError(f"{path} is a symlink (to {os.readlink(path)}); use --force to write through it")
        if real.is_dir():
            raise OutputError(f"{path} is a symlink to a folder; give a file name")
    elif path.exists() and not force:
        raise OutputError(f"{path} exists; use --force to overwrite it, or give another file name")
    return real


def free_name(path: str | Path) -> Path:
    """``path`` if nothing is there, else the first of ``name-2.ext``, ``name-3.ext``... that is free.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "kg-view.html").write_text("old")
    >>> free_name(d / "kg-view.html").name
    'kg-view-2.html'
    """
    path = Path(path)
    n = 1
    candidate = path
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def write_file(
    path: str | Path, write: Callable[[BinaryIO], T], force: bool = False, store: str | Path | None = None
) -> T:
    """Check ``path`` (:func:`check_target`), call ``write(stream)`` on a temporary file beside it
    and rename that over the target; return what ``write`` returned."""
    target = check_target(path, force=force, store=store)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            result = write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return result


def write_text(path: str | Path, text: str, force: bool = False, store: str | Path | None = None) -> int:
    """Write ``text`` as UTF-8 by :func:`write_file`; returns the bytes written."""
    data = text.encode("utf-8")
    return write_file(path, lambda fh: fh.write(data), force=force, store=store)


def describe(path: str | Path) -> str:
    """Where a file was written, for a message: the absolute path, and for a symlink where it leads.

    >>> describe("/tmp/x.csv")
    '/tmp/x.csv'
    """
    path = Path(path)
    real = Path(os.path.realpath(path))
    if path.is_symlink():
        return f"{path} -> {real}"
    return str(path) if path.is_absolute() and real == path else str(real)
