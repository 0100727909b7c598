"""The common inline Markdown, tokenized without markdown-it: text, line breaks, emphasis, plain links.

Most inline content with any syntax at all has only ``**bold**``, ``_em_`` and ``[text](/path)``.
:func:`tokenize` gives the children markdown-it would give for such content (the same types, the
same text, in the same order), porting markdown-it's rules for exactly these constructs: the
``newline`` rule, ``scanDelims`` with the emphasis rule, ``balance_pairs`` and the emphasis
post-processing, ``fragments_join``, and the link rule for a label without brackets, emphasis or
line breaks followed directly by ``(destination)``. Anything else (a backslash, code, HTML, an
entity, an image, a link with a title, spaces or brackets in it) returns None, and markdown-it
tokenizes the content itself. tests/text/test_markdown_fast.py checks the two agree.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["Child", "scan", "tokenize"]

# Content with any of these goes to markdown-it: escapes, code spans, autolinks and inline HTML,
# entities, images.
_UNSUPPORTED = re.compile(r"[\\`<]|!\[|&[#A-Za-z]")
_STOP = re.compile(r"[*_\[\n]")
_STOP_IN_LINES = re.compile(r"[*_\[]")
# A link destination markdown-it reads without angle brackets, escapes, parentheses or spaces.
_DESTINATION = re.compile(r"[^\x00-\x20\x7f\\()<]*\)")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_WHITESPACE = frozenset("\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000") | frozenset(map(chr, range(0x2000, 0x200B)))
_PUNCT_CACHE: dict[str, bool] = {}


class Child:
    """An inline token as the Markdown reader uses it: ``type``, ``content`` and ``markup``."""

    __slots__ = ("content", "markup", "type")

    def __init__(self, type: str, content: str = "") -> None:
        self.type = type
        self.content = content
        self.markup = ""


def _punct(ch: str) -> bool:
    """markdown-it's ``isMdAsciiPunct(ch) or isPunctChar(ch)`` (Unicode categories P and S)."""
    found = _PUNCT_CACHE.get(ch)
    if found is None:
        found = ch in _ASCII_PUNCT or unicodedata.category(ch).startswith(("P", "S"))
        if len(_PUNCT_CACHE) < 4096:
            _PUNCT_CACHE[ch] = found
    return found


def tokenize(content: str) -> list[Child] | None:
    """The children markdown-it gives ``content`` (an inline token's content), or None if unsupported."""
    tokens = scan(content)
    return None if tokens is None else [Child(kind, text) for kind, text in tokens]


def scan(content: str, breaks: bool = True) -> list[list[str]] | None:
    """:func:`tokenize` as ``[type, content]`` pairs (cheaper to make than tokens).

    Without ``breaks``, a line feed is left in the text around it instead of making a soft or hard
    break: for content whose line feeds have no blank beside them, which the reader maps as it
    would map the break (the emphasis and links found are the same).
    """
    if _UNSUPPORTED.search(content) is not None:
        return None
    tokens: list[list[str]] = []
    push = tokens.append
    # Emphasis delimiters: [marker, run length, token index, end, can open, can close].
    delimiters: list[list] = []  # type: ignore[type-arg]
    pending = ""
    pos = 0
    n = len(content)
    close = -1
    search = (_STOP if breaks else _STOP_IN_LINES).search
    while pos < n:
        m = search(content, pos)
        if m is None:
            pending += content[pos:]
            break
        at = m.start()
        if at > pos:
            pending += content[pos:at]
        ch = content[at]
        if ch == "\n":
            if pending[-1:] == " ":
                if pending[-2:] == "  ":
                    pending = pending.rstrip(" ")
                    kind = "hardbreak"
                else:
                    pending = pending[:-1]
                    kind = "softbreak"
            else:
                kind = "softbreak"
            if pending:
                push(["text", pending])
                pending = ""
            push([kind, ""])
            pos = at + 1
            while pos < n and (content[pos] == " " or content[pos] == "\t"):
                pos += 1
        elif ch == "[":
            if close <= at:
                # The first "]" after this "[", found once for every "[" before it ("[[[[..." stays linear).
                close = content.find("]", at + 1)
                if close < 0:
                    close = n
            end = close if close < n else -1
            if end >= 0 and content.find("[", at + 1, end) >= 0:
                return None  # nested brackets: the label may end at a later "]"
            if end < 0 or end + 1 >= n or content[end + 1] != "(":
                # No label, or a label followed by no destination: with no reference definitions
                # on the page, the "[" is text.
                pending += "["
                pos = at + 1
                continue
            label = content[at + 1 : end]
            if "*" in label or "_" in label or "\n" in label:
                return None
            d = _DESTINATION.match(content, end + 2)
            if d is None:
                return None  # a destination with spaces, a title, parentheses, or no link at all
            if pending:
                push(["text", pending])
                pending = ""
            push(["link_open", ""])
            if label:
                push(["text", label])
            push(["link_close", ""])
            pos = d.end()
        else:  # "*" or "_": markdown-it's scanDelims
            stop = at + 1
            while stop < n and content[stop] == ch:
                stop += 1
            last = content[at - 1] if at > 0 else " "
            following = content[stop] if stop < n else " "
            last_punct = _punct(last)
            next_punct = _punct(following)
            last_space = last in _WHITESPACE
            next_space = following in _WHITESPACE
            left = not (next_space or (next_punct and not (last_space or last_punct)))
            right = not (last_space or (last_punct and not (next_space or next_punct)))
            if ch == "*":
                can_open, can_close = left, right
            else:
                can_open = left and (not right or last_punct)
                can_close = right and (not left or next_punct)
            if pending:
                push(["text", pending])
                pending = ""
            run = stop - at
            for _ in range(run):
                delimiters.append([ch, run, len(tokens), -1, can_open, can_close])
                push(["text", ch])
            pos = stop
    if pending:
        push(["text", pending])
    if delimiters:
        _balance(delimiters)
        _emphasis(tokens, delimiters)
    return _join(tokens)


def _balance(delimiters: list[list]) -> None:  # type: ignore[type-arg]
    """markdown-it's ``processDelimiters``: match each closing delimiter with an opener."""
    bottoms: dict[str, list[int]] = {}
    header = 0
    last_token = -2
    jumps: list[int] = []
    closer_index = 0
    count = len(delimiters)
    while closer_index < count:
        closer = delimiters[closer_index]
        jumps.append(0)
        if delimiters[header][0] != closer[0] or last_token != closer[2] - 1:
            header = closer_index
        last_token = closer[2]
        if not closer[5]:
            closer_index += 1
            continue
        if closer[0] not in bottoms:
            bottoms[closer[0]] = [-1, -1, -1, -1, -1, -1]
        slot = (3 if closer[4] else 0) + closer[1] % 3
        bottom = bottoms[closer[0]][slot]
        opener_index = header - jumps[header] - 1
        new_bottom = opener_index
        while opener_index > bottom:
            opener = delimiters[opener_index]
            if opener[0] != closer[0]:
                opener_index -= jumps[opener_index] + 1
                continue
            if opener[4] and opener[3] < 0:
                odd = (
                    (opener[5] or closer[4])
                    and (opener[1] + closer[1]) % 3 == 0
                    and (opener[1] % 3 != 0 or closer[1] % 3 != 0)
                )
                if not odd:
                    last_jump = (
                        jumps[opener_index - 1] + 1 if opener_index > 0 and not delimiters[opener_index - 1][4] else 0
                    )
                    jumps[closer_index] = closer_index - opener_index + last_jump
                    jumps[opener_index] = last_jump
                    closer[4] = False
                    opener[3] = closer_index
                    opener[5] = False
                    new_bottom = -1
                    last_token = -2
                    break
            opener_index -= jumps[opener_index] + 1
        if new_bottom != -1:
            bottoms[closer[0]][slot] = new_bottom
        closer_index += 1


def _emphasis(tokens: list[list[str]], delimiters: list[list]) -> None:  # type: ignore[type-arg]
    """markdown-it's emphasis post-processing: matched delimiters become tags."""
    i = len(delimiters) - 1
    while i >= 0:
        start = delimiters[i]
        if start[3] == -1:
            i -= 1
            continue
        end = delimiters[start[3]]
        strong = (
            i > 0
            and delimiters[i - 1][3] == start[3] + 1
            and delimiters[i - 1][0] == start[0]
            and delimiters[i - 1][2] == start[2] - 1
            and delimiters[start[3] + 1][2] == end[2] + 1
        )
        tokens[start[2]] = ["strong_open" if strong else "em_open", ""]
        tokens[end[2]] = ["strong_close" if strong else "em_close", ""]
        if strong:
            tokens[delimiters[i - 1][2]][1] = ""
            tokens[delimiters[start[3] + 1][2]][1] = ""
            i -= 1
        i -= 1


def _join(tokens: list[list[str]]) -> list[list[str]]:
    """markdown-it's ``fragments_join``: adjacent text tokens become one."""
    # A run of texts is joined once, into its first token: adding each text to the run so far
    # copied it each time, quadratic in a run of unmatched delimiters ("*a _b " x 300,000 took minutes).
    out: list[list[str]] = []
    first: list[str] = []  # the run's first text token (none yet: empty)
    pieces: list[str] = []  # the texts of the run after the first
    for token in tokens:
        if token[0] != "text":
            if pieces:
                first[1] = "".join([first[1], *pieces])
                pieces = []
            first = []
            out.append(token)
        elif not first:
            first = token
            out.append(token)
        else:
            pieces.append(token[1])
    if pieces:
        first[1] = "".join([first[1], *pieces])
    return out
