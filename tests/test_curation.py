"""Users' actor curation (kg.curation): a TSV file applied at build and re-applied by kg relink.

Real stores, the real spaCy pipeline, the sample corpus in data/ and small corpora written here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import curation
from kg.actors import gazetteer
from kg.backend import open_store
from kg.curation import CurationError
from kg.pipeline import build, relink

DATA = Path(__file__).resolve().parent.parent / "data"
KG = [sys.executable, "-m", "kg.cli"]
KGR = "https://w3id.org/kg/id/"

# On data/: an analyst who counts a spokesman's and a commander's words as their force's merges
# Yahya Saree into the Houthis and Mohamed Hamdan Dagalo into the Rapid Support Forces; the Royal
# Navy has no country; "the West" is a collective an analyst may want out of the network.
FIX = """# kg actor curation
merge\tYahya Saree\tHouthis
merge\tMohamed Hamdan Dagalo\tRapid Support Forces
country\tRoyal Navy\tGBR
block\tthe West
"""
# A second version: one merge undone, other fixes added, the block kept.
FIX2 = """# kg actor curation, second version
merge\tYahya Saree\tHouthis
type\tGeorgian Dream\tGroup
sector\thttps://w3id.org/kg/id/sector/MDA/REB\tOPP
country\tWagner Group\tRUS
block\tthe West
"""

# Not a word of it is an actor kg knows: only an alias makes "Azawad front" one.
SAHEL = """Mali accuses rebels of attacks

The Azawad front attacked Mali on Monday, the government in Bamako said. Mali accused the Azawad front of targeting civilians.
"""
ALIAS = """alias\tAzawad front\tAzawad Liberation Front
type\tAzawad Liberation Front\tArmedGroup
"""


def kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=300)


def quads(store: Path) -> set[str]:
    db = ox.Store.read_only(str(store / "oxigraph"))
    return {str(q) for q in db}


def rows(store: Path, query: str) -> list[tuple]:
    with open_store(store, create=False, read_only=True) as st:
        return [tuple(t.value for t in row) for row in st.query(query)]


def statements_with(store: Path, iri: str) -> int:
    return rows(
        store,
        f"SELECT (COUNT(?st) AS ?n) WHERE {{ ?st a <https://w3id.org/kg/ontology#Statement> "
        f"{{ ?st <https://w3id.org/kg/ontology#subject> <{iri}> }} UNION "
        f"{{ ?st <https://w3id.org/kg/ontology#object> <{iri}> }} }}",
    )[0][0]


def statement_count(store: Path) -> int:
    return int(rows(store, "SELECT (COUNT(?st) AS ?n) WHERE { ?st a <https://w3id.org/kg/ontology#Statement> }")[0][0])


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("curation-files")
    out = {}
    for name, text in {"fix": FIX, "fix2": FIX2, "alias": ALIAS}.items():
        out[name] = folder / f"{name}.tsv"
        out[name].write_text(text, "utf-8")
    return out


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """data/ built without a curation file."""
    store = tmp_path_factory.mktemp("cur-plain") / "store"
    build([str(DATA)], store_path=store)
    return store


@pytest.fixture(scope="module")
def curated(tmp_path_factory, files) -> Path:
    """data/ built with FIX."""
    store = tmp_path_factory.mktemp("cur-fix") / "store"
    build([str(DATA)], store_path=store, actors=files["fix"])
    return store


def copy(store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store, target, ignore=shutil.ignore_patterns("kg.lock"))
    return target


# ---------------------------------------------------------------------------- applied at build
def test_merge_gives_one_node_in_the_network(plain, curated):
    from kg.network import project

    parts = {KGR + "person/yahya-saree", KGR + "person/mohammed-hamdan-dagalo"}
    with open_store(plain, create=False, read_only=True) as st:
        before = project(st)
    with open_store(curated, create=False, read_only=True) as st:
        graph = project(st)
    assert parts <= set(before.nodes)  # the corpus gives the persons their own nodes ...
    assert not parts & set(graph.nodes)  # ... the curation folds them into their forces
    houthis = KGR + "org/houthis"
    assert graph.nodes[houthis]["label"] == "Houthis"
    assert set(graph.neighbors(houthis)) > set(before.neighbors(houthis))
    assert set(graph.neighbors(houthis)) >= set(before.neighbors(KGR + "person/yahya-saree")) - {houthis}


def test_country_fix_shows_in_the_store(plain, curated):
    navy = KGR + "org/royal-navy"
    ask = f"SELECT ?c WHERE {{ <{navy}> <https://w3id.org/kg/ontology#country> ?c }}"
    assert rows(plain, ask) == []
    assert rows(curated, ask) == [(KGR + "country/GBR",)]
    # a merged node keeps its own country
    houthis = f"SELECT ?c WHERE {{ <{KGR}org/houthis> <https://w3id.org/kg/ontology#country> ?c }}"
    assert rows(curated, houthis) == [(KGR + "country/YEM",)]


def test_block_drops_statements(plain, curated):
    blocked = KGR + "group/the-west"
    assert int(statements_with(plain, blocked)) >= 1
    assert int(statements_with(curated, blocked)) == 0
    # only the blocked ones and the merged pair's own statements went
    merged = rows(
        plain,
        f"""SELECT (COUNT(?st) AS ?n) WHERE {{ ?st a <https://w3id.org/kg/ontology#Statement> ;
        <https://w3id.org/kg/ontology#subject> ?s ; <https://w3id.org/kg/ontology#object> ?o
        FILTER((?s IN (<{KGR}person/yahya-saree>, <{KGR}org/houthis>)
                && ?o IN (<{KGR}person/yahya-saree>, <{KGR}org/houthis>))
               || (?s IN (<{KGR}person/mohammed-hamdan-dagalo>, <{KGR}org/rsf>)
                && ?o IN (<{KGR}person/mohammed-hamdan-dagalo>, <{KGR}org/rsf>))) }}""",
    )[0][0]
    dropped = statement_count(plain) - statement_count(curated)
    assert dropped >= int(statements_with(plain, blocked))
    assert dropped <= int(statements_with(plain, blocked)) + int(merged) + 2  # +2: a merge can make two statements one


def test_the_file_is_kept_with_the_store_and_later_builds_reuse_it(curated, files, tmp_path):
    assert (curated / "actors.tsv").read_text("utf-8") == FIX
    store = copy(curated, tmp_path)
    before = quads(store)
    summary = build([str(DATA)], store_path=store)  # no --actors: the kept copy
    assert summary.parsed == 0 and summary.relinked == 0
    assert quads(store) == before


def test_alias_makes_a_new_surface_form_resolve(tmp_path, files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sahel.txt").write_text(SAHEL, "utf-8")
    front = KGR + "org/azawad-liberation-front"
    plain, aliased = tmp_path / "plain", tmp_path / "aliased"
    build([str(corpus)], store_path=plain)
    build([str(corpus)], store_path=aliased, actors=files["alias"])
    assert int(statements_with(plain, front)) == 0
    found = rows(
        aliased,
        f"""SELECT ?s ?r ?o WHERE {{ ?st <https://w3id.org/kg/ontology#subject> ?s ;
        <https://w3id.org/kg/ontology#relation> ?r ; <https://w3id.org/kg/ontology#object> ?o
        FILTER(?s = <{front}> || ?o = <{front}>) }}""",
    )
    names = {(s.rsplit("/", 1)[-1], r.rsplit("#", 1)[-1], o.rsplit("/", 1)[-1]) for s, r, o in found}
    assert ("azawad-liberation-front", "attacks", "MLI") in names
    assert ("MLI", "accuses", "azawad-liberation-front") in names
    types = {t for (t,) in rows(aliased, f"SELECT ?t WHERE {{ <{front}> a ?t }}")}
    assert "https://w3id.org/kg/ontology#ArmedGroup" in types
    assert rows(aliased, f"SELECT ?l WHERE {{ <{front}> <http://www.w3.org/2004/02/skos/core#altLabel> ?l }}") == [
        ("Azawad front",)
    ]
    # the parser forgets the alias once the build is over
    assert gazetteer().lookup("Azawad front") is None


# ---------------------------------------------------------------------------- relink
def test_relink_after_changing_the_file_gives_the_same_quads_as_a_fresh_build(curated, files, tmp_path):
    fresh = tmp_path / "fresh"
    build([str(DATA)], store_path=fresh, actors=files["fix2"])
    store = copy(curated, tmp_path)
    summary = relink(store, actors=files["fix2"])
    assert summary.documents == 24 and summary.rewritten >= 3 and summary.unrecorded == 0
    assert quads(store) == quads(fresh)
    assert (store / "actors.tsv").read_text("utf-8") == FIX2


def test_relink_without_a_file_goes_back_to_kgs_own_actors(plain, curated, tmp_path):
    store = copy(curated, tmp_path)
    (store / "actors.tsv").unlink()
    relink(store)
    assert quads(store) == quads(plain)


def test_relink_of_an_unchanged_curation_writes_nothing(curated, tmp_path):
    store = copy(curated, tmp_path)
    before = quads(store)
    summary = relink(store)
    assert summary.rewritten == 0 and summary.actor_quads_added == summary.actor_quads_removed == 0
    assert quads(store) == before


def test_build_with_a_changed_file_relinks_the_unchanged_documents(curated, files, tmp_path):
    store = copy(curated, tmp_path)
    summary = build([str(DATA)], store_path=store, actors=files["fix2"])
    assert summary.parsed == 0 and summary.relinked >= 3
    fresh = tmp_path / "fresh"
    build([str(DATA)], store_path=fresh, actors=files["fix2"])
    assert quads(store) == quads(fresh)


def test_relink_applies_an_alias_to_known_mentions_and_build_reads_the_text_again(tmp_path, files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sahel.txt").write_text(SAHEL, "utf-8")
    store = tmp_path / "store"
    build([str(corpus)], store_path=store)
    summary = relink(store, actors=files["alias"])
    assert summary.new_aliases == ["Azawad front"]  # relink cannot find what the parser never saw
    again = build([str(corpus)], store_path=store)  # the kept file's alias is in the text: read again
    assert again.parsed == 1
    fresh = tmp_path / "fresh"
    build([str(corpus)], store_path=fresh, actors=files["alias"])
    assert quads(store) == quads(fresh)
    assert build([str(corpus)], store_path=store).parsed == 0


FEED = [  # record ids sort opposite to line order; the same person spelt two ways
    {
        "id": "z-first",
        "date": "2022-05-03",
        "text": "British Foreign Secretary Liz Truss met Ukrainian Foreign Minister "
        "Dmytro Kuleba in Kyiv. Truss condemned Russia for its attacks on Ukrainian cities.",
    },
    {
        "id": "a-second",
        "date": "2022-05-04",
        "text": "Elizabeth Truss met Turkish Foreign Minister Mevlut Cavusoglu in "
        "Ankara. Cavusoglu criticized Russia for the blockade of Ukrainian ports.",
    },
    {
        "id": "m-third",
        "date": "2022-05-05",
        "text": "Turkish Foreign Minister Zeynep Kaya met Dmytro Kuleba in Lviv. "
        "Kuleba criticized Russia for the attacks.",
    },
]


def test_relink_describes_actors_as_a_build_does_whatever_the_document_order(tmp_path):
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FEED), "utf-8")
    fix = tmp_path / "fix.tsv"
    fix.write_text("merge\tDmytro Kuleba\tZeynep Kaya\n", "utf-8")  # her country: only where Kuleba follows
    plain, fresh = tmp_path / "plain", tmp_path / "fresh"
    build([str(corpus)], store_path=plain)
    build([str(corpus)], store_path=fresh, actors=fix)
    label = f"SELECT ?l WHERE {{ <{KGR}person/elizabeth-truss> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    assert rows(fresh, label) == [("Liz Truss",)]  # the first in the input, not in key order
    store = copy(plain, tmp_path)
    relink(store, actors=fix)
    assert quads(store) == quads(fresh)


def test_relink_cli_prints_a_summary(curated, files, tmp_path):
    store = copy(curated, tmp_path)
    res = kg("relink", "--store", store, "--actors", files["fix2"])
    assert res.returncode == 0, res.stderr
    assert "relinked" in res.stdout and "24 documents" in res.stdout


# ---------------------------------------------------------------------------- bad input
BAD = [
    ("merge\tA\n", "bad.tsv:2: 'merge' takes 2 values"),
    ("merge Hassan Sheikh into Hassan Sheikh Mohamud\n", "bad.tsv:2: unknown directive"),
    ("alais\tX\tRUS\n", "bad.tsv:2: unknown directive 'alais'; use one of: alias, merge, country, type, sector, block"),
    ("country\tRoyal Navy\tGBX\n", "bad.tsv:2: unknown country 'GBX'"),
    ("sector\tWagner Group\tMILL\n", "bad.tsv:2: unknown sector 'MILL'"),
    ("type\tWagner Group\tMilitia\n", "bad.tsv:2: unknown type 'Militia'; use one of: Country, Person, Organization"),
]


@pytest.mark.parametrize("line,message", BAD)
def test_malformed_lines_are_one_line_errors_naming_file_and_line(tmp_path, line, message):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# my actors\n" + line, "utf-8")
    store = tmp_path / "store"
    res = kg("build", DATA / "txt", "--store", store, "--actors", bad)
    assert res.returncode == 1
    assert res.stderr.startswith("error: ") and str(bad) in res.stderr and message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    assert not store.exists()  # checked before anything is written


def test_unknown_sector_and_country_list_the_valid_ones(tmp_path):
    with pytest.raises(CurationError) as exc:
        curation.parse("sector\tWagner Group\tMILL\n", tmp_path / "a.tsv")
    assert "GOV (government), MIL (military)" in str(exc.value) and "UAF (armed men)" in str(exc.value)
    with pytest.raises(CurationError) as exc:
        curation.parse("# c\n\ncountry\tWagner Group\tXYZ\n", tmp_path / "a.tsv")
    text = str(exc.value)
    assert text.startswith(f"{tmp_path / 'a.tsv'}:3: unknown country 'XYZ'")
    assert " RUS " in text and " UKR " in text and text.count(" ") > 240


def test_relink_refuses_a_bad_file_before_touching_the_store(curated, tmp_path):
    store = copy(curated, tmp_path)
    before = quads(store)
    bad = tmp_path / "bad.tsv"
    bad.write_text("block\n", "utf-8")
    res = kg("relink", "--store", store, "--actors", bad)
    assert res.returncode == 1 and res.stderr.startswith(f"error: {bad}:1: 'block' takes 1 value")
    assert "Traceback" not in res.stderr
    assert quads(store) == before and (store / "actors.tsv").read_text("utf-8") == FIX


@pytest.mark.parametrize(
    "text,message",
    [
        ("merge\tA Person\tB Person\nmerge\tB Person\tA Person\n", ":1: merge cycle"),
        (
            "merge\tA Person\tB Person\nmerge\tA Person\tC Person\n",
            ":2: 'A Person' is already merged into 'B Person' (line 1)",
        ),
        (
            "country\tRoyal Navy\tGBR\ncountry\tRoyal Navy\tFRA\n",
            ":2: country of 'Royal Navy' is already 'GBR' (line 1)",
        ),
        (
            "merge\tMohamud\tHassan Sheikh Mohamud\ncountry\tMohamud\tSOM\n",
            ":2: 'Mohamud' is merged into 'Hassan Sheikh Mohamud' (line 1)",
        ),
        ("type\tSomething\tCountry\n", ":1: type Country for 'Something' needs its country"),
        ("country\tRussia\tUKR\n", ":1: 'Russia' is a country"),
        ("merge\tthe Kremlin\tRUS\n", ":1: 'the Kremlin' and 'RUS' are the same actor"),
        ("block\thttps://w3id.org/kg/id/country/XYZ\n", ":1: 'https://w3id.org/kg/id/country/XYZ' names no country"),
        ("block\thttps://example.org/x\n", ":1: 'https://example.org/x' is not a kg actor IRI"),
        ("alias\tX\t\n", ":1: 'alias' takes 2 values"),
        ("alias\tKremlin\tRUS\nalias\tKremlin\tUKR\n", ":2: 'Kremlin' is already an alias of 'RUS' (line 1)"),
    ],
)
def test_contradictions_and_bad_references_are_refused(tmp_path, text, message):
    with pytest.raises(CurationError) as exc:
        curation.parse(text, tmp_path / "a.tsv")
    assert str(exc.value).startswith(str(tmp_path / "a.tsv")) and message in str(exc.value)


def test_bytes_that_are_not_utf8_name_the_line(tmp_path):
    with pytest.raises(CurationError, match=r"a\.tsv:2: not UTF-8"):
        curation.parse(b"# ok\nblock\t\xff\n", tmp_path / "a.tsv")


# ---------------------------------------------------------------------------- pure functions
def test_references_iris_codes_and_names():
    cur = curation.parse(
        "block\tthe Kremlin\nblock\tUKR\nblock\thttps://w3id.org/kg/id/org/nato\nblock\tAzawad front\n"
    )
    iris = [r.iri for r in cur.blocks]
    assert iris == [KGR + "country/RUS", KGR + "country/UKR", KGR + "org/nato", None]
    gz = gazetteer()
    assert cur.actor(gz.country("RUS")) is None and cur.actor(gz.country("FRA")) == gz.country("FRA")
    from kg.actors import Actor

    made = Actor(id=KGR + "org/azawad-front", label="Azawad front", type="Organization")
    assert cur.actor(made) is None  # a name kg does not know matches the actors kg made from it


def test_type_change_mints_the_iri_of_the_new_kind_and_sector_actors_follow_their_sector():
    from kg.actors import Actor

    cur = curation.parse("type\tWagner outfit\tArmedGroup\nsector\thttps://w3id.org/kg/id/sector/MDA/REB\tOPP\n")
    person = Actor(id=KGR + "person/wagner-outfit", label="Wagner outfit", type="Person")
    org = cur.actor(person)
    assert (org.id, org.type, org.kind) == (KGR + "org/wagner-outfit", "Organization", "ArmedGroup")
    rebels = Actor(id=KGR + "sector/MDA/REB", label="Moldova: rebels", type="SectorActor", country="MDA", sector="REB")
    opp = cur.actor(rebels)
    assert (opp.id, opp.label, opp.sector) == (KGR + "sector/MDA/OPP", "Moldova: opposition", "OPP")


def test_installed_aliases_are_forgotten_afterwards():
    cur = curation.parse("alias\tthe Quartet envoys\tUnited Nations\n")
    gz = gazetteer()
    with cur.installed():
        assert gz.lookup("the Quartet envoys").id == KGR + "org/united-nations"
    assert gz.lookup("the Quartet envoys") is None
    assert curation.EMPTY.apply([]) == [] and not curation.EMPTY
