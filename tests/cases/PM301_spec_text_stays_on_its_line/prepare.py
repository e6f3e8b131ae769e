"""A spec file whose name is a workflow command (made here: git on Windows cannot hold it)."""

(HERE / "::error title=injected::pwned.yml").write_text("rules: 3\n", encoding="utf-8")
