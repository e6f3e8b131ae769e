"""The home page: the product, its goals, its counts, the check result, links to every section."""

from __future__ import annotations

from typing import Iterator

from ...paths import prototype_path
from .. import cells
from ..context import RenderContext
from ..problems import issue_summary, issue_table
from ..tables import document, table
from ..templating import render_template
from ..text import Safe, inline, link

PATH = "index.md"

COUNTED = (("features", "features/index.md"), ("pages", "pagemap/index.md"),
           ("rules", "rules/index.md"), ("flows", "flows/index.md"),
           ("objects", "objects/index.md"), ("roles", "roles/index.md"))
"""The item kinds counted on the home page, each with the section that lists them."""

SECTIONS = (("features", "features/index.md"), ("releases", "releases.md"),
            ("flows", "flows/index.md"), ("usecases", "usecases.md"),
            ("objects", "objects/index.md"), ("roles", "roles/index.md"),
            ("structure", "structure.md"), ("pagemap", "pagemap/index.md"),
            ("rules", "rules/index.md"), ("trace", "trace.md"), ("copy", "copy.md"),
            ("glossary", "glossary.md"), ("codes", "codes.md"))
"""Every section, in the navigation's order, each with its one-line description."""


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    project = context.project
    counts = table([cells.link(labels[key], path, PATH) for key, path in COUNTED],
                   [[len(project.index.items[key]) for key, _ in COUNTED]])
    sections = [Safe(f"{link(labels[key], path, PATH)} — {inline(labels['about_' + key])}")
                for key, path in SECTIONS]
    if project.pages:
        sections.append(Safe(f"{link(labels['proto_title'], prototype_path(), PATH)} — "
                             f"{inline(labels['about_prototype'])}"))
    yield PATH, document(render_template(
        "home.md.j2", settings=project.settings, labels=labels, counts=counts,
        summary=issue_summary(context, context.issues),
        problems=issue_table(context, context.issues, PATH),
        sections=sections))

