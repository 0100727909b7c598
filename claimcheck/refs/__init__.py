"""Reference verification and BibTeX upkeep: ``claimcheck refs verify | add | format``.

``client`` talks to the services politely (User-Agent with a contact address, timeouts, retries
with backoff, a disk cache); ``crossref`` and ``pubmed`` read their answers into one shape;
``compare`` decides whether an entry matches; ``verify`` runs the checks (CC410-CC414); ``add``
and ``bibwrite`` write entries in the house style; ``commands`` wires options and config.
"""
