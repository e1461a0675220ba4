"""Incremental builds: unchanged documents are skipped, changed ones replaced, vanished ones removed.

Every test builds a private copy of data/ and checks exact statement counts and quad sets.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.backend import open_store
from kg.pipeline import build

DATA = Path(__file__).resolve().parent.parent / "data"
DRONES = "txt/2024-03-05-iran-russia-drones.txt"
SANCTION = "The United States has already sanctioned several Iranian officials linked to the programme."
KG = "https://w3id.org/kg/ontology#"


def quads(store_path: Path) -> set[str]:
    """Every quad of the store, as N-Quads text."""
    with open_store(store_path, create=False, read_only=True) as store:
        return {str(q) for q in store.quads()}


def statements(store_path: Path, identifier: str | None = None) -> int:
    """Statements in the store, or in the document with dcterms:identifier ``identifier``."""
    doc = f'?d <http://purl.org/dc/terms/identifier> "{identifier}" .' if identifier else ""
    with open_store(store_path, create=False, read_only=True) as store:
        return store.count(f"SELECT (COUNT(?s) AS ?n) WHERE {{ GRAPH ?d {{ {doc} ?s a <{KG}Statement> }} }}")


def graph_of(store_path: Path, identifier: str) -> set[str]:
    with open_store(store_path, create=False, read_only=True) as store:
        rows = store.select("SELECT ?d ?k WHERE { GRAPH ?d { ?d dcterms:identifier ?k } }", k=ox.Literal(identifier))
        if not rows:
            return set()
        return {str(q) for q in store.quads(rows[0][0].value)}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """data/ copied and built once; the tests copy the folder and the store before changing them."""
    root = tmp_path_factory.mktemp("incremental")
    shutil.copytree(DATA, root / "data")
    summary = build([str(root / "data")], store_path=root / "store")
    return root, summary


@pytest.fixture
def work(first_build, tmp_path):
    root, summary = first_build
    shutil.copytree(root / "data", tmp_path / "data")
    shutil.copytree(root / "store", tmp_path / "store")
    return tmp_path / "data", tmp_path / "store", summary


def test_first_build_counts(first_build):
    root, summary = first_build
    assert (summary.documents, summary.parsed, summary.unchanged, summary.removed) == (24, 24, 0, 0)
    assert summary.statements_in_store == summary.relations == statements(root / "store")
    assert summary.documents_in_store == 24


def test_rebuild_of_unchanged_folder_parses_nothing_and_changes_nothing(work):
    data, store, first = work
    before = quads(store)
    summary = build([str(data)], store_path=store)
    assert (summary.documents, summary.parsed, summary.unchanged, summary.removed) == (24, 0, 24, 0)
    assert summary.words == summary.sentences == summary.relations == 0
    assert summary.statements_in_store == first.statements_in_store
    assert quads(store) == before


def test_changed_document_is_replaced_with_exactly_its_new_statements(work):
    data, store, first = work
    total, in_doc = statements(store), statements(store, DRONES)
    in_sentence = sum(f'<{KG}sentence> "{SANCTION}"' in q for q in graph_of(store, DRONES))
    assert in_sentence == 1  # United States sanctions Iran
    path = data / DRONES
    text = path.read_text("utf-8")
    assert SANCTION in text
    path.write_text(text.replace(" " + SANCTION, ""), "utf-8")

    summary = build([str(data)], store_path=store)
    assert (summary.parsed, summary.unchanged, summary.removed) == (1, 23, 0)
    # Exactly the sentence's statement is gone; nothing else changed.
    assert statements(store, DRONES) == in_doc - 1
    assert summary.statements_in_store == statements(store) == total - 1
    graph = graph_of(store, DRONES)
    assert not any(SANCTION in q for q in graph)
    assert sum(f"<{KG}contentHash>" in q for q in graph) == 1  # the old version is gone, not kept beside


def test_deleted_document_is_removed_and_keep_missing_keeps_it(work):
    data, store, first = work
    total = statements(store)
    html = "html/2024-08-16-gaza-ceasefire-talks-doha.html"
    txt = "txt/2025-01-28-drc-m23-goma.txt"
    in_html, in_txt = statements(store, html), statements(store, txt)
    assert in_html > 0 and in_txt > 0

    (data / txt).unlink()
    kept = build([str(data)], store_path=store, keep_missing=True)
    assert (kept.documents, kept.parsed, kept.unchanged, kept.removed) == (23, 0, 23, 0)
    assert kept.statements_in_store == total and kept.documents_in_store == 24
    assert statements(store, txt) == in_txt

    (data / html).unlink()
    summary = build([str(data)], store_path=store)
    assert (summary.documents, summary.parsed, summary.unchanged, summary.removed) == (22, 0, 22, 2)
    assert summary.statements_in_store == statements(store) == total - in_html - in_txt
    assert summary.documents_in_store == 22
    assert graph_of(store, html) == graph_of(store, txt) == set()


def test_document_lost_between_remove_and_add_is_restored_by_next_build(work):
    """A SIGKILL between the two store operations of a replacement leaves the document absent
    (never half-written); with it went its content hash, so the next build parses it again."""
    data, store, first = work
    before = quads(store)
    with open_store(store, lock=True) as s:
        iri = next(iri for iri in s.document_hashes())
        s.remove_document(iri)  # the state such a crash leaves: no graph for the document
    assert len(quads(store)) < len(before)
    summary = build([str(data)], store_path=store)
    assert (summary.parsed, summary.unchanged, summary.removed) == (1, 23, 0)
    assert quads(store) == before


def test_cli_summary_says_what_was_removed(work):
    from typer.testing import CliRunner

    from kg.cli import app

    data, store, first = work
    (data / "txt/2025-01-28-drc-m23-goma.txt").unlink()
    res = CliRunner().invoke(app, ["build", str(data), "--store", str(store), "--keep-missing"])
    assert res.exit_code == 0, res.output
    assert "23 documents (0 parsed, 23 unchanged, 0 removed, 0 skipped)" in res.output
    res = CliRunner().invoke(app, ["build", str(data), "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert "23 documents (0 parsed, 23 unchanged, 1 removed, 0 skipped)" in res.output


def test_progress_events_count_every_document(work, tmp_path):
    """Non-terminal progress: one plain line per LOG_EVERY documents, on the given stream."""
    import io

    from kg.pipeline import LogProgress

    data, store, first = work
    (data / DRONES).write_text((data / DRONES).read_text("utf-8") + "\nFrance criticized Iran.\n", "utf-8")
    stream = io.StringIO()
    progress = LogProgress(stream, every=10, seconds=1e9)
    build([str(data)], store_path=store, progress=progress)
    lines = stream.getvalue().splitlines()
    assert [line.split(" documents")[0] for line in lines] == ["kg build: 10/24", "kg build: 20/24"]
    assert (progress.done, progress.parsed, progress.unchanged) == (24, 1, 23)


def test_progress_total_counts_the_rows_of_a_table(tmp_path):
    """A CSV is as many documents as rows under its header, a cell with line breaks included."""
    import io

    from kg.pipeline import LogProgress, count_documents

    table = tmp_path / "news.csv"
    table.write_text('title,text\nA,"Iran criticized France.\n\nFrance replied."\nB,Russia met China.\n', "utf-8")
    (tmp_path / "more.txt").write_text("Chad met Niger.\n", "utf-8")
    assert count_documents([str(tmp_path)]) == 3
    stream = io.StringIO()
    progress = LogProgress(stream, every=1, seconds=1e9)
    progress("start", {"total": 1})  # a total the input outgrew is not shown as "3/1"
    for _ in range(3):
        progress("doc", {"words": 5})
    assert stream.getvalue().splitlines()[-1].startswith("kg build: 3 documents (3 parsed")
