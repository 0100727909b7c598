"""The HTML reader: visible text of a page as units, with exact source offsets.

It is an HTML5 tokenizer (the WHATWG tokenization states that matter for text: data, tag open,
end tag open, attribute names and quoted/unquoted values, comments including the abrupt ``<!-->``,
bogus comments for ``<!DOCTYPE``, ``<![CDATA[`` and ``<?pi?>``, raw text up to the matching end
tag for ``script``, ``style``, ``textarea``, ``title`` and friends) followed by a small
tree-construction step: an explicit stack of open elements with the implied end tags that matter
for text (``p``, ``li``, ``dt``/``dd``, table rows and cells, ``head``).

Why not ``html.parser``: on Python 3.11 it raises AssertionError on ``<![foo[``, ValueError on a
character reference with thousands of digits, takes quadratic time on unterminated constructs
(60 KB of ``"<a "`` took 42 s), changes behaviour between Python patch releases, and with empty
handlers it is no faster than this whole reader on a typical page. Every step here is a compiled
regular expression or ``str.find`` anchored at a ``<``; each construct either ends or runs to
the end of input (as in HTML5), so the read is linear in the size of the page and never recurses.
"""

from __future__ import annotations

import re
from collections import defaultdict

from claimcheck.text.document import Comment, TextUnit, UnitBuilder

__all__ = ["HtmlReader", "read_html"]

_WS = "\t\n\f\r "
# A start or end tag from "<" to ">" (or to the end of input, where HTML5 drops the tag). Each
# alternative inside the attribute loop starts with a different class of character and is atomic,
# so a tag is matched in one pass without backtracking.
_TAG = re.compile(
    rf"<(/?)([a-zA-Z][^{_WS}/>]*)"
    rf"((?>[{_WS}/]+|[^{_WS}/>][^{_WS}/=>]*"
    rf"(?>[{_WS}]*=[{_WS}]*(?>\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|[^{_WS}>]*))?)*+)"
    r"(>|\Z)"
)
_ATTRIBUTE = re.compile(rf"([^{_WS}/>][^{_WS}/=>]*)(?:[{_WS}]*=[{_WS}]*(\"[^\"]*\"?|'[^']*'?|[^{_WS}>]*))?")
_COMMENT_END = re.compile(r"--!?>")
_NON_SPACE = re.compile(r"\S")

# Element categories.
_VOID = 1  # never has content or an end tag
_BLOCK = 2  # starts and ends a unit
_RAW = 4  # content is raw text up to the matching end tag, and not visible
_HIDDEN = 8  # content is parsed but not visible
_HEAD_OK = 16  # may appear in <head> without ending it
_CONTAINER = 32  # neither block nor hidden, but kept on the stack: what is inside it is known

_KINDS = dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "heading")
_KINDS |= {"li": "list-item", "td": "table-cell", "th": "table-cell"}


def _categories() -> dict[str, int]:
    cats: dict[str, int] = defaultdict(int)
    for flag, names in (
        (_VOID, "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr"),
        (
            _BLOCK,
            "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
            "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing "
            "main menu nav ol p pre search section summary table tbody td tfoot th thead tr ul "
            # A select's options are shown as it opens; inline SVG draws <text> and <foreignObject>.
            "option optgroup text foreignobject",
        ),
        (_RAW, "iframe noembed noframes noscript plaintext script style textarea title xmp"),
        (_HIDDEN, "audio canvas datalist head map math metadata object template video"),
        (_HEAD_OK, "base basefont bgsound head link meta noframes noscript script style template title"),
        (_CONTAINER, "svg"),
    ):
        for name in names.split():
            cats[name] |= flag
    return dict(cats)


_CATEGORY = _categories()


def _implied_end_tags() -> dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
    """Start tags that close open elements implicitly: (names closed, names that stop the search)."""
    scope = frozenset({"applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th"})
    closes_p = (("p",), scope)
    implied: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = {}
    for name, cat in _CATEGORY.items():
        if cat & _BLOCK and name not in ("body", "html", "caption", "td", "th", "tr", "tbody", "thead", "tfoot"):
            implied[name] = (closes_p,)
    implied["li"] = (closes_p, (("li",), scope | {"ol", "ul", "menu"}))
    implied["dt"] = implied["dd"] = (closes_p, (("dt", "dd"), scope | {"dl"}))
    implied["td"] = implied["th"] = ((("td", "th"), frozenset({"tr", "table", "template"})),)
    implied["tr"] = ((("tr",), frozenset({"table", "tbody", "thead", "tfoot", "template"})),)
    for name in ("tbody", "thead", "tfoot"):
        implied[name] = ((("tbody", "thead", "tfoot"), frozenset({"table", "template"})),)
    implied["option"] = implied["optgroup"] = (closes_p, (("option",), scope | {"select", "datalist", "optgroup"}))
    implied["body"] = ((("head",), frozenset()),)
    return implied


_IMPLIED = _implied_end_tags()
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_IMPLIED_SCAN = 32  # how deep an implied end tag looks; bounds the cost on deeply nested pages
# <meta> names and properties whose content search results and link previews show.
_META_KINDS = {
    "description": "paragraph",
    "og:description": "paragraph",
    "twitter:description": "paragraph",
    "og:title": "heading",
    "twitter:title": "heading",
}
_RAW_END: dict[str, re.Pattern[str]] = {}


def _raw_end(name: str) -> re.Pattern[str]:
    pattern = _RAW_END.get(name)
    if pattern is None:
        pattern = re.compile(rf"</{re.escape(name)}(?=[{_WS}/>]|\Z)", re.IGNORECASE)
        _RAW_END[name] = pattern
    return pattern


#: An inline style that keeps an element from view ("display:none", "visibility: hidden"): a reader never sees what
#: is in it (hidden SEO copy, an A/B variant), so it is no more copy than a ``hidden`` element's.
_STYLE_HIDDEN = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)


def _is_hidden(attrs: str) -> bool:
    """True for the ``hidden`` attribute, ``aria-hidden="true"`` or an inline style of ``display:none`` or
    ``visibility:hidden`` (attrs is the tag's attribute text)."""
    lowered = attrs.lower()
    if "hidden" not in lowered and "none" not in lowered:
        return False
    for m in _ATTRIBUTE.finditer(attrs):
        name = m.group(1).lower()
        if name == "hidden":
            return True
        value = m.group(2)
        if value is None:
            continue
        if name == "aria-hidden" and value.strip("\"'").strip().lower() == "true":
            return True
        if name == "style" and _STYLE_HIDDEN.search(value.strip("\"'")):
            return True
    return False


_F_HIDDEN, _F_KIND, _F_P = 1, 2, 4


class HtmlReader:
    """Reads HTML from ``source`` into ``units`` and ``comments``, one range at a time.

    The open-element stack and the unit under construction live on the reader so that Markdown
    can feed it HTML blocks and inline tags one by one: a ``<div hidden>`` in one block hides
    the Markdown that follows until its ``</div>``, and an inline ``<br>`` is a space in the
    Markdown paragraph being built in :attr:`builder`.
    """

    __slots__ = (
        "_br_mark",
        "_flags",
        "_hidden",
        "_kinds",
        "_open",
        "_paragraphs",
        "_said",
        "_stack",
        "body_tag_end",
        "builder",
        "comments",
        "head_end",
        "source",
        "units",
    )

    def __init__(self, source: str) -> None:
        self.source = source
        self.units: list[TextUnit] = []
        self.comments: list[Comment] = []
        self.builder = UnitBuilder()
        self.body_tag_end: int | None = None
        self.head_end: int | None = None
        self._stack: list[str] = []
        self._flags: list[int] = []
        self._open: dict[str, int] = defaultdict(int)
        self._kinds: list[str] = []
        self._paragraphs = 0
        self._hidden = 0
        self._br_mark = -1  # unit length at the last <br>: a second <br> with no text between ends the unit
        self._said: set[str] = set()  # the texts of the title and description units read so far

    @property
    def hidden(self) -> bool:
        """True while an open element makes text invisible."""
        return self._hidden > 0

    def feed(self, start: int, end: int) -> None:
        """Tokenize ``source[start:end]`` and add its visible text to the units."""
        src = self.source
        find = src.find
        tag = _TAG.match
        text_start = pos = start
        while True:
            lt = find("<", pos, end)
            if lt < 0:
                break
            m = tag(src, lt, end)
            if m is not None:
                if lt > text_start:
                    self._text(text_start, lt)
                slash, name, attrs, close = m.groups()
                if not close:  # end of input inside a tag: HTML5 drops the tag
                    return
                name = name.lower()
                pos = m.end()
                # Plain inline tags (a, span, strong, ...) change nothing unless text is hidden;
                # skipping the calls for them is a large share of the speed on tag-dense pages.
                if slash:
                    if name in _CATEGORY or self._open.get(name):
                        self.end_tag(name, pos)
                elif name in _CATEGORY or attrs or self._hidden or (self._stack and self._stack[-1] == "head"):
                    pos = self._start_tag(name, attrs, lt, pos, end)
                text_start = pos
            elif src.startswith("<!--", lt, end):
                self._text(text_start, lt)
                pos = text_start = self._comment(lt, end)
            elif src.startswith(("<!", "<?"), lt, end) or (src.startswith("</", lt, end) and lt + 2 < end):
                # <!DOCTYPE>, <![CDATA[...]>, <?pi?>, "</" + a non-letter: bogus comments, not text.
                self._text(text_start, lt)
                if src.startswith("</>", lt, end):
                    pos = lt + 3
                else:
                    gt = find(">", lt + 2, end)
                    pos = end if gt < 0 else gt + 1
                text_start = pos
            else:  # a "<" that starts nothing is text
                pos = lt + 1
        self._text(text_start, end)

    def flush(self, kind: str | None = None) -> None:
        """End the current unit here (a block boundary); its kind comes from the open elements unless given."""
        if not self.builder.length:
            return
        if kind is None:
            if self._kinds:
                kind = self._kinds[-1]
            elif self._paragraphs:
                kind = "paragraph"
            else:
                kind = "block"
        unit = self.builder.flush(kind)
        if unit is not None:
            self.units.append(unit)

    def end_tag(self, name: str, tag_end: int) -> None:
        """Close the innermost open element called ``name`` and everything opened inside it."""
        cat = _CATEGORY.get(name, 0)
        if cat & _BLOCK:
            self.flush()
        elif name == "br":  # browsers read </br> as <br>; its space maps to the tag's "<", as <br>'s does
            self._br(self.source.rfind("<", 0, tag_end))
            return
        stack = self._stack
        if stack and stack[-1] == name:
            self._pop_to(len(stack) - 1, tag_end)
        elif self._open.get(name, 0):
            k = len(stack) - 2
            while stack[k] != name:
                k -= 1
            self._pop_to(k, tag_end)

    # -- internals ----------------------------------------------------------------------------

    def _start_tag(self, name: str, attrs: str, lt: int, tag_end: int, end: int) -> int:
        """Handle a start tag at ``[lt, tag_end)``; returns where tokenizing resumes."""
        cat = _CATEGORY.get(name, 0)
        stack = self._stack
        if stack and stack[-1] == "head" and not cat & _HEAD_OK:
            self._pop_to(len(stack) - 1, lt)
        if not cat:
            # An inline element matters only for hiding: it goes on the stack when it hides its
            # content or sits inside a hidden element (so its end tag cannot close that one).
            # Leaving out the rest (a, span, strong, ...) halves the cost of tag-dense pages.
            hidden = bool(attrs) and attrs[-1] != "/" and _is_hidden(attrs)
            if hidden or (self._hidden and not attrs.endswith("/")):
                self._push(name, hidden)
            return tag_end
        if cat & _BLOCK:
            implied = _IMPLIED.get(name)
            if implied is not None:
                for targets, stops in implied:
                    for target in targets:
                        if self._open.get(target, 0):
                            self._close_implied(targets, stops, lt)
                            break
            if name in _HEADINGS and stack and stack[-1] in _HEADINGS:
                self.flush()
                self._pop_to(len(stack) - 1, lt)
            self.flush()
        if cat & _VOID:
            if name == "br":
                self._br(lt)
            elif name == "meta" and attrs:
                self._meta(attrs, lt + 1 + len(name))
            return tag_end
        if name == "body" and self.body_tag_end is None:
            self.body_tag_end = tag_end
        if cat & _RAW:
            if name == "plaintext":
                # Everything after <plaintext> is shown as text: no end tag ends it.
                if not self._hidden_body():
                    self._own_unit(tag_end, end, "paragraph")
                return end
            # HTML5 ignores "/>" here: <script/> still starts a script.
            m = _raw_end(name).search(self.source, tag_end, end)
            if m is not None:
                # Raw text read though no page body shows it: the page's title (what tabs and
                # search results show; an SVG's title is a tooltip), a text area's initial text
                # and an <xmp>'s text, which browsers show as preformatted text (a page could
                # hide its claims from the lint there).
                if name == "title" and not self._open.get("svg"):
                    self._own_unit(tag_end, m.start(), "heading", once=True)
                elif name in ("textarea", "xmp") and not self._hidden_body():
                    self._own_unit(tag_end, m.start(), "paragraph")
                return m.start()
            self._push(name, True)  # the end tag may come in a later range (inline HTML in Markdown)
            return end
        if attrs:
            if attrs[-1] == "/":  # XHTML-style <div/>: closed at once
                return tag_end
            self._push(name, bool(cat & _HIDDEN) or _is_hidden(attrs))
        else:
            self._push(name, bool(cat & _HIDDEN))
        return tag_end

    def _hidden_body(self) -> bool:
        """Whether an open element hides text, other than <head> (which hides none of the body's)."""
        return self._hidden > (1 if self._open.get("head") else 0)

    def _own_unit(self, start: int, end: int, kind: str, *, once: bool = False) -> None:
        """``source[start:end]`` (entities decoded) as a unit of its own, whatever is open around it.

        With ``once``, not when an earlier such unit had the same text (``og:title`` repeats the
        title, ``og:description`` the description: one finding each is enough).
        """
        if _NON_SPACE.search(self.source, start, end) is None:
            return
        self.flush()
        self.builder.add_source(self.source, start, end, entities=True)
        unit = self.builder.flush(kind)
        if unit is None or (once and unit.text in self._said):
            return
        if once:
            self._said.add(unit.text)
        self.units.append(unit)

    def _meta(self, attrs: str, at: int) -> None:
        """Read the content of a ``<meta>`` that search results show (``attrs`` starts at ``at``)."""
        key = content = None
        for m in _ATTRIBUTE.finditer(attrs):
            name, value = m.group(1).lower(), m.group(2)
            if value is None:
                continue
            if name in ("name", "property"):
                key = value.strip("\"'").strip().lower()
            elif name == "content":
                quoted = value[:1] in ("'", '"')
                start = at + m.start(2) + quoted
                content = (start, at + m.end(2) - (quoted and len(value) > 1 and value[-1] == value[0]))
        kind = _META_KINDS.get(key or "")
        if kind is not None and content is not None:
            self._own_unit(content[0], content[1], kind, once=True)

    def _text(self, start: int, end: int) -> None:
        if self._hidden:
            if not (self._hidden == 1 and self._stack[-1] == "head"):
                return
            # Text directly in <head> (not in <title> or <script>) is body text to a browser.
            m = _NON_SPACE.search(self.source, start, end)
            if m is None:
                return
            self._pop_to(len(self._stack) - 1, m.start())
        elif not self.builder.length and _NON_SPACE.search(self.source, start, end) is None:
            return  # the indentation between block tags: nothing to add
        self.builder.add_source(self.source, start, end, entities=True)

    def _br(self, at: int) -> None:
        if self.builder.length == self._br_mark:  # two line breaks in a row separate paragraphs
            self.flush()
            self._br_mark = -1
            return
        self._br_mark = self.builder.length
        if not self._hidden:
            self.builder.add_space(at, at + 1)

    def _comment(self, lt: int, end: int) -> int:
        src = self.source
        body = lt + 4
        if src.startswith(">", body, end):
            close, stop = body, body + 1
        elif src.startswith("->", body, end):
            close, stop = body, body + 2
        else:
            m = _COMMENT_END.search(src, body, end)
            close, stop = (end, end) if m is None else m.span()
        self.comments.append(Comment(src[body:close], lt, stop))
        return stop

    def _push(self, name: str, hidden: bool) -> None:
        self._stack.append(name)
        kind = _KINDS.get(name)
        self._flags.append((_F_HIDDEN if hidden else 0) | (_F_KIND if kind else 0) | (_F_P if name == "p" else 0))
        self._open[name] += 1
        if hidden:
            self._hidden += 1
        if kind:
            self._kinds.append(kind)
        if name == "p":
            self._paragraphs += 1

    def _pop_to(self, k: int, at: int) -> None:
        """Pop the open elements from the top down to index ``k`` inclusive; ``at`` is where they end."""
        while len(self._stack) > k:
            name = self._stack.pop()
            flags = self._flags.pop()
            self._open[name] -= 1
            if flags & _F_HIDDEN:
                self._hidden -= 1
            if flags & _F_KIND:
                self._kinds.pop()
            if flags & _F_P:
                self._paragraphs -= 1
            if name == "head" and self.head_end is None:
                self.head_end = at

    def _close_implied(self, targets: tuple[str, ...], stops: frozenset[str], at: int) -> None:
        stack = self._stack
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _IMPLIED_SCAN), -1):
            if stack[k] in targets:
                self.flush()
                self._pop_to(k, at)
                return
            if stack[k] in stops:
                return


def read_html(source: str) -> tuple[list[TextUnit], list[Comment], int]:
    """Units, comments and body start offset of an HTML page."""
    reader = HtmlReader(source)
    reader.feed(0, len(source))
    reader.flush()
    body = reader.body_tag_end if reader.body_tag_end is not None else reader.head_end
    return reader.units, reader.comments, body or 0
