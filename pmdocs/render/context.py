"""What every section renderer reads: the project, its issues, the labels of its language,
its diagrams and their drawings, and the reverse references."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping, Sequence, TypeVar

from ..graph import Diagram
from ..issues import Issue
from ..labels import Labels, labels_for
from ..layout import Drawing
from ..model import Project
from ..model.index import Key, Reference

if TYPE_CHECKING:
    from ..diff.history import History
    from ..memo import Reuse

T = TypeVar("T")


@dataclass(frozen=True)
class Later:
    """A document made only when the last run's has not the same inputs (`key`)."""

    key: str
    make: Callable[[], str]


@dataclass(frozen=True)
class RenderContext:
    project: Project
    issues: tuple[Issue, ...]
    labels: Labels
    diagrams: Mapping[str, Diagram]
    drawings: Mapping[str, Drawing]
    referenced_by: Mapping[Key, tuple[Reference, ...]]
    history: "History | None" = None
    """What changed since a revision and between releases, when the site shows it."""
    reuse: "Reuse | None" = None
    """The last run's documents, by their inputs (None: every document is made)."""

    def reused(self, kind: str, item: Key, make: Callable[[], T]) -> T:
        """A part of a document (kind `kind`, made from `item`): the last run's when the
        run may reuse and its inputs are the same, else made now."""
        return make() if self.reuse is None else self.reuse.get(kind, item, make)

    def later(self, kind: str, item: Key, make: Callable[[], str], *extra: str,
              diagram: str = "") -> "str | Later":
        """The document of kind `kind` about `item` (which shows `extra` besides what its
        inputs key holds, and `diagram`, drawn or not): made now, or, when the run may reuse,
        made only if it must."""
        if self.reuse is None:
            return make()
        from ..memo import digest
        drawing = self.drawings.get(diagram)
        drawn = repr((drawing.svg is not None, drawing.note)) if drawing is not None else ""
        return Later(digest(kind, self.reuse.keys.of(item, *extra, drawn)), make)

    def title_of(self, section: str, item_id: str) -> str:
        """The readable name of an item (its title or name), or its id when unknown."""
        return self.project.index.title_of(section, item_id)


def build_context(project: Project, issues: Sequence[Issue], diagrams: Sequence[Diagram],
                  drawings: Mapping[str, Drawing], history: "History | None" = None,
                  reuse: "Reuse | None" = None) -> RenderContext:
    return RenderContext(project, tuple(issues), labels_for(project.settings.language),
                         {diagram.id: diagram for diagram in diagrams}, drawings,
                         project.index.referenced_by, history, reuse)
