"""Finding and reading a project's spec files: discovery (every folder read once; symbolic
links that leave the project, or loop, refused), size and encoding limits, and the read
itself. This is the only module that opens spec files; parsing is `events`'."""

from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..issues import Issue, Location, make_issue
from ..messages import Text
from .data import LoadResult, SpecFile, location_at
from .events import parse_yaml

PROJECT_FILE_NAMES = ("pmdocs.yml", "pmdocs.yaml")
SPEC_SUFFIXES = (".yml", ".yaml")
SKIPPED_FOLDERS = frozenset({"site", "node_modules", "__pycache__", "venv"})
MAX_FILE_BYTES = 8 * 1024 * 1024


def load_project(root: str | os.PathLike, parse: bool = True,
                 shown_as: str | None = None) -> LoadResult:
    """Find and load `pmdocs.yml` and every `*.yml`/`*.yaml` file under `root`.

    With `parse=False` the spec files other than pmdocs.yml (which says what to exclude) are
    read but not parsed (`SpecFile.skipped`): the caller parses them, or has them cached.
    `shown_as`: the name the folder is shown under in the files' paths (default: `root` as
    given), e.g. for a revision read from git into a folder of pmdocs' own."""
    root_path = Path(os.fspath(root))
    root_text = os.fspath(root) if shown_as is None else shown_as
    if not root_path.is_dir():
        issue = make_issue("PM100", Text("PM100.no_folder", folder=root_text), Location(root_text),
                           Text("PM100.no_folder.hint"))
        return LoadResult(root_path, (), (issue,), 0)
    project_name = next((name for name in PROJECT_FILE_NAMES if (root_path / name).is_file()), None)
    if project_name is None:
        issue = make_issue("PM100", Text("PM100.no_project_file", folder=root_text),
                           Location(root_text), Text("PM100.no_project_file.hint"))
        return LoadResult(root_path, (), (issue,), 0)
    files: list[SpecFile] = []
    issues: list[Issue] = []
    root_real = os.path.realpath(root_path)
    project = _load_file(root_path, root_text, root_real, project_name, True, True, issues)
    excluded = _excluded_patterns(project)
    relatives, walk_issues = _discover(root_path, root_text, root_real, excluded)
    issues.extend(walk_issues)
    for relative in relatives:
        if relative == project_name:
            files.append(project)
        else:
            files.append(_load_file(root_path, root_text, root_real, relative, False, parse,
                                    issues))
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


def _discover(root: Path, root_text: str, root_real: str,
              excluded: tuple[str, ...]) -> tuple[list[str], list[Issue]]:
    """Relative paths of spec files, sorted. Every folder is read once, by its own path; a
    symbolic link to a folder is followed only to a folder inside the project that nothing
    else reads (a hidden one, say): never outside, and never back into a folder holding it."""
    walk = _Walk(root, root_text, excluded)
    walk.tree(".")
    for relative in walk.links:     # grows as the links followed hold links
        path = os.path.join(root, relative)
        real = os.path.realpath(path)
        if not inside(real, root_real):
            walk.issues.append(make_issue(
                "PM108", Text("PM108.folder_link_outside", target=os.readlink(path)),
                Location(_display(root_text, relative)), Text("PM108.folder_link_outside.hint")))
        elif inside(os.path.realpath(os.path.dirname(path)), real):
            walk.issues.append(make_issue(
                "PM108", Text("PM108.folder_link_loop"), Location(_display(root_text, relative)),
                Text("PM108.folder_link_loop.hint")))
        elif real not in walk.read:
            walk.tree(relative)
    return sorted(walk.found), walk.issues


@dataclass
class _Walk:
    """What walking a project's folders found so far: spec files, the symbolic links to
    folders met (not followed by the walk itself), the folders read, and the problems."""

    root: Path
    root_text: str
    excluded: tuple[str, ...]
    found: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    read: set[str] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)

    def tree(self, start: str) -> None:
        """Walk the folder `start` (relative to the root) and the real folders below it."""
        for folder, subfolders, names in os.walk(self.root / start, onerror=self._on_error):
            self.read.add(os.path.realpath(folder))
            relative_folder = os.path.relpath(folder, self.root)
            kept = []
            for name in sorted(subfolders):
                relative = _relative(relative_folder, name)
                if name.startswith(".") or name in SKIPPED_FOLDERS or _matches(relative, self.excluded):
                    continue
                if os.path.islink(os.path.join(folder, name)):
                    self.links.append(relative)
                else:
                    kept.append(name)
            subfolders[:] = kept
            for name in sorted(names):
                relative = _relative(relative_folder, name)
                if not name.startswith(".") and name.endswith(SPEC_SUFFIXES) \
                        and not _matches(relative, self.excluded):
                    self.found.append(relative)

    def _on_error(self, error: OSError) -> None:
        where = _display(self.root_text, os.path.relpath(error.filename or self.root, self.root))
        self.issues.append(make_issue("PM108", Text("PM108.folder", reason=str(error.strerror)),
                                      Location(where)))


def _relative(folder: str, name: str) -> str:
    return os.path.normpath(os.path.join(folder, name)).replace(os.sep, "/")


def inside(real: str, root_real: str) -> bool:
    """Whether `real` is the folder `root_real` or lies under it (both resolved paths)."""
    return os.path.commonpath([real, root_real]) == root_real


def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
    return any(relative == pattern or relative.startswith(pattern + "/")
               or fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def _display(root_text: str, relative: str) -> str:
    return os.path.normpath(os.path.join(root_text, relative)).replace(os.sep, "/")


def _load_file(root: Path, root_text: str, root_real: str, relative: str, is_project_file: bool,
               parse: bool, issues: list[Issue]) -> SpecFile:
    display = _display(root_text, relative)
    path = os.path.join(root, relative)
    problem = _link_outside(path, display, root_real)
    text, problem = ("", problem) if problem is not None else _read_text(path, display)
    if problem is not None:
        issues.append(problem)
        return SpecFile(display, relative, "", None, is_project_file, (problem,))
    if not parse:
        return SpecFile(display, relative, text, None, is_project_file, skipped=True)
    data, parse_issues = parse_yaml(text, display)
    issues.extend(parse_issues)
    return SpecFile(display, relative, text, data, is_project_file, tuple(parse_issues))


def _link_outside(path: str, display: str, root_real: str) -> Issue | None:
    """A problem if the file at `path` is a symbolic link to a file outside the project.
    (Only a link can lead out: its folder is inside, see `_discover`.)"""
    if not os.path.islink(path) or inside(os.path.realpath(path), root_real):
        return None
    return make_issue("PM108", Text("PM108.file_link_outside", target=os.readlink(path)),
                      Location(display), Text("PM108.file_link_outside.hint"))


def _read_text(path: str, display: str) -> tuple[str, Issue | None]:
    try:
        if not os.path.isfile(path):
            return "", make_issue("PM108", Text("PM108.file", reason=_not_a_file(path)),
                                  Location(display))
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return "", make_issue(
                "PM106", Text("PM106.too_large", size=f"{size / 1024 ** 2:.1f}",
                              limit=MAX_FILE_BYTES // (1024 * 1024)), Location(display),
                Text("PM107.too_many.hint"))
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return "", make_issue("PM108", Text("PM108.file", reason=str(error.strerror or error)),
                              Location(display), Text("PM108.file.hint"))
    return decode(raw, display)


def _not_a_file(path: str) -> str:
    """Why `path` is not a readable regular file."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Text("PM108.link_loop")
        return Text("PM108.broken_link") if os.path.islink(path) else str(error.strerror)
    return Text("PM108.not_regular")


def decode(raw: bytes, display: str) -> tuple[str, Issue | None]:
    """UTF-8 text (a BOM is allowed), or an issue at the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = raw[:error.start].decode("utf-8", errors="replace")
        where = location_at(display, good, len(good))
        return "", make_issue("PM101", Text("PM101.not_utf8", byte=f"0x{raw[error.start]:02x}"),
                              where, Text("PM101.not_utf8.hint"))
    if "\x00" in text:
        where = location_at(display, text, text.index("\x00"))
        return "", make_issue("PM101", Text("PM101.nul"), where, Text("PM101.nul.hint"))
    return text, None
