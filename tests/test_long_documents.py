"""Memory bounded by the batch, not by the document: a long document is parsed one piece per
spaCy batch, with its offsets kept; a document's relations are capped with a warning naming it;
progress is reported inside a long document; Ctrl-C stops a build inside one within seconds."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time

import pytest
import spacy
from spacy.language import Language

from kg.backend import open_store
from kg.corpus import Document
from kg.extract import Extractor
from kg.nlp import load_pipeline
from kg.pipeline import LocalEngine, LogProgress, Processor, build, split_text

SENTENCES = [
    "Iran supplied drones to Russia on Monday.",
    "Ukraine accused Iran of arming Moscow.",
    "The European Union imposed sanctions on Belarus.",
    "China and Brazil held talks in Beijing.",
    "Turkey criticized Greece over the border.",
]


def long_text(paragraphs: int) -> str:
    """Paragraphs of three sentences each, written for the test."""
    out = []
    for i in range(paragraphs):
        out.append(" ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)))
    return "\n\n".join(out) + "\n"


class _BatchRecorder:
    """A pipeline component that batches as spaCy's components do and records each batch's texts."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, doc):
        self.batches.append([doc.text])
        return doc

    def pipe(self, stream, batch_size: int = 128):
        for batch in spacy.util.minibatch(stream, size=batch_size):
            self.batches.append([d.text for d in batch])
            yield from batch


@Language.factory("kg_test_batch_recorder")
def _make_recorder(nlp, name):
    return _BatchRecorder()


@pytest.fixture(scope="module")
def recording_processor():
    proc = Processor(piece_chars=1500)
    proc.nlp = load_pipeline.__wrapped__()  # a pipeline of its own: the shared one stays as it is
    proc.nlp.add_pipe("kg_test_batch_recorder", last=True)
    return proc


def test_a_long_document_is_parsed_one_piece_per_batch_with_its_offsets(recording_processor):
    proc = recording_processor
    recorder = proc.nlp.get_pipe("kg_test_batch_recorder")
    recorder.batches.clear()
    text = long_text(60)
    pieces = [p for _, p in split_text(text, 1500)]
    assert len(pieces) >= 5
    docs = [
        Document(key="before.txt", display="before.txt", text="Iran supplied drones to Russia."),
        Document(key="long.txt", display="long.txt", text=text),
        Document(key="after.txt", display="after.txt", text="Ukraine accused Iran."),
    ]
    results = list(proc.process(docs, batch_size=4))
    assert [r.document.key for r in results] == ["before.txt", "long.txt", "after.txt"]
    # every batch spaCy made holds at most one piece of the long document
    per_batch = [sum(1 for t in batch if t in pieces) for batch in recorder.batches]
    assert max(per_batch) == 1 and sum(per_batch) == len(pieces)
    # offsets are into the whole text, and the relations are those of the pieces parsed alone
    long_rels = results[1].relations
    assert long_rels and all(text[r.start : r.end] == r.sentence for r in long_rels)
    alone = []
    for offset, piece in split_text(text, 1500):
        alone.extend(
            (r.start + offset, r.subject.id, r.relation, r.object.id) for r in proc.extractor.extract(proc.nlp(piece))
        )
    assert [(r.start, r.subject.id, r.relation, r.object.id) for r in long_rels] == alone


def test_progress_is_reported_inside_a_long_document(recording_processor, capsys):
    seen = []
    doc = Document(key="long.txt", display="long.txt", text=long_text(30))
    total = len(split_text(doc.text, 1500))
    list(recording_processor.process([doc], on_piece=lambda d, done, n: seen.append((d.display, done, n))))
    assert seen == [("long.txt", i, total) for i in range(1, total + 1)]
    log = LogProgress(seconds=0)
    log("start", {"total": 1})
    log("piece", {"doc": "long.txt", "done": 2, "total": total})
    assert capsys.readouterr().err.startswith(f"kg build: long.txt: 2/{total} pieces of a long document, 0/1 documents")


def test_relations_past_the_cap_are_dropped_with_a_warning_naming_the_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dump.txt").write_text("\n".join(["Iran supplied drones to Russia."] * 12) + "\n")
    (folder / "news.txt").write_text("Ukraine accused Iran.\n")
    warnings: list[str] = []
    summary = build(
        [str(folder)], store_path=tmp_path / "store", warn=warnings.append, engine=LocalEngine(max_relations=5)
    )
    assert warnings == [
        f"{folder / 'dump.txt'}: more than 5 relations in one document; the first 5 kept (split the file into its documents)"
    ]
    assert summary.warnings == warnings
    assert summary.relations == 6 and summary.statements_in_store == 6
    with open_store(tmp_path / "store", create=False, read_only=True) as st:
        rows = st.select("SELECT ?s WHERE { ?st kg:start ?s ; kg:relation kg:supplies }")
        starts = sorted(int(row[0].value) for row in rows)
    assert starts == [i * len("Iran supplied drones to Russia.\n") for i in range(5)]  # the first five


@pytest.mark.slow
def test_a_long_document_needs_no_more_memory_than_a_normal_one(tmp_path):
    """300,000 characters: three pieces, which one spaCy batch used to hold together (1.1 GB and
    more: 1.65 GB for a 0.5 MB document); one piece at a time stays near a normal build's peak."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(long_text(2_300))
    assert 2 < len(split_text((folder / "long.txt").read_text())) <= 3
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(folder), "--store", str(tmp_path / "store"), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, proc.stderr.read()
    proc.stderr.close()
    assert usage.ru_maxrss / 1024 < 800, f"peak RSS {usage.ru_maxrss / 1024:.0f} MB"


@pytest.mark.slow
def test_ctrl_c_stops_a_build_inside_a_long_document_within_seconds(tmp_path):
    """It was deferred until the whole document was parsed (all its pieces made one spaCy batch)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(long_text(10_000))  # 1.3 MB: 14 pieces
    store = tmp_path / "store"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(folder), "--store", str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not (store / "oxigraph").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(8)  # the model is loaded and the parse is under way
    assert proc.poll() is None
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    waited = time.monotonic() - t0
    assert proc.returncode == 130, err
    assert waited < 25, f"Ctrl-C took {waited:.1f} s"
    assert "interrupted" in err
    with open_store(store, create=False, read_only=True) as st:
        assert st.document_hashes() == {}  # nothing half-written


class _PidExtractor(Extractor):
    """kg's extractor, marking each relation with the process that extracted it."""

    def extract(self, *args, **kwargs):
        return [dataclasses.replace(r, rule=f"{r.rule}@{os.getpid()}") for r in super().extract(*args, **kwargs)]


def test_two_workers_extract_in_the_workers_and_give_what_one_process_gives():
    docs = [Document(key=f"d{i}", display=f"d{i}", text=" ".join(SENTENCES[i:] + SENTENCES[:i])) for i in range(5)]
    docs.insert(2, Document(key="long", display="long", text=long_text(40)))  # parsed in pieces
    proc = Processor(extractor=_PidExtractor(), piece_chars=1500)

    def run(workers):
        return [
            (r.document.key, r.sentences, r.words, [(x.as_json(""), x.rule.split("@")[1]) for x in r.relations])
            for r in proc.process(iter(docs), workers=workers, batch_size=4)
        ]

    one, two = run(1), run(2)
    assert [d[0] for d in two] == [d.key for d in docs]  # in input order
    strip = [(k, s, w, [dict(j, rule=j["rule"].split("@")[0]) for j, _ in rels]) for k, s, w, rels in one]
    assert strip == [(k, s, w, [dict(j, rule=j["rule"].split("@")[0]) for j, _ in rels]) for k, s, w, rels in two]
    assert sum(len(d[3]) for d in two) > 40
    # one process extracts in itself; two workers extract in the workers, not in this process
    assert {pid for d in one for _, pid in d[3]} == {str(os.getpid())}
    assert str(os.getpid()) not in {pid for d in two for _, pid in d[3]}
