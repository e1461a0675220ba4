"""One input folder holding every kind of hostile and messy input kg must survive, next to
good documents (used by ``conftest.py``, which builds it once per session with ``kg build``).

:func:`make_hostile_folder` writes the folder; ``EXPECTED_*`` say exactly what the store must
hold afterwards and which files must be reported. Each file carries a sentence the extractor is
known to turn into a relation, so a file that is wrongly read (or wrongly dropped) changes the
set of relations in the store.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# Filler of the 2.2 MB document: long runs without spaces are cheap for spaCy (one token each),
# so the test is about size (more than nlp.max_length) and offsets, not about parsing speed.
BIG_FILLER = ("x" * 9_998 + "\n\n") * 110
BIG_SENTENCES = ("Chile criticized Peru.", "Ghana met with Togo.", "Mexico criticized Cuba.")
BIG_TEXT = BIG_SENTENCES[0] + "\n\n" + BIG_FILLER + BIG_SENTENCES[1] + "\n\n" + BIG_FILLER + BIG_SENTENCES[2] + "\n"

EGYPT_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Egypt strikes | The Wire</title>
<style>p { color: red } /* Poland attacked Belarus. */</style>
<script>var teaser = "Sweden attacked Norway."; document.write(teaser);</script>
<meta name="date" content="2024-05-01"></head>
<body>
<div id="cookie-banner" class="cookie">We use cookies. Syria attacked Jordan.</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/w">Spain threatened Portugal.</a></li></ul></nav>
<header><p class="tagline">Independent news</p></header>
<main><article>
<h1>Egypt strikes Hamas</h1>
<p class="byline">By our staff</p>
<p>Egyptian troops attacked <b>Hamas</b>.</p>
<aside>Related: Qatar supplied gas to Italy.</aside>
<div class="share"><button>Share</button></div>
</article></main>
<footer>(c) The Wire. Iraq criticized Kuwait.</footer>
<script type="application/ld+json">{"articleBody": "Greece accused Albania of fraud."}</script>
</body></html>
"""
EGYPT_TEXT = "Egypt strikes Hamas\n\nEgyptian troops attacked Hamas."

LATIN1_TEXT = "Türkiye criticized Côte d’Ivoire — officials said the “talks” failed.\n"

# (subject label, relation, object label) of every statement the build must store, nothing more.
EXPECTED_RELATIONS = {
    ("Iran", "supplies", "Russia"),  # iran.txt
    ("European Union", "sanctions", "Belarus"),  # eu-belarus.md
    ("Egypt: military", "attacks", "Hamas"),  # egypt-hamas.html (article text only): Egyptian troops
    ("Turkey", "criticizes", "Ivory Coast"),  # latin1.txt (Windows-1252)
    ("India", "supplies", "Nepal"),  # utf16le.txt
    ("Brazil", "meets", "Argentina"),  # utf16be.md
    ("Kenya", "demands", "Somalia"),  # feed.jsonl line 1
    ("Nigeria", "threatens", "Niger"),  # feed.jsonl line 7
    ("Morocco", "rejects", "Algeria"),  # list.json [0]
    ("Japan", "accuses", "China"),  # list.json [3]
    ("Chile", "criticizes", "Peru"),  # big.txt, first piece
    ("Ghana", "meets", "Togo"),  # big.txt, middle piece
    ("Mexico", "criticizes", "Cuba"),  # big.txt, last piece
}

# Warnings that must name each bad file (or record), with the reason: (fragment, fragment).
EXPECTED_SKIPS = [
    ("scan.txt", "binary content (a PDF document)"),
    ("photo.md", "binary content (a PNG image)"),
    ("nul.txt", "binary content (NUL bytes)"),
    ("empty.txt", "empty file"),
    ("blank.md", "only whitespace"),
    ("menu.html", "no article text in HTML"),
    ("feed.jsonl:2", "malformed JSON line"),
    ("feed.jsonl:3", "record without text"),
    ("feed.jsonl:4", "record without text"),
    ("feed.jsonl:5", "not a JSON object"),
    ("list.json[1]", "not a JSON object"),
    ("list.json[2]", "record without text"),
    ("broken.json:3", "malformed JSON"),
    ("deep.json", "unreadable JSON"),
    ("dangling.txt", "broken symlink"),
    ("loop.txt", "symlink loop"),
    ("back", "symlink loop"),
    ("pipe.txt", "not a regular file"),
]
LOCKED_SKIP = ("locked.txt", "permission denied")  # only when not root: root reads any file
EXPECTED_SKIPPED = len(EXPECTED_SKIPS) + (0 if IS_ROOT else 1)


def _pdf() -> bytes:
    # A minimal but real PDF whose page says "Sweden attacked Norway." (which must not be read).
    body = b"BT /F1 12 Tf 72 712 Td (Sweden attacked Norway.) Tj ET"
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
        b"4 0 obj << /Length " + str(len(body)).encode() + b" >> stream\n" + body + b"\nendstream endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00"  # one red pixel
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def make_hostile_folder(root: Path) -> Path:
    """Write the test corpus under ``root/news`` and return that folder."""
    d = root / "news"
    d.mkdir(parents=True)
    # good documents
    (d / "2024-03-05-iran.txt").write_text("Iran supplied drones to Russia.\n", "utf-8")
    (d / "eu-belarus.md").write_text(
        "---\ntitle: EU and Belarus\ndate: 2024-06-01\n---\n\nThe EU imposed sanctions on Belarus.\n", "utf-8"
    )
    (d / "egypt-hamas.html").write_text(EGYPT_HTML, "utf-8")
    # other encodings: decoded, not skipped
    (d / "latin1.txt").write_bytes(LATIN1_TEXT.encode("cp1252"))
    (d / "utf16le.txt").write_bytes(b"\xff\xfe" + "India supplied rice to Nepal.\n".encode("utf-16-le"))
    (d / "utf16be.md").write_bytes(b"\xfe\xff" + "Brazil met with Argentina.\n".encode("utf-16-be"))
    # feeds with bad records
    (d / "feed.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "a1", "text": "Kenya demanded that Somalia withdraw."}),
                '{"id": "a2", "text": "Sweden attacked Norway.',
                json.dumps({"id": "a3", "title": "no text here"}),
                json.dumps({"id": "a4", "text": 42}),
                json.dumps(["Syria attacked Jordan."]),
                "",
                json.dumps({"id": "a5", "text": "Nigeria threatened Niger."}),
            ]
        )
        + "\n",
        "utf-8",
    )
    (d / "list.json").write_text(
        json.dumps(
            [
                {"id": "b1", "text": "Morocco rejected Algeria's proposal."},
                "Spain threatened Portugal.",
                {"id": "b3", "text": ""},
                {"id": "b4", "text": "Japan accused China of espionage."},
            ],
            indent=1,
        ),
        "utf-8",
    )
    (d / "broken.json").write_text('{\n "id": "c1",\n "text": "Iraq criticized Kuwait.\n', "utf-8")
    (d / "deep.json").write_text("[" * 100_000, "utf-8")
    # not text at all
    (d / "scan.txt").write_bytes(_pdf())
    (d / "photo.md").write_bytes(_png())
    (d / "nul.txt").write_bytes(b"Syria attacked Jordan.\x00\x00\x00 Qatar supplied gas to Italy.\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text("  \n\t\n   \n", "utf-8")
    (d / "menu.html").write_text(
        "<html><body><nav>Spain threatened Portugal.</nav><script>x()</script></body></html>", "utf-8"
    )
    # big: more than spaCy's max_length in one file
    (d / "big.txt").write_text(BIG_TEXT, "utf-8")
    # file-system trouble
    (d / "dangling.txt").symlink_to(d / "missing.txt")
    (d / "loop.txt").symlink_to("loop.txt")
    (d / "sub").mkdir()
    (d / "sub" / "back").symlink_to("..", target_is_directory=True)
    os.mkfifo(d / "pipe.txt")
    locked = d / "locked.txt"
    locked.write_text("A file without any relation in it.\n", "utf-8")
    locked.chmod(0)
    # never input: hidden folders
    for hidden in (".git", ".cache"):
        (d / hidden).mkdir()
        (d / hidden / "notes.txt").write_text("Greece accused Albania of fraud.\n", "utf-8")
    return d


def kg(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real ``kg`` command line in a fresh interpreter."""
    env = {**os.environ, "COLUMNS": "400"}
    env.pop("KG_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )
