"""The Debian package of the bundle, for Debian 12 and the UOS and Kylin desktops built on
Debian or Ubuntu: ``dist/taizhangtong_<version>_amd64.deb``.

It installs the bundle under ``/opt/taizhangtong``, the command ``/usr/bin/taizhangtong``,
the menu entry and the icon in each size. It has no maintainer scripts: the menu and the icon
cache are refreshed by the desktop's own dpkg triggers, and nothing is done to the user's
data folder (``~/.local/share/taizhangtong``), which removing the package leaves as it is.
Built with ``dpkg-deb --root-owner-group``; no debhelper.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "taizhangtong"
PREFIX = Path("/opt") / PACKAGE
DEPENDS_FILE = HERE / "linux-depends.txt"
DESKTOP_FILE = HERE / "taizhangtong.desktop"
LAUNCHER_FILE = HERE / "taizhangtong.sh"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
LIBC = "libc6"  # its libraries (libc, libm, libdl …) are asked for by version, not by name
RECOMMENDS = "fonts-wqy-microhei | fonts-noto-cjk"  # a Chinese font, where the desktop has none
MAINTAINER = "台账通 <taizhangtong@users.invalid>"
DESCRIPTION = """\
ledgers of a village or township campaign, recorded once
 台账通 keeps the ledgers (台账) of a campaign in one local SQLite file: study
 sessions with attendance, household visits, suggestions, rectification and
 publicity; it prints the Excel registers and Word documents made from them.
 Offline; the interface is in Simplified Chinese."""


def depends_list(path: Path = DEPENDS_FILE) -> list[str]:
    """The packages of ``linux-depends.txt``, in its order."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def elf_files(bundle: Path) -> list[Path]:
    """The executables and shared libraries of the bundle (symbolic links left out)."""
    return sorted(path for path in bundle.rglob("*")
                  if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF")


def glibc_needed(bundle: Path) -> str:
    """The newest glibc symbol version any binary of the bundle asks for, e.g. ``2.35``."""
    versions = {tuple(int(part) for part in match.split(b".")) for path in elf_files(bundle)
                for match in re.findall(rb"GLIBC_(2\.[0-9]+(?:\.[0-9]+)?)\x00", path.read_bytes())}
    return ".".join(str(part) for part in max(versions))


def needed(path: Path) -> list[str]:
    """The libraries a binary names as NEEDED (its direct dependencies, as dpkg-shlibdeps reads them)."""
    result = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True)
    return [line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("NEEDED")]


def _system_cache() -> dict[str, str]:
    """Library name → path, for this system's 64-bit libraries (``ldconfig -p``)."""
    result = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True)
    cache: dict[str, str] = {}
    for line in result.stdout.splitlines():
        name, arrow, path = line.strip().partition(" => ")
        if arrow and "x86-64" in name:
            cache.setdefault(name.split(" (")[0], path.strip())
    return cache


def system_libraries(bundle: Path) -> dict[str, str]:
    """Library name → where this system has it, for each library the bundle needs from outside:
    what its binaries name that the bundle does not carry (the executable's own needs always
    come from the system: they are loaded before the bundle's folder is known).

    Raises ``LookupError`` naming each library that is found neither in the bundle nor here.
    """
    carried = {path.name for path in bundle.rglob("*.so*")}
    cache = _system_cache()
    found: dict[str, str] = {}
    missing: dict[str, list[str]] = {}
    for path in elf_files(bundle):
        for name in needed(path):
            if name in carried and path.parent != bundle:
                continue
            if name in cache:
                found[name] = cache[name]
            else:
                missing.setdefault(name, []).append(path.relative_to(bundle).as_posix())
    if missing:
        said = [f"{name} (for {users[0]}" + (f" and {len(users) - 1} more)" if users[1:] else ")")
                for name, users in sorted(missing.items())]
        raise LookupError("libraries found neither in the bundle nor on this system (install the packages "
                          f"of {DEPENDS_FILE.name} first): " + "; ".join(said))
    return found


def owner(path: str) -> str:
    """The Debian package that installed ``path`` (tried as given, resolved, and with /usr merged)."""
    real = os.path.realpath(path)
    candidates = dict.fromkeys([path, real, *(p.removeprefix("/usr") for p in (path, real)),
                                *("/usr" + p for p in (path, real) if not p.startswith("/usr/"))])
    for candidate in candidates:
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    raise LookupError(f"no Debian package owns {path}")


def needed_packages(bundle: Path) -> dict[str, list[str]]:
    """Package → the libraries the bundle needs from it (libc6 left out: it is asked for by version)."""
    wanted: dict[str, list[str]] = {}
    for name, path in sorted(system_libraries(bundle).items()):
        package = owner(path)
        if package != LIBC:
            wanted.setdefault(package, []).append(name)
    return wanted


def depends_problems(needed: dict[str, list[str]], declared: list[str]) -> tuple[list[str], list[str]]:
    """The declared Depends against the bundle: (packages needed but missing, packages listed but not
    needed by this build). A missing one fails the build; an extra one is harmless (a build machine whose
    PyInstaller carries, say, libgcc_s in the bundle needs one package less) and is only reported."""
    missing = [f"{package} ({', '.join(names)}) is needed but missing"
               for package, names in sorted(needed.items()) if package not in declared]
    extra = [f"{package} is listed but not needed by this build"
             for package in declared if package not in needed]
    return missing, extra


def control(version: str, installed_kib: int, libc_version: str, depends: list[str]) -> str:
    fields = {
        "Package": PACKAGE, "Version": version, "Architecture": "amd64",
        "Maintainer": MAINTAINER, "Installed-Size": str(installed_kib),
        "Depends": ", ".join([f"{LIBC} (>= {libc_version})", *depends]),
        "Recommends": RECOMMENDS, "Section": "misc", "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _copy(source: Path, target: Path, mode: int) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _normalise(root: Path) -> None:
    """Folders 0755, executables 0755, everything else 0644 (wheels ship odd modes)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def stage(bundle: Path, icons: Path, root: Path) -> None:
    """Lay out the installed files of the package under ``root``."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / PREFIX.relative_to("/"), symlinks=True)
    _copy(LAUNCHER_FILE, root / "usr/bin" / PACKAGE, 0o755)
    _copy(DESKTOP_FILE, root / "usr/share/applications" / f"{PACKAGE}.desktop", 0o644)
    hicolor = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        _copy(icons / f"{PACKAGE}-{size}.png", hicolor / f"{size}x{size}/apps/{PACKAGE}.png", 0o644)
    _copy(icons / f"{PACKAGE}.svg", hicolor / f"scalable/apps/{PACKAGE}.svg", 0o644)
    _normalise(root)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            digest = hashlib.md5(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def _installed_kib(root: Path) -> int:
    total = sum(path.lstat().st_size for path in root.rglob("*") if not path.is_dir())
    return (total + 1023) // 1024


def build(bundle: Path, icons: Path, work: Path, out_dir: Path, version: str) -> Path:
    """Check the Depends against the bundle, stage the files and write the .deb; its path."""
    declared = depends_list()
    missing, extra = depends_problems(needed_packages(bundle), declared)
    if missing:
        raise LookupError(f"the packages of {DEPENDS_FILE.name} (and the README's list) do not cover what "
                          "the bundle needs from the system: " + "; ".join(missing))
    for note in extra:
        print(f"[build] note: {DEPENDS_FILE.name}: {note}", file=sys.stderr)
    root = work / "root"
    stage(bundle, icons, root)
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "md5sums").write_text(_md5sums(root), encoding="utf-8")
    (debian / "control").write_text(
        control(version, _installed_kib(root), glibc_needed(bundle), declared), encoding="utf-8")
    _normalise(debian)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_amd64.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", "-Zxz", "-z1", str(root), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target
