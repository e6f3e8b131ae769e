"""Spec text cannot steer pmdocs' output: whatever a spec holds (line breaks, escape
sequences, `::error …::` workflow commands, `##[…]`), every line that any command prints
starts with pmdocs' own text, and no control character reaches the terminal or the CI log.

The spec is the case folder `PM301_spec_text_stays_on_its_line` (its `expected.txt` is the
exact text output); here it goes through every format and every front end.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pmdocs.cli import main
from pmdocs.printable import CONTROLS, json_text, one_line, path_at_line_start

from .conftest import CASES
from .test_cases import copy_case
from .test_serve import PMDOCS, free_port

CASE = CASES / "PM301_spec_text_stays_on_its_line"
INJECTED = "\n::error title=injected::pwned\n"

PATH = r"((/\S+/)?specs\.yml|(/\S+/|\./)::error title=injected::pwned\.yml)"
ISSUE = PATH + r"(:\d+:\d+)?: (error|warning|info) PM\d{3} .+"
SUMMARY = r"(\d+ (errors?|warnings?|notes?)(, |(?= in)))+ in \d+ files?"
GITHUB = r"::(error|warning|notice) file=[^:,]+(,line=\d+,col=\d+)?,title=PM\d{3}::.+"
JSON = r' *([\[\]{}],?|"[a-z]+": .+)'
NOT_BUILT = "pmdocs: not built: fix the problems above first"


def assert_own_lines(output: str, *shapes: str) -> None:
    """Every line of `output` (split at every kind of line break) has one of `shapes`, and
    nothing in it is a control character or a runner command."""
    assert not set(output) & (set(CONTROLS) - {"\n"}), repr(output)
    assert "##[" not in output
    for line in output.splitlines():
        assert any(re.fullmatch(shape, line) for shape in shapes), line


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="pmdocs")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def injected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's project, made the working directory."""
    project = copy_case(CASE, tmp_path)
    monkeypatch.chdir(project)
    return project


def expected_report() -> str:
    """The case's golden `pmdocs check` output, without its `# exit` line."""
    return (CASE / "expected.txt").read_text(encoding="utf-8").rsplit("# exit", 1)[0]


# ------------------------------------------------------------------------------- check

def test_check_text_output_is_pmdocs_lines_only(injected: Path) -> None:
    code, stdout, stderr = run("check", ".")
    assert (code, stdout, stderr) == (1, expected_report(), "")
    assert_own_lines(stdout, ISSUE, SUMMARY)


def test_check_github_output_is_workflow_commands_of_pmdocs_only(injected: Path) -> None:
    code, stdout, stderr = run("check", "--format", "github", ".")
    assert (code, stdout, stderr) == (1, (
        "::error file=%3A%3Aerror title=injected%3A%3Apwned.yml,line=1,col=8,title=PM203::"
        "section `rules` must be a list of items (write each item as `- id: …` under `rules:`)\n"
        "::error file=specs.yml,line=6,col=5,title=PM201::role `buyer`: unknown key "
        "`nmae\\n::error title=injected::pwned\\n` (allowed keys: description, id, kind, name)\n"
        "::warning file=specs.yml,line=8,col=9,title=PM381::page `home` "
        "(首页\\u2028::error title=injected::pwned\\x85::warning::pwned) is covered by no feature "
        "(list it under a feature's `pages:` (or drop it if nobody needs it))\n"
        "::warning file=specs.yml,line=17,col=11,title=PM314::page `home` › element `go`: on tap, "
        "the conditions (未登录\\r::error title=injected::pwned / 已登录\\x1b[2J\\x1b]0;pwned\\x07) "
        "say nothing of what happens otherwise (add a last jump without `when` as the default, "
        "e.g. `- {to: …}` (or `- {effect: 无反应}` to stay on the page))\n"
        "::error file=specs.yml,line=17,col=18,title=PM301::page `home` › element `go` › on tap: "
        "unknown page `cart\\n::error title=injected::pwned\\n` (known pages: back, close, home)\n"
        "::notice file=specs.yml,line=25,col=22,title=PM338::rule `join`: could not analyse: "
        "free-text condition `正常\\n::error title=injected::pwned\\n` in row 1 (and 1 more) "
        "(input `risk` is free text; make it an `enum` with `values:`, or an `integer`, so the "
        "table can be checked for gaps and overlaps)\n"
        "::error file=specs.yml,line=32,col=20,title=PM301::feature `shop`: unknown role "
        "`#\\#[error]pwned` (known roles: buyer)\n"
        "4 errors, 2 warnings, 1 note in 3 files\n"), "")
    assert_own_lines(stdout, GITHUB, SUMMARY)


def test_check_json_output_keeps_the_spec_text_exactly_but_escaped(injected: Path) -> None:
    code, stdout, stderr = run("check", "--format", "json", ".")
    assert (code, stderr) == (1, "")
    assert_own_lines(stdout, JSON)
    issues = json.loads(stdout)["issues"]
    assert [(issue["file"], issue["line"], issue["code"]) for issue in issues] == [
        ("::error title=injected::pwned.yml", 1, "PM203"), ("specs.yml", 6, "PM201"),
        ("specs.yml", 8, "PM381"), ("specs.yml", 17, "PM314"), ("specs.yml", 17, "PM301"),
        ("specs.yml", 25, "PM338"), ("specs.yml", 32, "PM301")]
    assert [issue["message"] for issue in issues[1:3]] == [
        f"role `buyer`: unknown key `nmae{INJECTED}`",
        "page `home` (首页\u2028::error title=injected::pwned\x85::warning::pwned) is covered by "
        "no feature"]
    assert issues[3]["message"].startswith("page `home` › element `go`: on tap, the conditions "
                                           "(未登录\r::error title=injected::pwned / 已登录\x1b[2J")
    assert issues[6]["message"] == "feature `shop`: unknown role `##[error]pwned`"


# --------------------------------------------------------------------- build, export

@pytest.mark.parametrize("command", [["build", "."], ["export", ".", "-o", "out"]])
def test_build_and_export_report_in_pmdocs_lines_only(command: list[str], injected: Path) -> None:
    assert run(*command) == (1, expected_report(), NOT_BUILT + "\n")
    assert not (injected / "site").exists() and not (injected / "out").exists()


WARNINGS_ONLY = f"""\
pages:
  - id: home
    title: "首页{INJECTED.encode("unicode_escape").decode()}\\x1b[2J"
    entry: true
    terminal: true
features:
  - id: shop
    title: "购物\\r::error title=injected::pwned"
"""


def test_a_build_with_warnings_reports_and_names_its_folder_in_pmdocs_lines_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's folder is spec text too (pmdocs.yml's `output`)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pmdocs.yml").write_text(
        'name: Demo\noutput: "public\\n::error title=injected::pwned"\n', encoding="utf-8")
    (tmp_path / "specs.yml").write_text(WARNINGS_ONLY, encoding="utf-8")
    code, stdout, stderr = run("build", ".", "--cache-dir", str(tmp_path / "cache"))
    assert (code, stderr) == (0, "")
    folder = r"public\\n::error title=injected::pwned"
    built = rf"built \d+ pages into {folder} in .+; open {folder}/index\.html"
    assert_own_lines(stdout, ISSUE, SUMMARY, built)
    assert stdout.splitlines()[:3] == [
        r"specs.yml:2:9: warning PM381 page `home` (首页\n::error title=injected::pwned\n\x1b[2J) "
        r"is covered by no feature (list it under a feature's `pages:` (or drop it if nobody needs it))",
        r"specs.yml:7:9: warning PM380 feature `shop` (购物\r::error title=injected::pwned) links to "
        r"no page, rule, flow or object (list what it touches under `pages:`, `rules:`, `flows:` "
        r"or `objects:`)",
        "2 warnings in 2 files"]
    assert (tmp_path / "public\n::error title=injected::pwned" / "index.html").is_file()


# ---------------------------------------------------------- the mkdocs front ends

def test_the_mkdocs_plugin_logs_pmdocs_lines_only(injected: Path) -> None:
    site = injected.parent / "mkdocs_site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(
        f"site_name: x\nplugins:\n  - pmdocs:\n      project: {injected}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=site,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert_own_lines(result.stdout + result.stderr, "", "Aborted with a BuildError!",
                     "WARNING -  " + ISSUE, "INFO    -  " + ISSUE,
                     r"ERROR +-  pmdocs: the specs in \S+ have errors:", ISSUE)
    assert result.stderr.count(" error PM") == 4 and result.stderr.count(" warning PM") == 2


def test_serve_refuses_specs_with_errors_in_pmdocs_lines_only(injected: Path) -> None:
    result = subprocess.run([str(PMDOCS), "serve", ".", "-a", f"127.0.0.1:{free_port()}"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert_own_lines(result.stdout + result.stderr, "", "Aborted with a BuildError!", ISSUE,
                     r"pmdocs: the specs in \S+ have errors:",
                     r"pmdocs serve: building the site \.\.\.")
    assert result.stderr.count(" error PM") == 4 and result.stderr.count(" warning PM") == 2


# ------------------------------------------------------------------ the functions

def test_one_line_shows_each_control_character_as_an_escape() -> None:
    assert one_line(f"a{INJECTED}b\r\t\x00\x1b[2J\x7f\x85\u2028\u2029\u202e") == (
        r"a\n::error title=injected::pwned\nb\r\t\x00\x1b[2J\x7f\x85\u2028\u2029\u202e")


def test_one_line_breaks_the_runner_commands_that_work_in_mid_line() -> None:
    assert one_line("x ##[error]a ##vso[task.setvariable]b ##teamcity[c] ###[d]") == (
        r"x #\#[error]a #\#vso[task.setvariable]b #\#teamcity[c] ##\#[d]")


def test_one_line_keeps_ordinary_text() -> None:
    text = "购物车 › `cart` (did you mean `crat`?) 100% ## [x] #1 \u200b 👍🏽"
    assert one_line(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_one_line_is_one_line_with_no_control_character_and_no_runner_command(text: str) -> None:
    line = one_line(text)
    assert len(line.splitlines()) <= 1
    assert not set(line) & set(CONTROLS)
    assert not re.search(r"##[A-Za-z]*\[", line)
    assert one_line(line) == line


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(), inner, max_size=3), max_leaves=8))
def test_json_text_decodes_to_the_same_value_and_holds_only_safe_lines(value: object) -> None:
    text = json_text(value)
    assert json.loads(text) == value
    assert not set(text) & (set(CONTROLS) - {"\n"})
    assert not re.search(r"##[A-Za-z]*\[", text)


@pytest.mark.parametrize("path, shown", [
    ("specs.yml", "specs.yml"), ("产品/页面.yml", "产品/页面.yml"), ("9.yml", "9.yml"),
    ("_drafts/a.yml", "_drafts/a.yml"), (".hidden/a.yml", ".hidden/a.yml"), ("/a.yml", "/a.yml"),
    ("::error::x.yml", "./::error::x.yml"), (" ::error::x.yml", "./ ::error::x.yml"),
    ("-x.yml", "./-x.yml"),
])
def test_a_path_that_could_read_as_a_command_starts_with_dot_slash(path: str, shown: str) -> None:
    assert path_at_line_start(path) == shown
