"""Loaded files -> one `Project`: every item validated on its own, so one bad item never
hides the others, and ids of items that failed stay known (no cascade of "unknown id")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Iterator, Mapping, Sequence

from pydantic import BaseModel, ValidationError
from pydantic.json_schema import SkipJsonSchema

from ..issues import Issue, Location, did_you_mean, make_issue
from ..messages import Text
from ..load import WHERE_KEY, LoadResult, SpecFile, parse_yaml, where_of
from .errors import explain
from .index import ProjectIndex, build_index
from .spec import SECTIONS, BusinessObject, Feature, Flow, Page, ProjectSettings, Role, Rule, Spec

SETTINGS_KEYS = tuple(ProjectSettings.model_fields[name].alias or name
                      for name in ProjectSettings.model_fields)


@dataclass(frozen=True)
class Project:
    """The whole product, typed and immutable; what check, graph and render read."""

    root: str
    settings: ProjectSettings
    roles: tuple[Role, ...] = ()
    objects: tuple[BusinessObject, ...] = ()
    flows: tuple[Flow, ...] = ()
    features: tuple[Feature, ...] = ()
    pages: tuple[Page, ...] = ()
    rules: tuple[Rule, ...] = ()
    files: tuple[str, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    broken_ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Per section, ids of items that failed validation (references to them are not unknown)."""

    def items(self, section: str) -> tuple[Spec, ...]:
        return getattr(self, section)

    @cached_property
    def index(self) -> ProjectIndex:
        """What the later stages derive from the project, derived once (see `model.index`)."""
        return build_index(self)

    @cached_property
    def _known_ids(self) -> dict[str, frozenset[str]]:
        return {section: frozenset(self.index.items[section]) | self.broken_ids.get(section, frozenset())
                for section in SECTIONS}

    def known_ids(self, section: str) -> frozenset[str]:
        """Ids of a section's items, including those that failed validation."""
        return self._known_ids[section]

    def page(self, page_id: str) -> Page | None:
        return self.index.page(page_id)


@dataclass(frozen=True)
class FileModel:
    """What one spec file contributes: its valid items by section, the ids of its invalid
    items, the settings (pmdocs.yml only) and the problems validation found."""

    items: Mapping[str, tuple[Spec, ...]]
    broken: Mapping[str, frozenset[str]]
    settings: ProjectSettings | None
    issues: tuple[Issue, ...]


FileResult = tuple[tuple[Issue, ...], FileModel]
"""What a file gives: the problems met reading and parsing it, and its model."""


def model_text(spec_file: SpecFile) -> FileResult:
    """Parse (if `load_project` did not) and validate one file."""
    if spec_file.skipped:
        data, issues = parse_yaml(spec_file.text, spec_file.path)
        spec_file = replace(spec_file, data=data, issues=tuple(issues), skipped=False)
    return spec_file.issues, model_file(spec_file)


def model_file(spec_file: SpecFile) -> FileModel:
    """Validate one loaded file, item by item."""
    issues: list[Issue] = []
    settings = None
    collected: dict[str, list[Spec]] = {section: [] for section in SECTIONS}
    broken: dict[str, set[str]] = {section: set() for section in SECTIONS}
    if spec_file.data is not None:
        if spec_file.is_project_file:
            settings = _settings(spec_file, issues)
        for key, value in _sections(spec_file, issues):
            for index, item in enumerate(value):
                model = _validate_item(spec_file, key, index, item, issues)
                if model is not None:
                    collected[key].append(model)
                elif isinstance(item, dict) and isinstance(item.get("id"), str):
                    broken[key].add(item["id"])
    return FileModel({section: tuple(items) for section, items in collected.items()},
                     {section: frozenset(ids) for section, ids in broken.items()},
                     settings, tuple(issues))


def _sections(spec_file: SpecFile, issues: list[Issue]) -> Iterator[tuple[str, list]]:
    """The file's sections that are lists (other top-level keys become issues)."""
    allowed = SECTIONS.keys() | (set(SETTINGS_KEYS) if spec_file.is_project_file else set())
    where = where_of(spec_file.data)
    for key, value in spec_file.data.items():
        if key == WHERE_KEY or (spec_file.is_project_file and key not in SECTIONS):
            continue   # the settings' own validation reports unknown keys there
        if key not in allowed:
            issues.append(_unknown_section(key, where.key(key), sorted(allowed)))
        elif not isinstance(value, list):
            issues.append(make_issue("PM203", Text("PM203.section", section=key),
                                     where.value(key), Text("PM203.section.hint", section=key)))
        else:
            yield key, value


def assemble(loaded: LoadResult, models: Sequence[FileModel]) -> Project:
    """One project from the files' models, in file order."""
    settings = next((model.settings for model in models if model.settings is not None), None)
    if settings is None:
        settings = ProjectSettings(name=loaded.root.name or "pmdocs")
    return Project(
        root=str(loaded.root), settings=settings,
        **{section: tuple(item for model in models for item in model.items[section])
           for section in SECTIONS},
        files=tuple(spec_file.path for spec_file in loaded.files),
        sources={spec_file.path: spec_file.text for spec_file in loaded.files},
        broken_ids={section: frozenset().union(*(model.broken[section] for model in models))
                    for section in SECTIONS})


def build_project(loaded: LoadResult) -> tuple[Project, list[Issue]]:
    """Validate every loaded file into one project, with the problems found on the way."""
    models = [model_file(spec_file) for spec_file in loaded.files]
    return assemble(loaded, models), [issue for model in models for issue in model.issues]


def _unknown_section(key: str, location: Location, allowed: list[str]) -> Issue:
    hint = did_you_mean(key, allowed) or Text("PM201.sections", sections=", ".join(SECTIONS))
    return make_issue("PM201", Text("PM201.unknown_section", key=key), location, hint)


def _settings(spec_file: SpecFile, issues: list[Issue]) -> ProjectSettings | None:
    data = {key: value for key, value in spec_file.data.items() if key not in SECTIONS}
    try:
        return ProjectSettings.model_validate(data)
    except ValidationError as error:
        settings_fields = _fields_of(ProjectSettings)

        def fields(path: tuple) -> list[str]:
            return settings_fields(path) + (list(SECTIONS) if not path else [])
        issues.extend(explain(error, data, (), fields, spec_file.text, spec_file.path))
        return None


def _validate_item(spec_file: SpecFile, section: str, index: int, item: Any,
                   issues: list[Issue]) -> Spec | None:
    model = SECTIONS[section]
    if not isinstance(item, dict):
        location = spec_file.data[WHERE_KEY].value(section, index)
        issues.append(make_issue("PM203", Text("PM203.item", section=section, number=index + 1),
                                 location, Text("PM203.item.hint")))
        return None
    try:
        return model.model_validate(item)
    except ValidationError as error:
        issues.extend(explain(error, item, (section, index), _fields_of(model), spec_file.text,
                              spec_file.path))
        return None


def _fields_of(model: type[BaseModel]):
    """A function giving the allowed keys at a pydantic `loc` path inside `model`."""
    def fields(path: tuple) -> list[str]:
        current: Any = model
        for step in path:
            if isinstance(step, int) or current is None:
                continue
            info = current.model_fields.get(step) or next(
                (value for value in current.model_fields.values() if value.alias == step), None)
            current = _model_in(info.annotation) if info is not None else None
        if current is None:
            return []
        return [info.alias or name for name, info in current.model_fields.items()
                if not any(isinstance(item, SkipJsonSchema) for item in info.metadata)]
    return fields


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation like `list[Page]` or `Annotated[...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) + tuple(getattr(annotation, "__metadata__", ())):
        found = _model_in(argument)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _model_in(origin) if origin is not None and origin is not annotation else None
