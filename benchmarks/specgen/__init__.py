"""A synthetic, realistic pmdocs project of N items, for benchmarks (see gen_spec.py)."""

from .project import generate

__all__ = ["generate"]
