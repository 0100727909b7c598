"""The ``extract``, ``claims review``, ``claims set`` and ClaimReview export commands, behind the CLI's parsing.

Each returns the process exit code; errors are raised as :class:`~claimcheck.errors.ClaimcheckError`
for the CLI to print as ``file:line: message`` with exit 2. Reports go to stderr, data to stdout
or the named file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from claimcheck.config import load_config
from claimcheck.controls import printable
from claimcheck.errors import ConfigError
from claimcheck.grow.assign import parse_assignment, set_fields
from claimcheck.grow.edit import claim_files, find_claim
from claimcheck.models import Claim, ReviewStatus
from claimcheck.registry.load import Registry, load_registry, read_registry

EXIT_OK, EXIT_ERROR = 0, 2


def _note(message: str) -> None:
    # Notices name pages and quote them: their control characters are shown, not obeyed.
    print(f"claimcheck: {printable(message)}", file=sys.stderr)


def registry_dir(explicit: str | None) -> Path | None:
    """The registry folder: the one named, else the config's, else None for the shipped registry."""
    return Path(explicit) if explicit else load_config().registry_path()


def run_extract(paths: Sequence[str], output: str | None, registry: str | None, update: bool) -> int:
    """``claimcheck extract``: drafts for unregistered claims; with ``update``, record registered ones."""
    from claimcheck.grow.extract import extract, record_sightings, write_drafts

    root = registry_dir(registry)
    if update and root is None:
        raise ConfigError("--update edits registry files: name the registry with --registry DIR (or in config)")
    loaded = load_registry(root)
    found = extract(paths, loaded)
    for notice in found.notices:
        _note(notice)
    for draft in found.drafts:
        first = draft.occurrences[0]
        near = f" (nearest: {draft.nearest[0].claim_id} {draft.nearest[0].score:.2f})" if draft.nearest else ""
        _note(f"{first.source}:{first.line}: CC101 -> {draft.id}{near}")
    text, added = write_drafts(found.drafts, output)
    if output is None:
        sys.stdout.write(text)
    elif found.drafts:
        _note(f"wrote {added} new draft(s) to {output} ({len(found.drafts) - added} already there)")
    else:
        _note(f"no unregistered claims on {found.files} page(s); {output} left as it was")
    if update:
        for path, count in record_sightings(found.sightings, loaded):
            _note(f"recorded {count} new occurrence(s) in {path}")
    elif found.sightings:
        claims = len({s.claim_id for s in found.sightings})
        _note(
            f"{len(found.sightings)} sentence(s) link to {claims} registered claim(s); "
            "add --update to record them as occurrences"
        )
    return EXIT_OK


def run_review(file: str | None, registry: str | None, reviewer: str | None) -> int:
    """``claimcheck claims review``: walk the drafts of FILE, or of every claims file of the registry."""
    from claimcheck.grow.review import review

    # Read, not loaded: review must open even when another file of the registry does not validate.
    loaded = read_registry(registry_dir(registry))
    files = [Path(file)] if file else claim_files(loaded.root)
    summary = review(files, loaded, reviewer=reviewer)
    _note(f"review: {summary}")
    return EXIT_OK


def run_set(claim_id: str, assignments: Sequence[str], registry: str | None, file: str | None) -> int:
    """``claimcheck claims set ID field=value ...``: edit one claim in place, or change nothing and exit 2."""
    if not assignments:
        raise ConfigError("'claimcheck claims set ID' needs at least one field=value")
    parsed = [parse_assignment(text) for text in assignments]
    loaded = read_registry(registry_dir(registry))
    files = [Path(file)] if file else claim_files(loaded.root)
    try:
        claims_file, index = find_claim(files, claim_id)
    except KeyError:
        where = file or f"{loaded.root}/claims"
        raise ConfigError(f"no claim with id '{claim_id}' in {where}") from None
    set_fields(claims_file, index, parsed, loaded.references)
    _note(f"set {', '.join(a.field for a in parsed)} on {claim_id} in {claims_file.display}")
    return EXIT_OK


def claimreview_text(
    registry: Registry, claims: Sequence[Claim], publisher: str | None, review_url: str | None, *, one: bool
) -> str:
    """``claimcheck claims --format claimreview``: JSON-LD for the approved claims (``one``: the claim shown)."""
    from claimcheck.grow.claimreview import render_claimreview

    if one and claims[0].review.status is not ReviewStatus.APPROVED:
        raise ConfigError(f"claim '{claims[0].id}' is a draft: only approved claims are published")
    text, notices = render_claimreview(claims, registry.references, publisher=publisher, review_url=review_url)
    for notice in notices:
        _note(notice)
    return text
