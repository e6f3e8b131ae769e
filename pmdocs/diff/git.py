"""Reading a project as it was at a git revision, without touching the user's work tree or
index: the project's files are listed from the revision's tree (`git ls-tree`), their
contents read as blobs (`git cat-file --batch`) and written into a folder of our own, where
the load stage reads them as it reads any project. Only spec files (`*.yml`, `*.yaml`) and
symbolic links are written: the loader needs no other file, and judges the links itself.

Revisions come from the command line and from pmdocs.yml (`since:`, a release's `tag:`),
and pmdocs.yml comes with pull requests: a revision is always passed after
`--end-of-options`, and one starting with `-` is refused before git sees it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..load.files import SPEC_SUFFIXES

SYMBOLIC_LINK_MODE = "120000"
FILE_MODES = ("100644", "100755")
DEFAULT_BRANCHES = ("main", "master")
"""Branch names taken for the default branch when the remote does not say (`origin/HEAD`)."""


class RevisionError(Exception):
    """A project folder outside git, a revision git does not know, no git at all: what the
    user must fix, in words."""


@dataclass(frozen=True)
class Revision:
    """A revision as the user named it, and the commit it names (None: the working tree)."""

    name: str
    commit: str | None = None

    @property
    def is_working_tree(self) -> bool:
        return self.commit is None

    @property
    def short(self) -> str:
        """`HEAD~1 (1a2b3c4)`, or `working tree`."""
        return self.name if self.commit is None else f"{self.name} ({self.commit[:7]})"


WORKING_TREE = Revision("working tree")


@dataclass(frozen=True)
class Repository:
    """The git repository a project folder is in, and where in it the project is."""

    root: Path
    prefix: str
    """The project folder relative to the repository's top, `/`-separated (`""`: the top)."""

    def git(self, *arguments: str, input_bytes: bytes | None = None) -> bytes:
        """git's output for `arguments`, run at the repository's top (pathspecs literal)."""
        return run_git(["-C", str(self.root), "--literal-pathspecs", *arguments], input_bytes)

    def resolve(self, name: str) -> Revision:
        """The commit `name` names, or a `RevisionError` saying that git knows none."""
        refuse_option(name)
        try:
            commit = self.git("rev-parse", "--verify", "--quiet", "--end-of-options",
                              f"{name}^{{commit}}").decode().strip()
        except RevisionError:
            raise RevisionError(f"unknown revision `{name}` in the repository at "
                                f"{self.root}") from None
        return Revision(name, commit)

    def exists(self, name: str) -> bool:
        """Whether `name` names a commit of this repository."""
        try:
            self.resolve(name)
        except RevisionError:
            return False
        return True

    def default_base(self) -> Revision:
        """Where a branch started: its merge-base with the default branch (the remote's
        `origin/HEAD`, else `main` or `master`); `HEAD` on the default branch itself, or
        when there is none."""
        head = self.resolve("HEAD")
        branch = self.default_branch()
        if branch is None:
            return head
        base = self.resolve(branch)
        if base.commit == head.commit:
            return head
        try:
            commit = self.git("merge-base", "--end-of-options", head.commit or "",
                              base.commit or "").decode().strip()
        except RevisionError:
            raise RevisionError(f"HEAD and {branch} have no common ancestor; name the base "
                                "revision: pmdocs diff BASE") from None
        return Revision(f"merge-base of HEAD and {branch}", commit)

    def default_branch(self) -> str | None:
        try:
            remote = self.git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD").decode().strip()
            return remote.removeprefix("refs/remotes/")
        except RevisionError:
            pass
        return next((name for name in DEFAULT_BRANCHES if self.exists(f"refs/heads/{name}")),
                    None)

    def extract(self, revision: Revision, into: Path) -> Path:
        """The project's spec files and symbolic links at `revision`, written under `into`
        (created) in a folder named like the project's; that folder."""
        assert revision.commit is not None
        project = into / (PurePosixPath(self.prefix).name or self.root.name)
        entries = self._entries(revision)
        if not entries:
            raise RevisionError(f"the project folder `{self.prefix or '.'}` is not in revision "
                                f"`{revision.name}`")
        project.mkdir(parents=True)
        contents = self._blobs([object_id for _, object_id, _ in entries])
        for (mode, object_id, relative), content in zip(entries, contents):
            target = project.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode == SYMBOLIC_LINK_MODE:
                os.symlink(os.fsdecode(content), target)
            else:
                target.write_bytes(content)
        return project

    def _entries(self, revision: Revision) -> list[tuple[str, str, PurePosixPath]]:
        """(mode, blob id, path inside the project) of the spec files and links at
        `revision`; names git would refuse to check out (`..`, `.git`) are left out."""
        listing = self.git("ls-tree", "-r", "-z", "--full-tree", revision.commit or "", "--",
                           self.prefix or ".")
        found = []
        prefix = PurePosixPath(self.prefix) if self.prefix else None
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, kind, object_id = meta.decode().split()
            path = PurePosixPath(os.fsdecode(raw_path))
            relative = path.relative_to(prefix) if prefix else path
            wanted = mode == SYMBOLIC_LINK_MODE or (
                mode in FILE_MODES and relative.suffix.lower() in SPEC_SUFFIXES)
            if kind == "blob" and wanted and _safe(relative):
                found.append((mode, object_id, relative))
        return found

    def _blobs(self, object_ids: list[str]) -> list[bytes]:
        """The contents of blobs, read by one `git cat-file --batch`."""
        output = self.git("cat-file", "--batch", input_bytes="".join(
            object_id + "\n" for object_id in object_ids).encode())
        contents, position = [], 0
        for _ in object_ids:
            header_end = output.index(b"\n", position)
            size = int(output[position:header_end].split()[2])
            contents.append(output[header_end + 1:header_end + 1 + size])
            position = header_end + 1 + size + 1
        return contents


def _safe(path: PurePosixPath) -> bool:
    return bool(path.parts) and all(part not in ("", ".", "..") and part.lower() != ".git"
                                    for part in path.parts)


def refuse_option(name: str) -> None:
    """A revision name that git could take for an option is refused."""
    if not name or name.startswith("-") or any(character.isspace() or ord(character) < 0x20
                                               for character in name):
        raise RevisionError(f"`{name}` is not a revision name")


def open_repository(project: Path) -> Repository:
    """The repository holding the project folder, or a `RevisionError` saying it is in none."""
    if not project.is_dir():
        raise RevisionError(f"project folder `{project}` does not exist or is not a folder")
    try:
        output = run_git(["-C", str(project), "rev-parse", "--show-toplevel", "--show-prefix"])
    except RevisionError:
        raise RevisionError(f"`{project}` is not in a git repository (pmdocs diff compares "
                            "revisions of a project kept in git)") from None
    root, prefix = (output.decode().split("\n") + [""])[:2]
    return Repository(Path(root), prefix.strip("/"))


def run_git(arguments: list[str], input_bytes: bytes | None = None) -> bytes:
    """`git` with `arguments`: its output, or a `RevisionError` (with git's own words when
    git failed). Optional locks are off: reading never writes the index."""
    environment = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        result = subprocess.run(["git", *arguments], input=input_bytes, capture_output=True,
                                env=environment, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed (pmdocs diff reads revisions with it)") from None
    if result.returncode != 0:
        raise RevisionError(result.stderr.decode(errors="replace").strip() or "git failed")
    return result.stdout
