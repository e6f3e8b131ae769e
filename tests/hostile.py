"""The hostile project: an attacker's text in every free-text field of the spec language.

`tests/fixtures/hostile/` holds its skeleton — ids, references and structure as a real
project has them — with a token wherever the language takes free text; `write_project` fills
each token with a payload of its own (a numbered tag, then one family of attacks, taken in
turn), so every field meets several families across the project and each text can be found
again where it is shown:

- `@text`: plain text; `@text:name`: the same text wherever `name` recurs (an enum value and
  the table cell that names it);
- `@md`: a Markdown field, filled with one of the forms a `javascript:` link can take;
- `@long`: a label of 5,000 characters.

The payloads set `window.__pwned` or open an alert if they ever run.
"""

from __future__ import annotations

import json
import re
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

SKELETON = Path(__file__).resolve().parent / "fixtures" / "hostile"
RUN = "window.__pwned=1"

PLAIN_FAMILIES = {
    "html": f'<script>{RUN}</script><img src=x onerror="{RUN}"> <svg onload="{RUN}"> '
            f'<iframe src="javascript:{RUN}"></iframe> <b>bold</b> <Home>',
    "attribute breakout": f'" onclick="{RUN}" x=\' onmouseover=\'{RUN}\' "><b>&quot;</b>',
    "jinja": f"{{{{ 7*7 }}}} {{% raw %}} {{# comment #}} ${{{RUN}}} {{{{ config }}}}",
    "graphviz": '} { | < > " \\ \\l \\n \\N \\G \\E &lt;b&gt; &amp; &#60; <<B>>',
    "markup ends": f"]]> --> <!-- <![CDATA[ x ]]> </title></textarea></text><script>{RUN}</script>",
    "right to left": "abc \u202eRTL override\u202c \u200fעברית العربية\u200e end",
    "emoji": "👨\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 🍊 家人",
    "links as text": f"[x](javascript:{RUN}) <javascript:{RUN}> https://example.org/?a=1&b=2",
    "line breaks": "first line\nsecond line\r\n::error title=injected::pwned\n  indented",
    "chinese": "中文「引号」，逗号、顿号；冒号：问号？",
    "trailing backslash": "C:\\new\\N and a trailing backslash \\",
}
"""Attacks on a plain-text field, which must read exactly as written."""

MARKDOWN_FAMILIES = {
    "inline": f"[a](javascript:{RUN}) [b](JaVaScRiPt:{RUN}) [c]( javascript:{RUN} ) "
              f"[d](vbscript:{RUN}) [e](data:text/html,<script>{RUN}</script>)",
    "nested parentheses": f"[v](javascript:void((window.__pwned=1))) [w](javascript:(({RUN})))",
    "reference": f"A [reference][r1] link.\n\n[r1]: javascript:{RUN}",
    "reference on the next line": f"A [reference][r2] link.\n\n[r2]:\njavascript:{RUN}",
    "reference in a blockquote": f"> A [quoted][r3] link.\n>\n> [r3]: javascript:{RUN}",
    "reference in a list": f"- A [listed][r4] link.\n\n  [r4]: javascript:{RUN}\n- second item",
    "autolink": f"<javascript:{RUN}> <vbscript:{RUN}> <data:text/html,x> <https://example.org/>",
    "obfuscated scheme": f"[o](&#106;avascript:{RUN}) [p](java&#x09;script:{RUN}) "
                         f"[t](java\tscript:{RUN}) [u](\u0001javascript:{RUN}) "
                         f"[q](&#x6A;&#x61;vascript&#x3a;{RUN})",
    "image": f"![pixel](https://tracker.example/pixel.png) ![run](javascript:{RUN})",
    "raw html": f'<a href="javascript:{RUN}">raw</a> <details open ontoggle="{RUN}">x</details> '
                f"<style>body{{display:none}}</style> <!-- comment -->",
    "attribute list": f'Paragraph {{: onclick="{RUN}" }} and {{{{ 7*7 }}}}',
}
"""Attacks on a Markdown field: every form a `javascript:` link can take, and raw HTML."""

MARKDOWN_SAFE = ("**bold**, `a<b && c`, a [safe link](https://example.org/?a=1&b=2), "
                 "中文「引号」 and C:\\new\\N.")
"""What every Markdown field also holds: Markdown that must render as Markdown."""

LONG_LABEL = ("长" * 40 + " long " * 10) * 50
_TOKEN = re.compile(r"'@(text|md|long)(?::([a-z_0-9]+))?'")


@dataclass(frozen=True)
class HostileText:
    """One filled token: its text and the family of attack it carries."""

    text: str
    markdown: bool
    family: str


def write_project(folder: Path) -> list[HostileText]:
    """The hostile project written into `folder` (created); the texts it holds, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    texts: list[HostileText] = []
    named: dict[str, str] = {}

    def fill(match: "re.Match[str]") -> str:
        kind, name = match.group(1), match.group(2)
        if name is not None and name in named:
            return json.dumps(named[name], ensure_ascii=False)
        filled = _payload(kind, len(texts), sum(text.markdown == (kind == "md") for text in texts))
        texts.append(filled)
        if name is not None:
            named[name] = filled.text
        return json.dumps(filled.text, ensure_ascii=False)

    for skeleton in sorted(SKELETON.glob("*.yml")):
        text = _TOKEN.sub(fill, skeleton.read_text(encoding="utf-8"))
        (folder / skeleton.name).write_text(text, encoding="utf-8")
    return texts


def _payload(kind: str, number: int, turn: int) -> HostileText:
    """The text of the `number`th token, the `turn`th of its kind (which picks its family)."""
    if kind == "long":
        return HostileText(f"t{number} {LONG_LABEL}", False, "long")
    if kind == "md":
        family = list(MARKDOWN_FAMILIES)[turn % len(MARKDOWN_FAMILIES)]
        return HostileText(f"m{number} \n\n{MARKDOWN_FAMILIES[family]}\n\n{MARKDOWN_SAFE}", True, family)
    family = list(PLAIN_FAMILIES)[turn % len(PLAIN_FAMILIES)]
    return HostileText(f"t{number} {PLAIN_FAMILIES[family]}", False, family)


# ------------------------------------------------------------------- the fields it fills

NOT_TEXT = {"id", "to", "source", "lane", "stage", "release", "module", "shows", "by", "initial",
            "object_id", "feature", "rule", "attribute",
            "final", "roles", "pages", "rules", "flows", "objects", "features", "elements", "lanes",
            "editable_by", "hides", "disable", "required_states", "exclude", "output", "timezone",
            "reset", "duration", "date", "max", "min", "severity", "since", "tag"}
"""Fields of the spec model that hold ids, references, settings or numbers, not text."""


def _is_choice(annotation: Any) -> bool:
    """A `Literal[...]` (or a list or optional of one): a closed choice, not free text."""
    if get_origin(annotation) is Literal:
        return True
    return get_origin(annotation) in (Union, types.UnionType, list, tuple) and \
        any(_is_choice(argument) for argument in get_args(annotation))


def _holds_items(annotation: Any) -> bool:
    """Whether a field holds spec items (a list of them, say), however it is annotated."""
    from pmdocs.model.spec import Spec

    if isinstance(annotation, type) and issubclass(annotation, Spec):
        return True
    return any(_holds_items(argument) for argument in get_args(annotation))


@dataclass(frozen=True)
class TextField:
    """A free-text field of the spec language (`pages[].elements[].label`) as a project fills it."""

    path: str
    markdown: bool
    texts: tuple[str, ...]


def text_fields(item: Any, path: str) -> dict[str, TextField]:
    """Every free-text field of a spec item and of the items inside it, by path, with the
    texts the item gives it."""
    from pmdocs.model.base import is_markdown
    from pmdocs.model.spec import Spec

    found: dict[str, TextField] = {}
    for name, field in type(item).model_fields.items():
        value = getattr(item, name)
        children = [value] if isinstance(value, Spec) else \
            list(value) if isinstance(value, (list, tuple)) and value and isinstance(value[0], Spec) else []
        if children:
            for child in children:
                for key, inner in text_fields(child, f"{path}.{name}" + ("[]" if child is not value else "")).items():
                    found[key] = merged(found.get(key), inner)
        elif name not in NOT_TEXT and not _is_choice(field.annotation) and \
                not _holds_items(field.annotation) and \
                not isinstance(value, (bool, int, float)) and value is not None:
            values = value.values() if isinstance(value, dict) else [value] if isinstance(value, str) else value
            texts = tuple(text for text in values if isinstance(text, str))
            key = f"{path}.{name}"
            found[key] = merged(found.get(key), TextField(key, is_markdown(field), texts))
    return found


def merged(first: TextField | None, second: TextField) -> TextField:
    return second if first is None else TextField(first.path, first.markdown, first.texts + second.texts)


def project_text_fields(project: Any) -> dict[str, TextField]:
    """Every free-text field of the project's settings and items, by path."""
    from pmdocs.model.spec import SECTIONS

    found = text_fields(project.settings, "pmdocs.yml")
    for section in SECTIONS:
        for item in project.items(section):
            for key, field in text_fields(item, section + "[]").items():
                found[key] = merged(found.get(key), field)
    return found
