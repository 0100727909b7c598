"""The package version and published name, in one place for the build backend, the CLI and the reports."""

__version__ = "0.1.0"

#: The distribution name on PyPI (``pip install claimcheck-health``): the name ``claimcheck`` there
#: belongs to an unrelated project. The import package and the command stay ``claimcheck``.
DISTRIBUTION = "claimcheck-health"
