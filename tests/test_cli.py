"""The command line, as a user sees it: exact `(exit code, stdout, stderr)` of each command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmdocs import __version__
from pmdocs.cli import main
from pmdocs.issues import CODES

from .conftest import REPO

CLEAN_SPECS = """\
roles:
  - id: buyer
    name: 买家
pages:
  - id: home
    title: 首页
    entry: true
    terminal: true
features:
  - id: browse
    title: 浏览商品
    roles: [buyer]
    pages: [home]
"""

UNREACHABLE_PAGE = """\
  - id: lost
    title: 迷路
    terminal: true
"""
"""A second page (insert after `home`) that no entry page leads to: one warning."""

UNREACHABLE_LINE = ("specs.yml:9:9: warning PM311 page `lost` (迷路) cannot be reached from any "
                    "entry page (add a jump to it from a reachable page, mark it `entry: true`, "
                    "or remove it)")
UNKNOWN_KEY_LINE = ("specs.yml:3:5: error PM201 role `buyer`: unknown key `nmae` "
                    "(did you mean `name`?)")


def run(*args: str) -> tuple[int, str, str]:
    """Run `pmdocs ARGS` in-process: exit code, stdout, stderr."""
    result = CliRunner().invoke(main, list(args), prog_name="pmdocs")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def make_project(folder: Path, specs: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "pmdocs.yml").write_text("name: Demo\nlanguage: en\n", encoding="utf-8")
    (folder / "specs.yml").write_text(specs, encoding="utf-8")
    return folder


def with_unreachable_page(specs: str) -> str:
    return specs.replace("features:\n", UNREACHABLE_PAGE + "features:\n").replace(
        "pages: [home]", "pages: [home, lost]")


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path, CLEAN_SPECS)


@pytest.fixture
def warning_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path, with_unreachable_page(CLEAN_SPECS))


@pytest.fixture
def error_and_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    specs = with_unreachable_page(CLEAN_SPECS).replace("    name: 买家\n",
                                                       "    nmae: 买家\n    name: 买家\n", 1)
    return make_project(tmp_path, specs)


# ------------------------------------------------------------------------- check

def test_check_a_clean_project(clean: Path) -> None:
    assert run("check", ".") == (0, "no problems in 2 files\n", "")


def test_check_defaults_to_the_current_folder(clean: Path) -> None:
    assert run("check") == (0, "no problems in 2 files\n", "")


def test_check_a_project_by_its_path(clean: Path) -> None:
    assert run("check", str(clean)) == (0, "no problems in 2 files\n", "")


def test_check_with_errors_fails(error_and_warning: Path) -> None:
    unreachable = UNREACHABLE_LINE.replace("specs.yml:9:", "specs.yml:10:")
    assert run("check", ".") == (
        1, f"{UNKNOWN_KEY_LINE}\n{unreachable}\n1 error, 1 warning in 2 files\n", "")


def test_check_with_only_warnings_passes(warning_only: Path) -> None:
    assert run("check", ".") == (0, f"{UNREACHABLE_LINE}\n1 warning in 2 files\n", "")


def test_check_strict_with_only_warnings_exits_2(warning_only: Path) -> None:
    assert run("check", "--strict", ".") == (2, f"{UNREACHABLE_LINE}\n1 warning in 2 files\n", "")


def test_check_strict_with_errors_still_exits_1(error_and_warning: Path) -> None:
    assert run("check", "--strict", ".")[0] == 1


def test_check_json_output(error_and_warning: Path) -> None:
    code, stdout, stderr = run("check", "--format", "json", ".")
    assert (code, stderr) == (1, "")
    assert json.loads(stdout) == {
        "issues": [
            {"file": "specs.yml", "line": 3, "col": 5, "severity": "error", "code": "PM201",
             "message": "role `buyer`: unknown key `nmae`", "hint": "did you mean `name`?",
             "related": [], "subject": None},
            {"file": "specs.yml", "line": 10, "col": 9, "severity": "warning", "code": "PM311",
             "message": "page `lost` (迷路) cannot be reached from any entry page",
             "hint": "add a jump to it from a reachable page, mark it `entry: true`, or remove it",
             "related": [], "subject": {"kind": "pages", "id": "lost"}},
        ],
        "summary": {"errors": 1, "warnings": 1, "notes": 0, "files": 2},
    }


def test_check_json_output_keeps_chinese_readable(warning_only: Path) -> None:
    assert "迷路" in run("check", "--format", "json", ".")[1]


def test_check_json_output_lists_related_places(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(make_project(tmp_path, "roles:\n  - id: buyer\n    name: 买家\n    name: 卖家\n"))
    issue = json.loads(run("check", "--format", "json", ".")[1])["issues"][0]
    assert (issue["code"], issue["related"]) == ("PM103", [{"file": "specs.yml", "line": 3, "col": 5}])


def test_check_json_output_of_a_clean_project(clean: Path) -> None:
    code, stdout, stderr = run("check", "--format", "json", ".")
    assert (code, json.loads(stdout), stderr) == (
        0, {"issues": [], "summary": {"errors": 0, "warnings": 0, "notes": 0, "files": 2}}, "")


def test_check_github_output(error_and_warning: Path) -> None:
    assert run("check", "--format", "github", ".") == (1, (
        "::error file=specs.yml,line=3,col=5,title=PM201::role `buyer`: unknown key `nmae` "
        "(did you mean `name`?)\n"
        "::warning file=specs.yml,line=10,col=9,title=PM311::page `lost` (迷路) cannot be reached "
        "from any entry page (add a jump to it from a reachable page, mark it `entry: true`, "
        "or remove it)\n"
        "1 error, 1 warning in 2 files\n"), "")


def test_check_github_output_of_a_file_without_a_line(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(make_project(tmp_path, CLEAN_SPECS))
    (tmp_path / "loop.yml").symlink_to("loop.yml")
    assert run("check", "--format", "github", ".") == (1, (
        "::error file=loop.yml,title=PM108::cannot read spec file: symbolic link loop "
        "(the link leads back to itself)\n"
        "1 error in 3 files\n"), "")


def test_check_a_missing_project_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("check", "nowhere") == (1, (
        "nowhere: error PM100 项目文件夹 `nowhere` 不存在或不是文件夹 "
        "(请传入包含 pmdocs.yml 的文件夹)\n"
        "1 个错误（共 0 个文件）\n"), ""), "no project says otherwise: the default language"
    assert run("check", "nowhere", "--lang", "en") == (1, (
        "nowhere: error PM100 project folder `nowhere` does not exist or is not a folder "
        "(pass the folder that holds pmdocs.yml)\n"
        "1 error in 0 files\n"), "")


def test_check_a_folder_without_pmdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "specs.yml").write_text(CLEAN_SPECS, encoding="utf-8")
    assert run("check", ".", "--lang", "en") == (1, (
        ".: error PM100 no pmdocs.yml in `.` "
        "(create one with `pmdocs new`, or pass the folder that holds it)\n"
        "1 error in 0 files\n"), "")


def test_check_a_file_instead_of_a_folder_is_a_usage_error(clean: Path) -> None:
    assert run("check", "specs.yml") == (2, "", (
        "Usage: pmdocs check [OPTIONS] [PROJECT]\n"
        "Try 'pmdocs check --help' for help.\n"
        "\n"
        "Error: Invalid value for '[PROJECT]': Directory 'specs.yml' is a file.\n"))


# ----------------------------------------------------------------- schema, codes

def test_schema_is_json_whose_pages_forbid_unknown_keys() -> None:
    code, stdout, stderr = run("schema")
    assert (code, stderr) == (0, "")
    schema = json.loads(stdout)
    page_ref = schema["properties"]["pages"]["items"]["$ref"]
    page = schema["$defs"][page_ref.rsplit("/", 1)[-1]]
    assert page["additionalProperties"] is False
    assert {"id", "title", "elements", "states"} <= set(page["properties"])


def test_schema_of_a_spec_file_has_no_settings() -> None:
    schema = json.loads(run("schema")[1])
    assert "name" not in schema["properties"] and "required" not in schema


def test_schema_of_the_project_file_requires_a_name() -> None:
    code, stdout, stderr = run("schema", "--kind", "project")
    assert (code, stderr) == (0, "")
    schema = json.loads(stdout)
    assert schema["required"] == ["name"]
    assert {"name", "language", "check", "pages"} <= set(schema["properties"])


def test_schema_prints_the_file_pmdocs_writes() -> None:
    from pmdocs.model.schema import schema_text
    assert run("schema") == (0, schema_text("spec"), "")
    assert run("schema", "--kind", "project") == (0, schema_text("project"), "")


def test_schema_write_refreshes_a_projects_copies(tmp_path: Path) -> None:
    project = make_project(tmp_path / "shop", CLEAN_SPECS)
    (project / "schema").mkdir()
    (project / "schema" / "spec.schema.json").write_text("{}\n", encoding="utf-8")   # stale
    spec, settings = project / "schema" / "spec.schema.json", project / "schema" / "project.schema.json"
    assert run("schema", "--write", str(project)) == (0, f"wrote {spec}\nwrote {settings}\n", "")
    assert spec.read_text(encoding="utf-8") == run("schema")[1]
    assert settings.read_text(encoding="utf-8") == run("schema", "--kind", "project")[1]
    assert sorted(path.name for path in (project / "schema").iterdir()) == [
        "project.schema.json", "spec.schema.json"]


def test_schema_write_refuses_a_folder_without_pmdocs_yml(tmp_path: Path) -> None:
    assert run("schema", "--write", str(tmp_path)) == (1, "", (
        f"pmdocs schema: no pmdocs.yml in `{tmp_path}`; pass the folder that holds it, or "
        "create a project with `pmdocs new`\n"))
    assert list(tmp_path.iterdir()) == []


def test_schema_write_refuses_a_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert run("schema", "--write", str(missing)) == (1, "", (
        f"pmdocs schema: project folder `{missing}` does not exist or is not a folder; "
        "pass the folder that holds pmdocs.yml\n"))
    assert not missing.exists()


def test_schema_write_never_writes_through_a_link_that_leaves_the_project(tmp_path: Path) -> None:
    project = make_project(tmp_path / "shop", CLEAN_SPECS)
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "schema").symlink_to(outside, target_is_directory=True)
    assert run("schema", "--write", str(project)) == (1, "", (
        f"pmdocs schema: `{project}/schema/spec.schema.json` is a symbolic link that leads "
        "outside the project; nothing written (remove the link first)\n"))
    assert list(outside.iterdir()) == []


def test_schema_write_reports_a_folder_it_cannot_write(tmp_path: Path) -> None:
    project = make_project(tmp_path / "shop", CLEAN_SPECS)
    (project / "schema").write_text("not a folder", encoding="utf-8")
    assert run("schema", "--write", str(project)) == (1, "", (
        f"pmdocs schema: cannot write `{project}/schema`: File exists\n"))


def test_schema_write_takes_no_kind(clean: Path) -> None:
    assert run("schema", "--write", ".", "--kind", "spec") == (2, "", (
        "Usage: pmdocs schema [OPTIONS]\n"
        "Try 'pmdocs schema --help' for help.\n"
        "\n"
        "Error: --kind cannot be combined with --write, which writes both schemas\n"))
    assert not (clean / "schema").exists()


def test_codes_lists_every_code_once() -> None:
    code, stdout, stderr = run("codes")
    assert (code, stderr) == (0, "")
    listed = [line.split()[0] for line in stdout.splitlines()]
    assert listed == list(CODES)


def test_codes_shows_severity_and_title() -> None:
    assert run("codes")[1].splitlines()[0] == (
        "PM100  error    The project folder or its pmdocs.yml is missing")


def test_codes_in_chinese_with_advice() -> None:
    assert run("codes", "--lang", "zh", "--advice")[1].splitlines()[:2] == [
        "PM100  error    找不到项目文件夹或其中的 pmdocs.yml",
        "                在包含 pmdocs.yml 的文件夹中运行 pmdocs，或用 `pmdocs new` 创建项目。"]


# ------------------------------------------------------------------ language

def test_check_speaks_the_projects_language_unless_told_otherwise(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample is Chinese: its problems print in Chinese; `--lang en` prints them in
    English, words and summary, with the same positions, severities and codes."""
    project = tmp_path / "sample"
    shutil.copytree(REPO / "sample_project", project)
    spec = project / "pages" / "trade.yml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "    title: 购物车\n", "    title: 购物车\n    titel: 购物车\n", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    chinese = run("check", "sample")
    english = run("check", "sample", "--lang", "en")
    assert chinese[0] == english[0] == 1
    assert chinese[1].splitlines()[0] == (
        "sample/pages/trade.yml:6:5: error PM201 页面 `cart`：未知的键 `titel` (是不是 `title`？)")
    assert english[1].splitlines()[0] == (
        "sample/pages/trade.yml:6:5: error PM201 page `cart`: unknown key `titel` "
        "(did you mean `title`?)")
    assert chinese[1].splitlines()[-1].startswith("1 个错误")
    assert english[1].splitlines()[-1].startswith("1 error")
    for word in ("：", "个", "无法", "没有", "建议"):     # pmdocs' Chinese words; spec titles stay
        assert word not in english[1], word


# ----------------------------------------------------------------------- new

def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert run("new", str(tmp_path)) == (
        1, "", f"pmdocs new: `{tmp_path}` exists and is not an empty folder; choose a new one\n")
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


# ------------------------------------------------------------------- version

def test_python_dash_m_pmdocs_version() -> None:
    result = subprocess.run([sys.executable, "-m", "pmdocs", "--version"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, f"pmdocs, version {__version__}\n", "")
