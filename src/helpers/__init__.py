"""Helpers for the poverty-reduction notebooks: paths, loading, formatting, plotting, rendering."""

__version__ = "0.1.0"
