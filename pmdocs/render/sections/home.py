"""The home page: the product, its goals, its counts, the check result, links to every section."""

from __future__ import annotations

from typing import Iterator

from ...sitemap import SECTIONS, TOOL_PAGES, SiteMap
from .. import cells
from ..context import RenderContext
from ..problems import issue_summary, issue_table
from ..tables import document, table
from ..templating import render_template
from ..text import Safe, inline, link

PATH = SiteMap.section("home")

COUNTED = (("features", "features"), ("pages", "pagemap"), ("rules", "rules"), ("flows", "flows"),
           ("objects", "objects"), ("roles", "roles"))
"""The item kinds counted on the home page, each with the section that lists them."""


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    project = context.project
    counts = table([cells.link(labels[key], SiteMap.section(section), PATH)
                    for key, section in COUNTED],
                   [[len(project.index.items[key]) for key, _ in COUNTED]])
    sections = [Safe(f"{link(labels[name], path, PATH)} — {inline(labels['about_' + name])}")
                for name, path in SECTIONS.items() if path != PATH and name not in TOOL_PAGES]
    changes = context.history.since if context.history is not None else None
    if changes is not None:
        about = labels["about_changes"].format(since=changes.base.short)
        sections.insert(0, Safe(f"{link(labels['changes'], SiteMap.changes(), PATH)} — "
                                f"{inline(about)}"))
    if project.pages:
        sections.append(Safe(f"{link(labels['proto_title'], SiteMap.prototype(), PATH)} — "
                             f"{inline(labels['about_prototype'])}"))
    yield PATH, document(render_template(
        "home.md.j2", settings=project.settings, labels=labels, counts=counts,
        summary=issue_summary(context, context.issues),
        codes=Safe(f"{link(labels['codes'], SECTIONS['codes'], PATH)} — "
                   f"{inline(labels['about_codes'])}"),
        problems=issue_table(context, context.issues, PATH),
        sections=sections), project.settings.name)

