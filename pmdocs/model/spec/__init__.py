"""The spec language: every kind of item a PRD is made of, as frozen pydantic models, one module
per part of a PRD: `business` (roles, objects, flows), `features`, `pages`, `rules` and
`settings` (pmdocs.yml).

These classes are both the validator of spec files and the typed model the later stages
(check, graph, render) read; `pmdocs schema` derives the editors' JSON Schema from them.
Class and field docstrings become the schema's descriptions (an editor's hover help), so
they are written for the product manager who types the YAML: what a field means, its
allowed values, and a short example. `schema.py` adds what Markdown fields allow.
"""

from __future__ import annotations

from ..base import Scalar, Spec, Text
from .business import *  # noqa: F403  (each module lists its names in `__all__`)
from .business import BusinessObject, Flow, Role
from .features import *  # noqa: F403
from .features import Feature
from .pages import *  # noqa: F403
from .pages import Page
from .rules import *  # noqa: F403
from .rules import Rule
from .settings import *  # noqa: F403

SECTIONS: dict[str, type[Spec]] = {
    "roles": Role, "objects": BusinessObject, "flows": Flow,
    "features": Feature, "pages": Page, "rules": Rule,
}
"""The kinds of item a spec file holds, by section: every stage reads this table (a new kind
of item is a model class and an entry here; README, "Adding a kind of item")."""
ITEM_NAMES: dict[str, str] = {
    "roles": "role", "objects": "object", "flows": "flow", "features": "feature",
    "pages": "page", "rules": "rule",
}
"""What one item of each section is called in messages."""

__all__ = ["ITEM_NAMES", "SECTIONS", "Scalar", "Spec", "Text"]
