"""A cache of decision-table analyses, so an unchanged table is not analysed again.

`decision_table.analyse` is a pure function of its `Table`, so its result can be kept by the
table's content. One file per project holds the analyses of the tables its last run met, under a
fingerprint of the `decision_table` package's code (another version of it finds the file
empty). Only the entries used in a run are written back, so the file holds about one entry
per rule of the project and cannot grow without bound; a damaged or unreadable file is
simply empty, and a file that cannot be written only costs time.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from .. import __version__
from ..model.cache import dump_atomically, source_fingerprint
from ..resources import project_key
from . import decision_table
from .decision_table import Analysis, Table

def cache_file(folder: Path, root: str) -> Path:
    """The cache's file for the project at `root`, in pmdocs' spec cache folder (beside the
    validated files' folders): one per project, so that checking two projects in turn does
    not make each drop the other's tables."""
    return folder / f"decision-tables-{project_key(root)}.pickle"


def code_fingerprint() -> str:
    """pmdocs' version and the bytes of every module of the `decision_table` package."""
    package = Path(decision_table.__file__).resolve().parent
    return source_fingerprint(__version__, package.glob("*.py"))


def table_key(table: Table) -> bytes:
    """A digest of the table's content. Its `repr` shows all of it faithfully: the cells hold
    only text, numbers, booleans, `None` and lists of them, and `1`, `1.0`, `True` and `"1"`
    are written differently."""
    return hashlib.sha256(repr(table).encode("utf-8", "surrogatepass")).digest()


class AnalysisCache:
    """`analyse` as `decision_table.analyse` does, from the cache when it can; `save` writes
    the entries used since the cache was opened."""

    def __init__(self, path: Path):
        self.path = path
        self.fingerprint = code_fingerprint()
        self.stored = self._read()
        self.used: dict[bytes, Analysis] = {}
        self.hits = self.misses = 0

    def _read(self) -> dict[bytes, Analysis]:
        try:
            with open(self.path, "rb") as handle:
                fingerprint, entries = pickle.load(handle)
        except Exception:   # absent, unreadable or damaged: an empty cache
            return {}
        return entries if fingerprint == self.fingerprint and isinstance(entries, dict) else {}

    def analyse(self, table: Table) -> Analysis:
        key = table_key(table)
        analysis = self.used.get(key) or self.stored.get(key)
        if isinstance(analysis, Analysis):
            self.hits += 1
        else:
            analysis = decision_table.analyse(table)
            self.misses += 1
        self.used[key] = analysis
        return analysis

    def save(self) -> None:
        """Write the entries used in this run (nothing when they are exactly the stored ones)."""
        if self.misses or len(self.used) != len(self.stored):
            dump_atomically((self.fingerprint, self.used), self.path)
