"""`pmdocs new`: copy the starter project (shipped in `templates/starter/<language>/`)."""

from __future__ import annotations

import json
from pathlib import Path

from .model.schema import json_schema
from .resources import templates_dir

SCHEMA_FOLDER = "schema"


class StarterError(Exception):
    """The starter cannot be written (the folder is not empty, or cannot be created)."""


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
        for kind in ("spec", "project"):
            target = directory / SCHEMA_FOLDER / f"{kind}.schema.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(json_schema(kind), ensure_ascii=False, indent=2,
                                         sort_keys=True) + "\n", encoding="utf-8")
            written.append(target)
    except OSError as error:
        raise StarterError(f"cannot write `{directory}`: {error.strerror or error}") from error
    return written
