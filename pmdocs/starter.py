"""`pmdocs new`: copy the starter project (shipped in `templates/starter/<language>/`); and the
JSON Schemas its spec files point to, written by `pmdocs new` and again by `pmdocs schema
--write` after an upgrade."""

from __future__ import annotations

import os
from pathlib import Path

from .load.files import PROJECT_FILE_NAMES, inside
from .model.schema import SCHEMA_KINDS, schema_text
from .resources import templates_dir

SCHEMA_FOLDER = "schema"
"""Where a project keeps its schemas; spec files point there from their first line:
`# yaml-language-server: $schema=./schema/spec.schema.json` (pmdocs.yml: `project.schema.json`)."""


class StarterError(Exception):
    """The starter or the schemas cannot be written (the folder is not empty, not a project,
    or cannot be written)."""


def write_starter(directory: Path, language: str) -> list[Path]:
    """Write the starter's files and the JSON Schemas its files point to; the paths written."""
    source = templates_dir() / "starter" / language
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise StarterError(f"`{directory}` exists and is not an empty folder; choose a new one")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for template in sorted(source.rglob("*.yml")):
            target = directory / template.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(target)
        written.extend(_write_schemas(directory))
    except OSError as error:
        raise StarterError(f"cannot write `{directory}`: {error.strerror or error}") from error
    return written


def schema_path(project: Path, kind: str) -> Path:
    """`PROJECT/schema/spec.schema.json` (`kind` spec) or `project.schema.json` (pmdocs.yml)."""
    return project / SCHEMA_FOLDER / f"{kind}.schema.json"


def write_schemas(project: Path) -> list[Path]:
    """Write the project's JSON Schemas again, as `pmdocs new` wrote them; the paths written.
    Only into a project (a folder with pmdocs.yml), and never through a symbolic link that
    leads outside it."""
    if not project.is_dir():
        raise StarterError(f"project folder `{project}` does not exist or is not a folder; "
                           "pass the folder that holds pmdocs.yml")
    if not any((project / name).is_file() for name in PROJECT_FILE_NAMES):
        raise StarterError(f"no pmdocs.yml in `{project}`; pass the folder that holds it, or "
                           "create a project with `pmdocs new`")
    root = os.path.realpath(project)
    for kind in SCHEMA_KINDS:
        target = schema_path(project, kind)
        if not inside(os.path.realpath(target), root):
            raise StarterError(f"`{target}` is a symbolic link that leads outside the project; "
                               "nothing written (remove the link first)")
    try:
        return _write_schemas(project)
    except OSError as error:
        raise StarterError(f"cannot write `{project / SCHEMA_FOLDER}`: "
                           f"{error.strerror or error}") from error


def _write_schemas(project: Path) -> list[Path]:
    written = []
    for kind in SCHEMA_KINDS:
        target = schema_path(project, kind)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(schema_text(kind), encoding="utf-8")
        written.append(target)
    return written
