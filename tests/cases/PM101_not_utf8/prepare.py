"""A spec file saved in GBK, not UTF-8 (written here so that git keeps the bytes)."""

(HERE / "specs.yml").write_bytes("roles:\n  - id: buyer\n    name: 买家\n".encode("gbk"))
