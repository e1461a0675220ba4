"""The SPARQL-endpoint store writes exactly the embedded store's quads, also when one actor is
named differently in two documents: the first label (country, ISO code) wins on both, and both
stores pass the SHACL shapes. Needs Debian's virtuoso-t (installed by scripts/system-deps.sh)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from virtuoso import binary, running_virtuoso  # tests/virtuoso.py

from kg.pipeline import build
from kg.store import open_store
from kg.validate import validate_store

DATA = Path(__file__).resolve().parent.parent / "data"
BLINKEN = "https://w3id.org/kg/id/person/antony-blinken"
LAVROV = "https://w3id.org/kg/id/person/sergey-lavrov"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if binary() is None:
        pytest.skip("virtuoso-t not installed (apt-get install virtuoso-opensource; make test does it as root)")
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso-quads")) as server:
        yield server


def _nquads(store) -> list[str]:
    return sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def _labels(store, iri: str) -> list[str]:
    return sorted(row[0].value for row in store.select(f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }}"))


def test_both_stores_hold_the_same_quads_and_the_first_label(virtuoso, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus)
    # Two spellings of each person, one per document: the same node, two candidate labels.
    (corpus / "zz-1-geneva.txt").write_text("Tony Blinken met Sergei Lavrov in Geneva.\n")
    (corpus / "zz-2-talks.txt").write_text("Antony Blinken criticized Sergey Lavrov on Monday.\n")
    build([str(corpus)], store_path=virtuoso.address)
    build([str(corpus)], store_path=tmp_path / "local")
    with (
        open_store(virtuoso.address, read_only=True) as remote,
        open_store(tmp_path / "local", read_only=True) as local,
    ):
        assert _labels(local, BLINKEN) == ["Tony Blinken"] and _labels(local, LAVROV) == ["Sergei Lavrov"]
        assert _labels(remote, BLINKEN) == ["Tony Blinken"] and _labels(remote, LAVROV) == ["Sergei Lavrov"]
        remote_quads, local_quads = _nquads(remote), _nquads(local)
        assert len(local_quads) > 1000
        assert remote_quads == local_quads
        for store in (remote, local):
            report = validate_store(store)
            assert report.conforms, report
    # A second build of the same input writes nothing new on either store.
    build([str(corpus)], store_path=virtuoso.address)
    with open_store(virtuoso.address, read_only=True) as remote:
        assert _nquads(remote) == remote_quads
