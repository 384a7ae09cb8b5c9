"""The data file's key: random, kept wrapped beside the file, unlocked by a password or a recovery code.

An encrypted data file (SQLCipher 4) is encrypted with a random 256-bit *data
key*, given to SQLCipher in its raw form (``PRAGMA key = "x'…'"``: no key
derivation at each connection). The data key itself is stored beside the file
in ``<file>.key`` (JSON), wrapped twice with AES-GCM: once by a key derived with
scrypt from the office's password, once by a key derived from a recovery code
shown once for printing. Changing the password rewraps the data key and leaves
the file as it is. Losing both the password and the recovery code loses the data:
nothing else can unwrap the key.

A backup is a copy of the encrypted file with a copy of its ``.key``; every key
this process has unlocked is remembered (by its ``key_id``, a hash of the key)
so that the file's backups open with it (``key_for``).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from models import files
from models.i18n import translate

KEY_SUFFIX = ".key"
FORMAT = "taizhangtong-key"
_SCRYPT = {"n": 2**16, "r": 8, "p": 1}
# A recovery code: 24 characters of an alphabet without look-alikes (0/O, 1/I/L), 120 bits, in groups of 4.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 24
MIN_LENGTH = 8

_unlocked: dict[str, bytes] = {}  # key_id → data key, for every key unlocked in this process


class KeyFileError(Exception):
    """A key file that cannot be used (missing, unreadable, of another format): the message says why."""


class WrongPassword(KeyFileError):
    """Neither the password nor the recovery code given unwraps the data key."""


@dataclass(frozen=True)
class NewKey:
    key: bytes
    recovery_code: str  # shown once, for printing


# --- the key file ------------------------------------------------------------------------------------


def key_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + KEY_SUFFIX)


def has_key_file(path: Path) -> bool:
    return key_path(path).is_file()


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"taizhangtong key id|" + key).hexdigest()[:32]


def _read(path: Path) -> dict:
    target = key_path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyFileError(translate(
            "Crypt", "{path} is encrypted, but its key file {key} is missing; without it the data cannot be "
            "read.").format(path=path, key=target)) from None
    except (OSError, ValueError) as error:
        raise KeyFileError(translate("Crypt", "The key file {key} cannot be read: {error}").format(
            key=target, error=error)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
        raise KeyFileError(translate("Crypt", "{key} is not a key file of 台账通.").format(key=target))
    return data


def _write(path: Path, data: dict) -> None:
    """Written beside, on the disk, then renamed: a key file is never half there."""
    target = key_path(path)
    partial = files.temporary_beside(target)
    try:
        partial.write_text(json.dumps(data, indent=1), encoding="utf-8")
        files.flush_to_disk(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def file_key_id(path: Path) -> str | None:
    """The key_id the key file beside ``path`` names; None when there is none (a plain file)."""
    if not has_key_file(path):
        return None
    return str(_read(path).get("key_id", ""))


def copy_key_file(source: Path, target: Path) -> None:
    """The key file of ``source`` beside ``target`` too (a backup, a restored file)."""
    _write(target, _read(source))


def remove_key_file(path: Path) -> None:
    key_path(path).unlink(missing_ok=True)


# --- wrapping ----------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(secret: str, salt: bytes, params: dict) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=int(params["n"]), r=int(params["r"]), p=int(params["p"])).derive(
        secret.encode("utf-8"))


def _wrap(key: bytes, secret: str, slot: str, identity: str) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = AESGCM(_derive(secret, salt, _SCRYPT)).encrypt(nonce, key, f"{slot}|{identity}".encode())
    return {"kdf": "scrypt", **_SCRYPT, "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(entry: dict, secret: str, slot: str, identity: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        salt, nonce = base64.b64decode(entry["salt"]), base64.b64decode(entry["nonce"])
        wrapped = base64.b64decode(entry["wrapped"])
        return AESGCM(_derive(secret, salt, entry)).decrypt(nonce, wrapped, f"{slot}|{identity}".encode())
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


# --- making, unlocking, changing ------------------------------------------------------------------------


def new_recovery_code() -> str:
    code = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_LENGTH))
    return "-".join(code[i:i + 4] for i in range(0, _CODE_LENGTH, 4))


def _normal_code(text: str) -> str | None:
    """A recovery code as typed (spaces, dashes, small letters) in its stored form; None if it is not one."""
    code = re.sub(r"[\s\-]", "", text).upper()
    if len(code) != _CODE_LENGTH or any(c not in _ALPHABET for c in code):
        return None
    return "-".join(code[i:i + 4] for i in range(0, _CODE_LENGTH, 4))


def create(path: Path, password: str, key: bytes | None = None) -> NewKey:
    """A new data key (or ``key``) wrapped by ``password`` and a new recovery code, in ``path``'s key file."""
    key = key or os.urandom(32)
    code = new_recovery_code()
    identity = key_id(key)
    _write(path, {"format": FORMAT, "version": 1, "key_id": identity,
                  "slots": {"password": _wrap(key, password, "password", identity),
                            "recovery": _wrap(key, code, "recovery", identity)}})
    remember(key)
    return NewKey(key, code)


def unlock(path: Path, secret: str) -> bytes:
    """The data key of ``path``, unwrapped by its password or its recovery code; WrongPassword else."""
    data = _read(path)
    identity = str(data.get("key_id", ""))
    code = _normal_code(secret)
    order = (("recovery", code), ("password", secret)) if code else (("password", secret),)
    for slot, value in order:
        entry = data["slots"].get(slot)
        key = _unwrap(entry, value, slot, identity) if isinstance(entry, dict) and value else None
        if key is not None and key_id(key) == identity:
            remember(key)
            return key
    raise WrongPassword(translate("Crypt", "Wrong password for {path}: neither the password nor the recovery "
                                  "code given opens it.").format(path=path))


def change_password(path: Path, old_secret: str, new_password: str) -> None:
    """The data key rewrapped by ``new_password`` (the old password or the recovery code unlocks it);
    the file itself is not touched, the recovery code stays as it was."""
    key = unlock(path, old_secret)
    data = _read(path)
    data["slots"]["password"] = _wrap(key, new_password, "password", str(data["key_id"]))
    _write(path, data)


def remember(key: bytes) -> None:
    _unlocked[key_id(key)] = key


def forget_all() -> None:
    _unlocked.clear()


def key_for(path: Path) -> bytes | None:
    """The data key of ``path`` if this process has unlocked it; None for a plain file.

    KeyFileError when the file has a key file but its key was not unlocked here.
    """
    identity = file_key_id(path)
    if identity is None:
        return None
    key = _unlocked.get(identity)
    if key is None:
        raise Locked(translate("Crypt", "{path} is encrypted with another password; give it to open the "
                               "file.").format(path=path))
    return key


class Locked(KeyFileError):
    """The file is encrypted with a key this process has not unlocked (a backup made elsewhere)."""


def pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: the data key itself, no key derivation."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


# --- a password strong enough -------------------------------------------------------------------------

_COMMON = {"12345678", "123456789", "1234567890", "87654321", "11111111", "88888888", "66666666",
           "00000000", "password", "password1", "qwertyui", "qwerty123", "abcd1234", "a1234567",
           "1qaz2wsx", "woaini1314", "abc12345", "12345678a", "iloveyou", "admin123", "taizhangtong"}


def weakness(password: str) -> str | None:
    """Why ``password`` is too weak (in the user's words); None when it will do."""
    if len(password) < MIN_LENGTH:
        return translate("Crypt", "The password must have at least {count} characters.").format(
            count=MIN_LENGTH)
    if password.lower() in _COMMON or len(set(password)) <= 2:
        return translate("Crypt", "This password is one of the first that would be tried; choose another.")
    kinds = sum((any(c.isdigit() for c in password), any(c.isalpha() and c.isascii() for c in password),
                 any(not c.isascii() for c in password),
                 any(not c.isalnum() and c.isascii() for c in password)))
    if kinds < 2 and len(password) < 12:
        return translate("Crypt", "Mix letters and digits (or use at least 12 characters).")
    if _sequence(password):
        return translate("Crypt", "The password is a run of keys or digits; choose another.")
    return None


def _sequence(password: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(password)}
    return len(steps) == 1 and steps <= {1, -1}
