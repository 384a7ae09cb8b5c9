"""How the user starts the program, as the command line's messages name it."""

from __future__ import annotations

import sys

# The frozen bundle's command, or the source tree's.
PROGRAM = "taizhangtong" if getattr(sys, "frozen", False) else "python main.py"
