"""kg query runs in a process of its own: killed at --timeout (updates too, leaving the store as it
was), memory capped by --memory, no network, and the same answers as in-process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from kg.query import QueryError, _no_network, run_query, run_query_isolated
from kg.store import open_store

N_QUADS = 1500


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("qp") / "store"
    g = ox.NamedNode("http://e/g")
    with open_store(path, create=True) as st:
        st.ox.extend(
            [
                ox.Quad(ox.NamedNode(f"http://e/s{i}"), ox.NamedNode("http://e/p"), ox.Literal(f"value {i}"), g)
                for i in range(N_QUADS)
            ]
        )
    return path


def _kg(*args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=timeout)
    return p, time.monotonic() - t0


def _count(path) -> int:
    with open_store(path, create=False, read_only=True) as st:
        return len(st.ox)


# A cross join of three patterns with a filter no index can answer: billions of rows to test,
# little memory. It used to run on, whatever --timeout said.
SLOW_UPDATE = (
    "DELETE { GRAPH ?g { ?a <http://e/p> ?c } } WHERE { GRAPH ?g { ?a ?b ?c . ?d ?e ?f . ?x ?y ?z } "
    "FILTER(STR(?c) = CONCAT(STR(?f), STR(?z))) }"
)


def test_an_update_stops_at_the_timeout_and_changes_nothing(store_path):
    p, seconds = _kg("query", SLOW_UPDATE, "--update", "--store", str(store_path), "--timeout", "1", timeout=40)
    assert p.returncode == 1
    assert p.stderr == "error: query stopped by the 1 s timeout; narrow it (LIMIT, filters) or raise --timeout\n"
    assert seconds < 15  # start-up, the parse and the kill included, on a loaded machine
    assert _count(store_path) == N_QUADS
    with open_store(store_path, create=False, lock=True) as st:  # the killed writer left no lock behind
        assert len(st.ox) == N_QUADS


def test_a_query_that_needs_too_much_memory_is_stopped_with_a_clear_message(store_path):
    # ORDER BY over a cross join materialises 2.25 million rows before the first one comes out.
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
    p, seconds = _kg("query", query, "--store", str(store_path), "--memory", "0.25", "--timeout", "60", "--limit", "3")
    assert p.returncode == 1
    assert p.stderr == (
        "error: query stopped: it needed more than 0.25 GB of memory; narrow it (LIMIT, filters) or raise --memory\n"
    )
    assert seconds < 40


def test_memory_must_be_positive(store_path):
    p, _ = _kg("query", "ASK {}", "--store", str(store_path), "--memory", "0")
    assert (p.returncode, p.stderr) == (1, "error: --memory must be a finite number of gigabytes above 0, got 0\n")


def test_answers_are_those_of_the_query_in_process(store_path):
    queries = [
        ("SELECT ?s ?o WHERE { ?s <http://e/p> ?o } ORDER BY ?o LIMIT 7", {}),
        ("SELECT ?s ?o WHERE { ?s <http://e/p> ?o }", {"s": ox.NamedNode("http://e/s3")}),
        ("ASK { ?s <http://e/p> 'value 9' }", {}),
        ("CONSTRUCT { ?s <http://e/q> ?o } WHERE { ?s <http://e/p> ?o } ORDER BY ?s LIMIT 4", {}),
    ]
    with open_store(store_path, create=False, read_only=True) as st:
        expected = [run_query(st, q, bindings=b, limit=5) for q, b in queries]
    for (q, b), want in zip(queries, expected):
        got = run_query_isolated(store_path, q, bindings=b, limit=5)
        assert (got.kind, got.variables, got.rows, got.boolean, got.truncated) == (
            want.kind,
            want.variables,
            want.rows,
            want.boolean,
            want.truncated,
        )
        assert (got.triples or []) == (want.triples or [])


def test_store_errors_come_back_as_one_line(tmp_path):
    with pytest.raises(QueryError, match=f"^no kg store at {tmp_path / 'none'}; run kg build first$"):
        run_query_isolated(tmp_path / "none", "ASK {}")


def _namespaces_allowed() -> bool:
    pid = os.fork()
    if pid == 0:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        ok = libc.unshare(0x40000000) == 0 or libc.unshare(0x10000000 | 0x40000000) == 0
        os._exit(0 if ok else 1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


def test_the_query_process_has_no_network():
    """Defence in depth under the guard: even a SERVICE that got through could not connect."""
    if not _namespaces_allowed():
        pytest.skip("this system allows no network namespace (no user namespaces): only the guard applies")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _no_network()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=3).close()
            os.write(write, b"connected")
        except OSError:
            os.write(write, b"refused")
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    answer = os.read(read, 100)
    os.close(read)
    server.close()
    assert answer == b"refused"
