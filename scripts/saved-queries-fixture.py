"""Regenerate the saved-query tests' store, tests/fixtures/saved-queries.trig, from data/.

The saved-query tests (tests/test_saved_queries.py) run on this fixed store, not on a fresh
build, so a change to the extractor or the lexicon does not change what they check. Regenerate
it when the model of the store changes (kg.model, kg.events) or when the queries should see
what the extractor now finds in data/:

    .venv/bin/python scripts/saved-queries-fixture.py           # show how the pinned rows would change
    .venv/bin/python scripts/saved-queries-fixture.py --write   # write the fixture and re-pin the rows

Run from the repository root. Review the printed diff against the documents in data/ BEFORE
writing: the pinned rows are the tests' expectations, not a snapshot to accept blindly. The
fixture is the built store as TriG (every named graph, the events graph included) without the
documents' ``kg:extraction`` records, which only ``kg relink`` reads.
"""

from __future__ import annotations

import ast
import difflib
import importlib.util
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

TEST = Path("tests/test_saved_queries.py")


def fixture_quads(data: Path) -> list[ox.Quad]:
    """The quads of data/ built into a fresh store, as the fixture keeps them."""
    from kg.backend import open_store
    from kg.model import EXTRACTION
    from kg.pipeline import build

    store_path = Path(tempfile.mkdtemp()) / "store"
    build([str(data)], store_path=store_path, warn=lambda m: None)
    with open_store(store_path, create=False, read_only=True) as store:
        quads = [q for q in store.quads() if q.predicate != EXTRACTION]
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def main() -> None:
    from kg.ontology import prefix_iris

    spec = importlib.util.spec_from_file_location("test_saved_queries", TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    quads = fixture_quads(module.DATA)
    new_fixture = Path(tempfile.mkdtemp()) / "saved-queries.trig"
    ox.serialize(quads, str(new_fixture), ox.RdfFormat.TRIG, prefixes=prefix_iris("kgr"))

    source = TEST.read_text("utf-8")
    expected = next(
        n for n in ast.parse(source).body if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "EXPECTED"
    ).value
    edits = []
    with module.fixture_store(new_fixture, Path(tempfile.mkdtemp()) / "store") as store:
        for key_node, case_node in zip(expected.keys, expected.values):
            key = ast.literal_eval(key_node)
            case = module.EXPECTED[key]
            rows = module._rows(store, case)
            if rows != case.rows:
                print(f"=== {key}")
                for line in difflib.unified_diff(
                    [repr(r) for r in case.rows], [repr(r) for r in rows], lineterm="", n=0
                ):
                    print(line)
                edits.append((case_node.args[4], rows))
    if "--write" not in sys.argv:
        print(f"{len(edits)} saved queries would change; --write writes {module.FIXTURE} and re-pins them")
        return
    module.FIXTURE.write_bytes(new_fixture.read_bytes())
    print(f"wrote {module.FIXTURE} ({len(quads)} quads)")
    offsets = [0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    for node, rows in sorted(edits, key=lambda e: -e[0].lineno):  # bottom up keeps offsets valid
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        body = "[\n" + "".join(f"        {r!r},\n" for r in rows) + "    ]"
        source = source[:start] + body + source[end:]
    TEST.write_text(source, "utf-8")
    print(f"re-pinned {len(edits)} queries in {TEST}")


if __name__ == "__main__":
    main()
