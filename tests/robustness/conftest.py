"""Session fixture: the hostile folder of :mod:`hostile_corpus`, built once with ``kg build``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from robustness.hostile_corpus import kg, make_hostile_folder


@dataclass
class BuildRun:
    folder: Path
    store: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def summary(self) -> dict:
        return json.loads(self.stdout)

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("warning: ")]


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> BuildRun:
    """``kg build news --store news/kg-store --json``; the store lives inside the input folder."""
    folder = make_hostile_folder(tmp_path_factory.mktemp("hostile"))
    store = folder / "kg-store"
    proc = kg("build", str(folder), "--store", str(store), "--json")
    return BuildRun(folder, store, proc.returncode, proc.stdout, proc.stderr)
