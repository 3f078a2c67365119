"""The pure domain core.

Stdlib plus a few framework-free libraries (defusedxml, pdfplumber, later ortools, astral,
holidays). Never imports Django or a Lynchpin app, never reads the clock, the network, the
database or settings: every function is a function of its arguments.
"""
