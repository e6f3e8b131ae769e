"""Mentions of items, as the sections write them: links to item pages (plain text for an
unknown id), links into a page's element or an object's attribute — as `Html` for table
cells, as Markdown (`markdown_…`) for lists and paragraphs — the "referenced by" groups,
the module a page belongs to, and a rule's completeness verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..issues import RULE_CHECK_CODES, Issue
from ..model.spec import Rule
from ..sitemap import SiteMap
from . import cells
from .cells import Html, escaped
from .context import RenderContext
from .diagram import diagram_markdown
from ..model.index import Key
from .tables import joined
from .text import Safe, inline, relative_link

_FEATURE_RELATIONS = ("roles", "pages", "rules", "flows", "objects")
_RELATION_LABELS = {
    ("pages", "roles"): "referenced_pages_roles", ("pages", "rules"): "referenced_pages_rules",
    ("pages", "shows"): "referenced_pages_shows", ("pages", "jump"): "referenced_pages_jump",
    ("rules", "applies_to"): "referenced_rules_applies_to",
    ("rules", "outcome"): "referenced_rules_outcome", ("flows", "lane"): "referenced_flows_lane",
    ("rules", "input_from"): "referenced_rules_input_from",
    ("pages", "parameter"): "referenced_pages_parameter",
    ("flows", "parameter"): "referenced_flows_parameter",
    ("objects", "parameter"): "referenced_objects_parameter",
    ("objects", "relation"): "referenced_objects_relation",
    ("rules", "editable_by"): "referenced_rules_editable_by",
    ("objects", "transition_by"): "referenced_objects_transition_by",
    ("flows", "step_page"): "referenced_flows_step_page",
    ("flows", "step_feature"): "referenced_flows_step_feature",
    ("flows", "step_rule"): "referenced_flows_step_rule",
    ("flows", "step_fires"): "referenced_flows_step_fires",
}



def separator(context: RenderContext) -> str:
    return context.labels["list_separator"]


def diagram(context: RenderContext, diagram_id: str, page_path: str,
            edge_table: bool = True) -> Safe:
    """The diagram and its edge table (nothing when the project has no such diagram)."""
    return Safe(diagram_markdown(context, diagram_id, page_path, edge_table).rstrip())


@dataclass(frozen=True)
class DiagramSection:
    """One of several diagrams a page shows under headings of their own (a module's tree, a
    group of a module's pages, a module's use cases): its heading's anchor, title, diagram."""

    anchor: Safe
    title: str
    diagram: Safe


def item_link(context: RenderContext, section: str, item_id: str, page_path: str) -> Html:
    """A link to the item's page, titled with its title; its id as text when it is unknown."""
    if item_id not in context.project.index.items[section]:
        return escaped(item_id)
    return cells.link(context.title_of(section, item_id), SiteMap.item(section, item_id), page_path)


def item_links(context: RenderContext, section: str, item_ids: Iterable[str],
               page_path: str) -> Html:
    return cells.joined((item_link(context, section, item_id, page_path) for item_id in item_ids),
                        separator(context))


def anchored_link(text: object, target: str, anchor_id: str, page_path: str) -> Html:
    """A link to an anchor (`element-buy`) on the page at `target`."""
    return cells.link(text, target, page_path, anchor_id)


def element_link(context: RenderContext, page_id: str, element_id: str, page_path: str) -> Html:
    """`Page title › element label`, linking to the element's row on the page's page."""
    found = _element(context, page_id, element_id)
    if found is None:
        return escaped(f"{page_id}.{element_id}")
    text, target, anchor_id = found
    return anchored_link(text, target, anchor_id, page_path)


def _element(context: RenderContext, page_id: str, element_id: str) -> tuple[str, str, str] | None:
    """The text, document and anchor of a link to a page's element."""
    page = context.project.page(page_id)
    element = page.element(element_id) if page else None
    if page is None or element is None:
        return None
    return (f"{page.title} › {element.label or element.id}", SiteMap.item("pages", page.id),
            f"element-{element.id}")


def step_link(context: RenderContext, flow_id: str, step_id: str, page_path: str) -> Html:
    """`Flow title › step label`, linking to the step's row on the flow's page."""
    step = context.project.index.step(flow_id, step_id)
    if step is None:
        return escaped(f"{flow_id}.{step_id}")
    text = context.labels["step_of_flow"].format(flow=context.title_of("flows", flow_id),
                                                 step=step.label or step.id)
    return anchored_link(text, SiteMap.item("flows", flow_id), "step-" + step_id, page_path)


def steps_naming(context: RenderContext, key: Key, page_path: str) -> Html:
    """The flow steps that name an item (or a lifecycle event), one per line."""
    return cells.lines([step_link(context, link.flow, link.step, page_path)
                        for link in context.project.index.steps_naming.get(key, ())])


def attribute_link(context: RenderContext, reference: str, page_path: str) -> Html:
    """`Object › attribute` for `object.attribute`, linking to the attribute's row."""
    object_id, _, attribute_id = reference.partition(".")
    business_object = context.project.index.items["objects"].get(object_id)
    if business_object is None:
        return escaped(reference)
    attribute = next((item for item in business_object.attributes if item.id == attribute_id), None)
    if attribute is None:
        return item_link(context, "objects", object_id, page_path)
    text = f"{business_object.name} › {attribute.name or attribute.id}"
    return anchored_link(text, SiteMap.item("objects", object_id), f"attribute-{attribute.id}",
                         page_path)


# Markdown mentions, for lists and paragraphs (table cells take the `Html` ones above).

def markdown_item_link(context: RenderContext, section: str, item_id: str,
                       page_path: str) -> Safe:
    """`item_link` as a Markdown link."""
    if item_id not in context.project.index.items[section]:
        return inline(item_id)
    target = relative_link(SiteMap.item(section, item_id), page_path)
    return Safe(f"[{inline(context.title_of(section, item_id))}]({target})")


def markdown_item_links(context: RenderContext, section: str, item_ids: Iterable[str],
                        page_path: str) -> Safe:
    return joined((markdown_item_link(context, section, item_id, page_path)
                   for item_id in item_ids), separator(context))


def markdown_anchored_link(text: object, target: str, anchor_id: str, page_path: str) -> Safe:
    """`anchored_link` as a Markdown link."""
    where = "" if target == page_path else relative_link(target, page_path)
    return Safe(f"[{inline(text)}]({where}#{anchor_id})")


def markdown_element_link(context: RenderContext, page_id: str, element_id: str,
                          page_path: str) -> Safe:
    """`element_link` as a Markdown link."""
    found = _element(context, page_id, element_id)
    if found is None:
        return inline(f"{page_id}.{element_id}")
    text, target, anchor_id = found
    return markdown_anchored_link(text, target, anchor_id, page_path)


def referenced_by(context: RenderContext, key: Key, page_path: str) -> list[Safe]:
    """Who refers to the item: one line per kind of reference (`**label**: links`)."""
    groups: dict[str, list[Key]] = {}
    for reference in context.referenced_by.get(key, ()):
        section, relation = reference.source[0], reference.relation
        if section == "features" and relation in _FEATURE_RELATIONS:
            label_key = "referenced_features"
        else:
            label_key = _RELATION_LABELS.get((section, relation), "referenced_other")
        sources = groups.setdefault(label_key, [])
        if reference.source not in sources:
            sources.append(reference.source)
    colon = context.labels["colon"]
    return [Safe(f"**{inline(context.labels[label_key])}**{colon}"
                 + joined((markdown_item_link(context, section, item_id, page_path)
                           for section, item_id in sources), separator(context)))
            for label_key, sources in groups.items()]


def module_link(context: RenderContext, module_key: str, page_path: str) -> Html:
    """A link to the module's page map, titled with its title."""
    module = context.project.index.module(module_key)
    title = module.title if module is not None else module_key
    return cells.link(title, SiteMap.module_map(module_key), page_path)


def rule_issues(context: RenderContext, rule: Rule) -> list[Issue]:
    """The rule and limit checks' findings about this rule (by their subject)."""
    return [issue for issue in context.issues if issue.code in RULE_CHECK_CODES
            and issue.subject == ("rules", rule.id)]


def rule_verdict(context: RenderContext, rule: Rule) -> str:
    """One line: complete, not a decision table, or how many problems the checks found."""
    labels = context.labels
    found = rule_issues(context, rule)
    if found:
        codes = sorted({issue.code for issue in found})
        return labels["verdict_problems"].format(count=len(found), codes=", ".join(codes))
    if not rule.table:
        return labels["verdict_no_table"]
    return labels["verdict_complete_" + rule.hit]


def state_name(context: RenderContext, name: str) -> str:
    """A page state's name, with its meaning for the usual ones: `empty (no data)`."""
    meaning = context.labels.get("state_meaning_" + name, "")
    if not meaning or meaning.casefold() == name.casefold():
        return name
    return context.labels["state_with_meaning"].format(name=name, meaning=meaning)


def scalar_text(context: RenderContext, value: object) -> str:
    """A spec value as readers say it: yes/no for booleans, nothing for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return context.labels["yes" if value else "no"]
    return str(value)
