"""The shape of the house: no import cycles, backends behind one interface, one error type, one
closed vocabulary. Read from the source (imports, attribute uses) and from the classes."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

import kg
from kg.backend import Store, open_store, register_backend, scheme_of
from kg.errors import KGError

PACKAGE = Path(kg.__file__).resolve().parent


def module_name(path: Path) -> str:
    """kg/extract.py -> kg.extract; kg/rules/__init__.py -> kg.rules."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("kg", *(parts[:-1] if parts[-1] == "__init__" else parts)))


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")
MODULES = sorted(module_name(p) for p in SOURCES)


def kg_imports(path: Path) -> set[str]:
    """The kg modules a source file imports, at module level or inside functions."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "kg" or node.module.startswith("kg."):
                # "from kg.rules import verbal" imports the module kg.rules.verbal
                subs = {f"{node.module}.{a.name}" for a in node.names} & set(MODULES)
                out |= subs or ({node.module} if node.module != "kg" else set())
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("kg.")}
    return out


def import_graph() -> dict[str, set[str]]:
    return {module_name(p): kg_imports(p) - {module_name(p)} for p in SOURCES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as the list of modules around it), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(mod: str) -> list[str] | None:
        state[mod] = 1
        path.append(mod)
        for dep in sorted(graph.get(mod, ())):
            if state.get(dep) == 1:
                return path[path.index(dep) :] + [dep]
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        path.pop()
        state[mod] = 2
        return None

    for mod in sorted(graph):
        if mod not in state:
            found = visit(mod)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_cycle_of_three_and_none_in_a_chain():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert {"kg.pipeline", "kg.store", "kg.remote", "kg.distributed", "kg.rules.verbal"} <= set(graph)
    assert find_cycle(graph) is None


def test_the_two_store_backends_never_import_each_other():
    graph = import_graph()
    assert "kg.remote" not in graph["kg.store"]
    assert "kg.store" not in graph["kg.remote"]
    assert "kg.distributed" not in graph["kg.pipeline"]


def _attribute_uses(path: Path, names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return [
        f"{path.name}:{node.lineno} .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in names
    ]


def test_callers_never_reach_into_a_backends_engine():
    """Only the Oxigraph backend touches its pyoxigraph Store (``.ox``); nobody reads oxrdflib's
    private ``_inner``; nobody guesses a store's kind with hasattr."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name != "store.py":
            found += _attribute_uses(path, {"ox", "_inner"})
        text = path.read_text("utf-8")
        found += [f"{path.name}: hasattr(store" for _ in range(text.count("hasattr(store"))]
    assert found == []


def test_open_store_returns_the_interface_and_both_backends_implement_it():
    from kg.remote import RemoteStore
    from kg.store import KGStore

    assert inspect.signature(open_store).return_annotation in (Store, "Store")
    assert issubclass(KGStore, Store) and issubclass(RemoteStore, Store)
    assert not inspect.isabstract(KGStore) and not inspect.isabstract(RemoteStore)


def test_a_backend_registered_for_a_scheme_opens_that_schemes_addresses(tmp_path):
    from kg.store import open_oxigraph

    opened = []

    def open_folder_behind_a_scheme(address, create=True, read_only=False, lock=False):
        opened.append(address)
        return open_oxigraph(tmp_path / address.split("/")[-1], create=create, read_only=read_only, lock=lock)

    register_backend("kgtest", open_folder_behind_a_scheme)
    assert scheme_of("kgtest://x/store") == "kgtest"
    with open_store("kgtest://x/store") as st:
        assert isinstance(st, Store) and st.document_hashes() == {}
    assert opened == ["kgtest://x/store"] and (tmp_path / "store" / "kg-store.json").exists()
    assert scheme_of("unknown://x") == ""  # not a registered scheme: a folder name


def _exception_classes() -> list[type]:
    out = []
    for name in MODULES:
        module = importlib.import_module(name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == name:
                out.append(obj)
    return out


def test_every_error_kg_defines_is_a_kg_error():
    from kg.pipeline import BuildInterrupted

    classes = _exception_classes()
    assert len(classes) > 10
    # The only exception that is not a user's problem: a signal, which the CLI reports by itself.
    assert [c for c in classes if not issubclass(c, KGError)] == [BuildInterrupted]


def test_the_cli_catches_errors_in_one_place():
    source = (PACKAGE / "cli.py").read_text("utf-8")
    assert source.count("except KGError") == 1
    for name in ("StoreError", "QueryError", "CurationError", "ViewError", "GoldError", "ExportError"):
        assert f"except {name}" not in source and f"{name})" not in source, name


def test_the_kg_namespace_is_closed_and_holds_exactly_the_terms_of_kg_ttl():
    from rdflib import Graph, URIRef

    from kg.ontology import KG, ontology_dir

    with pytest.raises(AttributeError):
        KG.suplies  # noqa: B018
    with pytest.raises(AttributeError):
        KG["sector-XYZ"]  # noqa: B018
    onto = Graph().parse(ontology_dir() / "kg.ttl")
    base = str(KG)
    in_ttl = {
        str(t)[len(base) :]
        for triple in onto
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(base) and len(str(t)) > len(base)
    }
    in_code = set(KG.__annotations__) | set(KG._extras)
    assert in_code == in_ttl


def test_iris_are_never_pasted_as_strings_in_the_package():
    """Namespaces are objects (kg.ontology, rdflib.namespace); only kg.ontology spells the kg
    namespaces out. Doctest examples and comments are not code."""
    pasted = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "ontology.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                is_doc = ">>>" in text or "\n" in text and not text.lstrip().upper().startswith(("SELECT", "PREFIX"))
                for ns in ("https://w3id.org/kg/", "http://www.w3.org/", "http://purl.org/dc/"):
                    # the SPARQL results XML namespace is an XML name, not an RDF term
                    if ns in text and not is_doc and "www.w3.org/2005/sparql-results#" not in text:
                        pasted.append(f"{path.name}:{node.lineno} {text[:60]!r}")
    assert pasted == []


def test_two_gazetteers_in_one_process_each_name_actors_their_own_way(tmp_path):
    """Objects, not singletons: a query parameter and a store's actor names follow the gazetteer
    given, while kg's own stays as it is."""
    from kg.actors import Gazetteer, gazetteer
    from kg.corpus import Document
    from kg.extract import Relation
    from kg.model import ALT
    from kg.queries import bind_params, parse_header

    russia, ukraine = gazetteer().country("RUS"), gazetteer().country("UKR")
    mine = Gazetteer()
    mine.add("Muscovy", russia)
    sq = parse_header("s", "# param: actor (actor) who\nSELECT ?actor {}")
    assert bind_params({"actor": "Muscovy"}, sq, gazetteer=mine)["actor"].value == russia.id
    assert bind_params({"actor": "Muscovy"}, sq)["actor"].value != russia.id  # kg's own: a person's name
    rel = Relation(
        subject=russia, relation="attacks", object=ukraine, negated=False, hedged=False, confidence=0.5,
        sentence="Russia attacked Ukraine.", start=0, end=24, trigger="attacked", rule="active", date=None,
    )  # fmt: skip
    names = {}
    for label, gz in (("mine", mine), ("kg", None)):
        with open_store(tmp_path / label, gazetteer=gz) as st:
            st.replace_document(Document(key="a.txt", display="a.txt", text=rel.sentence), [rel])
            names[label] = {q.object.value for q in st.quads() if q.predicate == ALT and q.subject.value == russia.id}
    assert names["mine"] == {"Muscovy"}
    assert "Moscow" in names["kg"] and "Muscovy" not in names["kg"]
