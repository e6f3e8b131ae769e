"""What the plugin does to a page of pmdocs' on its way through mkdocs, for speed alone: the
generated HTML blocks (tables, long lists, Markdown fields' sanitised HTML) are set aside
before Python-Markdown runs (`on_page_markdown`) and put back as soon as the page's HTML
exists (`on_page_content`), and each diagram goes into the finished page (`on_post_page`).
The page comes out as Python-Markdown alone would make it (a test holds it); an export, built
without pmdocs, gets exactly that.

Why: Python-Markdown passes a raw HTML block through unchanged, but only after two HTML
parsers have walked it tag by tag (its own and the one mkdocs adds to find anchors): at
N=500 under cProfile, 12 of the 17 s of Markdown. An SVG in `page.content` would be walked by
the search plugin tag by tag too (its labels indexed a second time: the edge table under
each diagram holds the same names) and carried through Material's templates; inserted into
the written page, a diagram costs one substitution (N=500: `mkdocs build` 24.1 s -> 20.8 s).
"""

from __future__ import annotations

import re
from typing import Any

BLOCK = re.compile(r'^(?:<(table|ul)(?: data-search-exclude)?>\n.*?\n</\1>'
                   r'|<div class="pmdocs-markdown">\n.*?\n</div>)$', re.MULTILINE | re.DOTALL)
"""A generated HTML block: a table or a long list (the structure tree, a wide matrix), or a
Markdown field's sanitised HTML (which holds no `<div>` of its own)."""
BLOCK_MARK = "<!--pmdocs-block-"
BLOCK_COMMENT = re.compile(r"<!--pmdocs-block-([0-9]+)-->")
ANCHOR = re.compile(r'<a id="([^"]+)"></a>')


def set_blocks_aside(markdown: str) -> tuple[str, list[str]]:
    """The page's Markdown with each generated HTML block (lines `<table>` … `</table>`,
    `<ul>` … `</ul>`, or a Markdown field's `<div class="pmdocs-markdown">` … `</div>`)
    replaced by a comment naming it, and the blocks. Only pmdocs can write a line that
    starts such a block (spec text has its `<` escaped everywhere); a page already holding
    the comment's text is left alone."""
    if BLOCK_MARK in markdown or "\n<" not in markdown:
        return markdown, []
    blocks: list[str] = []

    def replace(match: "re.Match[str]") -> str:
        blocks.append(match.group(0))
        return f"{BLOCK_MARK}{len(blocks) - 1}-->"
    return BLOCK.sub(replace, markdown), blocks


def put_blocks_back(content: str, blocks: list[str], page: Any = None) -> str:
    """`set_blocks_aside` undone in the page's HTML; the anchors in the blocks are added to
    those mkdocs found on the page, so it can check Markdown links to them."""
    if not blocks:
        return content
    content = BLOCK_COMMENT.sub(lambda match: blocks[int(match.group(1))], content)
    anchors = getattr(page, "present_anchor_ids", None)
    if anchors is not None:
        anchors.update(ANCHOR.findall("".join(blocks)))
    return content
