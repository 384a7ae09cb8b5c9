"""The Windows recipe cannot run here; what can be checked on Linux is checked."""

from __future__ import annotations

import re

import icons

from tests.packaging.conftest import PACKAGING, ROOT, load_script

build = load_script("build")

ISS = PACKAGING / "taizhangtong.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def iss_text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def setting(name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", iss_text(), re.MULTILINE)
    assert match, name
    return match.group(1).strip()


def test_the_script_is_utf8_with_a_byte_order_mark_so_iscc_reads_its_chinese():
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "台账通" in iss_text()


def test_a_chinese_installer_for_the_user_without_administrator():
    assert setting("PrivilegesRequired") == "lowest"
    assert setting("DefaultDirName") == r"{autopf}\Taizhangtong"  # %LOCALAPPDATA%\Programs when per user
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in iss_text()
    assert setting("AppVersion") == "{#AppVersion}"  # passed by build.py from models/version.py
    assert setting("OutputBaseFilename") == "taizhangtong-{#AppVersion}-setup"


def test_start_menu_and_desktop_shortcuts_start_the_windowed_program():
    shortcuts = re.findall(r'^Name: "(\{auto(?:programs|desktop)\})\\台账通"; Filename: "\{app\}\\(\S+?)"',
                           iss_text(), re.MULTILINE)
    assert shortcuts == [("{autoprograms}", "taizhangtong.exe"), ("{autodesktop}", "taizhangtong.exe")]


def test_uninstalling_never_names_the_data_folder():
    assert "[UninstallDelete]" not in iss_text()
    assert "{localappdata}" not in iss_text().lower()


def test_the_files_it_takes_are_those_the_build_makes():
    defaults = dict(re.findall(r'#define (\w+) "([^"]+)"', iss_text()))
    assert (PACKAGING / defaults["Bundle"].replace("\\", "/")).resolve() == build.BUNDLE
    assert (PACKAGING / defaults["Icons"].replace("\\", "/")).resolve() == build.BUILD / "icons"
    assert "{#Icons}\\" + f"{icons.NAME}.ico" in iss_text()
    assert 'Source: "{#Bundle}\\*"' in iss_text()


def test_the_workflow_builds_with_the_shared_spec_and_checks_the_installed_program():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "python packaging/build.py" in text
    assert "--smoke" in text and "/CURRENTUSER" in text and "unins000.exe" in text
    spec = (PACKAGING / "taizhangtong.spec").read_text(encoding="utf-8")
    assert "taizhangtong-cli" in spec  # the console launcher the workflow runs
    assert len(list(PACKAGING.glob("*.spec"))) == 1  # one spec for Linux and Windows


def test_the_readme_names_the_files_of_this_version():
    from models.version import VERSION

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"taizhangtong[_-](\d[\w.+~]*?)(?:_amd64\.deb|-setup\.exe)", readme)
    assert named and set(named) == {VERSION}
