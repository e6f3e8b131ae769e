"""A cache of validated spec files, so an unchanged file is neither parsed nor validated
again (as mypy and ruff keep theirs). A file's entry is keyed by its text, its path (issues
carry it) and a fingerprint of pmdocs' own loading and modelling code, so any change to
either makes a fresh entry; a damaged or unreadable entry is simply a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import tempfile
import time
from pathlib import Path
from typing import Iterable

import pydantic
import yaml

from .. import __version__
from .project import FileResult


def code_fingerprint() -> str:
    """pmdocs' version, pydantic's, PyYAML's and libyaml's, and the bytes of every module that
    decides a file's model (the issues registry and the load and model stages, found by
    globbing, so a new module cannot be forgotten)."""
    package = Path(__file__).resolve().parent.parent
    return source_fingerprint(f"{__version__} {pydantic.VERSION} {yaml_version()}", [
        package / "issues.py", *(package / "load").glob("*.py"), *(package / "model").rglob("*.py")])


def yaml_version() -> str:
    """PyYAML's version, and libyaml's when PyYAML reads with it: the words and places of
    syntax errors depend on both (libyaml 0.2.6, for one, stops at 1000 nested levels)."""
    if not yaml.__with_libyaml__:
        return f"PyYAML {yaml.__version__}"
    from yaml import _yaml    # the C extension behind yaml.CSafeLoader
    return f"PyYAML {yaml.__version__} libyaml {_yaml.get_version_string()}"


def source_fingerprint(label: str, sources: Iterable[Path]) -> str:
    """A digest of `label` and of the names and bytes of the `sources` (in sorted order)."""
    digest = hashlib.sha256(label.encode())
    for path in sorted(sources):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def dump_atomically(value: object, target: Path) -> None:
    """Pickle `value` into `target` through a temporary file, so that a reader never sees half
    of it; a cache that cannot be written only costs time, so an `OSError` is ignored."""
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False) as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


UNUSED_DAYS = 30
"""An entry no run has used for this long is removed (each edit of a file adds an entry)."""
ENTRY_NAME = re.compile(r"[0-9a-f]{64}")


class ModelCache:
    """Validated files by content: `known` says whether a file is cached (and reads it),
    `get` gives it, `put` stores a new one, `prune` removes entries unused for a month (a
    used entry is touched). What one instance has read or stored it keeps in memory too, so
    the runs of one command that share it (`pmdocs diff` checks two revisions) read a file
    unchanged between them once; without a folder it is that memory alone."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.fingerprint = code_fingerprint()
        self.entries: dict[str, FileResult] = {}
        self.hits = 0
        self.written = 0

    def key(self, path: str, text: str, is_project_file: bool) -> str:
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(f"\0{path}\0{is_project_file}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def known(self, path: str, text: str, is_project_file: bool) -> bool:
        """Whether the file's model is cached (it is then held in memory for `get`)."""
        key = self.key(path, text, is_project_file)
        if key in self.entries:
            self.hits += 1
            return True
        if self.folder is None:
            return False
        entry = self.folder / key[:2] / key
        try:
            with open(entry, "rb") as handle:
                self.entries[key] = pickle.load(handle)
        except Exception:   # a miss: absent, unreadable, or written by another version
            return False
        with contextlib.suppress(OSError):
            os.utime(entry)     # used now: `prune` keeps it
        self.hits += 1
        return True

    def get(self, path: str, text: str, is_project_file: bool) -> FileResult:
        """(the file's read/parse issues, its model), after `known` said yes."""
        return self.entries[self.key(path, text, is_project_file)]

    def put(self, path: str, text: str, is_project_file: bool, result: FileResult) -> None:
        key = self.key(path, text, is_project_file)
        self.entries[key] = result
        if self.folder is not None:
            dump_atomically(result, self.folder / key[:2] / key)
            self.written += 1

    def prune(self, now: float | None = None) -> None:
        """Remove the entries no run has used for `UNUSED_DAYS` (only files named like an
        entry, in the cache's own folders; one that cannot be removed is left)."""
        if self.folder is None:
            return
        oldest = (time.time() if now is None else now) - UNUSED_DAYS * 24 * 3600
        for entry in self.folder.glob("[0-9a-f][0-9a-f]/*"):
            with contextlib.suppress(OSError):
                if ENTRY_NAME.fullmatch(entry.name) and entry.stat().st_mtime < oldest:
                    entry.unlink()
