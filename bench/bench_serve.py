"""Benchmark (run by hand, not a test): how fast ``kg serve`` starts and answers its pages.

Starts ``kg serve`` on a built store as a separate process (as a user would), measures the time
from launching the command to the first page answered, then requests every kind of page
(search, actor, pair, relations with filters, statement, timeline, map, graph, a SPARQL query)
``--runs`` times each after a first request, and prints the first, the median and the slowest
time per page as a Markdown table (a graph page is cached once drawn: its first time is the cost). The pages to request are chosen from the store itself (the actor with
the most statements, its first partner, one statement).

    .venv/bin/kg build ../shared/corpora/state-dept/state_dept_pr_geopolitics_sample300.jsonl --store /tmp/sd300
    .venv/bin/python bench/bench_serve.py --store /tmp/sd300 [--runs 20] [--starts 3]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, int, float]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as resp:
        body = resp.read()
        status = resp.status
    return status, len(body), time.perf_counter() - t0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc): the start-up cost a busy machine's
    wall clock hides."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(store: str, port: int) -> tuple[subprocess.Popen, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", store, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"kg serve exited: {proc.stderr.read()}")
        try:
            fetch(f"http://127.0.0.1:{port}/")
            return proc, time.perf_counter() - t0
        except OSError:
            time.sleep(0.02)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=20)


def pages(base: str) -> list[tuple[str, str]]:
    """(name, path) of the pages to time, chosen from the store through the endpoint."""

    def select(q: str) -> list[dict]:
        req = urllib.request.Request(
            base + "/sparql?query=" + quote(q), headers={"Accept": "application/sparql-results+json"}
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read())["results"]["bindings"]

    top = select(
        "SELECT ?a (COUNT(*) AS ?n) WHERE { { ?st kg:subject ?a } UNION { ?st kg:object ?a } } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"
    )[0]["a"]["value"]
    partner = select(
        f"SELECT ?b (COUNT(*) AS ?n) WHERE {{ ?st kg:subject <{top}> ; kg:object ?b }} GROUP BY ?b ORDER BY DESC(?n) LIMIT 1"
    )[0]["b"]["value"]
    st = select(f"SELECT ?st WHERE {{ ?st kg:subject <{top}> ; kg:negated false }} LIMIT 1")[0]["st"]["value"]
    q = quote("SELECT ?s ?o ?sentence WHERE { ?st kg:subject ?s ; kg:object ?o ; kg:sentence ?sentence } LIMIT 100")
    return [
        ("home", "/"),
        ("search (name)", "/search?q=Russia"),
        ("search (alias)", "/search?q=PRC"),
        ("actor (most statements)", f"/actor?id={quote(top)}"),
        ("actor, page 2", f"/actor?id={quote(top)}&page=2"),
        ("actor, state level", f"/actor?id={quote(top)}&level=state"),
        ("pair", f"/pair?a={quote(top)}&b={quote(partner)}"),
        ("relations", "/relations"),
        ("relations, filtered", "/relations?quad=4&since=2022-02-01&hedged=no&min_confidence=0.5"),
        ("relations, state level", "/relations?level=state&negated=include"),
        ("statement", f"/statement?id={quote(st)}"),
        ("timeline", "/timeline"),
        ("timeline, events", "/timeline?count=events"),
        ("map", "/map"),
        ("map, event places", "/map?show=places"),
        ("graph (top 120)", "/graph"),
        ("graph, focus", f"/graph?focus={quote(top)}"),
        ("SPARQL, 100 rows JSON", f"/sparql?query={q}&format=json"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--starts", type=int, default=3)
    args = ap.parse_args()

    starts, cpu = [], []
    for _ in range(args.starts):
        port = free_port()
        proc, seconds = start(args.store, port)
        starts.append(seconds)
        cpu.append(cpu_seconds(proc.pid))
        stop(proc)
    print(f"start (command launched -> first page answered): {', '.join(f'{s:.2f}' for s in starts)} s wall")
    print(f"CPU time of the server until then: {', '.join(f'{s:.2f}' for s in cpu)} s")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    port = free_port()
    proc, _ = start(args.store, port)
    base = f"http://127.0.0.1:{port}"
    try:
        print("\n| page | first ms | median ms | slowest ms | KB |\n|---|---:|---:|---:|---:|")
        for name, path in pages(base):
            status, size, first = fetch(base + path)  # the first request (graph pages are then cached)
            assert status == 200, (name, status)
            times = [fetch(base + path)[2] * 1000 for _ in range(args.runs)]
            print(
                f"| {name} | {first * 1000:.0f} | {statistics.median(times):.0f} | {max(times):.0f} | {size / 1024:.0f} |"
            )
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
