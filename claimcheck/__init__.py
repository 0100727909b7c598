"""claimcheck: review health marketing copy against a registry of claims and evidence."""

from claimcheck.__about__ import __version__

__all__ = ["__version__"]
