"""The command line: an interface like the window, one small function per command over the core.

Like ``models/`` and ``exporters/`` it never imports Qt (``tests/models/test_qt_free.py``).
``parser.py`` builds the argparse tree and names each command's function; ``common.py`` is the
one way a command opens its data file, refuses, and finds a campaign or village by name;
``arguments.py`` makes argparse speak the user's language. The core is imported inside the
commands, so that ``--help`` and the window load only what they use.
"""
