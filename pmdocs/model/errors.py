"""Pydantic's validation errors, retold in the user's words at the exact `file:line:col`."""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any, Iterator

from pydantic import ValidationError

from ..issues import Issue, Location, did_you_mean, make_issue
from ..load import WHERE_KEY, Where, where_of
from ..messages import Text, named, noun, numbered
from .spec import ITEM_NAMES

SINGULAR = {
    **ITEM_NAMES, "elements": "element", "attributes": "attribute", "relations": "relation",
    "transitions": "transition", "steps": "step", "stages": "stage", "acceptance": "criterion",
    "parameters": "parameter", "inputs": "input", "table": "row", "states": "state",
    "releases": "release", "modules": "module", "glossary": "term", "copy": "copy",
    "next": "next step", "lanes": "lane",
    **{f"on_{event}": "jump" for event in ("tap", "long_press", "change", "submit", "select", "swipe")},
}

TYPE_WORDS = {
    kind: Text("type." + word) for kind, word in (
        ("string_type", "text"), ("bool_type", "bool"), ("bool_parsing", "bool"),
        ("int_type", "int"), ("int_parsing", "int"), ("int_from_float", "int"),
        ("float_type", "number"), ("float_parsing", "number"), ("list_type", "list"),
        ("dict_type", "mapping"), ("model_type", "mapping"), ("model_attributes_type", "mapping"),
        ("date_type", "date"), ("date_from_datetime_parsing", "date"), ("date_parsing", "date"))
}


def explain(error: ValidationError, data: Any, prefix: tuple, fields_of: Any, source: str,
            file: str) -> Iterator[Issue]:
    """One issue per distinct problem in `error`, located inside `data` (a loaded item).

    `prefix` is the item's path in its file (for the context words); `fields_of(path)` gives
    the allowed keys at a path (for did-you-mean); `source` is the file's text.
    """
    seen: set[tuple] = set()
    for detail in error.errors(include_url=False):
        path = _without_union_tags(tuple(detail["loc"]), data, detail["type"])
        if path is None:
            continue
        issue = _bad_key(path[:-1], detail, data, prefix, file) if path[-1:] == ("[key]",) \
            else _explain_one(detail, path, data, prefix, fields_of, source, file)
        key = (issue.location, issue.code)
        if key not in seen:
            seen.add(key)
            yield issue


_UNION_TAG = re.compile(r"(?:int|str|float|bool|none|date|datetime)|[a-z][a-z_-]*\[.*\]",
                        re.DOTALL)
"""How pydantic names the branch of a union in an error's path: `int`, `list[str]`,
`dict[literal['list',…],list[str]]` (no field of the spec language is named so)."""


def _without_union_tags(path: tuple, data: Any, kind: str) -> tuple | None:
    """The path without the names pydantic gives the branches of a union (which are no keys of
    the data), nor the index of a list the user wrote as its one item, nor (for a choice,
    `kind`) the field a plain text fills; None for the error of
    a list branch about a mapping the user wrote, or of a mapping branch about a list (the
    other branch's error is the one that helps)."""
    cleaned: list = []
    node = data
    for index, step in enumerate(path):
        if isinstance(step, str) and not (isinstance(node, dict) and step in node) \
                and _UNION_TAG.fullmatch(step):
            if (step.startswith("list[") and isinstance(node, dict)) or \
                    (step.startswith("dict[") and isinstance(node, list)):
                return None
            continue
        if isinstance(step, str) and index and kind in ("literal_error", "enum") and \
                node is not None and not isinstance(node, (dict, list)):
            continue     # the choice a plain text fills (`subject: usr` for `{kind: usr}`)
        if step == 0 and isinstance(node, dict) and path[index + 1:index + 2] and \
                isinstance(path[index + 1], str) and path[index + 1] in node:
            continue     # one item written without its list (`limit: {…}` for `limit: [{…}]`)
        cleaned.append(step)
        node = _child(node, step)
    return tuple(cleaned)


def _child(node: Any, step: Any) -> Any:
    if isinstance(node, dict) and isinstance(step, str):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def _explain_one(detail: dict, path: tuple, data: Any, prefix: tuple, fields_of: Any,
                 source: str, file: str) -> Issue:
    kind = detail["type"]
    value = detail.get("input")
    context = describe(data, path[:-1] if path else path, prefix)
    field = _field_name(path)
    location = _value_location(data, path, file)
    if kind == "extra_forbidden":
        location = _key_location(data, path, file)
        allowed = fields_of(path[:-1])
        hint = did_you_mean(field, allowed) or (
            Text("PM201.allowed", keys=", ".join(sorted(allowed))) if allowed else "")
        return make_issue("PM201", Text("PM201.unknown_key", context=context, field=field),
                          location, hint)
    if kind == "missing":
        location = _value_location(data, path[:-1], file)
        return make_issue("PM202", Text("PM202.required", context=context, field=field),
                          location, Text("PM202.required.hint", field=field))
    if kind == "string_pattern_mismatch":
        suggestion = slug(value)
        return make_issue("PM206", Text("PM206.not_slug", context=context, value=value), location,
                          Text("PM206.not_slug.hint.example", example=suggestion) if suggestion
                          else Text("PM206.not_slug.hint"))
    raw = raw_text(source, location)
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", detail.get("ctx", {}).get("expected", ""))
        if not isinstance(value, str) and raw in choices:
            return _trap(context, field, raw, value, location)
        shown = value if isinstance(value, str) else raw
        listed = ", ".join(choices)
        hint = did_you_mean(str(shown), choices) or Text("PM205.choose", choices=listed)
        return make_issue("PM205", Text("PM205.not_a_choice", context=context, field=field,
                                        value=shown, choices=listed), location, hint)
    if kind == "string_type" and _is_trap(value):
        return _trap(context, field, raw, value, location)
    if kind == "string_type" and value is None:
        return make_issue("PM203", Text("PM203.empty", context=context, field=field), location,
                          Text("PM203.empty.hint", field=field))
    wanted = TYPE_WORDS.get(kind)
    if wanted:
        got = f"`{raw}`" if raw and not isinstance(value, (dict, list)) else _describe_value(value)
        return make_issue("PM203", Text("PM203.wrong_type", context=context, field=field,
                                        wanted=wanted, got=got), location)
    return make_issue("PM203", Text("PM203.invalid", context=context, field=field,
                                    detail=_own_words(detail)), location)


def _own_words(detail: dict) -> str:
    """pydantic's message, or a validator's own words (without pydantic's "Value error, ")."""
    if detail["type"] == "value_error" and "error" in detail.get("ctx", {}):
        return str(detail["ctx"]["error"])
    return detail.get("msg", "invalid value")


def _bad_key(path: tuple, detail: dict, data: Any, prefix: tuple, file: str) -> Issue:
    """A key of a mapping that is not one of its allowed keys (`required_states: {lsit: …}`)."""
    value = detail.get("input")
    choices = re.findall(r"'([^']*)'", detail.get("ctx", {}).get("expected", ""))
    location = _key_location(data, path, file)
    listed = ", ".join(choices)
    hint = did_you_mean(str(value), choices) or Text("PM205.choose", choices=listed)
    return make_issue("PM205", Text("PM205.not_a_key", context=describe(data, path[:-1], prefix),
                                    value=value, field=_field_name(path[:-1]) if len(path) > 1
                                    else Text("kind.item"), choices=listed), location, hint)


def _is_trap(value: Any) -> bool:
    return isinstance(value, (bool, int, float, datetime.date, datetime.datetime))


def _trap(context: str, field: str, raw: str, value: Any, location: Location) -> Issue:
    if isinstance(value, bool):
        reading = Text("PM204.boolean", value=str(value).lower())
    elif isinstance(value, (datetime.date, datetime.datetime)):
        reading = Text("PM204.date", value=value.isoformat())
    else:
        reading = Text("PM204.number", value=repr(value))
    shown = raw or str(value)
    return make_issue("PM204", Text("PM204.trap", context=context, field=field, value=shown,
                                    reading=reading), location, Text("PM204.trap.hint", value=shown))


def _describe_value(value: Any) -> str:
    if isinstance(value, dict):
        return Text("value.mapping")
    if isinstance(value, list):
        return Text("value.list")
    if value is None:
        return Text("value.empty")
    return f"`{value}`"


def _field_name(path: tuple) -> str:
    for step in reversed(path):
        if isinstance(step, str):
            return step
    return "item"


def describe(data: Any, path: tuple, prefix: tuple) -> str:
    """Context words for a path inside an item: `page `cart` › element `checkout``.

    `prefix` is `(section, index)` of the item in its file, or `()` for settings.
    """
    words: list[Text] = []
    if len(prefix) == 2:
        words.append(_item_words(prefix[0], data, prefix[1]))
    node, section = data, ""
    for step in path:
        if isinstance(step, str):
            section = step
            node = node.get(step) if isinstance(node, dict) else None
        elif isinstance(node, dict):   # a named mapping, which pydantic sees as a list
            names = [key for key in node if key != WHERE_KEY]
            name = names[step] if 0 <= step < len(names) else str(step)
            node = node.get(name)
            words.append(named(SINGULAR.get(section, section), name))
        else:
            node = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            words.append(_item_words(section, node, step))
    if not words:
        return Text("context.settings")
    return functools.reduce(lambda outer, inner: Text("context.inside", outer=outer, inner=inner),
                            words)


def _item_words(section: str, node: Any, index: int) -> Text:
    kind = SINGULAR.get(section, section)
    if isinstance(node, dict):
        for key in ("id", "term", "key", "to"):
            if isinstance(node.get(key), str):
                return named(kind, node[key])
    return numbered(kind, index + 1)


def _value_location(data: Any, path: tuple, file: str) -> Location:
    location = locate(data, path)
    return location if location is not None else Location(file)


def _key_location(data: Any, path: tuple, file: str) -> Location:
    parent = _node_at(data, path[:-1])
    where = where_of(parent)
    if where is not None and isinstance(path[-1], str):
        return where.key(path[-1])
    return _value_location(data, path, file)


def _node_at(data: Any, path: tuple) -> Any:
    node = data
    for step in path:
        if isinstance(node, dict):
            if isinstance(step, str):
                node = node.get(step)
            else:
                names = [key for key in node if key != WHERE_KEY]
                node = node.get(names[step]) if 0 <= step < len(names) else None
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def locate(data: Any, path: tuple) -> Location | None:
    """The source position of the value at `path` (a pydantic `loc`) inside loaded data.

    Handles named mappings (`states: {empty: …}`), which pydantic sees as lists.
    """
    where: Where | None = where_of(data)
    relative: tuple = ()
    node = data
    for depth, step in enumerate(path):
        if isinstance(node, dict) and isinstance(step, int):
            names = [key for key in node if key != WHERE_KEY]
            if not 0 <= step < len(names):
                break
            if where is not None and not relative:
                child = node.get(names[step])
                if not isinstance(child, dict):   # `name: text`: a field below means the text
                    return where.value(names[step]) if path[depth + 1:] else where.key(names[step])
            step = names[step]
        if isinstance(node, dict) and isinstance(step, str) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            break
        relative += (step,)
        if isinstance(node, dict) and WHERE_KEY in node:
            where, relative = node[WHERE_KEY], ()
    if where is None:
        return None
    return where.value(*relative) if relative else where.node


def raw_text(source: str, location: Location) -> str:
    """The scalar as written in the source at `location` (for "write it in quotes")."""
    if location.offset < 0 or location.offset >= len(source):
        return ""
    end = source.find("\n", location.offset)
    line = source[location.offset:end if end >= 0 else len(source)]
    line = re.split(r"\s#|[,\]}]", line, maxsplit=1)[0]
    return line.strip()


def slug(text: Any) -> str:
    """A slug suggestion for a bad id, or empty when none can be made."""
    candidate = re.sub(r"[^a-z0-9_-]+", "_", str(text).strip().lower()).strip("_-")
    if candidate and not candidate[0].isalpha():
        candidate = "id_" + candidate
    return candidate if re.fullmatch(r"[a-z][a-z0-9_-]*", candidate or "") else ""
