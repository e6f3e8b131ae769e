"""Where the files shipped with pmdocs live (templates, starter project)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

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
