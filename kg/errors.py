"""Errors a user can act on. Kept free of heavy imports so the CLI can catch them cheaply.

Every error kg raises for a user's mistake or a problem the user must fix derives from
:class:`KGError`; its message is one sentence, and the CLI prints it as one line (``error: ...``,
exit status ``exit_code``: 1, or 2 for a :class:`UsageError`) in one place (``kg.cli.friendly``). Errors that are also a familiar Python kind
keep that base too (``QueryError`` is a ``ValueError``), so existing ``except`` clauses still
catch them.

The error types used by more than one module live here; the others derive from
:class:`KGError` where they are raised (``CurationError``, ``ExportError``, ``ViewError``...).
"""


class KGError(Exception):
    """A problem the user can act on; the message is one readable sentence."""

    exit_code = 1  # the CLI's exit status for it


class UserError(KGError):
    """A mistake in the command's arguments (a missing file, an unknown option value)."""


class UsageError(UserError):
    """An option the input cannot take (a missing column, an unreadable --date): exit status 2,
    before anything is read or written."""

    exit_code = 2


class ModelNotFound(KGError, RuntimeError):
    """No usable spaCy pipeline is installed under the requested name."""


class StoreError(KGError, RuntimeError):
    """The store cannot be opened, read or written; the message says why in one sentence."""


class StoreLocked(StoreError):
    """Another kg process holds the store's write lock."""


class RemoteError(StoreError):
    """A SPARQL endpoint cannot be reached or refused a request; the message says which and why."""


class QueryError(KGError, ValueError):
    """A query is malformed, refused, timed out or failed; the message is one readable sentence."""


class EngineError(KGError, RuntimeError):
    """A build engine cannot run: Dask is not installed, or its scheduler cannot be reached."""
