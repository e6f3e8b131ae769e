"""The driver: a project folder through the compiler's stages, in order — load, model, index,
check, diff (what changed since a revision, read from git, when the site shows it), graph
(and layout), render, write — for every front end: the CLI's check, build, serve and
export, the mkdocs plugin, and diff (which checks two revisions with `revision_reader`).
Each stage is a module of its own; this one only says which runs when. What is written, and
where, is the front end's `Writer`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence

from .check import check
from .issues import Issue, Severity
from .labels import labels_for
from .load import LoadResult, load_project
from .model import Project, model_project
from .sitemap import SiteMap

if TYPE_CHECKING:
    from .diff import Repository
    from .diff.history import History
    from .diff.reading import RevisionReader
    from .layout import Layout
    from .memo import Memo, Reuse
    from .model.cache import ModelCache
    from .render import RenderedSite

Writer = Callable[[Project, "RenderedSite"], None]
"""What the front end does with a rendered site: build it, export it (`pmdocs.site`)."""
Progress = Callable[[str, int, int], None]
"""Where a run is, for a front end to show: the stage, how many things it has done and how
many it works on (0: not counted)."""
UpToDate = Callable[[Project, str], bool]
"""Whether the front end's output is already what the project builds to, given the digest of
its spec files (`sources_digest`): then the run stops after the check stage."""


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
    model_cache: "ModelCache | None" = None
    """Validated files shared by the runs of one command (`pmdocs diff` checks two
    revisions); None: this run's own cache of `cache_dir`."""
    history: bool = False
    """Whether the site shows what changed, read from git: since `since` (else pmdocs.yml's
    `since:`), and between the releases' tags (the front ends that build a site)."""
    since: str | None = None
    """The revision to mark changes since (`pmdocs build --since REV`): when it cannot be
    read the run raises `RevisionError`; pmdocs.yml's `since:` only gives a notice."""
    progress: Progress | None = None
    """Told as each stage after the check starts (None: nobody asks)."""
    up_to_date: UpToDate | None = None
    """Asked after the check stage when the site shows no history (which git decides, not
    the spec files alone); None: never up to date."""
    memo: "Memo | None" = None
    """The last run's diagrams and documents, reused where their inputs did not change
    (`pmdocs.memo`; `pmdocs serve` keeps one), and this run's kept for the next (saved when
    the memo has a file, before the write stage); None: everything is made."""


@dataclass(frozen=True)
class Result:
    checked: Checked
    rendered: "RenderedSite | None" = None
    """The site, when the run got so far."""
    history: "History | None" = None
    """What the site shows of the project's history (its `notices` for the front end)."""
    up_to_date: bool = False
    """The output was already what the project builds to: nothing was rendered or written."""

    @property
    def stopped(self) -> bool:
        return self.rendered is None and not self.up_to_date


def run(root: str | Path, options: Options = Options(), write: Writer | None = None) -> Result:
    """The project at `root` through every stage it gets to. (The later stages' modules are
    imported when a run gets to them: `pmdocs check` starts without them.)"""
    loaded = load_project(root, parse=False, shown_as=options.shown_as)         # load
    project, issues = model_project(loaded, options.model_cache or options.cache_dir)  # model
    project.index                                                               # index
    issues = check(project, issues, options.cache_dir)                          # check
    result = Result(Checked(project, issues, loaded.file_count))
    if not options.render or stops(issues, options.stop_at):
        return result
    if options.up_to_date is not None and not shows_history(project, options) \
            and options.up_to_date(project, sources_digest(loaded)):
        return replace(result, up_to_date=True)
    from .graph import all_diagrams
    from .layout import NoLayout, draw_reusing
    from .render import render_site
    progress = options.progress or _unreported
    history = read_history(root, result.checked, options)                       # diff
    labels = labels_for(project.settings.language)
    reuse = None if history.since or history.releases else \
        _reuse(project, issues, loaded, options)            # the changes show on every page
    progress("graph", 0, 0)
    diagrams = all_diagrams(project, labels, history.marks(project), reuse)     # graph
    progress("layout", 0, len(diagrams))
    layout = options.layout or NoLayout()
    drawings = layout.draw(diagrams) if reuse is None else \
        draw_reusing(layout, diagrams, reuse.memo)                              # layout
    progress("render", 0, 0)
    rendered = render_site(project, issues, diagrams, drawings, options.site_map,
                           history, reuse)                                      # render
    del diagrams, drawings          # the site holds what it shows: let the rest go before
    if reuse is not None:           # the write, the stage that needs the most memory
        reuse.memo.finish()
    if write is not None:
        progress("write", 0, len(rendered.documents))
        write(project, rendered)                                                # write
    return replace(result, rendered=rendered, history=history)


def _reuse(project: Project, issues: Sequence[Issue], loaded: LoadResult,
           options: Options) -> "Reuse | None":
    """What this run may take from the last one (`options.memo`), or None."""
    if options.memo is None:
        return None
    from .memo import Reuse, input_keys
    options.memo.start()
    return Reuse(options.memo, input_keys(project, issues, loaded))


def _unreported(stage: str, done: int, total: int) -> None:
    """No front end follows this run."""


def check_project(root: str | Path, cache_dir: Path | None = None, shown_as: str | None = None,
                  model_cache: "ModelCache | None" = None) -> Checked:
    """The project at `root` as far as the check stage (`pmdocs check`)."""
    return run(root, Options(cache_dir=cache_dir, render=False, shown_as=shown_as,
                             model_cache=model_cache)).checked


def revision_reader(repository: "Repository", root: str | Path,
                    cache_dir: Path | None = None) -> "RevisionReader":
    """Revisions of the project at `root` read from git, each as far as the check stage
    (`pmdocs diff`, and a site's history); they share the validated files in memory."""
    from .diff.reading import RevisionReader
    from .model.cache import ModelCache
    files = ModelCache(cache_dir)

    def checked(folder: Path, shown_as: str | None) -> tuple[Project, list[Issue]]:
        project, issues, _ = check_project(folder, cache_dir, shown_as, files)
        return project, issues
    return RevisionReader(repository, root, checked, cache_dir)


def read_history(root: str | Path, checked: Checked, options: Options) -> "History":
    """The diff stage of a site: what changed since `options.since` (else pmdocs.yml's
    `since:`) and between consecutive releases' tags, each revision read from git and
    checked. Nothing when the run asks for no history or nothing asks for it."""
    from .diff import WORKING_TREE, RevisionError, Snapshot, open_repository
    from .diff.history import History, history_of
    settings = checked.project.settings
    if not shows_history(checked.project, options):
        return History()
    since = options.since or settings.since
    tags = [(release.id, release.tag) for release in settings.releases if release.tag]
    try:
        repository = open_repository(Path(root))
    except RevisionError as error:
        if options.since:
            raise
        return History(notices=(f"changes not shown: {error}",))
    reader = revision_reader(repository, root, options.cache_dir)
    head = Snapshot(WORKING_TREE, checked.project, checked.issues)
    reader.remember(head)
    return history_of(reader, head, since, bool(options.since), tags)


def shows_history(project: Project, options: Options) -> bool:
    """Whether the site shows what changed, read from git: asked for, and a revision to
    compare with (`since`, or two releases' tags)."""
    settings = project.settings
    tags = [release.tag for release in settings.releases if release.tag]
    return options.history and bool(options.since or settings.since or len(tags) >= 2)


def sources_digest(loaded: LoadResult) -> str:
    """A digest of every spec file's path and text: equal digests, equal projects."""
    hashed = hashlib.sha256()
    for file in sorted(loaded.files, key=lambda file: file.relative):
        for part in (file.relative, file.text):
            data = part.encode("utf-8", "surrogatepass")
            hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


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
