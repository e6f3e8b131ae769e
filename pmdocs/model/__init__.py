"""The model stage: loaded spec files -> a typed, frozen `Project`."""

from __future__ import annotations

import os

from ..issues import Issue
from ..load import load_project
from .project import Project, build_project

__all__ = ["Project", "build_project", "read_project"]


def read_project(root: str | os.PathLike) -> tuple[Project, list[Issue], int]:
    """Load and model a project folder: the project, every problem so far, and the file count."""
    loaded = load_project(root)
    project, issues = build_project(loaded)
    return project, list(loaded.issues) + issues, loaded.file_count
