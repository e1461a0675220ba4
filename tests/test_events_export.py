"""The GDELT-style event export (kg export --format events), the CAMEO codes and Goldstein values
it carries, spreadsheet-formula neutralisation in both CSV exports, and kg.query.to_dataframe."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.backend import open_store
from kg.cli import app
from kg.export import EVENT_COLUMNS, cameo_code, event_rows, goldstein, safe_cell
from kg.ontology import relations
from kg.pipeline import build
from kg.query import to_dataframe

IRN, RUS = "https://w3id.org/kg/id/country/IRN", "https://w3id.org/kg/id/country/RUS"


def export_rows(store: Path, fmt: str, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / f"{fmt}.csv"
    res = CliRunner().invoke(app, ["export", "--store", str(store), "--format", fmt, "--out", str(out), "--force"])
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


# ------------------------------------------------------------------ CAMEO codes and the Goldstein scale
def test_every_event_relation_has_a_cameo_code_under_its_roots_and_a_goldstein_value():
    scale = goldstein()
    for name, info in relations().items():
        code = cameo_code(name)
        if not info.cameo:
            assert code == "" and info.quad is None  # the roles: leads, memberOf
            continue
        assert any(code.startswith(root) for root in info.cameo), (name, code, info.cameo)
        assert code in scale, (name, code)


def test_goldstein_values_are_the_cameo_scale():
    scale = goldstein()
    assert len(scale) == 311
    assert (scale["042"], scale["057"], scale["070"], scale["163"], scale["190"], scale["0874"]) == (
        1.9,
        8.0,
        7.0,
        -8.0,
        -10.0,
        10.0,
    )
    assert all(-10 <= v <= 10 for v in scale.values())


@pytest.mark.parametrize(
    "relation, trigger, code",
    [
        ("sanctions", "imposed sanctions", "163"),
        ("sanctions", "expelled", "161"),
        ("attacks", "shelled", "194"),
        ("attacks", "struck", "190"),
        ("meets", "visited", "042"),
        ("aids", "humanitarian aid", "073"),
    ],
)
def test_the_trigger_refines_the_cameo_code(relation, trigger, code):
    assert cameo_code(relation, trigger) == code


# ------------------------------------------------------------------ the event table
def test_event_export_has_the_gdelt_style_columns_and_one_row_per_statement(data_store, tmp_path):
    rows = export_rows(data_store, "events", tmp_path)
    statements = export_rows(data_store, "csv", tmp_path)
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert len(rows) == len(statements) == len({r["event_id"] for r in rows})
    drones = [
        r
        for r in rows
        if r["actor1_id"] == IRN and r["actor2_id"] == RUS and r["relation"] == "supplies" and r["negated"] == "false"
    ]
    assert drones, "data/ says Iran supplied drones to Russia"
    r = drones[0]
    assert (r["actor1_name"], r["actor1_type"], r["actor1_country"], r["actor1_code"]) == (
        "Iran",
        "Country",
        "IRN",
        "IRN",
    )
    assert (r["actor2_code"], r["plover"], r["cameo_root"], r["cameo_code"], r["quad_class"], r["goldstein"]) == (
        "RUS",
        "AID",
        "07",
        "070",
        "2",
        "7.0",
    )
    assert r["statement"].endswith("/" + r["event_id"]) and r["event"].startswith("https://w3id.org/kg/id/event/")
    assert r["source"].endswith("data/txt/2024-03-05-iran-russia-drones.txt")
    assert r["title"] == "Ukraine accuses Iran of supplying new drones to Russia"
    assert r["published"] == "2024-03-05"
    assert r["date"].startswith(r["event_date"]) if r["event_date"] else r["date"] == r["published"]
    text = (Path(r["source"])).read_text(encoding="utf-8")
    assert text[int(r["start"]) : int(r["end"])] == r["sentence"]
    sectors = [r for r in rows if r["actor1_type"] == "SectorActor"]
    assert sectors and all(r["actor1_code"] == r["actor1_country"] + r["actor1_sector"] for r in sectors)
    negated = [r for r in rows if r["negated"] == "true"]
    assert negated and all(r["event"] == "" for r in negated)


def test_event_ids_are_stable_across_exports(data_store, tmp_path):
    first = [r["event_id"] for r in export_rows(data_store, "events", tmp_path)]
    with open_store(data_store, create=False, read_only=True) as st:
        again = [r["event_id"] for r in event_rows(st)]
    assert first == again


# ------------------------------------------------------------------ spreadsheet formulas
@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_formula_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value and safe_cell("Iran") == "Iran"


def test_hostile_titles_cannot_become_formulas_in_either_csv_export(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(
        '---\ntitle: "=HYPERLINK(""http://evil.example"",""x"")"\ndate: 2024-03-05\n---\n\n'
        "The EU imposed sanctions on Belarus.\n"
    )
    store = tmp_path / "store"
    build([str(tmp_path / "in")], store_path=store)
    [event] = export_rows(store, "events", tmp_path)
    [statement] = export_rows(store, "csv", tmp_path)
    assert event["title"].startswith("'=HYPERLINK(") and statement["document"].startswith("'=HYPERLINK(")
    assert event["goldstein"] == "-8.0"  # numbers keep their sign: never neutralised


# ------------------------------------------------------------------ notebooks' helper
def test_to_dataframe_gives_values_not_rdf_terms(data_store):
    df = to_dataframe(
        data_store,
        "SELECT ?label ?n ?day ?neg WHERE { ?st kg:subject ?a ; kg:date ?day ; kg:negated ?neg ; kg:confidence ?n . "
        "?a rdfs:label ?label } LIMIT 5",
    )
    assert list(df.columns) == ["label", "n", "day", "neg"] and len(df) == 5
    assert str(df["day"].dtype).startswith("datetime64") and df["n"].dtype.kind == "f" and df["neg"].dtype == bool
    assert set(df["label"]) <= {r for r in df["label"] if not r.startswith("http")}
    with open_store(data_store, create=False, read_only=True) as st:
        same = to_dataframe(st, "SELECT ?a WHERE { ?st kg:subject ?a } LIMIT 1")
    assert same["a"][0].startswith("https://w3id.org/kg/id/")


def test_event_groups_have_one_row_per_event_with_gdelt_counts(data_store, tmp_path):
    from kg.export import EVENT_GROUP_COLUMNS

    statements = export_rows(data_store, "events", tmp_path)
    groups = export_rows(data_store, "event-groups", tmp_path)
    assert list(groups[0]) == list(EVENT_GROUP_COLUMNS)
    events = {r["event"] for r in statements if r["event"]}
    assert {g["event"] for g in groups} == events and len(groups) == len(events)
    assert [g["date"] for g in groups] == sorted(g["date"] for g in groups)
    assert sum(int(g["num_mentions"]) for g in groups) == sum(1 for r in statements if r["event"])
    for g in groups:
        members = [r for r in statements if r["event"] == g["event"]]
        assert int(g["num_mentions"]) == len(members)
        assert int(g["num_articles"]) == len({r["document"] for r in members})
        assert 1 <= int(g["num_sources"]) <= int(g["num_articles"])
        assert g["date"] == min(r["date"] for r in members)
        assert {(r["actor1_id"], r["relation"], r["actor2_id"]) for r in members} >= {
            (g["actor1_id"], g["relation"], g["actor2_id"])
        }
        assert g["hedged"] == ("true" if all(r["hedged"] == "true" for r in members) else "false")
    assert any(int(g["num_mentions"]) > 1 for g in groups), "data/ reports some events more than once"
