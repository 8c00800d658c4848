"""Writing fixes back into files whose text is not the file itself (Word documents)."""
