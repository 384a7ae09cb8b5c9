"""The envelope of a package: the zip encrypted and authenticated (AES-256-GCM) under an exchange passphrase.

A ``.tzpkg`` file is a fixed header, then the ciphertext of the package's zip
(``models.packages.format``) with its 16-byte authentication tag::

    magic      8 bytes   b"\\x89TZPKG\\r\\n"
    version    2 bytes   envelope version (1), big-endian
    kdf        1 byte    1 = scrypt
    log2 n     1 byte    scrypt's cost n = 2 ** log2 n
    r          1 byte    scrypt's block size
    p          1 byte    scrypt's parallelism
    salt      16 bytes   random, one for each package
    nonce     12 bytes   random, one for each package
    ciphertext … + tag 16 bytes

The key is scrypt(passphrase, salt, n, r, p), 32 bytes. The whole header is the
associated data of AES-GCM: changing one bit of it, of the ciphertext or of the
tag makes the tag fail. Opening checks the header's form and bounds the KDF
parameters it accepts (a hostile header must not make the program spend
minutes or gigabytes), then checks the tag; only then is the zip inside read.
The whole file is held in memory: a package is at most ``MAX_FILE_BYTES``.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from models.i18n import translate
from models.packages.format import PackageError, bad

MAGIC = b"\x89TZPKG\r\n"
ENVELOPE_VERSION = 1
KDF_SCRYPT = 1
HEADER = struct.Struct(">8sHBBBB16s12s")
TAG_BYTES = 16
KEY_BYTES = 32
ZIP_MAGIC = b"PK\x03\x04"

# scrypt as this program writes it: 32 MB and about 0.05 s on an office laptop.
LOG2_N, R, P = 15, 8, 1
# …and the most it accepts from a header: 128 MB and about 4× the work of the above.
MIN_LOG2_N, MAX_LOG2_N = 10, 17
MAX_R, MAX_P = 16, 4
MAX_KDF_MEMORY = 128 * 1024 * 1024  # scrypt needs 128 · n · r bytes
MAX_KDF_WORK = 2**20  # n · r · p


@dataclass(frozen=True)
class Header:
    version: int
    kdf: int
    log2_n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes

    def pack(self) -> bytes:
        return HEADER.pack(MAGIC, self.version, self.kdf, self.log2_n, self.r, self.p, self.salt, self.nonce)

    def acceptable(self) -> bool:
        """Parameters this program derives a key with: scrypt within the bounds above."""
        n = 1 << self.log2_n
        return (self.kdf == KDF_SCRYPT and MIN_LOG2_N <= self.log2_n <= MAX_LOG2_N
                and 1 <= self.r <= MAX_R and 1 <= self.p <= MAX_P
                and 128 * n * self.r <= MAX_KDF_MEMORY and n * self.r * self.p <= MAX_KDF_WORK)


def derive(passphrase: str, header: Header) -> bytes:
    """The key of a package: scrypt of the (normalized) passphrase with the header's salt and cost."""
    kdf = Scrypt(salt=header.salt, length=KEY_BYTES, n=1 << header.log2_n, r=header.r, p=header.p)
    return kdf.derive(passphrase.encode("utf-8"))


def seal(plain: bytes | memoryview, passphrase: str) -> bytes:
    """``plain`` (a package's zip) in its envelope, under a fresh salt and nonce."""
    header = Header(ENVELOPE_VERSION, KDF_SCRYPT, LOG2_N, R, P, os.urandom(16), os.urandom(12))
    packed = header.pack()
    return packed + AESGCM(derive(passphrase, header)).encrypt(header.nonce, plain, packed)


def unseal(path: Path, data: bytes, passphrase: str) -> bytes:
    """The zip inside the envelope ``data`` read from ``path``; ``PackageError`` (one line naming the
    file) if it is empty, cut short, not a package, an old unencrypted one, of a newer envelope, asks
    for too costly a key, or fails authentication (another passphrase, damaged, altered)."""
    header = _header(path, data)
    packed = header.pack()
    try:
        ciphertext = memoryview(data)[HEADER.size:]  # no copy of the file
        return AESGCM(derive(passphrase, header)).decrypt(header.nonce, ciphertext, packed)
    except InvalidTag:
        raise bad(path, translate(
            "Packages", "it cannot be opened with this laptop's exchange passphrase: either the passphrase "
            "differs from the sender's, or the file was damaged or altered on the way. Nothing was "
            "changed.")) from None


def _header(path: Path, data: bytes) -> Header:
    if not data:
        raise bad(path, translate("Packages", "the file is empty."))
    if data.startswith(ZIP_MAGIC):
        raise bad(path, translate(
            "Packages", "it is an unencrypted package written by an older version of 台账通. Ask the "
            "sender to install this version and export the package again."))
    if len(data) < len(MAGIC) and MAGIC.startswith(data):
        raise _cut_short(path)
    if not data.startswith(MAGIC):
        raise _not_a_package(path)
    if len(data) < HEADER.size + TAG_BYTES:
        raise _cut_short(path)
    _magic, version, kdf, log2_n, r, p, salt, nonce = HEADER.unpack_from(data)
    if version > ENVELOPE_VERSION:
        raise bad(path, translate("Packages", "it was written by a newer version of 台账通 (envelope "
                                  "{version}). Please install the newer version.").format(version=version))
    if version != ENVELOPE_VERSION:
        raise _not_a_package(path)
    header = Header(version, kdf, log2_n, r, p, salt, nonce)
    if not header.acceptable():
        raise bad(path, translate("Packages", "its header asks for a key derivation this program does not "
                                  "accept; it was not written by 台账通, or it was altered."))
    return header


def _not_a_package(path: Path) -> PackageError:
    return bad(path, translate("Packages", "it is not a 台账通 data package."))


def _cut_short(path: Path) -> PackageError:
    return bad(path, translate("Packages", "the file is incomplete (cut short); ask the sender for it "
                               "again."))
