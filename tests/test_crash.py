"""Crash safety: a ``kg build`` killed at any moment leaves a store of whole documents that the next
build completes into exactly the store an uninterrupted build gives; two builds never share a store.

The builds under test are real ``kg build`` processes on a generated folder big enough to take a
few seconds; they are stopped once their progress lines (written after each stored document)
show that documents have been written.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.backend import open_store
from kg.pipeline import build

N_DOCS = 200
COUNTRIES = [
    "France",
    "Germany",
    "Iran",
    "Russia",
    "Ukraine",
    "China",
    "Japan",
    "Brazil",
    "India",
    "Turkey",
    "Egypt",
    "Canada",
]
TEMPLATES = [
    "{a} criticized {b} on {day}.",
    "{a} met {b} in Geneva.",
    "{a} supplied fuel to {b}.",
    "{a} accused {b} of violating the ceasefire.",
    "{a} imposed sanctions on {b}.",
    "The talks lasted {n} hours.",
    "{a} rejected the proposal from {b}.",
    "Officials said the weather was mild.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PROGRESS = re.compile(r"kg build: (\d+)/(\d+) documents")


def generate(folder: Path, n: int, seed: int = 1) -> None:
    """``n`` short dated notes of five varied sentences each."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        sents = []
        for _ in range(5):
            a, b = rnd.sample(COUNTRIES, 2)
            sents.append(rnd.choice(TEMPLATES).format(a=a, b=b, day=rnd.choice(DAYS), n=rnd.randint(2, 9)))
        (folder / f"2022-03-{1 + i % 28:02d}-note-{i:03d}.txt").write_text(
            f"Note {i}\n\n" + " ".join(sents) + "\n", "utf-8"
        )


def graphs(store_path: Path) -> dict[str, set[str]]:
    """Graph name -> its quads (N-Quads text)."""
    out: dict[str, set[str]] = {}
    with open_store(store_path, create=False, read_only=True) as store:
        for q in store.quads():
            out.setdefault(str(q.graph_name), set()).add(str(q))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The generated folder and the graphs of its uninterrupted build."""
    root = tmp_path_factory.mktemp("crash")
    generate(root / "docs", N_DOCS)
    summary = build([str(root / "docs")], store_path=root / "reference")
    assert summary.parsed == N_DOCS
    return root / "docs", graphs(root / "reference")


def start_build(docs: Path, store: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(docs), "--store", str(store), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_for_written(proc: subprocess.Popen, timeout: float = 120) -> int:
    """Read the build's stderr until a progress line says documents are stored; how many."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            pytest.fail(f"kg build ended before writing documents (exit {proc.wait()})")
        m = PROGRESS.search(line)
        if m and int(m.group(1)) > 0:
            return int(m.group(1))
    pytest.fail("no progress line from kg build")


def assert_whole_documents(store: Path, reference: dict[str, set[str]]) -> int:
    """Every document graph in ``store`` is exactly the one of the uninterrupted build; count them."""
    got = graphs(store)
    docs = [g for g in got if "/doc/" in g]
    for g in docs:
        assert got[g] == reference[g], f"document graph {g} differs from the uninterrupted build"
    return len(docs)


def test_build_killed_with_sigkill_is_completed_by_the_next_build(corpus, tmp_path):
    docs, reference = corpus
    store = tmp_path / "store"
    proc = start_build(docs, store, "--workers", "2")
    written = wait_for_written(proc)
    proc.kill()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stored = assert_whole_documents(store, reference)
    assert written <= stored < N_DOCS
    # The parser workers died with the build (no orphan keeps the lock): the next build runs.
    summary = build([str(docs)], store_path=store)
    assert (summary.parsed, summary.unchanged, summary.removed) == (N_DOCS - stored, stored, 0)
    assert graphs(store) == reference


def test_second_build_is_refused_and_sigterm_stops_cleanly(corpus, tmp_path):
    docs, reference = corpus
    store = tmp_path / "store"
    first = start_build(docs, store)
    wait_for_written(first)

    second = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(docs), "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 1
    assert "locked: another kg build is writing it" in second.stderr
    assert first.poll() is None, "the first build finished before it could be interrupted"

    first.send_signal(signal.SIGTERM)
    _, err = first.communicate(timeout=60)
    assert first.returncode == 143
    assert re.search(r"interrupted \(SIGTERM\): \d+ document\(s\) written in this run", err)
    assert "Traceback" not in err

    stored = assert_whole_documents(store, reference)
    # SIGTERM may land while the last document is written or the summary counted (the second
    # build takes a moment to start): then every document is there, which is just as whole.
    assert 0 < stored <= N_DOCS
    summary = build([str(docs)], store_path=store)
    assert (summary.parsed, summary.unchanged) == (N_DOCS - stored, stored)
    assert graphs(store) == reference
