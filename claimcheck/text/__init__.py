"""Readers, the source map and sentence segmentation: pages in, units of visible text out.

This package knows nothing about claims. A :class:`Document` holds the decoded source and its
units of visible text; every unit maps each of its characters back to a source offset, and
:meth:`Document.position` turns an offset into a 1-based line and column.
"""

from claimcheck.text.decode import decode_bytes
from claimcheck.text.document import Comment, Document, TextUnit, UnitKind
from claimcheck.text.readers import detect_format, parse_document, read_document
from claimcheck.text.sentences import last_sentence, split_sentences

__all__ = [
    "Comment",
    "Document",
    "TextUnit",
    "UnitKind",
    "decode_bytes",
    "detect_format",
    "last_sentence",
    "parse_document",
    "read_document",
    "split_sentences",
]
