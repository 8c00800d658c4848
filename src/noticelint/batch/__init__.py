"""Corpus runs: the per-file work (read → lint → a rendered result), and running it
over many files — in this process, in a pool of worker processes that cannot hang
the run, or on a dask.distributed cluster. Used by ``check`` and ``report``."""
