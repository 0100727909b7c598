"""Growing the registry: draft entries from new pages, reviewing them, publishing the verdicts.

``extract`` turns the claims a page makes that the registry lacks (CC101) into draft entries and
records where registered claims were seen; ``edit`` changes claim files in place without
disturbing a byte outside the change; ``review`` walks drafts in the terminal and ``setter``
applies ``field=value`` edits from scripts; ``claimreview`` exports reviewed verdicts as
schema.org ClaimReview JSON-LD.
"""
