"""Printing results: rich tables for people; CSV, TSV, SPARQL 1.1 JSON and Turtle for tools.

Two kinds of results come here: SPARQL results (:class:`kg.query.QueryResult`, printed by
:func:`print_result`) and the plain rows of the network analytics (lists of dicts, printed by
:func:`print_rows`).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence

import pyoxigraph as ox
from rdflib.namespace import XSD
from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
from rich.table import Table

from kg.ontology import KG, KGR, prefix_iris
from kg.query import QueryError, QueryResult, term_value

QUERY_FORMATS = ("table", "csv", "tsv", "json", "ttl")
ROW_FORMATS = ("table", "csv", "tsv", "json")
_XSD_STRING = str(XSD.string)
TURTLE_PREFIXES = prefix_iris("owl")  # CONSTRUCT results rarely use owl: terms


def json_term(term) -> dict | None:
    """A result term in the SPARQL 1.1 JSON results format.

    >>> json_term(ox.Literal("2024-05-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
    {'type': 'literal', 'value': '2024-05-01', 'datatype': 'http://www.w3.org/2001/XMLSchema#date'}
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    d = {"type": "literal", "value": term.value}
    if term.language:
        d["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != _XSD_STRING:
        d["datatype"] = term.datatype.value
    return d


def sparql_json(result: QueryResult) -> dict:
    """The SPARQL 1.1 Query Results JSON document of a SELECT or ASK result."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    return {
        "head": {"vars": result.variables},
        "results": {
            "bindings": [
                {v: json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
            ]
        },
    }


def turtle(triples) -> str:
    """Triples (CONSTRUCT / DESCRIBE results) as Turtle with the kg prefixes."""
    buf = io.BytesIO()
    ox.serialize(list(triples), buf, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return buf.getvalue().decode("utf-8")


def _plain(value: str) -> str:
    # One row per line in TSV: tabs and line breaks inside values become spaces.
    return " ".join(value.split()) if ("\t" in value or "\n" in value or "\r" in value) else value


def write_delimited(columns: Sequence[str], rows, fmt: str, stream=None) -> None:
    """A header row then one row per result, plain values; ``fmt`` is csv or tsv."""
    stream = stream or sys.stdout
    if fmt == "csv":
        w = csv.writer(stream, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    else:
        stream.write("\t".join(_plain(c) for c in columns) + "\n")
        for row in rows:
            stream.write("\t".join(_plain(str(v)) for v in row) + "\n")


def print_result(result: QueryResult, fmt: str, console: Console, stream=None) -> None:
    """Print a query result in ``fmt`` (table, csv, tsv, json or ttl)."""
    stream = stream or sys.stdout
    if fmt not in QUERY_FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use {', '.join(QUERY_FORMATS)}")
    if result.kind == "update":
        console.print("update applied")
        return
    if result.kind == "graph":
        # CONSTRUCT / DESCRIBE give triples: Turtle whatever the format.
        stream.write(turtle(result.triples or []))
        return
    if fmt == "ttl":
        raise QueryError("--format ttl is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json")
    if fmt == "json":
        stream.write(json.dumps(sparql_json(result), ensure_ascii=False) + "\n")
        return
    if result.kind == "ask":
        if fmt in ("csv", "tsv"):
            write_delimited(["boolean"], [["true" if result.boolean else "false"]], fmt, stream)
        else:
            console.print("true" if result.boolean else "false")
        return
    if fmt in ("csv", "tsv"):
        write_delimited(result.variables, ([term_value(t) for t in row] for row in result.rows), fmt, stream)
        return
    cells = [[short(term_value(x)) for x in row] for row in result.rows]
    print_table(console, make_table(result.variables, cells, console=console))
    console.print(f"{len(result.rows)} rows ({result.seconds:.2f} s)", style="dim", markup=False)


def short(value: str) -> str:
    """An IRI with the kg namespaces shortened for a table.

    >>> short("https://w3id.org/kg/id/country/RUS")
    'kgr:country/RUS'
    """
    for prefix, name in ((str(KG), "kg:"), (str(KGR), "kgr:")):
        if value.startswith(prefix):
            return name + value[len(prefix) :]
    return value


TABLE_CELL_MAX = 100  # characters of a cell on a terminal; a pipe or a file gets every cell whole
SHORT_CELL = 24  # a column whose cells are all this short (dates, codes, numbers) is never wrapped or cut


def _fit(text: str) -> str:
    """A table cell cut to ``TABLE_CELL_MAX`` characters, so long sentences do not swamp a terminal."""
    return text if len(text) <= TABLE_CELL_MAX else text[: TABLE_CELL_MAX - 1] + "…"


def make_table(
    columns: Sequence[str], rows: Iterable[Sequence[str]], title: str | None = None, console: Console | None = None
) -> Table:
    """A rich table of plain text cells (markup escaped) that never cuts a value short.

    Columns whose cells are all short (dates, ISO codes, numbers) keep their full width; long
    ones wrap (a word longer than the column folds onto the next line instead of ending in
    "…"). On a terminal, cells longer than :data:`TABLE_CELL_MAX` are shortened; elsewhere
    (a pipe, a file) every cell is whole, and :func:`print_table` prints the table at its
    natural width.
    """
    rows = [[str(c) for c in row] for row in rows]
    terminal = console is not None and console.is_terminal
    if terminal:
        rows = [[_fit(c) for c in row] for row in rows]
    table = Table(title=escape(title) if title else None)
    for i, name in enumerate(columns):
        widest = max([len(r[i]) for r in rows if i < len(r)] + [len(name)])
        if widest <= SHORT_CELL:
            table.add_column(escape(name), no_wrap=True, min_width=widest)
        else:
            table.add_column(escape(name), overflow="fold")
    for row in rows:
        table.add_row(*[escape(c) for c in row])
    return table


def print_table(console: Console, table: Table) -> None:
    """Print ``table`` whole: on a terminal at the terminal's width, elsewhere (a pipe, a file)
    at the table's natural width, so no column is squeezed and no cell is cut."""
    if console.is_terminal:
        console.print(table)
        return
    wide = console.options.update(width=1_000_000, max_width=1_000_000)
    need = Measurement.get(console, wide, table).maximum
    Console(file=console.file, width=max(need, 20), highlight=False, color_system=None).print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def print_rows(
    rows: list[dict],
    fmt: str,
    console: Console,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    stream=None,
) -> None:
    """Print plain rows (dicts) as a rich table, CSV, TSV or a JSON list of objects."""
    stream = stream or sys.stdout
    if fmt not in ROW_FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use {', '.join(ROW_FORMATS)}")
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    if fmt in ("csv", "tsv"):
        write_delimited(columns, ([_cell(r.get(c)) for c in columns] for r in rows), fmt, stream)
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    print_table(console, make_table(columns, cells, title=title, console=console))
    console.print(f"{len(rows)} rows", style="dim", markup=False)
