"""The language server (``noticelint server``): findings and fixes where people edit.

One module per job:

* :mod:`~noticelint.lsp.transport` — Content-Length framing over stdio, robust to
  malformed input;
* :mod:`~noticelint.lsp.positions` — (line, column) in characters ↔ LSP positions in
  UTF-16 (or the negotiated) code units;
* :mod:`~noticelint.lsp.engine` — configuration per file, checking and fixing a text
  (the same functions as ``check`` and ``check --fix``);
* :mod:`~noticelint.lsp.convert` — findings and edits as LSP types;
* :mod:`~noticelint.lsp.actions` — quick fixes, fix-all, "ignore this rule here";
* :mod:`~noticelint.lsp.ignore` — writing ``per-file-ignores`` into the configuration;
* :mod:`~noticelint.lsp.ruledocs` — rule documentation links and hover text;
* :mod:`~noticelint.lsp.server` — the pygls server: debounced, version-checked
  publishing;
* :mod:`~noticelint.lsp.handlers` — the LSP methods it answers.

pygls and lsprotocol are imported only by ``noticelint server``.
"""
