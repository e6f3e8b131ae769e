"""What a site shows of a project's history: the changes since a revision (`since:` in
pmdocs.yml, or `pmdocs build --since REV`) with the project as it was then, what changed
between consecutive releases' tags, and why any of it could not be shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Project
from .changes import ProjectChanges
from .compare import Snapshot, compare
from .git import Revision, RevisionError
from .marks import Marks, diagram_marks
from .reading import RevisionReader


@dataclass(frozen=True)
class ReleaseChanges:
    """What changed from one release to the next, read from their tags."""

    previous: str
    """The earlier release's id."""
    release: str
    """The later release's id."""
    changes: ProjectChanges


@dataclass(frozen=True)
class History:
    since: ProjectChanges | None = None
    """The changes since the revision the site marks (None: it marks none)."""
    base: Project | None = None
    """The project at that revision: what was removed since is drawn from it."""
    releases: tuple[ReleaseChanges, ...] = ()
    notices: tuple[str, ...] = ()
    """Why something asked for could not be shown (no git, a tag that does not exist), for
    the front end to say."""

    def marks(self, project: Project) -> Marks | None:
        """What `project`'s diagrams mark (None: nothing)."""
        if self.since is None or self.base is None:
            return None
        return diagram_marks(self.base, project, self.since)


def history_of(reader: RevisionReader, head: Snapshot, since: str | None, explicit: bool,
               tags: Sequence[tuple[str, str]]) -> History:
    """The changes from `since` to `head`, and between consecutive releases' tags (`tags`:
    (release id, tag), in the releases' order). A revision that cannot be read becomes a
    notice — unless it is an `explicit` `since`, which raises `RevisionError`."""
    notices: list[str] = []
    changes = base = None
    if since is not None:
        try:
            snapshot = reader.snapshot(reader.repository.resolve(since))
            changes, base = compare(snapshot, head), snapshot.project
        except RevisionError as error:
            if explicit:
                raise
            notices.append(f"changes since `{since}` not shown: {error}")
    revisions: dict[str, Revision] = {}
    for release_id, tag in tags:
        try:
            revisions[release_id] = reader.repository.resolve(tag)
        except RevisionError as error:
            notices.append(f"release `{release_id}`: tag `{tag}` not read: {error}")
    tagged = [release_id for release_id, _ in tags if release_id in revisions]
    releases = tuple(ReleaseChanges(previous, release, compare(
        reader.snapshot(revisions[previous]), reader.snapshot(revisions[release])))
        for previous, release in zip(tagged, tagged[1:]))
    return History(changes, base, releases, tuple(notices))
