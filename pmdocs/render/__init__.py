"""The render stage: a checked `Project` and its laid-out diagrams -> the generated
documentation, as data.

`render_site` returns Markdown by doc path, other files (CSV, CSS, JS), and the SVG of every
diagram (placed after Markdown has run by the front end: see `DIAGRAM_PLACEHOLDER`). One
module per section of the site under `render/sections/`; nothing here writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

from ..graph import Diagram
from ..issues import Issue
from ..layout import Drawing
from ..memo import digest
from ..model import Project
from ..sitemap import NavEntry, SiteMap
from .changes import after_heading, item_boxes
from .context import Later, RenderContext, build_context
from .diagram import DIAGRAM_PLACEHOLDER
from .problems import problem_boxes
from .sections import SECTIONS

if TYPE_CHECKING:
    from ..diff.history import History
    from ..memo import Reuse


@dataclass(frozen=True)
class RenderedSite:
    documents: Mapping[str, str]
    """Markdown by doc path (`pages/cart.md`); its tables and long lists are HTML blocks,
    their links URLs relative to the page (see `render.cells` and `SiteMap.resolve`)."""
    files: Mapping[str, bytes] = field(default_factory=dict)
    """Other generated files by doc path (`copy.csv`)."""
    html: Mapping[str, str] = field(default_factory=dict)
    """Static HTML by doc path (the prototype), its links to the PRD naming files."""
    diagrams: Mapping[str, str] = field(default_factory=dict)
    """SVG by diagram id, its node links URLs relative to the page that shows it: the front
    end puts it in place of the page's placeholder (see `render.diagram`)."""
    nav: tuple[NavEntry, ...] = ()
    """The navigation: the section pages, each with its items (see `SiteMap.navigation`)."""
    language: str = "zh"
    title: str = ""


def render_site(project: Project, issues: Sequence[Issue], diagrams: Sequence[Diagram],
                drawings: Mapping[str, Drawing], site_map: SiteMap = SiteMap(),
                history: "History | None" = None, reuse: "Reuse | None" = None) -> RenderedSite:
    """The site's documents, files and diagrams, every link made a URL by `site_map`; with
    `history`, what changed since a revision too (each changed item's page opens with it);
    with `reuse`, an item's documents are the last run's when their inputs did not change."""
    context = build_context(project, issues, diagrams, drawings, history, reuse)
    boxes = problem_boxes(context)
    for path, box in item_boxes(context).items():
        boxes[path] = f"{boxes[path]}\n\n{box}" if path in boxes else box
    finish = _Finishing(site_map, boxes, reuse)
    documents: dict[str, str] = {}
    files: dict[str, bytes] = {}
    pages_html: dict[str, str] = {}
    for section in SECTIONS:
        for path, content in section.render(context):
            if isinstance(content, bytes):
                files[path] = content
            else:
                (pages_html if path.endswith(".html") else documents)[path] = \
                    finish.document(path, content)
    shown = {diagram_id: path for path, document in documents.items()
             for diagram_id in DIAGRAM_PLACEHOLDER.findall(document)}
    svgs = {diagram_id: finish.svg(drawing.svg, shown[diagram_id])
            for diagram_id, drawing in sorted(context.drawings.items())
            if drawing.svg is not None and diagram_id in shown}
    return RenderedSite(dict(sorted(documents.items())), dict(sorted(files.items())),
                        dict(sorted(pages_html.items())), svgs, navigation(context),
                        project.settings.language, project.settings.name)


@dataclass(frozen=True)
class _Finishing:
    """The last steps of every document and diagram: its problems' box, its links made URLs;
    taken from the last run when their inputs are the same (`reuse`)."""

    site_map: SiteMap
    boxes: Mapping[str, str]
    reuse: "Reuse | None"

    def document(self, path: str, content: "str | Later") -> str:
        if not isinstance(content, Later):
            return self._finished(path, content)
        assert self.reuse is not None
        later = content
        key = digest(later.key, path, self.boxes.get(path, ""), repr(self.site_map))
        return self.reuse.memo.get(key, lambda: self._finished(path, later.make()))

    def svg(self, svg: str, path: str) -> str:
        if self.reuse is None:
            return self.site_map.resolve(svg, path)
        return self.reuse.memo.get(digest("svg", svg, path, repr(self.site_map)),
                                   lambda: self.site_map.resolve(svg, path))

    def _finished(self, path: str, content: str) -> str:
        if path.endswith(".html"):
            return self.site_map.resolve(content, path, explicit=True)
        box = self.boxes.get(path)
        return self.site_map.resolve(after_heading(content, box) if box else content, path)


def navigation(context: RenderContext) -> tuple[NavEntry, ...]:
    with_changes = context.history is not None and context.history.since is not None
    return SiteMap().navigation(context.labels, bool(context.project.pages), with_changes,
                                context.project.index)
