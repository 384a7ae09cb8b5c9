"""The Debian package: its control file, its files, its menu entry and its command."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import debpkg
import pytest

from tests.packaging.conftest import ROOT


def fake_bundle(folder: Path) -> Path:
    bundle = folder / "taizhangtong"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "taizhangtong").write_bytes(b"\x7fELF" + b"\x00" * 12 + b"GLIBC_2.17\x00GLIBC_2.34\x00")
    (bundle / "taizhangtong").chmod(0o700)
    (bundle / "_internal" / "libx.so.1").write_bytes(b"\x7fELF" + b"GLIBC_2.9\x00GLIBC_PRIVATE\x00")
    (bundle / "_internal" / "words.ts").write_text("<TS/>", encoding="utf-8")
    (bundle / "_internal" / "words.ts").chmod(0o600)
    return bundle


def fake_icons(folder: Path) -> Path:
    icons = folder / "icons"
    icons.mkdir()
    for size in debpkg.ICON_SIZES:
        (icons / f"taizhangtong-{size}.png").write_bytes(b"png")
    (icons / "taizhangtong.svg").write_bytes(b"<svg/>")
    return icons


def test_the_control_file_asks_for_glibc_and_every_listed_library():
    text = debpkg.control("1.2.3", 150_000, "2.35", debpkg.depends_list())
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "taizhangtong"
    assert fields["Version"] == "1.2.3"
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "150000"
    depends = fields["Depends"].split(", ")
    assert depends[0] == "libc6 (>= 2.35)"
    for library in ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1",
                    "libfontconfig1", "libdbus-1-3"):
        assert library in depends
    assert text.endswith("\n") and "\n\n" not in text


def test_the_readme_names_the_same_libraries_as_the_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("sudo apt-get install"))
    assert line.split()[3:] == debpkg.depends_list()


def test_the_glibc_needed_is_the_newest_version_any_binary_names(tmp_path):
    assert debpkg.glibc_needed(fake_bundle(tmp_path)) == "2.34"


def test_the_package_installs_under_opt_with_a_command_a_menu_entry_and_icons(tmp_path):
    root = tmp_path / "root"
    debpkg.stage(fake_bundle(tmp_path), fake_icons(tmp_path), root)
    assert (root / "opt/taizhangtong/taizhangtong").stat().st_mode & 0o777 == 0o755
    assert (root / "opt/taizhangtong/_internal/words.ts").stat().st_mode & 0o777 == 0o644
    command = root / "usr/bin/taizhangtong"
    assert command.stat().st_mode & 0o777 == 0o755
    assert "exec /opt/taizhangtong/taizhangtong \"$@\"" in command.read_text(encoding="utf-8")
    assert (root / "usr/share/applications/taizhangtong.desktop").is_file()
    for size in debpkg.ICON_SIZES:
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/taizhangtong.png").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/taizhangtong.svg").is_file()
    assert not (root / "home").exists() and not (root / "DEBIAN").exists()  # no maintainer scripts
    sums = debpkg._md5sums(root).splitlines()
    assert any(line.endswith("  usr/bin/taizhangtong") for line in sums)


def test_the_menu_entry_names_the_program_in_chinese():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(debpkg.DESKTOP_FILE, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Type"] == "Application"
    assert fields["Name[zh_CN]"] == "台账通"
    assert fields["Exec"] == "taizhangtong"
    assert fields["Icon"] == "taizhangtong"
    assert fields["Terminal"] == "false"
    assert "Office" in fields["Categories"].split(";")
    assert fields["StartupWMClass"] == "taizhangtong"  # the window is matched to its entry


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_menu_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(debpkg.DESKTOP_FILE)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.parametrize(("asked", "given"), [("fcitx", "ibus"), ("fcitx5", "ibus"), ("ibus", "ibus"),
                                              ("", "")])
def test_the_command_points_a_fcitx_session_at_its_ibus_side(tmp_path, asked, given):
    script = debpkg.LAUNCHER_FILE.read_text(encoding="utf-8").replace(
        'exec /opt/taizhangtong/taizhangtong "$@"', 'printf "%s" "${QT_IM_MODULE:-}"')
    env = {**os.environ, "QT_IM_MODULE": asked}
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=env, check=True)
    assert result.stdout == given


def test_the_libraries_are_told_by_the_packages_that_own_them(monkeypatch, tmp_path):
    monkeypatch.setattr(debpkg, "system_libraries", lambda bundle: {
        "libc.so.6": "/lib/x86_64-linux-gnu/libc.so.6", "libxcb-cursor.so.0": "/lib/libxcb-cursor.so.0",
        "libnew.so.1": "/lib/libnew.so.1"})
    owners = {"/lib/x86_64-linux-gnu/libc.so.6": "libc6", "/lib/libxcb-cursor.so.0": "libxcb-cursor0",
              "/lib/libnew.so.1": "libnew1"}
    monkeypatch.setattr(debpkg, "owner", owners.__getitem__)
    assert debpkg.needed_packages(tmp_path) == {"libxcb-cursor0": ["libxcb-cursor.so.0"],
                                                "libnew1": ["libnew.so.1"]}


def test_a_package_missing_from_the_list_or_no_longer_needed_is_named():
    missing, extra = debpkg.depends_problems(
        {"libxcb-cursor0": ["libxcb-cursor.so.0"], "libnew1": ["libnew.so.1"]}, ["libxcb-cursor0", "libold1"])
    assert missing == ["libnew1 (libnew.so.1) is needed but missing"]
    assert extra == ["libold1 is listed but not needed by this build"]
