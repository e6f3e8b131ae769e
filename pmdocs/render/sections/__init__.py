"""One module per section of the site; each has `render(context)` yielding (doc path, content).

Content is Markdown (`str`) or another file (`bytes`, e.g. the copy deck's CSV)."""

from __future__ import annotations

from . import home

SECTIONS = (home,)
