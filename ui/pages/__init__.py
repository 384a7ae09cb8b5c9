"""The pages of the window, one module per navigation entry (settings is a package of tabs)."""
