"""Properties of loading and checking, on inputs hypothesis makes up: nothing ever raises,
every problem is a known code at a real place, and valid projects read back unchanged."""

from __future__ import annotations

import datetime
import tempfile
import types
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmdocs.pipeline import check_project
from pmdocs.issues import CODES, Issue
from pmdocs.model import spec as spec_module
from pmdocs.model.base import Spec
from pmdocs.model.spec import SECTIONS, ProjectSettings

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])
DATA_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=100)
"""For the slower properties on generated data (each example is dumped, written and checked)."""

MODELS = [value for value in vars(spec_module).values()
          if isinstance(value, type) and issubclass(value, Spec) and value is not Spec]
FIELD_NAMES = sorted({info.alias or name for model in MODELS
                      for name, info in model.model_fields.items()})


def _literals(annotation: Any) -> set[str]:
    """Every choice of every `Literal[...]` inside an annotation."""
    if typing.get_origin(annotation) is Literal:
        return {str(choice) for choice in typing.get_args(annotation)}
    found: set[str] = set()
    for argument in typing.get_args(annotation) + tuple(getattr(annotation, "__metadata__", ())):
        found |= _literals(argument)
    return found


CHOICES = sorted({choice for model in MODELS for info in model.model_fields.values()
                  for choice in _literals(info.annotation)})
TRAPS = ["no", "yes", "on", "off", "1.10", "12:30", "2026-01-01", "~", "null", "0x1F", ".inf"]
"""Words YAML reads as something other than text when they are not quoted."""
ID_POOL = ["home", "cart", "pay", "buyer", "admin", "join", "order", "paid", "empty", "back"]
"""A few ids, so that generated references sometimes resolve and the checks follow them."""
WORDS = TRAPS + ID_POOL + ["-", "$limit", "close", "首页", "买家"]

YAML_FRAGMENTS = [
    "pages:", "roles:", "rules:", "features:", "flows:", "objects:", "name:", "- ", "id: ",
    "title: ", "entry: true", "elements:", "on_tap:", "to: ", "states:", "table:", "when: ",
    "then: ", ": ", ":", "&a ", "*a", "&b ", "*b", "<<: ", "!!str ", "!!python/object:os.system ",
    "!x ", "{", "}", "[", "]", ", ", "'", '"', "\\", "\n", "\r\n", "\r", "  ", "    ", "\t", "#",
    "---\n", "...\n", "%YAML 1.1\n", "? ", "|\n", ">-\n", "\ufeff", "\x00", "\x85", "\u2028",
    *WORDS, *FIELD_NAMES[:20],
]

text_without_surrogates = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
# NEL and the Unicode line and paragraph separators are line breaks to YAML 1.1, and PyYAML's
# emitter writes them raw into quoted text, where reading folds them to spaces: a round trip
# through `yaml.safe_dump` alone loses them, so they are left out here.
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"),
                max_size=20) | st.sampled_from(WORDS)
simple_scalars = st.sampled_from(WORDS) | st.integers(-3, 100) | st.booleans() | st.none() | texts


def check_text(content: str | bytes, project_file: str = "name: Demo\n") -> list[Issue]:
    """Write a project of `pmdocs.yml` and one spec file, and check it; the issues found."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pmdocs.yml").write_text(project_file, encoding="utf-8", newline="")
        if isinstance(content, bytes):
            (root / "specs.yml").write_bytes(content)
        else:
            (root / "specs.yml").write_text(content, encoding="utf-8", newline="")
        _, issues, _ = check_project(root)
        assert_well_formed(issues, root)
        return issues


def assert_well_formed(issues: list[Issue], root: Path) -> None:
    for issue in issues:
        assert issue.code in CODES, issue
        assert issue.message, issue
        assert issue.location.file.startswith(str(root)), issue
        assert issue.location.line >= 0 and issue.location.col >= 0, issue
        assert (issue.location.line == 0) == (issue.location.col == 0), issue


# ------------------------------------------------------------ (1) arbitrary text

@PROPERTY_SETTINGS
@given(st.text(max_size=300))
def test_checking_any_text_never_raises(content: str) -> None:
    check_text(content)


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(YAML_FRAGMENTS) | text_without_surrogates, max_size=40))
def test_checking_yaml_like_fragments_never_raises(fragments: list[str]) -> None:
    check_text("".join(fragments))


@PROPERTY_SETTINGS
@given(st.binary(max_size=300))
def test_checking_any_bytes_never_raises(content: bytes) -> None:
    check_text(content)


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(YAML_FRAGMENTS) | text_without_surrogates, max_size=40))
def test_checking_any_project_file_never_raises(fragments: list[str]) -> None:
    check_text("roles: []\n", project_file="name: Demo\n" + "".join(fragments))


# ---------------------------------------------------- (2) arbitrary YAML-able data

scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.dates()
           | text_without_surrogates | st.sampled_from(WORDS + CHOICES + FIELD_NAMES))
keys = st.sampled_from(FIELD_NAMES) | st.sampled_from(WORDS) | text_without_surrogates


def _items(children: st.SearchStrategy) -> st.SearchStrategy:
    """Lists, mappings with real field names, and mappings that look like items (with an id)."""
    mappings = st.dictionaries(keys, children, max_size=6)
    with_id = st.builds(lambda item_id, rest: {**rest, "id": item_id},
                        st.sampled_from(ID_POOL) | scalars, mappings)
    return st.lists(children, max_size=4) | mappings | with_id


nested_data = st.recursive(scalars, _items, max_leaves=40)
spec_files = st.dictionaries(st.sampled_from([*SECTIONS, "page", "settings"]),
                             st.lists(nested_data, max_size=4) | nested_data, min_size=1, max_size=4)
project_files = st.builds(lambda rest, name: {**rest, "name": name},
                          st.dictionaries(keys, nested_data, max_size=4), scalars)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@DATA_SETTINGS
@given(spec_files)
def test_checking_any_spec_data_never_raises(data: dict) -> None:
    check_text(dump(data))


@DATA_SETTINGS
@given(project_files, spec_files)
def test_checking_any_project_settings_never_raises(settings_data: dict, data: dict) -> None:
    check_text(dump(data), project_file=dump(settings_data))


# -------------------------------------- (2b) data shaped like the models, to reach the checks

STATE_NAMES = ["empty", "loaded", "error", "offline", "loading", "joined"]


def _good_value(annotation: Any, depth: int) -> st.SearchStrategy:
    """A value of the field's own type: an id from a small pool, a choice, a nested item."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal:
        return st.sampled_from([str(choice) for choice in arguments])
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_good_value(argument, depth) for argument in arguments))
    if origin is list:
        item = _good_value(arguments[0], depth)
        if isinstance(arguments[0], type) and issubclass(arguments[0], Spec):
            return st.lists(item, max_size=3) | st.dictionaries(
                st.sampled_from(STATE_NAMES + ID_POOL), item | texts, max_size=3)
        return st.lists(item, max_size=3)
    if origin is dict:
        return st.dictionaries(st.sampled_from(ID_POOL), _good_value(arguments[1], depth), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, Spec):
        return shaped_items(annotation, depth + 1) if depth < 4 else st.just({})
    simple = {bool: st.booleans(), int: st.integers(0, 20), float: st.floats(0, 100),
              type(None): st.none(), datetime.date: st.dates(), str: st.sampled_from(ID_POOL) | texts}
    return simple.get(annotation, simple_scalars)


def _value_for(annotation: Any, depth: int) -> st.SearchStrategy:
    """Mostly a value the field accepts, sometimes a trap or a value of the wrong type."""
    good = _good_value(annotation, depth)
    bad = simple_scalars | st.lists(simple_scalars, max_size=2)
    return st.integers(0, 19).flatmap(lambda roll: bad if roll == 0 else good)


def shaped_items(model: type[Spec], depth: int = 0) -> st.SearchStrategy:
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    required = {key: _value_for(info.annotation, depth) for key, info in fields.items()
                if info.is_required()}
    optional = {key: _value_for(info.annotation, depth) for key, info in fields.items()
                if not info.is_required()}
    if "id" in required:
        required["id"] = st.sampled_from(ID_POOL)
    return st.fixed_dictionaries(required, optional=optional)


shaped_specs = st.fixed_dictionaries({}, optional={
    section: st.lists(shaped_items(model), max_size=4) for section, model in SECTIONS.items()})


@DATA_SETTINGS
@given(shaped_specs, shaped_items(ProjectSettings))
def test_checking_data_shaped_like_the_specs_never_raises(data: dict, settings_data: dict) -> None:
    check_text(dump(data), project_file=dump(settings_data))


# -------------------------------------------------- (3) valid projects round-trip

slugs = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)


@st.composite
def valid_projects(draw: st.DrawFn) -> dict:
    ids = draw(st.lists(slugs, min_size=3, max_size=8, unique=True))
    role_ids, page_ids, feature_id = ids[:1], ids[1:-1], ids[-1]
    return {
        "roles": [{"id": role_id, "name": draw(texts)} for role_id in role_ids],
        "pages": [{"id": page_id, "title": draw(texts), "entry": True, "terminal": True}
                  for page_id in page_ids],
        "features": [{"id": feature_id, "title": draw(texts), "priority": draw(st.sampled_from(
            ["P0", "P1", "P2", "P3"])), "roles": role_ids, "pages": page_ids}],
    }


@DATA_SETTINGS
@given(valid_projects(), st.sampled_from(["zh", "en"]))
def test_a_valid_project_reads_back_unchanged(data: dict, language: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pmdocs.yml").write_text(f"name: Demo\nlanguage: {language}\n", encoding="utf-8")
        (root / "specs.yml").write_text(dump(data), encoding="utf-8")
        project, issues, file_count = check_project(root)
    assert [issue for issue in issues if issue.code < "PM300"] == []
    assert file_count == 2
    assert project.settings.language == language
    assert [(role.id, role.name) for role in project.roles] == [
        (role["id"], role["name"]) for role in data["roles"]]
    assert [(page.id, page.title, page.is_entry, page.terminal) for page in project.pages] == [
        (page["id"], page["title"], True, True) for page in data["pages"]]
    feature = project.features[0]
    assert (feature.id, feature.title, feature.priority, list(feature.roles), list(feature.pages)) \
        == tuple(data["features"][0][key] for key in ("id", "title", "priority", "roles", "pages"))


def test_generated_data_uses_the_models_field_names_and_choices() -> None:
    """The made-up data reaches deep only if the real field names are in use."""
    assert {"on_tap", "elements", "table", "lifecycle", "steps", "check"} <= set(FIELD_NAMES)
    assert {"button", "dialog", "calendar_day"} <= set(CHOICES)
