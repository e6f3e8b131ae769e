"""YAML syntax errors -> PM102 issues, placed where the reader has to look: a `[`, `{` or quote
left open at the place it was opened (the parser only notices lines later, where it gave up,
and that place is named in the message); every other error where the parser stopped."""

from __future__ import annotations

import yaml

from ..issues import Issue, Location, make_issue
from ..messages import Text
from .data import location_at

_FLOW_OPENINGS = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}
"""The contexts of libyaml (and of PyYAML's own parser) for an error inside a flow collection,
with the character that opened it; an unclosed one ends in "expected ',' or ']'"."""

_RUNAWAY_QUOTE_PROBLEMS = ("found unexpected end of stream", "found unexpected document")
"""How a quoted scalar that is never closed ends: at the end of the file, or at a `---` or
`...` line (both parsers); a bad escape inside a closed quote is another error."""

_CLOSING_HINTS = {"[": "PM102.close_list", "{": "PM102.close_mapping", '"': "PM102.close_quote",
                  "'": "PM102.close_quote"}


def syntax_issue(error: yaml.MarkedYAMLError, text: str, display: str) -> Issue:
    """The issue of a YAML syntax error in the file `display` whose text is `text`."""
    opening = _left_open(error, text)
    if opening is not None:
        return _unclosed_issue(error, opening, text, display)
    mark = error.problem_mark or error.context_mark
    where = location_at(display, text, mark.index) if mark is not None else Location(display)
    problem = " ".join(part for part in (error.context, error.problem) if part)
    at_tab = "tab character" in problem or text[where.offset:where.offset + 1] == "\t"
    hint = Text("PM102.tab") if at_tab else Text("PM102.syntax.hint")
    return make_issue("PM102", Text("PM102.syntax", problem=problem), where, hint)


def is_nesting_limit(error: yaml.MarkedYAMLError) -> bool:
    """Whether libyaml stopped at its own nesting limit ("exceeded maximum nesting depth" in
    0.2.6; "Maximum nesting level reached" in its parser), not at a syntax error."""
    return error.problem_mark is not None and "maximum nesting" in (error.problem or "").lower()


def _left_open(error: yaml.MarkedYAMLError, text: str) -> str | None:
    """The `[`, `{` or quote that the error shows was left open, or None for any other error.

    A flow collection counts as left open when the parser gave up on a later line than the
    one it was opened on, or at the end of the file: a missing comma on the line of the `[`
    (`[a, "b" c]`) is placed where it is."""
    opened, stopped = error.context_mark, error.problem_mark
    if opened is None or stopped is None:
        return None
    context, problem = error.context or "", error.problem or ""
    if context in _FLOW_OPENINGS and "expected ','" in problem:
        at_end = stopped.index >= len(text) - _bom(text)
        return _FLOW_OPENINGS[context] if stopped.line > opened.line or at_end else None
    if "quoted scalar" in context and problem.startswith(_RUNAWAY_QUOTE_PROBLEMS):
        start = _bom(text) + opened.index
        quote = text[start:start + 1]
        return quote if quote in ("'", '"') else None
    return None


def _unclosed_issue(error: yaml.MarkedYAMLError, opening: str, text: str,
                    display: str) -> Issue:
    opened = location_at(display, text, error.context_mark.index)
    stopped = location_at(display, text, error.problem_mark.index)
    return make_issue("PM102", Text("PM102.unclosed", opening=opening, problem=error.problem,
                                    line=stopped.line, col=stopped.col), opened,
                      Text(_CLOSING_HINTS[opening], quote=opening), related=(stopped,))


def _bom(text: str) -> int:
    """1 when the text starts with a byte order mark, which libyaml's offsets do not count."""
    return 1 if text.startswith("\ufeff") else 0
