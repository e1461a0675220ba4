"""Issue 9: a store path kg cannot use gives one line "error: ..." and a non-zero exit from
``kg build`` and ``kg stats``, never a traceback."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys

import pytest

from robustness.hostile_corpus import IS_ROOT, kg

ROOT_SKIP = pytest.mark.skipif(IS_ROOT, reason="running as root: file permissions do not stop root from writing")

# case -> (how to make the store path, fragment the error line must contain)
CASES = {
    "file": "is a file, not a kg store folder",
    "incompatible": "incompatible kg (store format 999, this kg reads 1)",
    "foreign-marker": "has an unreadable kg-store.json",
    "not-a-store": "is a folder that is not a kg store",
}


def _make(case: str, path):
    if case == "file":
        path.write_text("not a store\n")
    elif case == "incompatible":
        path.mkdir()
        (path / "kg-store.json").write_text(json.dumps({"format": 999, "engine": "oxigraph"}))
    elif case == "foreign-marker":
        path.mkdir()
        (path / "kg-store.json").write_text("[]")
    elif case == "not-a-store":
        path.mkdir()
        (path / "thesis.docx").write_bytes(b"PK\x03\x04")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every (case, command) run in parallel: each is a fresh interpreter, so this saves seconds."""
    base = tmp_path_factory.mktemp("stores")
    docs = base / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Iran supplied drones to Russia.\n")
    procs = {}
    for case in CASES:
        path = base / case
        _make(case, path)
        for cmd in ("build", "stats"):
            args = ["build", str(docs)] if cmd == "build" else ["stats"]
            procs[case, cmd] = subprocess.Popen(
                [sys.executable, "-m", "kg.cli", *args, "--store", str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
    procs["missing", "stats"] = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "stats", "--store", str(base / "nowhere")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out = {}
    for key, p in procs.items():
        stdout, stderr = p.communicate(timeout=120)
        out[key] = subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr)
    return out


def _one_error_line(proc: subprocess.CompletedProcess, fragment: str) -> None:
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    assert fragment in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", ["build", "stats"])
@pytest.mark.parametrize("case", list(CASES))
def test_unusable_store_gives_one_error_line(runs, case, command):
    _one_error_line(runs[case, command], CASES[case])


def test_stats_on_a_missing_store_says_to_build_first(runs):
    _one_error_line(runs["missing", "stats"], "no kg store at")


@ROOT_SKIP
def test_build_into_a_read_only_folder_gives_one_error_line(tmp_path):
    (tmp_path / "a.txt").write_text("Iran supplied drones to Russia.\n")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        _one_error_line(kg("build", str(tmp_path / "a.txt"), "--store", str(ro / "store")), "is not writable")
    finally:
        ro.chmod(0o755)


@ROOT_SKIP
def test_build_into_a_read_only_store_fails_but_stats_still_reads_it(hostile_build, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(hostile_build.store, store, ignore=shutil.ignore_patterns("kg.lock"))
    modes = {}
    for p in [store, *store.rglob("*")]:
        modes[p] = p.stat().st_mode
        p.chmod(modes[p] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        _one_error_line(kg("build", str(hostile_build.folder), "--store", str(store)), "is not writable")
        assert kg("stats", "--store", str(store)).returncode == 0
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
