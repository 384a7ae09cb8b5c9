"""Build 台账通 as desktop software, in one command:

    python packaging/build.py

1. draws the icons from ``resources/taizhangtong.svg`` (into ``build/icons``);
2. freezes the program with PyInstaller (``packaging/taizhangtong.spec``) into the folder
   ``dist/taizhangtong/``, which runs on a computer without Python;
3. checks the bundle: its translations, the Qt translation of the standard buttons, and its size;
4. on Linux, makes the Debian package ``dist/taizhangtong_<version>_amd64.deb``;
   on Windows, the installer ``dist/taizhangtong-<version>-setup.exe`` with Inno Setup's ISCC.

Needs the program installed with the build extra: ``python -m pip install -e ".[build]"``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT))

import contents  # noqa: E402
import icons  # noqa: E402

from models.version import VERSION  # noqa: E402

DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "taizhangtong"
ISS = HERE / "taizhangtong.iss"
MB = 1_000_000
BUDGET_UNPACKED_MB = 250
BUDGET_COMPRESSED_MB = 90
# What the bundle must carry to speak Chinese: the program's own words and Qt's (确定/取消),
# which is PySide6/Qt/translations on Linux and PySide6/translations on Windows.
REQUIRED_FILES = ("_internal/resources/i18n/taizhangtong_zh_CN.qm",
                  "_internal/resources/i18n/taizhangtong_zh_CN.ts",
                  "_internal/PySide6/**/translations/qtbase_zh_CN.qm")


class BuildError(Exception):
    """The build cannot go on; the message says why."""


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def freeze() -> None:
    written = icons.write_all(BUILD / "icons")
    say(f"icons: {len(written)} files in {(BUILD / 'icons').relative_to(ROOT)}")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(HERE / "taizhangtong.spec")], cwd=ROOT, check=True)
    say(f"frozen in {time.perf_counter() - started:.0f} s: {BUNDLE.relative_to(ROOT)}")


def unpacked_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def check_bundle() -> int:
    """The bundle's size in bytes, after checking it has what it needs; BuildError if not."""
    executable = BUNDLE / contents.executable_name()
    missing = [name for name in (executable.name, *REQUIRED_FILES) if not any(BUNDLE.glob(name))]
    if missing:
        raise BuildError(f"the bundle lacks {', '.join(missing)}")
    size = unpacked_size(BUNDLE)
    say(f"bundle: {size / MB:.1f} MB unpacked (budget {BUDGET_UNPACKED_MB} MB)")
    if size > BUDGET_UNPACKED_MB * MB:
        raise BuildError(f"the bundle is {size / MB:.0f} MB, over the budget of {BUDGET_UNPACKED_MB} MB")
    return size


def check_compressed(path: Path) -> None:
    size = path.stat().st_size
    say(f"{path.relative_to(ROOT)}: {size / MB:.1f} MB compressed (budget {BUDGET_COMPRESSED_MB} MB)")
    if size > BUDGET_COMPRESSED_MB * MB:
        raise BuildError(f"{path.name} is {size / MB:.0f} MB, over the budget of {BUDGET_COMPRESSED_MB} MB")


def debian_package(version: str) -> Path:
    import debpkg

    for tool, package in (("dpkg-deb", "dpkg"), ("objdump", "binutils"), ("ldconfig", "libc-bin")):
        if shutil.which(tool) is None:
            raise BuildError(f"{tool} is not installed (Debian package {package}): "
                             "the Debian package is built on Debian or Ubuntu")
    started = time.perf_counter()
    try:
        target = debpkg.build(BUNDLE, BUILD / "icons", BUILD / "deb", DIST, version)
    except LookupError as error:
        raise BuildError(str(error)) from None
    say(f"Debian package in {time.perf_counter() - started:.0f} s")
    return target


def inno_setup_compiler() -> str | None:
    found = shutil.which("iscc")
    for folder in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(folder or "") / "Inno Setup 6" / "ISCC.exe"
        if found is None and folder and candidate.is_file():
            found = str(candidate)
    return found


def windows_installer(version: str) -> Path:
    compiler = inno_setup_compiler()
    if compiler is None:
        raise BuildError("Inno Setup 6 (ISCC.exe) is not installed: the bundle is built, the installer not")
    subprocess.run([compiler, f"/DAppVersion={version}", f"/DBundle={BUNDLE}",
                    f"/DIcons={BUILD / 'icons'}", f"/O{DIST}", str(ISS)], check=True)
    return DIST / f"taizhangtong-{version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python packaging/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-freeze", action="store_true", help="package the bundle already in dist/")
    parser.add_argument("--no-package", action="store_true", help="the bundle only: no .deb, no installer")
    parser.add_argument("--package-version", default=VERSION,
                        help="the package's version (default: the program's; another is for trying upgrades)")
    args = parser.parse_args(argv)
    try:
        if not args.no_freeze:
            freeze()
        check_bundle()
        if args.no_package:
            return 0
        if sys.platform == "win32":
            package = windows_installer(args.package_version)
        else:
            package = debian_package(args.package_version)
        check_compressed(package)
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"[build] failed: {error}", file=sys.stderr)
        return 1
    say(f"done: {package.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
