"""The base of every spec entity: frozen, strict about keys, and aware of its source position."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import UnionType
from typing import Annotated, Any, Callable, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic.fields import FieldInfo

from ..issues import Location
from ..load import WHERE_KEY, Source, Where

ID_PATTERN = r"^[a-z][a-z0-9_-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""An ASCII slug naming an item: `cart`, `join_campaign`, `p0-login`."""

Ref = str
"""A reference to an item by id (checked against the project, with did-you-mean)."""

Text = str
"""Plain text, shown exactly as written wherever it appears."""
Scalar = Union[bool, int, float, str, None]
"""A single YAML value: a parameter's default, a table cell."""

MARKDOWN_MEDIA_TYPE = "text/markdown"
Markdown = Annotated[str, Field(json_schema_extra={"contentMediaType": MARKDOWN_MEDIA_TYPE})]
"""Text written in Markdown (CommonMark, with tables): descriptions, notes, stories, glossary
definitions, the product summary. The site shows it rendered and sanitised (raw HTML stays
text; links may be web, mail or relative); every other text is shown exactly as written."""


def is_markdown(field: FieldInfo) -> bool:
    """Whether a model field holds Markdown (see `Markdown`)."""
    extra = field.json_schema_extra
    return isinstance(extra, dict) and extra.get("contentMediaType") == MARKDOWN_MEDIA_TYPE

NOWHERE = Where(Source("<unknown>", ""), -1)
"""Where an instance made in code was written: `<unknown>`, with no line."""


class Spec(BaseModel):
    """A node of the spec language. Unknown keys are errors; instances are immutable.

    Every instance remembers where it was written (`where`), so checks can point at the
    exact line and column of any of its fields (`at("label")`, `at("pages", 2)`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              defer_build=True)
    # defer_build: a validator is built when first used, so a run that takes every file
    # from the cache builds none. Field docstrings become the schema's descriptions in
    # `schema.py`, not here (pydantic would parse every model's source at each start).
    #
    # The `Where` is kept in pydantic's store of private values, `__pydantic_private__`
    # (compared, copied and pickled with the instance), but declared as no `PrivateAttr`:
    # pydantic would then run a function per instance to fill in the default (measured:
    # a quarter of the model stage), only for `_remember_where` to overwrite it.

    @model_validator(mode="wrap")
    @classmethod
    def _remember_where(cls, data: Any, handler: Callable[[Any], "Spec"]) -> "Spec":
        where = None
        if isinstance(data, dict) and WHERE_KEY in data:
            where = data[WHERE_KEY]
            data = {key: value for key, value in data.items() if key != WHERE_KEY}
            for key, field in _text_fills(cls).items():
                if key in data and isinstance(where, Where):
                    data[key] = _fill(data[key], field, where, key)
            where = _unwrap_plain_mappings(cls, data, where)
        instance = handler(data)
        if isinstance(where, Where):
            object.__setattr__(instance, "__pydantic_private__", {"where": where})
        return instance

    @property
    def where(self) -> Where:
        """Where it was written (`NOWHERE` for an instance made in code)."""
        private = self.__pydantic_private__
        return private["where"] if private else NOWHERE

    def at(self, *path: Any) -> Location:
        """The location of a field's value (or of this node when no path is given)."""
        return self.where.value(*path) if path else self.where.node

    def key_at(self, name: str) -> Location:
        return self.where.key(name)

    @property
    def file(self) -> str:
        return self.where.file


# --------------------------------------------------------------------------- shorthands

@dataclass(frozen=True)
class TextFills:
    """Marks a field whose mapping items may be written as plain text filling `field`."""

    field: str


@cache
def _text_fills(model: type[Spec]) -> dict[str, str]:
    """Per key of `model`, the field a plain-text item fills (from `TextFills` markers)."""
    fills = {}
    for name, info in model.model_fields.items():
        for marker in info.metadata:
            if isinstance(marker, TextFills):
                fills[info.alias or name] = marker.field
    return fills


@cache
def _plain_mapping_keys(model: type[Spec]) -> tuple[str, ...]:
    """The keys of `model`'s fields typed as plain mappings (`dict[str, …]`, or a union with
    one: `dict[…] | list[…]`)."""
    def is_mapping(annotation: Any) -> bool:
        return get_origin(annotation) is dict or (
            get_origin(annotation) in (Union, UnionType) and any(map(is_mapping, get_args(annotation))))
    return tuple(key for name, info in model.model_fields.items()
                 if is_mapping(info.annotation) for key in {name, info.alias} - {None})


def _unwrap_plain_mappings(model: type[Spec], data: dict, where: Any) -> Any:
    """A plain mapping (`when: {a: x}`) loses its position record, which is no item of it;
    the positions of its values join the node's own (`at("when", "a")`)."""
    values = None     # copied only when there is something to add (a few kinds of item have it)
    for key in _plain_mapping_keys(model):
        value = data.get(key)
        if isinstance(value, dict) and WHERE_KEY in value:
            inner = value[WHERE_KEY]
            data[key] = {name: body for name, body in value.items() if name != WHERE_KEY}
            if isinstance(inner, Where) and isinstance(where, Where):
                values = dict(where.values) if values is None else values
                values.update({(key, path) if isinstance(path, str) else (key, *path): offset
                               for path, offset in inner.values.items()})
    return where if values is None else Where(where.source, where.offset, where.keys, values)


def _is_text(value: Any) -> bool:
    return isinstance(value, (str, int, float))   # a bool too: `then: no` is meant as text


def _fill(value: Any, field: str, where: Where, key: str) -> Any:
    """`x` -> `{field: x}` (also inside a list), positioned where `x` was written."""
    def wrap(item: Any, *path: Any) -> Any:
        if not _is_text(item):
            return item
        offset = where.value_offset(key, *path)
        return {field: item, WHERE_KEY: Where(where.source, offset, {}, {field: offset})}
    if isinstance(value, list):
        return [wrap(item, index) for index, item in enumerate(value)]
    return wrap(value)


def _one_or_many(value: Any) -> Any:
    """`x` means `[x]`; a missing value means an empty list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def one_or_many(item_type: Any) -> Any:
    """A list field that also accepts a single item."""
    return Annotated[list[item_type], BeforeValidator(
        _one_or_many, json_schema_input_type=item_type | list[item_type])]


def _wrap_text(field: str) -> Callable[[Any], Any]:
    """Without positions (a value built in code): `x` -> `{field: x}`."""
    def wrap(value: Any) -> Any:
        return {field: value} if _is_text(value) else value
    return wrap


def text_or(model: type, field: str) -> Any:
    """A mapping field that may be written as plain text filling `field`."""
    return Annotated[model, TextFills(field), BeforeValidator(
        _wrap_text(field), json_schema_input_type=str | model)]


def _items_of(field: str) -> Callable[[Any], Any]:
    def items(value: Any) -> Any:
        return [_wrap_text(field)(item) for item in _one_or_many(value)]
    return items


def list_of(model: type, field: str) -> Any:
    """A list of mappings where an item (or the whole list) may be one text filling `field`."""
    return Annotated[list[model], TextFills(field), BeforeValidator(
        _items_of(field), json_schema_input_type=str | model | list[str | model])]


def _named(key_field: str, text_field: str) -> Callable[[Any], Any]:
    """`{name: value, ...}` -> `[{key_field: name, ...value}, ...]`, keeping positions."""
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        where = value.get(WHERE_KEY)
        where = where if isinstance(where, Where) else NOWHERE
        items = []
        for name, body in value.items():
            if name == WHERE_KEY:
                continue
            key_offset = where.key_offset(name)
            if isinstance(body, dict):
                item = dict(body)
                item[key_field] = name
                inner = body.get(WHERE_KEY)
                if isinstance(inner, Where):
                    values = dict(inner.values)
                    values[key_field] = key_offset
                    item[WHERE_KEY] = Where(inner.source, key_offset, inner.keys, values)
            else:
                item = {key_field: name, WHERE_KEY: Where(where.source, key_offset, {}, {
                    key_field: key_offset, text_field: where.value_offset(name)})}
                if body is not None:
                    item[text_field] = body
            items.append(item)
        return items
    return convert


def named_mapping(model: type, key_field: str, text_field: str) -> Any:
    """A mapping of names to items (`states: {empty: 空状态文案}`), read as a list of items."""
    return Annotated[list[model], BeforeValidator(
        _named(key_field, text_field), json_schema_input_type=dict[str, str | model])]
