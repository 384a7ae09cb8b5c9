"""The envelope of a package: encrypted and authenticated; every damaged, foreign, cut-short, old or hostile
file refused in one line naming it, before anything inside is parsed, and nothing changed."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

from models import db, packages
from models import records as r
from models.packages import envelope, passphrase, reading
from tests import sealing
from tests.conftest import PASSPHRASE


def _dump() -> dict[str, list[tuple]]:
    tables = [model._meta.table_name for model in r.RECORD_MODELS] + ["visit_visitor", "setting"]
    return {table: r.database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            for table in tables}


@pytest.fixture
def package(village_db, tmp_path):
    path = tmp_path / "good.tzpkg"
    packages.export_package(path)
    return path


@pytest.fixture
def target(_village_template, tmp_path):
    """Another laptop keeping the same passphrase, where packages are imported."""
    path = tmp_path / "target.db"
    shutil.copy(_village_template, path)
    db.close_database()
    db.open_database(path)
    return path


def _refused(path, words: str = "") -> str:
    """Refused with one line naming the file; the zip inside never opened; the data file unchanged."""
    before = _dump()
    opened = []
    real_zip = reading.zipfile.ZipFile
    reading.zipfile.ZipFile = lambda *args, **kwargs: opened.append(args) or real_zip(*args, **kwargs)
    try:
        with pytest.raises(packages.PackageError) as caught:
            packages.apply_import(packages.plan_import(packages.read_package(path)))
    finally:
        reading.zipfile.ZipFile = real_zip
    message = str(caught.value)
    assert message.startswith(f"{path} cannot be imported: ") and "\n" not in message, message
    assert words in message
    assert opened == []
    assert _dump() == before
    return message


def test_a_package_goes_there_and_back(package, target):
    plan = packages.plan_import(packages.read_package(package))
    assert plan.changes_nothing  # the same village demo on both sides
    assert package.read_bytes().startswith(envelope.MAGIC)


def test_each_byte_of_the_header_is_authenticated(package, target, tmp_path):
    data = package.read_bytes()
    # the version, the KDF id, n, r, p, the salt, the nonce (the magic: "not a package")
    for offset in (9, 10, 11, 12, 13, 14, 20, 30, 34, 41):
        bad = tmp_path / f"header{offset}.tzpkg"
        bad.write_bytes(data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1:])
        _refused(bad)
    bad = tmp_path / "magic.tzpkg"
    bad.write_bytes(b"X" + data[1:])
    _refused(bad, "not a 台账通 data package")


def test_a_byte_of_the_ciphertext_or_the_tag_changed_is_refused(package, target, tmp_path):
    data = package.read_bytes()
    for name, offset in (("first", envelope.HEADER.size), ("middle", len(data) // 2), ("tag", len(data) - 1),
                         ("tag-start", len(data) - envelope.TAG_BYTES)):
        bad = tmp_path / f"{name}.tzpkg"
        bad.write_bytes(data[:offset] + bytes([data[offset] ^ 0x80]) + data[offset + 1:])
        message = _refused(bad, "differs from the sender's")
        assert "damaged or altered" in message


def test_a_file_cut_short_is_refused(package, target, tmp_path):
    data = package.read_bytes()
    for length in (3, envelope.HEADER.size - 1, envelope.HEADER.size + 5, len(data) * 2 // 3, len(data) - 1):
        bad = tmp_path / f"cut{length}.tzpkg"
        bad.write_bytes(data[:length])
        _refused(bad)
    short = tmp_path / "short.tzpkg"
    short.write_bytes(data[:envelope.HEADER.size + 5])
    assert "incomplete" in _refused(short)
    longer = tmp_path / "longer.tzpkg"
    longer.write_bytes(data + b"\0")
    _refused(longer, "damaged or altered")


def test_a_package_of_another_passphrase_is_refused(package, target, tmp_path):
    foreign = tmp_path / "foreign.tzpkg"
    foreign.write_bytes(envelope.seal(sealing.plain(package), "另一个乡镇的口令 8888"))
    message = _refused(foreign, "either the passphrase differs from the sender's")
    assert "Nothing was changed" in message
    with pytest.raises(packages.PackageError):
        packages.read_package(package, "另一个乡镇的口令 8888")


def test_an_old_unencrypted_package_is_refused_with_what_to_do(package, target, tmp_path):
    old = tmp_path / "old.tzpkg"
    old.write_bytes(sealing.plain(package))  # the format 2 zip as the previous version wrote it
    assert zipfile.is_zipfile(old)
    message = _refused(old, "unencrypted package written by an older version")
    assert "export the package again" in message


def test_an_empty_file_and_other_files_are_refused(target, tmp_path):
    empty = tmp_path / "empty.tzpkg"
    empty.write_bytes(b"")
    _refused(empty, "the file is empty")
    text = tmp_path / "notes.tzpkg"
    text.write_text("会议记录", encoding="utf-8")
    _refused(text, "not a 台账通 data package")
    _refused(target, "not a 台账通 data package")  # a data file is not a package


def _with_header(data: bytes, **changes) -> bytes:
    header = envelope.Header(*envelope.HEADER.unpack_from(data)[1:])
    values = {**header.__dict__, **changes}
    return envelope.Header(**values).pack() + data[envelope.HEADER.size:]


@pytest.mark.parametrize("changes", [{"log2_n": 40}, {"log2_n": 18}, {"log2_n": 17, "r": 16},
                                     {"r": 255, "p": 255}, {"p": 5}, {"kdf": 2}, {"log2_n": 0}])
def test_a_hostile_header_costs_nothing(package, target, tmp_path, monkeypatch, changes):
    bad = tmp_path / "hostile.tzpkg"
    bad.write_bytes(_with_header(package.read_bytes(), **changes))
    derived = []
    monkeypatch.setattr(envelope, "derive", lambda *args: derived.append(args) or b"\0" * 32)
    _refused(bad, "asks for a key derivation this program does not accept")
    assert derived == []


def test_a_header_of_a_newer_envelope_asks_for_the_newer_version(package, target, tmp_path):
    newer = tmp_path / "newer.tzpkg"
    newer.write_bytes(_with_header(package.read_bytes(), version=envelope.ENVELOPE_VERSION + 1))
    _refused(newer, "newer version")


def test_the_bounds_take_what_this_program_writes():
    header = envelope.Header(1, envelope.KDF_SCRYPT, envelope.LOG2_N, envelope.R, envelope.P, b"s" * 16,
                             b"n" * 12)
    assert header.acceptable()
    assert envelope.Header(1, 1, envelope.MAX_LOG2_N, 8, 1, b"s" * 16, b"n" * 12).acceptable()
    assert not envelope.Header(1, 1, envelope.MAX_LOG2_N, 8, 2, b"s" * 16, b"n" * 12).acceptable()


def test_every_package_has_its_own_salt_and_nonce(package, village_db, tmp_path):
    again = tmp_path / "again.tzpkg"
    packages.export_package(again)
    first, second = (envelope.HEADER.unpack_from(path.read_bytes()) for path in (package, again))
    assert first[6] != second[6] and first[7] != second[7]


def test_the_package_holds_no_id_number_or_phone_in_clear(township_db, tmp_path):
    numbers = {n for (n,) in r.Household.select(r.Household.id_number).tuples() if n}
    phones_of_people = {p for (p,) in r.Person.select(r.Person.phone).tuples() if p}
    phones = {p for (p,) in r.Household.select(r.Household.phone).tuples() if p} | phones_of_people
    assert len(numbers) > 10_000 and len(phones) > 10_000
    path = tmp_path / "township.tzpkg"
    packages.export_package(path)
    data = path.read_bytes()
    names = {n for (n,) in r.Household.select(r.Household.head_name).limit(200).tuples()}
    assert not [text for text in numbers | phones | names if text.encode("utf-8") in data]
    assert not [text for text in list(numbers)[:500] if text.encode("utf-16-le") in data]
    assert [p for p in tmp_path.iterdir() if "tzpkg" in p.name] == [path]  # no clear temporary left
    inside = zipfile.ZipFile(io.BytesIO(sealing.plain(path))).read("household.jsonl")
    assert any(number.encode() in inside for number in list(numbers)[:50])  # they are there, sealed


def test_without_a_passphrase_no_package_is_written_or_read(package, empty_db, tmp_path):
    db.close_database()
    db.open_database(tmp_path / "blank.db")
    out = tmp_path / "out.tzpkg"
    with pytest.raises(packages.NoPassphrase):
        packages.export_package(out)
    assert not out.exists()
    with pytest.raises(packages.NoPassphrase):
        packages.read_package(package)
    assert packages.read_package(package, PASSPHRASE).manifest.unit_name  # given, it reads


def test_the_passphrase_is_kept_normalized_and_not_too_short(empty_db):
    with pytest.raises(ValueError, match="at least 8"):
        passphrase.keep("1234567")
    passphrase.keep("  ＡＢＣ交换口令１２３ ")  # full-width letters and digits, spaces about it
    assert passphrase.kept() == "ABC交换口令123"
    assert passphrase.required() == passphrase.required("ABC交换口令123 ")
    with pytest.raises(packages.PackageError, match="at least 8"):
        passphrase.required("short")


def test_the_strength_hint():
    assert passphrase.strength("1234")[0] == 0
    assert passphrase.strength("12345678")[0] == passphrase.WEAK
    assert passphrase.strength("aaaaaaaaaaaa")[0] == passphrase.WEAK
    assert passphrase.strength("longpass2026")[0] == passphrase.FAIR
    assert passphrase.strength("龙潭村长坪镇交换口令")[0] == passphrase.STRONG
    assert passphrase.strength("Tz-2026-长坪")[0] == passphrase.STRONG
