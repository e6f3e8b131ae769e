"""The built site on disk (pmdocs.site and its front ends): every diagram node of an item
links to that item's page, two builds are byte-identical, output is atomic, dangerous output
folders are refused, `pmdocs export` builds with plain mkdocs, and `mkdocs build` at the
repository root builds the sample through the plugin.
"""

from __future__ import annotations

import difflib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

import pmdocs.layout
import pmdocs.mkdocs_adapter
import pmdocs.site
from pmdocs.cli import main
from tests.browser import REPO, SAMPLE, BuiltSite, build, sample_site  # noqa: F401

MKDOCS = Path(sys.executable).parent / "mkdocs"
SUBPROCESS_TIMEOUT = 180
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
DIAGRAM = re.compile(r'<div class="pmdocs-diagram" data-pmdocs-diagram="([^"]+)"[^>]*>(<svg\b.*?</svg>)',
                     re.DOTALL)
ITEM_PAGES = {"pages": "pages/{}.html", "features": "features/{}.html", "roles": "roles/{}.html",
              "lanes": "roles/{}.html", "objects": "objects/{}.html", "rules": "rules/{}.html",
              "flows": "flows/{}.html", "modules": "pagemap/{}.html", "product": "index.html"}
"""Kinds of diagram nodes that stand for an item, and the page each must link to."""
NOT_ITEMS = {"steps", "stages", "states", "markers", "sources", "menus", "grid"}
"""Kinds of diagram nodes that have no page of their own (a flow's steps, lifecycle states,
the hidden points of a swimlane's grid …)."""


def run(*args: str, **settings) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT,
                          **settings)


def cli(*args: str):
    """`pmdocs …` in this process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(main, list(args))


# ------------------------------------------------------------------ links in diagrams

def diagrams_in(html_file: Path) -> list[tuple[str, ElementTree.Element]]:
    """The inline diagrams of a built page, parsed as XML."""
    text = html_file.read_text(encoding="utf-8")
    found = []
    for diagram_id, svg in DIAGRAM.findall(text):
        try:
            found.append((diagram_id, ElementTree.fromstring(svg)))
        except ElementTree.ParseError as error:
            pytest.fail(f"{html_file}: diagram {diagram_id} is not well-formed SVG: {error}")
    return found


def anchors_of(html_file: Path, cache: dict[Path, set[str]]) -> set[str]:
    if html_file not in cache:
        cache[html_file] = set(re.findall(r'\sid="([^"]+)"', html_file.read_text(encoding="utf-8")))
    return cache[html_file]


def diagram_link_problems(site: Path, prd: Path) -> tuple[list[str], int, int]:
    """Every link of every inline diagram under `site` (the PRD at `prd`): problems found,
    the number of links and of item nodes checked."""
    problems: list[str] = []
    links = items = 0
    anchors: dict[Path, set[str]] = {}
    for page in sorted(prd.rglob("*.html")):
        where = page.relative_to(site).as_posix()
        for diagram_id, svg in diagrams_in(page):
            for link in svg.iter(f"{SVG}a"):
                href, xlink = link.get("href"), link.get(XLINK_HREF)
                if href is None and xlink is None:
                    continue            # an edge's tooltip
                links += 1
                problems += _link_problems(site, page, where, diagram_id, href, xlink, anchors)
            for node in svg.iter(f"{SVG}g"):
                if not (node.get("class") or "").split()[:1] == ["node"]:
                    continue
                kind, _, item_id = node.get("id", "")[len(diagram_id) + 1:].partition(".")
                if kind in NOT_ITEMS:
                    continue
                if kind not in ITEM_PAGES:
                    problems.append(f"{where}: diagram {diagram_id} has nodes of the kind `{kind}`; "
                                    "add it to ITEM_PAGES or NOT_ITEMS in this test")
                    continue
                items += 1
                targets = [link.get("href") for link in node.iter(f"{SVG}a") if link.get("href")]
                expected = prd / ITEM_PAGES[kind].format(item_id)
                if not targets:
                    problems.append(f"{where}: node {node.get('id')} has no link")
                elif _resolve(page, targets[0]) != expected.resolve():
                    problems.append(f"{where}: node {node.get('id')} links to {targets[0]}, "
                                    f"not to {expected.relative_to(site)}")
    return problems, links, items


def _link_problems(site: Path, page: Path, where: str, diagram_id: str, href: str | None,
                   xlink: str | None, anchors: dict[Path, set[str]]) -> list[str]:
    context = f"{where}: diagram {diagram_id}: link {href or xlink!r}"
    if href is None or xlink != href:
        return [f"{context}: href and xlink:href differ ({href!r}, {xlink!r})"]
    parts = urlsplit(href)
    if href.startswith("pmdocs:") or parts.scheme or parts.netloc or href.startswith("/"):
        return [f"{context}: not a link relative to the page"]
    target = _resolve(page, href)
    if site.resolve() not in target.parents:
        return [f"{context}: leads out of the site"]
    if not target.is_file():
        return [f"{context}: {target.relative_to(site.resolve())} does not exist"]
    if parts.fragment and unquote(parts.fragment) not in anchors_of(target, anchors):
        return [f"{context}: no id `{parts.fragment}` in {target.relative_to(site.resolve())}"]
    return []


def _resolve(page: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    return (page.parent / path).resolve() if path else page.resolve()


def assert_diagram_links_resolve(site: Path, prd: Path, minimum_items: int) -> None:
    problems, links, items = diagram_link_problems(site, prd)
    assert not problems, f"{len(problems)} diagram link problems:\n" + "\n".join(problems[:40])
    assert items >= minimum_items and links >= items, (links, items)
    leftovers = [path.relative_to(site).as_posix() for path in site.rglob("*.html")
                 if "pmdocs:" in path.read_text(encoding="utf-8")]
    assert not leftovers, f"unresolved `pmdocs:` links in {leftovers}"


def test_every_diagram_node_links_to_its_items_page(sample_site: BuiltSite) -> None:
    assert_diagram_links_resolve(sample_site.folder, sample_site.folder, minimum_items=100)
    for page in ("pagemap/index.html", "pagemap/campaign.html", "flows/order_flow.html",
                 "usecases.html", "structure.html", "objects/index.html", "pages/cart.html"):
        assert diagrams_in(sample_site.folder / page), f"{page} shows no diagram"


def test_the_search_index_holds_no_diagram_and_no_overview_that_repeats_item_pages(
        sample_site: BuiltSite) -> None:
    """Diagrams go in after search has indexed the page, and the copy, structure and trace
    overviews (every word of them is on an item page) are left out: see benchmarks/README.md."""
    index = json.loads((sample_site.folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert {"pages/cart.html", "features/index.html", "copy.html"} - locations == {"copy.html"}
    assert not locations & {"structure.html", "trace.html"}
    assert not [entry["location"] for entry in index["docs"] if "<svg" in entry["text"]
                or "pmdocs-diagram" in entry["text"]]


# ---------------------------------------------------------------------- reproducibility

def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) by relative path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(first: dict[str, bytes], second: dict[str, bytes], limit: int = 5) -> str:
    """The files that differ, each with a diff excerpt."""
    report = []
    for name in sorted(first.keys() ^ second.keys()):
        report.append(f"only in {'the first' if name in first else 'the second'}: {name}")
    for name in sorted(first.keys() & second.keys()):
        if first[name] == second[name]:
            continue
        try:
            diff = difflib.unified_diff(first[name].decode().splitlines(),
                                        second[name].decode().splitlines(), lineterm="", n=1)
            excerpt = "\n".join(line[:200] for line in list(diff)[2:14])
        except UnicodeDecodeError:
            excerpt = f"(binary: {len(first[name])} and {len(second[name])} bytes)"
        report.append(f"differs: {name}\n{excerpt}")
    shown = report[:limit] + ([f"… and {len(report) - limit} more"] if len(report) > limit else [])
    return "\n".join(shown)


def test_two_builds_of_the_same_specs_are_byte_identical(sample_site: BuiltSite,
                                                         tmp_path: Path) -> None:
    """The shared build had a cold diagram cache; this one takes a warm copy of it, and
    writes to another folder: not one byte may differ."""
    warm = tmp_path / "warm-cache"
    shutil.copytree(sample_site.cache, warm)
    build(SAMPLE, tmp_path / "second", warm)
    first, second = snapshot(sample_site.folder), snapshot(tmp_path / "second")
    assert len(first) > 100
    assert first == second, "two builds differ:\n" + differences(first, second)


# ---------------------------------------------------------------------------- atomicity

@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A small project (`pmdocs new`), its diagram cache, and its site built once."""
    folder = tmp_path_factory.mktemp("starter")
    project, cache = folder / "project", folder / "cache"
    result = cli("new", str(project), "--language", "en")
    assert result.exit_code == 0, result.stdout
    build(project, folder / "site", cache)
    return project, cache, folder / "site"


@pytest.fixture
def previous(starter: tuple[Path, Path, Path], tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the starter project and of its built site, in a fresh folder of their own."""
    project, cache, site = starter
    shutil.copytree(project, tmp_path / "project")
    shutil.copytree(site, tmp_path / "out" / "site")
    return tmp_path / "project", cache, tmp_path / "out" / "site"


def _mkdocs_fails_after_writing_the_site(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pmdocs.mkdocs_adapter.build

    def failing(*args, **kwargs) -> None:
        real(*args, **kwargs)
        raise pmdocs.site.OutputError("mkdocs could not build the site: simulated failure")
    monkeypatch.setattr(pmdocs.mkdocs_adapter, "build", failing)


def _mkdocs_crashes_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing(rendered, project: Path, site_dir: Path, **options) -> None:
        (site_dir / "index.html").write_text("<p>half a page", encoding="utf-8")
        (site_dir / "pages").mkdir()
        raise RuntimeError("simulated crash inside mkdocs")
    monkeypatch.setattr(pmdocs.mkdocs_adapter, "build", crashing)


def _a_page_fails_inside_mkdocs(monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs.commands.build

    real, built = mkdocs.commands.build._build_page, []

    def build_page(page, *args, **kwargs):
        built.append(page)
        if len(built) == 4:
            raise OSError("simulated: disk full while writing a page")
        return real(page, *args, **kwargs)
    monkeypatch.setattr(mkdocs.commands.build, "_build_page", build_page)


def _diagrams_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    def draw(self, diagrams):
        raise RuntimeError("simulated: Graphviz crashed")
    monkeypatch.setattr(pmdocs.layout.GraphvizLayout, "draw", draw)


def _specs_have_errors(project: Path) -> None:
    (project / "broken.yml").write_text("pages:\n  - id: Not A Slug\n", encoding="utf-8")


FAILURES = {
    "specs with errors": (None, "pmdocs: not built: fix the problems above first\n"),
    "mkdocs fails after writing": (_mkdocs_fails_after_writing_the_site,
                                   "pmdocs: mkdocs could not build the site: simulated failure\n"),
    "mkdocs crashes half way": (_mkdocs_crashes_half_way, RuntimeError),
    "a page fails inside mkdocs": (_a_page_fails_inside_mkdocs, OSError),
    "diagrams fail": (_diagrams_fail, RuntimeError),
}
"""How a build is made to fail, and the message on stderr or the exception it ends with."""


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_build_leaves_the_previous_site_untouched(
        failure: str, previous: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    project, cache, site = previous
    before, beside = snapshot(site), sorted(os.listdir(site.parent))
    make_it_fail, outcome = FAILURES[failure]
    if make_it_fail is None:
        _specs_have_errors(project)
    else:
        make_it_fail(monkeypatch)
        with (project / "pmdocs.yml").open("a", encoding="utf-8") as handle:
            handle.write("# edited: the site is not up to date\n")

    result = cli("build", str(project), "-o", str(site), "--cache-dir", str(cache))

    assert result.exit_code == 1, (result.output, result.exception)
    if isinstance(outcome, str):
        assert result.stderr == outcome
    else:
        assert isinstance(result.exception, outcome) and "simulated" in str(result.exception), \
            repr(result.exception)
    assert not any(line.startswith("built ") for line in result.stdout.splitlines())
    assert sorted(os.listdir(site.parent)) == beside, "a staging folder was left beside the site"
    after = snapshot(site)
    assert before == after, "the previous site changed:\n" + differences(before, after)


def test_a_good_build_replaces_the_site_and_leaves_nothing_beside_it(
        previous: tuple[Path, Path, Path]) -> None:
    project, cache, site = previous
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    page = project / "pages" / "app.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Home", "title: Start", 1),
                    encoding="utf-8")
    result = cli("build", str(project), "-o", str(site), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert os.listdir(site.parent) == ["site"]
    assert not (site / "stale.html").exists()
    assert (site / pmdocs.site.MARKER).is_file()
    assert "<h1" in (site / "pages" / "home.html").read_text(encoding="utf-8")
    assert ">Start<" in (site / "pages" / "home.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ refusals

WRITE, REPLACE = "pmdocs: refusing to write the site to `{}`: ", "pmdocs: refusing to replace `{}`: "
REFUSALS = {
    "the project folder": (lambda project, tmp: project, WRITE + "it holds the project's specs"),
    "a parent of the project": (lambda project, tmp: tmp, WRITE + "it holds the project's specs"),
    "the root folder": (lambda project, tmp: Path("/"), WRITE + "it is the root folder"),
    "the home folder": (lambda project, tmp: tmp / "home", WRITE + "it is your home folder"),
    "a file": (lambda project, tmp: tmp / "notes.txt", WRITE + "it is a file"),
    "a folder pmdocs did not write": (
        lambda project, tmp: tmp / "photos",
        REPLACE + "it is not empty and pmdocs did not write it (no .pmdocs-output file); "
                  "choose an empty or new folder"),
}
"""Output folders pmdocs must refuse, and the exact message on stderr."""

@pytest.mark.parametrize("command, target", [
    *[pytest.param("build", name, marks=[])
      for name in REFUSALS],
    pytest.param("export", "the project folder"),
    pytest.param("export", "a folder pmdocs did not write"),
])
def test_a_dangerous_output_folder_is_refused_before_anything_is_deleted(
        command: str, target: str, starter: tuple[Path, Path, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    project_source, cache, _ = starter
    project = tmp_path / "project"
    shutil.copytree(project_source, project)
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "settings").write_text("keep me", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8keep me")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))

    def never(output: Path):
        raise AssertionError(f"the output folder {output} was not refused")
    monkeypatch.setattr(pmdocs.site, "atomic_folder", never)   # nothing is written, whatever
    before = snapshot(tmp_path)
    output_of, message = REFUSALS[target]
    output = output_of(project, tmp_path)

    result = cli(command, str(project), "-o", str(output), "--cache-dir", str(cache))

    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message.format(output) + "\n")
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------- pmdocs.yml's `output`

OUTPUT_HINT = ("(pmdocs.yml may only name a folder inside the project, e.g. `output: site`; to "
               "build elsewhere, run `pmdocs build -o PATH`)")
OUTSIDE_OUTPUTS = {
    "../x": "`output: ../x` leads outside the project",
    "{tmp}/x": "`output: {tmp}/x` is an absolute path",
    "site/../../x": "`output: site/../../x` leads outside the project",
    "public": "`output: public` leads outside the project, through the symbolic link `public` "
              "(to `../elsewhere`)",
}
"""pmdocs.yml outputs a pull request must not aim `pmdocs build` at, and their messages
(`public` is a link to a folder beside the project)."""


def project_with_output(starter: tuple[Path, Path, Path], tmp_path: Path, output: str) -> Path:
    """A copy of the starter project whose pmdocs.yml ends with `output: <output>`."""
    project = tmp_path / "project"
    shutil.copytree(starter[0], project)
    settings = project / "pmdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"output: {output}\n",
                        encoding="utf-8")
    return project


@pytest.mark.parametrize("output", OUTSIDE_OUTPUTS)
def test_an_output_outside_the_project_in_pmdocs_yml_is_refused_and_nothing_is_written(
        output: str, starter: tuple[Path, Path, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    project = project_with_output(starter, tmp_path, output.format(tmp=tmp_path))
    (tmp_path / "elsewhere").mkdir()
    if output == "public":
        (project / "public").symlink_to("../elsewhere")

    def never(output: Path):
        raise AssertionError(f"the output folder {output} was not refused")
    monkeypatch.setattr(pmdocs.site, "atomic_folder", never)
    before = snapshot(tmp_path)

    result = cli("build", str(project), "--cache-dir", str(starter[1]))

    line = len((project / "pmdocs.yml").read_text(encoding="utf-8").splitlines())
    message = OUTSIDE_OUTPUTS[output].format(tmp=tmp_path)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, f"{project}/pmdocs.yml:{line}:9: error PM391 {message} {OUTPUT_HINT}\n"
           "1 error in 5 files\n", "pmdocs: not built: fix the problems above first\n")
    assert snapshot(tmp_path) == before


def test_an_output_inside_the_project_in_pmdocs_yml_is_built(
        starter: tuple[Path, Path, Path], tmp_path: Path) -> None:
    project = project_with_output(starter, tmp_path, "public")
    result = cli("build", str(project), "--cache-dir", str(starter[1]))
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    folder = re.escape(str(project / "public"))
    assert re.fullmatch(rf"built \d+ pages into {folder} in .+; open {folder}/index\.html\n",
                        result.stdout), result.stdout
    assert (project / "public" / "index.html").is_file()


def test_the_command_line_may_build_anywhere(starter: tuple[Path, Path, Path],
                                             tmp_path: Path) -> None:
    project = project_with_output(starter, tmp_path, "public")
    target = tmp_path / "anywhere" / "allowed"
    result = cli("build", str(project), "-o", str(target), "--cache-dir", str(starter[1]))
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    assert (target / "index.html").is_file() and not (project / "public").exists()


# ---------------------------------------------------------------- export and plain mkdocs

BLOCK_PMDOCS = ("import sys; sys.modules['pmdocs'] = None; "   # `import pmdocs` fails
                "from mkdocs.__main__ import cli; sys.exit(cli())")


PROTOTYPE_LINK = re.compile(r'\s(?:href|src)="([^"#]+)')


def assert_prototype_links_resolve(prd: Path) -> None:
    """Every page of the prototype is there and each of its links and scripts names a file of
    the built site (links to the PRD pages included): nothing is left as `pmdocs:`."""
    pages = sorted((prd / "prototype").glob("*/index.html"))
    assert len(pages) > 20, f"the prototype has only {pages}"
    for page in pages + [prd / "prototype" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        assert "pmdocs:" not in text, page
        for link in PROTOTYPE_LINK.findall(text):
            assert (page.parent / html.unescape(link)).resolve().is_file(), (page, link)


def test_an_export_builds_with_plain_mkdocs(sample_site: BuiltSite, tmp_path: Path) -> None:
    """`pmdocs export`, then `mkdocs build` in the export, where pmdocs cannot be imported:
    the pages are there, with their diagrams inlined and every diagram link resolved."""
    export = tmp_path / "export"
    result = cli("export", str(SAMPLE), "-o", str(export), "--cache-dir", str(sample_site.cache))
    assert result.exit_code == 0, result.stdout + result.stderr
    for name in ("mkdocs.yml", "requirements.txt", "README.md", "docs/index.md",
                 "docs/pages/cart.md", "docs/prototype/index.html"):
        assert (export / name).is_file(), f"the export lacks {name}"
    assert not list(export.glob("*.py")), "the export carries code of pmdocs'"

    built = run(sys.executable, "-c", BLOCK_PMDOCS, "build", "--strict", cwd=export,
                env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    assert built.returncode == 0, built.stderr

    site = export / "site"
    for page in ("index.html", "pages/cart.html", "flows/order_flow.html", "pagemap/index.html",
                 "search/search_index.json"):
        assert (site / page).is_file(), f"plain mkdocs did not build {page}"
    assert "pmdocs-diagram" in (export / "docs" / "pagemap" / "index.md").read_text(encoding="utf-8")
    assert_diagram_links_resolve(site, site, minimum_items=100)
    assert_prototype_links_resolve(site)
    assert_search_covers(site, {"index.html", "pages/cart.html", "rules/checkin_lottery.html"})


def assert_search_covers(site: Path, pages: set[str], offline: bool = True) -> None:
    """Each page is in the search index once (its first section, without an anchor), and the
    offline plugin's copy of the index (the one read from `file://`) holds the same."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    firsts = [entry["location"] for entry in index["docs"] if "#" not in entry["location"]]
    assert {page: firsts.count(page) for page in pages} == dict.fromkeys(pages, 1), firsts
    if not offline:
        return
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(script[script.index("{"):script.rindex("}") + 1]) == index


def test_mkdocs_build_at_the_repository_root_builds_the_sample_through_the_plugin(
        sample_site: BuiltSite, tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = {**os.environ, "XDG_CACHE_HOME": str(sample_site.xdg_cache_home)}
    built = run(str(MKDOCS), "build", "-f", "mkdocs.yml", "-d", str(site), cwd=REPO, env=env)
    assert built.returncode == 0, built.stderr

    assert (site / "index.html").is_file(), "the docs' own page is gone"
    own = (REPO / "sample_project" / "docs" / "index.md").read_text(encoding="utf-8")
    title = next(line[2:].strip() for line in own.splitlines() if line.startswith("# "))
    assert title in (site / "index.html").read_text(encoding="utf-8")
    for page in ("index.html", "pages/cart.html", "flows/order_flow.html", "pagemap/index.html",
                 "rules/checkin_lottery.html"):
        assert (site / "prd" / page).is_file(), f"the plugin did not build prd/{page}"
    assert '<svg id="pagemap"' in (site / "prd" / "pagemap" / "index.html").read_text(encoding="utf-8")
    assert_diagram_links_resolve(site, site / "prd", minimum_items=100)
    assert_prototype_links_resolve(site / "prd")
    # the docs' own page indexed by Material, the PRD's pages by pmdocs
    assert_search_covers(site, {"index.html", "prd/index.html", "prd/pages/cart.html"}, offline=False)
