"""Lynchpin: the production office in one program, from screenplay to wrap."""

__version__ = "0.1.0"
