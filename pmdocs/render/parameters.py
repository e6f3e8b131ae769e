"""Copy that names parameters, as readers see it: `每天可为 {$daily_assist_cap} 位好友助力` shows
the default (3), marked as a value operations staff may change and linked to the parameter.
Which rule's parameter a name is comes from the project index (`model.parameters`); a name
that is none stays as written, and so do braces that name no parameter (`{剩余天数}`: the
app fills those in)."""

from __future__ import annotations

import html
from typing import NamedTuple, Sequence

from ..model.parameters import mentions
from ..model.spec import Parameter
from ..sitemap import LINK_SCHEME, SiteMap
from .cells import Html, escaped
from .context import RenderContext
from .items import scalar_text


class Segment(NamedTuple):
    """A piece of a text: words as written, or a parameter shown at its default."""

    text: str
    """As shown: the words, or the parameter's default."""
    rule: str = ""
    """The rule whose parameter it is ("" for words)."""
    parameter: str = ""
    title: str = ""
    """How a reader names it: the parameter's title, else its id."""

    @property
    def tooltip_words(self) -> dict[str, str]:
        return {"name": self.title, "id": self.parameter, "value": self.text}


def segments(context: RenderContext, text: str, scope: Sequence[str],
             own_rule_only: bool = False) -> tuple[Segment, ...]:
    """`text` in pieces, each parameter it names (from the rules `scope` names first) shown
    at its default; one piece when it names none."""
    found = mentions(text)
    if not found:
        return (Segment(text),)
    pieces: list[Segment] = []
    position = 0
    for mention in found:
        parameter, rule_id = _parameter(context, mention.name, scope, own_rule_only)
        value = scalar_text(context, parameter.default) if parameter is not None else ""
        if parameter is None or not value:
            continue      # not a parameter, or one with no default: stays as written
        if mention.start > position:
            pieces.append(Segment(text[position:mention.start]))
        pieces.append(Segment(value, rule_id, parameter.id, parameter.title or parameter.id))
        position = mention.end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    return tuple(pieces)


def _parameter(context: RenderContext, name: str, scope: Sequence[str],
               own_rule_only: bool) -> tuple[Parameter | None, str]:
    rule_id = context.project.index.resolver.resolve(name, scope, own_rule_only)
    rule = context.project.index.items["rules"].get(rule_id) if rule_id else None
    return (rule.parameter(name), rule_id) if rule is not None else (None, "")  # type: ignore[attr-defined]


def filled_text(context: RenderContext, text: str, scope: Sequence[str],
                own_rule_only: bool = False) -> str:
    """The text with each parameter's default in its place (for a tooltip or a title)."""
    return "".join(piece.text for piece in segments(context, text, scope, own_rule_only))


def filled_html(context: RenderContext, text: str, scope: Sequence[str], page_path: str,
                own_rule_only: bool = False) -> Html:
    """The text for a table cell: each parameter's default marked as configurable (a dotted
    underline, a tooltip) and linked to the parameter's row on its rule's page."""
    pieces = segments(context, text, scope, own_rule_only)
    if len(pieces) == 1 and not pieces[0].rule:
        return escaped(text)
    parts = []
    for piece in pieces:
        if not piece.rule:       # on one line, as `escaped` shows text, spaces at its ends kept
            parts.append(html.escape(" ".join(piece.text.splitlines()), quote=True))
            continue
        tooltip = context.labels["param_configurable"].format(**piece.tooltip_words)
        target = SiteMap.item("rules", piece.rule)
        href = f"#parameter-{piece.parameter}" if target == page_path else \
            f"{LINK_SCHEME}{target}#parameter-{piece.parameter}"
        parts.append(f'<a class="pmdocs-param" href="{html.escape(href, quote=True)}" '
                     f'title="{html.escape(tooltip, quote=True)}">{html.escape(piece.text)}</a>')
    return Html("".join(parts))


def used_parameters(context: RenderContext, text: str, scope: Sequence[str],
                    own_rule_only: bool = False) -> list[Segment]:
    """The parameters a text names (each once), at their defaults."""
    seen: dict[tuple[str, str], Segment] = {}
    for piece in segments(context, text, scope, own_rule_only):
        if piece.rule:
            seen.setdefault((piece.rule, piece.parameter), piece)
    return list(seen.values())
