"""Reading spec files: YAML text -> plain data where every mapping knows its source positions.

This is the only module that reads spec files. It never raises on bad input: every
problem becomes an `Issue` at `file:line:col`, and a file that cannot be read is left out.

YAML is parsed as an event stream (libyaml when available) and the data is built here,
iteratively, so that duplicate keys, alias bombs, deep nesting and unsupported tags are
caught with their positions and in bounded time and memory. Keys are always read as
text (`on:` is the key "on", not `True`); values keep YAML's types so that the model can
say "quote it" when a value meant as text was read as a boolean, number or date.
"""

from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import yaml

from .issues import Issue, Location, make_issue

WHERE_KEY = "@where"
"""The key under which every loaded mapping carries its `Where` (never a valid YAML key
written by hand, since ids and field names are slugs)."""

PROJECT_FILE_NAMES = ("pmdocs.yml", "pmdocs.yaml")
SPEC_SUFFIXES = (".yml", ".yaml")
SKIPPED_FOLDERS = frozenset({"site", "node_modules", "__pycache__", "venv"})
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 250_000
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_ALLOWED_EXPLICIT_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null",
                                                   "map", "seq")} | {"!"}


Position = tuple[int, int, int]
"""(line, col, offset) in the file of the `Where` holding it: the loader records one for every
value, and a plain tuple is far cheaper to create and to cache than a `Location`."""


@dataclass(frozen=True)
class Where:
    """Source positions of one mapping: itself, each key, and each value below it that is
    not inside a nested mapping (paths like `("label",)` or `("pages", 2)`). Positions are
    `Location`s or, as the loader writes them, `Position`s in the mapping's own file."""

    node: Location
    keys: Mapping[str, Location | Position] = field(default_factory=dict)
    values: Mapping[tuple, Location | Position] = field(default_factory=dict)

    def _located(self, position: Location | Position) -> Location:
        if isinstance(position, Location):
            return position
        return Location(self.node.file, *position)

    def key(self, name: str) -> Location:
        position = self.keys.get(name)
        return self.node if position is None else self._located(position)

    def value(self, *path: Any) -> Location:
        """The position of the value at `path`, or of its nearest known ancestor."""
        for end in range(len(path), 0, -1):
            position = self.values.get(tuple(path[:end]))
            if position is not None:
                return self._located(position)
        return self.node


@dataclass(frozen=True)
class SpecFile:
    """One loaded spec file."""

    path: str
    relative: str
    text: str
    data: dict | None
    is_project_file: bool = False
    issues: tuple[Issue, ...] = ()
    """The problems met reading and parsing this file."""
    skipped: bool = False
    """Read but not parsed: the caller already knows this text (`load_project(..., known=)`)."""


@dataclass(frozen=True)
class LoadResult:
    """Every spec file of a project, and the problems met while reading them."""

    root: Path
    files: tuple[SpecFile, ...]
    issues: tuple[Issue, ...]
    file_count: int


class _Stop(Exception):
    """Raised inside the builder to abandon one file with an issue."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message)
        self.issue = issue


def location_at(file: str, text: str, offset: int) -> Location:
    """The `file:line:col` of a character offset in a file's text."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(file, line, col, offset)


# ----------------------------------------------------------------------------- discovery

KnownText = Callable[[str, str, bool], bool]
"""`known(display path, text, is project file)`: whether the caller already has what this
text gives (a cache), so the file need not be parsed."""


def load_project(root: str | os.PathLike, known: KnownText | None = None) -> LoadResult:
    """Find and load `pmdocs.yml` and every `*.yml`/`*.yaml` file under `root`."""
    root_text = os.fspath(root)
    root_path = Path(root_text)
    if not root_path.is_dir():
        issue = make_issue("PM100", f"project folder `{root_text}` does not exist or is not a folder",
                           Location(root_text), "pass the folder that holds pmdocs.yml")
        return LoadResult(root_path, (), (issue,), 0)
    project_name = next((name for name in PROJECT_FILE_NAMES if (root_path / name).is_file()), None)
    if project_name is None:
        issue = make_issue("PM100", f"no pmdocs.yml in `{root_text}`", Location(root_text),
                           "create one with `pmdocs new`, or pass the folder that holds it")
        return LoadResult(root_path, (), (issue,), 0)
    files: list[SpecFile] = []
    issues: list[Issue] = []
    project = _load_file(root_text, project_name, True, None, issues)
    excluded = _excluded_patterns(project)
    relatives, walk_issues = _discover(root_path, root_text, excluded)
    issues.extend(walk_issues)
    for relative in relatives:
        if relative == project_name:
            files.append(project)
        else:
            files.append(_load_file(root_text, relative, False, known, issues))
    return LoadResult(root_path, tuple(files), tuple(issues), len(files))


def _excluded_patterns(project: SpecFile) -> tuple[str, ...]:
    patterns: list[str] = []
    if project.data:
        for key in ("exclude",):
            value = project.data.get(key)
            if isinstance(value, list):
                patterns.extend(str(item) for item in value if isinstance(item, str))
        output = project.data.get("output")
        if isinstance(output, str):
            patterns.append(output.strip("/"))
    return tuple(patterns)


def _discover(root: Path, root_text: str, excluded: tuple[str, ...]) -> tuple[list[str], list[Issue]]:
    """Relative paths of spec files, sorted; symlinked folders are followed once each."""
    found: list[str] = []
    issues: list[Issue] = []
    seen_folders = {os.path.realpath(root)}

    def on_error(error: OSError) -> None:
        where = _display(root_text, os.path.relpath(error.filename or root, root))
        issues.append(make_issue("PM108", f"cannot read folder: {error.strerror}", Location(where)))

    for folder, subfolders, names in os.walk(root, followlinks=True, onerror=on_error):
        relative_folder = os.path.relpath(folder, root)
        kept = []
        for name in sorted(subfolders):
            relative = os.path.normpath(os.path.join(relative_folder, name)).replace(os.sep, "/")
            if name.startswith(".") or name in SKIPPED_FOLDERS or _matches(relative, excluded):
                continue
            real = os.path.realpath(os.path.join(folder, name))
            if real in seen_folders:
                issues.append(make_issue(
                    "PM108", "folder is a symbolic link back into the project (a loop); skipped",
                    Location(_display(root_text, relative)), "remove the link or point it elsewhere"))
                continue
            seen_folders.add(real)
            kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            relative = os.path.normpath(os.path.join(relative_folder, name)).replace(os.sep, "/")
            if name.startswith(".") or not name.endswith(SPEC_SUFFIXES) or _matches(relative, excluded):
                continue
            found.append(relative)
    return sorted(found), issues


def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
    return any(relative == pattern or relative.startswith(pattern + "/")
               or fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def _display(root_text: str, relative: str) -> str:
    return os.path.normpath(os.path.join(root_text, relative)).replace(os.sep, "/")


# ----------------------------------------------------------------------------- one file

def _load_file(root_text: str, relative: str, is_project_file: bool, known: KnownText | None,
               issues: list[Issue]) -> SpecFile:
    display = _display(root_text, relative)
    text, problem = _read_text(os.path.join(root_text, relative), display)
    if problem is not None:
        issues.append(problem)
        return SpecFile(display, relative, "", None, is_project_file, (problem,))
    if known is not None and known(display, text, is_project_file):
        return SpecFile(display, relative, text, None, is_project_file, skipped=True)
    data, parse_issues = parse_yaml(text, display)
    issues.extend(parse_issues)
    return SpecFile(display, relative, text, data, is_project_file, tuple(parse_issues))


def _read_text(path: str, display: str) -> tuple[str, Issue | None]:
    try:
        if not os.path.isfile(path):
            return "", make_issue("PM108", f"cannot read spec file: {_not_a_file(path)}",
                                  Location(display))
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return "", make_issue(
                "PM106", f"spec file is {size / 1024 ** 2:.1f} MiB; a spec file may have at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MiB", Location(display),
                "split it into several files, e.g. one per module")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return "", make_issue("PM108", f"cannot read spec file: {error.strerror or error}",
                              Location(display), "check the file's permissions and links")
    return decode(raw, display)


def _not_a_file(path: str) -> str:
    """Why `path` is not a readable regular file."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself)"
        return "broken symbolic link" if os.path.islink(path) else str(error.strerror)
    return "not a regular file"


def decode(raw: bytes, display: str) -> tuple[str, Issue | None]:
    """UTF-8 text (a BOM is allowed), or an issue at the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = raw[:error.start].decode("utf-8", errors="replace")
        where = location_at(display, good, len(good))
        return "", make_issue("PM101", f"file is not UTF-8 text (byte 0x{raw[error.start]:02x})",
                              where, "save the file as UTF-8")
    if "\x00" in text:
        where = location_at(display, text, text.index("\x00"))
        return "", make_issue("PM101", "file contains a NUL character; it is not a text file", where,
                              "save the file as UTF-8 text")
    return text, None


def parse_yaml(text: str, display: str) -> tuple[dict | None, list[Issue]]:
    """Parse one file's text into data; a file with problems gives `None` and its issues."""
    builder = _Builder(display)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Stop as stop:
        return None, [stop.issue]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = location_at(display, text, mark.index) if mark is not None else Location(display)
        problem = " ".join(part for part in (error.context, error.problem) if part)
        at_tab = "tab character" in problem or text[where.offset:where.offset + 1] == "\t"
        hint = ("indent with spaces; YAML does not allow tabs there" if at_tab
                else "check indentation, colons and quotes around this place")
        return None, [make_issue("PM102", f"YAML syntax error: {problem}", where, hint)]
    except yaml.YAMLError as error:
        return None, [make_issue("PM102", f"YAML syntax error: {error}", Location(display))]
    except (RecursionError, MemoryError):
        return None, [make_issue("PM107", "the YAML nests too deep or is too large to read",
                                 Location(display))]
    if builder.document_count == 0 or builder.root is None:
        return None, [make_issue("PM104", "file is empty", Location(display, 1, 1, 0),
                                 "add sections such as `pages:` or delete the file")]
    if not isinstance(builder.root, dict):
        kind = "a list" if isinstance(builder.root, list) else "a single value"
        return None, [make_issue("PM105", f"file is {kind}; a spec file must be a mapping of "
                                 "sections", builder.root_location,
                                 "start with a section name, e.g. `pages:`, and indent the items")]
    return builder.root, []


@dataclass
class _Frame:
    container: dict | list
    location: Location
    anchor: str | None
    size: int = 1
    keys: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    pending_key: str | None = None
    owner: "_Frame | None" = None      # nearest enclosing mapping frame (for sequences)
    prefix: tuple = ()                 # path from the owner to this sequence


class _Builder:
    """Turns a YAML event stream into plain data, one event at a time, without recursion."""

    def __init__(self, display: str):
        self.display = display
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.root: Any = None
        self.root_location = Location(display, 1, 1, 0)
        self.document_count = 0

    def _loc(self, mark) -> Location:
        return Location(self.display, mark.line + 1, mark.column + 1, mark.index)

    def _stop(self, code: str, message: str, mark, hint: str = "") -> None:
        raise _Stop(make_issue(code, message, self._loc(mark), hint))

    def feed(self, event: yaml.Event) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.document_count += 1
        if self.document_count > 1:
            self._stop("PM109", "a spec file holds one YAML document; found a second `---`",
                       event.start_mark, "move the second document into a file of its own")

    def _count(self, amount: int, mark) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            self._too_many(mark)

    def _too_many(self, mark) -> None:
        if not self.anchors:
            self._stop("PM107", f"the file holds more than {MAX_NODES:,} values", mark,
                       "split it into several files, e.g. one per module")
        self._stop("PM107", f"the file expands to more than {MAX_NODES:,} values "
                       "(aliases repeated inside aliases?)", mark,
                       "write the values out instead of nesting aliases")

    def _check_tag(self, event) -> None:
        if event.tag and event.tag not in _ALLOWED_EXPLICIT_TAGS:
            shown = "!!" + event.tag[len(_TAG):] if event.tag.startswith(_TAG) else event.tag
            self._stop("PM109", f"YAML tag `{shown}` is not accepted in spec files",
                       event.start_mark, "remove the tag; spec files hold plain text, numbers and lists")

    def _start(self, event) -> None:
        self._check_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            self._stop("PM107", f"the YAML nests deeper than {MAX_DEPTH} levels", event.start_mark,
                       "flatten the structure")
        self._count(1, event.start_mark)
        location = self._loc(event.start_mark)
        if isinstance(event, yaml.MappingStartEvent):
            frame = _Frame({}, location, event.anchor)
        else:
            frame = _Frame([], location, event.anchor)
            parent = self.stack[-1] if self.stack else None
            if parent is not None and isinstance(parent.container, dict):
                frame.owner, frame.prefix = parent, (parent.pending_key,)
            elif parent is not None:
                frame.owner, frame.prefix = parent.owner, parent.prefix + (len(parent.container),)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(frame)

    def _end(self, event: yaml.Event | None = None) -> None:
        frame = self.stack.pop()
        value = frame.container
        if isinstance(value, dict):
            if frame.pending_key is not None:   # cannot happen with a well-formed stream
                value[frame.pending_key] = None
            value[WHERE_KEY] = Where(frame.location, frame.keys, frame.values)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (value, frame.size)
        self._add(value, frame.location, frame.size)

    def _alias(self, event: yaml.AliasEvent) -> None:
        if event.anchor in self.open_anchors:
            self._stop("PM107", f"alias `*{event.anchor}` refers to a node that contains it",
                       event.start_mark, "an alias cannot point into its own anchor")
        if event.anchor not in self.anchors:
            self._stop("PM102", f"alias `*{event.anchor}` has no anchor `&{event.anchor}` before it",
                       event.start_mark)
        value, size = self.anchors[event.anchor]
        self._count(size, event.start_mark)
        self._add(value, self._loc(event.start_mark), size)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        """The hot path (most events are scalars): checks inlined, the resolver skipped
        when it cannot apply."""
        mark = event.start_mark
        if event.tag:
            self._check_tag(event)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._too_many(mark)
        position = (mark.line + 1, mark.column + 1, mark.index)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.pending_key is None and isinstance(parent.container, dict):
            self._key(parent, event, position)
            return
        value = scalar_value(event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self._add(value, position, 1)

    def _key(self, frame: _Frame, event: yaml.ScalarEvent, position: Position) -> None:
        if event.implicit[0] and event.value == "<<":
            self._stop("PM109", "merge keys (`<<`) are not accepted in spec files", event.start_mark,
                       "write the keys out in full")
        key = event.value
        if key in frame.keys:
            first = Location(self.display, *frame.keys[key])
            raise _Stop(make_issue(
                "PM103", f"key `{key}` appears twice in this mapping (first at line {first.line})",
                Location(self.display, *position),
                "YAML would silently keep only the last one; merge or rename them",
                related=(first,)))
        frame.keys[key] = position
        frame.pending_key = key

    def _add(self, value: Any, location: Location | Position, size: int) -> None:
        if not self.stack:
            self.root = value
            self.root_location = location if isinstance(location, Location) \
                else Location(self.display, *location)
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.container, dict):
            if parent.pending_key is None:
                self._stop_complex_key(location if isinstance(location, Location)
                                       else Location(self.display, *location))
            key = parent.pending_key
            parent.container[key] = value
            parent.values[(key,)] = location
            parent.pending_key = None
        else:
            if parent.owner is not None:
                parent.owner.values[parent.prefix + (len(parent.container),)] = location
            parent.container.append(value)

    def _stop_complex_key(self, location: Location) -> None:
        raise _Stop(make_issue("PM109", "a mapping key must be plain text, not a list or mapping",
                               location, "use a plain word as the key"))


_HANDLERS = {
    yaml.DocumentStartEvent: _Builder._document,
    yaml.ScalarEvent: _Builder._scalar,
    yaml.AliasEvent: _Builder._alias,
    yaml.MappingStartEvent: _Builder._start,
    yaml.SequenceStartEvent: _Builder._start,
    yaml.MappingEndEvent: _Builder._end,
    yaml.SequenceEndEvent: _Builder._end,
}
"""What the builder does with each kind of YAML event (the others carry nothing for it)."""


_IMPLICIT_FIRST = frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)
"""First characters some implicit type (bool, int, float, null, timestamp …) can start with."""


def scalar_value(event: yaml.ScalarEvent) -> Any:
    """The typed value of a scalar, as YAML 1.1 (PyYAML's safe loader) reads it."""
    value = event.value
    if not event.tag and (not event.implicit[0] or (value and value[0] not in _IMPLICIT_FIRST)):
        return value    # quoted, or plain text no implicit type can match (e.g. Chinese)
    tag = event.tag if event.tag and event.tag != "!" else \
        _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _TAG + "str" or event.tag == "!":
        return event.value
    node = yaml.ScalarNode(tag, event.value)
    try:
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return _constructor.construct_yaml_bool(node)
        if tag == _TAG + "int":
            return _constructor.construct_yaml_int(node)
        if tag == _TAG + "float":
            return _constructor.construct_yaml_float(node)
        if tag == _TAG + "timestamp":
            return _constructor.construct_yaml_timestamp(node)
    except (ValueError, TypeError, OverflowError):
        return event.value
    return event.value


def strip_where(data: Any) -> Any:
    """The data without position records (for tests and debugging)."""
    if isinstance(data, dict):
        return {key: strip_where(value) for key, value in data.items() if key != WHERE_KEY}
    if isinstance(data, list):
        return [strip_where(item) for item in data]
    return data


def where_of(data: Any) -> Where | None:
    return data.get(WHERE_KEY) if isinstance(data, dict) else None
