"""One page per page, dialog, sheet and toast: what it is and where it is entered from, its
neighbourhood diagram, its numbered elements, actions and jumps, states, copy, the rules that
govern it, and what refers to it.

The neighbourhood diagram has no edge table under it: its edges are the page's "reached
from" row and its actions table (at N=2,000 the repeat was 15% of the pages' Markdown)."""

from __future__ import annotations

from typing import Iterator, Mapping, Sequence

from ...model.spec import Element, Filter, Jump, Page
from ...sitemap import SiteMap
from ..context import Later, RenderContext
from ..items import (anchored_link, attribute_link, diagram, item_link, item_links, module_link,
                     referenced_by, rule_verdict, separator, state_name, step_link)
from ..cells import Html, as_html, code, escaped, joined, lines
from ..parameters import filled_html
from ..tables import anchored, cell_block, document, properties, table
from ..templating import render_template
from ..text import Safe, link
from .pagemap import device_text, entry_text, kind_text


def render(context: RenderContext) -> Iterator[tuple[str, "str | Later"]]:
    governing = context.project.index.governing
    for page in context.project.index.listed["pages"]:
        def make(page: Page = page) -> str:
            return page_document(context, page, governing.get(page.id, {}))
        yield SiteMap.item("pages", page.id), context.later(
            "page", ("pages", page.id), make, diagram="page-" + page.id)


def page_document(context: RenderContext, page: Page,
                  governing: Mapping[str, tuple[str, ...]]) -> str:
    path = SiteMap.item("pages", page.id)
    return document(render_template(
        "page.md.j2", labels=context.labels, page=page, facts=_facts(context, page, path),
        diagram=diagram(context, "page-" + page.id, path, edge_table=False),
        prototype=link(context.labels["proto_page_link"], SiteMap.prototype(page.id), path),
        wireframe=wireframe(context, page),
        elements=_elements(context, page, path), actions=_actions(context, page, path),
        states=_states(context, page, path), copy=_copy(context, page, path),
        rules=_rules(context, page, governing, path), steps=_flow_steps(context, page, path),
        references=referenced_by(context, ("pages", page.id), path)), page.title,
        kind=context.labels[page.kind])


def _flow_steps(context: RenderContext, page: Page, path: str) -> Safe:
    """The business flows' steps that happen on this page: flow › step, lane, kind."""
    labels = context.labels
    rows = []
    for naming in context.project.index.steps_naming.get(("pages", page.id), ()):
        step = context.project.index.step(naming.flow, naming.step)
        if step is None:       # a step of a second flow with the same id (PM207)
            continue
        rows.append((step_link(context, naming.flow, naming.step, path),
                     item_link(context, "roles", step.lane, path),
                     labels["step_kind_" + step.kind]))
    return table((labels["step"], labels["lane"], labels["step_kind"]), rows)


def _facts(context: RenderContext, page: Page, path: str) -> Safe:
    labels = context.labels
    sources = [reference.source[1]
               for reference in context.referenced_by.get(("pages", page.id), ())
               if reference.source[0] == "pages" and reference.relation == "jump"]
    flags = [labels[flag] for flag in ("terminal", "dismissible") if getattr(page, flag)]
    return properties((labels["property"], labels["value"]), (
        (labels["id"], code(page.id)), (labels["page_kind"], kind_text(context, page)),
        (labels["page_type"], _type_text(context, page)),
        (labels["module"], module_link(context, context.project.index.page_module[page.id], path)),
        (labels["menu"], page.menu), (labels["entry"], entry_text(context, page)),
        (labels["reached_from"], item_links(context, "pages", dict.fromkeys(sources), path)),
        (labels["device"], device_text(context, page)),
        (labels["roles"], item_links(context, "roles", page.roles, path) if page.roles
         else labels["all_roles"]),
        (labels["notes"], separator(context).join(flags))))


def _type_text(context: RenderContext, page: Page) -> str:
    """`列表页（要写：加载中、无数据 …）`: the page's type and the states it must describe."""
    index = context.project.index
    kind = index.page_types.get(page.id, "")
    if not kind:
        return ""
    required = index.required_states.get(page.id, ())
    text = context.labels["page_type_" + kind]
    if not required:
        return text
    names = separator(context).join(state_name(context, name) for name in required)
    return context.labels["page_type_requires"].format(type=text, states=names)


def element_mention(page: Page, element_id: str, path: str) -> Html:
    """An element of this page by its label (or id), linking to its row."""
    element = page.element(element_id)
    if element is None:
        return escaped(element_id)
    return anchored_link(element.label or element.id, path, "element-" + element.id, path)


ELEMENT_COLUMNS = ("6%", "20%", "18%", "38%", "18%")
"""The element table's column widths: #, element, contents, notes (the widest), the rest."""


def wireframe(context: RenderContext, page: Page) -> Safe:
    """The page's screen from the prototype, with its state tabs and numbered pins (the
    numbers of the element table), in a frame sized like a phone or a browser window."""
    width, height = (420, 800) if (page.device or "mobile") == "mobile" else (760, 600)
    if page.kind == "toast":
        height = 360
    return Safe(f'<iframe class="pmdocs-wireframe" src="pmdocs:{SiteMap.prototype(page.id)}'
                f'#embed=1&amp;notes=1" title="{escaped(context.labels["proto_page_link"])}" '
                f'style="display: block; width: min(100%, {width}px); height: {height}px; '
                'border: 1px solid var(--md-default-fg-color--lightest); border-radius: 8px; '
                'margin: 0 0 1em" loading="lazy"></iframe>')


def _elements(context: RenderContext, page: Page, path: str) -> Safe:
    """The numbered elements (the prototype's pins): what each is, shows and does, its notes
    given the widest column."""
    labels = context.labels
    scope = context.project.index.page_scope
    rows = [(anchored("element", element.id, escaped(number)),
             lines([*([filled_html(context, element.label, scope(page.id, element.id), path)]
                      if element.label else []),
                    Html(code(element.id) + escaped(" · " + labels.get(
                        "element_type_" + element.type, element.type)))]),
             _contents(context, page, element, path), cell_block(element.notes),
             _more(context, element, path))
            for number, element in enumerate(page.elements, start=1)]
    shown = table((labels["number"], labels["element"], labels["contents"], labels["notes"],
                   labels["element_more"]), rows)
    columns = "".join(f'<col style="width: {width}" />' for width in ELEMENT_COLUMNS)
    return Safe(shown.replace("<table>", f"<table>\n<colgroup>{columns}</colgroup>", 1))


def _more(context: RenderContext, element: Element, path: str) -> Html:
    """The rules behind an element, the data it shows and the roles that see it, by name."""
    labels = context.labels
    parts = []
    for label, value in ((labels["rules"], item_links(context, "rules", element.rules, path)),
                         (labels["shows"], _shows(context, element, path)),
                         (labels["roles"], item_links(context, "roles", element.roles, path))):
        if value:
            parts.append(Html(escaped(label + labels["colon"]) + as_html(value)))
    return lines(parts)


def _contents(context: RenderContext, page: Page, element: Element, path: str) -> Html:
    """The placeholder, the example value, a table's columns and the example items, one per
    line."""
    scope = context.project.index.page_scope(page.id, element.id)
    shown: list[object] = [filled_html(context, item, scope, path) for item in element.items]
    labels = context.labels
    if element.columns:
        shown.insert(0, Html(escaped(labels["table_columns"] + labels["colon"]
                                     + " · ".join(element.columns))))
    if element.filters:
        shown.insert(0, Html(escaped(labels["table_filters"] + labels["colon"] + " · ".join(
            _filter_text(context, item) for item in element.filters))))
    if element.example:
        shown.insert(0, Html(escaped(labels["example"] + labels["colon"] + element.example)))
    if element.validation:
        shown.append(Html(escaped(labels["validation"] + labels["colon"] + element.validation)))
    if element.placeholder:
        shown.insert(0, Html(escaped(context.labels["placeholder"] + context.labels["colon"])
                             + filled_html(context, element.placeholder, scope, path)))
    return lines(shown)


def _filter_text(context: RenderContext, item: Filter) -> str:
    """A filter in words: its label (else its kind), then its hint or options in brackets,
    e.g. 活动状态（全部 / 进行中）."""
    detail = " / ".join(item.items) or item.placeholder
    name = item.label or context.labels["filter_" + item.type]
    return context.labels["filter_detail"].format(name=name, detail=detail) if detail else name


def _shows(context: RenderContext, element: Element, path: str) -> Html | str:
    return attribute_link(context, element.shows, path) if element.shows else ""


def _actions(context: RenderContext, page: Page, path: str) -> Safe:
    labels = context.labels
    rows = []
    for element in page.elements:
        for event, jumps in element.actions():
            for jump in jumps:
                rows.append((element_mention(page, element.id, path), labels["event_" + event],
                             _condition(context, jump, jumps), _target(context, jump, path),
                             jump.effect, jump.note))
    return table((labels["element"], labels["event"], labels["condition"], labels["target"],
                  labels["effect"], labels["note"]), rows)


def _condition(context: RenderContext, jump: Jump, jumps: Sequence[Jump]) -> str:
    if jump.when:
        return jump.when
    return context.labels["otherwise"] if len(jumps) > 1 else ""


def _target(context: RenderContext, jump: Jump, path: str) -> Html | str:
    if jump.to is None:
        return context.labels["stay"]
    if jump.to in ("back", "close"):
        return context.labels[jump.to]
    return item_link(context, "pages", jump.to, path)


def _states(context: RenderContext, page: Page, path: str) -> Safe:
    labels = context.labels
    standing = any(state.counts_as for state in page.states)
    scope = context.project.index.page_scope(page.id)
    rows = []
    for state in page.states:
        rows.append((state_name(context, state.name),
                     *([state_name(context, state.counts_as) if state.counts_as else ""]
                       if standing else []),
                     lines([text for text in (state.title, state.description) if text]),
                     joined([element_mention(page, item, path) for item in state.shows],
                            separator(context)),
                     joined([element_mention(page, item, path) for item in state.hides],
                            separator(context)),
                     lines([filled_html(context, copy, scope, path) for copy in state.copy_text])))
    return table((labels["state"], *([labels["counts_as"]] if standing else []),
                  labels["description"], labels["state_shows"], labels["state_hides"],
                  labels["copy_column"]), rows)


def _copy(context: RenderContext, page: Page, path: str) -> Safe:
    labels = context.labels
    scope = context.project.index.page_scope(page.id)
    return table((labels["copy_key"], labels["copy_text"]),
                 [(entry.key, filled_html(context, entry.text, scope, path))
                  for entry in page.copy_text])


def _rules(context: RenderContext, page: Page, governing: Mapping[str, tuple[str, ...]],
           path: str) -> Safe:
    labels = context.labels
    rows = [(item_link(context, "rules", rule_id, path),
             joined([element_mention(page, item, path) for item in elements], separator(context)),
         rule_verdict(context, context.project.index.items["rules"][rule_id]))
            for rule_id, elements in governing.items()]
    return table((labels["rule"], labels["elements"], labels["verdict"]), rows)
