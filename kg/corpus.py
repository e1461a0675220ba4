"""The corpus stage: a folder (or files, or stdin) in, :class:`Document` records out.

Reads ``.txt`` and ``.md`` (front matter or a first-line headline may give title and date; a
``YYYY-MM-DD`` file-name prefix gives the date), ``.html``/``.htm`` (article text only: scripts,
styles, navigation, headers, footers and page furniture are dropped by a real HTML parser),
``.json`` (a record, a list of records or ``{"items": [...]}``) and ``.jsonl`` (one record per
line) with ``text`` and optional ``title``, ``date``, ``url``/``link``, ``id``.

Bad input never stops the run and is never silent: every skipped file or record is reported
through ``warn`` with the file, the line or record where there is one, and the reason, and is
counted in :class:`ReadStats`. Text in legacy encodings (Windows-1252, Latin-1, UTF-16 with a
byte-order mark, ...) is detected and decoded, not skipped. See ``docs/robustness.md``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
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

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
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
    warnings: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Every file or record that could have been a document and was not."""
        return self.skipped_files + self.skipped_records


def _default_warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


class _Report:
    """Routes every problem to ``warn`` and counts it, so nothing is dropped silently."""

    def __init__(self, warn: Warn, stats: ReadStats):
        self.warn, self.stats = warn, stats

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
        self.stats.warnings.append(msg)
        self.warn(msg)


def iter_documents(
    paths: Iterable[str | Path], warn: Warn | None = None, exclude: Iterable[Path] = (), stats: ReadStats | None = None
) -> Iterator[Document]:
    """Every document under ``paths`` (files, folders searched recursively, or "-" for stdin).

    Problems are reported through ``warn`` (one line each, naming the file and the reason) and
    counted in ``stats``; folders in ``exclude`` (the store) and hidden folders are not read.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Iran supplied drones to Russia.")
    >>> _ = (d / "b.txt").write_bytes(b"%PDF-1.7 \\x00\\x01")
    >>> s = ReadStats()
    >>> [doc.key for doc in iter_documents([d], warn=lambda m: None, stats=s)], s.skipped
    (['a.txt'], 1)
    """
    report = _Report(warn or _default_warn, stats if stats is not None else ReadStats())
    excluded = {Path(p).resolve() for p in exclude}
    seen_files: dict[tuple[int, int], str] = {}
    for given in paths:
        given = str(given)
        if given == "-":
            data = sys.stdin.buffer.read()
            text = decode(data, "<stdin>", report.file, report.notice)
            if text is not None and _has_text(text, "<stdin>", report):
                yield from _text_documents("-", "-", "<stdin>", text, Path("stdin.txt"), report)
            continue
        root = Path(given)
        try:
            is_dir = root.is_dir()
        except OSError:  # e.g. a symlink loop given on the command line
            is_dir = False
        if is_dir:
            for path in _walk(root, excluded, report):
                rel = path.relative_to(root).as_posix()
                display = os.path.join(given, rel) if given not in (".", "") else rel
                yield from _read_once(path, rel, display, report, seen_files)
        elif root.is_symlink() and not root.exists():
            report.file(f"{given}: broken symlink or symlink loop, skipped")
        elif root.exists():
            yield from _read_once(root, root.name, given, report, seen_files)
        else:
            report.file(f"{given}: no such file or folder")


def iter_input_files(paths: Iterable[str | Path], exclude: Iterable[Path] = ()) -> Iterator[Path]:
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
            files = _walk(root, excluded, report) if root.is_dir() else iter([root])
            for path in files:
                try:
                    if statmod.S_ISREG(path.stat().st_mode):
                        yield path
                except OSError:
                    continue
        except OSError:
            continue


def _read_once(path: Path, rel: str, display: str, report: _Report, seen: dict) -> Iterator[Document]:
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
    yield from read_file(path, rel, display, report)


def _walk(root: Path, excluded: set[Path], report: _Report) -> Iterator[Path]:
    """Files under root in a stable order; hidden folders, the store and symlink loops skipped."""
    seen_dirs: set[tuple[int, int]] = set()
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
    """(text, stray bytes) when ``data`` is UTF-8 but for a few bytes, else None.

    A file in a legacy encoding has (almost) no valid multi-byte UTF-8 sequences; a UTF-8 file
    with pasted-in Windows-1252 has many more of them than stray bytes.
    """
    replaced = data.decode("utf-8", "replace")
    strays = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    if strays == 0 or multibyte <= strays or strays > 0.01 * len(replaced):
        return None
    return data.decode("utf-8", "kg-cp1252"), strays


def _text_or_none(text: str, name: str, note: Warn) -> str | None:
    head = text[:5000]
    control = sum(1 for ch in head if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if control > 0.05 * max(1, len(head)):
        note(f"{name}: binary content (control characters), skipped")
        return None
    return text


def read_file(path: Path, rel: str, display: str, report: _Report | Warn) -> Iterator[Document]:
    """The documents in one file (several for JSON feeds); problems go to ``report``."""
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
        yield from _html_documents(rel, display, source, text, path, report)
    elif suffix in JSON_SUFFIXES:
        yield from _json_documents(rel, display, source, text, suffix, report)
    else:
        yield from _text_documents(rel, display, source, text, path, report)


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


def _text_documents(rel, display, source, text, path: Path, report: _Report) -> Iterator[Document]:
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
        lines = text.lstrip("\n").split("\n", 2)
        first = lines[0].lstrip("# ").strip()
        if len(lines) > 1 and lines[1].strip() == "" and _looks_like_title(first):
            title = first
    if date is None:
        dm = _NAME_DATE.search(path.name)
        if dm:
            date = parse_date(dm.group(1))
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
    title = None
    node = tree.css_first("title")
    if node is not None:
        title = " ".join(node.text().split()) or None
    date = None
    for sel, attr in (
        ('meta[property="article:published_time"]', "content"),
        ('meta[name="date"]', "content"),
        ('meta[name="pubdate"]', "content"),
        ('meta[name="publish-date"]', "content"),
        ('meta[itemprop="datePublished"]', "content"),
        ("time[datetime]", "datetime"),
    ):
        n = tree.css_first(sel)
        if n is not None and n.attributes.get(attr):
            date = parse_date(n.attributes[attr])
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
    if h1 is not None and h1.text(strip=True):
        title = " ".join(h1.text().split())
    return "\n\n".join(blocks), title, date


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


def _html_documents(rel, display, source, html, path: Path, report: _Report) -> Iterator[Document]:
    text, title, date = html_text(html)
    title = clean_text(title) if title else None
    if date is None:
        dm = _NAME_DATE.search(path.name)
        if dm:
            date = parse_date(dm.group(1))
    text = clean_text(text)
    if not text.strip():
        report.file(f"{display}: no article text in HTML, skipped")
        return
    yield Document(key=rel, display=display, text=text, title=title, date=date, source=source)


def _str_field(obj: dict, *names: str) -> str | None:
    for name in names:
        value = obj.get(name)
        if isinstance(value, str) and value.strip():
            return clean_text(value).strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name in ("id", "guid"):
            return str(value)
    return None


def _record(obj, rel, display, source, where: str, report: _Report, ids: dict) -> Document | None:
    if not isinstance(obj, dict):
        report.record(f"{display}{where}: not a JSON object ({type(obj).__name__}), skipped")
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        why = 'no "text" field' if "text" not in obj else '"text" is empty or not a string'
        report.record(f"{display}{where}: record without text ({why}), skipped")
        return None
    rid = _str_field(obj, "id", "guid")
    title = _str_field(obj, "title", "headline")
    url = _str_field(obj, "url", "link")
    raw_date = obj.get("date") or obj.get("published")
    date = parse_date(str(raw_date)) if isinstance(raw_date, (str, int)) and raw_date else None
    ident = rid or url or where.lstrip(":")
    if ident in ids:
        # Two different records under one id would overwrite each other in the store.
        report.notice(f"{display}{where}: id {ident!r} already used at {ids[ident]}; kept as a separate record")
        ident = f"{ident}@{where.lstrip(':')}"
    ids[ident] = where.lstrip(":") or "1"
    return Document(
        key=f"{rel}#{ident}",
        display=display,
        text=clean_text(text),
        title=title,
        date=date,
        url=url,
        source=url or source,
        meta={"record": ident},
    )


def _json_documents(rel, display, source, text, suffix, report: _Report) -> Iterator[Document]:
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
            doc = _record(obj, rel, display, source, f"[{i}]", report, ids)
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
        doc = _record(obj, rel, display, source, f":{lineno}", report, ids)
        if doc is not None:
            yield doc
