"""The page map: the module overview diagram and list, and one page per module with its
jump diagram and its pages (kind, entry sources, device)."""

from __future__ import annotations

from typing import Iterator

from ...model.spec import Page
from ...sitemap import SiteMap
from ..context import RenderContext
from ..items import DiagramSection, diagram, item_link, module_link, separator
from ..tables import document, table
from ..templating import render_template
from ..text import heading_id, link

INDEX = SiteMap.section("pagemap")


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    modules = [module.key for module in context.project.index.modules]
    rows = []
    for module in modules:
        pages = _pages_of(context, module)
        rows.append((module_link(context, module, INDEX), len(pages),
                     sum(1 for page in pages if page.is_entry)))
    yield INDEX, document(render_template(
        "pagemap_index.md.j2", labels=labels, diagram=diagram(context, "pagemap", INDEX),
        modules=table((labels["module"], labels["page_total"], labels["entry_count"]), rows)),
        labels["pagemap"])
    for module in modules:
        yield SiteMap.module_map(module), module_page(context, module)


def _pages_of(context: RenderContext, module: str) -> list[Page]:
    index = context.project.index
    return [index.page(page_id) for page_id in index.module(module).pages]


def entry_text(context: RenderContext, page: Page) -> str:
    """Where a user can open the page directly (tab, push …), or that only a flow leads there."""
    if not page.entry:
        return context.labels["not_entry"]
    return separator(context).join(context.labels["source_" + source] for source in page.entry)


def kind_text(context: RenderContext, page: Page) -> str:
    return context.labels["page" if page.kind == "page" else page.kind]


def device_text(context: RenderContext, page: Page) -> str:
    return context.labels["device_" + page.device] if page.device else ""


def module_page(context: RenderContext, module: str) -> str:
    labels = context.labels
    path = SiteMap.module_map(module)
    rows = [(item_link(context, "pages", page.id, path), kind_text(context, page),
             entry_text(context, page), device_text(context, page), page.menu)
            for page in _pages_of(context, module)]
    pages = table((labels["page"], labels["page_kind"], labels["entry"], labels["device"],
                   labels["menu"]), rows)
    return document(render_template(
        "pagemap_module.md.j2", labels=labels, title=context.project.index.module(module).title,
        pages=pages,
        diagram=diagram(context, "pagemap-" + module, path),
        groups=group_maps(context, module, path),
        overview=link(labels["pagemap"], INDEX, path)),
        f"{context.project.index.module(module).title} · {labels['pagemap']}")


def group_maps(context: RenderContext, module: str, path: str) -> list[DiagramSection]:
    """The maps of a large module's groups of pages (`pagemap-<module>.<n>`), each under a
    heading of its own on the module's page (the group map's nodes link to `#group-<n>`):
    a reader follows the module from its overview to a group without leaving the page, and
    the navigation keeps one entry per module."""
    found = []
    number = 1
    while f"pagemap-{module}.{number}" in context.diagrams:
        shown = context.diagrams[f"pagemap-{module}.{number}"]
        found.append(DiagramSection(heading_id(SiteMap.page_group(number)), shown.part,
                                    diagram(context, shown.id, path)))
        number += 1
    return found
