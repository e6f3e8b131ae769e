"""The editors' JSON Schemas explain every field: each property of both schemas, at any depth,
and each definition has a description (a YAML language server shows it on hover)."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest

from pmdocs.model.schema import MARKDOWN_NOTE, SCHEMA_KINDS, SHORT_FORMS, json_schema, schema_text, unwrap
from pmdocs.model.spec import Spec

Where = str
"""A JSON pointer into a schema, e.g. `#/$defs/Page/properties/entry`."""


def subschemas(node: Any, where: Where = "#") -> Iterator[tuple[Where, dict]]:
    """Every schema inside `node`, itself included: properties, items, anyOf / oneOf / allOf
    branches, additionalProperties, $defs, at any depth."""
    if not isinstance(node, dict):
        return
    yield where, node
    for keyword in ("properties", "$defs", "patternProperties"):
        for name, child in node.get(keyword, {}).items():
            yield from subschemas(child, f"{where}/{keyword}/{name}")
    for keyword in ("items", "additionalProperties", "not"):
        yield from subschemas(node.get(keyword), f"{where}/{keyword}")
    for keyword in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for index, child in enumerate(node.get(keyword, [])):
            yield from subschemas(child, f"{where}/{keyword}/{index}")


def properties(schema: dict) -> Iterator[tuple[Where, dict]]:
    for where, node in subschemas(schema):
        for name, child in node.get("properties", {}).items():
            yield f"{where}/properties/{name}", child


@pytest.fixture(params=SCHEMA_KINDS, scope="module")
def schema(request: pytest.FixtureRequest) -> dict:
    return json_schema(request.param)


def test_the_walk_finds_every_property(schema: dict) -> None:
    """Guards the walk itself: what it finds is what the schema's text holds."""
    walked = sum(1 for _ in properties(schema))
    in_text = sum(len(node.get("properties", {})) for node in _every_dict(schema))
    assert walked == in_text > 150


def test_every_property_has_a_description(schema: dict) -> None:
    missing = [where for where, prop in properties(schema) if not prop.get("description")]
    assert missing == []


def test_every_definition_has_a_description(schema: dict) -> None:
    missing = [name for name, definition in schema["$defs"].items()
               if not definition.get("description")]
    assert missing == []
    assert schema["description"]


def test_a_description_sits_beside_a_ref(schema: dict) -> None:
    """Not wrapped in `allOf`: draft 2020-12 reads keywords beside `$ref`, and the YAML
    language server keeps them over the definition's own when it resolves the `$ref`."""
    applies_to = schema["$defs"]["Rule"]["properties"]["applies_to"]
    assert set(applies_to) == {"$ref", "description"}
    assert not any("allOf" in node for _, node in subschemas(schema))


def test_every_short_form_says_what_its_text_stands_for(schema: dict) -> None:
    """`on_tap: close`, `states: {empty: …}`: the text branch beside a mapping says what it is."""
    silent = [where for where, node in subschemas(schema)
              if any("$ref" in branch for branch in node.get("anyOf", []))
              for index, branch in enumerate(node.get("anyOf", []))
              if branch.get("type") == "string" and not branch.get("description")]
    assert silent == []


def test_short_forms_fill_a_field_of_their_definition() -> None:
    classes = {cls.__name__: cls for cls in _subclasses(Spec)}
    for name, (field, _) in SHORT_FORMS.items():
        keys = {info.alias or key for key, info in classes[name].model_fields.items()}
        assert field in keys, name


def test_markdown_fields_say_what_markdown_allows(schema: dict) -> None:
    markdown = [(where, prop) for where, prop in properties(schema)
                if prop.get("contentMediaType") == "text/markdown"]
    assert len(markdown) >= 5
    for where, prop in markdown:
        assert prop["description"].endswith("\n\n" + MARKDOWN_NOTE), where
    plain = [where for where, prop in properties(schema) if "contentMediaType" not in prop
             and MARKDOWN_NOTE in prop["description"]]
    assert plain == []


def test_choices_are_explained(schema: dict) -> None:
    """A property with a choice of values names each of them in its description."""
    for where, prop in properties(schema):
        choices = prop.get("enum") or [value for branch in prop.get("anyOf", [])
                                       for value in branch.get("enum", [])]
        if len(choices) > 1:
            unexplained = [value for value in choices if f"`{value}`" not in prop["description"]]
            assert unexplained == [], where


def test_descriptions_keep_only_paragraph_breaks(schema: dict) -> None:
    """An editor shows a single line break as a new paragraph: docstrings are unwrapped."""
    wrapped = [where for where, node in subschemas(schema)
               if "\n" in node.get("description", "").replace("\n\n", "")]
    assert wrapped == []


def test_unwrap_joins_lines_and_keeps_paragraphs() -> None:
    assert unwrap("A line\n    and the next.\n\n    A paragraph.") == (
        "A line and the next.\n\nA paragraph.")
    assert unwrap("e.g. 购物车为空，\n显示「去逛逛」") == "e.g. 购物车为空，显示「去逛逛」"


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_schema_text_is_sorted_json_ending_with_a_newline(kind: str) -> None:
    text = schema_text(kind)
    assert text == schema_text(kind)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "购物车" in text     # Chinese examples stay readable in the file


def _every_dict(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _every_dict(value)
    elif isinstance(node, list):
        for value in node:
            yield from _every_dict(value)


def _subclasses(cls: type) -> Iterator[type]:
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)
