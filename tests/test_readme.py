"""The README cannot drift from the CLI: every `kg` command it shows parses against the real
command line, and the "Using your own news" section runs as written, on the files it shows."""

from __future__ import annotations

import csv
import os
import re
import shlex
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def code_lines(text: str) -> list[str]:
    """The lines of the indented (4-space) code blocks of ``text``."""
    return [line[4:] for line in text.splitlines() if line.startswith("    ")]


def kg_commands(text: str) -> list[list[str]]:
    """Every `kg ...` command in the code blocks, as argument lists (comments and pipes split off)."""
    commands = []
    for line in code_lines(text):
        for part in re.split(r"\s\|\s", line):
            words = shlex.split(part, comments=True)
            if words and words[0] == "kg":
                commands.append(words[1:])
    return commands


ALL = kg_commands(README)


def test_the_readme_shows_commands():
    assert len(ALL) > 30


@pytest.mark.parametrize("args", ALL, ids=[" ".join(a)[:60] for a in ALL])
def test_every_readme_command_parses(args):
    cli = get_command(app)
    name, rest = args[0], args[1:]
    assert name in cli.commands, f"kg {name} is not a command"
    try:
        cli.commands[name].make_context(name, list(rest))
    except Exception as exc:  # click's UsageError (typer may vendor its own click): an unknown option...
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        pytest.fail(f"kg {' '.join(args)}: {message}")


def files_shown(text: str) -> dict[str, str]:
    """The example files of a section: a paragraph ending in "`news/NAME`:" and the indented block after it."""
    files = {}
    for m in re.finditer(r"`(news/[^`]+)`:\n\n((?:    .*\n|\n)+)", text):
        files[m.group(1)] = "".join(line[4:] + "\n" for line in m.group(2).rstrip("\n").splitlines())
    return files


def test_using_your_own_news_runs_as_written(tmp_path):
    text = section("Using your own news")
    files = files_shown(text)
    assert {Path(f).suffix for f in files} >= {".csv", ".jsonl", ".html", ".txt"}
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    commands = kg_commands(text)
    assert commands[0][:2] == ["build", "news/"]
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for args in commands:
            res = CliRunner().invoke(app, args)
            assert res.exit_code == 0, f"kg {' '.join(args)}: {res.output}"
            if args[0] == "build":
                assert "0 skipped" in res.stdout, res.output
    finally:
        os.chdir(here)
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    found = {(r["actor1_name"], r["relation"], r["actor2_name"], r["published"]) for r in rows}
    for line in re.findall(r"^- (.+ -\w+-> .+ \(\d{4}-\d\d-\d\d\))$", text, re.M):
        m = re.match(r"(.+) -(\w+)-> (.+) \((\d{4}-\d\d-\d\d)\)", line)
        assert m.groups() in found, (line, sorted(found))


def test_the_first_sparql_example_prints_labels_not_iris(data_store):
    args = next(a for a in kg_commands(section("Using kg")) if a[0] == "query")
    res = CliRunner().invoke(app, [*args, "--store", str(data_store)])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) > 1
    assert "http" not in res.stdout and "Iran" in res.stdout
