"""`python -m pmdocs` runs the command line."""

from .cli import main

main(prog_name="pmdocs")
