"""Pieces several pages draw: marked source text, the network view, scope filters."""
