"""Text that reaches a terminal or a CI log, made so that spec text cannot steer it.

Spec text comes from pull requests by strangers, and pmdocs quotes it in messages (a label,
a condition, an unknown id, a file name). Printed as it is, a line break in it would start
a line of its own — which GitHub Actions obeys as a workflow command (`::error …::`,
`::stop-commands::`) — and an escape sequence would recolour or rewrite a terminal. So
every line pmdocs prints goes through `one_line`, and JSON through `json_text`.
"""

from __future__ import annotations

import json
import re
from typing import Any

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character some reader takes for the end of a line (Python's `str.splitlines`)."""

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that reorder how a line is shown, so that it reads unlike what it holds."""

CONTROLS = "".join(map(chr, [*range(0x00, 0x20), *range(0x7f, 0xa0)])) + LINE_BREAKS + BIDI_CONTROLS
"""What `one_line` escapes: the C0 and C1 control characters (ESC, NUL, NEL, …), DEL, the
Unicode line and paragraph separators and the bidirectional controls."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPES = {ord(character): _NAMED.get(character) or
            (f"\\x{ord(character):02x}" if ord(character) < 0x100 else f"\\u{ord(character):04x}")
            for character in CONTROLS}
_JSON_ESCAPES = {ord(character): f"\\u{ord(character):04x}" for character in CONTROLS
                 if ord(character) >= 0x20}   # json.dumps escapes the C0 controls in strings

RUNNER_COMMAND = re.compile(r"##(?=[A-Za-z]*\[)")
"""`##[error]…`, `##vso[…]`, `##teamcity[…]`: the older form of CI runners' commands, which
GitHub Actions' runner (like Azure Pipelines' and TeamCity's) obeys anywhere in a line."""


def one_line(text: str) -> str:
    """`text` as part of one printed line: control characters shown as escapes (`\\n`,
    `\\x1b`, `\\u2028`) and `##[` as `#\\#[`. Applying it twice changes nothing more."""
    return RUNNER_COMMAND.sub("#\\\\#", text.translate(_ESCAPES))


def json_text(value: Any) -> str:
    """`value` as indented JSON, Chinese kept readable, that decodes to exactly `value` but
    holds no character `one_line` would escape: JSON escapes the C0 controls itself; the
    others, and the `#` of `##[`, are written as `\\uXXXX`."""
    text = json.dumps(value, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)
    return RUNNER_COMMAND.sub("#\\\\u0023", text)


def path_at_line_start(path: str) -> str:
    """A relative path that starts with punctuation or a blank (`::error …`, ` ::x`) as
    `./…`, so that a line starting with it cannot be read as a command."""
    first = path[:1]
    return path if not first or first.isalnum() or first in "._/" else "./" + path
