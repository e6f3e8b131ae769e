"""Every character of spec text reaches the diagrams as written: a table of hostile strings,
each put in every text position of every diagram kind through the real graph functions, laid
out by the real `dot`, and read back from the cleaned SVG with an XML parser.

What pmdocs changes, on purpose (`pmdocs.graph.dot.normalize`, `wrap`; `diagram_text.written`):
- a run of whitespace (newlines, tabs, U+3000 too) becomes one space, none at either end;
- a character XML cannot carry (a control character) becomes U+FFFD;
- a long label wraps onto lines: joined again, with nothing (between CJK characters) or one
  space (where the break was) between lines, they give the text;
- a tooltip of several lines (a step's inputs and outputs) has line breaks between them,
  in `xlink:title` and in the `<title>` that copies it.
Everything else reads exactly as written: entities stay entities, backslash escapes stay
backslashes, markup stays text, bidi controls and emoji sequences stay as they are. Names
that reach SVG ids and links (module and lane ids nobody declared) are checked too, and
Chromium, reading the same SVGs inline in a page as the site shows them, must read them as
the XML parser does. The reading and comparing is in `tests/diagram_text.py`.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest

from pmdocs.graph import Diagram, all_diagrams, flows, pagemap, structure, usecases
from pmdocs.labels import labels_for
from pmdocs.layout import Drawing, GraphvizLayout
from pmdocs.model.project import Project

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

from .browser import browser  # noqa: F401  (a fixture)
from .diagram_text import (READ_IN_BROWSER, SVG, Expected, assert_shows, item_tip, read_in_xml,
                           tip, written, xml_safe)
from .test_graph import make_project

LABELS = labels_for("zh")
KINDS = ("page", "dialog", "sheet", "toast")
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")

HOSTILE = [
    # entities and markup
    "&", "&amp;", "&lt;b&gt;", "&#38;", "&#x26;", "&foo;", "&nbsp;", "&;", "&#;", "&#92;",
    "&#x5c;N", "&amp;lt;", "<", ">", "<b>x</b>", "<<>>", "<![CDATA[x]]>", "]]>", "-->", "<!--",
    "--", "-", '"', "'", '\\"', 'a" id="x', "<title>t</title>", "url(#x)", 'href="#x"',
    # backslashes: escString letters, doubled, trailing
    "\\", "a\\", "\\\\", "\\\\\\", "\\n", "\\l", "\\r", "\\N", "\\G", "\\E", "\\H", "\\T", "\\L",
    "\\\\N", "C:\\new\\N", "\\" * 3000,
    # record fields and DOT syntax
    "{", "}", "|", "{a|b}", "]", "]]", "[", "%", "%s", "#", ";", "=", "->", "graph", "node", ":",
    "a:b:c",
    # Unicode
    "\u202eRTL\u202c", "👩\u200d👩\u200d👧\u200d👦", "🍊 fruit", "\u200d", "\u2060", "\ufeff",
    "中文，标点。", "\u3000全角空格",
    # control characters, whitespace, nothing, and long text
    "\x01\x07\x1b[31m", "\x00", "\x7f\x85", "\ufffe", " a \n\t b ", "", " ",
    "长标签 word " * 560, "y" * 5000, "&" * 3000,
]

# ------------------------------------------------------------------ a project of hostile text

def _following(index: int) -> int:
    return (index + 1) % len(HOSTILE)


def _preceding(index: int) -> int:
    return (index - 1) % len(HOSTILE)


@cache
def hostile_project() -> Project:
    """Item `<kind><i>` holds `HOSTILE[i]` in every text field: role `r3`, feature `f3`,
    object `o3` (with a lifecycle), module `m3` with page `p3`, flow `fl3`."""
    return make_project(
        name="产品", modules=[{"id": f"m{index}", "title": text} for index, text in enumerate(HOSTILE)],
        roles=[{"id": f"r{index}", "name": text, "kind": ("staff", "user")[index % 2]}
               for index, text in enumerate(HOSTILE)],
        features=[{"id": f"f{index}", "title": text, "roles": [f"r{index}"]}
                  for index, text in enumerate(HOSTILE)],
        objects=[_object(index, text) for index, text in enumerate(HOSTILE)],
        pages=[_page(index, text) for index, text in enumerate(HOSTILE)],
        flows=[_flow(index, text) for index, text in enumerate(HOSTILE)])


def _object(index: int, text: str) -> dict:
    states = [{"id": "one", "name": text, "description": text}, {"id": "two", "name": text}]
    transition = {"from": "one", "to": "two", "on": text, "when": text, "by": f"r{index}"}
    return {"id": f"o{index}", "name": text, "attributes": [{"id": "a", "name": text, "required": True}],
            "relations": [{"to": f"o{_following(index)}", "label": text}],
            "lifecycle": {"states": states, "initial": "one", "final": ["two"],
                          "transitions": [transition]}}


def _page(index: int, text: str) -> dict:
    jumps = [{"to": f"p{_following(index)}", "when": text}, {"to": "back"}]
    return {"id": f"p{index}", "title": text, "module": f"m{index}", "kind": KINDS[index % 4],
            "entry": ["push", "tab"] if index == 0 else [], "menu": "" if "/" in text else f"菜单 {text}",
            "elements": [{"id": "e", "type": "button", "label": text, "on_tap": jumps}]}


def _flow(index: int, text: str) -> dict:
    place = {"lane": f"r{index}", "stage": "st", "label": text}
    return {"id": f"fl{index}", "title": text, "lanes": [f"r{index}"],
            "stages": [{"id": "st", "title": text}],
            "steps": [{**place, "id": "a", "kind": "start", "next": ["b"]},
                      {**place, "id": "b", "kind": "decision", "inputs": [text], "outputs": [text],
                       "next": [{"to": "c", "when": text}]},
                      {**place, "id": "c", "kind": "end"}]}


def flow_expected(index: int, text: str) -> Expected:
    steps = {step: text or step for step in "abc"}
    expected = Expected(text, {"stages.st": ([written(text or "st")], tip(text or "st")),
                               f"lanes.r{index}": ([written(text)], tip(f"{text} (r{index})"))})
    for step, shown in steps.items():
        expected.nodes[f"steps.{step}"] = ([written(shown)], tip(f"{shown} ({step})"))
    colon = LABELS["colon"]
    expected.nodes["steps.b"][1].extend(tip(f"{LABELS['inputs']}{colon}{text}",
                                            f"{LABELS['outputs']}{colon}{text}"))
    for source, target, label in (("a", "b", ""), ("b", "c", text)):
        arrow = f"{written(steps[source])} → {written(steps[target])}"
        expected.edges.append(("next", [written(label)], tip(arrow)))
    return expected


def objects_expected() -> Expected:
    expected = Expected(LABELS["objects"])
    for index, text in enumerate(HOSTILE):
        expected.nodes[f"objects.o{index}"] = ([written(text), written(f"{text or 'a'} *")],
                                               item_tip(text, f"o{index}"))
        relation = written(f"1 {text}")
        target = HOSTILE[_following(index)]
        expected.edges.append(("relation", [relation],
                               tip(f"{text} → {target}{LABELS['colon']}{relation}")))
    return expected


def lifecycle_expected(text: str) -> Expected:
    first, second = text or "one", text or "two"
    expected = Expected(f"{LABELS['lifecycle']}{LABELS['colon']}{text}", {
        "states.one": ([written(first)], tip(f"{first} (one)", text)),
        "states.two": ([written(second)], tip(f"{second} (two)")),
        "markers.initial": ([], tip(LABELS["start"]))})
    parts = [written(text), f"[{written(text)}]" if text else "", f"({written(text)})"]
    label = " ".join(part for part in parts if part)
    expected.edges.append(("transition", [label], tip(label)))
    return expected


def usecases_expected() -> Expected:
    expected = Expected(LABELS["usecases"], {"system-boundary": (
        ["产品"], tip(f"{LABELS['system_boundary']}{LABELS['colon']}产品"))})
    for index, text in enumerate(HOSTILE):
        expected.nodes[f"roles.r{index}"] = ([written(text)], item_tip(text, f"r{index}"))
        expected.nodes[f"features.f{index}"] = ([written(text), "P2"], item_tip(text, f"f{index}"))
        expected.edges.append(("association", [], tip(f"{text} — {text}")))
    return expected


def module_title(index: int) -> str:
    return written(HOSTILE[index] or f"m{index}")


def structure_expected() -> dict[str, Expected]:
    """The product's tree of modules (more than 60 pages), then each module's own tree."""
    colon = LABELS["colon"]
    overview = Expected(LABELS["structure"], {"product.root": (["产品"], ["产品"])})
    result = {"structure": overview}
    for index, text in enumerate(HOSTILE):
        module = ([module_title(index)], tip(f"{module_title(index)} (m{index})"))
        overview.nodes[f"modules.m{index}"] = module
        tree = Expected(f"{LABELS['structure']}{colon}{module_title(index)}", {f"modules.m{index}": module})
        kind = KINDS[index % 4]
        title = " ".join(part for part in (written(text or f"p{index}"),
                                           "" if kind == "page" else LABELS[kind]) if part)
        tree.nodes[f"pages.p{index}"] = ([title, written(text) or "e"], item_tip(text, f"p{index}"))
        if "/" not in text:     # a menu named as its module would not be drawn
            tree.nodes[f"menus.m{index}.1"] = ([written(f"菜单 {text}")], tip(f"菜单 {text}"))
        result[f"structure-m{index}"] = tree
    return result


def pagemap_expected() -> Expected:
    expected = Expected(LABELS["pagemap"])
    count = LABELS["page_count"].format(count=1)
    for index in range(len(HOSTILE)):
        title, following = module_title(index), module_title(_following(index))
        expected.nodes[f"modules.m{index}"] = ([title, count], tip(f"{title} (m{index})"))
        expected.edges.append(("jump", ["1"], tip(f"{title} → {following}{LABELS['colon']}1")))
    return expected


def page_node(index: int) -> tuple[list[str], list[str]]:
    text, kind = HOSTILE[index], KINDS[index % 4]
    note = [] if kind == "page" else [LABELS[kind]]
    return [written(text or f"p{index}"), *note], item_tip(text, f"p{index}")


def jump_label(index: int, with_condition: bool = True) -> str:
    text = written(HOSTILE[index])
    trigger = f"{text or 'e'} {LABELS['event_tap']}"
    return f"{trigger} [{text}]" if text and with_condition else trigger


def jumps_expected(title: str, index: int) -> Expected:
    """A page's jumps: in from the page before, out to the page after and back."""
    before, after = _preceding(index), _following(index)
    expected = Expected(title, {f"pages.p{number}": page_node(number) for number in (before, index, after)})
    expected.nodes["markers.back"] = ([LABELS["back"]], [LABELS["back"]])
    expected.edges += [("jump", [jump_label(before)], [jump_label(before)]),
                       ("jump", [jump_label(index)], [jump_label(index)]),
                       ("back", [], [jump_label(index, with_condition=False)])]
    if index == 0:
        tab = f"{LABELS['source_tab']}{LABELS['colon']}{written(HOSTILE[0])}"
        expected.nodes["sources.tab"] = ([written(tab)], tip(tab))
        expected.nodes["sources.push"] = ([LABELS["source_push"]], [LABELS["source_push"]])
        expected.edges += [("entry", [], [LABELS["source_tab"]]),
                           ("entry", [], [LABELS["source_push"]])]
    return expected


def hostile_expectations() -> dict[str, Expected]:
    colon = LABELS["colon"]
    expected = {"objects": objects_expected(), "usecases": usecases_expected(),
                "pagemap": pagemap_expected(), **structure_expected()}
    for index, text in enumerate(HOSTILE):
        expected[f"flow-fl{index}"] = flow_expected(index, text)
        expected[f"lifecycle-o{index}"] = lifecycle_expected(text)
        expected[f"pagemap-m{index}"] = jumps_expected(
            f"{LABELS['pagemap']}{colon}{module_title(index)}", index)
        expected[f"page-p{index}"] = jumps_expected(f"{LABELS['page_jumps']}{colon}{text}", index)
    return expected


@cache
def hostile_drawings() -> dict[str, Drawing]:
    return GraphvizLayout(None).draw(all_diagrams(hostile_project(), LABELS))


def test_hostile_text_reads_as_written_in_every_diagram() -> None:
    drawings = hostile_drawings()
    expected = hostile_expectations()
    assert sorted(expected) == sorted(drawings)
    for diagram_id, shown in expected.items():
        assert drawings[diagram_id].svg, diagram_id
        assert_shows(drawings[diagram_id].svg, diagram_id, shown)


# ------------------------------------------------------------------ names that become ids and links

KEYS = [text for text in HOSTILE if text]
"""Module and lane ids nobody declared are spec text too (no module at all: "")."""


def key_project(key: str) -> Project:
    """`key` as the product's name, a module id (with page `p`) and a lane id."""
    steps = [{"id": "a", "kind": "start", "lane": key, "next": ["b"]},
             {"id": "b", "kind": "end", "lane": key}]
    return make_project(
        name=key, roles=[{"id": "r", "name": "角色"}],
        features=[{"id": "f", "title": "功能", "roles": ["r"]}],
        pages=[{"id": "p", "title": "页", "module": key}, {"id": "q", "title": "页二", "module": "zz"}],
        flows=[{"id": "f", "title": "流程", "lanes": [key], "steps": steps}])


def key_diagrams(index: int, key: str) -> list[Diagram]:
    """The diagrams where the product's name, module ids and lanes show, each id made unique
    among all keys' diagrams by `~<index>`."""
    project = key_project(key)
    diagrams = (usecases.diagrams(project, LABELS) + structure.diagrams(project, LABELS)
                + flows.diagrams(project, LABELS)
                + [diagram for diagram in pagemap.diagrams(project, LABELS)
                   if diagram.id in ("pagemap", f"pagemap-{module_key(key)}")])
    return [dataclasses.replace(diagram, id=f"{diagram.id}~{index}") for diagram in diagrams]


def module_key(key: str) -> str:
    """The path-safe key the project index gives a module pages name as `key`."""
    return key_project(key).index.page_module["p"]


def key_expectations(index: int, key: str) -> dict[str, Expected]:
    module = f"modules.{module_key(key)}"
    title = key_project(key).index.module_of("p").title     # a blank name is no module
    module_node = ([written(title)], tip(title))
    system = f"{LABELS['system_boundary']}{LABELS['colon']}{key}"
    return {
        f"usecases~{index}": Expected(LABELS["usecases"], {"system-boundary": ([written(key)], tip(system))},
                                      [("association", [], ["角色 — 功能"])]),
        f"structure~{index}": Expected(LABELS["structure"], {"product.root": ([written(key)], tip(key)),
                                                             module: module_node}),
        f"flow-f~{index}": Expected("流程", {f"lanes.{xml_safe(key)}": ([written(key)], tip(f"{key} ({key})"))},
                                    [("next", [], ["a → b"])]),
        f"pagemap~{index}": Expected(LABELS["pagemap"], {module: (
            [written(title), LABELS["page_count"].format(count=1)], tip(title))}),
        f"pagemap-{module_key(key)}~{index}": Expected(f"{LABELS['pagemap']}{LABELS['colon']}{title}",
                                            {"pages.p": (["页"], ["页 (p)"])}),
    }


def module_link(svg: str, diagram_id: str, key: str) -> str:
    root = ElementTree.fromstring(svg)
    assert root.get("id") == xml_safe(diagram_id)
    group = next(group for group in root.iter(SVG + "g")
                 if group.get("id") == xml_safe(f"{diagram_id}-modules.{key}"))
    return next(group.iter(SVG + "a")).get("href")


@cache
def key_drawings() -> dict[str, Drawing]:
    return GraphvizLayout(None).draw(
        [diagram for index, key in enumerate(KEYS) for diagram in key_diagrams(index, key)])


def test_hostile_names_read_as_written_in_ids_titles_and_links() -> None:
    drawings = key_drawings()
    for index, key in enumerate(KEYS):
        for diagram_id, shown in key_expectations(index, key).items():
            assert drawings[diagram_id].svg, diagram_id
            assert_shows(drawings[diagram_id].svg, diagram_id, shown)
        for diagram_id in (f"structure~{index}", f"pagemap~{index}"):
            link = module_link(drawings[diagram_id].svg, diagram_id, module_key(key))
            assert link == f"pmdocs:pagemap/{module_key(key)}.md", link
            assert re.fullmatch(r"_other|[a-z][a-z0-9_-]*", module_key(key)), module_key(key)


def test_chromium_reads_every_diagram_as_the_xml_parser_does(browser: "WebDriver",  # noqa: F811
                                                             tmp_path: Path) -> None:
    """On the site a diagram is inline in HTML, read by the browser's HTML parser: it must
    read each text, title, tooltip, id and link as the XML parser above does."""
    svgs = [drawing.svg for drawing in (*hostile_drawings().values(), *key_drawings().values())]
    page = tmp_path / "diagrams.html"
    page.write_text("<!doctype html><meta charset=utf-8><title>diagrams</title><body>"
                    + "".join(f"<div>{svg}</div>" for svg in svgs), encoding="utf-8")
    browser.get(page.as_uri())
    seen = browser.execute_script(READ_IN_BROWSER)
    assert len(seen) == len(svgs)
    for svg, in_browser in zip(svgs, seen):
        assert in_browser == read_in_xml(svg)
