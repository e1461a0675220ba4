"""The quickstart notebook runs top to bottom on a fresh kernel (nbclient), as a newcomer would."""

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


def test_state_department_notebook_is_committed_without_outputs():
    nb = nbformat.read(ROOT / "notebooks" / "state-department.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
