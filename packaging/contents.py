"""What the frozen bundle carries, read from pyproject.toml so that it cannot fall behind it.

- The program's own packages: those ``[tool.setuptools.packages.find] include`` names.
- Every module, data file and library of each distribution in ``[project] dependencies``
  (PyInstaller's ``collect_all``), found through the installed distribution's own list of
  files: a dependency added to pyproject.toml reaches the bundle with the next build,
  with no list here to keep. Qt is left to PyInstaller's own PySide6 hooks, which take the
  Qt modules the program imports and their plugins.
- Qt's translations cut to the languages the program speaks, and Qt's plugins to those a
  desktop uses (no GTK theme, framebuffer, VNC, touch-screen or network plugins).
- On Linux, of the system's own libraries only those Python's runtime links (libssl, libsqlite3,
  libffi …): the desktop's libraries that Qt's window needs (X11, xcb, xkbcommon, fontconfig,
  glib, dbus …) come from the system, matching its X server and input methods, and are named
  in the Debian package's Depends (``packaging/linux-depends.txt``; the build checks them).
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"

# PyInstaller's PySide6 hooks collect Qt by what is imported; collect_all would take all of it.
QT_DISTRIBUTIONS = frozenset({"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"})

# Standard-library and build-time modules the running program never imports.
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "turtledemo", "idlelib", "pydoc", "pydoc_data", "doctest", "lib2to3",
    "unittest", "test", "distutils", "setuptools", "pkg_resources", "pip", "ensurepip", "venv",
    "pytest", "_pytest", "pytestqt", "mypy", "ruff", "PyInstaller",
)

QT_LANGUAGES = ("zh_CN",)  # the translations of Qt's own words the program loads
_QT_TRANSLATION = re.compile(
    r"(?:^|[/\\])translations[/\\]\w+?_(?P<language>[a-z]{2,3}(?:_[A-Z][A-Za-z]+)?)\.qm$")


def project() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def own_packages(config: dict | None = None) -> list[str]:
    """The program's top-level packages, as setuptools finds them for a wheel."""
    config = config or project()
    patterns = config["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted({pattern.rstrip("*").rstrip(".") for pattern in patterns})


def _name(requirement: str) -> tuple[str, str]:
    """(normalised distribution name, environment marker or "") of a requirement string."""
    spec, _, marker = requirement.partition(";")
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    if name is None:
        raise ValueError(f"cannot read the requirement {requirement!r} in {PYPROJECT.name}")
    return re.sub(r"[-_.]+", "-", name.group(1)).lower(), marker.strip()


def _applies(marker: str) -> bool:
    if not marker:
        return True
    from packaging.markers import Marker  # PyInstaller requires packaging, so it is there when building

    return Marker(marker).evaluate()


def dependency_distributions(config: dict | None = None) -> list[str]:
    """The distributions of ``[project] dependencies`` that apply here, Qt's left out."""
    config = config or project()
    names = []
    for requirement in config["project"]["dependencies"]:
        name, marker = _name(requirement)
        if name not in QT_DISTRIBUTIONS and _applies(marker) and name not in names:
            names.append(name)
    return names


def top_level_modules(distribution: str) -> list[str]:
    """The importable top-level names an installed distribution provides."""
    wanted = re.sub(r"[-_.]+", "-", distribution).lower()
    found = sorted(module for module, owners in metadata.packages_distributions().items()
                   if wanted in {re.sub(r"[-_.]+", "-", owner).lower() for owner in owners}
                   and module.isidentifier())
    if not found:
        raise LookupError(f"{distribution} (a dependency in {PYPROJECT.name}) is not installed: "
                          f"run  python -m pip install -e .  first")
    return found


def dependency_modules(config: dict | None = None) -> list[str]:
    """Every top-level module that the dependencies of pyproject.toml install."""
    return [module for distribution in dependency_distributions(config)
            for module in top_level_modules(distribution)]


# Qt plugins (by their place in the bundle) that no desktop of an office needs.
DROPPED_QT_PLUGINS = re.compile(
    r"plugins/(platformthemes/libqgtk3|platforms/libq(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)"
    r"|egldeviceintegrations/|generic/|networkinformation/|tls/)"
    r"|Qt/lib/libQt6(EglFSDeviceIntegration|EglFsKmsSupport|Network)\.")
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
# Python modules that PyInstaller's PySide6 hooks would add though the program imports none of them.
UNUSED_QT_MODULES = ("PySide6.QtNetwork", "PySide6.QtDBus")


def keep_data(destination: str) -> bool:
    """False for Qt's translations of languages the program does not speak."""
    match = _QT_TRANSLATION.search(destination)
    return match is None or match.group("language") in QT_LANGUAGES


def executable_name(platform: str = sys.platform) -> str:
    return "taizhangtong.exe" if platform == "win32" else "taizhangtong"


def _is_qt(destination: str) -> bool:
    return destination.replace("\\", "/").startswith(("PySide6/", "shiboken6/"))


def _is_system(source: str) -> bool:
    return source.startswith(SYSTEM_LIBRARY_DIRS)


def linux_binaries(binaries: list, imports) -> list:
    """PyInstaller's binaries (destination, source, kind) less the unused Qt plugins and the
    system libraries that only Qt needs. ``imports(path)`` lists a binary's (name, path) imports."""
    binaries = [entry for entry in binaries if not DROPPED_QT_PLUGINS.search(entry[0].replace("\\", "/"))]
    runtime: set[str] = set()
    for destination, source, _kind in binaries:
        if not _is_qt(destination) and not _is_system(source):  # libpython, lib-dynload, lxml …
            runtime.update(Path(path).name for _name, path in imports(source) if path)
    return [entry for entry in binaries
            if not _is_system(entry[1]) or Path(entry[0]).name in runtime]
