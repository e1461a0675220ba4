"""The quickstart notebook runs top to bottom on a fresh kernel (nbclient), as a newcomer would."""

import ast
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def test_quickstart_notebook_runs_top_to_bottom():
    path = ROOT / "notebooks" / "quickstart.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit notebooks without outputs"
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [
        o["data"]["text/html"]
        for o in outputs
        if o.output_type in ("display_data", "execute_result") and "text/html" in o.get("data", {})
    ]
    assert any("iframe" in h for h in html), "the interactive view is displayed inline"
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "three plots"
    # the monthly plot draws each QuadClass in the view's colour (its cell ends with the colours drawn)
    from kg.ontology import QUAD_NAMES
    from kg.view import QUAD_COLOURS

    monthly = next(c for c in nb.cells if c.cell_type == "code" and "QUAD_COLOURS" in c.source)
    drawn = ast.literal_eval(
        next(o for o in monthly.outputs if o.output_type == "execute_result")["data"]["text/plain"]
    )
    assert drawn and drawn == {QUAD_NAMES[q]: QUAD_COLOURS[q] for q in QUAD_NAMES if QUAD_NAMES[q] in drawn}
    sources = "".join(c.source for c in nb.cells)
    assert "from kg.query import to_dataframe" in sources and "def sparql" not in sources


def test_state_department_notebook_skips_cleanly_in_a_clone_without_shared(tmp_path):
    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    (project / "data").mkdir()
    nb = nbformat.read(ROOT / "notebooks" / "state-department.ipynb", as_version=4)
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(project / "notebooks")}}
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert [o.output_type for o in outputs] == ["stream"]
    assert outputs[0]["text"] == (
        f"skipped: the State Department releases are not at {tmp_path / 'shared' / 'corpora' / 'state-dept'} "
        "(../shared/corpora beside the project)\n"
    )


def test_state_department_notebook_is_committed_without_outputs():
    nb = nbformat.read(ROOT / "notebooks" / "state-department.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
