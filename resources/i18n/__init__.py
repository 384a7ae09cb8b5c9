"""Translations: ``taizhangtong_zh_CN.ts`` (edited) and its compiled ``.qm``."""
