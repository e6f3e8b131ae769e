"""The loader on every bad input: each gives one clear line at `file:line:col`, exit 1,
no traceback, in bounded time; and `parse_yaml` keeps 1-based positions of every value.

Bad inputs go through `pmdocs check .` in a project folder made in `tmp_path`; the tests
assert the exact output line (code, location, message and hint).
"""

from __future__ import annotations

import builtins
import errno
import os
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import pmdocs.load.events
import pmdocs.load.files
from pmdocs.cli import main
from pmdocs.load import parse_yaml, strip_where, where_of

SUMMARY_ONE_ERROR = "1 error in 2 files\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding only `pmdocs.yml`, made the working directory."""
    (tmp_path / "pmdocs.yml").write_text("name: Demo\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_check(*args: str) -> tuple[int, str, str]:
    """`pmdocs check . ARGS` in English: exit code, stdout and stderr; fails on any traceback."""
    result = CliRunner().invoke(main, ["check", ".", "--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def check_spec(project: Path, content: str | bytes, name: str = "specs.yml") -> tuple[int, str, str]:
    """Write one spec file next to `pmdocs.yml` and check the project."""
    path = project / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return run_check()


def one_error(line: str) -> tuple[int, str, str]:
    """What `pmdocs check` prints for a project with exactly this one error."""
    return 1, line + "\n" + SUMMARY_ONE_ERROR, ""


# ------------------------------------------------------------------------- encoding

def test_a_file_in_another_encoding_is_reported_at_its_first_bad_byte(project: Path) -> None:
    content = "roles:\n  - id: buyer\n    name: 买家\n".encode("gbk")
    assert check_spec(project, content) == one_error(
        "specs.yml:3:11: error PM101 file is not UTF-8 text (byte 0xc2) (save the file as UTF-8)")


def test_a_utf16_file_is_not_utf8(project: Path) -> None:
    content = "roles:\n  - id: buyer\n    name: 买家\n".encode("utf-16")
    assert check_spec(project, content) == one_error(
        "specs.yml:1:1: error PM101 file is not UTF-8 text (byte 0xff) (save the file as UTF-8)")


def test_a_nul_byte_makes_a_file_not_text(project: Path) -> None:
    assert check_spec(project, b"roles:\n  - id: buyer\n    name: x\x00y\n") == one_error(
        "specs.yml:3:12: error PM101 file contains a NUL character; it is not a text file "
        "(save the file as UTF-8 text)")


def test_a_byte_order_mark_is_accepted(project: Path) -> None:
    content = "\ufeffroles:\n  - id: buyer\n    name: 买家\n".encode("utf-8")
    assert check_spec(project, content) == (0, "no problems in 2 files\n", "")


def test_positions_after_a_byte_order_mark_are_those_an_editor_shows(project: Path) -> None:
    content = "\ufeffroles:\n  - id: buyer\n    name: no\n".encode("utf-8")
    assert check_spec(project, content) == one_error(
        'specs.yml:3:11: error PM204 role `buyer`: `name` expects text, but YAML reads `no` '
        'as the boolean false (write it in quotes: "no")')


# ------------------------------------------------------------------- file structure

def test_an_empty_file(project: Path) -> None:
    assert check_spec(project, "") == one_error(
        "specs.yml:1:1: error PM104 file is empty (add sections such as `pages:` or delete the file)")


def test_a_file_of_comments_only_is_empty(project: Path) -> None:
    assert check_spec(project, "# pages come later\n") == one_error(
        "specs.yml:1:1: error PM104 file is empty (add sections such as `pages:` or delete the file)")


def test_a_file_that_is_a_list_is_not_a_mapping(project: Path) -> None:
    assert check_spec(project, "- id: buyer\n  name: 买家\n") == one_error(
        "specs.yml:1:1: error PM105 file is a list; a spec file must be a mapping of sections "
        "(start with a section name, e.g. `pages:`, and indent the items)")


def test_a_file_that_is_one_word_is_not_a_mapping(project: Path) -> None:
    assert check_spec(project, "pages\n") == one_error(
        "specs.yml:1:1: error PM105 file is a single value; a spec file must be a mapping of "
        "sections (start with a section name, e.g. `pages:`, and indent the items)")


def test_a_syntax_error_is_reported_where_the_parser_stopped(project: Path) -> None:
    assert check_spec(project, "roles: [buyer, \"seller\" admin]\n") == one_error(
        "specs.yml:1:25: error PM102 YAML syntax error: while parsing a flow sequence did not find "
        "expected ',' or ']' (check indentation, colons and quotes around this place)")


def test_an_unclosed_list_is_reported_where_it_was_opened(project: Path) -> None:
    assert check_spec(project, "roles: [buyer, seller\n") == one_error(
        "specs.yml:1:8: error PM102 YAML syntax error: the `[` opened here is not closed: did not "
        "find expected ',' or ']' (at 2:1) (close the list with `]`, or separate its items with "
        "commas)")


UNCLOSED = {
    "list": ("id: x\nname: y\ntitle: [unclosed\nsummary: z\nowner: w\n", "3:8", "`[`", "4:8"),
    "mapping": ("id: x\ntitle: {a: 1\nsummary: z\n", "2:8", "`{`", "3:8"),
    "double quote": ('id: x\ntitle: "unclosed\nsummary: z\n', "2:8", '`"`', "4:1"),
    "single quote": ("id: x\ntitle: 'unclosed\nsummary: z\n", "2:8", "`'`", "4:1"),
    "quote before a document marker": ('title: "unclosed\n---\nb: 1\n', "1:8", '`"`', "2:1"),
    "list without a line end": ("roles: [buyer, seller", "1:8", "`[`", "1:22"),
    "outer list of two": ("roles: [buyer, [seller, admin]\npages: []\n", "1:8", "`[`", "2:1"),
    "list in an item": ("pages:\n  - id: x\n    tags: [a, b\n  - id: y\n", "3:11", "`[`", "4:7"),
}


@pytest.mark.parametrize("loader", ["installed", "pure Python"])
@pytest.mark.parametrize("name", UNCLOSED)
def test_an_unclosed_bracket_or_quote_is_placed_where_it_was_opened(
        monkeypatch: pytest.MonkeyPatch, loader: str, name: str) -> None:
    """The place is the opening, whichever parser reads the file; where the parser gave up
    is named in the message and is the issue's related place."""
    if loader == "pure Python":
        monkeypatch.setattr(pmdocs.load.events, "_Loader", yaml.SafeLoader)
    text, opened, opening, stopped = UNCLOSED[name]
    _, issues = parse_yaml(text, "f.yml")
    assert [(issue.code, str(issue.location)) for issue in issues] == [("PM102", f"f.yml:{opened}")]
    assert issues[0].message.startswith(f"YAML syntax error: the {opening} opened here is not closed: ")
    assert issues[0].message.endswith(f" (at {stopped})")
    assert [str(place) for place in issues[0].related] == [f"f.yml:{stopped}"]


@pytest.mark.parametrize(("text", "stopped"), [
    ('roles: [buyer, "seller" admin]\n', "1:25"),     # a missing comma on the line of the `[`
    ("a: {b: 1]\n", "1:9"),                           # a `]` where the `}` belongs
    ('a: "b\\q"\n', "1:6"),                          # a bad escape inside a closed quote
    ("a: 1\n b: 2\n", "2:3"),
])
def test_other_syntax_errors_stay_where_the_parser_stopped(text: str, stopped: str) -> None:
    _, issues = parse_yaml(text, "f.yml")
    assert [(issue.code, str(issue.location)) for issue in issues] == [("PM102", f"f.yml:{stopped}")]
    assert "opened here" not in issues[0].message and issues[0].related == ()


def test_a_tab_in_the_indentation_is_a_syntax_error_with_a_hint(project: Path) -> None:
    assert check_spec(project, "roles:\n  - id: buyer\n\tname: 买家\n") == one_error(
        "specs.yml:3:1: error PM102 YAML syntax error: while scanning a plain scalar found a tab "
        "character that violates indentation (indent with spaces; YAML does not allow tabs there)")


def test_a_tab_before_a_list_item_gets_the_tab_hint(project: Path) -> None:
    assert check_spec(project, "roles:\n\t- id: buyer\n") == one_error(
        "specs.yml:2:1: error PM102 YAML syntax error: while scanning for the next token found "
        "character that cannot start any token (indent with spaces; YAML does not allow tabs there)")


def test_a_duplicate_key_names_both_lines(project: Path) -> None:
    assert check_spec(project, "roles:\n  - id: buyer\n    name: 买家\n    name: 卖家\n") == one_error(
        "specs.yml:4:5: error PM103 key `name` appears twice in this mapping (first at line 3) "
        "(YAML would silently keep only the last one; merge or rename them)")


def test_a_duplicate_section_is_a_duplicate_key(project: Path) -> None:
    assert check_spec(project, "roles: []\npages: []\nroles: []\n") == one_error(
        "specs.yml:3:1: error PM103 key `roles` appears twice in this mapping (first at line 1) "
        "(YAML would silently keep only the last one; merge or rename them)")


def test_several_documents_in_one_file(project: Path) -> None:
    content = "roles:\n  - id: buyer\n    name: 买家\n---\nroles: []\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:4:1: error PM109 a spec file holds one YAML document; found a second `---` "
        "(move the second document into a file of its own)")


def test_a_merge_key_is_refused(project: Path) -> None:
    content = "base: &base {name: 买家}\nroles:\n  - id: buyer\n    <<: *base\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:4:5: error PM109 merge keys (`<<`) are not accepted in spec files "
        "(write the keys out in full)")


def test_a_python_tag_is_refused_and_never_constructed(project: Path) -> None:
    marker = project / "constructed"
    content = f'roles:\n  - !!python/object/apply:os.system ["touch {marker}"]\n'
    assert check_spec(project, content) == one_error(
        "specs.yml:2:5: error PM109 YAML tag `!!python/object/apply:os.system` is not accepted in "
        "spec files (remove the tag; spec files hold plain text, numbers and lists)")
    assert not marker.exists()


def test_a_local_tag_is_refused(project: Path) -> None:
    assert check_spec(project, "roles:\n  - !role {id: buyer, name: 买家}\n") == one_error(
        "specs.yml:2:5: error PM109 YAML tag `!role` is not accepted in spec files "
        "(remove the tag; spec files hold plain text, numbers and lists)")


def test_a_list_as_a_key_is_refused(project: Path) -> None:
    assert check_spec(project, "[roles, pages]: []\n") == one_error(
        "specs.yml:1:1: error PM109 a mapping key must be plain text, not a list or mapping "
        "(use a plain word as the key)")


def test_an_alias_without_its_anchor(project: Path) -> None:
    assert check_spec(project, "roles: *everyone\n") == one_error(
        "specs.yml:1:8: error PM102 alias `*everyone` has no anchor `&everyone` before it")


def test_an_alias_to_an_earlier_value_is_read(project: Path) -> None:
    content = "roles:\n  - id: buyer\n    name: &who 买家\n    description: *who\n"
    assert check_spec(project, content) == (0, "no problems in 2 files\n", "")


# ------------------------------------------------------------------ bounded cost

def test_a_recursive_alias_is_refused(project: Path) -> None:
    assert check_spec(project, "roles: &all [*all]\n") == one_error(
        "specs.yml:1:14: error PM107 alias `*all` refers to a node that contains it "
        "(an alias cannot point into its own anchor)")


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    names = [chr(ord("a") + level) for level in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * width)}]"]
    for previous, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * width)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_quickly(project: Path) -> None:
    started = time.perf_counter()
    result = check_spec(project, billion_laughs())
    assert time.perf_counter() - started < 5
    assert result == one_error(
        "specs.yml:6:16: error PM107 the file expands to more than 250,000 values "
        "(aliases repeated inside aliases?) (write the values out instead of nesting aliases)")


def test_a_wider_alias_bomb_is_refused_quickly(project: Path) -> None:
    started = time.perf_counter()
    code, stdout, _ = check_spec(project, billion_laughs(levels=10, width=10))
    assert time.perf_counter() - started < 5
    assert code == 1 and " error PM107 the file expands to more than 250,000 values " in stdout


def test_deep_flow_nesting_is_refused_quickly(project: Path) -> None:
    started = time.perf_counter()
    result = check_spec(project, "[" * 100_000)
    assert time.perf_counter() - started < 5
    assert result == one_error(
        "specs.yml:1:65: error PM107 the YAML nests deeper than 64 levels (flatten the structure)")


def test_deep_block_nesting_is_refused(project: Path) -> None:
    content = "".join("  " * depth + f"level{depth}:\n" for depth in range(100))
    assert check_spec(project, content) == one_error(
        "specs.yml:65:129: error PM107 the YAML nests deeper than 64 levels (flatten the structure)")


class LibyamlThatStopsFirst:
    """A parser that behaves as libyaml 0.2.6 does on `[[[[…`, for any nesting and with any
    libyaml: it reads the whole text before it hands over a single event, and refuses nesting
    past 1000 levels (with libyaml's error, message and place). It is the fastest installed
    parser, its events withheld."""

    LIMIT = 1000

    def __init__(self, text: str):
        self.events: list[yaml.Event] = []
        parser, depth = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text), 0
        while (event := parser.get_event()) is not None:
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            if depth > self.LIMIT:
                raise yaml.scanner.ScannerError("while increasing flow level", event.start_mark,
                                                "exceeded maximum nesting depth", event.start_mark)
            self.events.append(event)

    def get_event(self) -> yaml.Event | None:
        return self.events.pop(0) if self.events else None

    def dispose(self) -> None:
        pass


DEEP_TEXTS = {
    "flow lists": ("[" * 100_000, "1:65"),
    "flow mappings": ("{" * 100_000, "1:65"),
    "flow lists under a key": ("roles: " + "[" * 100_000, "1:71"),
    "block mappings": ("".join("  " * depth + f"level{depth}:\n" for depth in range(100)), "65:129"),
    "block lists on one line": ("- " * 2_000 + "x\n", "1:129"),
    "flow lists inside block mappings": (
        "".join("  " * depth + f"level{depth}:\n" for depth in range(30)) + "  " * 30 + "key: "
        + "[" * 2_000, "31:99"),
}


@pytest.mark.parametrize("loader", ["installed", "pure Python", "libyaml that stops first"])
@pytest.mark.parametrize("name", DEEP_TEXTS)
def test_deep_nesting_is_placed_where_it_passes_64_levels_whatever_the_parser(
        project: Path, monkeypatch: pytest.MonkeyPatch, loader: str, name: str) -> None:
    """The same code and place with libyaml 0.2.6 (which may stop at its own limit of 1000
    levels before handing over any event), an older libyaml, or PyYAML without libyaml."""
    parsers = {"installed": pmdocs.load.events._Loader, "pure Python": yaml.SafeLoader,
               "libyaml that stops first": LibyamlThatStopsFirst}
    monkeypatch.setattr(pmdocs.load.events, "_Loader", parsers[loader])
    text, place = DEEP_TEXTS[name]
    (project / "specs.yml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = run_check("--no-cache")    # a cached result would hide the parser
    assert time.perf_counter() - started < 5
    assert result == one_error(f"specs.yml:{place}: error PM107 the YAML nests deeper than 64 "
                               "levels (flatten the structure)")


def test_deep_nesting_after_a_byte_order_mark_is_placed_as_libyaml_counts() -> None:
    _, issues = parse_yaml("\ufeffa: " + "[" * 2_000, "f.yml")
    assert [(issue.code, str(issue.location)) for issue in issues] == [("PM107", "f.yml:1:67")]


def test_a_problem_before_the_deep_nesting_is_reported_first(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python parser reads the text up to libyaml's stop again, and reports what
    comes first there, as an older libyaml would."""
    monkeypatch.setattr(pmdocs.load.events, "_Loader", LibyamlThatStopsFirst)
    _, issues = parse_yaml("a: 1\na: " + "[" * 2_000, "f.yml")
    assert [(issue.code, str(issue.location)) for issue in issues] == [("PM103", "f.yml:2:1")]


def test_a_nesting_limit_the_pure_python_parser_does_not_reach_is_reported_at_its_place(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser whose nesting limit is below 64 levels (none is known): still PM107, at the
    place where that parser stopped."""
    monkeypatch.setattr(LibyamlThatStopsFirst, "LIMIT", 10)
    monkeypatch.setattr(pmdocs.load.events, "_Loader", LibyamlThatStopsFirst)
    _, issues = parse_yaml("a:\n  " + "[" * 20 + "]" * 20 + "\n", "f.yml")
    assert [(issue.code, str(issue.location)) for issue in issues] == [("PM107", "f.yml:2:12")]


def test_too_many_values_without_aliases_asks_to_split_the_file(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pmdocs.load.events, "MAX_NODES", 1_000)   # the real limit takes seconds to reach
    assert check_spec(project, "roles: [" + "x, " * 1_000 + "]\n") == one_error(
        "specs.yml:1:3000: error PM107 the file holds more than 1,000 values "
        "(split it into several files, e.g. one per module)")


def test_a_50_mb_file_is_refused_without_being_read(project: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with open(project / "huge.yml", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    real_open = builtins.open

    def open_anything_but_huge(file, *args, **kwargs):
        assert not os.fspath(file).endswith("huge.yml"), "the huge file was opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(pmdocs.load.files, "open", open_anything_but_huge, raising=False)
    started = time.perf_counter()
    result = run_check()
    assert time.perf_counter() - started < 5
    assert result == one_error(
        "huge.yml: error PM106 spec file is 50.0 MiB; a spec file may have at most 8 MiB "
        "(split it into several files, e.g. one per module)")


# ------------------------------------------------------------- links and permissions

def test_a_file_linked_to_itself(project: Path) -> None:
    (project / "loop.yml").symlink_to("loop.yml")
    assert run_check() == one_error(
        "loop.yml: error PM108 cannot read spec file: symbolic link loop (the link leads back "
        "to itself)")


def test_a_broken_link(project: Path) -> None:
    (project / "gone.yml").symlink_to("missing.yml")
    assert run_check() == one_error("gone.yml: error PM108 cannot read spec file: broken symbolic link")


def test_a_folder_linked_to_its_parent_is_read_once(project: Path) -> None:
    (project / "specs").mkdir()
    (project / "specs" / "roles.yml").write_text("roles:\n  - id: buyer\n    name: 买家\n",
                                                 encoding="utf-8")
    (project / "specs" / "up").symlink_to("..")
    assert run_check() == (1, "specs/up: error PM108 folder is a symbolic link back into the "
                              "project (a loop); skipped (remove the link or point it elsewhere)\n"
                              "1 error in 2 files\n", "")


def deny_reading(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `path` unreadable: by its mode as a normal user; root reads any mode, so there
    the loader's `open` refuses it instead."""
    if os.geteuid() != 0:
        path.chmod(0)
        return
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if os.path.realpath(os.fspath(file)) == os.path.realpath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(pmdocs.load.files, "open", refusing_open, raising=False)


def test_an_unreadable_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = project / "secret.yml"
    secret.write_text("roles: []\n", encoding="utf-8")
    deny_reading(secret, monkeypatch)
    try:
        assert run_check() == one_error(
            "secret.yml: error PM108 cannot read spec file: Permission denied "
            "(check the file's permissions and links)")
    finally:
        secret.chmod(0o644)


# ------------------------------------------------------------- YAML's typing traps

@pytest.mark.parametrize(("written", "reading"), [
    ("no", "the boolean false"),
    ("yes", "the boolean true"),
    ("on", "the boolean true"),
    ("off", "the boolean false"),
    ("1.10", "the number 1.1"),
    ("12:30", "the number 750"),
    ("2026-01-01", "the date 2026-01-01"),
])
def test_a_typing_trap_in_a_text_field_says_to_quote_it(project: Path, written: str,
                                                         reading: str) -> None:
    content = f"roles:\n  - id: buyer\n    name: {written}\n"
    assert check_spec(project, content) == one_error(
        f"specs.yml:3:11: error PM204 role `buyer`: `name` expects text, but YAML reads "
        f'`{written}` as {reading} (write it in quotes: "{written}")')


@pytest.mark.parametrize("written", ['"no"', "'1.10'", '"12:30"', '"2026-01-01"'])
def test_a_quoted_value_is_text(project: Path, written: str) -> None:
    content = f"roles:\n  - id: buyer\n    name: {written}\n"
    assert check_spec(project, content) == (0, "no problems in 2 files\n", "")


def test_a_typing_trap_in_a_list_of_text_points_at_the_item(project: Path) -> None:
    content = ("pages:\n  - id: home\n    title: 首页\n    entry: true\n    terminal: true\n"
               "    elements:\n      - id: tabs\n        type: tab\n        items: [全部, no]\n")
    assert check_spec(project, content) == one_error(
        "specs.yml:9:21: error PM204 page `home` › element `tabs`: `items` expects text, but "
        'YAML reads `no` as the boolean false (write it in quotes: "no")')


def test_a_typing_trap_in_a_named_mapping_points_at_the_value(project: Path) -> None:
    content = ("pages:\n  - id: home\n    title: 首页\n    entry: true\n    terminal: true\n"
               "    states:\n      empty: no\n")
    assert check_spec(project, content) == one_error(
        "specs.yml:7:14: error PM204 page `home` › state `empty`: `description` expects text, but "
        'YAML reads `no` as the boolean false (write it in quotes: "no")')


def test_a_typing_trap_in_a_text_shorthand_says_to_quote_it(project: Path) -> None:
    content = ("rules:\n  - id: join\n    title: 参与\n    table:\n      - when: {}\n"
               "        then: yes\n")
    assert check_spec(project, content) == one_error(
        "specs.yml:6:15: error PM204 rule `join` › row 1: `result` expects text, but YAML reads "
        '`yes` as the boolean true (write it in quotes: "yes")')


# ------------------------------------------------------------------ model errors

def test_an_unknown_key_suggests_the_closest(project: Path) -> None:
    content = "roles:\n  - id: buyer\n    name: 买家\n    descripton: 下单的人\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:4:5: error PM201 role `buyer`: unknown key `descripton` "
        "(did you mean `description`?)")


def test_an_unknown_key_without_a_close_one_lists_the_allowed(project: Path) -> None:
    content = "roles:\n  - id: buyer\n    name: 买家\n    colour: red\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:4:5: error PM201 role `buyer`: unknown key `colour` "
        "(allowed keys: description, id, kind, name)")


def test_an_unknown_section_suggests_the_closest(project: Path) -> None:
    assert check_spec(project, "page:\n  - id: home\n") == one_error(
        "specs.yml:1:1: error PM201 unknown section `page` (did you mean `pages`?)")


def test_an_unknown_key_deep_inside_names_the_path(project: Path) -> None:
    content = ("pages:\n  - id: home\n    title: 首页\n    entry: true\n    terminal: true\n"
               "    elements:\n      - id: buy\n        type: button\n        lable: 购买\n")
    assert check_spec(project, content) == one_error(
        "specs.yml:9:9: error PM201 page `home` › element `buy`: unknown key `lable` "
        "(did you mean `label`?)")


def test_a_missing_required_field_points_at_the_item(project: Path) -> None:
    assert check_spec(project, "roles:\n  - id: buyer\n    kind: user\n") == one_error(
        "specs.yml:2:5: error PM202 role `buyer`: `name` is required (add `name: …`)")


def test_a_list_where_text_is_expected(project: Path) -> None:
    assert check_spec(project, "roles:\n  - id: buyer\n    name: [买家, 用户]\n") == one_error(
        "specs.yml:3:11: error PM203 role `buyer`: `name` must be text, not a list")


def test_a_mapping_where_a_list_is_expected_is_called_a_mapping(project: Path) -> None:
    content = "features:\n  - id: browse\n    title: 浏览\n    roles: {buyer: yes}\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:4:12: error PM203 feature `browse`: `roles` must be a list, not a mapping")


def test_a_word_where_true_or_false_is_expected(project: Path) -> None:
    content = "pages:\n  - id: home\n    title: 首页\n    entry: true\n    terminal: maybe\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:5:15: error PM203 page `home`: `terminal` must be true or false, not `maybe`")


def test_a_section_that_is_not_a_list(project: Path) -> None:
    assert check_spec(project, "roles: buyer\n") == one_error(
        "specs.yml:1:8: error PM203 section `roles` must be a list of items "
        "(write each item as `- id: …` under `roles:`)")


def test_a_bad_choice_suggests_the_closest(project: Path) -> None:
    content = "roles:\n  - id: operator\n    name: 运营\n    kind: staf\n"
    assert check_spec(project, content) == one_error(
        "specs.yml:4:11: error PM205 role `operator`: `kind` cannot be `staf`; it must be one of "
        "user, staff, system, external (did you mean `staff`?)")


def test_a_bad_id_suggests_a_slug(project: Path) -> None:
    assert check_spec(project, "roles:\n  - id: Buyer One\n    name: 买家\n") == one_error(
        "specs.yml:2:9: error PM206 role `Buyer One`: id `Buyer One` is not an ASCII slug (use "
        "lower-case letters, digits, `_` and `-`, starting with a letter, e.g. `buyer_one`)")


def test_a_chinese_id_is_not_a_slug(project: Path) -> None:
    assert check_spec(project, "roles:\n  - id: 买家\n    name: 买家\n") == one_error(
        "specs.yml:2:9: error PM206 role `买家`: id `买家` is not an ASCII slug (use "
        "lower-case letters, digits, `_` and `-`, starting with a letter)")


def test_a_plain_mapping_field_is_read_without_its_position_record(project: Path) -> None:
    content = ("rules:\n  - id: join\n    title: 参与\n    inputs:\n      - id: joined\n"
               "        type: bool\n    table:\n      - when: {joined: true}\n        then: 已参与\n"
               "      - when: {joined: false}\n        then: 去参与\n")
    assert check_spec(project, content) == (0, "no problems in 2 files\n", "")


# ------------------------------------------------------------ parse_yaml positions

def test_parse_yaml_gives_1_based_positions_of_nested_values() -> None:
    data, issues = parse_yaml("pages:\n  - id: home\n    elements:\n      - id: buy\n", "f.yml")
    assert issues == []
    page = data["pages"][0]
    element = page["elements"][0]
    assert str(where_of(data).key("pages")) == "f.yml:1:1"
    assert str(where_of(data).value("pages", 0)) == "f.yml:2:5"
    assert str(where_of(page).value("id")) == "f.yml:2:9"
    assert str(where_of(page).key("elements")) == "f.yml:3:5"
    assert str(where_of(element).value("id")) == "f.yml:4:13"


def test_parse_yaml_positions_of_items_in_a_flow_list() -> None:
    data, _ = parse_yaml("features:\n  - id: f\n    pages: [home, cart]\n", "f.yml")
    where = where_of(data["features"][0])
    assert [str(where.value("pages", index)) for index in (0, 1)] == ["f.yml:3:13", "f.yml:3:19"]


def test_parse_yaml_counts_columns_in_characters_after_chinese_text() -> None:
    data, _ = parse_yaml("roles:\n  - {name: 买家买家, id: buyer}\n", "f.yml")
    assert str(where_of(data["roles"][0]).value("id")) == "f.yml:2:22"


def test_parse_yaml_positions_with_windows_line_endings() -> None:
    data, _ = parse_yaml("roles:\r\n  - id: buyer\r\n    name: 买家\r\n", "f.yml")
    assert str(where_of(data["roles"][0]).value("name")) == "f.yml:3:11"


@pytest.mark.parametrize("line_end", ["\r", "\x85", "\u2028", "\u2029"])
def test_parse_yaml_counts_the_other_line_breaks_as_libyaml_does(line_end: str) -> None:
    text = f"roles:{line_end}  - id: buyer{line_end}    name: 买家😀{line_end}    title: x\n"
    data, _ = parse_yaml(text, "f.yml")
    where = where_of(data["roles"][0])
    assert [str(where.value(key)) for key in ("name", "title")] == ["f.yml:3:11", "f.yml:4:12"]


@pytest.mark.parametrize("line_end", ["\n", "\r", "\r\n", "\u2028"])
def test_a_syntax_error_is_on_the_line_libyaml_counts(line_end: str) -> None:
    """Syntax errors are placed like every other issue, whatever the file's line ends."""
    text = line_end.join(["roles:", "  - id: buyer", "    name: [买家", "pages: x", ""])
    _, issues = parse_yaml(text, "f.yml")
    assert [issue.code for issue in issues] == ["PM102"]
    assert issues[0].location[1:3] == (3, 11), issues[0]
    assert issues[0].message.endswith(" (at 4:6)"), issues[0]


def test_parse_yaml_positions_after_a_byte_order_mark_left_in_the_text() -> None:
    data, _ = parse_yaml("\ufeffroles:\n  - id: buyer\n", "f.yml")
    assert str(where_of(data).key("roles")) == "f.yml:1:1"
    assert str(where_of(data["roles"][0]).value("id")) == "f.yml:2:9"


def test_parse_yaml_reads_keys_as_text() -> None:
    data, issues = parse_yaml("on: 1\nyes: 2\nno: 3\n1.10: 4\n12:30: 5\n~: 6\n", "f.yml")
    assert issues == []
    assert strip_where(data) == {"on": 1, "yes": 2, "no": 3, "1.10": 4, "12:30": 5, "~": 6}


def test_parse_yaml_keeps_the_types_of_values() -> None:
    data, _ = parse_yaml("a: no\nb: 1.10\nc: 12:30\nd: ~\ne: '1.10'\n", "f.yml")
    assert strip_where(data) == {"a": False, "b": 1.1, "c": 750, "d": None, "e": "1.10"}


def test_parse_yaml_gives_no_data_for_a_file_with_problems() -> None:
    data, issues = parse_yaml("a: 1\na: 2\n", "f.yml")
    assert data is None
    assert [(issue.code, str(issue.location)) for issue in issues] == [("PM103", "f.yml:2:1")]
    assert [str(place) for place in issues[0].related] == ["f.yml:1:1"]
