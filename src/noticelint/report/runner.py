"""Moved to :mod:`noticelint.batch.runner` (check uses it too); kept while other
branches that import it are merged."""

from noticelint.batch.runner import PARALLEL_MIN_FILES, ChunkWork, default_jobs, run_jobs

__all__ = ["PARALLEL_MIN_FILES", "ChunkWork", "default_jobs", "run_jobs"]
