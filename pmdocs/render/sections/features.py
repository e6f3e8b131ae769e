"""The features: a table of all of them, and one page each (story, acceptance criteria, links)."""

from __future__ import annotations

from typing import Iterator

from ...model.spec import Feature
from ...sitemap import SiteMap
from ..context import Later, RenderContext
from ..items import anchored_link, item_link, item_links, referenced_by
from ..tables import document, properties, table
from ..templating import render_template
from ..cells import Html, code, escaped
from ..text import Safe

INDEX = SiteMap.section("features")
LINKED_SECTIONS = ("roles", "pages", "rules", "flows", "objects")


def render(context: RenderContext) -> Iterator[tuple[str, "str | Later"]]:
    yield INDEX, document(render_template("features_index.md.j2", labels=context.labels,
                                          features=features_table(context)),
                                          context.labels["features"])
    for feature in context.project.index.listed["features"]:
        yield SiteMap.item("features", feature.id), context.later(
            "feature", ("features", feature.id), lambda feature=feature: feature_page(context, feature))


def features_table(context: RenderContext) -> Safe:
    labels = context.labels
    rows = [(feature.id, item_link(context, "features", feature.id, INDEX), feature.priority,
             labels["status_" + feature.status], release_link(context, feature.release, INDEX),
             feature.owner) for feature in context.project.index.listed["features"]]
    return table((labels["id"], labels["title"], labels["priority"], labels["status"],
                  labels["release"], labels["owner"]), rows)


def release_link(context: RenderContext, release_id: str | None, page_path: str) -> Html | str:
    """The release's title, linking to its part of the release plan."""
    if not release_id:
        return ""
    release = next((item for item in context.project.settings.releases if item.id == release_id),
                   None)
    if release is None:
        return escaped(release_id)
    return anchored_link(release.title or release.id, "releases.md", "release-" + release.id,
                         page_path)


def feature_page(context: RenderContext, feature: Feature) -> str:
    labels = context.labels
    path = SiteMap.item("features", feature.id)
    facts = properties((labels["property"], labels["value"]), (
        (labels["id"], code(feature.id)), (labels["priority"], feature.priority),
        (labels["status"], labels["status_" + feature.status]),
        (labels["release"], release_link(context, feature.release, path)),
        (labels["owner"], feature.owner)))
    acceptance = table((labels["number"], labels["given"], labels["when"], labels["then"]),
                       [(index, criterion.given, criterion.when, criterion.then)
                        for index, criterion in enumerate(feature.acceptance, start=1)])
    links = table((labels["kind"], labels["items"]),
                  [(labels[section], item_links(context, section, ids, path))
                   for section, ids in feature.links().items() if ids])
    return document(render_template(
        "feature.md.j2", labels=labels, feature=feature, facts=facts, acceptance=acceptance,
        links=links, references=referenced_by(context, ("features", feature.id), path)),
        feature.title, kind=labels["feature"])
