"""The corpus stage: a folder (or files, or stdin) in, :class:`Document` records out.

Reads ``.txt`` and ``.md`` (front matter or a first-line headline may give title and date; a
``YYYY-MM-DD`` file-name prefix gives the date), ``.html``/``.htm`` (article text only: scripts,
styles, navigation, headers and footers are dropped by a real HTML parser), ``.json`` (a record,
a list of records or ``{"items": [...]}``) and ``.jsonl`` (one record per line) with ``text`` and
optional ``title``, ``date``, ``url``/``link``, ``id``.

Bad input never stops the run: every skipped file or record is reported through ``warn`` with the
file, the line where there is one, and the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
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
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")

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
        return hashlib.sha256(self.key.encode("utf-8")).hexdigest()[:20]

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.date.isoformat() if self.date else "", self.url or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return "sha256:" + h.hexdigest()


@dataclass
class ReadStats:
    files: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)


def _default_warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def iter_documents(
    paths: Iterable[str | Path], warn: Warn | None = None, exclude: Iterable[Path] = (), stats: ReadStats | None = None
) -> Iterator[Document]:
    """Every document under ``paths`` (files, folders searched recursively, or "-" for stdin)."""
    warn = warn or _default_warn
    stats = stats if stats is not None else ReadStats()
    excluded = {Path(p).resolve() for p in exclude}

    def note(msg: str) -> None:
        stats.skipped += 1
        stats.warnings.append(msg)
        warn(msg)

    for given in paths:
        given = str(given)
        if given == "-":
            data = sys.stdin.buffer.read()
            text = decode(data, "<stdin>", note)
            if text is not None and text.strip():
                yield from _text_documents("-", "-", "<stdin>", text, Path("stdin.txt"), note)
            continue
        root = Path(given)
        if root.is_dir():
            for path in _walk(root, excluded, note):
                rel = path.relative_to(root).as_posix()
                display = os.path.join(given, rel) if given not in (".", "") else rel
                stats.files += 1
                yield from read_file(path, rel, display, note)
        elif root.exists():
            stats.files += 1
            yield from read_file(root, root.name, given, note)
        else:
            note(f"{given}: no such file or folder")


def _walk(root: Path, excluded: set[Path], note: Warn) -> Iterator[Path]:
    """Files under root in a stable order; hidden folders, the store and symlink loops skipped."""
    seen_dirs: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError as exc:
            note(f"{folder}: cannot read folder ({exc.strerror or exc})")
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            note(f"{folder}: symlink loop, skipped")
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            note(f"{folder}: cannot list folder ({exc.strerror or exc})")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                resolved = entry.resolve()
            except (OSError, RuntimeError):
                note(f"{entry}: symlink loop, skipped")
                continue
            if resolved in excluded or any(parent in excluded for parent in resolved.parents):
                continue
            if entry.is_symlink() and not entry.exists():
                note(f"{entry}: broken symlink, skipped")
                continue
            if entry.is_dir():
                if (entry / "kg-store.json").exists():
                    continue  # a kg store is never input
                subdirs.append(entry)
            elif entry.suffix.lower() in SUFFIXES:
                yield entry
        stack.extend(reversed(subdirs))


def decode(data: bytes, name: str, note: Warn) -> str | None:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else detected; None if binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        note(f"{name}: binary content (NUL bytes), skipped")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        note(f"{name}: binary or unknown encoding, skipped")
        return None
    text = data.decode(best.encoding, "replace")
    control = sum(1 for ch in text[:5000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * max(1, min(len(text), 5000)):
        note(f"{name}: binary content, skipped")
        return None
    return text


def read_file(path: Path, rel: str, display: str, note: Warn) -> Iterator[Document]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            note(f"{display}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, skipped")
            return
        data = path.read_bytes()
    except PermissionError:
        note(f"{display}: permission denied, skipped")
        return
    except OSError as exc:
        note(f"{display}: cannot read ({exc.strerror or exc}), skipped")
        return
    text = decode(data, display, note)
    if text is None:
        return
    if not text.strip():
        note(f"{display}: empty file, skipped")
        return
    suffix = path.suffix.lower()
    source = str(path)
    if suffix in HTML_SUFFIXES:
        yield from _html_documents(rel, display, source, text, path, note)
    elif suffix in JSON_SUFFIXES:
        yield from _json_documents(rel, display, source, text, suffix, note)
    else:
        yield from _text_documents(rel, display, source, text, path, note)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "")


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 160 and not line.endswith((".", ":", ";", ",")) and len(line.split()) <= 25


def _text_documents(rel, display, source, text, path: Path, note) -> Iterator[Document]:
    text = _clean(text)
    title = None
    date = None
    m = _FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                k, v = k.strip().lower(), v.strip().strip("\"'")
                if k == "title":
                    title = v
                elif k in ("date", "published"):
                    date = parse_date(v)
        text = " " * 0 + text[m.end():]
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
        note(f"{display}: no text after the front matter, skipped")
        return
    yield Document(key=rel, display=display, text=text, title=title, date=date, source=source)


def _html_documents(rel, display, source, html, path: Path, note) -> Iterator[Document]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title = None
    node = tree.css_first("title")
    if node is not None:
        title = node.text(strip=True) or None
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
    if date is None:
        dm = _NAME_DATE.search(path.name)
        if dm:
            date = parse_date(dm.group(1))
    for sel in ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe",
                "button", "select", "figure figcaption"):
        for n in tree.css(sel):
            n.decompose()
    for n in tree.css('[aria-hidden="true"], [hidden], .byline, .share, .newsletter, .related, .advert, .ad'):
        n.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        note(f"{display}: no HTML body, skipped")
        return
    blocks = []
    for n in root.css("h1, h2, h3, h4, p, li, blockquote, pre, td"):
        t = " ".join(n.text(separator=" ").split())
        if t:
            blocks.append(t)
    if not blocks:
        t = " ".join(root.text(separator=" ").split())
        if t:
            blocks.append(t)
    # a block nested in another block would be counted twice
    uniq = []
    for b in blocks:
        if not uniq or b not in uniq[-1]:
            uniq.append(b)
    text = "\n\n".join(uniq)
    if not text.strip():
        note(f"{display}: no article text in HTML, skipped")
        return
    h1 = tree.css_first("h1")
    if h1 is not None and h1.text(strip=True):
        title = " ".join(h1.text().split())
    yield Document(key=rel, display=display, text=text, title=title, date=date, source=source)


def _record(obj, rel, display, source, where: str, note) -> Document | None:
    if not isinstance(obj, dict):
        note(f"{display}{where}: not a JSON object, skipped")
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        note(f"{display}{where}: record without text, skipped")
        return None
    rid = obj.get("id") or obj.get("guid")
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    url = obj.get("url") or obj.get("link")
    url = url if isinstance(url, str) else None
    date = parse_date(str(obj.get("date"))) if obj.get("date") else None
    ident = str(rid) if rid is not None else (url or where.lstrip(":"))
    return Document(
        key=f"{rel}#{ident}", display=display, text=_clean(text), title=title, date=date, url=url, source=url or source,
        meta={"record": ident},
    )


def _json_documents(rel, display, source, text, suffix, note) -> Iterator[Document]:
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            note(f"{display}:{exc.lineno}: malformed JSON ({exc.msg}), skipped")
            return
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            data = data["items"]
        records = data if isinstance(data, list) else [data]
        for i, obj in enumerate(records):
            doc = _record(obj, rel, display, source, f"[{i}]", note)
            if doc is not None:
                yield doc
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            note(f"{display}:{lineno}: malformed JSON line ({exc.msg}), skipped")
            continue
        doc = _record(obj, rel, display, source, f":{lineno}", note)
        if doc is not None:
            yield doc
