"""How a diagram marks what is new, changed and removed since a revision (`diff.Marks`): a
CSS class (`change-added`, `change-changed`, `change-removed`) that the site's style colours
for light and dark schemes, the same colours in the DOT for an SVG seen on its own, and a
removed node or arrow drawn dashed. The page shows a legend under a marked diagram
(`Diagram.marks`, gathered by a `Legend`)."""

from __future__ import annotations

from ..diff.marks import MARKS, REMOVED

COLOURS = {"added": "#1e8e3e", "changed": "#b06000", "removed": "#c5221f"}
FILLS = {"added": "#e6f4ea", "changed": "#fef7e0", "removed": "#fce8e6"}


def mark_class(mark: str) -> str:
    return f"change-{mark}" if mark else ""


def with_class(css_class: str, mark: str) -> str:
    return " ".join(word for word in (css_class, mark_class(mark)) if word)


class Legend:
    """The marks one diagram draws, gathered as it is drawn: its legend says these (they are
    not read back from the DOT, where spec text could write anything)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def node(self, style: dict[str, str], mark: str) -> dict[str, str]:
        self.used.add(mark)
        return marked_node(style, mark)

    def edge(self, attributes: dict[str, str], mark: str) -> dict[str, str]:
        self.used.add(mark)
        return marked_edge(attributes, mark)

    @property
    def marks(self) -> tuple[str, ...]:
        """The marks drawn, in the legend's order."""
        return tuple(mark for mark in MARKS if mark in self.used)


def marked_node(style: dict[str, str], mark: str) -> dict[str, str]:
    """A node's style with its mark: the mark's colours, dashed when removed."""
    if not mark:
        return style
    marked = {**style, "color": COLOURS[mark], "fillcolor": FILLS[mark], "penwidth": "2"}
    if mark == REMOVED:
        words = [word for word in style.get("style", "filled").split(",") if word != "bold"]
        marked["style"] = ",".join(dict.fromkeys([*words, "dashed"]))
        marked["fontcolor"] = COLOURS[mark]
    return marked


def marked_edge(attributes: dict[str, str], mark: str) -> dict[str, str]:
    """An arrow's attributes with its mark (its class joined to the one it has)."""
    if not mark:
        return attributes
    marked = {**attributes, "color": COLOURS[mark], "fontcolor": COLOURS[mark], "penwidth": "1.6",
              "class": with_class(attributes.get("class", ""), mark)}
    if mark == REMOVED:
        marked["style"] = "dashed"
    return marked
