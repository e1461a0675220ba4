"""The interactive view: selection, rendering, the ``kg view`` command and the page in a real browser.

Browser tests drive Debian's chromium (/usr/bin/chromium) through Playwright and are skipped
with a reason when it is missing. Set KG_UPDATE_DOCS_SCREENSHOT=1 to also rewrite docs/view.png.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.backend import open_store
from kg.cli import app
from kg.network import STATE_SECTORS, project
from kg.view import TYPE_COLOURS, ViewError, graph_data, pagerank, render, resolve_focus, select, write_view

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--headless=new",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RUS = "https://w3id.org/kg/id/country/RUS"
IRN = "https://w3id.org/kg/id/country/IRN"
UKR = "https://w3id.org/kg/id/country/UKR"
PAYLOAD = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> javascript:alert(1)'
TITLE_PAYLOAD = "Drone deal <script>window.__pwned=3</script><img src=x onerror=window.__pwned=4>"


ISR_MIL = "https://w3id.org/kg/id/sector/ISR/MIL"
SYR_REB = "https://w3id.org/kg/id/sector/SYR/REB"


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("rus", label="Russia", type="Country", country="RUS")
    g.add_node("irn", label="Iran", type="Country", country="IRN")
    g.add_node("ukr", label="Ukraine", type="Country", country="UKR")
    g.add_node("putin", label="Vladimir Putin", type="Person", country="RUS")
    g.add_node("nato", label="NATO", type="Organization", kind="InternationalOrganization")
    g.add_edge(
        "irn",
        "rus",
        key="supplies",
        relation="supplies",
        quad=2,
        count=4,
        hedged_only=False,
        first="2025-01-02",
        last="2025-03-04",
        evidence=[{"sentence": "Iran supplied drones to Russia.", "title": "Drones", "date": "2025-01-02"}],
    )
    g.add_edge("rus", "ukr", key="attacks", relation="attacks", quad=4, count=1, hedged_only=True)
    g.add_edge("rus", "irn", key="meets", relation="meets", quad=1, count=2, hedged_only=False)
    g.add_edge("putin", "rus", key="leads", relation="leads", quad=None, count=1, hedged_only=False)
    g.add_edge("nato", "ukr", key="supports", relation="supports", quad=1, count=1, hedged_only=False)
    return g


def sector_graph() -> nx.MultiDiGraph:
    """small_graph with two sector actors: Israel's military (a state organ) and Syria's rebels."""
    g = small_graph()
    g.add_node("isr", label="Israel", type="Country", country="ISR")
    g.add_node(ISR_MIL, label="Israel: military", type="SectorActor", country="ISR", sector="MIL")
    g.add_node(SYR_REB, label="Syria: rebels", type="SectorActor", country="SYR", sector="REB")
    g.add_edge(
        ISR_MIL,
        SYR_REB,
        key="attacks",
        relation="attacks",
        quad=4,
        count=2,
        hedged_only=False,
        first="2024-02-01",
        last="2024-03-05",
        evidence=[
            {
                "sentence": "Israeli jets struck rebel positions in February.",
                "title": "Strikes",
                "date": "2024-02-01",
                "event_date": "2024-02",
                "published": "2024-03-05",
            },
            {
                "sentence": "Israeli troops shelled rebel positions on Tuesday.",
                "title": "Strikes",
                "date": "2024-03-05",
                "event_date": "2024-03-05",
                "published": "2024-03-05",
            },
        ],
    )
    g.add_edge("isr", ISR_MIL, key="leads", relation="leads", quad=None, count=1, hedged_only=False)
    return g


# ------------------------------------------------------------------ selection and data (no browser)
def test_select_focus_follows_edges_both_ways_to_the_given_depth():
    g = small_graph()
    assert sorted(select(g, focus="irn", depth=1)) == ["irn", "rus"]
    assert sorted(select(g, focus="irn", depth=2)) == ["irn", "putin", "rus", "ukr"]
    assert sorted(select(g, focus="irn", depth=0)) == ["irn"]
    sub = select(g, focus="irn", depth=1)
    assert sorted(sub.edges(keys=True)) == [("irn", "rus", "supplies"), ("rus", "irn", "meets")]
    assert sub.edges["irn", "rus", "supplies"]["count"] == 4  # attributes travel with the edge


def test_select_top_keeps_the_most_central_actors_and_the_focus_first():
    g = small_graph()
    pr = pagerank(g)
    assert max(pr, key=pr.get) == "rus"
    assert sorted(select(g, top=2)) == sorted(sorted(g, key=lambda n: -pr[n])[:2])
    assert "nato" in select(g, focus="nato", depth=2, top=2)
    assert select(g, top=10).number_of_nodes() == 5


def test_pagerank_is_a_distribution_and_matches_a_hand_computed_case():
    # Two nodes pointing at each other: rank 1/2 each; a star's centre gets the most.
    assert pagerank(nx.MultiDiGraph([("a", "b"), ("b", "a")])) == pytest.approx({"a": 0.5, "b": 0.5})
    star = pagerank(nx.MultiDiGraph([(x, "c") for x in "pqrs"]))
    assert sum(star.values()) == pytest.approx(1.0)
    assert star["c"] == pytest.approx(max(star.values())) and star["p"] == pytest.approx(star["s"])


def test_resolve_focus_uses_names_and_aliases_and_reports_unknown_actors(data_store):
    with open_store(data_store, create=False, read_only=True) as st:
        g = project(st)
    assert resolve_focus(g, "Moscow") == RUS
    assert resolve_focus(g, "the Kremlin") == RUS
    assert resolve_focus(g, "irn") == IRN
    with pytest.raises(ViewError, match="unknown actor 'Atlantis Liberation Front'"):
        resolve_focus(g, "Atlantis Liberation Front")


def test_graph_data_styles_edges_by_count_quad_hedging_and_symmetry():
    d = graph_data(small_graph())
    nodes = {n["id"]: n for n in d["nodes"]}
    assert nodes["rus"]["label"] == "RUS" and nodes["putin"]["label"] == "Vladimir Putin"
    edges = {(e["from"], e["to"], e["relation"]): e for e in d["edges"]}
    sup, att, meets = edges["irn", "rus", "supplies"], edges["rus", "ukr", "attacks"], edges["rus", "irn", "meets"]
    assert (sup["width"], sup["colour"], sup["dashes"], sup["arrows"]) == (5.0, "#2e7d32", False, "to")
    assert (att["width"], att["colour"], att["dashes"]) == (1.0, "#c62828", [8, 6])
    assert meets["arrows"] == "" and meets["smooth"] == {"type": "curvedCCW", "roundness": 0.18}
    assert edges["putin", "rus", "leads"]["colour"] == "#8c8c8c"
    assert [r["name"] for r in d["legend"]["relations"]] == ["meets", "supports", "supplies", "attacks", "leads"]


def test_graph_data_colours_sector_actors_as_state_organs_or_non_state_sectors():
    d = graph_data(sector_graph())
    nodes = {n["id"]: n for n in d["nodes"]}
    mil, reb = nodes[ISR_MIL], nodes[SYR_REB]
    assert (
        mil["label"],
        mil["type"],
        mil["category"],
        mil["sector"],
        mil["sector_label"],
        mil["country_name"],
        mil["state_organ"],
    ) == ("ISR:MIL", "SectorActor", "StateSector", "MIL", "military", "Israel", True)
    assert (reb["label"], reb["category"], reb["sector_label"], reb["state_organ"]) == (
        "SYR:REB",
        "SocietySector",
        "rebels",
        False,
    )
    legend = {t["name"]: t for t in d["legend"]["types"]}
    assert legend["StateSector"]["label"] == "Sector actor: organ of the state" and legend["StateSector"]["nodes"] == 1
    assert legend["SocietySector"]["label"] == "Sector actor: non-state" and legend["SocietySector"]["nodes"] == 1
    assert [t["name"] for t in d["legend"]["types"]] == [
        "Country",
        "Person",
        "Organization",
        "StateSector",
        "SocietySector",
    ]
    colours = list(TYPE_COLOURS.values())
    assert len(set(colours)) == len(colours) == 6  # every category has its own hue
    # The event date is shown beside the publication date only where they differ.
    ev = [e for e in d["edges"] if e["from"] == ISR_MIL][0]["evidence"]
    assert (ev[0]["event_date"], ev[0]["published"]) == ("2024-02", "2024-03-05")
    assert "event_date" not in ev[1] and ev[1]["date"] == "2024-03-05"
    # A country with rolled-up organs (state level) lists them.
    g = sector_graph()
    g.nodes["isr"]["rolled_up"] = ["MIL"]
    isr = {n["id"]: n for n in graph_data(g)["nodes"]}["isr"]
    assert isr["rolled_up"] == [{"code": "MIL", "label": "military"}]


def test_render_is_one_self_contained_file():
    page = render(small_graph(), title="t")
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "default-src 'none'" in page  # the page forbids itself any fetch
    assert "sourceMappingURL" not in page  # devtools would fetch it


def test_render_escapes_document_text_everywhere():
    g = small_graph()
    g.nodes["putin"]["label"] = "</script><script>alert(1)</script>"
    g.edges["irn", "rus", "supplies"]["evidence"][0]["title"] = "<!-- a & b --> </SCRIPT >"
    page = render(g, title="<img src=x onerror=alert(2)>")
    assert "</script><script>alert(1)" not in page and "<!--" not in page and "</SCRIPT" not in page
    assert "<img src=x" not in page
    assert "<title>&lt;img src=x onerror=alert(2)&gt;</title>" in page
    data = page.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>", 1)[0]
    names = {n["id"]: n["name"] for n in json.loads(data)["nodes"]}
    assert names["putin"] == "</script><script>alert(1)</script>"


def test_show_embeds_the_escaped_page_in_an_iframe():
    pytest.importorskip("IPython")
    from html import unescape

    from kg.view import show

    g = small_graph()
    g.nodes["putin"]["label"] = '"><script>alert(1)</script>'
    shown = show(g, title="nb", height=500).data
    assert shown.startswith('<div><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    srcdoc = shown.split('srcdoc="', 1)[1].split('" style=', 1)[0]
    assert '"' not in srcdoc and "<" not in srcdoc
    page = unescape(srcdoc)
    assert page.startswith("<!DOCTYPE html>") and "<title>nb</title>" in page and "height:500px" in shown


# ------------------------------------------------------------------ the command
def test_cli_view_applies_filters_focus_and_top(data_store, tmp_path):
    out = tmp_path / "v.html"
    res = CliRunner().invoke(
        app,
        [
            "view",
            "--store",
            str(data_store),
            "--focus",
            "Moscow",
            "--depth",
            "1",
            "--relation",
            "attacks",
            "--relation",
            "supplies",
            "--out",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    with open_store(data_store, create=False, read_only=True) as st:
        g = select(project(st, relations_=["attacks", "supplies"]), focus=RUS, depth=1)
    assert res.stdout == f"wrote {out} ({g.number_of_nodes()} actors, {g.number_of_edges()} edges)\n"
    data = json.loads(out.read_text().split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    assert {n["id"] for n in data["nodes"]} == set(g) and RUS in set(g)
    assert {e["relation"] for e in data["edges"]} <= {"attacks", "supplies"}

    res = CliRunner().invoke(
        app, ["view", "--store", str(data_store), "--top", "5", "--quad", "4", "--out", str(out), "--force"]
    )
    assert res.exit_code == 0 and "(5 actors," in res.stdout


def test_cli_view_negated_edges_only_on_request_and_dates_filter(data_store, tmp_path):
    out = tmp_path / "v.html"

    def edges(*args: str) -> list[dict]:
        res = CliRunner().invoke(app, ["view", "--store", str(data_store), "--out", str(out), "--force", *args])
        assert res.exit_code == 0, res.output
        return json.loads(out.read_text().split('id="kg-data">', 1)[1].split("</script>", 1)[0])["edges"]

    with open_store(data_store, create=False, read_only=True) as st:
        negated = {
            (u, v, d["relation"]) for u, v, d in project(st, include_negated=True).edges(data=True) if d["negated"]
        }
        march = project(st, since="2025-03-01", until="2025-03-31")
    assert negated  # data/ has negated statements
    assert not any(e["negated"] for e in edges())
    shown = [e for e in edges("--include-negated") if e["negated"]]
    assert {(e["from"], e["to"], e["relation"]) for e in shown} == negated
    assert {e["dashes"] == [2, 5] and e["colour"] == "#b0b0b0" for e in shown} == {True}
    dated = edges("--since", "2025-03-01", "--until", "2025-03-31")
    assert len(dated) == march.number_of_edges() > 0
    assert all("2025-03-01" <= e["first"] <= e["last"] <= "2025-03-31" for e in dated)


def test_cli_view_state_level_rolls_state_organs_up(data_store, tmp_path):
    out = tmp_path / "v.html"

    def nodes(*args: str) -> tuple[dict, str]:
        res = CliRunner().invoke(app, ["view", "--store", str(data_store), "--out", str(out), "--force", *args])
        assert res.exit_code == 0, res.output
        page = out.read_text()
        head = json.loads(page.split('id="kg-head">', 1)[1].split("</script>", 1)[0])
        return {
            n["id"]: n for n in json.loads(page.split('id="kg-data">', 1)[1].split("</script>", 1)[0])["nodes"]
        }, head["caption"]

    actor, caption = nodes()
    assert {"StateSector", "SocietySector"} <= {n["category"] for n in actor.values()} and caption == ""
    state, caption = nodes("--level", "state")
    assert "StateSector" not in {n["category"] for n in state.values()}
    assert {n for n, d in actor.items() if d["category"] == "SocietySector"} <= set(state)
    assert caption == "state level (organs of a state counted as the state)"
    israel = state["https://w3id.org/kg/id/country/ISR"]
    assert {"code": "MIL", "label": "military"} in israel["rolled_up"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "Atlantis Liberation Front"], "error: unknown actor 'Atlantis Liberation Front'"),
        (["--since", "2025-02-30"], "error: --since '2025-02-30' is not a valid date"),
        (["--until", "03/01/2025"], "error: --until needs a date as YYYY-MM-DD, got '03/01/2025'"),
        (["--since", "2025-03-01", "--until", "2025-01-01"], "error: --since 2025-03-01 is after --until 2025-01-01"),
        (["--relation", "hugs"], "error: unknown relation 'hugs': use one of meets, supports,"),
        (["--quad", "5"], "error: --quad must be 1, 2, 3 or 4, got '5'"),
        (["--level", "country"], "error: --level must be actor or state, got 'country'"),
    ],
)
def test_cli_view_bad_input_is_one_line(data_store, tmp_path, args, message):
    res = CliRunner().invoke(app, ["view", "--store", str(data_store), "--out", str(tmp_path / "v.html"), *args])
    assert res.exit_code == 1
    assert res.stderr.startswith(message) and res.stderr.count("\n") == 1
    assert not (tmp_path / "v.html").exists()


# ------------------------------------------------------------------ in a real browser
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from file://, recording every request and every console error."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.kgSettled === true", timeout=30_000)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:"))]


@pytest.fixture(scope="module")
def data_graph(data_store):
    with open_store(data_store, create=False, read_only=True) as st:
        return project(st)


@pytest.fixture(scope="module")
def data_page(tmp_path_factory, data_graph):
    return write_view(data_graph, tmp_path_factory.mktemp("view") / "data.html", title="kg: sample corpus (data/)")


@pytest.mark.browser
@needs_chromium
def test_data_view_loads_offline_with_the_projected_graph(browser, data_page, data_graph):
    view = Opened(browser, data_page)
    page = view.page
    try:
        assert view.errors == []
        assert view.foreign_requests() == []
        nodes = page.evaluate("window.kgNodes.get().map(n => [n.id, n.label])")
        assert {n for n, _ in nodes} == set(data_graph)
        assert [RUS, "RUS"] in nodes and [IRN, "IRN"] in nodes
        edges = page.evaluate("window.kgEdges.get().map(e => [e.from, e.to, e.relation, e.count])")
        assert sorted(map(tuple, edges)) == sorted(
            (u, v, d["relation"], d["count"]) for u, v, d in data_graph.edges(data=True)
        )
        assert page.evaluate("Object.keys(window.kgNetwork.getPositions()).length") == data_graph.number_of_nodes()
        assert page.evaluate("window.kgNetwork.physics.options.enabled") is False  # settled, not floating
        assert page.text_content("#title") == "kg: sample corpus (data/)"
        # One legend entry per actor type, sector actors split into state organs and non-state sectors.
        categories = {
            d["type"] if d["type"] != "SectorActor" else ("state" if d["sector"] in STATE_SECTORS else "non-state")
            for _, d in data_graph.nodes(data=True)
        }
        assert {"state", "non-state"} <= categories  # data/ has both ("Israeli troops", "Syrian rebels"...)
        assert page.locator("#f-type label").count() == len(categories)
        sector_labels = {
            n: f"{d['country']}:{d['sector']}" if d.get("country") else d["label"]  # "rebels": no state given
            for n, d in data_graph.nodes(data=True)
            if d["type"] == "SectorActor"
        }
        assert {n: label for n, label in map(tuple, nodes) if n in sector_labels} == sector_labels
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "view-data.png"))
        if os.environ.get("KG_UPDATE_DOCS_SCREENSHOT"):
            from io import BytesIO

            from PIL import Image

            # A 256-colour palette keeps the README picture small and the labels sharp.
            shot = Image.open(BytesIO(page.screenshot())).convert("RGB")
            shot.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(ROOT / "docs" / "view.png", optimize=True)
    finally:
        page.close()


@pytest.mark.browser
@needs_chromium
def test_unchecking_a_relation_hides_exactly_its_edges(browser, data_page, data_graph):
    view = Opened(browser, data_page)
    page = view.page
    try:
        leads = sorted(page.evaluate("window.kgEdges.get({filter: e => e.relation === 'leads'}).map(e => e.id)"))
        assert len(leads) == sum(1 for *_, r in data_graph.edges(data="relation") if r == "leads") > 0
        hidden = "window.kgEdges.get({filter: e => e.hidden === true}).map(e => e.id).sort((a, b) => a - b)"
        assert page.evaluate(hidden) == []
        page.uncheck('input[data-filter="relation"][value="leads"]')
        assert page.evaluate(hidden) == leads
        # An actor whose only edges were "leads" is hidden with them.
        only_leads = sorted(
            n
            for n in data_graph
            if {r for *_, r in data_graph.edges(n, data="relation")}
            | {r for *_, r in data_graph.in_edges(n, data="relation")}
            == {"leads"}
        )
        assert (
            sorted(page.evaluate("window.kgNodes.get({filter: n => n.hidden === true}).map(n => n.id)")) == only_leads
        )
        page.uncheck('input[data-filter="quad"][value="4"]')
        quad4 = page.evaluate("window.kgEdges.get({filter: e => e.quad === 4}).map(e => e.id)")
        assert page.evaluate(hidden) == sorted(leads + quad4)
        page.check('input[data-filter="relation"][value="leads"]')
        page.check('input[data-filter="quad"][value="4"]')
        assert page.evaluate(hidden) == []
        # Searching an actor selects it and focuses the network on it.
        page.fill("#search", "Russia")
        page.press("#search", "Enter")
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [RUS]
        page.fill("#search", "Atlantis")
        page.click("#search-go")
        assert page.text_content("#search-msg") == "no actor matches \u201cAtlantis\u201d"
        assert view.errors == [] and view.foreign_requests() == []
    finally:
        page.close()


@pytest.fixture(scope="module")
def xss_graph(tmp_path_factory):
    """A store built from one document whose title and sentence carry HTML/JS payloads."""
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("xss-docs")
    doc = {
        "title": TITLE_PAYLOAD,
        "date": "2025-03-01",
        "text": f"Iran supplied drones to Russia {PAYLOAD}.\n\nOfficials gave no further details.",
    }
    (folder / "doc.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("xss-store") / "store"
    build([str(folder)], store_path=store)
    with open_store(store, create=False, read_only=True) as st:
        return project(st)


@pytest.mark.browser
@needs_chromium
def test_evidence_with_html_payloads_shows_as_text_in_the_tooltip(browser, xss_graph, tmp_path):
    assert xss_graph.has_edge(IRN, RUS, "supplies")
    path = write_view(xss_graph, tmp_path / "xss.html", title=TITLE_PAYLOAD)
    view = Opened(browser, path)
    page = view.page
    try:
        edge = page.evaluate(f"window.kgEdges.get({{filter: e => e.from === '{IRN}' && e.to === '{RUS}'}})[0].id")
        assert page.evaluate("document.scripts.length") == 4
        # Hover the middle of the edge, as an analyst would.
        point = page.evaluate(
            """(id) => {
            const e = window.kgEdges.get(id), net = window.kgNetwork, pos = net.getPositions([e.from, e.to]);
            const a = net.canvasToDOM(pos[e.from]), b = net.canvasToDOM(pos[e.to]);
            const box = document.getElementById("net").getBoundingClientRect();
            return {x: box.left + (a.x + b.x) / 2, y: box.top + (a.y + b.y) / 2};
        }""",
            edge,
        )
        page.mouse.move(point["x"] - 3, point["y"] - 3)
        page.mouse.move(point["x"], point["y"])
        tip = page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5_000)
        text = tip.text_content()
        assert f"Iran supplied drones to Russia {PAYLOAD}." in text
        assert TITLE_PAYLOAD in text and "supplies" in text and "1 statement \u00b7 2025-03-01" in text
        assert tip.locator("img, script").count() == 0
        built = page.evaluate("(id) => window.kgEdgeTooltip(id).textContent", edge)
        assert PAYLOAD in built and TITLE_PAYLOAD in built
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.scripts.length") == 4
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.title() == TITLE_PAYLOAD and page.text_content("#title") == TITLE_PAYLOAD
        assert view.errors == [] and view.foreign_requests() == []
    finally:
        page.close()


@pytest.mark.browser
@needs_chromium
def test_an_empty_graph_opens_with_a_message(browser, tmp_path):
    view = Opened(browser, write_view(nx.MultiDiGraph(), tmp_path / "empty.html"))
    try:
        assert view.page.text_content("#empty") == "No relations match these filters."
        assert view.page.evaluate("[window.kgNodes.length, window.kgEdges.length]") == [0, 0]
        assert view.errors == [] and view.foreign_requests() == []
    finally:
        view.page.close()


@pytest.mark.browser
@needs_chromium
def test_sector_actors_have_their_legend_entry_colour_and_tooltip(browser, tmp_path):
    view = Opened(browser, write_view(sector_graph(), tmp_path / "sectors.html"))
    page = view.page
    try:
        legend = page.evaluate("""() => [...document.querySelectorAll('#f-type label')].map(l => [
            l.querySelector('input').value, l.querySelector('span:not(.dot):not(.n)').textContent,
            l.querySelector('.n').textContent, getComputedStyle(l.querySelector('.dot')).backgroundColor])""")
        entries = {value: (text, count, colour) for value, text, count, colour in legend}
        assert entries["StateSector"][:2] == ("Sector actor: organ of the state", "1")
        assert entries["SocietySector"][:2] == ("Sector actor: non-state", "1")
        assert entries["StateSector"][2] != entries["SocietySector"][2] != entries["Country"][2]
        node = page.evaluate(f"window.kgNodes.get('{ISR_MIL}')")
        assert node["label"] == "ISR:MIL" and node["color"]["background"] == "#5fb3d9"
        assert page.evaluate(f"window.kgNodes.get('{SYR_REB}').color.background") == "#d0589a"
        # Hover the node, as an analyst would: the tooltip names the type, country and sector.
        point = page.evaluate(
            """(id) => {
            const net = window.kgNetwork, p = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById("net").getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
            ISR_MIL,
        )
        page.mouse.move(point["x"] - 3, point["y"] - 3)
        page.mouse.move(point["x"], point["y"])
        tip = page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5_000)
        text = tip.text_content()
        for part in (
            "Israel: military",
            "Sector actor \u00b7 organ of the state",
            "country: Israel (ISR)",
            "sector: MIL \u2014 military",
        ):
            assert part in text, (part, text)
        assert "non-state sector" in page.evaluate(f"window.kgNodeTooltip('{SYR_REB}').textContent")
        # The edge tooltip gives the stated event date beside the publication date where they differ.
        edge = page.evaluate(f"window.kgEdges.get({{filter: e => e.from === '{ISR_MIL}'}})[0].id")
        items = page.evaluate(
            "(id) => [...window.kgEdgeTooltip(id).querySelectorAll('.src')].map(e => e.textContent)", edge
        )
        assert items == ["Strikes \u00b7 event 2024-02 \u00b7 published 2024-03-05", "Strikes \u00b7 2024-03-05"]
        # The legend entry hides the state organs, and with them the actors whose only edges they had.
        page.uncheck('input[data-filter="type"][value="StateSector"]')
        hidden = "window.kgNodes.get({filter: n => n.hidden === true}).map(n => n.id).sort()"
        assert page.evaluate(hidden) == sorted([ISR_MIL, SYR_REB, "isr"])
        page.check('input[data-filter="type"][value="StateSector"]')
        assert page.evaluate(hidden) == []
        assert view.errors == [] and view.foreign_requests() == []
    finally:
        page.close()


def test_view_search_data_carries_the_aliases_the_cli_resolves():
    g = nx.MultiDiGraph()
    g.add_node("https://w3id.org/kg/id/country/CHN", label="China", type="Country", country="CHN")
    g.add_node("https://w3id.org/kg/id/country/PHL", label="Philippines", type="Country", country="PHL")
    g.add_edge(
        "https://w3id.org/kg/id/country/CHN", "https://w3id.org/kg/id/country/PHL", key="attacks", relation="attacks"
    )
    china = next(n for n in graph_data(g)["nodes"] if n["name"] == "China")
    assert {"PRC", "Beijing"} <= set(china["aliases"]) and "China" not in china["aliases"]
