"""``noticelint serve``: the clerk's workbench, a local web page over an HTTP API.

* :mod:`.tasks` — the work itself (read, check, fix), plain functions on bytes;
* :mod:`.worker` — runs tasks in worker processes under the per-file time budget;
* :mod:`.body` — request bodies read within the size cap, in memory only;
* :mod:`.app` — the Starlette application: API, page, security headers;
* ``static/`` — the page (HTML, CSS, JS; no CDN, works offline).

Starlette and uvicorn are imported only by this package, so ``check`` never pays
for them.
"""
