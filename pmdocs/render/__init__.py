"""The render stage: a checked `Project` and its laid-out diagrams -> the generated
documentation, as data.

`render_site` returns Markdown by doc path, other files (CSV, CSS, JS), and the SVG of every
diagram (placed after Markdown has run by the front end: see `DIAGRAM_PLACEHOLDER`). One
module per section of the site under `render/sections/`; nothing here writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..graph import Diagram
from ..issues import Issue
from ..layout import Drawing
from ..model import Project
from ..sitemap import NavEntry, SiteMap
from .context import RenderContext, build_context
from .sections import SECTIONS


@dataclass(frozen=True)
class RenderedSite:
    documents: Mapping[str, str]
    """Markdown by doc path (`pages/cart.md`). Its tables and long lists are HTML blocks whose
    links read `pmdocs:<doc path>` until the front end resolves them (see `render.cells`)."""
    files: Mapping[str, bytes] = field(default_factory=dict)
    """Other generated files by doc path (`copy.csv`)."""
    html: Mapping[str, str] = field(default_factory=dict)
    """Static HTML by doc path (the prototype); its `pmdocs:<doc path>` links are resolved
    by the front end, which knows the site's URLs."""
    diagrams: Mapping[str, str] = field(default_factory=dict)
    """SVG by diagram id; node links read `pmdocs:<doc path>` until the front end resolves them."""
    nav: tuple[NavEntry, ...] = ()
    """The navigation: section pages only, so every page carries a small nav (item pages are
    reached from their section's tables, the diagrams and search)."""
    language: str = "zh"
    title: str = ""


def render_site(project: Project, issues: Sequence[Issue], diagrams: Sequence[Diagram],
                drawings: Mapping[str, Drawing]) -> RenderedSite:
    context = build_context(project, issues, diagrams, drawings)
    documents: dict[str, str] = {}
    files: dict[str, bytes] = {}
    pages_html: dict[str, str] = {}
    for section in SECTIONS:
        for path, content in section.render(context):
            if isinstance(content, bytes):
                files[path] = content
            elif path.endswith(".html"):
                pages_html[path] = content
            else:
                documents[path] = marked_generated(content)
    diagrams = {key: drawing.svg for key, drawing in sorted(context.drawings.items())
                if drawing.svg is not None}
    return RenderedSite(dict(sorted(documents.items())), dict(sorted(files.items())),
                        dict(sorted(pages_html.items())), diagrams, navigation(context),
                        project.settings.language, project.settings.name)


def marked_generated(markdown: str) -> str:
    """The page with `generator: pmdocs` in its front matter: the front ends index the pages
    pmdocs wrote for search themselves (see `pmdocs.search_hook`)."""
    if markdown.startswith("---\n"):
        return f"---\ngenerator: pmdocs\n{markdown[4:]}"
    return f"---\ngenerator: pmdocs\n---\n\n{markdown}"


def navigation(context: RenderContext) -> tuple[NavEntry, ...]:
    return SiteMap().navigation(context.labels, bool(context.project.pages))
