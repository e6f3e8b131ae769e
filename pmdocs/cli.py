"""The command line: `pmdocs check | build | serve | export | diff | new | schema | codes`.
The only module that prints, and every line it prints goes through `say` (or is JSON from
`json_text`), so spec text quoted in it stays inside its line (see `pmdocs.printable`).
What only one command needs is imported inside it, so that `pmdocs check` starts fast."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from . import __version__
from .issues import CODES, Issue, Severity, issue_line, issue_record, summarize
from .messages import DEFAULT_LANGUAGE, LANGUAGES
from .pipeline import Options, Result, check_project, run
from .printable import json_text, one_line
from .resources import spec_cache_dir

if TYPE_CHECKING:
    from .diff import ProjectChanges
    from .layout import Layout
    from .memo import Memo
    from .model import Project
    from .pipeline import Writer
    from .render import RenderedSite

EXIT_OK, EXIT_ERRORS, EXIT_WARNINGS = 0, 1, 2
EXIT_BAD_INPUT = 2
"""What `pmdocs diff` and `build --since` exit with when a revision cannot be read."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pmdocs")
def main() -> None:
    """pmdocs: PRDs and prototypes as YAML in git, checked and compiled into a site."""


LANGUAGE_OPTION = click.option(
    "--lang", "language", type=click.Choice(LANGUAGES),
    help="The language of the messages (default: pmdocs.yml's `language:`).")


@main.command()
@click.argument("project", default=".", type=click.Path(file_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True, help="How to print the problems.")
@click.option("--strict", is_flag=True, help="Fail (exit 2) on warnings too.")
@click.option("--no-cache", is_flag=True,
              help="Parse, validate and analyse every file again (unchanged files and decision "
              "tables are cached in ~/.cache/pmdocs).")
@LANGUAGE_OPTION
def check(project: str, output_format: str, strict: bool, no_cache: bool,
          language: str | None) -> None:
    """Check the specs in PROJECT and report every problem at file:line:col.

    Exit status: 0 no errors, 1 errors, 2 warnings under --strict.
    """
    model, issues, file_count = check_project(project, None if no_cache else spec_cache_dir())
    language = language or model.settings.language
    if output_format == "json":
        click.echo(json_text(_as_json(issues, file_count, language)))
    else:
        for issue in issues:
            say(_github_line(issue, language) if output_format == "github"
                else issue_line(issue, language))
        say(summarize(issues, file_count, language))
    sys.exit(exit_status(issues, strict))


def say(text: str, err: bool = False, **style: Any) -> None:
    """Print one line (on stderr with `err`, styled as `click.style` says on a terminal);
    what it quotes cannot start another."""
    click.echo(click.style(one_line(text), **style) if style else one_line(text), err=err)


def _report(issues: list[Issue], file_count: int, language: str) -> None:
    for issue in issues:
        say(issue_line(issue, language))
    say(summarize(issues, file_count, language))


def _compile(project: str, strict: bool, cache_dir: str | None, write: Writer,
             since: str | None = None, up_to_date: "Current | None" = None,
             status: "StatusLine | None" = None, draft: bool = False,
             memo: bool = False) -> tuple[Result, str]:
    """The whole pipeline, `write` last; exits with check's report when the specs have
    problems that stop it (errors; warnings too when `strict`; nothing for a `draft`), when
    Graphviz is missing, when the revision `since` cannot be read, or when the output is
    refused. With `memo`, the diagrams and documents of the project's last build are reused
    where their inputs did not change (`pmdocs.memo`), and this build's kept for the next."""
    from .layout import GraphvizLayout, GraphvizMissing
    from .resources import default_cache_dir
    from .site import OutputError

    try:
        graphviz = GraphvizLayout(Path(cache_dir) if cache_dir else default_cache_dir())
    except GraphvizMissing as error:
        say(f"pmdocs: {error}", err=True)
        sys.exit(EXIT_ERRORS)
    layout: Layout = graphviz
    refused: list[OutputError] = []

    def guarded(model: "Project", rendered: "RenderedSite") -> None:
        try:
            write(model, rendered)
        except OutputError as error:   # reported after the specs' problems
            refused.append(error)
    stop_at = None if draft else Severity.WARNING if strict else Severity.ERROR
    current = None if up_to_date is None else \
        (lambda model, sources: up_to_date(model, sources, graphviz.version))
    kept = _kept_memo(project) if memo else None
    options = Options(spec_cache_dir(), layout, stop_at, history=True, since=since,
                      up_to_date=current, progress=status, memo=kept)
    try:
        result = _run_since(project, options, guarded)
    finally:
        if status is not None:
            status.clear()
    issues, file_count = result.checked.issues, result.checked.file_count
    if issues:
        _report(issues, file_count, result.checked.project.settings.language)
    for notice in result.history.notices if result.history else ():
        say(f"pmdocs: {notice}", err=True)
    if result.stopped:
        say("pmdocs: not built: fix the problems above first", err=True)
        sys.exit(exit_status(issues, strict))
    if refused:
        say(f"pmdocs: {refused[0]}", err=True)
        sys.exit(EXIT_ERRORS)
    stats = layout.stats
    drawn = (f"diagrams: {stats.rendered} laid out, {stats.cached} from cache"
             + (f", {stats.failed} not drawn" if stats.failed else ""))
    return result, drawn


class StatusLine:
    """One line on stderr, rewritten in place, saying where a build is: its stage, and the
    pages written so far (`pipeline.Progress`)."""

    STAGES = {"graph": "drawing diagrams", "layout": "laying out {total} diagrams",
              "render": "writing the Markdown", "write": "building pages {done}/{total}"}

    def __init__(self) -> None:
        self.width = 0
        """How long the line on screen is (0: none shown)."""
        self.last = 0.0

    @staticmethod
    def wanted(asked: bool | None) -> "StatusLine | None":
        """On a terminal outside CI, unless asked otherwise (`--progress/--no-progress`)."""
        if asked is None:
            asked = sys.stderr.isatty() and not os.environ.get("CI")
        return StatusLine() if asked else None

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if done and done < total and now - self.last < 0.1:
            return
        text = "pmdocs: " + self.STAGES.get(stage, stage).format(done=done, total=total)
        click.echo("\r" + text.ljust(self.width), err=True, nl=False)
        self.last, self.width = now, max(self.width, len(text))

    def clear(self) -> None:
        """The line erased (spaces over it: no terminal codes, which click drops in a pipe)."""
        if self.width:
            click.echo("\r" + " " * self.width + "\r", err=True, nl=False)
            self.width = 0


Current = Callable[["Project", str, str], bool]
"""Whether the output is already built from these specs (`pipeline.UpToDate`), given also
Graphviz's version."""


def _kept_memo(project: str) -> "Memo":
    """The memo the project's last build saved (`pmdocs.memo`), kept for the next."""
    from .memo import TOOLS, Memo
    from .resources import code_digest, memo_file
    return Memo.load(memo_file(Path(project)), code_digest(TOOLS))


def _run_since(project: str, options: Options, write: "Writer") -> Result:
    """`run`, exiting with 2 when the revision of `--since` cannot be read."""
    from .diff import RevisionError
    try:
        return run(project, options, write)
    except RevisionError as error:
        say(f"pmdocs: --since {options.since}: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)


def exit_status(issues: list[Issue], strict: bool) -> int:
    severities = {issue.severity for issue in issues}
    if Severity.ERROR in severities:
        return EXIT_ERRORS
    if strict and Severity.WARNING in severities:
        return EXIT_WARNINGS
    return EXIT_OK


def _github_line(issue: Issue, language: str) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    location = issue.location
    place = f"file={_github_escape(location.file, True)}"
    if location.line > 0:
        place += f",line={location.line},col={location.col}"
    message = issue.message_in(language) + (f" ({issue.hint_in(language)})" if issue.hint else "")
    return f"::{level[issue.severity]} {place},title={issue.code}::{_github_escape(message, False)}"


def _github_escape(text: str, is_property: bool) -> str:
    """A workflow command's value: % , and : escaped as GitHub decodes them; control
    characters shown as escapes, as in every other line (`one_line`)."""
    text = one_line(text).replace("%", "%25")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def _as_json(issues: list[Issue], file_count: int, language: str) -> dict:
    counts = {severity.label: 0 for severity in Severity}
    for issue in issues:
        counts[issue.severity.label] += 1
    return {
        "issues": [issue_record(issue, language) for issue in issues],
        "summary": {"errors": counts["error"], "warnings": counts["warning"],
                    "notes": counts["info"], "files": file_count},
    }


PROJECT_ARGUMENT = click.argument("project", default=".", type=click.Path(file_okay=False))
CACHE_OPTION = click.option("--cache-dir", type=click.Path(file_okay=False),
                            help="Where diagram SVGs are cached (default: ~/.cache/pmdocs).")
SITE_URL_OPTION = click.option("--site-url", help="The URL the site is hosted at (enables "
                               "Material's instant navigation).")


@main.command()
@PROJECT_ARGUMENT
@click.option("-o", "--output", type=click.Path(),
              help="The folder to build into (default: PROJECT/site, or pmdocs.yml's `output`).")
@click.option("--strict", is_flag=True, help="Warnings stop the build too (exit 2).")
@CACHE_OPTION
@SITE_URL_OPTION
@click.option("--since", metavar="REV", help="Show what changed since this git revision (a "
              "changes page, a box on each changed item's page, marks in the diagrams and the "
              "prototype); overrides pmdocs.yml's `since:`. Exit 2 if it cannot be read.")
@click.option("--draft", is_flag=True, help="Build even when the specs have errors: the home "
              "page lists every problem and each item's page opens with those about it.")
@click.option("--progress/--no-progress", default=None, help="Show the build's stage and the "
              "pages written on one line (default: on a terminal, not in CI).")
def build(project: str, output: str | None, strict: bool, cache_dir: str | None,
          site_url: str | None, since: str | None, draft: bool, progress: bool | None) -> None:
    """Check the specs and build the PRD site of PROJECT (atomically)."""
    if draft and strict:
        raise click.UsageError("--draft builds despite problems; --strict stops at warnings")
    from . import mkdocs_adapter
    from .site import atomic_folder, check_output
    from .site import OutputError
    started = time.perf_counter()
    targets: list[Path] = []
    keys: list[str] = []
    rendered_pages: list[int] = []
    status = StatusLine.wanted(progress)

    def up_to_date(model: "Project", sources: str, graphviz: str) -> bool:
        targets.append(Path(output) if output else Path(project) / model.settings.output)
        keys.append(mkdocs_adapter.build_key(sources, graphviz, strict, site_url, draft))
        try:
            check_output(targets[0], Path(project))
        except OutputError:     # refused when written
            return False
        return mkdocs_adapter.up_to_date(targets[0], keys[0])

    def write(model: "Project", rendered: "RenderedSite") -> None:
        if not targets:
            targets.append(Path(output) if output else Path(project) / model.settings.output)
        check_output(targets[0], Path(project))
        with atomic_folder(targets[0]) as staging:
            rendered_pages.append(mkdocs_adapter.build(
                rendered, Path(project), staging, strict=strict, site_url=site_url,
                previous=targets[0].resolve(), inputs=keys[0] if keys else "", progress=status))
    result, drawn = _compile(project, strict, cache_dir, write, since, up_to_date, status, draft,
                             memo=True)
    target = targets[0]
    if result.up_to_date:
        say(f"{target} is up to date: the specs did not change "
            f"({time.perf_counter() - started:.1f} s); open {target / 'index.html'}")
        return
    pages = len(result.rendered.documents)
    unchanged = f", {pages - rendered_pages[0]} unchanged" if rendered_pages[0] < pages else ""
    errors = sum(issue.severity == Severity.ERROR for issue in result.checked.issues)
    kind = f"a draft with {errors} error{'s' if errors != 1 else ''}: " if errors else ""
    say(f"built {kind}{pages} pages into {target} in {time.perf_counter() - started:.1f} s "
        f"({drawn}; pages: {rendered_pages[0]} rendered{unchanged}); "
        f"open {target / 'index.html'}")


@main.command()
@PROJECT_ARGUMENT
@click.option("-o", "--output", type=click.Path(), required=True,
              help="The folder to write the Markdown, SVGs and mkdocs.yml into.")
@CACHE_OPTION
@SITE_URL_OPTION
def export(project: str, output: str, cache_dir: str | None, site_url: str | None) -> None:
    """Write the generated Markdown, SVGs and an mkdocs.yml for plain `mkdocs build`."""
    from .site import export_site
    result, _ = _compile(project, False, cache_dir, lambda _, rendered: export_site(
        rendered, Path(output), Path(project), site_url=site_url))
    say(f"exported {len(result.rendered.documents)} pages into {output}; "
        f"build with: cd {output} && mkdocs build")


@main.command()
@PROJECT_ARGUMENT
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="The address to serve on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
def serve(project: str, dev_addr: str, open_browser: bool) -> None:
    """Preview the site; it rebuilds and reloads the browser when a spec file changes. While
    the specs have errors, every page shows them over the last version that built."""
    from . import mkdocs_adapter

    folder = Path(project).resolve()
    say(f"pmdocs serve: the PRD of {folder} at http://{dev_addr}/ (after its first build)")
    say(f"watching {folder} (pmdocs.yml and every spec file): a save rebuilds the site and "
        "reloads the browser; Ctrl+C stops")
    mkdocs_adapter.serve(folder, dev_addr, open_browser,
                         report=lambda text: say(f"pmdocs serve: {text}", err=True))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--language", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of the starter's labels and text.")
def new(directory: str, language: str) -> None:
    """Create a starter project in DIRECTORY that passes `pmdocs check`."""
    from .starter import StarterError, write_starter
    try:
        written = write_starter(Path(directory), language)
    except StarterError as error:
        say(f"pmdocs new: {error}", err=True)
        sys.exit(EXIT_ERRORS)
    for path in written:
        say(f"created {path}")
    say(f"next: pmdocs check {directory}")


@main.command()
@click.option("--kind", type=click.Choice(["spec", "project"]), default="spec", show_default=True,
              help="spec: any spec file; project: pmdocs.yml.")
@click.option("--write", "project", metavar="PROJECT", type=click.Path(file_okay=False),
              help="Instead of printing one schema, write both into PROJECT/schema/, as "
              "`pmdocs new` does (after upgrading pmdocs).")
def schema(kind: str, project: str | None) -> None:
    """Print the JSON Schema of spec files (for editors' YAML language server), or with
    --write refresh a project's copies of both schemas."""
    from .model.schema import schema_text
    if project is None:
        click.echo(schema_text(kind), nl=False)
        return
    context = click.get_current_context()
    if context.get_parameter_source("kind") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError("--kind cannot be combined with --write, which writes both schemas")
    from .starter import StarterError, write_schemas
    try:
        written = write_schemas(Path(project))
    except StarterError as error:
        say(f"pmdocs schema: {error}", err=True)
        sys.exit(EXIT_ERRORS)
    for path in written:
        say(f"wrote {path}")


DIFF_STYLES: dict[str, dict[str, Any]] = {
    "heading": {"bold": True}, "added": {"fg": "green"}, "removed": {"fg": "red"},
    "changed": {"fg": "yellow"}, "": {}}
"""How `pmdocs diff` colours its lines on a terminal (click leaves colour out elsewhere)."""


@main.command()
@click.argument("arguments", nargs=-1, metavar="[BASE] [HEAD] [PROJECT]")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]),
              default="text", show_default=True,
              help="text for a terminal, markdown for a pull request's comment, json for tools.")
@click.option("--fail-on", type=click.Choice(["new-errors", "any"]),
              help="Exit 1 when the later revision brings a new error (new-errors), or when "
              "anything differs at all (any).")
@click.option("--site-url", help="The URL the PRD site is hosted at: in markdown, item names "
              "link to their pages there.")
@click.option("--no-cache", is_flag=True, help="Use no cache on disk: parse and validate the "
              "files of both revisions afresh (a file the same in both, once).")
def diff(arguments: tuple[str, ...], output_format: str, fail_on: str | None,
         site_url: str | None, no_cache: bool) -> None:
    """Say what changed in the specs between two git revisions, in the product's words:
    items added, removed, renamed and changed field by field, and problems introduced and
    fixed.

    BASE and HEAD are git revisions: HEAD defaults to the working tree, BASE to where the
    current branch left the default branch (HEAD on the default branch). PROJECT (default
    `.`) is the folder holding pmdocs.yml; a last argument naming a folder is the PROJECT.
    Exit status: 0, or 1 under --fail-on; 2 when a revision or the project cannot be read.
    """
    from .diff import RevisionError, compare
    from .diff.arguments import choose
    from .pipeline import revision_reader
    try:
        chosen = choose(arguments)
        reader = revision_reader(chosen.repository, chosen.project,
                                 None if no_cache else spec_cache_dir())
        head, base = (reader.snapshot(revision) for revision in (chosen.head, chosen.base))
    except RevisionError as error:                                   # the working tree first
        say(f"pmdocs diff: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    changes = compare(base, head)
    _print_diff(changes, output_format, site_url)
    failed = changes.introduces_errors() if fail_on == "new-errors" else \
        (fail_on == "any" and not changes.empty)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


def _print_diff(changes: "ProjectChanges", output_format: str, site_url: str | None) -> None:
    from .diff.json_report import json_report
    from .diff.markdown import markdown_report
    from .diff.text import text_report
    if output_format == "json":
        click.echo(json_text(json_report(changes)))
    elif output_format == "markdown":
        for line in markdown_report(changes, site_url).splitlines():
            say(line)
    else:
        for line in text_report(changes):
            say(line.text, **DIFF_STYLES[line.style])


@main.command()
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=DEFAULT_LANGUAGE,
              show_default=True, help="The language of the titles and advice.")
@click.option("--advice", is_flag=True, help="Under each code, say how to fix what it finds.")
def codes(language: str, advice: bool) -> None:
    """List every check code with its default severity."""
    for code in CODES.values():
        say(f"{code.code}  {code.severity.label:<7}  {code.title_in(language)}")
        if advice:
            say(f"{'':16}{code.advice_in(language)}")


if __name__ == "__main__":  # pragma: no cover
    main()
