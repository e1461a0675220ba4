"""What commands write and print: one overwrite rule for every file written (view, export,
query --out, eval --errors), never into a store, tables never cut, limited lists that say so,
and one PageRank and one degree for the CLI, the view and the library."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.backend import open_store
from kg.cli import app
from kg.network import degrees, pagerank, project, rank_actors
from kg.view import graph_data

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd: Path | None = None):
    if cwd is None:
        return CliRunner().invoke(app, [str(a) for a in args])
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, [str(a) for a in args])
    finally:
        os.chdir(here)


# ------------------------------------------------------------------ the overwrite rule
def test_view_without_out_never_overwrites_the_last_view(data_store, tmp_path):
    first = run("view", "--store", data_store, cwd=tmp_path)
    second = run("view", "--store", data_store, "--top", "5", cwd=tmp_path)
    assert first.exit_code == 0 and second.exit_code == 0
    assert first.stdout.startswith(f"wrote {tmp_path / 'kg-view.html'} (")
    assert second.stdout.startswith(f"wrote {tmp_path / 'kg-view-2.html'} (5 actors, ")
    assert (tmp_path / "kg-view.html").read_text() != (tmp_path / "kg-view-2.html").read_text()


@pytest.mark.parametrize(
    "command",
    [
        ["view", "--out", "{out}"],
        ["export", "--format", "csv", "--out", "{out}"],
        ["query", "SELECT ?s WHERE { ?s a kg:Country } LIMIT 2", "--format", "csv", "--out", "{out}"],
    ],
)
def test_an_existing_file_is_overwritten_only_with_force(data_store, tmp_path, command):
    out = tmp_path / "result.out"
    out.write_text("keep me")
    args = [a.replace("{out}", str(out)) for a in command] + ["--store", str(data_store)]
    res = run(*args)
    assert res.exit_code == 2
    assert res.output == f"error: {out} exists; use --force to overwrite it, or give another file name\n"
    assert out.read_text() == "keep me"
    res = run(*args, "--force")
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith(f"wrote {out} (") and out.read_text() != "keep me"


def test_a_symlink_is_written_through_only_with_force(data_store, tmp_path):
    target = tmp_path / "target.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    res = run("export", "--store", data_store, "--out", link)
    assert (
        res.exit_code == 2
        and res.output == f"error: {link} is a symlink (to {target}); use --force to write through it\n"
    )
    assert target.read_text() == "old"
    res = run("export", "--store", data_store, "--out", link, "--force")
    assert res.exit_code == 0 and res.stdout.startswith(f"wrote {link} -> {target} (csv, ")
    assert link.is_symlink() and target.read_text().startswith("date,source,")


@pytest.mark.parametrize("name", ["view.html", "kg-store.json", "sub/x.ttl"])
def test_nothing_is_written_into_a_store_folder(data_store, tmp_path, name):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(data_store, store)
    (store / "sub").mkdir()
    before = {p: p.stat().st_mtime_ns for p in store.rglob("*")}
    target = store / name
    res = run("export", "--store", store, "--format", "ttl", "--out", target, "--force")
    assert res.exit_code == 2
    assert res.output == f"error: {target} is inside the kg store {store}; write it outside the store folder\n"
    assert {p: p.stat().st_mtime_ns for p in store.rglob("*")} == before


def test_eval_refuses_to_overwrite_its_error_file_before_scoring(tmp_path):
    errors = tmp_path / "errors.jsonl"
    errors.write_text("mine\n")
    res = run("eval", ROOT / "tests" / "gold" / "dev.jsonl", "--errors", errors)
    assert res.exit_code == 2 and "errors.jsonl exists; use --force" in res.output
    assert errors.read_text() == "mine\n"


# ------------------------------------------------------------------ tables and limited lists
def test_tables_in_a_pipe_are_never_cut(data_store):
    res = run(
        "query", "SELECT ?sentence ?date WHERE { ?st kg:sentence ?sentence ; kg:date ?date }", "--store", data_store
    )
    assert res.exit_code == 0
    from kg.query import run_query

    with open_store(data_store, create=False, read_only=True) as st:
        result = run_query(st, "SELECT ?s ?d WHERE { ?st kg:sentence ?s ; kg:date ?d }")
    rows = [(s.value, d.value) for s, d in result.rows]
    longest = max(rows, key=lambda r: len(r[0]))
    assert len(longest[0]) > 100
    assert longest[0] in res.stdout and longest[1] in res.stdout  # whole sentence, whole date, one line
    assert "…" not in res.stdout


def test_a_list_cut_at_top_says_so(data_store):
    res = run("actors", "--store", data_store, "--format", "tsv")
    with open_store(data_store, create=False, read_only=True) as st:
        total = project(st).number_of_nodes()
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 21  # header + the first 20
    assert res.stderr == f"showing 20 of {total} actors (--top to change)\n"
    res = run("actors", "--store", data_store, "--format", "tsv", "--top", str(total + 5))
    assert res.stderr == "" and len(res.stdout.splitlines()) == total + 1
    res = run("rivals", "Russia", "--store", data_store, "--top", "1", "--format", "json")
    assert len(json.loads(res.stdout)) == 1 and res.stderr.startswith("showing 1 of ")


def test_extract_table_prints_the_count_on_its_own_line(tmp_path):
    (tmp_path / "a.txt").write_text("Iran supplied drones to Russia.\n")
    res = run("extract", tmp_path / "a.txt", "--format", "table")
    lines = res.stdout.splitlines()
    assert res.exit_code == 0 and lines[-2].startswith("└") and lines[-1] == "1 relations"


# ------------------------------------------------------------------ one PageRank, one degree
def test_the_cli_the_view_and_the_library_share_pagerank_and_degree(data_store):
    with open_store(data_store, create=False, read_only=True) as st:
        g = project(st)
    ranked = {r["actor"]: r for r in rank_actors(g, by="pagerank")}
    pr, deg = pagerank(g), degrees(g)
    nodes = {n["id"]: n for n in graph_data(g)["nodes"]}
    for actor, row in ranked.items():
        assert row["pagerank"] == round(pr[actor], 6) == nodes[actor]["pagerank"]
        assert row["degree"] == deg[actor] == nodes[actor]["degree"]
    res = run("actors", "--store", data_store, "--by", "pagerank", "--format", "json", "--top", "5")
    assert [(a["actor"], a["pagerank"], a["degree"]) for a in json.loads(res.stdout)] == [
        (r["actor"], r["pagerank"], r["degree"]) for r in list(ranked.values())[:5]
    ]
    # the top of the ranking acts and is acted upon: no actor outranks one with more statements and partners
    top = list(ranked.values())[0]
    assert top["statements"] == max(r["statements"] for r in ranked.values()) or top["degree"] == max(deg.values())


def test_help_names_the_measures():
    import re

    text = re.sub(r"[│\s]+", " ", run("actors", "--help").stdout)
    assert "degree (distinct partners, statements in either direction)" in text
    assert "pagerank (PageRank on the undirected graph weighted by statements" in text
