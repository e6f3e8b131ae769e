"""A spec file and a folder that are symbolic links to a folder beside the project (made
here: git would store the links, and the folder they point at is outside the case)."""

elsewhere = HERE.parent / "elsewhere"
elsewhere.mkdir()
(elsewhere / "secret.yml").write_text("roles:\n  - id: Not Read\n", encoding="utf-8")
(HERE / "shared.yml").symlink_to("../elsewhere/secret.yml")
(HERE / "common").symlink_to("../elsewhere")
