"""What pmdocs says about problems, in each language it speaks.

A message is a `Text`: a key of the catalogue and the values it quotes. Each language has a
catalogue module of its own (`en.py`, `zh.py`) holding, by key, `str.format` templates; the
text is chosen when it is shown (`in_language`), so one check result prints in English or
Chinese. A `Text` is also a `str` — its English text — so code that compares or stores
problems (a diff of two revisions, the JSON report) needs no language at all.

Adding a code means one entry per language: its title (`TITLES`; English in the code's
registry, `pmdocs.issues`) and its advice (`ADVICE`), and a template per message it words
(`MESSAGES`). `tests/test_messages.py` holds every language to the same keys and the same
placeholders.
"""

from __future__ import annotations

from typing import Any, Mapping

from . import en, zh

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "en"
"""The language of a `Text` as a `str`, and of problems where no project says otherwise."""

_CATALOGUES = {"en": en, "zh": zh}


class Text(str):
    """Words for a reader: a catalogue key and the values it quotes, rendered in any
    language by `in_language`; as a `str`, its English text. Values that are `Text`
    themselves (a context such as "page `cart` › element `pay`") are rendered in the same
    language; a tuple of values is a list, joined as the language joins one."""

    __slots__ = ("key", "params")
    key: str
    params: tuple[tuple[str, Any], ...]

    def __new__(cls, key: str, /, **params: Any) -> "Text":
        made = super().__new__(cls, _render(key, DEFAULT_LANGUAGE, params))
        made.key = key
        made.params = tuple(sorted(params.items()))
        return made

    def in_language(self, language: str) -> str:
        return _render(self.key, language, dict(self.params))

    def __reduce__(self) -> tuple:   # pickled (the spec cache keeps issues) as key and values
        return (_remake, (self.key, self.params))


def _remake(key: str, params: tuple[tuple[str, Any], ...]) -> Text:
    return Text(key, **dict(params))


def localized(text: str, language: str) -> str:
    """`text` in `language` when it is a `Text`; other text (spec text, a path) as it is."""
    return text.in_language(language) if isinstance(text, Text) else text


def noun(word: str) -> str:
    """What a kind of thing is called ("page", "element"), as a `Text` where the catalogue
    names it; a word it does not know (a section the user misspelt) as it is."""
    return Text("kind." + word) if "kind." + word in en.MESSAGES else word


def named(kind: str, name: object) -> Text:
    """"page `cart`": a thing of a kind, by its id, in any language."""
    return Text("context.named", kind=noun(kind), name=name)


def numbered(kind: str, number: int) -> Text:
    """"row 2": the n-th of a kind (in Chinese with the measure word the kind takes)."""
    if "numbered." + kind in en.MESSAGES:
        return Text("numbered." + kind, number=number)
    return Text("context.numbered", kind=noun(kind), number=number)


Place = tuple[tuple[str, Any], ...]
"""Where in the specs something is, as steps: `(("page", "cart"), ("element", "buy"),
("on", "tap"))`; an int id is a number (`("row", 2)`), a None id names the part alone
(`("lifecycle", None)`)."""


def place(steps: Place | str) -> str:
    """The words of a `Place`: "page `cart` › element `buy` › on tap", made only when a message
    needs them (wording each of the thousands of places a check looks at would cost more
    than the check). Text is words already."""
    if isinstance(steps, str):
        return steps
    words: Text | None = None
    for kind, name in steps:
        if kind == "on":
            step = Text("context.on", event=Text("event." + name))
        elif kind == "exit":
            step = Text("context.exit", step=name)
        elif kind == "transition":
            step = Text("context.transition", source=name[0], to=name[1])
        elif kind == "lifecycle_of":
            step = Text("context.lifecycle_of", object=name)
        elif name is None:
            step = noun(kind)
        elif isinstance(name, int):
            step = numbered(kind, name)
        else:
            step = named(kind, name)
        words = step if words is None else Text("context.inside", outer=words, inner=step)
    return words or ""


def template(key: str, language: str) -> str:
    """The catalogue's template for `key` in `language` (English where it has none)."""
    messages = _CATALOGUES.get(language, en).MESSAGES
    return messages.get(key) or en.MESSAGES[key]


def _render(key: str, language: str, params: Mapping[str, Any]) -> str:
    values = {name: _shown(value, language) for name, value in params.items()}
    return template(key, language).format(**values)


def _shown(value: Any, language: str) -> Any:
    """A value as a template shows it: a `Text` in `language`, a tuple of them joined."""
    if isinstance(value, tuple):
        return words(language)["list_separator"].join(_shown(item, language) for item in value)
    return localized(value, language)


def title(code: str, english: str, language: str) -> str:
    """A code's one-line title in `language`; `english` is the registry's."""
    return _CATALOGUES.get(language, en).TITLES.get(code, english)


def advice(code: str, language: str) -> str:
    """How to fix what a code finds, in general (the codes page, `pmdocs codes`)."""
    return _CATALOGUES.get(language, en).ADVICE.get(code) or en.ADVICE.get(code, "")


def words(language: str) -> Mapping[str, str]:
    """The words around problems (summaries, "hint") in `language`."""
    return {**en.WORDS, **_CATALOGUES.get(language, en).WORDS}
