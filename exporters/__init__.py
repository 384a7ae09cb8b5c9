"""Files that leave the laptop: Excel registers and Word documents (Qt-free)."""
