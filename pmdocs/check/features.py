"""Checks: features that link to nothing (PM380) and pages no feature covers (PM381)."""

from __future__ import annotations

from typing import Iterator

from ..issues import Issue, make_issue
from ..messages import Text, noun
from ..model import Project


def covered_pages(project: Project) -> set[str]:
    """Pages a feature lists, plus the dialogs, sheets and toasts they open (and those open)."""
    covered = {page_id for feature in project.features for page_id in feature.pages}
    queue = sorted(covered)
    while queue:
        for target in project.index.targets_of(queue.pop()):
            target_page = project.page(target)
            if target_page is not None and target_page.kind != "page" and target not in covered:
                covered.add(target)
                queue.append(target)
    return covered


def check(project: Project) -> Iterator[Issue]:
    for feature in project.features:
        if not any(feature.links()[section] for section in ("pages", "rules", "flows", "objects")):
            yield make_issue("PM380", Text("PM380.links_nothing", id=feature.id,
                                           title=feature.title), feature.at("id"),
                             Text("PM380.links_nothing.hint"), subject=("features", feature.id))
    if not project.features:
        return
    covered = covered_pages(project)
    for page in project.pages:
        if page.id not in covered:
            yield make_issue("PM381", Text("PM381.uncovered", kind=noun(page.kind), id=page.id,
                                           title=page.title), page.at("id"),
                             Text("PM381.uncovered.hint"), subject=("pages", page.id))
