"""Benchmark (run by hand, not a test): how long a big view takes to open and settle.

Generates a random actor network of 2,000 actors and 10,000 edges in the shape
``kg.network.project`` returns, renders it with ``kg.view.render``, opens it from file:// in
Debian's headless chromium and measures the time until the page reports the network settled
(stabilisation done, physics off, first drawing after it: ``window.kgSettled``).

    .venv/bin/python bench/bench_view.py [--actors 2000] [--edges 10000] [--seed 1] [--keep FILE]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.ontology import relations
from kg.view import render

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--headless=new",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TYPES = ["Country"] * 3 + ["Person"] * 4 + ["Organization"] * 2 + ["Group"]
WORDS = (
    "officials said talks troops border drones sanctions ministers agreed ceasefire aid envoy "
    "summit forces attack statement reported capital minister warned deal"
).split()


def random_graph(actors: int, edges: int, seed: int) -> nx.MultiDiGraph:
    """A random graph with project()'s node and edge attributes (preferential attachment degrees)."""
    rng = random.Random(seed)
    info = relations()
    names = list(info)
    g = nx.MultiDiGraph()
    for i in range(actors):
        typ = rng.choice(TYPES)
        g.add_node(
            f"https://w3id.org/kg/id/bench/{i}",
            label=f"Actor {i}",
            type=typ,
            kind=None,
            country=f"C{i:02d}" if typ == "Country" else None,
        )
    nodes = list(g)
    # Heavy-tailed endpoints, as in news: a few actors take part in most relations.
    cum, total = [], 0.0
    for i in range(actors):
        total += 1.0 / (i + 1) ** 0.8
        cum.append(total)
    made = 0
    while made < edges:
        u, v = rng.choices(nodes, cum_weights=cum, k=2)
        rel = rng.choice(names)
        if u == v or g.has_edge(u, v, rel):
            continue
        count = min(int(rng.paretovariate(1.6)), 60)
        days = sorted(f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(2))
        evidence = [
            {
                "sentence": " ".join(rng.choices(WORDS, k=rng.randint(8, 25))) + ".",
                "title": f"Report {rng.randint(1, 5000)}",
                "date": days[0],
                "document": "",
                "statement": "",
                "hedged": rng.random() < 0.2,
            }
            for _ in range(min(count, 3))
        ]
        g.add_edge(
            u,
            v,
            key=rel,
            relation=rel,
            quad=info[rel].quad,
            sign=0,
            negated=False,
            count=count,
            weight=count,
            hedged_only=rng.random() < 0.1,
            first=days[0],
            last=days[1],
            evidence=evidence,
        )
        made += 1
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    return g


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="also write the page here")
    ap.add_argument("--screenshot", type=Path, help="save a screenshot after settling")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"skipped: {CHROMIUM} is missing (apt-get install chromium)")
        return 0
    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    g = random_graph(args.actors, args.edges, args.seed)
    t1 = time.perf_counter()
    page_html = render(g, title="bench")
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-view.html"
        path.write_text(page_html, encoding="utf-8")
        if args.keep:
            args.keep.write_text(page_html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            t3 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("() => window.kgSettled === true", timeout=120_000, polling=50)
            t4 = time.perf_counter()
            in_page = page.evaluate("window.kgSettleMs") / 1000
            shown = page.evaluate("[window.kgNodes.length, window.kgEdges.length]")
            timings = page.evaluate("window.kgTimings")
            if args.screenshot:
                page.screenshot(path=str(args.screenshot))
            browser.close()
    print(f"graph: {g.number_of_nodes()} actors, {g.number_of_edges()} edges (generated in {t1 - t0:.2f} s)")
    print(f"render: {t2 - t1:.2f} s, HTML {len(page_html.encode()) / 1e6:.2f} MB")
    print(f"page: {shown[0]} nodes, {shown[1]} edges in the DataSets")
    print("in-page milestones (s since navigation):", ", ".join(f"{k} {v / 1000:.2f}" for k, v in timings.items()))
    print(f"open -> settled: {t4 - t3:.2f} s wall clock ({in_page:.2f} s since navigation start, in the page)")
    if errors:
        print("page errors:", *errors, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
