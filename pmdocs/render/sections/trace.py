"""Traceability: features × pages (one table per module), features × rules, and roles ×
pages (who may see what), with the pages no feature covers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ...sitemap import SiteMap
from ..context import RenderContext
from ..cells import Html
from ..items import item_link, markdown_item_links, separator
from ..tables import CHECK_MARK, document, matrix
from ..templating import render_template
from ..text import Safe

PATH = SiteMap.section("trace")


@dataclass(frozen=True)
class ModuleMatrix:
    key: str
    title: str
    matrix: Safe


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    project = context.project
    listed = project.index.listed
    covered = {page_id for feature in listed["features"] for page_id in feature.pages}
    uncovered = markdown_item_links(context, "pages", [page.id for page in listed["pages"]
                                                       if page.id not in covered], PATH)
    yield PATH, document(render_template(
        "trace.md.j2", labels=context.labels, page_matrices=_feature_pages(context),
        uncovered=uncovered, rule_matrix=_feature_rules(context),
        role_matrix=_role_pages(context), check_mark=CHECK_MARK,
        open_pages=markdown_item_links(context, "pages", [page.id for page in listed["pages"]
                                                          if not page.roles], PATH)),
        context.labels["trace"], searched=False, wide=True)


def _link(context: RenderContext, section: str, item_id: str) -> tuple[str, Html]:
    return item_id, item_link(context, section, item_id, PATH)


def _feature_pages(context: RenderContext) -> list[ModuleMatrix]:
    project = context.project
    listed = project.index.listed
    marks = {(feature.id, page_id): CHECK_MARK for feature in listed["features"]
             for page_id in feature.pages}
    result = []
    for module in project.index.modules:
        pages = list(module.pages)
        features = [feature.id for feature in listed["features"]
                    if any(page_id in feature.pages for page_id in pages)]
        table = matrix(context.labels["feature"],
                       [_link(context, "features", item) for item in features],
                       [_link(context, "pages", item) for item in pages], marks, separator(context))
        result.append(ModuleMatrix(module.key, module.title, table))
    return result


def _feature_rules(context: RenderContext) -> Safe:
    project = context.project
    listed = project.index.listed
    marks = {(feature.id, rule_id): CHECK_MARK for feature in listed["features"]
             for rule_id in feature.rules}
    return matrix(context.labels["feature"],
                  [_link(context, "features", feature.id) for feature in listed["features"]],
                  [_link(context, "rules", rule.id) for rule in listed["rules"]], marks,
                  separator(context))


def _role_pages(context: RenderContext) -> Safe:
    """Rows the pages that name roles (or show elements to some roles only), columns roles:
    ✓ the page names the role, +N: N of its elements are shown only to some roles, this one
    among them. Only what the specs say: a page that names no role is listed apart."""
    project = context.project
    listed = project.index.listed
    marks: dict[tuple[str, str], str] = {}
    for page in listed["pages"]:
        for role in listed["roles"]:
            mark = CHECK_MARK if role.id in page.roles else ""
            restricted = sum(1 for element in page.elements if role.id in element.roles)
            if mark or restricted:
                marks[(page.id, role.id)] = f"{mark} +{restricted}".strip() if restricted else mark
    named = {page_id for page_id, _ in marks}
    return matrix(context.labels["page"],
                  [_link(context, "pages", page.id) for page in listed["pages"] if page.id in named],
                  [_link(context, "roles", role.id) for role in listed["roles"]], marks,
                  separator(context))
