"""The command line: `pmdocs check | new | schema | codes`. The only module that prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .check import check_project
from .issues import CODES, Issue, Severity, summarize
from .model.schema import json_schema
from .starter import StarterError, write_starter

EXIT_OK, EXIT_ERRORS, EXIT_WARNINGS = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pmdocs")
def main() -> None:
    """pmdocs: PRDs and prototypes as YAML in git, checked and compiled into a site."""


@main.command()
@click.argument("project", default=".", type=click.Path(file_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True, help="How to print the problems.")
@click.option("--strict", is_flag=True, help="Fail (exit 2) on warnings too.")
def check(project: str, output_format: str, strict: bool) -> None:
    """Check the specs in PROJECT and report every problem at file:line:col.

    Exit status: 0 no errors, 1 errors, 2 warnings under --strict.
    """
    _, issues, file_count = check_project(project)
    if output_format == "json":
        click.echo(json.dumps(_as_json(issues, file_count), ensure_ascii=False, indent=2))
    else:
        render = _github_line if output_format == "github" else _text_line
        for issue in issues:
            click.echo(render(issue))
        click.echo(summarize(issues, file_count))
    sys.exit(exit_status(issues, strict))


def exit_status(issues: list[Issue], strict: bool) -> int:
    severities = {issue.severity for issue in issues}
    if Severity.ERROR in severities:
        return EXIT_ERRORS
    if strict and Severity.WARNING in severities:
        return EXIT_WARNINGS
    return EXIT_OK


def _text_line(issue: Issue) -> str:
    hint = f" ({issue.hint})" if issue.hint else ""
    return f"{issue.location}: {issue.severity.label} {issue.code} {issue.message}{hint}"


def _github_line(issue: Issue) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    location = issue.location
    place = f"file={_github_escape(location.file, True)}"
    if location.line > 0:
        place += f",line={location.line},col={location.col}"
    message = issue.message + (f" ({issue.hint})" if issue.hint else "")
    return f"::{level[issue.severity]} {place},title={issue.code}::{_github_escape(message, False)}"


def _github_escape(text: str, is_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def _as_json(issues: list[Issue], file_count: int) -> dict:
    counts = {severity.label: 0 for severity in Severity}
    for issue in issues:
        counts[issue.severity.label] += 1
    return {
        "issues": [{
            "file": issue.location.file, "line": issue.location.line, "col": issue.location.col,
            "severity": issue.severity.label, "code": issue.code, "message": issue.message,
            "hint": issue.hint,
            "related": [{"file": place.file, "line": place.line, "col": place.col}
                        for place in issue.related],
        } for issue in issues],
        "summary": {"errors": counts["error"], "warnings": counts["warning"],
                    "notes": counts["info"], "files": file_count},
    }


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--language", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of the starter's labels and text.")
def new(directory: str, language: str) -> None:
    """Create a starter project in DIRECTORY that passes `pmdocs check`."""
    try:
        written = write_starter(Path(directory), language)
    except StarterError as error:
        click.echo(f"pmdocs new: {error}", err=True)
        sys.exit(EXIT_ERRORS)
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"next: pmdocs check {directory}")


@main.command()
@click.option("--kind", type=click.Choice(["spec", "project"]), default="spec", show_default=True,
              help="spec: any spec file; project: pmdocs.yml.")
def schema(kind: str) -> None:
    """Print the JSON Schema of spec files (for editors' YAML language server)."""
    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True))


@main.command()
def codes() -> None:
    """List every check code with its default severity."""
    for code in CODES.values():
        click.echo(f"{code.code}  {code.severity.label:<7}  {code.title}")


if __name__ == "__main__":  # pragma: no cover
    main()
