"""A throwaway Virtuoso server for the remote-store tests (and bench/bench_scale.py).

Starts Debian's ``virtuoso-t`` on 127.0.0.1 with free ports and a database in a temporary
folder, waits until its SPARQL endpoint answers, and stops it afterwards (terminate, wait, kill
if it hangs), so no process is left behind. Writes go through ``/sparql-auth`` with the default
``dba``/``dba`` account (HTTP digest), which is how a real deployment would keep updates
authenticated while reads stay open.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
CheckpointInterval = 60
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""


@dataclass
class Virtuoso:
    folder: Path
    http_port: int
    sql_port: int
    process: subprocess.Popen

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def address(self) -> str:
        """The kg store address: open reads, digest-authenticated writes."""
        return (
            f"sparql+http://127.0.0.1:{self.http_port}/sparql"
            f"?update=http://127.0.0.1:{self.http_port}/sparql-auth&user=dba&password=dba"
        )

    def log(self) -> str:
        p = self.folder / "virtuoso.log"
        return p.read_text("utf-8", "replace")[-2000:] if p.exists() else ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary() -> str | None:
    return shutil.which("virtuoso-t") or ("/usr/bin/virtuoso-t" if Path("/usr/bin/virtuoso-t").exists() else None)


def _answers(url: str) -> bool:
    data = urllib.parse.urlencode({"query": "ASK { }"}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+xml"})
    try:
        with urllib.request.urlopen(req, timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


@contextmanager
def running_virtuoso(folder: Path, startup_timeout: float = 90.0):
    """Run a fresh Virtuoso with its database in ``folder`` for the ``with`` block."""
    exe = binary()
    if exe is None:
        raise FileNotFoundError("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(d=folder, http_port=http_port, sql_port=sql_port), "utf-8")
    out = open(folder / "stdout.log", "wb")
    proc = subprocess.Popen(
        [exe, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    server = Virtuoso(folder, http_port, sql_port, proc)
    try:
        deadline = time.monotonic() + startup_timeout
        while not _answers(server.query_url):
            if proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with status {proc.returncode}: {server.log()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"virtuoso-t did not answer within {startup_timeout:.0f} s: {server.log()}")
            time.sleep(0.2)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        out.close()
