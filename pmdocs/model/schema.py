"""The JSON Schema of spec files, derived from the model (for editors' YAML language server)."""

from __future__ import annotations

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
    schema["$schema"] = SCHEMA_URL
    schema["title"] = title
    return schema


__all__ = ["json_schema"]
