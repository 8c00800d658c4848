"""The words users read for a severity (shared by ``full`` and ``concise``)."""

from __future__ import annotations

SEVERITY_LABEL: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
#: The other way round, for tools that read ``concise`` output back.
SEVERITY_OF_LABEL: dict[str, str] = {label: sev for sev, label in SEVERITY_LABEL.items()}
