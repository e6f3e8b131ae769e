"""The home page: the product, its goals, its counts, the check result, links to every section."""

from __future__ import annotations

from typing import Iterator

from ...issues import Severity
from ..context import RenderContext
from ..templating import render_template

PATH = "index.md"


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    project = context.project
    counts = [(key, len(project.items(key))) for key in ("features", "pages", "rules", "flows",
                                                         "objects", "roles")]
    problems = [issue for issue in context.issues if issue.severity >= Severity.WARNING]
    yield PATH, render_template("home.md.j2", project=project, settings=project.settings,
                                labels=context.labels, counts=counts, issues=context.issues,
                                problems=problems, page_path=PATH)
