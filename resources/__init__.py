"""Files shipped with the program, read through ``importlib.resources``."""
