"""The JSON Schema of spec files, derived from the model (for editors' YAML language server).
Field docstrings become the properties' descriptions."""

from __future__ import annotations

import ast
import inspect
from typing import Any

from pydantic import create_model

from .spec import SECTIONS, ProjectSettings, Spec

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: str = "spec") -> dict[str, Any]:
    """`spec`: any spec file (sections only); `project`: pmdocs.yml (settings and sections)."""
    sections = {name: (list[model], []) for name, model in SECTIONS.items()}
    if kind == "project":
        model = create_model("ProjectFile", __base__=ProjectSettings, **sections)
        title = "pmdocs project file (pmdocs.yml)"
    else:
        model = create_model("SpecFile", __base__=Spec, **sections)
        title = "pmdocs spec file"
    schema = model.model_json_schema(mode="validation")
    _describe(schema, model)
    classes = _spec_classes()
    for name, definition in schema.get("$defs", {}).items():
        if name in classes:
            _describe(definition, classes[name])
    schema["$schema"] = SCHEMA_URL
    schema["title"] = title
    return schema


def _describe(definition: dict[str, Any], model: type[Spec]) -> None:
    """Each property's description from its field's docstring. (Read here rather than by
    pydantic's `use_attribute_docstrings`, which would parse the source of every model each
    time pmdocs starts, for a schema that `check` never needs.)"""
    docstrings = field_docstrings(model)
    for name, info in model.model_fields.items():
        prop = definition.get("properties", {}).get(info.alias or name)
        if prop is not None and name in docstrings and "description" not in prop:
            prop["description"] = docstrings[name]


def field_docstrings(model: type) -> dict[str, str]:
    """`{field: docstring}` for the string literals written right below a class's fields
    (its bases' first, so a subclass's own docstring wins)."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not issubclass(cls, Spec) or cls.__module__ == "pydantic.main":
            continue
        try:
            tree = ast.parse(inspect.getsource(cls))
        except (OSError, TypeError, SyntaxError):
            continue   # a class made at run time (create_model) has no source of its own
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in zip(body, body[1:]):
            if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)):
                found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


def _spec_classes() -> dict[str, type[Spec]]:
    """Every model of the spec language by name (the schema's `$defs` are named so)."""
    found: dict[str, type[Spec]] = {}
    pending = [Spec]
    while pending:
        cls = pending.pop()
        found.setdefault(cls.__name__, cls)
        pending.extend(cls.__subclasses__())
    return found


__all__ = ["field_docstrings", "json_schema"]
