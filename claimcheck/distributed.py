"""Lint on a Dask cluster (``pip install 'claimcheck-health[distributed]'``): the public names of
:mod:`claimcheck.run.cluster`, kept at the path scripts import them from."""

from claimcheck.run.cluster import DistributedStream, lint_bag, lint_distributed, stream_distributed

__all__ = ["DistributedStream", "lint_bag", "lint_distributed", "stream_distributed"]
