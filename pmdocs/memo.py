"""What a run makes again only when its inputs changed: the *inputs key* of each item — the
spec files it and the items within two references of it are written in, and their problems —
and the `Memo` that keeps the last run's outputs (diagrams' DOT, documents) by key.

An item's page shows the item, the items it names and the items that name it (their titles,
states, rules' verdicts), and through those a second ring (a rule's outcome names another
page's state; a jump's target is opened from a third page): the key holds both rings. What
every page may show — pmdocs.yml, the modules, the rules' parameters (a `{$name}` resolves to
the only rule that defines it, anywhere), the tab bar — is in every key. A role, a module, a release is in the ring of what names it, but
the ring does not go on through it to everything else that names it (`NAMED_ONLY`). An output that shows
more (a role's page counts every page; a web page's side menu lists every web page) is not
reused, or names what it shows besides (`extra`). A spec file stands for every item
written in it, so an edit makes again the outputs of the items of its file and of their
neighbours, not of the project. `tests/test_memo.py` holds the claim to the sample: whatever
item is edited, every output whose key did not change is byte for byte what it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

if TYPE_CHECKING:
    from .issues import Issue
    from .load import LoadResult
    from .model import Project

Key = tuple[str, str]
NAMED_ONLY = frozenset({"roles", "modules", "releases"})
"""What many items name without showing each other through it: a page shows its roles'
names, not the other pages of those roles (a role's own page is made every run)."""
FORMAT = 1
TOOLS = ("graphviz", "jinja2", "markdown-it-py", "nh3", "pyyaml", "pydantic")
"""The packages whose versions (beside pmdocs' own code) decide a saved memo's outputs."""
_ANCHOR = re.compile(r"(?:^|[\s:,\[{-])&[^\s,\[\]{}]+")
"""A YAML anchor, which an alias anywhere in the file may repeat."""
T = TypeVar("T")


def digest(*parts: str) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


class Memo:
    """The outputs of the last run by key, for the next run to take instead of making them
    again (`pmdocs serve` keeps one for its whole session). A run keeps only what it used,
    so the memo holds about one build's outputs."""

    def __init__(self, kept_in: Path | None = None, stamp: str = "") -> None:
        self._before: dict[str, object] = {}
        self._now: dict[str, object] = {}
        self.reused = 0
        self.made = 0
        self.kept_in = kept_in
        """The file `save` writes (None: the memo lives in memory only)."""
        self.stamp = stamp
        """The code that made its outputs (`resources.code_digest`)."""
        self._unread = False
        """Whether `kept_in` is still to be read (`load`)."""

    def start(self) -> None:
        """A new run begins: the outputs of the one before are what it may reuse."""
        if self._unread:
            self._read()
        if self._now:
            self._before, self._now = self._now, {}
        self.reused = self.made = 0

    @classmethod
    def load(cls, path: Path, stamp: str) -> "Memo":
        """The memo a build of this project saved in `path`, read when a run first needs it
        (`start`; a run that stops at the check never does), if the same code made it
        (`stamp`); else (none, damaged, another pmdocs) an empty one kept there."""
        memo = cls(path, stamp)
        memo._unread = True
        return memo

    def _read(self) -> None:
        self._unread = False
        assert self.kept_in is not None
        try:
            stored = pickle.loads(self.kept_in.read_bytes())
        except Exception:  # noqa: BLE001 — a cache: anything wrong with it means none
            return
        if isinstance(stored, tuple) and len(stored) == 3 and \
                stored[:2] == (FORMAT, self.stamp) and isinstance(stored[2], dict):
            self._now = stored[2]

    def save(self) -> None:
        """What this run used, for the next build of the project (written whole, then
        renamed into place; a cache that cannot be written is not an error)."""
        path = self.kept_in
        if path is None or self._unread:     # kept_in holds what it would write
            return
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            staged = path.with_name(f".{path.name}.{os.getpid()}")
            staged.write_bytes(pickle.dumps((FORMAT, self.stamp, self._now),
                                            protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(staged, path)

    def finish(self) -> None:
        """The run has made all it will: the last run's outputs it did not use are dropped,
        and a memo kept in a file is saved there and let go of (the write stage needs none
        of it, and a large project's outputs are hundreds of MB); one kept in memory
        (`serve`) holds this run's outputs for the next."""
        self._before = {}
        if self.kept_in is not None and not self._unread:
            self.save()
            self._now, self._unread = {}, True

    def get(self, key: str, make: Callable[[], T]) -> T:
        """The output under `key`: the last run's, else `make()`'s (kept for the next run)."""
        value = self.take(key)
        if value is None:
            value = make()
            self.keep(key, value)
        return value  # type: ignore[return-value]

    def take(self, key: str) -> object | None:
        """The output the last run (or this one) kept under `key`, or None."""
        if key in self._now:
            return self._now[key]
        if key not in self._before:
            return None
        value = self._now[key] = self._before.pop(key)
        self.reused += 1
        return value

    def keep(self, key: str, value: object) -> None:
        """An output made by this run, for the next."""
        self._now[key] = value
        self.made += 1


@dataclass
class InputKeys:
    """The inputs key of each item of one run (computed when first asked for)."""

    common: str
    """What every output may show: pmdocs.yml, the modules, the rules' parameters."""
    versions: Mapping[Key, str]
    """Per item: its spec file's digest and its problems."""
    neighbours: Mapping[Key, frozenset[Key]]
    """Per item: the items it names and the items that name it."""
    _keys: dict[Key, str] = field(default_factory=dict)
    _named: dict[Key, bytes] = field(default_factory=dict)

    def of(self, item: Key, *extra: str) -> str:
        """The key of an output made from `item` (and `extra`, what else it shows)."""
        key = self._keys.get(item)
        if key is None:
            near = self.neighbours.get(item, frozenset())
            ring = set(near).union(*(self.neighbours.get(other, ()) for other in near
                                     if other[0] not in NAMED_ONLY))
            ring.discard(item)
            key = hashlib.sha256(self.common.encode() + self._version_of(item) + b"".join(
                sorted(self._version_of(other) for other in ring))).hexdigest()
            self._keys[item] = key
        return digest(key, *extra) if extra else key

    def _version_of(self, item: Key) -> bytes:
        """An item's name and version as one fixed-length digest (`-`: no such item)."""
        version = self._named.get(item)
        if version is None:
            version = self._named[item] = hashlib.sha256(
                f"{item[0]}/{item[1]}={self.versions.get(item, '-')}".encode(
                    "utf-8", "surrogatepass")).digest()
        return version


def input_keys(project: "Project", issues: Sequence["Issue"], loaded: "LoadResult") -> InputKeys:
    """Every item's inputs, from the files the run read and the problems the check found."""
    index = project.index
    texts = {file.path: file.text for file in loaded.files}
    settings = [digest(file.text) for file in loaded.files if file.is_project_file]
    problems: dict[Key, list[str]] = {}
    for issue in issues:
        if issue.subject is not None:
            problems.setdefault(issue.subject, []).append(repr(issue))
    written: dict[Key, str] = {}
    by_file: dict[str, list[tuple[int, Key]]] = {}
    for section, items in index.items.items():
        for item_id, item in items.items():
            by_file.setdefault(item.file, []).append((item.where.offset, (section, item_id)))
    for file, placed in by_file.items():
        written.update(_spans(texts.get(file, file), sorted(placed)))
    versions = {key: digest(text, *problems.get(key, ())) for key, text in written.items()}
    parameters = [(rule.id, repr(rule.parameters)) for rule in index.listed["rules"]]
    modules = [(module.key, module.title, module.pages, module.declared)
               for module in index.modules]
    common = digest(*settings, project.settings.language, repr(modules), repr(parameters),
                    repr(_tab_bar(index)))
    return InputKeys(common, versions, _neighbours(index.references))


def _tab_bar(index) -> list:
    """The tab bar, which every tab page's diagrams and wireframe show whole: its pages
    (named by title or menu, not by id, so no reference says so) and its elements."""
    return [(page.id, page.title, page.menu, page.entry,
             [repr(element) for element in page.elements if element.type == "tabbar"])
            for page in index.listed["pages"] if "tab" in page.entry]


def _spans(text: str, placed: list[tuple[int, Key]]) -> Iterator[tuple[Key, str]]:
    """Each item's text in its file: from where it starts to where the next one does, after
    what comes before the first item (the file's head, which every item of it may read). A
    file with YAML aliases (an item may repeat another's text) is each item's whole text."""
    if _ANCHOR.search(text):
        for _, key in placed:
            yield key, text
        return
    head = text[:placed[0][0]] if placed else ""
    for number, (offset, key) in enumerate(placed):
        end = placed[number + 1][0] if number + 1 < len(placed) else len(text)
        yield key, head + "\0" + text[offset:end]


def _neighbours(references: Iterable) -> dict[Key, frozenset[Key]]:
    """Per item, the items it names and those that name it (a member, `order.status`, stands
    for its item)."""
    found: dict[Key, set[Key]] = {}
    for reference in references:
        target = (reference.section, reference.value.split(".", 1)[0])
        found.setdefault(reference.source, set()).add(target)
        found.setdefault(target, set()).add(reference.source)
    return {key: frozenset(near) for key, near in found.items()}


@dataclass(frozen=True)
class Reuse:
    """A run's memo and inputs keys, as the graph and render stages ask for them."""

    memo: Memo
    keys: InputKeys

    def get(self, kind: str, item: Key, make: Callable[[], T], *extra: str) -> T:
        """The output of kind `kind` made from `item`: the last run's when its key is the
        same, else made now."""
        return self.memo.get(digest(kind, self.keys.of(item, *extra)), make)

    def get_from(self, kind: str, items: Iterable[Key], make: Callable[[], T]) -> T:
        """The output of kind `kind` made from several items (a module's pages)."""
        return self.memo.get(digest(kind, *(self.keys.of(item) for item in items)), make)
