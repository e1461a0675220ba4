"""Issue 9: a folder full of hostile and messy input builds; nothing crashes, nothing good is
lost, every bad file is reported by name with its reason, and only ``--strict`` fails."""

from __future__ import annotations

import json

import pytest

from kg.backend import open_store
from kg.ontology import KG
from kg.query import run_query
from robustness.hostile_corpus import (
    BIG_SENTENCES,
    BIG_TEXT,
    EXPECTED_RELATIONS,
    EXPECTED_SKIPPED,
    EXPECTED_SKIPS,
    IS_ROOT,
    LOCKED_SKIP,
    kg,
)

TRIPLES = """
SELECT ?sl ?r ?ol WHERE {
  ?s a kg:Statement ; kg:subject ?a ; kg:relation ?r ; kg:object ?b .
  GRAPH <https://w3id.org/kg/id/graph/actors> { ?a rdfs:label ?sl . ?b rdfs:label ?ol }
}"""


def _relations(store_path) -> set[tuple[str, str, str]]:
    with open_store(store_path, create=False, read_only=True) as st:
        res = run_query(st, TRIPLES)
    return {(s.value, r.value.removeprefix(str(KG)), o.value) for s, r, o in res.rows}


def test_build_exits_zero_and_prints_no_traceback(hostile_build):
    assert hostile_build.returncode == 0, hostile_build.stderr
    assert "Traceback" not in hostile_build.stderr


def test_store_holds_exactly_the_relations_of_the_readable_documents(hostile_build):
    assert _relations(hostile_build.store) == EXPECTED_RELATIONS


# 3 good + latin1 + 2 utf16 + 2 jsonl records + 2 json records + big (+ locked.txt when root reads it)
EXPECTED_DOCUMENTS = 11 + (1 if IS_ROOT else 0)


def test_summary_counts_every_skipped_file_and_record(hostile_build):
    s = hostile_build.summary
    assert (s["documents"], s["parsed"], s["skipped_files"]) == (
        EXPECTED_DOCUMENTS,
        EXPECTED_DOCUMENTS,
        EXPECTED_SKIPPED,
    )
    assert s["documents_in_store"] == EXPECTED_DOCUMENTS


def test_default_build_with_progress_reports_the_same(hostile_build):
    # what a user runs: progress lines and the one-line summary instead of --json
    proc = kg("build", str(hostile_build.folder), "--store", str(hostile_build.store))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    n = EXPECTED_DOCUMENTS
    [line] = [ln for ln in proc.stdout.splitlines() if ln.startswith("built ")]
    assert f": {n} documents (0 parsed, {n} unchanged, 0 removed, {EXPECTED_SKIPPED} skipped)" in line
    assert len([ln for ln in proc.stderr.splitlines() if ln.startswith("warning: ")]) == EXPECTED_SKIPPED


@pytest.mark.parametrize("name, reason", EXPECTED_SKIPS, ids=[n for n, _ in EXPECTED_SKIPS])
def test_each_bad_file_gets_a_warning_naming_it_and_the_reason(hostile_build, name, reason):
    hits = [w for w in hostile_build.warnings if name in w and reason in w]
    assert len(hits) == 1, hostile_build.warnings


def test_unreadable_file_warning(hostile_build):
    if IS_ROOT:
        pytest.skip("running as root: chmod 000 does not stop root from reading a file")
    name, reason = LOCKED_SKIP
    assert [w for w in hostile_build.warnings if name in w and reason in w]


def test_one_warning_per_skip(hostile_build):
    assert len(hostile_build.warnings) == EXPECTED_SKIPPED


def test_hidden_folders_and_the_store_are_not_ingested(hostile_build):
    with open_store(hostile_build.store, create=False, read_only=True) as st:
        keys = {
            row[0].value for row in run_query(st, "SELECT ?k WHERE { ?d a kg:Document ; dcterms:identifier ?k }").rows
        }
    assert not [k for k in keys if k.startswith((".git", ".cache", "kg-store"))]
    assert not [w for w in hostile_build.warnings if "kg-store" in w or ".git" in w or ".cache" in w]


def test_offsets_in_later_pieces_of_a_big_file_point_at_the_sentence(hostile_build):
    assert len(BIG_TEXT) > 2_000_000  # more than the pipeline's nlp.max_length
    q = """SELECT ?sentence ?start ?end WHERE {
      ?d dcterms:identifier "big.txt" . ?s prov:wasDerivedFrom ?d ; kg:sentence ?sentence ; kg:start ?start ; kg:end ?end }
      ORDER BY ?start"""
    with open_store(hostile_build.store, create=False, read_only=True) as st:
        rows = run_query(st, q).rows
    assert [r[0].value.strip() for r in rows] == list(BIG_SENTENCES)
    starts = [int(r[1].value) for r in rows]
    assert starts[1] > 1_000_000 and starts[2] > 2_000_000
    for sentence, start, end in rows:
        assert BIG_TEXT[int(start.value) : int(end.value)] == sentence.value


def test_strict_build_exits_non_zero_naming_the_count(hostile_build):
    proc = kg("build", str(hostile_build.folder), "--store", str(hostile_build.store), "--strict", "--quiet", "--json")
    assert proc.returncode == 3
    summary = json.loads(proc.stdout)
    assert (summary["documents"], summary["unchanged"], summary["skipped_files"]) == (
        EXPECTED_DOCUMENTS,
        EXPECTED_DOCUMENTS,
        EXPECTED_SKIPPED,
    )
    assert proc.stderr.splitlines() == [f"error: {EXPECTED_SKIPPED} file(s) or record(s) skipped (--strict)"]
