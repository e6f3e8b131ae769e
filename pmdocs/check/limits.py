"""Checks: limits (to be written)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue
from ..model import Project


def check(project: Project) -> Iterator[Issue]:
    return iter(())
