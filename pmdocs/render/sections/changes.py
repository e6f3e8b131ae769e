"""The changes page (`changes.md`, only in a site built with `since:` or `--since`): what
was added, removed, renamed and changed since the revision, grouped by kind as
`pmdocs diff` groups it, each item linked to its page, then the problems introduced and
fixed."""

from __future__ import annotations

from typing import Iterator

from ...sitemap import SiteMap
from ..changes import counts_text, detail_cell, item_cell, since_text, way
from ..context import RenderContext
from ..problems import issue_table
from ..tables import document, table
from ..templating import render_template

PATH = SiteMap.changes()


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    changes = context.history.since if context.history is not None else None
    if changes is None:
        return
    labels = context.labels
    groups = [(section, labels[section], counts_text(context, items), table(
        (labels["change"], labels["item"], labels["what_changed"]),
        [(way(context, item.change), item_cell(context, item, PATH), detail_cell(context, item))
         for item in items])) for section, items in changes.sections()]
    intro = labels["changes_intro"].format(since=since_text(changes),
                                           summary=counts_text(context, changes.items)
                                           or labels["no_changes"])
    yield PATH, document(render_template(
        "changes.md.j2", labels=labels, intro=intro, groups=groups,
        introduced=issue_table(context, changes.introduced, PATH),
        fixed=issue_table(context, changes.fixed, PATH)), labels["changes"])
