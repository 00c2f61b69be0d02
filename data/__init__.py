"""Package data ``innograph.data``: the gazetteer and the default corrections file.

Found through `innograph.paths`, never through the checkout's layout.
"""
