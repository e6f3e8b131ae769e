"""A spec file that is a symbolic link to itself (made here: git would store the link)."""

(HERE / "loop.yml").symlink_to("loop.yml")
