"""The corpus stage: a folder (or files, or stdin) in, :class:`Document` records out.

Reads ``.txt`` and ``.md`` (front matter or a first-line headline may give title and date; a
``YYYY-MM-DD`` file-name prefix gives the date), ``.html``/``.htm`` (article text only: scripts,
styles, navigation, headers, footers and page furniture are dropped by a real HTML parser),
``.json`` (a record, a list of records or ``{"items": [...]}``) and ``.jsonl`` (one record per
line), and ``.csv``/``.tsv`` (a header row, then one article per row). Records and rows name their
fields as :class:`ReadOptions` says: by default the first of :data:`FIELD_NAMES` present (``text``,
``body``, ``content``...; ``title``, ``headline``; ``date``, ``published``...; ``url``, ``link``;
``id``, ``guid``), or the column a user names (``--text-column`` ...).

A document's date is, in order: its own (front matter, a date field, HTML metadata such as
``article:published_time`` or a ``<time>`` element), a ``YYYY-MM-DD`` in the file name, a date the
text states in its first lines (a "Published ..." line, a dateline, a line holding a date), and last
the ``--date`` given for files without one. Titles: front matter or a title field; for HTML the
``og:title``, else the page's ``<h1>``, else ``<title>``; for plain text the first of the opening
lines that reads as a headline rather than site navigation.

Bad input never stops the run and is never silent: every skipped file or record is reported
through ``warn`` with the file, the line or record where there is one, and the reason, and is
counted in :class:`ReadStats`. Text in legacy encodings (Windows-1252, Latin-1, UTF-16 with a
byte-order mark, ...) is detected and decoded, not skipped. See ``docs/robustness.md``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import stat as statmod
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from kg.dates import parse_date
from kg.errors import UsageError

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".tab"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | TABLE_SUFFIXES
# Formats whose records have named fields a column mapping (--text-column ...) applies to.
FIELD_SUFFIXES = JSON_SUFFIXES | TABLE_SUFFIXES
# The field names read when the user names none, first match wins (case-insensitive for columns).
FIELD_NAMES = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "story", "maintext", "article_text"),
    "title": ("title", "headline", "heading", "name"),
    "date": (
        "date",
        "published",
        "publish_date",
        "published_at",
        "publication_date",
        "pubdate",
        "date_published",
        "datetime",
        "timestamp",
        "seendate",
    ),
    "url": ("url", "link", "source_url", "sourceurl", "href", "permalink"),
    "id": ("id", "guid", "doc_id", "article_id", "uuid", "key"),
}
MAX_FILE_BYTES = 200 * 1024 * 1024
DETECT_BYTES = 200_000  # bytes charset-normalizer looks at; enough to tell encodings apart
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Signatures of common binary formats, so that "a PDF saved as .txt" is named as such.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
# Where charset-normalizer finds several single-byte encodings equally plausible (short texts),
# prefer the one most news text in a legacy encoding is actually in. Latin-1 bytes decode the
# same under Windows-1252 except for C1 controls, which real text does not contain (this is also
# what browsers do with a "latin-1" label).
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "utf_8")
# Record-list keys seen in news exports: {"items": [...]}, {"articles": [...]}, ...
_LIST_KEYS = ("items", "articles", "documents", "records", "data", "entries")
# Parts of an HTML page that are never article text.
_HTML_DROP = (
    "script, style, noscript, template, nav, header, footer, aside, form, svg, iframe, object, embed, "
    "button, select, textarea, dialog, figure figcaption, "
    '[aria-hidden="true"], [hidden], [role="navigation"], [role="banner"], [role="contentinfo"], '
    '[role="complementary"], [role="dialog"], [role="alert"], '
    ".byline, .share, .social, .newsletter, .subscribe, .related, .advert, .ad, .ads, .promo, "
    ".cookie, .cookies, .cookie-banner, #cookie-banner, .consent, .breadcrumb, .breadcrumbs, .comments, .sidebar, "
    ".paywall, .skip-link"
)
# Elements whose content is a block of its own: text on either side never runs together.
_HTML_BLOCKS = frozenset(
    "address article blockquote body dd details div dl dt fieldset h1 h2 h3 h4 h5 h6 hr li main ol p pre "
    "section summary table tbody td th thead tr ul br caption center figure html".split()
)

Warn = Callable[[str], None]


class InputError(UsageError, ValueError):
    """The input cannot be read as asked (a named column missing, a mapping for files without
    columns, an unreadable --date): the user must act, nothing is read. One sentence."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read the input: which record fields or CSV columns hold text, title, date, id and
    URL (None: the defaults of :data:`FIELD_NAMES`), the date of documents that have none, and
    whether symlinks that leave an input folder are followed."""

    text_column: str | None = None
    title_column: str | None = None
    date_column: str | None = None
    id_column: str | None = None
    url_column: str | None = None
    date: dt.date | None = None
    follow_symlinks: bool = False

    def named(self) -> dict[str, str]:
        """The fields the user named: {"text": "body", ...}."""
        pairs = {
            "text": self.text_column,
            "title": self.title_column,
            "date": self.date_column,
            "id": self.id_column,
            "url": self.url_column,
        }
        return {k: v for k, v in pairs.items() if v}

    def names(self, field_: str) -> tuple[str, ...]:
        """The names to look for, for ``field_`` (text, title, date, url or id)."""
        given = self.named().get(field_)
        return (given,) if given else FIELD_NAMES[field_]


DEFAULT_OPTIONS = ReadOptions()


def parse_user_date(value: str, option: str = "--date") -> dt.date:
    """The date a user gives on the command line (``YYYY-MM-DD`` or "March 5, 2024"), or
    :class:`InputError`.

    >>> parse_user_date("2024-03-05")
    datetime.date(2024, 3, 5)
    >>> parse_user_date("soon")
    Traceback (most recent call last):
    ...
    kg.corpus.InputError: --date 'soon' is not a date; give it as YYYY-MM-DD
    """
    day = parse_any_date(value)
    if day is None:
        raise InputError(f"{option} {value!r} is not a date; give it as YYYY-MM-DD")
    return day


_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{6})?$")  # GDELT's 20240305 / 20240305101500


def parse_any_date(value) -> dt.date | None:
    """A date from the forms news exports use: ISO 8601 (with a time), "March 5, 2024",
    "5 March 2024", RFC 2822 ("Tue, 05 Mar 2024 10:00:00 GMT"), ``20240305``; else None.

    >>> [parse_any_date(v) for v in ("2024-03-05T10:00:00Z", "Tue, 05 Mar 2024 10:00:00 GMT", "20240305", "05/03/24")]
    [datetime.date(2024, 3, 5), datetime.date(2024, 3, 5), datetime.date(2024, 3, 5), None]
    """
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = _COMPACT_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    day = parse_date(text)
    if day is not None:
        return day
    if "," in text and re.search(r"\d{1,2}:\d{2}", text):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            return None
    m = _TEXT_DATE.search(text)
    if m and m.start() <= 12:  # "Tuesday, March 5, 2024", "Published: 5 March 2024"
        return parse_date(_date_words(m.group(0)))
    return None


@dataclass
class Document:
    """One document: its text and what is known about where it came from."""

    key: str  # stable identity: path relative to the input root, plus "#id" for feed records
    display: str  # the path as the user gave it (kg extract's "doc")
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return hashlib.sha256(self.key.encode("utf-8", "surrogatepass")).hexdigest()[:20]

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.date.isoformat() if self.date else "", self.url or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return "sha256:" + h.hexdigest()


@dataclass
class ReadStats:
    """What reading the input found. ``skipped`` (files + records) is what ``kg build`` reports."""

    files: int = 0  # input files opened
    skipped_files: int = 0  # files (or folders) not read at all
    skipped_records: int = 0  # JSON records or JSONL lines dropped from files that were read
    documents: int = 0  # documents read
    undated: int = 0  # documents read without a date (none found and no --date)
    warnings: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Every file or record that could have been a document and was not."""
        return self.skipped_files + self.skipped_records


def _default_warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    r"""``text`` with line breaks, other control characters and bidi overrides written as escapes,
    so a file name cannot forge an extra warning line or reorder one.

    >>> print(escape_controls("a\nwarning: fake.txt"))
    a\nwarning: fake.txt
    """

    def esc(m: re.Match) -> str:
        ch = m.group(0)
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or f"\\u{ord(ch):04x}"

    return _CONTROL.sub(esc, text)


class _Report:
    """Routes every problem to ``warn`` and counts it, so nothing is dropped silently."""

    def __init__(self, warn: Warn, stats: ReadStats):
        self.warn, self.stats = warn, stats
        self.bad_dates: dict[str, list[str]] = {}

    def undated_value(self, display: str, value: str) -> None:
        """A date field kg cannot read: told once per file (:meth:`flush_dates`), with an example."""
        self.bad_dates.setdefault(display, []).append(value)

    def flush_dates(self, display: str) -> None:
        values = self.bad_dates.pop(display, [])
        if values:
            self.notice(
                f"{display}: {len(values)} record(s) with a date kg cannot read (e.g. {values[0][:40]!r}); "
                "read without it (give dates as YYYY-MM-DD)"
            )

    def file(self, msg: str) -> None:
        self.stats.skipped_files += 1
        self._say(msg)

    def record(self, msg: str) -> None:
        self.stats.skipped_records += 1
        self._say(msg)

    def notice(self, msg: str) -> None:
        """Something the user should know that lost nothing (e.g. a repeated record id)."""
        self._say(msg)

    def _say(self, msg: str) -> None:
        msg = escape_controls(msg)
        self.stats.warnings.append(msg)
        self.warn(msg)


def iter_documents(
    paths: Iterable[str | Path],
    warn: Warn | None = None,
    exclude: Iterable[Path] = (),
    stats: ReadStats | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> Iterator[Document]:
    """Every document under ``paths`` (files, folders searched recursively, or "-" for stdin).

    Problems are reported through ``warn`` (one line each, naming the file and the reason, with
    control characters in names escaped) and counted in ``stats``; folders in ``exclude`` (the
    store) and hidden folders are not read; symlinks that lead out of an input folder are skipped
    unless ``options.follow_symlinks``. ``options`` maps record fields and gives a default date.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Iran supplied drones to Russia.")
    >>> _ = (d / "b.txt").write_bytes(b"%PDF-1.7 \\x00\\x01")
    >>> s = ReadStats()
    >>> [doc.key for doc in iter_documents([d], warn=lambda m: None, stats=s)], s.skipped
    (['a.txt'], 1)
    """
    report = _Report(warn or _default_warn, stats if stats is not None else ReadStats())
    for doc in _documents(paths, report, exclude, options):
        report.stats.documents += 1
        if doc.date is None:
            report.stats.undated += 1
        yield doc


def _documents(paths, report: _Report, exclude, options: ReadOptions) -> Iterator[Document]:
    excluded = {Path(p).resolve() for p in exclude}
    seen_files: dict[tuple[int, int], str] = {}
    for given in paths:
        given = str(given)
        if given == "-":
            data = sys.stdin.buffer.read()
            text = decode(data, "<stdin>", report.file, report.notice)
            if text is not None and _has_text(text, "<stdin>", report):
                yield from _text_documents("-", "-", "<stdin>", text, Path("stdin.txt"), report, options)
            continue
        root = Path(given)
        try:
            is_dir = root.is_dir()
        except OSError:  # e.g. a symlink loop given on the command line
            is_dir = False
        if is_dir:
            for path in _walk(root, excluded, report, options.follow_symlinks):
                rel = path.relative_to(root).as_posix()
                display = os.path.join(given, rel) if given not in (".", "") else rel
                yield from _read_once(path, rel, display, report, seen_files, options)
        elif root.is_symlink() and not root.exists():
            report.file(f"{given}: broken symlink or symlink loop, skipped")
        elif root.exists():
            yield from _read_once(root, root.name, given, report, seen_files, options)
        else:
            report.file(f"{given}: no such file or folder")


def iter_input_files(
    paths: Iterable[str | Path], exclude: Iterable[Path] = (), follow_symlinks: bool = False
) -> Iterator[Path]:
    """The regular files :func:`iter_documents` would open, silently (for progress totals).

    Same walk: hidden folders, stores, ``exclude`` and symlink loops skipped; pipes, devices and
    broken links left out, so a caller may open every path without blocking.
    """
    report = _Report(lambda msg: None, ReadStats())
    excluded = {Path(p).resolve() for p in exclude}
    for given in paths:
        if str(given) == "-":
            continue
        root = Path(given)
        try:
            files = _walk(root, excluded, report, follow_symlinks) if root.is_dir() else iter([root])
            for path in files:
                try:
                    if statmod.S_ISREG(path.stat().st_mode):
                        yield path
                except OSError:
                    continue
        except OSError:
            continue


def check_inputs(paths: Iterable[str | Path], options: ReadOptions, exclude: Iterable[Path] = ()) -> None:
    """Refuse, before anything is read or written, a column mapping the input cannot take: a
    mapping when no input file has fields (only .txt/.md/.html or stdin), or a CSV/TSV file
    without a column the user named. Raises :class:`InputError` (one sentence).
    """
    named = options.named()
    if not named:
        return
    flags = ", ".join(f"--{k}-column" for k in named)
    files = [p for p in iter_input_files(paths, exclude, options.follow_symlinks) if p.suffix.lower() in SUFFIXES]
    if not any(p.suffix.lower() in FIELD_SUFFIXES for p in files):
        raise InputError(
            f"{flags}: the input has no columns to map (only CSV, TSV, JSON and JSONL files have them; "
            f"found {len(files)} other file(s))"
        )
    for path in files:
        suffix = path.suffix.lower()
        if suffix not in TABLE_SUFFIXES:
            continue
        try:
            with path.open("rb") as fh:
                head = fh.read(1_000_000)
        except OSError:
            continue  # the reader reports it
        text = decode(head, str(path), lambda msg: None) if head else None
        if not text:
            continue
        try:
            header = next(
                csv.reader(io.StringIO(clean_text(text)), dialect="excel-tab" if suffix != ".csv" else "excel")
            )
        except (StopIteration, csv.Error):
            continue
        table_columns(header, options, str(path))


def _read_once(
    path: Path, rel: str, display: str, report: _Report, seen: dict, options: ReadOptions
) -> Iterator[Document]:
    # The same file reached twice (two symlinks, or a folder given twice) would double its
    # relations in the graph.
    try:
        st = path.stat()
        ident = (st.st_dev, st.st_ino)
    except OSError:
        ident = None
    if ident is not None and ident in seen:
        report.notice(f"{display}: same file as {seen[ident]}, read once")
        return
    if ident is not None:
        seen[ident] = display
    report.stats.files += 1
    yield from read_file(path, rel, display, report, options)


def _walk(root: Path, excluded: set[Path], report: _Report, follow_symlinks: bool = False) -> Iterator[Path]:
    """Files under root in a stable order; hidden folders, the store and symlink loops skipped,
    and symlinks whose target is outside ``root`` skipped unless ``follow_symlinks``."""
    seen_dirs: set[tuple[int, int]] = set()
    try:
        top = root.resolve(strict=True)
    except (OSError, RuntimeError):
        top = root
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError as exc:
            report.file(f"{folder}: cannot read folder ({exc.strerror or exc}), skipped")
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            report.file(f"{folder}: symlink loop (folder already read), skipped")
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            report.file(f"{folder}: cannot list folder ({exc.strerror or exc}), skipped")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .git, .cache, editor swap files: never news
            try:
                resolved = entry.resolve(strict=True)
            except (OSError, RuntimeError):
                if entry.is_symlink():
                    what = "symlink loop" if _is_loop(entry) else "broken symlink"
                    if entry.suffix.lower() in SUFFIXES or what == "symlink loop":
                        report.file(f"{entry}: {what}, skipped")
                else:
                    report.file(f"{entry}: cannot read, skipped")
                continue
            if resolved in excluded or any(parent in excluded for parent in resolved.parents):
                continue  # the store's own folder
            if (
                not follow_symlinks
                and entry.is_symlink()
                and resolved != top
                and top not in resolved.parents
                and (entry.suffix.lower() in SUFFIXES or resolved.is_dir())
            ):
                report.file(
                    f"{entry}: symlink to {resolved}, outside the input folder, skipped (--follow-symlinks reads it)"
                )
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if _is_store(entry):
                    continue  # a kg store is never input
                subdirs.append(entry)
            elif entry.suffix.lower() in SUFFIXES:
                yield entry
        stack.extend(reversed(subdirs))


def _is_store(folder: Path) -> bool:
    try:
        return (folder / "kg-store.json").exists()
    except OSError:  # an unreadable folder: reported when it is listed
        return False


def _is_loop(link: Path) -> bool:
    try:
        link.stat()
    except OSError as exc:
        return exc.errno == 40  # ELOOP
    except RuntimeError:
        return True
    return False


def _cp1252_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    return exc.object[exc.start : exc.end].decode("cp1252", "replace"), exc.end


codecs.register_error("kg-cp1252", _cp1252_bytes)


def decode(data: bytes, name: str, note: Warn, notice: Warn | None = None) -> str | None:
    """Text from bytes, or None (after ``note(reason)``) when the bytes are not text.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read directly; UTF-8 with a few stray
    bytes of another encoding (copy-and-paste from Windows) keeps its UTF-8 and reads the strays as
    Windows-1252, telling ``notice``; anything else is detected with charset-normalizer,
    preferring Windows-1252 among equally plausible single-byte codecs.

    >>> decode("Côte d’Ivoire — Türkiye".encode("cp1252"), "x", print)
    'Côte d’Ivoire — Türkiye'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "x.txt", print)
    x.txt: binary content (a PNG image), skipped
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            note(f"{name}: binary content ({what}), skipped")
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        return _text_or_none(data[3:].decode("utf-8", "replace"), name, note)
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _text_or_none(data[2:].decode(codec), name, note)
            except UnicodeDecodeError:
                note(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16, skipped")
                return None
    if b"\x00" in data:
        note(f"{name}: binary content (NUL bytes), skipped")
        return None
    try:
        return _text_or_none(data.decode("utf-8"), name, note)
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        text, strays = mixed
        if notice is not None:
            notice(f"{name}: UTF-8 with {strays} byte(s) in another encoding, read as Windows-1252")
        return _text_or_none(text, name, note)
    matches = list(from_bytes(data[:DETECT_BYTES]))
    if not matches:
        note(f"{name}: binary content or unknown encoding, skipped")
        return None
    best = matches[0]
    codec = best.encoding
    for pref in _PREFERRED:
        if any(pref in m.could_be_from_charset and m.chaos <= best.chaos + 0.01 for m in matches):
            codec = pref
            break
    return _text_or_none(data.decode(codec, "replace"), name, note)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, stray bytes) when ``data`` is UTF-8 with stray bytes of another encoding, else None.

    Decoded per segment: every valid UTF-8 sequence as UTF-8, every byte that is not one as
    Windows-1252 (what text pasted from Windows tools holds). A file in a legacy encoding has
    (almost) no valid multi-byte UTF-8 sequences, and its non-ASCII bytes are many; a UTF-8 file
    with pasted-in Windows-1252 has at least one UTF-8 character and few strays, even a short
    one ("C\xf4te d\u2019Ivoire" with a Windows "ô" and a UTF-8 apostrophe).

    >>> _mostly_utf8("Côte d’Ivoire".encode().replace("ô".encode(), b"\\xf4"))
    ('Côte d’Ivoire', 1)
    """
    replaced = data.decode("utf-8", "replace")
    strays = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    if strays == 0 or multibyte == 0:
        return None
    if strays > 4 * multibyte and strays > 0.01 * len(replaced):
        return None  # mostly another encoding, with a few byte pairs that happen to be UTF-8
    text = data.decode("utf-8", "kg-cp1252")
    return text, strays


def _text_or_none(text: str, name: str, note: Warn) -> str | None:
    head = text[:5000]
    control = sum(1 for ch in head if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if control > 0.05 * max(1, len(head)):
        note(f"{name}: binary content (control characters), skipped")
        return None
    return text


def read_file(
    path: Path, rel: str, display: str, report: _Report | Warn, options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Document]:
    """The documents in one file (several for JSON feeds and tables); problems go to ``report``."""
    if not isinstance(report, _Report):
        report = _Report(report, ReadStats())
    try:
        st = path.stat()
        if not statmod.S_ISREG(st.st_mode):
            report.file(f"{display}: not a regular file (a pipe or device), skipped")
            return
        if st.st_size > MAX_FILE_BYTES:
            report.file(f"{display}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, skipped")
            return
        data = path.read_bytes()
    except PermissionError:
        report.file(f"{display}: permission denied, skipped")
        return
    except OSError as exc:
        report.file(f"{display}: cannot read ({exc.strerror or exc}), skipped")
        return
    if not data:
        report.file(f"{display}: empty file, skipped")
        return
    text = decode(data, display, report.file, report.notice)
    if text is None or not _has_text(text, display, report):
        return
    suffix = path.suffix.lower()
    source = str(path)
    if suffix in HTML_SUFFIXES:
        yield from _html_documents(rel, display, source, text, path, report, options)
    elif suffix in JSON_SUFFIXES:
        yield from _json_documents(rel, display, source, text, suffix, report, options)
    elif suffix in TABLE_SUFFIXES:
        yield from _table_documents(rel, display, source, text, suffix, report, options)
    else:
        yield from _text_documents(rel, display, source, text, path, report, options)
    report.flush_dates(display)


def _has_text(text: str, display: str, report: _Report) -> bool:
    if not text.strip():
        report.file(f"{display}: {'empty file' if not text else 'only whitespace'}, skipped")
        return False
    return True


def _translation() -> dict[int, str | None]:
    # C0/C1 controls (NUL, a bell, an escape, DEL) are noise that would stick to a name ("Iran\x07")
    # or, as a space, split a noun phrase: drop them.
    table: dict[int, str | None] = {c: None for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\f"}
    for c in (0x0B, 0x85, 0x2028):  # vertical tab, next line, line separator
        table[c] = "\n"
    table[0x2029] = "\n\n"  # paragraph separator
    # Invisible characters that split a name from the gazetteer's form ("Iran\u200b"): zero-width
    # space, word joiner, BOM, soft hyphen and the bidi marks, embeddings and isolates. ZWJ and
    # ZWNJ stay: Persian, Indic scripts and emoji need them.
    for c in (0x200B, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[c] = None
    return table


_TRANSLATE = _translation()


def clean_text(text: str) -> str:
    r"""Document text as kg parses it: Unicode NFC, Unix line ends, no NUL, no lone surrogate
    (Oxigraph and UTF-8 refuse both), no invisible formatting or control characters.

    >>> clean_text("Iran\u200b supplied drones\r\nto Tu\u0308rkiye\x07.")
    'Iran supplied drones\nto Türkiye.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("\ufffd", text).translate(_TRANSLATE)
    return unicodedata.normalize("NFC", text)


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 160 and not line.endswith((".", ":", ";", ",")) and len(line.split()) <= 25


_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A calendar date with its year, as news pages print it: "March 5, 2024", "5 March 2024", "2024-03-05".
_TEXT_DATE = re.compile(
    rf"\b(?:{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)\b",
    re.I,
)
_PUBLISHED = re.compile(r"^\W*(?:first\s+)?(?:published|posted|released|issued|dated?)\b", re.I)
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified)\b", re.I)
HEAD_LINES = 12  # the opening lines searched for a headline and a date
# Words of site navigation and page furniture: a line made of them is never a headline.
_NAV_WORDS = frozenset(
    "home menu search sign log in out up subscribe newsletter newsletters login register account skip to content "
    "main navigation share print email comments cookies cookie accept advertisement ad more news world politics "
    "business sport sports opinion video videos live latest international national local follow us back top "
    "tweet facebook twitter whatsapp linkedin copy link".split()
)
_GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]")  # "HomeInternational NewsIsrael": menu items run together
_NAV_SEPARATORS = re.compile(r"[|»›>•·/]")


def _date_words(text: str) -> str:
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text, flags=re.I)
    return re.sub(r"\.(?=\s)", "", text)


def _head(text: str) -> list[str]:
    lines = [line.strip() for line in text[:3000].split("\n")]
    return [line for line in lines if line][:HEAD_LINES]


def text_date(text: str) -> dt.date | None:
    r"""The publication date a text states in its opening lines: a "Published ..." (or "Posted",
    "Released") line first, then an "Updated ..." line, then the first line holding a full date
    (a dateline such as "WASHINGTON, March 5, 2024 --" or a date on its own line).

    >>> text_date("Home | World\nTalks in Doha\nPublished: 5 March 2024, 10:02\nIran met Qatar.")
    datetime.date(2024, 3, 5)
    >>> text_date("KYIV, Feb. 24, 2022 -- Russia attacked Ukraine.")
    datetime.date(2022, 2, 24)
    >>> text_date("Iran supplied drones to Russia.") is None
    True
    """
    head = _head(text)
    for pattern in (_PUBLISHED, _UPDATED, None):
        for line in head:
            if pattern is not None and not pattern.match(line):
                continue
            m = _TEXT_DATE.search(line)
            if m is None:
                continue
            day = parse_date(_date_words(m.group(0)))
            if day is not None:
                return day
    return None


def _is_navigation(line: str) -> bool:
    words = re.findall(r"[A-Za-z]+", line)
    if not words:
        return True
    if len(_GLUED.findall(line)) >= 2 or len(_NAV_SEPARATORS.findall(line)) >= 2:
        return True
    return sum(w.lower() in _NAV_WORDS for w in words) >= max(1, 0.6 * len(words))


def _is_byline_or_date(line: str) -> bool:
    if re.match(r"^(?:by|from|photo|image|credit|source)\b", line, re.I):
        return True
    if _PUBLISHED.match(line) or _UPDATED.match(line):
        return True
    m = _TEXT_DATE.search(line)
    return m is not None and len(line) - len(m.group(0)) < 25  # a date, maybe with a weekday or a time


def headline(text: str) -> str | None:
    r"""The first of a text's opening lines that reads as a headline: a Markdown heading, or a
    line of 3-25 words without a closing full stop that is not site navigation ("Home | World",
    "HomeInternational NewsIsrael-Hamas War"), a byline or a date, and is followed by a blank line
    or by body text. None when the text starts with its body.

    >>> headline("HomeInternational NewsIsrael-Hamas War\nSign in\n\nIsrael and Hamas agree a truce in Gaza\n\nTalks...")
    'Israel and Hamas agree a truce in Gaza'
    >>> headline("Iran supplied drones to Russia. The EU imposed sanctions.") is None
    True
    """
    lines = text[:3000].split("\n")
    seen = 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            if heading:
                return heading
            continue
        words = line.split()
        if len(line) > 160 or (line.endswith((".", "!", "?")) and len(words) > 6):
            break  # the body has begun
        if _is_navigation(line) or _is_byline_or_date(line) or not _looks_like_title(line) or len(words) < 3:
            continue
        rest = [r.strip() for r in lines[i + 1 : i + 3]]
        if (
            not rest
            or rest[0] == ""
            or _is_byline_or_date(rest[0])
            or len(rest[0].split()) > len(words)
            or rest[0].endswith(".")
        ):
            return line
    return None


def _text_documents(
    rel, display, source, text, path: Path, report: _Report, options: ReadOptions
) -> Iterator[Document]:
    text = clean_text(text)
    title = None
    date = None
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                k, v = k.strip().lower(), v.strip().strip("\"'")
                if k == "title":
                    title = v or None
                elif k in ("date", "published"):
                    date = parse_date(v)
        text = text[m.end() :]
    if title is None:
        title = headline(text)
    if date is None:
        dm = _NAME_DATE.search(path.name)
        if dm:
            date = parse_date(dm.group(1))
    if date is None:
        date = text_date(text) or options.date
    if not text.strip():
        report.file(f"{display}: no text after the front matter, skipped")
        return
    yield Document(key=rel, display=display, text=text, title=title, date=date, source=source)


def html_text(html: str) -> tuple[str, str | None, dt.date | None]:
    """Article text, title and date of an HTML page, parsed with selectolax (lexbor).

    Scripts, styles, navigation, headers, footers, forms and page furniture are removed; the
    text of ``<article>`` (else ``<main>``, else ``<body>``) is kept, one block per paragraph,
    heading or list item, nothing else dropped.

    >>> html_text("<nav>Home</nav><article><h1>Talks</h1><p>Iran met <b>Iraq</b>.</p>"
    ...           "<script>x()</script></article><footer>(c)</footer>")
    ('Talks\\n\\nIran met Iraq.', 'Talks', None)
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    page_title = None
    node = tree.css_first("title")
    if node is not None:
        page_title = " ".join(node.text().split()) or None
    og_title = None
    for sel in ('meta[property="og:title"]', 'meta[name="twitter:title"]'):
        n = tree.css_first(sel)
        if n is not None and (n.attributes.get("content") or "").strip():
            og_title = " ".join((n.attributes.get("content") or "").split())
            break
    date = None
    for sel, attr in _HTML_DATES:
        for n in tree.css(sel):
            date = parse_any_date(n.attributes.get(attr))
            if date:
                break
        if date:
            break
    if date is None:
        for n in tree.css('script[type="application/ld+json"]'):
            m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', n.text() or "")
            date = parse_any_date(m.group(1)) if m else None
            if date:
                break
    for n in tree.css(_HTML_DROP):
        n.decompose()
    articles = [a for a in tree.css("article") if not _inside(a, "article")]
    roots = articles or [tree.css_first("main") or tree.body or tree.root]
    blocks: list[str] = []
    for root in roots:
        if root is not None:
            blocks.extend(_blocks(root))
    h1 = tree.css_first("h1")
    h1_title = " ".join(h1.text().split()) if h1 is not None and h1.text(strip=True) else None
    title = og_title or h1_title or page_title
    return "\n\n".join(blocks), title, date


# Where pages put their publication date, most specific first (Open Graph, Dublin Core, schema.org,
# the metadata of common publishing systems, then a <time> element).
_HTML_DATES = (
    ('meta[property="article:published_time"]', "content"),
    ('meta[property="og:published_time"]', "content"),
    ('meta[name="article:published_time"]', "content"),
    ('meta[itemprop="datePublished"]', "content"),
    ('meta[name="date"]', "content"),
    ('meta[name="pubdate"]', "content"),
    ('meta[name="publish-date"]', "content"),
    ('meta[name="publication_date"]', "content"),
    ('meta[name="citation_publication_date"]', "content"),
    ('meta[name="dc.date"]', "content"),
    ('meta[name="DC.date"]', "content"),
    ('meta[name="DC.date.issued"]', "content"),
    ('meta[name="dcterms.date"]', "content"),
    ('meta[name="parsely-pub-date"]', "content"),
    ('meta[name="sailthru.date"]', "content"),
    ("time[pubdate]", "datetime"),
    ('time[itemprop="datePublished"]', "datetime"),
    ("time[datetime]", "datetime"),
)


def _inside(node, tag: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _blocks(root) -> list[str]:
    """The text of ``root`` cut into blocks at block-level elements (iterative: no recursion
    limit on hostile, deeply nested pages)."""
    blocks: list[str] = []
    current: list[str] = []

    def flush():
        t = " ".join("".join(current).split())
        if t:
            blocks.append(t)
        current.clear()

    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            flush()
            continue
        if tag == "-text":
            current.append(node.text_content or "")
            continue
        if tag.startswith("-") or tag.startswith("_"):
            continue  # comments, doctype
        if tag in _HTML_BLOCKS:
            flush()
            stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((c, False) for c in reversed(children))
    flush()
    return blocks


def _html_documents(
    rel, display, source, html, path: Path, report: _Report, options: ReadOptions
) -> Iterator[Document]:
    text, title, date = html_text(html)
    title = clean_text(title) if title else None
    if date is None:
        dm = _NAME_DATE.search(path.name)
        if dm:
            date = parse_date(dm.group(1))
    text = clean_text(text)
    if date is None:
        date = text_date(text) or options.date
    if not text.strip():
        report.file(f"{display}: no article text in HTML, skipped")
        return
    yield Document(key=rel, display=display, text=text, title=title, date=date, source=source)


def _field(obj: dict, names: tuple[str, ...]):
    """The value of the first of ``names`` in ``obj`` (exact key first, then any case)."""
    return _keyed(obj, names)[1]


def _keyed(obj: dict, names: tuple[str, ...]) -> tuple[str | None, object]:
    """(key, value) of the first of ``names`` in ``obj``, or (None, None)."""
    for name in names:
        if name in obj:
            return name, obj[name]
    folded = {str(k).casefold(): k for k in obj}
    for name in names:
        key = folded.get(name.casefold())
        if key is not None:
            return key, obj[key]
    return None, None


def _str_value(value, numbers: bool = False) -> str | None:
    if isinstance(value, str) and value.strip():
        return clean_text(value).strip()
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _record(obj, rel, display, source, where: str, report: _Report, ids: dict, options: ReadOptions) -> Document | None:
    if not isinstance(obj, dict):
        report.record(f"{display}{where}: not a JSON object ({type(obj).__name__}), skipped")
        return None
    text_names = options.names("text")
    key, text = _keyed(obj, text_names)
    if not isinstance(text, str) or not text.strip():
        why = f'no "{text_names[0]}" field' if key is None else f'"{key}" is empty or not a string'
        report.record(f"{display}{where}: record without text ({why}), skipped")
        return None
    rid = _str_value(_field(obj, options.names("id")), numbers=True)
    title = _str_value(_field(obj, options.names("title")))
    url = _str_value(_field(obj, options.names("url")))
    raw_date = _field(obj, options.names("date"))
    date = parse_any_date(raw_date) if isinstance(raw_date, (str, int)) and raw_date else None
    if date is None and raw_date not in (None, ""):
        report.undated_value(display, str(raw_date))
    ident = rid or url or where.lstrip(":")
    if ident in ids:
        # Two different records under one id would overwrite each other in the store.
        report.notice(f"{display}{where}: id {ident!r} already used at {ids[ident]}; kept as a separate record")
        ident = f"{ident}@{where.lstrip(':')}"
    ids[ident] = where.lstrip(":") or "1"
    text = clean_text(text)
    return Document(
        key=f"{rel}#{ident}",
        display=display,
        text=text,
        title=title,
        date=date or text_date(text) or options.date,
        url=url,
        source=url or source,
        meta={"record": ident},
    )


def table_columns(header: list[str], options: ReadOptions, name: str) -> dict[str, int]:
    """Column index per field (text, title, date, url, id) of a CSV/TSV header.

    A column the user named must be there (:class:`InputError` otherwise); the others are found
    by their common names (:data:`FIELD_NAMES`), case-insensitively.

    >>> table_columns(["Headline", "Body", "Published"], ReadOptions(), "a.csv")
    {'text': 1, 'title': 0, 'date': 2}
    >>> table_columns(["a", "b"], ReadOptions(text_column="story"), "a.csv")
    Traceback (most recent call last):
    ...
    kg.corpus.InputError: a.csv has no column 'story' (--text-column); its columns: a, b
    """
    folded = {h.strip().casefold(): i for i, h in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    named = options.named()
    for field_ in ("text", "title", "date", "url", "id"):
        if field_ in named:
            i = folded.get(named[field_].strip().casefold())
            if i is None:
                shown = ", ".join(escape_controls(h) for h in header) or "none"
                raise InputError(
                    f"{escape_controls(name)} has no column {named[field_]!r} (--{field_}-column); its columns: {shown}"
                )
            found[field_] = i
            continue
        for candidate in FIELD_NAMES[field_]:
            if candidate in folded:
                found[field_] = folded[candidate]
                break
    return found


def _table_documents(rel, display, source, text, suffix, report: _Report, options: ReadOptions) -> Iterator[Document]:
    """One document per row of a CSV (comma) or TSV (tab) file with a header row."""
    dialect = "excel-tab" if suffix in (".tsv", ".tab") else "excel"
    rows = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    csv.field_size_limit(MAX_FILE_BYTES)  # whole articles in one cell are normal
    try:
        header = next(rows)
    except StopIteration:
        report.file(f"{display}: empty table, skipped")
        return
    except csv.Error as exc:
        report.file(f"{display}:1: unreadable header row ({exc}), skipped")
        return
    try:
        cols = table_columns(header, options, display)
    except InputError as exc:  # kg build checks named columns first (check_inputs); a library caller learns here
        report.file(f"{exc}, skipped")
        return
    if "text" not in cols:
        report.file(
            f"{display}: no text column (looked for {', '.join(FIELD_NAMES['text'][:4])} ...; its columns: "
            f"{', '.join(header)}); name it with --text-column, skipped"
        )
        return
    ids: dict[str, str] = {}
    line = rows.line_num
    while True:
        where = f":{line + 1}"
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            report.record(f"{display}{where}: unreadable row ({exc}), skipped")
            line = rows.line_num
            continue
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        record = {f: row[i] for f, i in cols.items() if i < len(row)}
        doc = _record(record, rel, display, source, where, report, ids, _AS_FOUND)
        if doc is not None:
            if doc.date is None and options.date is not None:
                doc.date = options.date
            yield doc


# Rows of a table are re-keyed by field ("text", "title", ...) before _record reads them.
_AS_FOUND = ReadOptions(text_column="text", title_column="title", date_column="date", id_column="id", url_column="url")


def _json_documents(rel, display, source, text, suffix, report: _Report, options: ReadOptions) -> Iterator[Document]:
    ids: dict[str, str] = {}
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            report.file(f"{display}:{exc.lineno}: malformed JSON ({exc.msg}), skipped")
            return
        except (ValueError, RecursionError) as exc:  # nesting or number too deep/long for Python
            report.file(f"{display}: unreadable JSON ({exc.__class__.__name__}), skipped")
            return
        if isinstance(data, dict):
            for key in _LIST_KEYS:
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
        records = data if isinstance(data, list) else [data]
        if not records:
            report.file(f"{display}: empty JSON list, skipped")
        for i, obj in enumerate(records):
            doc = _record(obj, rel, display, source, f"[{i}]", report, ids, options)
            if doc is not None:
                yield doc
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.record(f"{display}:{lineno}: malformed JSON line ({exc.msg}), skipped")
            continue
        except (ValueError, RecursionError) as exc:
            report.record(f"{display}:{lineno}: unreadable JSON line ({exc.__class__.__name__}), skipped")
            continue
        doc = _record(obj, rel, display, source, f":{lineno}", report, ids, options)
        if doc is not None:
            yield doc
