"""The driver: a project folder through the compiler's stages, in order — load, model, index,
check, graph (and layout), render, write — for every front end: the CLI's check, build,
serve and export, the mkdocs plugin, and diff. Each stage is a module of its own; this one
only says which runs when. What is written, and where, is the front end's `Writer`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, Sequence

from .check import check
from .issues import Issue, Severity
from .labels import labels_for
from .load import load_project
from .model import Project, model_project
from .sitemap import SiteMap

if TYPE_CHECKING:
    from .diff import Repository, Revision, Snapshot
    from .layout import Layout
    from .render import RenderedSite

Writer = Callable[[Project, "RenderedSite"], None]
"""What the front end does with a rendered site: build it, export it (`pmdocs.site`)."""


class Checked(NamedTuple):
    """A project as far as the check stage: the model, every problem, how many files."""

    project: Project
    issues: list[Issue]
    file_count: int


@dataclass(frozen=True)
class Options:
    cache_dir: Path | None = None
    """Where validated spec files and decision tables' analyses are cached (None: nowhere)."""
    layout: "Layout | None" = None
    """How diagrams are laid out (Graphviz, with its own cache); None: not at all."""
    stop_at: Severity | None = Severity.ERROR
    """Problems this severe (or worse) stop the run after the check stage; None: never."""
    render: bool = True
    """False: run the check stage only (`pmdocs check`)."""
    site_map: SiteMap = SiteMap()
    """How the engine that builds the site names its pages (for the URLs of links)."""
    shown_as: str | None = None
    """The name the project folder goes by in file paths (default: as given): a revision read
    from git into a folder of pmdocs' own is shown as the user named the project."""


@dataclass(frozen=True)
class Result:
    checked: Checked
    rendered: "RenderedSite | None" = None
    """The site, when the run got so far."""

    @property
    def stopped(self) -> bool:
        return self.rendered is None


def run(root: str | Path, options: Options = Options(), write: Writer | None = None) -> Result:
    """The project at `root` through every stage it gets to. (The later stages' modules are
    imported when a run gets to them: `pmdocs check` starts without them.)"""
    loaded = load_project(root, parse=False, shown_as=options.shown_as)         # load
    project, issues = model_project(loaded, options.cache_dir)                  # model
    project.index                                                               # index
    issues = check(project, issues, options.cache_dir)                          # check
    result = Result(Checked(project, issues, loaded.file_count))
    if not options.render or stops(issues, options.stop_at):
        return result
    from .graph import all_diagrams
    from .layout import NoLayout
    from .render import render_site
    diagrams = all_diagrams(project, labels_for(project.settings.language))     # graph
    drawings = (options.layout or NoLayout()).draw(diagrams)                    # layout
    rendered = render_site(project, issues, diagrams, drawings, options.site_map)  # render
    if write is not None:
        write(project, rendered)                                                # write
    return replace(result, rendered=rendered)


def check_project(root: str | Path, cache_dir: Path | None = None,
                  shown_as: str | None = None) -> Checked:
    """The project at `root` as far as the check stage (`pmdocs check`)."""
    return run(root, Options(cache_dir=cache_dir, render=False, shown_as=shown_as)).checked


def check_revision(repository: "Repository", revision: "Revision", root: str | Path,
                   cache_dir: Path | None = None) -> "Snapshot":
    """The project as it was at `revision`, as far as the check stage: read from git into a
    folder of its own (the project folder `root` itself for the working tree), its files
    shown under `root`'s name as in `pmdocs check`.

    The caches serve both revisions: validated files are cached by their name and text, so
    a file unchanged since the other revision was checked is validated once; the decision
    tables' analyses start from the project's own (a table unchanged since is not analysed
    again), and the passing folder's are dropped after (no later run reads them). So check
    the working tree first."""
    from .diff import Snapshot
    if revision.is_working_tree:
        project, issues, _ = check_project(root, cache_dir)
        return Snapshot(revision, project, issues)
    with tempfile.TemporaryDirectory(prefix="pmdocs-revision-") as scratch:
        folder = repository.extract(revision, Path(scratch))
        with _tables_of(root, folder, cache_dir):
            project, issues, _ = check_project(folder, cache_dir, shown_as=os.fspath(root))
    return Snapshot(revision, project, issues)


@contextlib.contextmanager
def _tables_of(root: str | Path, folder: Path, cache_dir: Path | None) -> Iterator[None]:
    """While the project read into `folder` is checked, its decision tables' cache is a
    copy of the one of the project at `root`; then it is removed."""
    if cache_dir is None:
        yield
        return
    from .check.table_cache import cache_file
    own, passing = cache_file(cache_dir, os.fspath(root)), cache_file(cache_dir, str(folder))
    with contextlib.suppress(OSError):
        shutil.copyfile(own, passing)
    try:
        yield
    finally:
        passing.unlink(missing_ok=True)


def render_project(project: Project, issues: Sequence[Issue], layout: "Layout | None" = None
                   ) -> "RenderedSite":
    """An already checked project's graph and render stages (for tests and tools)."""
    from .graph import all_diagrams
    from .layout import NoLayout
    from .render import render_site
    diagrams = all_diagrams(project, labels_for(project.settings.language))
    return render_site(project, issues, diagrams, (layout or NoLayout()).draw(diagrams))


def stops(issues: Sequence[Issue], severity: Severity | None) -> bool:
    """Whether any issue is at least as severe as `severity`."""
    return severity is not None and any(issue.severity >= severity for issue in issues)
