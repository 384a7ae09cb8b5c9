"""What the bundle carries comes from pyproject.toml, not from a list kept by hand."""

from __future__ import annotations

import contents


def test_the_own_packages_are_those_setuptools_finds():
    assert contents.own_packages() == ["cli", "exporters", "models", "resources", "ui"]


def test_every_dependency_but_qt_is_collected_with_all_its_modules():
    distributions = contents.dependency_distributions()
    assert {"peewee", "openpyxl", "python-docx"} <= set(distributions)
    assert not set(distributions) & contents.QT_DISTRIBUTIONS
    assert {"peewee", "openpyxl", "docx"} <= set(contents.dependency_modules())


def test_a_dependency_added_to_pyproject_reaches_the_bundle():
    config = contents.project()
    config["project"]["dependencies"] = [*config["project"]["dependencies"], "pytest>=8"]
    assert "pytest" in contents.dependency_modules(config)


def test_a_dependency_for_another_python_is_left_out():
    config = {"project": {"dependencies": ["openpyxl>=3.1; python_version < '3.0'"]}}
    assert contents.dependency_distributions(config) == []


def test_qt_is_the_essentials_only():
    dependencies = contents.project()["project"]["dependencies"]
    names = {contents._name(requirement)[0] for requirement in dependencies}
    assert "pyside6-essentials" in names
    assert not names & {"pyside6", "pyside6-addons"}


def test_only_the_chinese_of_qt_is_kept():
    assert contents.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert contents.keep_data("PySide6\\translations\\qtbase_zh_CN.qm")
    assert not contents.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not contents.keep_data("PySide6/Qt/translations/qt_zh_TW.qm")
    assert contents.keep_data("resources/i18n/taizhangtong_zh_CN.qm")


def test_system_libraries_only_qt_needs_are_left_to_the_system():
    binaries = [
        ("libpython3.11.so.1.0", "/opt/python/lib/libpython3.11.so.1.0", "BINARY"),
        ("libsqlite3.so.0", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/venv/qt/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/venv/x/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/venv/x/libqvnc.so", "BINARY"),
    ]
    imports = {"/opt/python/lib/libpython3.11.so.1.0": [("libsqlite3.so.0", binaries[1][1])]}
    kept = [entry[0] for entry in contents.linux_binaries(binaries, lambda path: imports.get(path, []))]
    assert kept == ["libpython3.11.so.1.0", "libsqlite3.so.0", "PySide6/Qt/plugins/platforms/libqxcb.so"]


def test_the_executable_is_named_for_its_platform():
    assert contents.executable_name("linux") == "taizhangtong"
    assert contents.executable_name("win32") == "taizhangtong.exe"
