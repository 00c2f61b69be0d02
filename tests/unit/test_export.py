"""Exports of the hand-made corpus graph, read back with independent readers."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from graph_corpus import corpus
from innograph.graph.build import build_graph
from innograph.graph.export import IMPORT_COMMAND, export
from innograph.graph.store_file import dumps_graph, write_atomic

from innograph.cli import main

N_NODES, N_EDGES = 26, 31  # the hand count in graph_corpus


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    return build_graph(corpus())


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    return header, rows


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_parse_and_read_back(g, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    export(g, fmt, out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith(fmt)
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (N_NODES, N_EDGES)
    kjt = back.nodes["xj-kjt"]
    assert kjt["label"] == "新疆维吾尔自治区科学技术厅"  # the caption Gephi and yEd show
    assert kjt["node_type"] == "Agency" and kjt["labels"] == "Agency;Actor"
    assert json.loads(kjt["aliases"]) == ["科技厅", "自治区科技厅"]
    rel_types = {d["rel_type"] for _, _, d in back.edges(data=True)}
    assert {"LEADS", "PARTICIPATES_IN", "CITES"} <= rel_types


def test_graphml_declares_each_attribute_once(g, tmp_path):
    # Section.level is a number, an agency's level a word: one text attribute, not two keys
    out = tmp_path / "g.graphml"
    export(g, "graphml", out)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = [
        (k.get("for"), k.get("attr.name")) for k in ET.parse(out).getroot().findall("g:key", ns)
    ]
    assert len(keys) == len(set(keys))
    assert nx.read_graphml(out).nodes["xj-a/s2"]["level"] == "2"


def test_gexf_edge_ids_are_the_graph_keys(g, tmp_path):
    out = tmp_path / "g.gexf"
    export(g, "gexf", out)
    ns = {"g": "http://www.gexf.net/1.2draft"}
    edge_ids = {e.get("id") for e in ET.parse(out).getroot().iterfind(".//g:edge", ns)}
    assert "LEADS|xj-jxw|xj-a#1|xj-a" in edge_ids and len(edge_ids) == N_EDGES


def test_neo4j_csv_headers_and_rows(g, tmp_path):
    files = export(g, "neo4j-csv", tmp_path)
    names = {f.name for f in files}
    assert {"nodes_Agency.csv", "nodes_Collective.csv", "nodes_Document.csv"} <= names
    assert {"relationships_LEADS.csv", "relationships_CITES.csv", IMPORT_COMMAND} <= names

    header, rows = read_csv(tmp_path / "nodes_Agency.csv")
    assert header[:2] == ["id:ID", ":LABEL"]
    assert {"aliases:string[]", "mentions:int", "in_gazetteer:boolean", "name"} <= set(header)
    kjt = dict(zip(header, next(r for r in rows if r[0] == "xj-kjt"), strict=True))
    assert kjt[":LABEL"] == "Agency;Actor"
    assert kjt["aliases:string[]"] == "科技厅;自治区科技厅"
    assert kjt["in_gazetteer:boolean"] == "true"

    header, _ = read_csv(tmp_path / "nodes_Document.csv")
    assert {"year:int", "cited_only:boolean"} <= set(header)
    header, _ = read_csv(tmp_path / "nodes_Target.csv")
    assert "value:double" in header

    header, rows = read_csv(tmp_path / "relationships_LEADS.csv")
    assert header[:4] == [":START_ID", ":END_ID", ":TYPE", "key"]
    assert "span:int[]" in header and len(rows) == 7
    lead = dict(zip(header, rows[0], strict=True))
    assert lead[":TYPE"] == "LEADS" and len(lead["span:int[]"].split(";")) == 2

    node_rows = sum(len(read_csv(f)[1]) for f in files if f.name.startswith("nodes_"))
    rel_rows = [r for f in files if f.name.startswith("relationships_") for r in read_csv(f)[1]]
    assert (node_rows, len(rel_rows)) == (N_NODES, N_EDGES)
    ids = {r[0] for f in files if f.name.startswith("nodes_") for r in read_csv(f)[1]}
    assert all(r[0] in ids and r[1] in ids for r in rel_rows)

    command = (tmp_path / IMPORT_COMMAND).read_text(encoding="utf-8")
    assert "--nodes=nodes_Agency.csv" in command
    assert "--relationships=relationships_LEADS.csv" in command


def test_array_delimiter_avoids_characters_in_the_data(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label="Agency", name="甲", aliases=["x;y", "z"])
    export(g, "neo4j-csv", tmp_path)
    header, rows = read_csv(tmp_path / "nodes_Agency.csv")
    row = dict(zip(header, rows[0], strict=True))
    assert row[":LABEL"] == "Agency|Actor"
    assert row["aliases:string[]"].split("|") == ["x;y", "z"]
    assert "--array-delimiter='|'" in (tmp_path / IMPORT_COMMAND).read_text(encoding="utf-8")


def test_json_export_reads_back_to_the_same_graph(g, tmp_path):
    out = tmp_path / "g.json"
    export(g, "json", out)
    back = nx.node_link_graph(json.loads(out.read_bytes()), edges="edges")
    assert dumps_graph(back) == dumps_graph(g)


def test_cli_exports_a_stored_graph(g, tmp_path, capsys):
    graph_file = tmp_path / "graph.json"
    write_atomic(graph_file, dumps_graph(g))
    out = tmp_path / "out.graphml"
    assert (
        main(["export", "--format", "graphml", "--graph", str(graph_file), "--out", str(out)]) == 0
    )
    assert nx.read_graphml(out).number_of_nodes() == N_NODES
    assert main(["export", "--format", "json", "--graph", str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "innograph build" in err[0]
