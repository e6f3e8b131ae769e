"""The function structure: product → module → menu → page → element, as diagrams and as a
nested list (the same tree, searchable and linked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ...model.spec import Page
from ...paths import item_path
from ..context import RenderContext
from ..items import (anchored_link, diagram, item_link, module_ids, module_key, module_link,
                     module_title, unique)
from ..tables import anchor, document
from ..templating import render_template
from ..text import Safe, inline

PATH = "structure.md"
INDENT = "    "
"""Python-Markdown nests a list four spaces deep."""


@dataclass(frozen=True)
class ModuleTree:
    """A module's own diagram, when the product's tree is split by module."""

    anchor: Safe
    title: str
    diagram: Safe


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    modules = module_ids(context)
    split = [ModuleTree(anchor("structure", module), module_title(context, module),
                        diagram(context, "structure-" + module, PATH))
             for module in modules if "structure-" + module in context.diagrams]
    yield PATH, document(render_template(
        "structure.md.j2", labels=context.labels, diagram=diagram(context, "structure", PATH),
        modules=split, tree=_tree(context, modules)))


@dataclass
class MenuNode:
    """A level of menus: its sub-menus (in order of first mention) and its own pages."""

    menus: dict[str, "MenuNode"] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)


def _tree(context: RenderContext, modules: list[str]) -> Safe:
    """Product → module → menu levels (`我的 / 我的订单` is two) → page → element."""
    lines = [f"- **{inline(context.project.settings.name)}**"]
    for module in modules:
        lines.append(f"{INDENT}- {module_link(context, module, PATH)}")
        root = MenuNode()
        for page in unique(context.project.pages):
            if module_key(context, page) == module:
                node = root
                for part in (part.strip() for part in page.menu.split("/")):
                    node = node.menus.setdefault(part, MenuNode()) if part else node
                node.pages.append(page)
        lines.extend(_menu_lines(context, root, 2))
    return Safe("\n".join(lines))


def _menu_lines(context: RenderContext, node: MenuNode, depth: int) -> list[str]:
    """Sub-menus first (each with what is under it), then the pages of this level."""
    lines = []
    for title, child in node.menus.items():
        lines.append(f"{INDENT * depth}- {inline(title)}")
        lines.extend(_menu_lines(context, child, depth + 1))
    for page in node.pages:
        lines.extend(_page_lines(context, page, depth))
    return lines


def _page_lines(context: RenderContext, page: Page, depth: int) -> list[str]:
    labels = context.labels
    kind = "" if page.kind == "page" else f" ({inline(labels[page.kind])})"
    lines = [f"{INDENT * depth}- {item_link(context, 'pages', page.id, PATH)}{kind}"]
    for element in page.elements:
        text = anchored_link(element.label or element.id, item_path("pages", page.id),
                             "element-" + element.id, PATH)
        lines.append(f"{INDENT * (depth + 1)}- {text} ({inline(element.type)})")
    return lines
