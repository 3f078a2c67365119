"""The ``lynchpin`` command line (typer + rich): engine commands that work on files."""
