"""What every section renderer reads: the project, its issues, the labels of its language,
its diagrams and their drawings, and the reverse references."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from ..graph import Diagram
from ..issues import Issue
from ..labels import Labels, labels_for
from ..layout import Drawing
from ..model import Project
from ..model.index import Key, Reference

if TYPE_CHECKING:
    from ..diff.history import History


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

    def title_of(self, section: str, item_id: str) -> str:
        """The readable name of an item (its title or name), or its id when unknown."""
        return self.project.index.title_of(section, item_id)


def build_context(project: Project, issues: Sequence[Issue], diagrams: Sequence[Diagram],
                  drawings: Mapping[str, Drawing], history: "History | None" = None
                  ) -> RenderContext:
    return RenderContext(project, tuple(issues), labels_for(project.settings.language),
                         {diagram.id: diagram for diagram in diagrams}, drawings,
                         project.index.referenced_by, history)
