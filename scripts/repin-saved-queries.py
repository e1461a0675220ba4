"""Show how the saved-query rows on data/ changed after an extractor change; with --write, re-pin them.

Run from the repository root. Review the printed diff against the documents in data/ BEFORE
writing: the pinned rows are the tests' expectations, not a snapshot to accept blindly.

    .venv/bin/python scripts/repin-saved-queries.py [--write]
"""

from __future__ import annotations

import ast
import difflib
import importlib.util
import sys
import tempfile
from pathlib import Path

TEST = Path("tests/test_saved_queries.py")


def main() -> None:
    from kg.backend import open_store
    from kg.pipeline import build

    spec = importlib.util.spec_from_file_location("test_saved_queries", TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    store_path = Path(tempfile.mkdtemp()) / "store"
    build([str(module.DATA)], store_path=store_path, warn=lambda m: None)

    source = TEST.read_text("utf-8")
    expected = next(
        n for n in ast.parse(source).body if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "EXPECTED"
    ).value
    edits = []
    with open_store(store_path, create=False, read_only=True) as store:
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
    if "--write" not in sys.argv or not edits:
        return
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
