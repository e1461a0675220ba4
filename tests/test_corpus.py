"""kg.corpus: every input format read exactly, every bad input reported and counted."""

from __future__ import annotations

import json
import os
import random

import pytest

from kg.corpus import ReadStats, decode, html_text, iter_documents

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def read(paths, exclude=()):
    """(documents, stats, warnings) of reading ``paths``."""
    warnings: list[str] = []
    stats = ReadStats()
    docs = list(iter_documents([str(p) for p in paths], warn=warnings.append, stats=stats, exclude=exclude))
    return docs, stats, warnings


# ------------------------------------------------------------------ encodings
WIN1252 = "Türkiye criticized Côte d’Ivoire on Monday — “an unfriendly act”, said the ministry.\n"
LATIN1 = "Côte d'Ivoire and Türkiye signed a trade accord in Zürich. Niño, café, São Tomé.\n"


@pytest.mark.parametrize("text, codec", [(WIN1252, "cp1252"), (LATIN1, "latin-1")])
def test_legacy_single_byte_text_is_decoded_exactly(tmp_path, text, codec):
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    [doc], stats, warnings = read([tmp_path])
    assert doc.text == text
    assert (stats.skipped, warnings) == (0, [])


@pytest.mark.parametrize(
    "bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8")]
)
def test_text_with_a_byte_order_mark_is_decoded_exactly(tmp_path, bom, codec):
    (tmp_path / "a.md").write_bytes(bom + WIN1252.encode(codec))
    [doc], stats, _ = read([tmp_path])
    assert doc.text == WIN1252
    assert stats.skipped == 0


def test_windows_line_ends_become_newlines(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Iran supplied drones to Russia.\r\n\r\nThe EU imposed sanctions on Belarus.\r\n")
    [doc], _, _ = read([tmp_path])
    assert doc.text == "Iran supplied drones to Russia.\n\nThe EU imposed sanctions on Belarus.\n"


# ------------------------------------------------------------------ not text
BINARIES = {
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n", "binary content (a PDF document)"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (a PNG image)"),
    "report.md": (b"PK\x03\x04\x14\x00\x06\x00", "binary content (a ZIP archive (or .docx/.xlsx/.epub))"),
    "nul.txt": (b"Iran supplied drones to Russia.\x00 and more\n", "binary content (NUL bytes)"),
    "noise.txt": (random.Random(9).randbytes(4096), "binary content (NUL bytes)"),
    "empty.txt": (b"", "empty file"),
    "blank.md": (b" \n\t \r\n  ", "only whitespace"),
}


@pytest.mark.parametrize("name", list(BINARIES))
def test_binary_and_empty_files_are_skipped_with_the_reason(tmp_path, name):
    data, reason = BINARIES[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("Iran supplied drones to Russia.\n")
    docs, stats, warnings = read([tmp_path])
    assert [d.key for d in docs] == ["good.txt"]
    assert warnings == [f"{tmp_path / name}: {reason}, skipped"]
    assert (stats.files, stats.skipped_files, stats.skipped) == (2, 1, 1)


def test_control_characters_mark_decoded_bytes_as_binary():
    notes: list[str] = []
    assert decode(bytes(range(1, 32)) * 50, "x.txt", notes.append) is None
    assert notes == ["x.txt: binary content (control characters), skipped"]


# ------------------------------------------------------------------ HTML
PAGE = """<!DOCTYPE html><html><head><title>Drone deal | Wire</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<style>.x{}</style><script>alert("Poland attacked Belarus.")</script></head>
<body><div class="cookie">Accept cookies</div>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header>The Wire — all the news</header>
<article>
  <h1>Iran ships drones to Russia</h1>
  <div class="byline">By A. Reporter</div>
  Tehran, Tuesday.
  <p>Iran supplied <a href="/d">drones</a> to&nbsp;Russia, officials said.</p>
  <ul><li>One<p>nested</p></li><li>Two</li></ul>
  <blockquote><p>We deny it.</p><p>Twice.</p></blockquote>
  <figure><img src="x.png"><figcaption>Photo: agency</figcaption></figure>
  <aside>Read more: other story</aside>
  <div class="share"><button>Share</button></div>
  <p>Iran said it would continue.<br>A second line.</p>
  <noscript>Enable JavaScript</noscript>
</article>
<footer>Copyright 2024</footer></body></html>"""


def test_html_keeps_exactly_the_article_text():
    text, title, date = html_text(PAGE)
    assert text == (
        "Iran ships drones to Russia\n\nTehran, Tuesday.\n\nIran supplied drones to Russia, officials said."
        + "\n\nOne\n\nnested\n\nTwo\n\nWe deny it.\n\nTwice.\n\nIran said it would continue.\n\nA second line."
    )
    assert title == "Iran ships drones to Russia"
    assert str(date) == "2024-03-05"


def test_html_without_article_uses_main_then_body_and_every_article_is_kept():
    assert html_text("<body><nav>menu</nav><main><p>A.</p></main><p>outside</p></body>")[0] == "A."
    assert html_text("<body><nav>menu</nav><p>A.</p>loose <i>text</i></body>")[0] == "A.\n\nloose text"
    two = (
        "<body><article><p>First.</p><article><p>Inner.</p></article></article><article><p>Second.</p></article></body>"
    )
    assert html_text(two)[0] == "First.\n\nInner.\n\nSecond."


def test_deeply_nested_html_does_not_hit_the_recursion_limit():
    html = "<div>" * 20_000 + "Iran supplied drones to Russia." + "</div>" * 20_000
    assert html_text(html)[0] == "Iran supplied drones to Russia."


def test_html_without_article_text_is_skipped(tmp_path):
    (tmp_path / "menu.html").write_text("<html><body><nav>Home</nav><script>x()</script></body></html>")
    docs, stats, warnings = read([tmp_path])
    assert docs == [] and stats.skipped_files == 1
    assert warnings == [f"{tmp_path / 'menu.html'}: no article text in HTML, skipped"]


# ------------------------------------------------------------------ JSON
def test_jsonl_keeps_good_lines_and_reports_bad_ones_by_line(tmp_path):
    lines = [
        json.dumps({"id": 1, "text": "Iran supplied drones to Russia.", "date": "2024-03-05", "url": "https://x/1"}),
        '{"id": 2, "text": "cut off',
        json.dumps({"id": 3, "title": "headline only"}),
        json.dumps({"id": 4, "text": ["not", "a", "string"]}),
        "",
        json.dumps("a bare string"),
        "[" * 50_000,
        json.dumps({"id": 5, "text": "The EU imposed sanctions on Belarus."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    docs, stats, warnings = read([tmp_path])
    f = tmp_path / "feed.jsonl"
    assert [(d.key, d.text, str(d.date), d.url) for d in docs] == [
        ("feed.jsonl#1", "Iran supplied drones to Russia.", "2024-03-05", "https://x/1"),
        ("feed.jsonl#5", "The EU imposed sanctions on Belarus.", "None", None),
    ]
    assert warnings == [
        f"{f}:2: malformed JSON line (Unterminated string starting at), skipped",
        f'{f}:3: record without text (no "text" field), skipped',
        f'{f}:4: record without text ("text" is empty or not a string), skipped',
        f"{f}:6: not a JSON object (str), skipped",
        f"{f}:7: unreadable JSON line (RecursionError), skipped",
    ]
    assert (stats.files, stats.skipped_files, stats.skipped_records, stats.skipped) == (1, 0, 5, 5)


def test_json_list_with_bad_records_keeps_the_good_ones(tmp_path):
    records = [
        {"text": "Iran supplied drones to Russia."},
        7,
        {"text": "  "},
        {"id": "z", "text": "Egyptian troops attacked Hamas."},
    ]
    (tmp_path / "list.json").write_text(json.dumps({"articles": records}))
    docs, stats, warnings = read([tmp_path])
    f = tmp_path / "list.json"
    assert [(d.key, d.text) for d in docs] == [
        ("list.json#[0]", records[0]["text"]),
        ("list.json#z", records[3]["text"]),
    ]
    assert warnings == [
        f"{f}[1]: not a JSON object (int), skipped",
        f'{f}[2]: record without text ("text" is empty or not a string), skipped',
    ]
    assert stats.skipped_records == 2


def test_malformed_json_file_is_skipped_with_its_line(tmp_path):
    (tmp_path / "bad.json").write_text('{\n  "text": "Iran",\n  oops\n}')
    docs, stats, warnings = read([tmp_path])
    assert docs == [] and stats.skipped_files == 1
    assert warnings == [
        f"{tmp_path / 'bad.json'}:3: malformed JSON (Expecting property name enclosed in double quotes), skipped"
    ]


def test_records_sharing_an_id_are_both_kept(tmp_path):
    (tmp_path / "f.jsonl").write_text(
        json.dumps({"id": "a", "text": "One."}) + "\n" + json.dumps({"id": "a", "text": "Two."}) + "\n"
    )
    docs, stats, warnings = read([tmp_path])
    assert [(d.key, d.text) for d in docs] == [("f.jsonl#a", "One."), ("f.jsonl#a@2", "Two.")]
    assert warnings == [f"{tmp_path / 'f.jsonl'}:2: id 'a' already used at 1; kept as a separate record"]
    assert stats.skipped == 0


def test_lone_surrogates_and_nul_in_json_text_are_replaced(tmp_path):
    (tmp_path / "f.jsonl").write_text('{"text": "Iran\\ud800 supplied\\u0000 drones.", "title": "T\\udfff"}\n')
    [doc], _, _ = read([tmp_path])
    assert (doc.text, doc.title) == ("Iran\ufffd supplied drones.", "T\ufffd")


# ------------------------------------------------------------------ files and folders
def test_hidden_folders_stores_and_excluded_paths_are_not_read(tmp_path):
    for sub in (".git", ".cache", "old-store", "mystore", "news"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text("Iran supplied drones to Russia.\n")
    (tmp_path / "old-store" / "kg-store.json").write_text('{"format": 1}')
    (tmp_path / ".hidden.txt").write_text("Iran supplied drones to Russia.\n")
    docs, stats, warnings = read([tmp_path], exclude=[tmp_path / "mystore"])
    assert [d.key for d in docs] == ["news/a.txt"]
    assert (stats.skipped, warnings) == (0, [])


def test_symlinks_broken_looping_and_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text("Iran supplied drones to Russia.\n")
    (tmp_path / "b-alias.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "c-dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "d-loop.txt").symlink_to("d-loop.txt")
    (tmp_path / "e").mkdir()
    (tmp_path / "e" / "up").symlink_to("..", target_is_directory=True)
    docs, stats, warnings = read([tmp_path])
    assert [d.key for d in docs] == ["a.txt"]
    assert warnings == [
        f"{tmp_path / 'b-alias.txt'}: same file as {tmp_path / 'a.txt'}, read once",
        f"{tmp_path / 'c-dangling.txt'}: broken symlink, skipped",
        f"{tmp_path / 'd-loop.txt'}: symlink loop, skipped",
        f"{tmp_path / 'e' / 'up'}: symlink loop (folder already read), skipped",
    ]
    assert (stats.skipped_files, stats.skipped) == (3, 3)


def test_a_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    docs, stats, warnings = read([tmp_path])
    assert docs == [] and warnings == [f"{tmp_path / 'pipe.jsonl'}: not a regular file (a pipe or device), skipped"]


def test_missing_path_is_reported(tmp_path):
    docs, stats, warnings = read([tmp_path / "nope"])
    assert docs == [] and warnings == [f"{tmp_path / 'nope'}: no such file or folder"] and stats.skipped == 1


@pytest.mark.skipif(IS_ROOT, reason="running as root: chmod 000 does not stop root from reading")
def test_unreadable_file_and_folder_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.txt").chmod(0)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x")
    (tmp_path / "sub").chmod(0)
    try:
        docs, stats, warnings = read([tmp_path])
    finally:
        (tmp_path / "sub").chmod(0o755)
    assert docs == []
    assert warnings == [
        f"{tmp_path / 'a.txt'}: permission denied, skipped",
        f"{tmp_path / 'sub'}: cannot list folder (Permission denied), skipped",
    ]
    assert stats.skipped_files == 2


def test_front_matter_and_file_name_give_title_and_date(tmp_path):
    (tmp_path / "2024-03-05-x.md").write_text("# Drones\n\nIran supplied drones to Russia.\n")
    (tmp_path / "y.md").write_text(
        '---\ntitle: "EU acts"\ndate: 2024-06-01\n---\n\nThe EU imposed sanctions on Belarus.\n'
    )
    (tmp_path / "z.md").write_text("---\ntitle: nothing else\n---\n\n  \n")
    docs, stats, warnings = read([tmp_path])
    assert [(d.key, d.title, str(d.date)) for d in docs] == [
        ("2024-03-05-x.md", "Drones", "2024-03-05"),
        ("y.md", "EU acts", "2024-06-01"),
    ]
    assert warnings == [f"{tmp_path / 'z.md'}: no text after the front matter, skipped"]


def test_utf8_with_a_few_stray_windows_bytes_keeps_all_text(tmp_path):
    good = "Türkiye criticized Côte d’Ivoire. " * 5
    (tmp_path / "a.txt").write_bytes(good.encode("utf-8") + b"A stray \x96 dash.")
    [doc], stats, warnings = read([tmp_path])
    assert doc.text == good + "A stray – dash."
    assert warnings == [f"{tmp_path / 'a.txt'}: UTF-8 with 1 byte(s) in another encoding, read as Windows-1252"]
    assert stats.skipped == 0


def test_a_file_over_the_size_limit_is_skipped_unread(tmp_path):
    from kg.corpus import MAX_FILE_BYTES

    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, and kg must not read it
    docs, stats, warnings = read([tmp_path])
    assert docs == [] and warnings == [f"{tmp_path / 'huge.txt'}: larger than 200 MB, skipped"]


def test_invisible_and_control_characters_are_removed_and_text_is_nfc(tmp_path):
    (tmp_path / "a.txt").write_text("Iran\u200b supplied\x07 drones to Tu\u0308rkiye\u2029The EU\u00ad acted.\n")
    [doc], _, _ = read([tmp_path])
    assert doc.text == "Iran supplied drones to Türkiye\n\nThe EU acted.\n"


def test_input_files_lists_what_would_be_opened_and_never_a_pipe(tmp_path):
    from kg.corpus import iter_input_files

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "kg-store.json").write_text("{}")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "pipe.jsonl")
    assert list(iter_input_files([tmp_path])) == [tmp_path / "a.txt"]
