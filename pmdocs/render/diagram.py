"""A diagram in a page: a placeholder the front end replaces with the SVG after Markdown has
run (raw SVG inside Markdown gets mangled), or a note when there is no drawing, followed by
the table of its edges."""

from __future__ import annotations

import re
from typing import Mapping

from . import cells
from .context import RenderContext
from .tables import table
from .text import Safe, inline

DIAGRAM_PLACEHOLDER = re.compile(r'<div class="pmdocs-diagram" data-pmdocs-diagram="([a-z0-9_.-]+)"></div>')


def placeholder(diagram_id: str) -> str:
    return f'<div class="pmdocs-diagram" data-pmdocs-diagram="{diagram_id}"></div>'


def place_diagrams(text: str, svgs: Mapping[str, str]) -> str:
    """Every placeholder in a page (its Markdown or its HTML) replaced with its diagram's SVG
    (`RenderedSite.diagrams`, links already made URLs), on one line: a raw HTML block every
    engine passes through. Kept out of search (its words are in the edge table below it)."""
    if "pmdocs-diagram" not in text:
        return text

    def replace(match: "re.Match[str]") -> str:
        svg = svgs.get(match.group(1))
        if svg is None:
            return match.group(0)
        return (f'<div class="pmdocs-diagram" data-pmdocs-diagram="{match.group(1)}" '
                f'data-search-exclude>{" ".join(svg.split(chr(10)))}</div>')
    return DIAGRAM_PLACEHOLDER.sub(replace, text)


def legend(context: RenderContext, marks: tuple[str, ...]) -> str:
    """The legend of a diagram that marks changes (on lines of its own), or nothing."""
    if not marks:
        return ""
    labels = context.labels
    names = {"added": labels["mark_added"], "changed": labels["mark_changed"],
             "removed": labels["legend_removed"]}
    items = " ".join(f'<span class="pmdocs-mark change-{mark}">{cells.escaped(names[mark])}</span>'
                     for mark in marks)
    return (f'\n\n<p class="pmdocs-legend">{cells.escaped(labels["legend"] + labels["colon"])}'
            f"{items}</p>")


def diagram_markdown(context: RenderContext, diagram_id: str, page_path: str,
                     edge_table: bool = True) -> Safe:
    """The diagram's Markdown for the page at `page_path`, with its edge table; without it
    (`edge_table=False`) when the diagram is drawn and its page says the same in its own
    tables. When the diagram could not be drawn, the note says the table lists its edges,
    so the table is always there."""
    diagram = context.diagrams.get(diagram_id)
    if diagram is None:
        return Safe("")
    drawing = context.drawings.get(diagram_id)
    labels = context.labels
    if drawing is not None and drawing.svg is not None:
        shown = placeholder(diagram_id) + legend(context, diagram.marks)
        if not edge_table:
            return Safe(shown + "\n")
    else:
        reason = drawing.note if drawing is not None else "unavailable"
        note = labels.get(f"diagram_{reason}", labels["diagram_unavailable"])
        shown = f"> {inline(note)}"
    rows = [(cells.link(edge.source, edge.source_path, page_path) if edge.source_path
             else edge.source,
             cells.link(edge.target, edge.target_path, page_path) if edge.target_path
             else edge.target, edge.label) for edge in diagram.edges]
    edges = table((labels["from"], labels["to"], labels["label"]), rows, searched=False)
    return Safe("\n".join([shown, "", f"**{inline(labels['edges'])}**", "",
                           edges or inline(labels["none"])]) + "\n")
