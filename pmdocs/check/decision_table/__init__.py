"""Decision tables as plain data: parse each cell, split every input into value classes, and
find the gaps, overlaps, shadowed rows and duplicate rows of a table. Pure: no project, no
issues; `rules.py` turns the results into messages.

Each input is split into classes no condition of the table tells apart (an integer input at
every threshold the table uses); a row is then a "cube": per input, the set of classes it
matches, as a bit mask. Conditions on parameters (`< $daily_limit`) are analysed at the
defaults, then with one parameter at a time at its `min` and at its `max`. Constraints
(combinations that cannot happen) become cubes too, subtracted before gaps and overlaps.

`table` holds the data in and out, `cells` parses the cells, `classes` splits the inputs into
value classes and reads cubes back as text, and `analysis` finds what the table says about itself.
"""

from __future__ import annotations

from .analysis import analyse
from .cells import parameter_references
from .table import (MAX_COMBINATIONS, Analysis, Case, CellProblem, Column, Duplicate, Excluded,
                    Overlap, Parameter, Shadowed, Table, TableConstraint, TableRow)

__all__ = [
    "MAX_COMBINATIONS", "Analysis", "Case", "CellProblem", "Column", "Duplicate", "Excluded",
    "Overlap", "Parameter", "Shadowed", "Table", "TableConstraint", "TableRow", "analyse",
    "parameter_references",
]
