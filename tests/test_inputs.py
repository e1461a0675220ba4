"""Your own news in the first hour: CSV/TSV/JSON field mapping, --date, dates and titles found in
the documents, mixed encodings, file names and symlinks in warnings, and the bad input that stops
a build with one line and exit 2 before anything is written."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.corpus import ReadOptions, ReadStats, headline, html_text, iter_documents, text_date


def read(paths, **options):
    warnings: list[str] = []
    stats = ReadStats()
    docs = list(
        iter_documents([str(p) for p in paths], warn=warnings.append, stats=stats, options=ReadOptions(**options))
    )
    return docs, stats, warnings


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


CSV = (
    "id,Headline,body,Published,link\n"
    '7,Drones for Russia,"Iran supplied drones to Russia.",2024-03-05T10:00:00Z,https://example.org/7\n'
    '8,EU acts,"The EU imposed sanctions on Belarus, ""again"".\nA second line.",,https://example.org/8\n'
)


# ------------------------------------------------------------------ CSV, TSV and JSON fields
def test_csv_rows_are_documents_with_fields_found_by_common_names(tmp_path):
    (tmp_path / "news.csv").write_text(CSV)
    docs, stats, warnings = read([tmp_path])
    assert [(d.key, d.title, str(d.date), d.url, d.meta["record"]) for d in docs] == [
        ("news.csv#7", "Drones for Russia", "2024-03-05", "https://example.org/7", "7"),
        ("news.csv#8", "EU acts", "None", "https://example.org/8", "8"),
    ]
    assert docs[1].text == 'The EU imposed sanctions on Belarus, "again".\nA second line.'
    assert (stats.documents, stats.undated, warnings) == (2, 1, [])


def test_tsv_columns_named_by_the_user(tmp_path):
    (tmp_path / "feed.tsv").write_text(
        "story\tname\twhen\tref\nIran supplied drones to Russia.\tDrones\t5 March 2024\tA1\n"
    )
    docs, _, warnings = read(
        [tmp_path], text_column="story", title_column="name", date_column="when", id_column="ref", date=None
    )
    assert [(d.key, d.text, d.title, str(d.date)) for d in docs] == [
        ("feed.tsv#A1", "Iran supplied drones to Russia.", "Drones", "2024-03-05")
    ]
    assert warnings == []


def test_jsonl_keys_are_mapped_the_same_way(tmp_path):
    record = {"uid": "x9", "article_body": "Iran supplied drones to Russia.", "head": "Drones", "pub": "20240305"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n")
    docs, _, warnings = read(
        [tmp_path], text_column="article_body", title_column="head", date_column="pub", id_column="uid"
    )
    assert [(d.key, d.title, str(d.date)) for d in docs] == [("feed.jsonl#x9", "Drones", "2024-03-05")]
    assert warnings == []


def test_a_csv_without_a_text_column_is_skipped_with_its_columns_named(tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    docs, stats, warnings = read([tmp_path])
    assert docs == [] and stats.skipped_files == 1
    assert warnings == [
        f"{tmp_path / 'x.csv'}: no text column (looked for text, body, content, article ...; its columns: a, b); "
        "name it with --text-column, skipped"
    ]


def test_unreadable_dates_in_a_feed_are_told_once_per_file(tmp_path):
    lines = [json.dumps({"text": f"Iran met Iraq {i}.", "date": "soon"}) for i in range(3)]
    (tmp_path / "f.jsonl").write_text("\n".join(lines))
    docs, stats, warnings = read([tmp_path])
    assert len(docs) == 3 and stats.undated == 3
    assert warnings == [
        f"{tmp_path / 'f.jsonl'}: 3 record(s) with a date kg cannot read (e.g. 'soon'); "
        "read without it (give dates as YYYY-MM-DD)"
    ]


# ------------------------------------------------------------------ dates and titles
def test_date_option_dates_only_the_documents_without_one(tmp_path):
    (tmp_path / "2024-01-02-a.txt").write_text("Iran met Iraq.\n")
    (tmp_path / "b.txt").write_text("Iran met Iraq again.\n")
    docs, stats, _ = read([tmp_path], date=__import__("datetime").date(2024, 6, 1))
    assert [(d.key, str(d.date)) for d in docs] == [("2024-01-02-a.txt", "2024-01-02"), ("b.txt", "2024-06-01")]
    assert stats.undated == 0


def test_dates_stated_in_the_first_lines_of_a_text():
    assert str(text_date("Talks in Doha\nUpdated 6 March 2024\nPublished: March 5th, 2024\nIran met Qatar.")) == (
        "2024-03-05"
    )
    assert str(text_date("WASHINGTON, Feb. 24, 2022 -- Russia attacked Ukraine.")) == "2022-02-24"
    assert str(text_date("Tuesday, 2024-03-05\n\nIran met Qatar.")) == "2024-03-05"
    assert text_date("Iran met Qatar.\n" * 20 + "March 5, 2024") is None  # too far down: not the page's date


def test_a_saved_web_article_gets_its_headline_and_date_not_the_navigation(tmp_path):
    (tmp_path / "saved.txt").write_text(
        "HomeInternational NewsIsrael-Hamas War\n"
        "Menu | Search | Sign in\n"
        "Israel and Hamas agree to extend the truce in Gaza\n"
        "By Jane Doe\n"
        "Published November 27, 2023\n\n"
        "Israel and Hamas agreed on Monday to extend the truce by two days, Qatar said.\n"
    )
    [doc], stats, _ = read([tmp_path])
    assert (doc.title, str(doc.date), stats.undated) == (
        "Israel and Hamas agree to extend the truce in Gaza",
        "2023-11-27",
        0,
    )


@pytest.mark.parametrize(
    "text, title",
    [
        ("# Drones\n\nIran supplied drones to Russia.\n", "Drones"),
        ("Iran supplies drones to Russia\n\nIran supplied drones to Russia.\n", "Iran supplies drones to Russia"),
        ("Iran supplied drones to Russia. The EU imposed sanctions.\n", None),
        ("Home\nWorld\n\nIran supplied drones to Russia.\n", None),
    ],
)
def test_headline_of_a_plain_text(text, title):
    assert headline(text) == title


def test_html_title_and_date_from_open_graph_and_schema_org():
    page = (
        '<html><head><title>Drones | Wire</title><meta property="og:title" content="Iran ships drones">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-05T08:00:00Z"}</script>'
        "</head><body><h1>Wire</h1><p>Iran supplied drones to Russia.</p></body></html>"
    )
    assert html_text(page) == ("Wire\n\nIran supplied drones to Russia.", "Iran ships drones", html_text(page)[2])
    assert str(html_text(page)[2]) == "2024-03-05"
    dc = '<meta name="DC.date.issued" content="Tue, 05 Mar 2024 10:00:00 GMT"><h1>Talks</h1><p>Iran met Iraq.</p>'
    assert [str(v) for v in html_text(dc)[1:]] == ["Talks", "2024-03-05"]
    bare = "<title>Talks</title><p>Published March 5, 2024</p><p>Iran met Iraq.</p>"
    assert [str(v) for v in html_text(bare)[1:]] == ["Talks", "None"]  # the text's date is read by the reader


def test_html_without_metadata_takes_the_date_its_text_states(tmp_path):
    (tmp_path / "p.html").write_text(
        "<title>Talks</title><article><p>Published March 5, 2024</p><p>Iran met Iraq.</p></article>"
    )
    [doc], _, _ = read([tmp_path])
    assert (doc.title, str(doc.date)) == ("Talks", "2024-03-05")


# ------------------------------------------------------------------ encodings, names, symlinks
def test_utf8_with_stray_windows_bytes_keeps_cote_divoire_and_its_relations(tmp_path, nlp):
    from kg.extract import Extractor

    text = "Côte d’Ivoire accused Mali of supporting the rebels."
    data = text.encode("utf-8").replace("ô".encode(), b"\xf4")  # one Windows-1252 byte in UTF-8 text
    (tmp_path / "a.txt").write_bytes(data)
    [doc], stats, warnings = read([tmp_path])
    assert doc.text == text
    assert warnings == [f"{tmp_path / 'a.txt'}: UTF-8 with 1 byte(s) in another encoding, read as Windows-1252"]
    rels = [(r.subject.id, r.relation, r.object.id) for r in Extractor().extract(nlp(doc.text), None)]
    assert rels[0] == ("https://w3id.org/kg/id/country/CIV", "accuses", "https://w3id.org/kg/id/country/MLI")


def test_a_file_name_with_a_newline_cannot_forge_a_warning_line(tmp_path):
    (tmp_path / "x.txt\nwarning: all good.txt").write_bytes(b"%PDF-1.7\n")
    _, _, warnings = read([tmp_path])
    assert warnings == [f"{tmp_path}/x.txt\\nwarning: all good.txt: binary content (a PDF document), skipped"]
    assert all("\n" not in w for w in warnings)


def test_symlinks_leaving_the_input_folder_are_skipped_unless_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Iran met Iraq.\n")
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Iran supplied drones to Russia.\n")
    (news / "passwd.txt").symlink_to(outside / "secret.txt")
    (news / "inside.txt").symlink_to(news / "a.txt")
    docs, stats, warnings = read([news])
    assert [d.key for d in docs] == ["a.txt"]
    assert warnings == [
        f"{news / 'inside.txt'}: same file as {news / 'a.txt'}, read once",
        f"{news / 'passwd.txt'}: symlink to {outside / 'secret.txt'}, outside the input folder, skipped "
        "(--follow-symlinks reads it)",
    ]
    docs, _, _ = read([news], follow_symlinks=True)
    assert [d.key for d in docs] == ["a.txt", "passwd.txt"]


# ------------------------------------------------------------------ bad input: one line, exit 2, nothing written
@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--text-column", "story"],
            "news.csv has no column 'story' (--text-column); its columns: id, Headline, body, Published, link",
        ),
        (
            ["--date-column", "when"],
            "news.csv has no column 'when' (--date-column); its columns: id, Headline, body, Published, link",
        ),
        (["--date", "05/03/24"], "--date '05/03/24' is not a date; give it as YYYY-MM-DD"),
    ],
)
def test_bad_input_options_stop_the_build_before_the_store_exists(tmp_path, args, message):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.csv").write_text(CSV)
    res = run("build", tmp_path / "in", "--store", tmp_path / "store", *args)
    assert res.exit_code == 2
    assert res.output.strip().endswith(message) and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "store").exists()


def test_a_column_mapping_on_files_without_columns_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Iran supplied drones to Russia.\n")
    res = run("extract", tmp_path / "a.txt", "--text-column", "body")
    assert res.exit_code == 2
    assert res.output == (
        "error: --text-column: the input has no columns to map (only CSV, TSV, JSON and JSONL files have them; "
        "found 1 other file(s))\n"
    )


def test_build_reports_the_documents_without_a_date_and_date_fixes_them(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.csv").write_text(CSV)
    store = tmp_path / "store"
    res = run("build", tmp_path / "in", "--store", store, "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["undated"] == 1
    res = run("build", tmp_path / "in", "--store", store)
    assert "1 of 2 document(s) have no date" in res.output
    res = run("build", tmp_path / "in", "--store", store, "--date", "2024-03-06")
    assert res.exit_code == 0 and "no date" not in res.output
    res = run("actors", "--store", store, "--since", "2024-03-06", "--format", "tsv")
    assert res.exit_code == 0 and "Belarus" in res.stdout and "Iran" not in res.stdout
    assert os.path.isdir(store)
