"""Laying out diagrams: DOT -> SVG with Graphviz's `dot`, in parallel, with a timeout, and
cached by a hash of the DOT source and `dot -V` so an unchanged diagram is never re-run.

(To be completed: see `GraphvizLayout`.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from .graph import Diagram


@dataclass(frozen=True)
class Drawing:
    """The SVG of one diagram, or why there is none (`note`: "too_large" or "unavailable")."""

    svg: str | None
    note: str = ""


class Layout(Protocol):
    def draw(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        """A drawing for every diagram, by diagram id."""


class NoLayout:
    """Draws nothing (Graphviz missing, or tests of the Markdown alone)."""

    def draw(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        return {diagram.id: Drawing(None, "unavailable") for diagram in diagrams}
