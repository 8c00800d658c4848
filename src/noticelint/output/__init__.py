"""Output formats of ``check``: one module per format."""

FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github", "junit")
