"""The glossary: pmdocs.yml's terms, sorted, each with its definition."""

from __future__ import annotations

from typing import Iterator

from ...sitemap import SiteMap
from ..context import RenderContext
from ..tables import document
from ..templating import render_template

PATH = SiteMap.section("glossary")


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    entries = sorted(context.project.settings.glossary, key=lambda entry: (entry.term.casefold(),
                                                                             entry.term))
    yield PATH, document(render_template("glossary.md.j2", labels=context.labels,
                                         entries=entries), context.labels["glossary"])
