"""The statement a table cell makes with its headers.

A cell says little alone: "51%" under the row header "Remission rate after six infusions" claims a
remission rate, and "Like themselves again" in the column of the advertised treatment, beside "Tired and
foggy" in the other, claims a change. The reader (:mod:`claimcheck.text.tables`) says where a cell stands;
this module reads what it says there, as an FAQ answer is read with its question
(:class:`~claimcheck.analysis.answers.Answered`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.analysis import lexicon
from claimcheck.analysis.answers import Answered
from claimcheck.analysis.features import Features
from claimcheck.analysis.outcome_figures import MULTIPLIER
from claimcheck.models import Category
from claimcheck.text.tables import TablePlace

__all__ = ["cell_statement", "sets_side_by_side"]

#: The most words a table cell may have to be read with its headers: a figure with a word or two ("About 1
#: in 3"), not a list of what a product holds ("1 L saline, B-complex, anti-nausea medication").
_CELL_MAX_WORDS = 4
#: The most words a cell set against another may have: a state in a few words ("Stiff and sore every
#: morning"), not a paragraph in a cell.
_COMPARED_MAX_WORDS = 8
_CELL_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_MONEY = re.compile(r"[$£€]")
#: The longest header a cell is read with: a heading's length ("Remission rate after six infusions"). A cell
#: under a longer "header" (a paragraph, or hostile filler) is read alone: a statement built from it would
#: escape the sentence-length bound and cost time and output in proportion to header times rows.
_HEADER_MAX_WORDS = 12
_HEADER_MAX_CHARS = 120


#: A bare count of people ("245", "3,112", "n = 60"), and a header that names who it counts: those studied,
#: surveyed or reviewing ("Participants", "Sample size", "No. of patients", "Reviews").
_COUNTED = re.compile(r"\s*(?:n\s*=\s*)?\d[\d,. ]*\s*", re.IGNORECASE)
_SAMPLE = re.compile(
    r"(?:(?:number|no\.?)\s+of\s+)?(?:participants|patients|subjects|people|adults|children|women|men|respondents|"
    r"volunteers|users|reviews|ratings|enrolled)(?:\s+\(n\))?|n|sample(?:\s+size)?|size|enrol(?:l)?ment",
    re.IGNORECASE,
)
#: Cue groups that make a row of a side-by-side table a comparison of health: an outcome, a condition, a
#: complaint, a part of the body or a benefit ("How patients feel", "Tired and foggy", "Toxins in sweat"),
#: not what a product is, holds or costs ("Source", "Hormones included", "Typical monthly cost").
_HEALTH_GROUPS = ("detect/outcome", "detect/benefit", "conditions", "ailments", "body", "improvements")

#: Headers that rate treatments on a matter of health, and the kind of claim a cell makes under one: how
#: soon it works ("Time to work", "Onset", "How fast"), how long it lasts, how safe it is ("Downtime",
#: "Recovery time", "Addiction risk", "Side effects"), how well it works ("Expected results", "Success").
#: A header is a name of a few words, so the matter must be most of it ("Results you can expect", not "How
#: we measure results").
_MATTERS = (
    (
        re.compile(
            r"(?:time|weeks?|days?)\s+(?:to|until|before)\s+(?:it\s+)?(?:works?|results?|relief|effects?|improvement|"
            r"benefits?|feel\w*)|onset(?:\s+of\s+\w+)?|how\s+(?:fast|soon|quickly)(?:\s+it\s+works)?|speed(?:\s+of\s+\w+)?|"
            r"(?:first\s+)?(?:results?|relief)\s+(?:in|within|seen)|works\s+in|when\s+(?:you\s+)?(?:feel|see)\s+\w+"
        ),
        Category.ONSET,
    ),
    (
        re.compile(
            r"how\s+long\s+(?:it|results?|relief|effects?|benefits?)\s+lasts?|(?:results?|relief|effects?|benefits?)\s+"
            r"lasts?|(?:duration|length)\s+of\s+(?:results?|relief|effects?|benefits?)|lasting\s+(?:results?|effects?)"
        ),
        Category.DURABILITY,
    ),
    (
        re.compile(
            r"(?:down\s*time|recovery(?:\s+time)?|(?:risk|potential|chance)\s+of\s+(?:addiction|dependence|abuse|"
            r"complications?|side\s+effects?)|(?:addiction|dependence|abuse)\s+(?:risk|potential)|addictive|"
            r"habit[\s-]?forming|(?:common\s+|serious\s+)?side\s+effects?|complications?|pain(?:\s+level)?|safety|risks?)"
        ),
        Category.SAFETY,
    ),
    (
        re.compile(
            r"(?:expected\s+|typical\s+|average\s+|real\s+|clinical\s+)?(?:results?|outcomes?|effectiveness|efficacy|"
            r"success(?:\s+rate)?|how\s+well\s+it\s+works|improvement)"
        ),
        Category.EFFICACY,
    ),
)
_MATTER_MAX_WORDS = 5
#: A column header that names something each row's item has, not an option set against another column: a
#: question ("Glasses after surgery?"), a wh-phrase ("What it means", "How it feels"; a lone "Where" heads the
#: place of an event, whose cells can still name a promise) or the reader's own value ("Your result", "Your
#: cost per eye"). (A matter of health, "Side effects", is one too: :func:`_matter`.)
_PROPERTY = re.compile(r"\s*(?:(?:what|how|where|when|why|which|who)\s+\w|your\s+\w)|[^?]*\?\s*$", re.IGNORECASE)
#: What a cell says of a risk that plays it down: nothing, or little ("None", "Minimal", "Mild and brief").
_PLAYED_DOWN = re.compile(
    r"\s*(?:none|no|zero|nothing|not?\s+\w+|minimal|mild|minor|little|low|very\s+low|rare|negligible|slight)\b",
    re.IGNORECASE,
)
#: A cell that grades a result in a word: "Good", "Excellent", "Moderate".
_GRADE = re.compile(
    r"\s*(?:very\s+)?(?:good|great|excellent|outstanding|strong|dramatic|significant|noticeable|visible|modest|"
    r"moderate|fair|superior|remarkable|impressive|fast|rapid|lasting|permanent)\b",
    re.IGNORECASE,
)
#: Cue groups of a cell that names a result ("Dramatic regrowth", "Stops hair loss"): an outcome, a change.
_RESULT_GROUPS = ("boosters", "improvements", "detect/outcome", "detect/benefit", "detect/effect")
#: Cue groups of a cell that names a time ("Hours to days", "Within the first session").
_TIME_GROUPS = ("time_words", "detect/onset")


def cell_statement(text: str, features: Features, place: TablePlace) -> Answered | None:
    """A table cell as the statement it makes with its headers: a cell set against another on a matter of
    health, as that comparison ("How patients feel with NDT: like themselves again, compared with T4 alone:
    tired and foggy"); a cell under a header that rates treatments on a matter of health ("Downtime":
    "None"), as what it says of its treatment there; a figure alone ("51%") with its row and column headers
    ("51% remission rate after six infusions (Figure)"); None for any other cell."""
    if place.header or not all(_short(header) for header in (place.row, place.column)):
        return None
    if _COUNTED.fullmatch(text) and any(_SAMPLE.fullmatch(h.strip()) for h in (place.row, place.column) if h):
        return None  # "245" under "Participants": how many were studied, of no result
    words = len(_CELL_WORD.findall(text))
    rated = _rated(text, place) if words <= _COMPARED_MAX_WORDS else None
    compared = _compared(text, place, rated is not None) if words <= _COMPARED_MAX_WORDS else None
    if compared is not None:
        return replace(compared, about=rated.about) if rated is not None else compared
    if rated is not None:
        return rated
    if place.row is None or words > _CELL_MAX_WORDS:
        return None
    # A figure: a quantity, a multiplier ("3x faster") or a bare number ("3,412", which counts nothing alone).
    if not features.quantities and _DIGIT.search(text) is None and MULTIPLIER.search(text) is None:
        return None
    row = place.row
    # The header continues the figure: "Remission rate" reads "51% remission rate" (an acronym stays).
    if len(row) > 1 and row[1].islower():
        row = row[0].lower() + row[1:]
    statement = f"{text} {row}" + (f" ({place.column})" if place.column else "")
    return Answered(statement, denies=False, fills=False)


def _short(header: str | None) -> bool:
    """Whether a header (None for none) is short enough to read a cell with (:data:`_HEADER_MAX_WORDS`)."""
    return header is None or (len(header) <= _HEADER_MAX_CHARS and len(_CELL_WORD.findall(header)) <= _HEADER_MAX_WORDS)


def _matter(header: str | None) -> Category | None:
    """The matter of health a header rates treatments on (:data:`_MATTERS`), or None."""
    if header is None or len(_CELL_WORD.findall(header)) > _MATTER_MAX_WORDS:
        return None
    folded = " ".join(lexicon.normalize(header).split())
    return next((kind for pattern, kind in _MATTERS if pattern.fullmatch(folded)), None)


def sets_side_by_side(place: TablePlace) -> bool:
    """Whether a cell stands against another cell of its row as one option against another ("Ours" | "Theirs",
    "Before" | "After"), not as one more thing said of the row's item. Two columns that each name an option
    are read side by side; where either names a property ("What it means" | "Usual next step", "Works in" |
    "Side effects"), the rows are the options and each cell says one thing of its row's item: a risk category's
    meaning set "against" its next step compares nothing, and reading it so flags both cells of every row."""
    if place.versus is None or place.column is None:
        return False
    return not any(_PROPERTY.match(header) or _matter(header) for header in (place.column, place.versus[0]))


def _rates(text: str, kind: Category) -> bool:
    """Whether a cell rates its treatment on a matter of ``kind``: a time for how soon or how long, a risk
    played down for safety (a long recovery stated is a risk told, not a claim), a result named or graded
    in words for efficacy (a figure is read with its headers as a figure)."""
    scanned = lexicon.scan(text)
    if kind in (Category.ONSET, Category.DURABILITY):
        return any(group in scanned for group in _TIME_GROUPS)
    if kind is Category.SAFETY:
        return _PLAYED_DOWN.match(text) is not None
    if _DIGIT.search(text) is not None or "hedges" in scanned:
        return False
    return _GRADE.match(text) is not None or any(group in scanned for group in _RESULT_GROUPS)


def _rated(text: str, place: TablePlace) -> Answered | None:
    """A cell under a header that rates treatments on a matter of health (a row "Time to work", or a column
    "Downtime" in a table with a treatment on each row) as what it says of its treatment there: "Time to
    work with IV drips: hours to days", a claim of how soon it works though no word of it says "works"."""
    for matter, treatment in ((place.row, place.column), (place.column, place.row)):
        kind = _matter(matter)
        if kind is None or matter is None:
            continue
        if not _rates(text, kind):
            return None
        cell = text.strip().rstrip(".")
        if cell[1:2].islower():
            cell = cell[0].lower() + cell[1:]  # "Hours to days" runs on; "PRP-level results" keeps its capitals
        said = f"{matter} with {treatment}: {cell}." if treatment else f"{matter}: {cell}."
        return Answered(said, denies=False, fills=False, about=(kind,))
    return None


#: The little words a title-cased statement holds ("Relief In Hours", "Works As Well") and a name does not.
_LITTLE_WORDS = frozenset(
    {"in", "as", "of", "to", "for", "the", "and", "with", "or", "on", "at", "by", "no", "not", "than", "from", "is"}
    | {"are", "it"}
)
#: Words of change, which make a name a promise ("Gut Healing Frequencies", "Zero Downtime").
_CHANGE_GROUPS = ("causal", "detect/effect", "improvements", "ending_verbs", "detect/benefit")


def _is_name(cell: str) -> bool:
    """Whether a cell is a name that promises no change, rather than a statement: two to six words, each
    capitalised, no figure and no little word ("Harbor Bone Broth Blend", "Sprout Vegan Builder")."""
    words = [word.strip("\"'“”‘’()") for word in cell.split()]
    if not 2 <= len(words) <= 6 or _DIGIT.search(cell) is not None:
        return False
    if not all(word[:1].isupper() and word.lower() not in _LITTLE_WORDS for word in words):
        return False
    scanned = lexicon.scan(cell)
    return not any(group in scanned for group in _CHANGE_GROUPS)


def _compared(text: str, place: TablePlace, rated: bool) -> Answered | None:
    """A cell of a side-by-side table read against the other cell of its row, when the row is about health
    and the two differ: each column's cell states what its treatment does, as compared with the other's.
    A cell ``rated`` on a matter of health (:func:`_rated`) is compared whatever the other cell holds ("None
    – back to work the next day" against "6–12 weeks")."""
    if not sets_side_by_side(place) or place.versus is None or place.column is None:
        return None
    other_column, other = place.versus
    if not (_short(other_column) and len(_CELL_WORD.findall(other)) <= _COMPARED_MAX_WORDS):
        return None
    if other.strip().lower() == text.strip().lower():
        return None
    if _is_name(text):
        # "GlowJoint Marine Collagen" beside "Visible results fastest": a table of products and what is said of
        # each, whose name states nothing to set against another column's words (what is said of it still does).
        return None
    if not rated and (_DIGIT.search(text) is None) != (_DIGIT.search(other) is None):
        # A figure against words ("20" against "Call us", "3x faster" against "Baseline") sets no two
        # results side by side: the words are a plan's terms or the point a figure is measured from.
        return None
    cells = f"{text} | {other}"
    everything = f"{place.row} | {place.column} | {other_column} | {cells}"
    if _MONEY.search(everything) or "detect/admin" in lexicon.scan(everything):
        return None  # packages set against their sessions and prices, plans against their terms
    scanned = lexicon.scan(f"{place.row or ''} | {cells}")
    if not rated and not any(group in scanned for group in _HEALTH_GROUPS):
        return None
    cell = text.strip().rstrip(".")
    versus = other.strip().rstrip(".")
    if place.row is None:
        # "Before" | "After": the states themselves, "Tired and foggy before, compared with rested after."
        statement = f"{cell} {place.column.lower()}, compared with {versus} {other_column.lower()}."
    else:
        # The other treatment right after "compared with": what the cell is compared with is a treatment, not
        # its figure ("compared with 4–8 weeks" would compare a time with nothing).
        statement = f"{place.row} with {place.column}: {cell}, compared with {other_column}: {versus}."
    return Answered(statement, denies=False, fills=False)
