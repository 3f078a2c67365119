"""``python -m lynchpin.cli``: the same as the ``lynchpin`` console script."""

from lynchpin.cli.main import app

app(prog_name="lynchpin")
