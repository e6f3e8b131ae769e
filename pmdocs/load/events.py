"""YAML text -> data with positions, built from libyaml's event stream one event at a time
(no recursion), so duplicate keys, alias bombs, deep nesting and unsupported tags are
caught at their positions in bounded time and memory. (libyaml's own composer recurses in
C and crashes on deep nesting.) Keys are always read as text (`on:` is the key "on");
values keep YAML's types, so the model can say "quote it" when text was read as a boolean,
number or date."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml

from ..issues import Issue, Location, make_issue
from ..messages import Text
from .data import WHERE_KEY, Source, Where
from .syntax import is_nesting_limit, syntax_issue

MAX_NODES = 250_000
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_ALLOWED_EXPLICIT_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null",
                                                   "map", "seq")} | {"!"}


class _Stop(Exception):
    """Raised inside the builder to abandon one file with an issue."""

    def __init__(self, issue: Issue):
        super().__init__(issue.message)
        self.issue = issue


def parse_yaml(text: str, display: str) -> tuple[dict | None, list[Issue]]:
    """Parse one file's text into data; a file with problems gives `None` and its issues."""
    builder = _Builder(Source(display, text))
    try:
        _read(builder, text)
    except _Stop as stop:
        return None, [stop.issue]
    except yaml.MarkedYAMLError as error:
        return None, [syntax_issue(error, text, display)]
    except yaml.YAMLError as error:
        return None, [make_issue("PM102", Text("PM102.syntax", problem=str(error)),
                                 Location(display))]
    except (RecursionError, MemoryError):
        return None, [make_issue("PM107", Text("PM107.unreadable"), Location(display))]
    if builder.document_count == 0 or builder.root is None:
        return None, [make_issue("PM104", Text("PM104.empty"), Location(display, 1, 1, 0),
                                 Text("PM104.empty.hint"))]
    if not isinstance(builder.root, dict):
        kind = Text("value.list") if isinstance(builder.root, list) else Text("value.single")
        return None, [make_issue("PM105", Text("PM105.not_a_mapping", kind=kind),
                                 builder.source.location(builder.root_offset),
                                 Text("PM105.not_a_mapping.hint"))]
    return builder.root, []


def _read(builder: "_Builder", text: str) -> None:
    """Build the data with the fast parser (libyaml's, when PyYAML has it)."""
    try:
        builder.build(_Loader(text))
    except yaml.MarkedYAMLError as error:
        if not is_nesting_limit(error):
            raise
        _stop_at_depth_limit(builder.source, text, error.problem_mark)


def _stop_at_depth_limit(source: Source, text: str, mark: yaml.Mark) -> NoReturn:
    """Report nesting deeper than MAX_DEPTH where it passes MAX_DEPTH, although libyaml stopped
    first. libyaml 0.2.6 refuses to nest past its own limit (1000 levels), and it may do so
    before it has handed over the events of the first 64 levels: it reads a whole `[[[[…` ahead
    to see whether a key follows. The text up to its stop nests deeper than 1000 levels, so the
    pure-Python parser, which hands over every event as it reads it, brings the builder to
    MAX_DEPTH inside that text (or to an earlier problem, as with any other parser)."""
    bom = 1 if text.startswith("\ufeff") else 0   # libyaml's offsets do not count it; Python's do
    rereader = _Builder(source)
    try:
        rereader.build(yaml.SafeLoader(text[bom:bom + mark.index]))
    except yaml.YAMLError:
        pass    # not expected before depth MAX_DEPTH; if it happens, libyaml's place will do
    rereader._stop_too_deep(mark)


@dataclass
class _Frame:
    container: dict | list
    offset: int
    anchor: str | None
    size: int = 1
    keys: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    pending_key: str | None = None
    owner: "_Frame | None" = None      # nearest enclosing mapping frame (for sequences)
    prefix: tuple = ()                 # path from the owner to this sequence


class _Builder:
    """Turns a YAML event stream into plain data, one event at a time, without recursion."""

    def __init__(self, source: Source):
        self.source = source
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.nodes = 0
        self.root: Any = None
        self.root_offset = 0
        self.document_count = 0

    def _loc(self, mark) -> Location:
        return Location(self.source.file, mark.line + 1, mark.column + 1, mark.index)

    def _stop(self, code: str, message: str, mark, hint: str = "") -> NoReturn:
        raise _Stop(make_issue(code, message, self._loc(mark), hint))

    def build(self, parser: "yaml.CSafeLoader | yaml.SafeLoader") -> None:
        """Read every event of the parser (this loop runs once per YAML node and key: no
        generator or method call more than needed)."""
        get_event, handlers = parser.get_event, _HANDLERS
        try:
            while (event := get_event()) is not None:
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(self, event)
        finally:
            parser.dispose()

    def _document(self, event: yaml.DocumentStartEvent) -> None:
        self.document_count += 1
        if self.document_count > 1:
            self._stop("PM109", Text("PM109.second_document"), event.start_mark,
                       Text("PM109.second_document.hint"))

    def _count(self, amount: int, mark) -> None:
        self.nodes += amount
        if self.nodes > MAX_NODES:
            self._too_many(mark)

    def _stop_too_deep(self, mark) -> NoReturn:
        self._stop("PM107", Text("PM107.too_deep", levels=MAX_DEPTH), mark,
                   Text("PM107.too_deep.hint"))

    def _too_many(self, mark) -> None:
        if not self.anchors:
            self._stop("PM107", Text("PM107.too_many", count=f"{MAX_NODES:,}"), mark,
                       Text("PM107.too_many.hint"))
        self._stop("PM107", Text("PM107.expands", count=f"{MAX_NODES:,}"), mark,
                   Text("PM107.expands.hint"))

    def _check_tag(self, event) -> None:
        if event.tag and event.tag not in _ALLOWED_EXPLICIT_TAGS:
            shown = "!!" + event.tag[len(_TAG):] if event.tag.startswith(_TAG) else event.tag
            self._stop("PM109", Text("PM109.tag", tag=shown), event.start_mark,
                       Text("PM109.tag.hint"))

    def _start(self, event) -> None:
        self._check_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            self._stop_too_deep(event.start_mark)
        self._count(1, event.start_mark)
        offset = event.start_mark.index
        if isinstance(event, yaml.MappingStartEvent):
            frame = _Frame({}, offset, event.anchor)
        else:
            frame = _Frame([], offset, event.anchor)
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
            value[WHERE_KEY] = Where(self.source, frame.offset, frame.keys, frame.values)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (value, frame.size)
        self._add(value, frame.offset, frame.size)

    def _alias(self, event: yaml.AliasEvent) -> None:
        if event.anchor in self.open_anchors:
            self._stop("PM107", Text("PM107.alias_loop", anchor=event.anchor), event.start_mark,
                       Text("PM107.alias_loop.hint"))
        if event.anchor not in self.anchors:
            self._stop("PM102", Text("PM102.no_anchor", anchor=event.anchor), event.start_mark)
        value, size = self.anchors[event.anchor]
        self._count(size, event.start_mark)
        self._add(value, event.start_mark.index, size)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        """The hot path (most events are scalars): checks inlined, the resolver skipped
        when it cannot apply."""
        mark = event.start_mark
        if event.tag:
            self._check_tag(event)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._too_many(mark)
        offset = mark.index
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.pending_key is None and isinstance(parent.container, dict):
            self._key(parent, event, offset)
            return
        value = event.value
        if event.tag or (event.implicit[0] and (not value or value[0] in _IMPLICIT_FIRST)):
            value = scalar_value(event)     # else text no implicit type can match (e.g. Chinese)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        if parent is not None and parent.pending_key is not None:   # a mapping's value: `_add`, inlined
            key = parent.pending_key
            parent.size += 1
            parent.container[key] = value
            parent.values[key] = offset
            parent.pending_key = None
            return
        self._add(value, offset, 1)

    def _key(self, frame: _Frame, event: yaml.ScalarEvent, offset: int) -> None:
        if event.implicit[0] and event.value == "<<":
            self._stop("PM109", Text("PM109.merge_key"), event.start_mark,
                       Text("PM109.merge_key.hint"))
        key = event.value
        if key in frame.keys:
            first = self.source.location(frame.keys[key])
            raise _Stop(make_issue("PM103", Text("PM103.twice", key=key, line=first.line),
                                   self._loc(event.start_mark), Text("PM103.twice.hint"),
                                   related=(first,)))
        frame.keys[key] = offset
        frame.pending_key = key

    def _add(self, value: Any, offset: int, size: int) -> None:
        if not self.stack:
            self.root, self.root_offset = value, offset
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.container, dict):
            if parent.pending_key is None:
                self._stop_complex_key(offset)
            key = parent.pending_key
            parent.container[key] = value
            parent.values[key] = offset
            parent.pending_key = None
        else:
            if parent.owner is not None:
                parent.owner.values[parent.prefix + (len(parent.container),)] = offset
            parent.container.append(value)

    def _stop_complex_key(self, offset: int) -> None:
        raise _Stop(make_issue("PM109", Text("PM109.complex_key"), self.source.location(offset),
                               Text("PM109.complex_key.hint")))


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
