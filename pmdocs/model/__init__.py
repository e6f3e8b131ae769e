"""The model stage: loaded spec files -> a typed, frozen `Project`."""

from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path
from typing import Iterator

from ..issues import Issue
from ..load import SpecFile, load_project
from .project import FileModel, Project, assemble, build_project, model_file

__all__ = ["Project", "build_project", "read_project"]


def read_project(root: str | os.PathLike, cache_dir: Path | None = None
                 ) -> tuple[Project, list[Issue], int]:
    """Load and model a project folder: the project, every problem so far, and the file count.

    With `cache_dir`, files whose text, path and pmdocs' code are unchanged since an earlier
    run are taken from the cache instead of being parsed and validated again."""
    with _collector_paused():
        return _read(root, cache_dir)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading creates about a million small objects and no reference cycles; Python's cyclic
    collector would walk them all again and again (measured: 40% of a 2,000-item load), and
    once more on every later collection. So it is paused while reading, and what was read is
    then frozen out of its sight (reference counting still frees it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _read(root: str | os.PathLike, cache_dir: Path | None) -> tuple[Project, list[Issue], int]:
    if cache_dir is None:
        loaded = load_project(root)
        project, issues = build_project(loaded)
        return project, list(loaded.issues) + issues, loaded.file_count
    from .cache import ModelCache

    cache = ModelCache(cache_dir)
    loaded = load_project(root, known=cache.known)
    issues = list(loaded.issues)
    models = []
    for spec_file in loaded.files:
        model = _cached_model(cache, spec_file, issues)
        models.append(model)
        issues.extend(model.issues)
    return assemble(loaded, models), issues, loaded.file_count


def _cached_model(cache, spec_file: SpecFile, issues: list[Issue]) -> FileModel:
    key = (spec_file.path, spec_file.text, spec_file.is_project_file)
    if spec_file.skipped:
        parse_issues, model = cache.get(*key)
        issues.extend(parse_issues)
        return model
    model = model_file(spec_file)
    if spec_file.text:
        cache.put(*key, spec_file.issues, model)
    return model
