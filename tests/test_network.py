"""Network analytics (kg.network) on small graphs with known answers, and the CLI commands on a
small store written in the test."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from kg import network
from kg.actors import resolve_name
from kg.backend import open_store
from kg.cli import app
from kg.corpus import Document
from kg.extract import Relation
from kg.network import NoPath, UnknownActor, make_graph


# ---------------------------------------------------------------------------- library, hand-made graphs
def two_triangles():
    """Two tight triangles (weight 3 per edge) joined by one weak edge c -> x."""
    return make_graph(
        [
            ("a", "b", "meets", 3),
            ("b", "c", "supplies", 3),
            ("c", "a", "supports", 3),
            ("x", "y", "attacks", 3),
            ("y", "z", "accuses", 3),
            ("z", "x", "threatens", 3),
            ("c", "x", "requests"),
        ]
    )


def test_communities_split_the_two_triangles():
    rows = network.communities(two_triangles())
    assert [(r["community"], r["size"], r["labels"]) for r in rows] == [
        (1, 3, ["a", "b", "c"]),
        (2, 3, ["x", "y", "z"]),
    ]


def test_communities_same_seed_same_answer():
    g = two_triangles()
    assert network.communities(g, seed=7) == network.communities(g, seed=7)


def test_directed_shortest_path_with_evidence():
    g = two_triangles()
    hops = network.shortest_path(g, "a", "z")
    assert [(h["source"], h["direction"], h["relation"], h["target"]) for h in hops] == [
        ("a", "->", "meets", "b"),
        ("b", "->", "supplies", "c"),
        ("c", "->", "requests", "x"),
        ("x", "->", "attacks", "y"),
        ("y", "->", "accuses", "z"),
    ]
    assert hops[0]["sentence"] == "a meets b."


def test_path_falls_back_to_undirected():
    # No directed path from z to a: c -> x is the only bridge and it points the other way.
    hops = network.shortest_path(two_triangles(), "z", "a")
    assert [(h["source"], h["direction"], h["target"]) for h in hops] == [
        ("z", "->", "x"),
        ("x", "<-", "c"),
        ("c", "->", "a"),
    ]


def test_no_path_and_unknown_actor():
    g = make_graph([("a", "b", "meets"), ("c", "d", "meets")])
    with pytest.raises(NoPath, match="no chain of statements links a and c"):
        network.shortest_path(g, "a", "c")
    with pytest.raises(UnknownActor, match="unknown actor 'Atlantis'"):
        network.neighbors(g, "Atlantis")


def test_ranking_by_degree_pagerank_betweenness():
    # A path a - b - c - d plus a leaf e on c: c has the most partners and lies on most paths.
    g = make_graph([("a", "b", "meets"), ("b", "c", "meets"), ("c", "d", "meets"), ("e", "c", "meets")])
    by_degree = network.rank_actors(g, by="degree")
    assert [(r["rank"], r["label"], r["degree"]) for r in by_degree] == [
        (1, "c", 3),
        (2, "b", 2),
        (3, "a", 1),
        (4, "d", 1),
        (5, "e", 1),
    ]
    by_between = network.rank_actors(g, by="betweenness", top=2)
    # c lies on the shortest paths of 5 of the 6 pairs of other actors, b on 3 (normalised by 6).
    assert [(r["label"], r["betweenness"]) for r in by_between] == [("c", round(5 / 6, 6)), ("b", 0.5)]
    by_rank = network.rank_actors(g, by="pagerank")
    assert by_rank[0]["label"] == "c"  # the most partners: edges count both ways
    assert by_rank[-1]["label"] in ("a", "d", "e")  # a sink is not central for being a target
    assert round(sum(r["pagerank"] for r in by_rank), 4) == 1.0


def test_pagerank_of_a_cycle_is_uniform():
    pr = network.pagerank(make_graph([("a", "b", "meets"), ("b", "c", "meets"), ("c", "a", "meets")]))
    assert {k: round(v, 6) for k, v in pr.items()} == {"a": 0.333333, "b": 0.333333, "c": 0.333333}


def test_balance_rivals_allies_count_both_directions():
    g = make_graph(
        [
            ("a", "b", "supplies", 2),
            ("b", "a", "accuses"),
            ("c", "a", "attacks", 2),
            ("a", "c", "meets"),
            ("a", "d", "sanctions"),
            ("e", "a", "leads"),
        ]
    )
    assert [(r["label"], r["cooperation"], r["conflict"], r["balance"]) for r in network.balance(g, "a")] == [
        ("b", 2, 1, 1),
        ("c", 1, 2, -1),
        ("d", 0, 1, -1),
    ]
    assert [r["label"] for r in network.allies(g, "a")] == ["b"]
    assert [(r["label"], r["balance"]) for r in network.rivals(g, "a")] == [("c", -1), ("d", -1)]


def test_ego_and_neighbors():
    g = two_triangles()
    # Sorted by distance, then statements inside the ego network (c: 3 + 3 + 1, b: 3 + 3).
    assert [(r["label"], r["distance"], r["statements"]) for r in network.ego(g, "a", depth=2)] == [
        ("a", 0, 6),
        ("c", 1, 7),
        ("b", 1, 6),
        ("x", 2, 1),
    ]
    assert sorted(network.ego_graph(g, "a", depth=1)) == ["a", "b", "c"]
    rows = network.neighbors(g, "c")
    assert [(r["partner_label"], r["direction"], r["relation"], r["count"]) for r in rows] == [
        ("a", "out", "supports", 3),
        ("b", "in", "supplies", 3),
        ("x", "out", "requests", 1),
    ]


def test_find_actor_by_alias_label_and_code():
    rus = "https://w3id.org/kg/id/country/RUS"
    g = make_graph([(rus, "x", "meets")], actors={rus: {"label": "Russia", "type": "Country", "country": "RUS"}})
    for name in ("Moscow", "the Kremlin", "Russia", "russia", "RUS", rus):
        assert network.find_actor(g, name) == rus


# ---------------------------------------------------------------------------- projection and CLI on a store
RUS, IRN, UKR, CHN, USA = (resolve_name(n) for n in ("Russia", "Iran", "Ukraine", "China", "United States"))


def _rel(s, rel, o, sentence, start, negated=False, date="2024-03-05"):
    return Relation(
        subject=s,
        relation=rel,
        object=o,
        negated=negated,
        hedged=False,
        confidence=0.9,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=date,
        trigger=rel,
        rule="test",
    )


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("net") / "store"
    with open_store(path, create=True) as st:
        st.replace_document(
            Document(key="a.txt", display="a.txt", text="a", title="Drones", date=dt.date(2024, 3, 5)),
            [
                _rel(IRN, "supplies", RUS, "Iran supplied drones to Russia.", 0),
                _rel(UKR, "accuses", IRN, "Ukraine accused Iran.", 40),
                _rel(RUS, "attacks", UKR, "Russia did not attack Ukraine.", 80, negated=True),
            ],
        )
        st.replace_document(
            Document(key="b.txt", display="b.txt", text="b", title="Drills", date=dt.date(2024, 9, 12)),
            [
                _rel(RUS, "cooperatesWith", CHN, "Russia and China held drills.", 0, date="2024-09-12"),
                _rel(USA, "sanctions", IRN, "The US sanctioned Iran.", 40, date="2024-09-12"),
            ],
        )
    return path


runner = CliRunner()


def kg(*args):
    return runner.invoke(app, list(args))


def test_cli_path_gives_each_hop_with_evidence(store_path):
    r = kg("path", "Tehran", "Beijing", "--store", str(store_path), "--format", "json")
    assert r.exit_code == 0, r.output
    assert [
        (h["source_label"], h["direction"], h["relation"], h["target_label"], h["sentence"], h["title"], h["date"])
        for h in json.loads(r.stdout)
    ] == [
        ("Iran", "->", "supplies", "Russia", "Iran supplied drones to Russia.", "Drones", "2024-03-05"),
        ("Russia", "->", "cooperatesWith", "China", "Russia and China held drills.", "Drills", "2024-09-12"),
    ]


def test_cli_allies_and_rivals(store_path):
    r = kg("allies", "the Kremlin", "-s", str(store_path), "-f", "csv")
    assert [(row["label"], row["balance"]) for row in csv.DictReader(io.StringIO(r.stdout))] == [
        ("China", "1"),
        ("Iran", "1"),
    ]
    r = kg("rivals", "Iran", "-s", str(store_path), "-f", "csv")
    assert [(row["label"], row["conflict"], row["balance"]) for row in csv.DictReader(io.StringIO(r.stdout))] == [
        ("Ukraine", "1", "-1"),
        ("United States", "1", "-1"),
    ]


def test_cli_actors_ranking_and_table(store_path):
    r = kg("actors", "-s", str(store_path), "-f", "json", "--by", "degree")
    assert [(a["label"], a["type"], a["country"], a["degree"]) for a in json.loads(r.stdout)] == [
        ("Iran", "Country", "IRN", 3),
        ("Russia", "Country", "RUS", 2),
        ("China", "Country", "CHN", 1),
        ("Ukraine", "Country", "UKR", 1),
        ("United States", "Country", "USA", 1),
    ]
    r = kg("actors", "-s", str(store_path))
    assert r.exit_code == 0 and "actors by degree" in r.stdout and "Iran" in r.stdout


def test_cli_filters_narrow_the_network(store_path):
    # Only material conflict (QuadClass 4): the US sanctions Iran; the negated attack is not there.
    r = kg("neighbors", "Iran", "-s", str(store_path), "-f", "json", "--quad", "4")
    assert [(n["partner_label"], n["direction"], n["relation"]) for n in json.loads(r.stdout)] == [
        ("United States", "in", "sanctions")
    ]
    r = kg("neighbors", "Iran", "-s", str(store_path), "-f", "json", "--relation", "supplies", "--until", "2024-06-30")
    assert [(n["partner_label"], n["relation"]) for n in json.loads(r.stdout)] == [("Russia", "supplies")]
    r = kg("ego", "Moscow", "-s", str(store_path), "-f", "json", "--since", "2024-09-01")
    assert [(e["label"], e["distance"]) for e in json.loads(r.stdout)] == [("Russia", 0), ("China", 1)]


def test_cli_communities(store_path):
    r = kg("communities", "-s", str(store_path), "-f", "json")
    groups = json.loads(r.stdout)
    assert sorted(label for g in groups for label in g["labels"]) == [
        "China",
        "Iran",
        "Russia",
        "Ukraine",
        "United States",
    ]
    assert [g["community"] for g in groups] == list(range(1, len(groups) + 1))


@pytest.mark.parametrize(
    "args, message",
    [
        (["neighbors", "Atlantis"], "error: unknown actor 'Atlantis'"),
        (["path", "Iran", "Atlantis"], "error: unknown actor 'Atlantis'"),
        (["rivals", "Iran", "--relation", "bombs"], "error: unknown relation 'bombs'"),
        (["actors", "--by", "fame"], "error: --by must be one of degree, pagerank, betweenness"),
        (["ego", "Iran", "--since", "March"], "error: --since needs a date as YYYY-MM-DD"),
        (["allies", "Iran", "-f", "xml"], "error: unknown format 'xml'"),
    ],
)
def test_cli_user_errors_are_one_line(store_path, args, message):
    r = kg(*args, "-s", str(store_path))
    assert r.exit_code == 1
    assert r.stderr.startswith(message) and r.stderr.count("\n") == 1


# ---------------------------------------------------------------------------- sector actors and --level
def _sector(country, code):
    from kg.actors import gazetteer, sector_actor

    return sector_actor(country, gazetteer().sectors[code])


ISR, SYR, LEB = (resolve_name(n) for n in ("Israel", "Syria", "Lebanon"))
ISR_MIL, SYR_MIL, SYR_REB = _sector(ISR, "MIL"), _sector(SYR, "MIL"), _sector(SYR, "REB")
HEZ = resolve_name("Hezbollah")


@pytest.fixture(scope="module")
def sector_store(tmp_path_factory):
    """Israeli troops strike Hezbollah (twice, one dated 'in February' in a March article), Israel
    strikes Hezbollah, Syrian troops shell Syrian rebels, Israel leads its military."""
    path = tmp_path_factory.mktemp("sectors") / "store"
    with open_store(path, create=True) as st:
        st.replace_document(
            Document(key="s.txt", display="s.txt", text="s", title="Strikes", date=dt.date(2024, 3, 5)),
            [
                _rel(ISR_MIL, "attacks", HEZ, "Israeli troops struck Hezbollah.", 0),
                _rel(ISR, "attacks", HEZ, "Israel struck Hezbollah.", 40),
                Relation(
                    subject=ISR_MIL,
                    relation="attacks",
                    object=HEZ,
                    negated=False,
                    hedged=False,
                    confidence=0.9,
                    sentence="Israeli jets struck Hezbollah in February.",
                    start=80,
                    end=120,
                    date="2024-02-01",
                    trigger="struck",
                    rule="test",
                    event_date="2024-02",
                    published="2024-03-05",
                ),
                _rel(SYR_MIL, "attacks", SYR_REB, "Syrian troops shelled Syrian rebels.", 140),
                _rel(ISR, "leads", ISR_MIL, "Israel commands its army.", 200),
                _rel(LEB, "criticizes", ISR_MIL, "Lebanon condemned the Israeli army.", 240),
            ],
        )
    return path


def test_state_sectors_are_the_organs_of_the_state_in_sectors_tsv():
    from kg.actors import gazetteer

    assert network.STATE_SECTORS == {code for code, s in gazetteer().sectors.items() if s.state}


def test_project_keeps_sector_actors_at_actor_level(sector_store):
    with open_store(sector_store, create=False, read_only=True) as st:
        g = network.project(st)
    assert g.nodes[ISR_MIL.id] == {
        "label": "Israel: military",
        "type": "SectorActor",
        "kind": None,
        "country": "ISR",
        "sector": "MIL",
    }
    assert g.nodes[SYR_REB.id]["sector"] == "REB" and g.nodes[ISR.id]["sector"] is None
    assert g.edges[ISR_MIL.id, HEZ.id, "attacks"]["count"] == 2
    assert g.edges[ISR.id, HEZ.id, "attacks"]["count"] == 1
    assert g.has_edge(SYR_MIL.id, SYR_REB.id, "attacks") and g.has_edge(ISR.id, ISR_MIL.id, "leads")
    # Evidence keeps the event date as stated and the publication date; first/last use kg:date.
    e = g.edges[ISR_MIL.id, HEZ.id, "attacks"]
    assert (e["first"], e["last"]) == ("2024-02-01", "2024-03-05")
    assert [(ev["date"], ev["event_date"], ev["published"]) for ev in e["evidence"]] == [
        ("2024-02-01", "2024-02", "2024-03-05"),
        ("2024-03-05", None, "2024-03-05"),
    ]


def test_project_state_level_rolls_state_organs_up_and_keeps_non_state_sectors(sector_store):
    with open_store(sector_store, create=False, read_only=True) as st:
        g = network.project(st, level="state")
    assert ISR_MIL.id not in g and SYR_MIL.id not in g
    # Israel's own strike and its troops' two strikes are one dyad of three statements.
    assert g.edges[ISR.id, HEZ.id, "attacks"]["count"] == 3
    assert g.nodes[ISR.id]["rolled_up"] == ["MIL"] and g.nodes[SYR.id]["rolled_up"] == ["MIL"]
    # Syrian troops against Syrian rebels stays a relation: the rebels are not the state.
    assert g.has_edge(SYR.id, SYR_REB.id, "attacks") and g.nodes[SYR_REB.id]["type"] == "SectorActor"
    assert g.has_edge(LEB.id, ISR.id, "criticizes")
    # Israel leading its own military is a loop at state level and disappears.
    assert not any(r == "leads" for *_, r in g.edges(data="relation"))
    with pytest.raises(ValueError, match="unknown level 'country'"):
        network.project(st, level="country")


def test_cli_level_option_on_the_network_commands(sector_store):
    s = str(sector_store)
    r = kg("actors", "-s", s, "-f", "json")
    assert {(a["label"], a["sector"]) for a in json.loads(r.stdout)} >= {
        ("Israel: military", "MIL"),
        ("Syria: rebels", "REB"),
    }
    r = kg("actors", "-s", s, "-f", "json", "--level", "state")
    assert r.exit_code == 0, r.output
    assert sorted(a["label"] for a in json.loads(r.stdout)) == [
        "Hezbollah",
        "Israel",
        "Lebanon",
        "Syria",
        "Syria: rebels",
    ]
    r = kg("neighbors", "Hezbollah", "-s", s, "-f", "json", "--level", "state")
    assert [(n["partner_label"], n["relation"], n["count"]) for n in json.loads(r.stdout)] == [("Israel", "attacks", 3)]
    r = kg("neighbors", "Hezbollah", "-s", s, "-f", "json")
    assert [(n["partner_label"], n["count"]) for n in json.loads(r.stdout)] == [("Israel: military", 2), ("Israel", 1)]
    r = kg("rivals", "Lebanon", "-s", s, "-f", "json", "--level", "state")
    assert [(x["label"], x["sector"], x["balance"]) for x in json.loads(r.stdout)] == [("Israel", None, -1)]
    r = kg("ego", "Syria: rebels", "-s", s, "-f", "json", "--level", "state")
    assert [(x["label"], x["distance"]) for x in json.loads(r.stdout)] == [("Syria: rebels", 0), ("Syria", 1)]
    for cmd in (["path", "Lebanon", "Hezbollah"], ["communities"], ["allies", "Israel"]):
        assert kg(*cmd, "-s", s, "--level", "state").exit_code == 0, cmd


@pytest.mark.parametrize(
    "args",
    [
        ["actors"],
        ["neighbors", "Israel"],
        ["path", "Israel", "Syria"],
        ["ego", "Israel"],
        ["communities"],
        ["allies", "Israel"],
        ["rivals", "Israel"],
    ],
)
def test_cli_wrong_level_is_one_line(sector_store, args):
    r = kg(*args, "-s", str(sector_store), "--level", "country")
    assert r.exit_code == 1
    assert r.stderr == "error: --level must be actor or state, got 'country'\n"


def test_cli_export_network_at_state_level(sector_store, tmp_path):
    import networkx as nx

    s = str(sector_store)
    r = kg("export", "-s", s, "--level", "state", "-o", str(tmp_path / "state.graphml"))
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(tmp_path / "state.graphml")
    assert ISR_MIL.id not in g and SYR_REB.id in g and g.nodes[ISR.id]["rolled_up"] == '["MIL"]'
    r = kg("export", "-s", s, "-o", str(tmp_path / "actor.gexf"))
    assert r.exit_code == 0 and ISR_MIL.id in nx.read_gexf(tmp_path / "actor.gexf")
    r = kg("export", "-s", s, "-f", "csv", "--level", "state")
    assert (
        r.exit_code == 1 and r.stderr == "error: --level is for the actor network formats (graphml and gexf), not csv\n"
    )
    r = kg("export", "-s", s, "-f", "gexf", "--level", "states")
    assert r.exit_code == 1 and r.stderr == "error: --level must be actor or state, got 'states'\n"


def test_a_chain_of_ever_fuller_names_is_one_node_in_the_network(tmp_path):
    # "Solano" -> "Rodolfo Solano" -> "Rodolfo Solano Quirós", each named in another document
    from kg.actors import person_actor

    short, middle, full = (person_actor(n) for n in ("Solano", "Rodolfo Solano", "Rodolfo Solano Quirós"))
    path = tmp_path / "store"
    with open_store(path, create=True) as st:
        for k, person in enumerate((short, middle, full)):
            st.replace_document(
                Document(key=f"{k}.txt", display=f"{k}.txt", text="x", title="t", date=dt.date(2024, 3, 5)),
                [_rel(person, "meets", USA, f"{person.label} met the US.", 0)],
            )
    with open_store(path) as st:
        g = network.project(st)
    persons = {d["label"] for _, d in g.nodes(data=True) if d.get("type") == "Person"}
    assert persons == {"Rodolfo Solano Quirós"}
    assert sorted(g.nodes[full.id]["merged"]) == ["Rodolfo Solano", "Solano"]
