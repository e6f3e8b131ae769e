"""Revisions of one project, each read from git and checked once: the working tree is the
project folder itself; any other revision is written into a folder of pmdocs' own and
checked there (by the pipeline's check stage, which the front end hands in), its files shown
under the project's name, as `pmdocs check` shows them.

The caches serve every revision: validated files are cached by their name and text, so a
file unchanged since another revision was checked is validated once; a revision's decision
tables start from the project's own cache of analyses (a table unchanged since is not
analysed again), and the passing folder's copy is removed after. So read the working tree
first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..check.table_cache import cache_file
from ..issues import Issue
from ..model import Project
from .compare import Snapshot
from .git import Repository, Revision

Check = Callable[[Path, "str | None"], tuple[Project, Sequence[Issue]]]
"""The check stage for a project folder shown under a name (None: its own)."""


class RevisionReader:
    def __init__(self, repository: Repository, root: str | Path, check: Check,
                 cache_dir: Path | None = None):
        self.repository = repository
        self.root = root
        self.check = check
        self.cache_dir = cache_dir
        self.read: dict[str | None, Snapshot] = {}
        """Revisions read so far, by commit (None: the working tree)."""

    def remember(self, snapshot: Snapshot) -> None:
        """A revision checked already (the working tree, by the run that builds a site)."""
        self.read[snapshot.revision.commit] = snapshot

    def snapshot(self, revision: Revision) -> Snapshot:
        """The project at `revision`, as far as the check stage."""
        if revision.commit not in self.read:
            self.read[revision.commit] = self._read(revision)
        found = self.read[revision.commit]
        return found if found.revision == revision else Snapshot(revision, found.project,
                                                                   found.issues)

    def _read(self, revision: Revision) -> Snapshot:
        if revision.is_working_tree:
            return Snapshot(revision, *self.check(Path(self.root), None))
        with tempfile.TemporaryDirectory(prefix="pmdocs-revision-") as scratch:
            folder = self.repository.extract(revision, Path(scratch))
            with self._tables(folder):
                project, issues = self.check(folder, os.fspath(self.root))
        return Snapshot(revision, project, issues)

    @contextlib.contextmanager
    def _tables(self, folder: Path) -> Iterator[None]:
        """While the project in `folder` is checked, its decision tables' cache is a copy of
        the project's own; then it is removed."""
        if self.cache_dir is None:
            yield
            return
        own = cache_file(self.cache_dir, os.fspath(self.root))
        passing = cache_file(self.cache_dir, str(folder))
        with contextlib.suppress(OSError):
            shutil.copyfile(own, passing)
        try:
            yield
        finally:
            passing.unlink(missing_ok=True)
