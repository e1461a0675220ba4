"""End to end through the real CLI: build data/ into a store, query it, view it, extract JSONL."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"

KG = [sys.executable, "-m", "kg.cli"]
RELATIONS = {
    "meets",
    "supports",
    "agreesWith",
    "requests",
    "concedesTo",
    "cooperatesWith",
    "supplies",
    "aids",
    "withdrawsFrom",
    "investigates",
    "demands",
    "criticizes",
    "accuses",
    "rejects",
    "threatens",
    "protestsAgainst",
    "mobilizesAgainst",
    "sanctions",
    "coerces",
    "attacks",
    "leads",
    "memberOf",
}


def kg(*args, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, input=stdin, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = tmp_path_factory.mktemp("e2e") / "store"
    res = kg("build", DATA, "--store", store)
    assert res.returncode == 0, res.stderr
    return store, res


def test_build_prints_a_summary(built):
    _, res = built
    assert re.search(r"24 documents .*\d+ sentences, \d+ relations, \d+ actors, [\d.]+ s", res.stdout)


def test_query_finds_iran_supplying_russia_with_evidence(built):
    store, _ = built
    q = """SELECT DISTINCT ?hedged WHERE {
             ?st kg:subject <https://w3id.org/kg/id/country/IRN> ; kg:relation kg:supplies ;
                 kg:object <https://w3id.org/kg/id/country/RUS> ; kg:hedged ?hedged ; kg:negated false ;
                 kg:sentence ?s ; prov:wasDerivedFrom ?doc . ?doc dcterms:title ?t .
           } ORDER BY ?hedged"""
    res = kg("query", q, "--store", store, "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert list(csv.reader(io.StringIO(res.stdout))) == [["hedged"], ["true"]]


def test_direct_edges_exist_only_for_non_negated_statements(built):
    store, _ = built
    q = """SELECT (COUNT(*) AS ?n) WHERE {
             ?st kg:negated true ; kg:subject ?s ; kg:relation ?r ; kg:object ?o .
             FILTER NOT EXISTS { ?st2 kg:negated false ; kg:subject ?s ; kg:relation ?r ; kg:object ?o }
             ?s ?r ?o }"""
    res = kg("query", q, "--store", store, "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == ["n", "0"]


def test_stats_counts_documents(built):
    store, _ = built
    res = kg("stats", "--store", store, "--json")
    assert res.returncode == 0, res.stderr
    stats = json.loads(res.stdout)
    assert stats["documents"] == 24
    assert stats["statements"] > 100
    assert set(stats["relations"]) <= RELATIONS


def test_view_is_self_contained_and_holds_the_actors(built, tmp_path):
    store, _ = built
    out = tmp_path / "view.html"
    res = kg("view", "--store", store, "--out", out)
    assert res.returncode == 0, res.stderr
    html = out.read_text("utf-8")
    for actor in ("https://w3id.org/kg/id/country/IRN", "https://w3id.org/kg/id/country/RUS", "Houthis"):
        assert actor in html
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)


def test_extract_jsonl_follows_the_contract(tmp_path):
    doc = tmp_path / "2024-05-02-note.txt"
    doc.write_text("Arms deal\n\nIran supplied drones to Russia. Egypt imports wheat from Ukraine.\n", "utf-8")
    res = kg("extract", doc, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["subject"]["label"], r["relation"], r["object"]["label"]) for r in rows] == [
        ("Iran", "supplies", "Russia"),
        ("Ukraine", "supplies", "Egypt"),
    ]
    text = doc.read_text("utf-8")
    for r in rows:
        assert set(r) >= {
            "doc",
            "sentence",
            "start",
            "end",
            "subject",
            "relation",
            "object",
            "negated",
            "hedged",
            "confidence",
            "date",
        }
        assert r["doc"] == str(doc)
        assert text[r["start"] : r["end"]] == r["sentence"]
        assert r["relation"] in RELATIONS
        assert isinstance(r["negated"], bool) and isinstance(r["hedged"], bool)
        assert 0 <= r["confidence"] <= 1
        assert r["date"] == "2024-05-02"
        for side in (r["subject"], r["object"]):
            assert set(side) == {"id", "label", "type", "country"}
            assert side["type"] in {"Country", "Person", "Organization", "Group"}
            assert side["country"] is None or re.fullmatch(r"[A-Z]{3}", side["country"])
    assert rows[0]["subject"] == {
        "id": "https://w3id.org/kg/id/country/IRN",
        "label": "Iran",
        "type": "Country",
        "country": "IRN",
    }


def test_extract_reads_stdin():
    res = kg("extract", "-", "--format", "jsonl", stdin="The European Union imposed sanctions on Belarus.\n")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["subject"]["type"], r["subject"]["country"], r["relation"], r["object"]["country"]) for r in rows] == [
        ("Organization", None, "sanctions", "BLR")
    ]


@pytest.mark.parametrize(
    "args,message",
    [
        (["build", "/nonexistent/folder"], "no such folder"),
        (["query", "SELECT WHERE {{", "--store", "{store}"], "malformed query"),
        (["stats", "--store", "{file}"], "is a file"),
        (["build", "{empty}", "--store", "{tmp}/s"], "is empty"),
        (["view", "--store", "{tmp}/missing-store"], "no kg store"),
    ],
)
def test_user_errors_are_one_line_without_traceback(built, tmp_path, args, message):
    store, _ = built
    (tmp_path / "empty").mkdir()
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    args = [a.format(store=store, file=afile, empty=tmp_path / "empty", tmp=tmp_path) for a in args]
    res = kg(*args)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("error:") and message in lines[0]


def test_extract_names_the_record_of_a_jsonl_feed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a1", "text": "Iran supplied drones to Russia."}\n'
        '{"id": "a2", "text": "Chile criticised Peru.", "date": "2024-02-01"}\n',
        "utf-8",
    )
    res = kg("extract", feed, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["doc"], r["record"], r["relation"], r["date"]) for r in rows] == [
        (str(feed), "a1", "supplies", None),
        (str(feed), "a2", "criticizes", "2024-02-01"),
    ]
