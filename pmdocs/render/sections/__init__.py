"""One module per section of the site; each has `render(context)` yielding (doc path, content).

Content is Markdown (`str`), static HTML (`str` at a `.html` path: the prototype) or another
file (`bytes`, e.g. the copy deck's CSV)."""

from __future__ import annotations

from . import (changes, codes, copy, features, flows, glossary, home, objects, pagemap, pages,
               prototype, releases, roles, rules, structure, trace, usecases)

SECTIONS = (home, changes, features, releases, flows, usecases, objects, roles, structure, pagemap,
            pages, rules, trace, copy, glossary, codes, prototype)
