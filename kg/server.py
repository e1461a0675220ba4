"""``kg serve``: the analyst's workbench, a local web app over a built store.

Takes a store folder and gives a Starlette application (served by uvicorn): search that knows
aliases, actor, pair and statement pages, the relation browser, the graph (the renderer of
``kg view``), the timeline, the map, review (mark a statement wrong, merge or split actors) and a
read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` (:mod:`kg.endpoint`). Pages are Jinja2
templates (``kg/web/templates``) rendered from :mod:`kg.workbench`'s snapshot; every asset is
served by the app itself and the pages load nothing from elsewhere.

Document text is untrusted: templates autoescape it, it never reaches a URL but through
percent-encoding, a document's source is a link only when it is an ``http(s)`` URL, app pages run
no script at all (their Content-Security-Policy says so), and the graph page is the ``kg view``
page, whose text goes through ``textContent`` only. Review forms carry a per-process token, so
another site cannot post to them.
"""

from __future__ import annotations

import math
import re
import secrets
import sys
import threading
import time
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from kg.filters import FilterError
from kg.workbench import (
    NotFound,
    StatementFilter,
    Workbench,
    by_state,
    close_matches,
    find,
    network,
    page_of,
    partners,
    quad_name,
    roles,
    search,
    timeline,
)

APP_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
GRAPH_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
QUAD_COLOURS = {1: "#7cb342", 2: "#2e7d32", 3: "#ef8a17", 4: "#c62828", 0: "#8c8c8c"}
GRAPH_CACHE = 16  # graph pages kept per snapshot and query string
GRAPH_TOP = 120  # actors drawn by default: the most central ones (PageRank); ?top= changes it
NAV = [
    {"href": "/", "text": "Search"},
    {"href": "/relations", "text": "Relations"},
    {"href": "/graph", "text": "Graph"},
    {"href": "/timeline", "text": "Timeline"},
    {"href": "/map", "text": "Map"},
    {"href": "/sparql", "text": "SPARQL"},
]


def link(path: str, *pairs, **params) -> str:
    """A same-origin URL: ``path`` and its parameters, percent-encoded.

    >>> link("/actor", id="https://w3id.org/kg/id/country/RUS")
    '/actor?id=https%3A%2F%2Fw3id.org%2Fkg%2Fid%2Fcountry%2FRUS'
    """
    items = [p for p in pairs if p[1] not in (None, "")]
    items += [(k, v) for k, v in params.items() if v not in (None, "")]
    return path + ("?" + urlencode(items) if items else "")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL a page may link to, else None (shown as text).

    >>> safe_url("https://www.state.gov/x"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x")
    ('https://www.state.gov/x', None, None)
    """
    if not url:
        return None
    text = url.strip()
    return text if re.match(r"(?i)^https?://[^\s<>\"']+$", text) else None


# ---------------------------------------------------------------------------- the map's shapes
@lru_cache(maxsize=1)
def world_shapes() -> tuple[str, dict[str, list[str]]]:
    """(the SVG viewBox, ISO alpha-3 -> the SVG path data of its pieces) from pygal_maps_world's world map, read once."""
    from importlib.resources import files

    import pycountry

    text = files("pygal_maps_world").joinpath("worldmap.svg").read_text("utf-8")
    box = re.search(r'viewBox="([^"]+)"', text)
    shapes: dict[str, str] = {}
    for m in re.finditer(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', text, re.S):
        country = pycountry.countries.get(alpha_2=m.group(1).upper())
        if country is None:
            continue
        # one path per piece: each starts with a relative "m" that is absolute only at its own start
        shapes[country.alpha_3] = re.findall(r'\bd="([^"]+)"', m.group(2))
    return (box.group(1) if box else "0 0 2475 1388"), shapes


def shade(value: int, top: int) -> str:
    """A blue from pale to dark on a log scale; light grey for 0."""
    if not value or not top:
        return "#eceff1"
    t = math.log1p(value) / math.log1p(top)
    light = (222, 235, 247)
    dark = (8, 69, 148)
    r, g, b = (round(a + (d - a) * t) for a, d in zip(light, dark))
    return f"#{r:02x}{g:02x}{b:02x}"


# ---------------------------------------------------------------------------- the app
def create_app(
    store_path: str | Path,
    actors: str | Path | None = None,
    timeout: float = 10.0,
    limit: int = 10_000,
    allowed_hosts: list[str] | None = None,
):
    """The Starlette application serving the store at ``store_path``.

    ``actors`` is the curation file review writes to (default: the copy kept in the store folder,
    which ``kg build`` and ``kg relink`` use); ``timeout`` and ``limit`` bound /sparql queries.
    ``allowed_hosts`` are the host names requests may be addressed to (``kg serve`` on loopback
    gives the loopback names, so that a web page whose name was rebound to 127.0.0.1 cannot read
    the app); None allows any.
    """
    from jinja2 import Environment, PackageLoader, select_autoescape
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, RedirectResponse, Response
    from starlette.routing import Route

    bench = Workbench(store_path, actors=actors)
    threading.Thread(target=warm, name="kg-serve-warm", daemon=True).start()
    token = secrets.token_urlsafe(24)
    env = Environment(loader=PackageLoader("kg.web", "templates"), autoescape=select_autoescape(default=True))
    env.globals.update(
        link=link,
        safe_url=safe_url,
        quad_name=quad_name,
        quad_colours=QUAD_COLOURS,
        nav=NAV,
        token=token,
        relations=_relation_choices(),
    )
    app_css = _static("static/app.css")

    def params_of(request) -> dict:
        return {k: request.query_params.getlist(k) for k in request.query_params.keys()}

    def one(request, name: str, default: str = "") -> str:
        return (request.query_params.get(name) or default).strip()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        snap = bench.snapshot
        context.setdefault("building", bench.building())
        context.setdefault("loaded", snap.loaded.strftime("%Y-%m-%d %H:%M"))
        body = env.get_template(name).render(**context)
        return HTMLResponse(body, status_code=status, headers=_headers(APP_CSP))

    def page_number(request) -> int:
        try:
            return max(1, int(request.query_params.get("page") or 1))
        except ValueError:
            return 1

    # ------------------------------------------------------------ pages
    def home(request: Request):
        snap = bench.current()
        top = sorted((a for a in snap.actors.values() if a.statements), key=lambda a: (-a.statements, a.label))[:30]
        docs = len({s.doc for s in snap.statements})
        return page("home.html", top=top, statements=len(snap.statements), documents=docs, q="")

    def search_page(request: Request):
        snap = bench.current()
        q = one(request, "q")
        hits = search(snap, q) if q else []
        return page("search.html", q=q, hits=hits, suggestions=[] if hits or not q else close_matches(snap, q))

    def actor_page(request: Request):
        snap = bench.current()
        key = one(request, "id") or one(request, "name")
        iri = find(snap, key)
        flt = StatementFilter.parse(params_of(request), actor=iri)
        state = flt.net.level == "state"
        selected = flt.select(snap)
        rows, pg, pages = page_of(selected, page_number(request))
        a = snap.actors[iri]
        merged = [snap.actors[m] for m, c in snap.state_of.items() if c == iri] if state else []
        return page(
            "actor.html",
            a=a,
            snap=snap,
            rows=rows,
            page=pg,
            pages=pages,
            total=len(selected),
            partners=partners(snap, iri, selected, state)[:40],
            roles=roles(snap, iri),
            tl=timeline(selected, flt.net.count),
            flt=flt,
            merged=merged,
            country_name=_country_name(a.country) if a.country and a.type != "Country" else None,
            sector_label=_sector_label(a.sector),
        )

    def pair_page(request: Request):
        snap = bench.current()
        a, b = find(snap, one(request, "a")), find(snap, one(request, "b"))
        flt = StatementFilter.parse(params_of(request), actor=a, other=b)
        selected = flt.select(snap)
        rows, pg, pages = page_of(selected, page_number(request))
        ab = sum(1 for s in selected if s.subject == a or snap.state_of.get(s.subject) == a)
        return page(
            "pair.html",
            a=snap.actors[a],
            b=snap.actors[b],
            snap=snap,
            rows=rows,
            page=pg,
            pages=pages,
            total=len(selected),
            ab=ab,
            ba=len(selected) - ab,
            tl=timeline(selected, flt.net.count),
            flt=flt,
        )

    def relations_page(request: Request):
        snap = bench.current()
        who = one(request, "actor")
        other = one(request, "other")
        iri = find(snap, who) if who else None
        other_iri = find(snap, other) if other and iri else None
        flt = StatementFilter.parse(params_of(request), actor=iri, other=other_iri)
        selected = flt.select(snap)
        rows, pg, pages = page_of(selected, page_number(request))
        return page(
            "relations.html",
            snap=snap,
            rows=rows,
            page=pg,
            pages=pages,
            total=len(selected),
            flt=flt,
            who=who,
            other=other,
            actor=snap.actors.get(iri) if iri else None,
        )

    def statement_page(request: Request):
        snap = bench.current()
        iri = one(request, "id")
        s = snap.by_iri.get(iri)
        if s is None:
            raise NotFound(f"no statement {iri!r} in this store")
        return page(
            "statement.html",
            s=s,
            snap=snap,
            same_event=[x for x in snap.statements if s.event and x.event == s.event and x.iri != s.iri][:50],
            message=one(request, "done"),
        )

    def timeline_page(request: Request):
        snap = bench.current()
        who = one(request, "actor")
        iri = find(snap, who) if who else None
        flt = StatementFilter.parse(params_of(request), actor=iri)
        selected = flt.select(snap)
        return page(
            "timeline.html", snap=snap, tl=timeline(selected, flt.net.count), flt=flt, who=who, total=len(selected)
        )

    def map_page(request: Request):
        snap = bench.current()
        who = one(request, "actor")
        iri = find(snap, who) if who else None
        flt = StatementFilter.parse(params_of(request), actor=iri)
        show = one(request, "show", "statements")
        if show not in ("statements", "places"):
            raise FilterError(f"show must be statements or places, got {show!r}")
        selected = flt.select(snap)
        counts = by_state(snap, selected)
        box, shapes = world_shapes()
        top = max((c[show] for c in counts.values()), default=0)
        countries = []
        for code, path in sorted(shapes.items()):
            c = counts.get(code, {"actors": 0, "statements": 0, "places": 0, "place_names": []})
            countries.append(
                {"code": code, "paths": path, "fill": shade(c[show], top), "name": _country_name(code) or code, **c}
            )
        ranked = sorted(
            ({"code": k, "name": _country_name(k) or k, **v} for k, v in counts.items()), key=lambda r: -r[show]
        )
        return page(
            "map.html",
            snap=snap,
            box=box,
            countries=countries,
            ranked=ranked[:40],
            show=show,
            flt=flt,
            who=who,
            total=len(selected),
            unmapped=[r for r in ranked if r["code"] not in shapes],
        )

    graphs: OrderedDict = OrderedDict()  # (snapshot, query) -> page: the same graph is not laid out twice

    def graph_page(request: Request):
        snap = bench.current()
        key = (id(snap), tuple(sorted(request.query_params.multi_items())))
        body = graphs.get(key)
        if body is None:
            body = graph_body(request, snap)
            graphs[key] = body
            while len(graphs) > GRAPH_CACHE:
                graphs.popitem(last=False)
        return HTMLResponse(body, headers=_headers(GRAPH_CSP))

    def graph_body(request: Request, snap) -> str:
        from kg.view import render, select

        flt = StatementFilter.parse(params_of(request))
        focus = one(request, "focus")
        try:
            depth = int(one(request, "depth", "1"))
            top = int(one(request, "top", str(GRAPH_TOP)))
            min_count = int(one(request, "min_count", "1"))
        except ValueError:
            raise FilterError("depth, top and min_count must be whole numbers") from None
        if depth < 0 or top < 1 or min_count < 1:
            raise FilterError("depth must be 0 or more, top and min_count 1 or more")
        g = network(snap, flt.select(snap), level=flt.net.level, count=flt.net.count, min_count=min_count)
        node = None
        if focus:
            node = find(snap, focus)
            if flt.net.level == "state":
                node = snap.state_of.get(node, node)
            if node not in g:
                raise NotFound(f"{snap.actor(node).label!r} has no relations with these filters", [])
        g = select(g, focus=node, depth=depth, top=top)
        caption = "; ".join(
            p
            for p in (
                f"focus {snap.actor(node).label}, depth {depth}" if node else "",
                flt.net.caption(),
                f"top {top} by PageRank",
            )
            if p
        )
        return render(
            g,
            title="kg graph",
            caption=caption,
            links={"actor": "/actor?id=", "pair": "/pair"},
            nav=NAV + [{"href": link("/relations", *flt.query_items()), "text": "These statements"}],
        )

    # ------------------------------------------------------------ SPARQL
    async def sparql(request: Request):
        from kg.endpoint import answer

        query = request.query_params.get("query")
        update = request.query_params.get("update")
        fmt = request.query_params.get("format")
        dataset = [k for k in ("default-graph-uri", "named-graph-uri") if k in request.query_params]
        if request.method == "POST":
            ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            body = (await request.body()).decode("utf-8", "replace")
            if ctype == "application/sparql-query":
                query = body
            elif ctype == "application/sparql-update":
                update = body
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body, keep_blank_values=True)
                query = (form.get("query") or [query])[-1]
                update = (form.get("update") or [update])[-1]
                fmt = (form.get("format") or [fmt])[-1]
                dataset += [k for k in ("default-graph-uri", "named-graph-uri") if k in form]
            else:
                return Response(
                    "unsupported content type: POST the query as application/sparql-query or a form\n",
                    status_code=415,
                    media_type="text/plain",
                )
        elif query is None and update is None:
            return page("sparql.html", query=_EXAMPLE_QUERY)
        if dataset and update is None:  # as FROM: the dataset is the store, its default graph the union
            return Response(
                f"refused: {dataset[0]} is not supported (the default graph is the union of all graphs; "
                "use GRAPH in the query)\n",
                status_code=403,
                media_type="text/plain",
            )
        from starlette.concurrency import run_in_threadpool

        snap = bench.current()
        ans = await run_in_threadpool(
            answer, snap.store, query, request.headers.get("accept"), fmt, update, timeout, limit
        )
        return Response(ans.body, status_code=ans.status, media_type=ans.media_type, headers=ans.headers)

    # ------------------------------------------------------------ review
    async def review(request: Request):
        form = parse_qs((await request.body()).decode("utf-8", "replace"))

        def field(name: str) -> str:
            return " ".join((form.get(name) or [""])[-1].split())

        if not secrets.compare_digest(field("token"), token):
            raise HTTPException(403, "the form is stale or comes from another site: reload the page and try again")
        action = request.path_params["action"]
        from starlette.concurrency import run_in_threadpool

        from kg.curation import CurationError

        snap = bench.snapshot
        try:
            if action == "wrong":
                s = snap.by_iri.get(field("statement"))
                if s is None:
                    raise NotFound(f"no statement {field('statement')!r} in this store")
                raw = bench.raw_statement(s.iri)
                note = f"wrong: {snap.actor(s.subject).label} {s.relation} {snap.actor(s.object).label}: {s.sentence[:160]}"
                await run_in_threadpool(bench.add_directives, [f"wrong\t{raw}"], note)
                return RedirectResponse(link("/actor", id=s.subject, done="marked wrong"), status_code=303)
            if action == "merge":
                src = find(snap, field("actor"))
                dst = find(snap, field("into"))
                note = f"merge: {snap.actor(src).label} is {snap.actor(dst).label}"
                await run_in_threadpool(bench.add_directives, [f"merge\t{src}\t{dst}"], note)
                return RedirectResponse(link("/actor", id=dst, done="merged"), status_code=303)
            if action == "split":
                src = find(snap, field("actor"))
                doc = field("document")
                name = field("name")
                if not name:
                    raise FilterError("give the name of the actor this document means")
                if not any(s.doc == doc for s in snap.by_actor.get(src, [])):
                    raise FilterError("that document has no statement about this actor")
                note = f"split: in this document {snap.actor(src).label} is {name}"
                await run_in_threadpool(bench.add_directives, [f"split\t{src}\t{doc}\t{name}"], note)
                return RedirectResponse(link("/search", q=name), status_code=303)
        except CurationError as exc:
            return page("error.html", status=400, title="Review refused", message=str(exc))
        raise HTTPException(404, "no such review action")

    async def static_css(request: Request):
        return Response(app_css, media_type="text/css", headers={"Cache-Control": "max-age=300"})

    # ------------------------------------------------------------ errors
    def not_found(request: Request, exc: NotFound):
        return page("error.html", status=404, title="Not found", message=str(exc), suggestions=exc.suggestions, q="")

    def bad_filter(request: Request, exc: FilterError):
        return page("error.html", status=400, title="Bad request", message=str(exc))

    def http_error(request: Request, exc: HTTPException):
        title = "Not found" if exc.status_code == 404 else "Error"
        message = exc.detail if exc.status_code != 404 else f"no page at {request.url.path}"
        return page("error.html", status=exc.status_code, title=title, message=message)

    def server_error(request: Request, exc: Exception):
        print(f"kg serve: error on {request.url.path}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return page("error.html", status=500, title="Server error", message="this page failed; the store is unchanged")

    routes = [
        Route("/", home),
        Route("/search", search_page),
        Route("/actor", actor_page),
        Route("/pair", pair_page),
        Route("/relations", relations_page),
        Route("/statement", statement_page),
        Route("/timeline", timeline_page),
        Route("/map", map_page),
        Route("/graph", graph_page),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/review/{action}", review, methods=["POST"]),
        Route("/static/app.css", static_css),
    ]
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    app = Starlette(
        routes=routes,
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else [],
        exception_handlers={
            NotFound: not_found,
            FilterError: bad_filter,
            HTTPException: http_error,
            Exception: server_error,
        },
    )
    app.state.workbench = bench
    app.state.token = token
    return app


def warm() -> None:
    """Load once, after start, what the first graph, map and search would otherwise wait for:
    networkx and the analytics, the gazetteer (aliases, sectors), the view's files, the map."""
    try:
        import kg.network  # noqa: F401
        from kg.actors import gazetteer
        from kg.view import _vis_asset, _vis_js, _web_asset

        gazetteer()
        _vis_js()
        _vis_asset("vis-network.css")
        for name in ("view.html", "static/view.css", "static/view.js"):
            _web_asset(name)
        world_shapes()
    except Exception as exc:  # a page that needs it reports the problem itself
        print(f"kg serve: warming up failed: {exc}", file=sys.stderr)


def _headers(csp: str) -> dict:
    return {"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


@lru_cache(maxsize=8)
def _static(name: str) -> str:
    from importlib.resources import files

    return files("kg.web").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1024)
def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    from kg.view import _country_name as name

    return name(code)


def _sector_label(code: str | None) -> str | None:
    if not code:
        return None
    from kg.view import _sectors

    return _sectors().get(code, (code, False))[0]


def _relation_choices() -> list[tuple[str, str]]:
    from kg.ontology import relations

    return [(name, info.label) for name, info in relations().items()]


_EXAMPLE_QUERY = """SELECT ?subject ?relation ?object ?sentence WHERE {
  ?st kg:subject ?s ; kg:relation ?relation ; kg:object ?o ; kg:sentence ?sentence .
  ?s rdfs:label ?subject . ?o rdfs:label ?object .
} LIMIT 20"""


# ---------------------------------------------------------------------------- running it
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    store_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    actors: str | Path | None = None,
    timeout: float = 10.0,
    log=print,
) -> None:
    """Load the store, then serve it with uvicorn until interrupted."""
    import uvicorn

    t0 = time.perf_counter()
    local = host in ("127.0.0.1", "localhost") or host.startswith("127.")
    app = create_app(
        store_path, actors=actors, timeout=timeout, allowed_hosts=["127.0.0.1", "localhost", host] if local else None
    )
    snap = app.state.workbench.snapshot
    shown = f"[{host}]" if ":" in host else host
    log(
        f"kg serve: {len(snap.statements)} statements, {sum(1 for a in snap.actors.values() if a.statements)} actors "
        f"loaded in {time.perf_counter() - t0:.2f} s; open http://{shown}:{port}/ (SPARQL at /sparql; Ctrl-C stops)"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
