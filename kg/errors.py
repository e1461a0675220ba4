"""Errors a user can act on. Kept free of heavy imports so the CLI can catch them cheaply."""


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed under the requested name."""
