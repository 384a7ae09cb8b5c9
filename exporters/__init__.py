"""Files that leave the laptop: Excel registers and Word documents (Qt-free)."""


class ExportError(Exception):
    """A file could not be written; the message names it, in the user's language."""
