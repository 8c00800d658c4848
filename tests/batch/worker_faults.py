"""Fault injection for the pool tests, imported by each worker as it starts, through
``NOTICELINT_WORKER_PRELOAD`` (a test-only environment variable): linting a file
whose name says so kills, aborts, hangs or exhausts the worker that reads it."""

from __future__ import annotations

import os
import signal
import time

import noticelint.lint

_real_check_document = noticelint.lint.check_document


def _faulty_check_document(document, settings):  # type: ignore[no-untyped-def]
    name = os.path.basename(document.path)
    if name.startswith("abort-"):
        os.abort()  # a native crash (PDFium's abort)
    if name.startswith("sigkill-"):
        os.kill(os.getpid(), signal.SIGKILL)  # the OOM killer
    if name.startswith("hang-"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # native code: no timer
        time.sleep(600)
    if name.startswith("hog-"):
        hoard = bytearray(4 * 1024**3)  # more than the worker's memory budget
        del hoard
    return _real_check_document(document, settings)


noticelint.lint.check_document = _faulty_check_document
