"""A 9 MiB spec file (sparse: written here, not kept in git)."""

with open(HERE / "huge.yml", "wb") as handle:
    handle.truncate(9 * 1024 * 1024)
