"""The function structure: product → module → menu → page → element, as diagrams and as a
nested list (the same tree, linked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from ...model.index import Module
from ...model.spec import Page
from ...sitemap import SiteMap
from ..context import RenderContext
from ..cells import Html, escaped, strong
from ..items import DiagramSection, anchored_link, diagram, item_link, module_link
from ..tables import document
from ..templating import render_template
from ..text import Safe, heading_id

PATH = SiteMap.section("structure")
INDENT = "  "


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    modules = context.project.index.modules
    split = [DiagramSection(heading_id("structure", module.key), module.title,
                        diagram(context, "structure-" + module.key, PATH))
             for module in modules if "structure-" + module.key in context.diagrams]
    yield PATH, document(render_template(
        "structure.md.j2", labels=context.labels, diagram=diagram(context, "structure", PATH),
        modules=split, tree=_tree(context, modules)), context.labels["structure"], searched=False)


@dataclass
class MenuNode:
    """A level of menus: its sub-menus (in order of first mention) and its own pages."""

    menus: dict[str, "MenuNode"] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)


@dataclass(frozen=True)
class Branch:
    """An entry of the tree and what hangs under it."""

    label: Html
    children: tuple["Branch", ...] = ()


def _tree(context: RenderContext, modules: Sequence[Module]) -> Safe:
    """Product → module → menu levels (`我的 / 我的订单` is two) → page → element, as an HTML
    list: with an entry per page and per element it was a third of the time Python-Markdown
    spent on the whole N=500 site, and as HTML the front end keeps it out of Markdown."""
    branches = []
    for module in modules:
        root = MenuNode()
        for page_id in module.pages:
            page = context.project.index.page(page_id)
            node = root
            for part in context.project.index.menu_of(page):
                node = node.menus.setdefault(part, MenuNode())
            node.pages.append(page)
        branches.append(Branch(module_link(context, module.key, PATH),
                               tuple(_menu_branches(context, root))))
    product = Branch(strong(context.project.settings.name), tuple(branches))
    return Safe("\n".join(_html_list((product,), 0)))


def _menu_branches(context: RenderContext, node: MenuNode) -> list[Branch]:
    """Sub-menus first (each with what is under it), then the pages of this level."""
    return [Branch(escaped(title), tuple(_menu_branches(context, child)))
            for title, child in node.menus.items()] + \
        [_page_branch(context, page) for page in node.pages]


def _page_branch(context: RenderContext, page: Page) -> Branch:
    labels = context.labels
    kind = "" if page.kind == "page" else f" ({escaped(labels[page.kind])})"
    target = SiteMap.item("pages", page.id)
    elements = []
    for element in page.elements:
        text = anchored_link(context.project.index.element_title(element), target,
                             "element-" + element.id, PATH)
        elements.append(Branch(Html(f"{text} ({escaped(element.type)})")))
    return Branch(Html(f"{item_link(context, 'pages', page.id, PATH)}{kind}"), tuple(elements))


def _html_list(branches: tuple[Branch, ...], depth: int) -> list[str]:
    """One entry per line, nested lists indented (only the outer `</ul>` starts a line)."""
    indent = INDENT * depth
    lines = [f"{indent}<ul>"]
    for branch in branches:
        if branch.children:
            lines += [f"{indent}<li>{branch.label}", *_html_list(branch.children, depth + 1),
                      f"{indent}</li>"]
        else:
            lines.append(f"{indent}<li>{branch.label}</li>")
    return lines + [f"{indent}</ul>"]
