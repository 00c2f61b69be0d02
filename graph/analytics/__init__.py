"""Coordination-bottleneck analytics: measures and findings over the query layer.

One module per family of measures, each a pure function over the rows the
stores answer with (`graph.scope.Assignment`, `graph.scope.TaskRow`):
`loads`, `diffusion`, `projection` (the actor–actor network), `brokerage`,
`fragility`, `communities`, `concentration`, `compare`, and `findings` (the
bottleneck score and the sentences). `analyse(store, scope)` runs them all;
`graph.report` renders the result. Methods and formulas: `docs/analytics.md`.
"""

from innograph.graph.analytics.analysis import Analysis, analyse, analyse_rows
from innograph.graph.analytics.findings import Finding, findings

__all__ = ["Analysis", "Finding", "analyse", "analyse_rows", "findings"]
