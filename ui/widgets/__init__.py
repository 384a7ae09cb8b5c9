"""The pieces pages and forms are built from: field editors, the date field, drop-down choices,
the record table model, charts, the history view."""
