"""Where the files shipped with pmdocs live (templates, starter project), where its caches
are kept, and the digest of pmdocs' own code that cached outputs are made by."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """`pmdocs/templates` in an installed wheel, or the checkout's top-level `templates/`."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("pmdocs' templates folder is missing; reinstall pmdocs")


def cache_root() -> Path:
    """pmdocs' user cache folder: `$XDG_CACHE_HOME/pmdocs` (or `~/.cache/pmdocs`)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(root) / "pmdocs"


def template_bytecode_cache() -> Any:
    """A Jinja bytecode cache in pmdocs' cache folder, so each template is compiled once per
    machine rather than once per build (Jinja checks each entry against its template's source
    and writes it atomically, so builds side by side share it); None when the folder cannot
    be made."""
    from jinja2 import FileSystemBytecodeCache
    folder = cache_root() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def default_cache_dir() -> Path:
    """Where diagram SVGs are cached."""
    return cache_root() / "diagrams"


def spec_cache_dir() -> Path:
    """Where what is derived from unchanged spec files is cached: validated files, and the
    analyses of decision tables."""
    return cache_root() / "specs"


def project_key(project_dir: str | os.PathLike) -> str:
    """A short name for a project folder, for cache files kept one per project (each holds
    only what the project's last run used, so two projects must not share one)."""
    resolved = str(Path(project_dir).resolve())
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def search_words_file(project_dir: Path) -> Path:
    """Where the words of the Chinese in a project's site are kept between builds."""
    return cache_root() / "search" / f"words-{project_key(project_dir)}.json"


def memo_file(project_dir: Path) -> Path:
    """Where a project's last build keeps its diagrams and documents (`pmdocs.memo`)."""
    return cache_root() / "memo" / f"{project_key(project_dir)}.pickle"


@functools.cache
def code_digest(packages: tuple[str, ...]) -> str:
    """A digest of pmdocs' source and templates and of the versions of `packages`: what an
    output made by this pmdocs depends on besides its inputs (computed once per process)."""
    hashed = hashlib.sha256()
    folders = [_PACKAGE] + [folder for folder in (_PACKAGE.parent / "templates",)
                            if folder.is_dir()]
    parts: list[bytes] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                parts += [path.relative_to(folder).as_posix().encode(), path.read_bytes()]
    for name in packages:
        try:
            parts.append(f"{name} {importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name} -".encode())
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big") + part)
    return hashed.hexdigest()
