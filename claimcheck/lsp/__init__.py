"""``claimcheck server``: the linter as a Language Server Protocol server for editors.

:mod:`~claimcheck.lsp.positions` converts between code-point columns and the client's position
encoding, :mod:`~claimcheck.lsp.session` holds the workspace's config and registry and lints a
page's text, and :mod:`~claimcheck.lsp.server` speaks the protocol (pygls).
"""
