"""The desktop window of 台账通 (PySide6)."""
