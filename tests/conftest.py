"""Shared fixtures: one spaCy pipeline and one built store of data/ per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract("sentence") -> sorted (subject label, relation, object label, negated, hedged) tuples."""
    from kg.extract import Extractor

    ex = Extractor()

    def run(text: str, date: dt.date | None = None):
        return sorted(
            (r.subject.label, r.relation, r.object.label, r.negated, r.hedged) for r in ex.extract(nlp(text), date)
        )

    return run


@pytest.fixture(scope="session")
def data_store(tmp_path_factory):
    """data/ built once into a temporary store; returns the store path."""
    from kg.pipeline import build

    path = tmp_path_factory.mktemp("data-store") / "store"
    build([str(DATA)], store_path=path)
    return path
