"""The JSON Schemas of spec files and of pmdocs.yml, derived from the model (for editors' YAML
language server, whose hover help shows each property's `description`).

Class and field docstrings in `spec/` become the descriptions. What no docstring reaches is
said here, in one place: the section lists, the plain-text short forms of a mapping (a page's
`states: {empty: …}`, `on_tap: close`), and what a Markdown field allows."""

from __future__ import annotations

import ast
import inspect
import json
import re
from typing import Any

from pydantic import create_model

from .base import is_markdown
from .spec import SECTIONS, ProjectSettings, Spec

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_KINDS = ("spec", "project")
"""`spec`: any spec file (sections only); `project`: pmdocs.yml (settings and sections)."""

SECTION_DESCRIPTIONS = {
    "roles": "The roles: who or what acts in the business (customers, staff, systems), "
             "each with `id`, `name` and `kind`.",
    "objects": "The business objects: the nouns of the business, each with its key "
               "`attributes`, its `relations` to other objects and its `lifecycle`.",
    "flows": "The business flows: who does what, in which stage; each is drawn as a swimlane "
             "diagram of `lanes` (roles), `stages` and `steps`.",
    "features": "The features (requirements): what is built, for whom, with `priority`, "
                "`status`, `release`, acceptance criteria and links to what they touch.",
    "pages": "The pages, dialogs, sheets and toasts: their `elements`, where each action "
             "leads (`on_tap` …) and their `states`; the page map and the prototype are "
             "drawn from them.",
    "rules": "The business rules: decision tables (`inputs`, `table`), the `parameters` "
             "operations staff set, and `limit` blocks.",
}

SHORT_FORMS: dict[str, tuple[str, str]] = {
    # definition: (the field a plain text fills, what that text is)
    "Jump": ("to", "Just where to go: a page or dialog id, `back` or `close`"),
    "Next": ("to", "Just the id of the step the arrow leads to"),
    "LifecycleState": ("id", "Just the state's id"),
    "Stage": ("id", "Just the stage's id"),
    "Module": ("id", "Just the module's id"),
    "Window": ("kind", "Just the window's kind"),
    "Subject": ("kind", "Just the kind of subject"),
    "Outcome": ("result", "Just the result, in words"),
    "State": ("description", "Just what the user sees in this state"),
    "CopyEntry": ("text", "Just the text"),
    "GlossaryEntry": ("definition", "Just the definition (Markdown)"),
}
"""What a plain text written in place of a mapping means, by the mapping's definition."""

MARKDOWN_NOTE = (
    "Markdown: CommonMark with tables and ~~strikethrough~~; `#` is a heading under the page's "
    "own; an image shows as a link to it; raw HTML is not taken (`<b>` reads as `<b>`); links "
    "may be http, https, mailto or relative.")
"""What a Markdown field allows (README: "Markdown and plain text")."""


def json_schema(kind: str = "spec") -> dict[str, Any]:
    """The JSON Schema of a spec file (`spec`) or of pmdocs.yml (`project`)."""
    sections = {name: (list[model], []) for name, model in SECTIONS.items()}
    if kind == "project":
        model = create_model("ProjectFile", __base__=ProjectSettings, __doc__=ProjectSettings.__doc__,
                             **sections)
        title = "pmdocs project file (pmdocs.yml)"
    else:
        model = create_model("SpecFile", __base__=Spec, __doc__="A pmdocs spec file: any of the "
                             f"sections {', '.join(SECTIONS)}.", **sections)
        title = "pmdocs spec file"
    schema = model.model_json_schema(mode="validation")
    _describe(schema, model)
    for name, description in SECTION_DESCRIPTIONS.items():
        schema["properties"][name]["description"] = description
    classes = _spec_classes()
    for name, definition in schema.get("$defs", {}).items():
        if name in classes:
            _describe(definition, classes[name])
    _describe_short_forms(schema)
    _unwrap_descriptions(schema)
    schema["$schema"] = SCHEMA_URL
    schema["title"] = title
    return schema


def schema_text(kind: str) -> str:
    """The schema as its file holds it (and `pmdocs schema` prints it): sorted, indented JSON
    ending with a newline, so two runs give the same bytes."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _describe(definition: dict[str, Any], model: type[Spec]) -> None:
    """Each property's description from its field's docstring, followed by what Markdown
    allows for a Markdown field. (Read here rather than by pydantic's
    `use_attribute_docstrings`, which would parse the source of every model each time pmdocs
    starts, for a schema that `check` never needs.)"""
    docstrings = field_docstrings(model)
    for name, info in model.model_fields.items():
        prop = definition.get("properties", {}).get(info.alias or name)
        if prop is not None and name in docstrings and "description" not in prop:
            prop["description"] = docstrings[name]
            if is_markdown(info):
                prop["description"] += "\n\n" + MARKDOWN_NOTE


def _describe_short_forms(node: Any) -> None:
    """The plain-text branch of each union of text and a mapping (`on_tap: close`) says what
    the text stands for, e.g. "Just the text (short for `{text: …}`)"."""
    if isinstance(node, list):
        for item in node:
            _describe_short_forms(item)
    if not isinstance(node, dict):
        return
    branches = node.get("anyOf", [])
    definitions = [branch["$ref"].rsplit("/", 1)[-1] for branch in branches if "$ref" in branch]
    for name in definitions:
        if name in SHORT_FORMS:
            field, meaning = SHORT_FORMS[name]
            for branch in branches:
                if branch == {"type": "string"}:
                    branch["description"] = f"{meaning} (short for `{{{field}: …}}`)."
    for value in node.values():
        _describe_short_forms(value)


def _unwrap_descriptions(node: Any) -> None:
    """Docstrings are wrapped at 100 columns; an editor shows a single line break as a new
    paragraph, so a description keeps only its blank-line paragraph breaks."""
    if isinstance(node, list):
        for item in node:
            _unwrap_descriptions(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                node[key] = unwrap(value)
            else:
                _unwrap_descriptions(value)


_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef"
_LINE_BREAK_BETWEEN_WIDE = re.compile(f"(?<=[{_WIDE}])\n(?=[{_WIDE}])")
_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def unwrap(text: str) -> str:
    """Single line breaks joined (with no space between Chinese characters); blank lines kept."""
    text = inspect.cleandoc(text)
    return _LINE_BREAK.sub(" ", _LINE_BREAK_BETWEEN_WIDE.sub("", text))


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


__all__ = ["MARKDOWN_NOTE", "SCHEMA_KINDS", "SHORT_FORMS", "field_docstrings", "json_schema",
           "schema_text", "unwrap"]
