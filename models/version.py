"""The program's version: the one number pyproject.toml, the command line, the frozen
bundle, the Debian package and the Windows installer all read (never written twice)."""

VERSION = "0.1.0"
