"""Hostile and messy input (issue 9)."""
