"""The roles: a table, and one page each (features, flow lanes, what it may see and edit)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ...model.spec import Feature, Flow, Parameter, Role, Rule
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
    uses = role_uses(context.project)
    open_pages = sum(1 for page in context.project.index.listed["pages"] if not page.roles)
    for role in context.project.index.listed["roles"]:
        yield SiteMap.item("roles", role.id), role_page(context, role,
                                                        uses.get(role.id, RoleUses()), open_pages)


@dataclass
class RoleUses:
    """What names a role, in spec order: features, flows (with its steps in the role's lane),
    pages, elements (page id, element id), rules' parameters it may edit (rule, parameter)."""

    features: list[Feature] = field(default_factory=list)
    flows: list[tuple[Flow, int]] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    elements: list[tuple[str, str]] = field(default_factory=list)
    parameters: list[tuple[Rule, Parameter]] = field(default_factory=list)


def role_uses(project) -> dict[str, RoleUses]:
    """Every role's uses, in one pass over the project (not one per role)."""
    uses: dict[str, RoleUses] = {}
    index = project.index
    for feature in index.listed["features"]:
        for role_id in dict.fromkeys(feature.roles):
            uses.setdefault(role_id, RoleUses()).features.append(feature)
    for flow in index.listed["flows"]:
        for role_id in dict.fromkeys(flow.lanes):
            steps = sum(1 for step in flow.steps if step.lane == role_id)
            uses.setdefault(role_id, RoleUses()).flows.append((flow, steps))
    for page in index.listed["pages"]:
        for role_id in dict.fromkeys(page.roles):
            uses.setdefault(role_id, RoleUses()).pages.append(page.id)
        for element in page.elements:
            for role_id in dict.fromkeys(element.roles):
                uses.setdefault(role_id, RoleUses()).elements.append((page.id, element.id))
    for rule in index.listed["rules"]:
        for parameter in rule.parameters:
            for role_id in dict.fromkeys(parameter.editable_by):
                uses.setdefault(role_id, RoleUses()).parameters.append((rule, parameter))
    return uses


def role_page(context: RenderContext, role: Role, uses: RoleUses, open_pages: int) -> str:
    labels = context.labels
    path = SiteMap.item("roles", role.id)
    features = table((labels["feature"], labels["priority"], labels["status"]),
                     [(item_link(context, "features", feature.id, path), feature.priority,
                       labels["status_" + feature.status]) for feature in uses.features])
    flows = table((labels["flow"], labels["steps_in_lane"]),
                  [(item_link(context, "flows", flow.id, path), steps)
                   for flow, steps in uses.flows])
    pages = markdown_item_links(context, "pages", uses.pages, path)
    elements = joined([markdown_element_link(context, page_id, element_id, path)
                       for page_id, element_id in uses.elements], separator(context))
    return document(render_template(
        "role.md.j2", labels=labels, role=role, features=features, flows=flows, pages=pages,
        elements=elements, open_pages=labels["open_pages"].format(count=open_pages),
        parameters=_parameters(context, uses, path),
        references=referenced_by(context, ("roles", role.id), path)), role.name,
        kind=labels["role"])


def _parameters(context: RenderContext, uses: RoleUses, path: str) -> Safe:
    labels = context.labels
    rows = [(item_link(context, "rules", rule.id, path),
             anchored_link(parameter.title or parameter.id, SiteMap.item("rules", rule.id),
                           "parameter-" + parameter.id, path),
             scalar_text(context, parameter.default), parameter.unit)
            for rule, parameter in uses.parameters]
    return table((labels["rule"], labels["parameter"], labels["default_value"], labels["unit"]),
                 rows)
