"""Time every saved query on a generated store of one million triples or more.

Run by hand (not part of the test suite)::

    .venv/bin/python bench/bench_query.py                    # generate into a temporary folder
    .venv/bin/python bench/bench_query.py --store /tmp/kg-1m --keep   # keep it for a re-run
    .venv/bin/python bench/bench_query.py --store /tmp/kg-1m          # re-use a kept store

The store is written the way ``kg build`` writes it: synthetic documents and relations
(:class:`kg.corpus.Document`, :class:`kg.extract.Relation` with real gazetteer actors) through
:meth:`kg.store.KGStore.replace_document`, so the layout is exactly the store's. Each saved query
then runs through :func:`kg.query.run_query` (Oxigraph's engine), all rows fetched; the figure
is the median of ``--repeat`` runs. The network projection and analytics are timed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.actors import gazetteer, person_actor, resolve_name  # noqa: E402
from kg.backend import open_store  # noqa: E402
from kg.corpus import Document  # noqa: E402
from kg.extract import Relation  # noqa: E402
from kg.ontology import relations  # noqa: E402
from kg.queries import bind_params, saved_queries  # noqa: E402
from kg.query import run_query  # noqa: E402

# Parameters for the saved queries: busy actors of the generated store.
PARAMS = {"actor": "Russia", "a": "Russia", "b": "China", "relation": "supplies"}
BUDGET_S = 1.0


def actor_pool(rng: random.Random, persons: int = 400) -> list:
    """Countries and organisations of the gazetteer plus synthetic persons, busiest first."""
    gz = gazetteer()
    busy = [
        resolve_name(n)
        for n in (
            "Russia",
            "China",
            "United States",
            "Ukraine",
            "Iran",
            "India",
            "European Union",
            "NATO",
            "Israel",
            "Turkey",
        )
    ]
    countries = sorted(gz.countries.values(), key=lambda a: a.id)
    orgs = sorted({a.id: a for a in gz.by_surface.values() if a.type != "Country"}.values(), key=lambda a: a.id)
    codes = [c.country for c in countries]
    people = [person_actor(f"Person {i:04d}", country=rng.choice(codes)) for i in range(persons)]
    return busy + countries + orgs + people


def generate(store_path: Path, target_triples: int, seed: int = 7) -> tuple[int, int, float]:
    """Write synthetic documents until the store holds ``target_triples`` quads."""
    rng = random.Random(seed)
    pool = actor_pool(rng)
    weights = [40 if i < 10 else (1 if i < 400 else 0.5) for i in range(len(pool))]
    names = [r for r in relations()]
    rel_weights = [3 if r in ("meets", "accuses", "supplies", "criticizes", "requests") else 1 for r in names]
    start = dt.date(2023, 1, 1)
    t0 = time.perf_counter()
    statements = 0
    docs = 0
    with open_store(store_path, create=True) as st:
        while True:
            day = start + dt.timedelta(days=rng.randrange(900))
            doc = Document(
                key=f"bench/doc-{docs:06d}.txt",
                display=f"doc-{docs:06d}.txt",
                text=f"synthetic {docs}",
                title=f"Synthetic report {docs}",
                date=day,
                url=None,
                source="bench",
            )
            rels = []
            for i in range(rng.randint(6, 20)):
                s, o = rng.choices(pool, weights=weights, k=2)
                if s.id == o.id:
                    continue
                rel = rng.choices(names, weights=rel_weights)[0]
                sentence = f"{s.label} {relations()[rel].label} {o.label} according to report {docs}, item {i}."
                rels.append(
                    Relation(
                        subject=s,
                        relation=rel,
                        object=o,
                        negated=rng.random() < 0.05,
                        hedged=rng.random() < 0.15,
                        confidence=round(rng.uniform(0.5, 0.95), 2),
                        sentence=sentence,
                        start=i * 100,
                        end=i * 100 + len(sentence),
                        date=(day - dt.timedelta(days=rng.randrange(3))).isoformat(),
                        trigger=relations()[rel].label,
                        rule="bench",
                    )
                )
            statements += st.replace_document(doc, rels, sentences=len(rels), words=len(rels) * 12)
            docs += 1
            if docs % 200 == 0 and len(st) >= target_triples:
                break
        st.flush()
        total = len(st)
    return total, statements, time.perf_counter() - t0


def time_queries(store_path: Path, repeat: int) -> list[dict]:
    rows = []
    with open_store(store_path, create=False, read_only=True) as st:
        for name, sq in saved_queries().items():
            values = {p: PARAMS[p] for p in sq.params if p in PARAMS}
            bindings = bind_params(values, sq)
            times, n = [], 0
            for _ in range(repeat):
                res = run_query(st, sq.text, bindings=bindings, timeout=120)
                times.append(res.seconds)
                n = len(res.rows) if res.kind == "select" else len(res.triples or [])
            rows.append(
                {
                    "query": name,
                    "params": " ".join(f"{k}={v}" for k, v in values.items()),
                    "rows": n,
                    "median": statistics.median(times),
                    "min": min(times),
                    "max": max(times),
                }
            )
    return rows


def time_network(store_path: Path) -> list[tuple[str, float, str]]:
    from kg import network

    out = []
    with open_store(store_path, create=False, read_only=True) as st:
        t = time.perf_counter()
        g = network.project(st)
        out.append(
            (
                "project (whole store)",
                time.perf_counter() - t,
                f"{g.number_of_nodes()} actors, {g.number_of_edges()} edges",
            )
        )
    for label, fn in (
        ("rank_actors by degree", lambda: network.rank_actors(g, by="degree", top=20)),
        ("rank_actors by pagerank", lambda: network.rank_actors(g, by="pagerank", top=20)),
        ("neighbors Russia", lambda: network.neighbors(g, "Russia")),
        ("shortest_path Russia -> Person 0001", lambda: network.shortest_path(g, "Russia", "Person 0001")),
        ("communities (Louvain)", lambda: network.communities(g)),
        ("ego Russia depth 1", lambda: network.ego(g, "Russia", depth=1)),
        ("rivals Russia", lambda: network.rivals(g, "Russia")),
        ("allies Russia", lambda: network.allies(g, "Russia")),
    ):
        t = time.perf_counter()
        res = fn()
        out.append((label, time.perf_counter() - t, f"{len(res)} rows"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="store folder (re-used if it is already a kg store)")
    ap.add_argument("--triples", type=int, default=1_000_000, help="quads to generate (default 1,000,000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query; the median is reported")
    ap.add_argument("--keep", action="store_true", help="keep a generated temporary store")
    ap.add_argument("--no-network", action="store_true", help="skip the network analytics timings")
    args = ap.parse_args(argv)

    tmp = None
    store_path = args.store
    if store_path is None:
        tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        store_path = tmp / "store"
    try:
        if (store_path / "kg-store.json").exists():
            with open_store(store_path, create=False, read_only=True) as st:
                total = len(st)
            print(f"re-using {store_path}: {total:,} quads")
        else:
            total, statements, secs = generate(store_path, args.triples)
            print(f"generated {store_path}: {total:,} quads, {statements:,} statements in {secs:.1f} s")
        rows = time_queries(store_path, args.repeat)
        from rich.console import Console
        from rich.table import Table

        table = Table(
            "saved query",
            "params",
            "rows",
            "median s",
            "min s",
            "max s",
            title=f"saved queries on {total:,} quads (median of {args.repeat})",
        )
        for r in rows:
            flag = "" if r["median"] < BUDGET_S else "  (over 1 s)"
            table.add_row(
                r["query"],
                r["params"],
                str(r["rows"]),
                f"{r['median']:.3f}{flag}",
                f"{r['min']:.3f}",
                f"{r['max']:.3f}",
            )
        console = Console(width=120)
        console.print(table)
        slow = [r["query"] for r in rows if r["median"] >= BUDGET_S]
        print("every saved query under 1 s" if not slow else f"over 1 s: {', '.join(slow)}")
        if not args.no_network:
            net = Table("network", "seconds", "result", title="network analytics (one run)")
            for label, secs, what in time_network(store_path):
                net.add_row(label, f"{secs:.3f}", what)
            console.print(net)
        return 1 if slow else 0
    finally:
        if tmp is not None and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        elif tmp is not None:
            print(f"kept {store_path}")


if __name__ == "__main__":
    sys.exit(main())
