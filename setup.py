"""Build of the one compiled module: the talent search's inner loop (Cython, optional at run time).

Everything else is declared in pyproject.toml. `lynchpin.engine.scheduling.talent_search` falls
back to its pure-Python search when the extension is missing, with identical results; see
docs/decisions/0004-compiled-talent-search.md. ``-ffp-contract=off`` keeps the bound's
floating-point operations exactly those of the Python code (no fused multiply-add).
"""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(
                "lynchpin.engine.scheduling.talent_compiled",
                ["lynchpin/engine/scheduling/talent_compiled.pyx"],
                extra_compile_args=["-O2", "-ffp-contract=off"],
                optional=True,  # no compiler: install anyway, the Python search runs
            )
        ],
        language_level=3,
    )
)
