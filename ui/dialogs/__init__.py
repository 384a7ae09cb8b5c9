"""Dialogs for what goes in and out of the data file: registers, documents, rosters, backups,
packages, the change history, and the first start."""
