"""A kill at any moment while a store is created leaves a folder the next run opens: the marker
is written (atomically) before the lock file and the database."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys

import pytest

from kg.store import MARKER, StoreError, open_store


@pytest.mark.parametrize(
    "leftovers",
    [
        ["kg.lock"],  # killed between the lock and the marker (the old order)
        [f".{MARKER}.12345"],  # killed while the marker was written
        ["kg.lock", f".{MARKER}.12345"],
    ],
)
def test_a_store_folder_left_by_a_kill_opens(tmp_path, leftovers):
    path = tmp_path / "store"
    path.mkdir()
    for name in leftovers:
        (path / name).write_text("")
    with pytest.raises(StoreError, match=f"^no kg store at {path}; run kg build first$"):
        open_store(path, create=False, read_only=True)
    with open_store(path, create=True, lock=True) as st:
        assert len(st.ox) == 0
    assert json.loads((path / MARKER).read_text())["format"] == 1


def test_a_marker_without_its_database_is_no_store_yet_for_readers(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    (path / MARKER).write_text(json.dumps({"format": 1, "engine": "oxigraph"}))
    with pytest.raises(StoreError, match="run kg build first"):
        open_store(path, create=False, read_only=True)
    with open_store(path, create=True, lock=True):
        pass
    with open_store(path, create=False, read_only=True):
        pass


def test_an_unknown_folder_is_still_refused(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    (path / "kg.lock").write_text("")
    (path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kg store"):
        open_store(path, create=True, lock=True)


CREATE = """
import sys
from kg.store import open_store
print("ready", flush=True)
with open_store(sys.argv[1], create=True, lock=True) as st:
    pass
print("done", flush=True)
"""


@pytest.mark.slow
def test_kills_at_random_moments_of_creation_leave_stores_that_open(tmp_path):
    rng = random.Random(18)
    for i in range(12):
        path = tmp_path / f"s{i}"
        proc = subprocess.Popen([sys.executable, "-c", CREATE, str(path)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        # creating a store takes a few milliseconds: kill somewhere inside it
        subprocess.run(["sleep", f"{rng.uniform(0, 0.03):.4f}"])
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        with open_store(path, create=True, lock=True):
            pass
