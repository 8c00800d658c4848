"""The 整改台账: one row per fed-back problem (``noticelint ledger``).

Stages: :mod:`~noticelint.ledger.rows` turns a parsed notice and its diagnostics into
rows, :mod:`~noticelint.ledger.worker` does that per file inside the corpus runner
(``report.runner.run_jobs``), :mod:`~noticelint.ledger.collect` streams the rows back
in path order and tallies the 汇总 sheet, and :mod:`~noticelint.ledger.writers`
writes xlsx, CSV and JSON.
"""
