"""The use cases of a large product, split by module: an overview (`usecases`) of the roles
and the modules, each association labelled with how many of the module's features the role
uses and each module linking to its own diagram (`usecases.<module key>`, on the same page at
`#usecases-<module key>`). A feature belongs to the module most of its pages are in (the
first such module in the product's order on a tie); one with no page, to "no module"."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Sequence

from ..labels import Labels
from ..model.index import OTHER_MODULE
from ..model.spec import Feature, Role
from ..sitemap import SiteMap
from . import Diagram, Edge
from .dot import bold, html_text, link_attributes, new_graph, node_name, normalize, title_and_note
from .escape import doc_link
from .usecases import add_actors, associate, boundary, usecase_diagram


@dataclass(frozen=True)
class UsecaseModule:
    """A module's share of the use cases."""

    key: str
    title: str
    features: tuple[Feature, ...]


def split_diagrams(project, labels: Labels) -> list[Diagram]:
    """The overview, then one diagram per module that has features."""
    modules = feature_modules(project, labels)
    roles = project.index.listed["roles"]
    result = [_overview(project, labels, modules, roles)]
    for module in modules:
        used = {role_id for feature in module.features for role_id in feature.roles}
        title = f"{labels['usecases']}{labels['colon']}{module.title}"
        drawn = usecase_diagram(project, labels, f"usecases.{module.key}", title,
                                module.features, [role for role in roles if role.id in used])
        result.append(dataclasses.replace(drawn, part=module.title))
    return result


def feature_modules(project, labels: Labels) -> list[UsecaseModule]:
    """The modules that have features, in the product's order ("no module" last)."""
    index = project.index
    order = [module.key for module in index.modules]
    found: dict[str, list[Feature]] = {}
    for feature in index.listed["features"]:
        counts: dict[str, int] = {}
        for page_id in feature.pages:
            key = index.page_module.get(page_id)
            if key is not None:
                counts[key] = counts.get(key, 0) + 1
        best = max(counts.values(), default=0)
        key = next((key for key in order if counts.get(key) == best), OTHER_MODULE)
        found.setdefault(key, []).append(feature)
    keys = [key for key in order if key in found and key != OTHER_MODULE]
    keys += [OTHER_MODULE] if OTHER_MODULE in found else []
    return [UsecaseModule(key, _module_title(project, labels, key), tuple(found[key]))
            for key in keys]


def _module_title(project, labels: Labels, key: str) -> str:
    module = project.index.module(key)
    return module.title if module is not None and key != OTHER_MODULE else labels["no_module"]


def _overview(project, labels: Labels, modules: Sequence[UsecaseModule],
              roles: Sequence[Role]) -> Diagram:
    graph = new_graph(labels["usecases"], "LR", nodesep="0.25", ranksep="1.2")
    add_actors(graph, roles)
    cluster = boundary(project, labels)
    path = SiteMap.section("usecases")
    for module in modules:
        name = node_name("modules", module.key)
        note = labels["usecase_count"].format(count=len(module.features))
        cluster.node(name, title_and_note(bold(html_text(module.title, 16)), html_text(note)),
                     shape="ellipse", style="filled", margin="0.05,0.03", **link_attributes(
                         "usecase module", module.title,
                         doc_link(path, SiteMap.usecase_module(module.key)), name))
    graph.subgraph(cluster)
    edges = []
    for role in roles:
        for module in modules:
            count = sum(1 for feature in module.features if role.id in feature.roles)
            if count:
                associate(graph, role, node_name("modules", module.key),
                          f"{role.name} — {module.title}{labels['colon']}{count}", str(count))
                edges.append(Edge(normalize(role.name), module.title, str(count),
                                  SiteMap.item("roles", role.id),
                                  f"{path}#{SiteMap.usecase_module(module.key)}"))
    return Diagram("usecases", "usecases", labels["usecases"], graph.source, tuple(edges))
