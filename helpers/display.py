"""Notebook display settings: whole spans in tables, and the package's figure style."""
from __future__ import annotations

import pandas as pd

from . import plots


def setup_display() -> None:
    """Show table cells in full (spans are the point) and use the projector-friendly figure style."""
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 120)
    pd.set_option("display.width", 120)
    plots.use_style()
