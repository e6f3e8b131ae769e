"""What changed since a revision, as the site says it (`diff.ProjectChanges`): each field
change as a row (where in the item, before, after) in the project's language, the box that
opens a changed item's page, and the item's line on the changes page. Spec text is escaped
like every other cell (`render.cells`)."""

from __future__ import annotations

from typing import Sequence

from ..diff import FieldChange, ItemChange, ProjectChanges
from ..sitemap import SiteMap
from .cells import Html, code, escaped, joined, lines
from .context import RenderContext
from .items import item_link
from .tables import table
from .text import Safe

FIELD_LABELS = {
    "title": "title", "name": "name", "description": "description", "priority": "priority",
    "status": "status", "release": "release", "owner": "owner", "module": "module",
    "menu": "menu", "entry": "entry", "hit": "hit_policy", "label": "visible_text",
    "notes": "notes", "note": "note", "copy": "copy_column", "default": "default_value",
    "unit": "unit", "verdict": "verdict", "lanes": "lanes", "roles": "roles", "kind": "kind",
    "type": "type", "story": "story", "effect": "effect", "placeholder": "placeholder",
    "items": "items", "values": "values", "pages": "pages", "rules": "rules",
    "features": "features", "flows": "flows", "objects": "objects", "when": "condition",
    "then": "outcome_result", "shows": "shows", "range": "range",
}
"""A field (its YAML key) -> the label that names it; other fields are shown as their key."""
PARTS = ("element", "state", "jump", "row", "parameter", "input", "copy", "attribute",
         "relation", "lifecycle.state", "lifecycle.transition", "stage", "step", "link",
         "criterion")
"""Parts of items with a label (`part_element` …); others are shown as their key."""


def since_text(changes: ProjectChanges) -> str:
    """The revision as the site names it: `v1.0 (1a2b3c4)`."""
    return changes.base.short


def way(context: RenderContext, change: str) -> str:
    return context.labels["change_" + change]


def _field_name(context: RenderContext, field: str) -> Html:
    parts = [FIELD_LABELS.get(name) for name in field.split(".")]
    if all(parts):
        return escaped(" › ".join(context.labels[label] for label in parts if label))
    return code(field)


def where(context: RenderContext, change: FieldChange) -> Html:
    """`元素 submit › 显示文字`: the part (and which one), then the field."""
    pieces: list[object] = []
    if change.part:
        name = context.labels["part_" + change.part] if change.part in PARTS else change.part
        pieces.append(escaped(name))
    if change.part == "jump" and " on " in change.key:
        element, _, event = change.key.partition(" on ")
        pieces += [code(element), escaped(context.labels.get("event_" + event.replace(" ", "_"),
                                                             event))]
    elif change.key:
        pieces.append(code(change.key))
    if change.field:
        pieces.append(_field_name(context, change.field))
    return joined(pieces, " ")


def field_rows(context: RenderContext, item: ItemChange) -> list[tuple[object, ...]]:
    """One row per field change: the way it changed, where, before and after."""
    return [(way(context, change.change), where(context, change), change.before, change.after)
            for change in item.fields]


def field_table(context: RenderContext, item: ItemChange) -> Safe:
    labels = context.labels
    return table((labels["change"], labels["where"], labels["before"], labels["after"]),
                 field_rows(context, item))


def changed_box(context: RenderContext, changes: ProjectChanges, item: ItemChange) -> str:
    """The box that opens a changed item's page: since when, how, and each field change."""
    labels = context.labels
    title = labels["changed_since"].format(since=since_text(changes))
    note = _note(context, item)
    heading = f"{escaped(title)}{escaped(labels['colon'])}{escaped(way(context, item.change))}"
    body = [f'<p class="admonition-title">{heading}</p>']
    if note:
        body.append(f"<p>{escaped(note)}</p>")
    if item.fields:
        body.append(field_table(context, item))
    return "\n".join(['<div class="admonition note pmdocs-changed">', *body, "</div>"])


def _note(context: RenderContext, item: ItemChange) -> str:
    if item.change == "renamed":
        return context.labels["renamed_from"].format(old=item.old_id)
    if item.change == "unreadable":
        return context.labels["unreadable_note"]
    return ""


def item_cell(context: RenderContext, item: ItemChange, page_path: str) -> Html:
    """The item, linked to its page (a removed one has none)."""
    if item.change == "removed" or item.id not in context.project.index.items[item.section]:
        return joined([escaped(item.title), code(item.id)], " ")
    return joined([item_link(context, item.section, item.id, page_path), code(item.id)], " ")


def detail_cell(context: RenderContext, item: ItemChange) -> Html:
    """An item's field changes, one per line (`where: before → after`)."""
    shown: list[object] = []
    note = _note(context, item)
    if note:
        shown.append(escaped(note))
    for change in item.fields:
        values = [escaped(value) for value in (change.before, change.after) if value]
        arrow = Html(" → ").join(values) if change.before and change.after else \
            (values[0] if values else "")
        said = Html(f"{escaped(way(context, change.change))} {where(context, change)}")
        shown.append(Html(f"{said}{escaped(context.labels['colon'])}{arrow}") if arrow else said)
    return lines(shown)


def counts_text(context: RenderContext, items: Sequence[ItemChange]) -> str:
    """`修改 2、新增 1` in the project's language (the ways with a count)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.change] = counts.get(item.change, 0) + 1
    return context.labels["list_separator"].join(
        f"{way(context, change)} {count}" for change, count in counts.items())


def item_paths(changes: ProjectChanges) -> dict[str, ItemChange]:
    """Doc path of each item page that opens with a box."""
    return {SiteMap.item(item.section, item.id): item for item in changes.items
            if item.change != "removed"}


def item_boxes(context: RenderContext) -> dict[str, str]:
    """The box of each changed item's page, by the page's doc path."""
    changes = context.history.since if context.history is not None else None
    if changes is None:
        return {}
    return {path: changed_box(context, changes, item) for path, item in item_paths(changes).items()}


def after_heading(document: str, box: str) -> str:
    """A finished document (`tables.document`) with `box` right under its title."""
    heading = document.find("\n# ")
    end = document.find("\n", heading + 1)
    if heading < 0 or end < 0:
        return document
    return f"{document[:end + 1]}\n{box}\n{document[end + 1:]}"
