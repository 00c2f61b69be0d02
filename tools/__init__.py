"""Package data ``innograph.tools``: the Maven files that fetch Neo4j and Graph Data Science.

Found through `innograph.paths.neo4j_pom`.
"""
