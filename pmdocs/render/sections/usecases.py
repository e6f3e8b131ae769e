"""Use cases: what each role does with the system — the diagram, and role → features."""

from __future__ import annotations

from typing import Iterator

from ...sitemap import SiteMap
from ..context import RenderContext
from ..items import diagram, item_link, item_links
from ..tables import document, table
from ..templating import render_template

PATH = SiteMap.section("usecases")


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    features = context.project.index.listed["features"]
    rows = [(item_link(context, "roles", role.id, PATH), labels["role_kind_" + role.kind],
             item_links(context, "features",
                        [feature.id for feature in features if role.id in feature.roles], PATH))
            for role in context.project.index.listed["roles"]]
    yield PATH, document(render_template(
        "usecases.md.j2", labels=labels, diagram=diagram(context, "usecases", PATH),
        roles=table((labels["role"], labels["role_kind"], labels["features_used"]), rows)),
        labels["usecases"])
