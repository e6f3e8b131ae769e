"""Use cases: what each role does with the system — the diagram, and role → features."""

from __future__ import annotations

from typing import Iterator

from ...model.index import OTHER_MODULE
from ...sitemap import SiteMap
from ..context import RenderContext
from ..items import DiagramSection, diagram, item_link, item_links
from ..tables import document, table
from ..templating import render_template
from ..text import heading_id

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
        modules=module_usecases(context),
        roles=table((labels["role"], labels["role_kind"], labels["features_used"]), rows)),
        labels["usecases"])


def module_usecases(context: RenderContext) -> list[DiagramSection]:
    """A large product's use cases per module (`usecases.<module>`), under headings the
    overview's module nodes link to (`#usecases-<module>`), on the same page: the page stays
    the one place that answers "who does what"."""
    keys = [module.key for module in context.project.index.modules] + [OTHER_MODULE]
    return [DiagramSection(heading_id(SiteMap.usecase_module(key)),
                           context.diagrams[f"usecases.{key}"].part,
                           diagram(context, f"usecases.{key}", PATH))
            for key in dict.fromkeys(keys) if f"usecases.{key}" in context.diagrams]
