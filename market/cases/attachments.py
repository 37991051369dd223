"""Photos and PDFs attached to a case: checked by size and by their first bytes, stored in the data dir by hash.

A file is written before the transaction that refers to it commits; a rollback leaves at worst an unreferenced
file under its own hash (harmless, and the same bytes sent again land on it). Rows hold only the hash, type and
size, in the trail's details.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from market.core.errors import Invalid, NotFound
from market.settings import get_settings

__all__ = ["MEDIA_TYPES", "Stored", "decode", "path_of", "read", "store"]

MEDIA_TYPES = {"image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",), "application/pdf": (b"%PDF-",),
               "image/webp": (b"RIFF",)}
"""What may be attached, by the bytes a file of that type starts with (WebP also has `WEBP` at offset 8)."""


@dataclass(frozen=True)
class Stored:
    """An attachment as the trail records it."""

    sha256: str
    media_type: str
    size: int
    name: str

    def details(self) -> dict[str, str | int]:
        """For a trail event's details."""
        return {"sha256": self.sha256, "media_type": self.media_type, "size": self.size, "name": self.name}


def _media_type(content: bytes) -> str | None:
    for media_type, starts in MEDIA_TYPES.items():
        if content.startswith(starts):
            if media_type == "image/webp" and content[8:12] != b"WEBP":
                continue
            return media_type
    return None


def decode(field: str, content_base64: str) -> tuple[bytes, str]:
    """The file's bytes and media type; 400 naming `field` when it is not base64, too large or not a photo/PDF."""
    try:
        content = base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise Invalid.field(field, "attachment_not_base64") from None
    limit = get_settings().case_attachment_max_bytes
    if len(content) > limit:
        raise Invalid.field(field, "attachment_too_large", max=limit // 1024)
    media_type = _media_type(content)
    if media_type is None or not content:
        raise Invalid.field(field, "attachment_type")
    return content, media_type


def _folder() -> Path:
    return get_settings().data_dir / "case-files"


def path_of(sha256: str) -> Path:
    """Where the file with this hash lives."""
    return _folder() / sha256[:2] / sha256


def store(content: bytes, media_type: str, name: str) -> Stored:
    """Write the bytes under their hash (once) and say what was stored."""
    digest = hashlib.sha256(content).hexdigest()
    target = path_of(digest)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.part")
        temporary.write_bytes(content)
        temporary.replace(target)  # atomic: a reader sees the whole file or none
    return Stored(digest, media_type, len(content), name)


def read(sha256: str) -> bytes:
    """The stored bytes; 404 when missing (or when the name is not a hash)."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise NotFound("attachment_not_found")
    target = path_of(sha256)
    if not target.exists():
        raise NotFound("attachment_not_found")
    return target.read_bytes()
