"""The roles: a table, and one page each (features, flow lanes, what it may see and edit)."""

from __future__ import annotations

from typing import Iterator

from ...model.spec import Role
from ...sitemap import SiteMap
from ..context import RenderContext
from ..items import (anchored_link, item_link, markdown_element_link, markdown_item_links,
                     referenced_by, scalar_text, separator)
from ..tables import cell_block, document, joined, table
from ..templating import render_template
from ..text import Safe

INDEX = SiteMap.section("roles")


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    rows = [(item_link(context, "roles", role.id, INDEX), role.id,
             labels["role_kind_" + role.kind], cell_block(role.description))
            for role in context.project.index.listed["roles"]]
    roles = table((labels["name"], labels["id"], labels["role_kind"], labels["description"]), rows)
    yield INDEX, document(render_template("roles_index.md.j2", labels=labels, roles=roles),
    labels["roles"])
    for role in context.project.index.listed["roles"]:
        yield SiteMap.item("roles", role.id), role_page(context, role)   # counts every page


def role_page(context: RenderContext, role: Role) -> str:
    labels = context.labels
    project = context.project
    path = SiteMap.item("roles", role.id)
    features = table((labels["feature"], labels["priority"], labels["status"]),
                     [(item_link(context, "features", feature.id, path), feature.priority,
                       labels["status_" + feature.status])
                      for feature in project.index.listed["features"] if role.id in feature.roles])
    flows = table((labels["flow"], labels["steps_in_lane"]),
                  [(item_link(context, "flows", flow.id, path),
                    sum(1 for step in flow.steps if step.lane == role.id))
                   for flow in project.index.listed["flows"] if role.id in flow.lanes])
    pages = markdown_item_links(context, "pages", [page.id for page in project.index.listed["pages"]
                                                   if role.id in page.roles], path)
    elements = joined([markdown_element_link(context, page.id, element.id, path)
                       for page in project.index.listed["pages"] for element in page.elements
                       if role.id in element.roles], separator(context))
    open_pages = sum(1 for page in project.index.listed["pages"] if not page.roles)
    return document(render_template(
        "role.md.j2", labels=labels, role=role, features=features, flows=flows, pages=pages,
        elements=elements, open_pages=labels["open_pages"].format(count=open_pages),
        parameters=_parameters(context, role, path),
        references=referenced_by(context, ("roles", role.id), path)), role.name,
        kind=labels["role"])


def _parameters(context: RenderContext, role: Role, path: str) -> Safe:
    labels = context.labels
    rows = []
    for rule in context.project.index.listed["rules"]:
        for parameter in rule.parameters:
            if role.id in parameter.editable_by:
                rows.append((item_link(context, "rules", rule.id, path),
                             anchored_link(parameter.title or parameter.id,
                                           SiteMap.item("rules", rule.id),
                                           "parameter-" + parameter.id, path),
                             scalar_text(context, parameter.default),
                             parameter.unit))
    return table((labels["rule"], labels["parameter"], labels["default_value"], labels["unit"]),
                 rows)
