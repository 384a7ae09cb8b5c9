"""The records of 台账通 and everything that works on them without a screen.

Nothing in this package imports Qt: the command line, the exporters and the
tests use it as it is, and ``tests/models/test_qt_free.py`` keeps it so.
"""
