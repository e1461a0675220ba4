"""Show how the saved-query rows on data/ changed after an extractor change; with --write, re-pin them.

Run from the repository root. Review the printed diff against the documents in data/ BEFORE
writing: the pinned rows are the test's expectations, not a snapshot to accept blindly.
"""
import ast, sys, tempfile, difflib
sys.path.insert(0, "tests")
import importlib.util
spec = importlib.util.spec_from_file_location("tsq", "tests/test_saved_queries.py")
tsq = importlib.util.module_from_spec(spec); spec.loader.exec_module(tsq)
from kg.pipeline import build
from kg.store import open_store
path = tempfile.mkdtemp() + "/s"
build([str(tsq.DATA)], store_path=path, warn=lambda m: None)
src = open("tests/test_saved_queries.py").read()
tree = ast.parse(src)
lines = src.splitlines(keepends=True)
# find EXPECTED dict
for node in tree.body:
    if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "EXPECTED":
        d = node.value
edits = []
with open_store(path, create=False, read_only=True) as st:
    for k, v in zip(d.keys, d.values):
        key = ast.literal_eval(k)
        case = tsq.EXPECTED[key]
        new = tsq._rows(st, case)
        if new != case.rows:
            print(f"=== {key}")
            for l in difflib.unified_diff([repr(r) for r in case.rows], [repr(r) for r in new], lineterm="", n=0):
                print(l)
            rows_node = v.args[4]
            edits.append((rows_node, new))
if "--write" in sys.argv:
    # apply from the bottom up
    for rows_node, new in sorted(edits, key=lambda e: -e[0].lineno):
        start = sum(len(l) for l in lines[: rows_node.lineno - 1]) + rows_node.col_offset
        end = sum(len(l) for l in lines[: rows_node.end_lineno - 1]) + rows_node.end_col_offset
        indent = " " * 8
        body = "[\n" + "".join(f"{indent}{r!r},\n" for r in new) + "    ]"
        src = src[:start] + body + src[end:]
        lines = src.splitlines(keepends=True)
    open("tests/test_saved_queries.py", "w").write(src)
    print("rewritten")
