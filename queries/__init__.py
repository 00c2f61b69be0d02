"""Package data ``innograph.queries``: the analysts' Cypher library (``*.cypher``).

Found through `innograph.paths.query_dir`.
"""
