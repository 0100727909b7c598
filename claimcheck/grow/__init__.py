"""Growing the registry: draft entries from new pages, reviewing them, publishing the verdicts.

``extract`` turns the claims a page makes that the registry lacks (CC101) into draft entries and
records where registered claims were seen; ``edit`` changes claim files in place without
disturbing a byte outside the change; ``assign`` applies ``field=value`` edits from scripts and
``review`` walks drafts in the terminal, both checked by the same rules (``placeholders`` keeps an
unreviewed draft from passing as approved); ``claimreview`` exports reviewed verdicts as
schema.org ClaimReview JSON-LD; ``commands`` is what the CLI calls.
"""
