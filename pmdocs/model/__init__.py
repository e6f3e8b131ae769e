"""The model stage: loaded spec files -> a typed, frozen `Project`."""

from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..issues import Issue
from ..load import LoadResult, SpecFile, load_project
from .project import FileResult, Project, assemble, build_project, model_text

if TYPE_CHECKING:
    from .cache import ModelCache

__all__ = ["Project", "build_project", "model_project", "read_project"]


def read_project(root: str | os.PathLike, cache_dir: Path | None = None
                 ) -> tuple[Project, list[Issue], int]:
    """Load and model a project folder: the project, every problem so far, and the file count
    (the first two stages of `pmdocs.pipeline`, for a front end that needs no more)."""
    loaded = load_project(root, parse=False)
    project, issues = model_project(loaded, cache_dir)
    return project, issues, loaded.file_count


def model_project(loaded: LoadResult, cache: "Path | ModelCache | None" = None
                  ) -> tuple[Project, list[Issue]]:
    """The loaded files as one project, with every problem so far (the loader's too).

    With a cache (a folder, or a `ModelCache` several runs share), files whose text, path and
    pmdocs' code are unchanged since an earlier run are taken from the cache instead of being
    parsed and validated again."""
    with _collector_paused():
        return _model(loaded, cache)


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


def _model(loaded: LoadResult, cache_given: "Path | ModelCache | None"
           ) -> tuple[Project, list[Issue]]:
    cache = cache_given if not isinstance(cache_given, Path) else None
    if isinstance(cache_given, Path):
        from .cache import ModelCache
        cache = ModelCache(cache_given)
    issues = list(loaded.issues)
    models = []
    for spec_file in loaded.files:
        parse_issues, model = _file_result(spec_file, cache)
        issues.extend(parse_issues if spec_file.skipped else ())   # else in `loaded.issues`
        models.append(model)
    issues.extend(issue for model in models for issue in model.issues)
    if cache is not None and cache.written:
        cache.prune()   # only when a file changed: a run that reads all from it walks nothing
    return assemble(loaded, models), issues


def _file_result(spec_file: SpecFile, cache: "ModelCache | None") -> FileResult:
    """A file's result from the cache, or parsed and validated now (and then cached).
    pmdocs.yml is cached too: validating it would build the settings' validator."""
    if cache is None or not spec_file.text:
        return model_text(spec_file)
    if cache.known(*_key(spec_file)):
        return cache.get(*_key(spec_file))
    result = model_text(spec_file)
    cache.put(*_key(spec_file), result)
    return result


def _key(spec_file: SpecFile) -> tuple[str, str, bool]:
    return spec_file.path, spec_file.text, spec_file.is_project_file
