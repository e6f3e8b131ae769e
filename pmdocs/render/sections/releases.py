"""The release plan: features by release (pmdocs.yml's order) and by priority within each,
so the MVP — what ships first — is plain; features without a release come last."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from ...model.spec import Feature
from ...sitemap import SiteMap
from ..context import RenderContext
from ..changes import counts_text, detail_cell, item_cell, way
from ..items import anchored_link, item_link
from ..tables import document, properties, table
from ..templating import render_template
from ..text import Safe, heading_id, inline

PATH = SiteMap.section("releases")


@dataclass(frozen=True)
class ReleaseGroup:
    heading: Safe
    facts: Safe
    features: Safe
    changes: Safe = Safe("")
    """What changed since the previous release, read from their tags (when both exist)."""


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    groups = [_group(context, release_id, features)
              for release_id, features in _by_release(context)]
    yield PATH, document(render_template("releases.md.j2", labels=context.labels,
                                         overview=_overview(context), groups=groups),
                                         context.labels["releases"])


def _by_release(context: RenderContext) -> list[tuple[str | None, list[Feature]]]:
    """Declared releases in order, then releases no one declared (sorted), then none."""
    declared = [release.id for release in context.project.settings.releases]
    features = context.project.index.listed["features"]
    named = sorted({feature.release for feature in features if feature.release} - set(declared))
    order: list[str | None] = [*declared, *named]
    if any(feature.release is None for feature in features):
        order.append(None)
    return [(release_id, _by_priority([feature for feature in features
                                       if feature.release == release_id]))
            for release_id in order]


def _by_priority(features: Sequence[Feature]) -> list[Feature]:
    return sorted(features, key=lambda feature: feature.priority)


def _title(context: RenderContext, release_id: str | None) -> str:
    if release_id is None:
        return context.labels["unscheduled"]
    release = next((item for item in context.project.settings.releases if item.id == release_id),
                   None)
    return (release.title if release else "") or release_id


def _overview(context: RenderContext) -> Safe:
    labels = context.labels
    rows = []
    for release_id, features in _by_release(context):
        release = next((item for item in context.project.settings.releases
                        if item.id == release_id), None)
        target = "unscheduled" if release_id is None else "release-" + release_id
        rows.append((anchored_link(_title(context, release_id), PATH, target, PATH),
                     release.date if release and release.date else "",
                     len(features), sum(1 for feature in features if feature.priority == "P0")))
    return table((labels["release"], labels["date"], labels["feature_count"], labels["p0_count"]),
                 rows)


def _group(context: RenderContext, release_id: str | None, features: list[Feature]) -> ReleaseGroup:
    labels = context.labels
    release = next((item for item in context.project.settings.releases if item.id == release_id),
                   None)
    mark = heading_id("release", release_id) if release_id else heading_id("unscheduled")
    heading = Safe(inline(_title(context, release_id)) + mark)
    facts = properties((labels["property"], labels["value"]), (
        (labels["date"], release.date if release and release.date else ""),
        (labels["goal"], release.goal if release else "")))
    rows = [(feature.priority, item_link(context, "features", feature.id, PATH),
             labels["status_" + feature.status], feature.owner) for feature in features]
    return ReleaseGroup(heading, facts, table((labels["priority"], labels["feature"],
                                               labels["status"], labels["owner"]), rows),
                        _changes(context, release_id))


def _changes(context: RenderContext, release_id: str | None) -> Safe:
    """What changed from the previous release to this one (by their tags), or nothing."""
    history = context.history
    found = next((item for item in (history.releases if history else ())
                  if item.release == release_id), None)
    if found is None:
        return Safe("")
    labels = context.labels
    changes = found.changes
    title = labels["release_changes"].format(previous=_title(context, found.previous),
                                             tags=f"{changes.base.name} → {changes.head.name}")
    rows = [(way(context, item.change), item_cell(context, item, PATH), detail_cell(context, item))
            for item in changes.items]
    summary = counts_text(context, changes.items) or labels["no_changes"]
    body = table((labels["change"], labels["item"], labels["what_changed"]), rows)
    return Safe(f"**{inline(title)}**{inline(labels['colon'])}{inline(summary)}"
                + (f"\n\n{body}" if body else ""))
