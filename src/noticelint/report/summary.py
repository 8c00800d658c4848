"""Moved to :mod:`noticelint.batch` (check uses it too); kept while other branches
that import it are merged."""

from noticelint.batch.budget import OverBudget, within_budget
from noticelint.batch.job import FileResult, Job, Options
from noticelint.batch.work import fingerprint, process, process_chunk, summarize

__all__ = [
    "FileResult",
    "Job",
    "Options",
    "OverBudget",
    "fingerprint",
    "process",
    "process_chunk",
    "summarize",
    "within_budget",
]
