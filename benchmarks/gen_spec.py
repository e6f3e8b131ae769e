"""Write a synthetic, realistic pmdocs project of N items (for benchmarks).

    .venv/bin/python benchmarks/gen_spec.py 2000 [--out DIR] [--seed S] [--dense]

The mix is that of a real product: about 50% pages and dialogs, 15% features, 15% rules,
5% flows, 5% objects and 10% roles (at most 30; the rest become pages), in modules of
about 100 items, each split into files of about 20 items. The output is byte-identical
for the same N and seed. The default folder, benchmarks/out/specN, is git-ignored.

`--dense` shapes it as a large product: 63% pages in modules of ~80 pages with 5–12
elements and ~7 links each (some parallel), 25% features; N = 4000 gives 2,510 pages in
31 modules and 1,000 features (default folder benchmarks/out/denseN).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from specgen import generate  # noqa: E402

BENCHMARKS = Path(__file__).resolve().parent
MARKER = ".generated-by-gen_spec"
"""A file left in every generated folder, so that a re-run may replace it (and only it)."""
MIN_ITEMS = 40


def default_folder(total: int, dense: bool = False) -> Path:
    return BENCHMARKS / "out" / f"{'dense' if dense else 'spec'}{total}"


def write_project(total: int, folder: Path, seed: int = 1, dense: bool = False) -> int:
    """Generate the project into `folder` (replacing an earlier generated one); file count."""
    if folder.exists() and any(folder.iterdir()):
        if not (folder / MARKER).is_file():
            raise SystemExit(f"gen_spec: {folder} exists and was not made by gen_spec; "
                             "choose another --out")
        shutil.rmtree(folder)
    files = generate(total, seed, dense)
    for relative, text in sorted(files.items()):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    shape = " dense" if dense else ""
    (folder / MARKER).write_text(f"N={total} seed={seed}{shape}\n", encoding="utf-8")
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("total", type=int, metavar="N", help="number of items in all")
    parser.add_argument("--out", type=Path, help="folder to write (default benchmarks/out/specN)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--dense", action="store_true",
                        help="a large product's shape: modules of ~80 pages, many links")
    args = parser.parse_args(argv)
    if args.total < MIN_ITEMS:
        parser.error(f"N must be at least {MIN_ITEMS}")
    folder = args.out or default_folder(args.total, args.dense)
    file_count = write_project(args.total, folder, args.seed, args.dense)
    print(f"wrote {args.total} items in {file_count} files to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
