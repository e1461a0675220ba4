"""The dask engine: documents parsed on Dask workers give the same graph as the local engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.backend import open_store
from kg.cli import app
from kg.distributed import DaskEngine, partitions_of
from kg.pipeline import build

DATA = Path(__file__).resolve().parent.parent / "data"


def _nquads(path) -> list[str]:
    with open_store(path, create=False, read_only=True) as st:
        return sorted(st.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def test_partitions_deal_every_document_once_in_order():
    parts = list(partitions_of(range(7), 3, window=5))
    assert parts == [[0, 1], [2, 3], [4], [5], [6]]


def test_kg_imports_without_dask():
    code = (
        "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None; "
        "import kg.cli, kg.pipeline, kg.store, kg.remote, kg.distributed; print('ok')"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (res.returncode, res.stdout, res.stderr) == (0, "ok\n", "")


def test_missing_dask_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if the extra were not installed
    res = CliRunner().invoke(app, ["build", str(DATA), "--store", str(tmp_path / "s"), "--engine", "dask"])
    assert res.exit_code == 1
    assert res.output == "error: the dask engine needs Dask: pip install -e '.[distributed]'\n"
    assert not (tmp_path / "s").exists()


def test_scheduler_without_dask_engine_is_refused(tmp_path):
    res = CliRunner().invoke(
        app, ["build", str(DATA), "--store", str(tmp_path / "s"), "--scheduler", "tcp://127.0.0.1:8786"]
    )
    assert (res.exit_code, res.output) == (1, "error: --scheduler and --partitions need --engine dask\n")


@pytest.mark.slow
def test_dask_local_cluster_of_two_workers_builds_the_same_quads_as_the_local_engine(tmp_path, data_store):
    pytest.importorskip("dask.distributed", reason="Dask is an optional extra: pip install -e '.[distributed]'")
    store = tmp_path / "dask-store"
    summary = build([str(DATA)], store_path=store, engine=DaskEngine(workers=2, partitions=4))
    assert (summary.documents, summary.parsed, summary.unchanged) == (24, 24, 0)
    assert _nquads(store) == _nquads(data_store)
    # Incremental like the local engine (the bookkeeping is shared): nothing left to parse.
    again = build([str(DATA)], store_path=store, engine=DaskEngine(workers=2))
    assert (again.parsed, again.unchanged, again.removed) == (0, 24, 0)
    assert _nquads(store) == _nquads(data_store)


def test_an_unreachable_scheduler_is_an_engine_error_not_a_store_error(tmp_path):
    pytest.importorskip("dask.distributed", reason="Dask is an optional extra: pip install -e '.[distributed]'")
    from kg.errors import EngineError, StoreError

    engine = DaskEngine(scheduler="tcp://127.0.0.1:9", connect_timeout=2)
    with pytest.raises(EngineError, match=r"cannot reach the Dask scheduler at tcp://127.0.0.1:9") as err:
        build([str(DATA)], store_path=tmp_path / "store", engine=engine)
    assert not isinstance(err.value, StoreError)
