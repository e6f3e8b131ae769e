"""The load stage: a project folder -> its spec files as plain data where every mapping knows
its source positions. The only stage that reads spec files; it never raises on bad input:
every problem becomes an `Issue` at `file:line:col`, and a file that cannot be read is left
out. `files` finds and reads, `events` parses, `data` is what they produce."""

from .data import WHERE_KEY, LoadResult, Source, SpecFile, Where, location_at, strip_where, where_of
from .events import MAX_DEPTH, MAX_NODES, parse_yaml, scalar_value
from .files import MAX_FILE_BYTES, PROJECT_FILE_NAMES, decode, inside, load_project

__all__ = ["WHERE_KEY", "LoadResult", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES",
           "PROJECT_FILE_NAMES", "Source", "SpecFile", "Where", "decode", "inside", "load_project",
           "location_at", "parse_yaml", "scalar_value", "strip_where", "where_of"]
