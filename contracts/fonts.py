"""The TrueType font contracts are set in: the pinned WenQuanYi Micro Hei by default, or one the caller names."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["DEFAULT_FONT_SHA256", "FontSpec", "default_font", "register_font"]

DEFAULT_FONT_SHA256 = "2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3"
"""SHA-256 of wqy-microhei.ttc 0.2.0-beta, byte-identical to Debian's fonts-wqy-microhei 0.2.0-beta-3.1."""

_DEFAULT_PACKAGE = "paperang_p2_fonts_cjk"
_DEFAULT_FILE = "fonts/wqy-microhei.ttc"
_lock = threading.Lock()
_registered: dict[tuple[str, int, str | None], str] = {}


@dataclass(frozen=True, slots=True)
class FontSpec:
    """A TrueType font file (.ttf, or .ttc with a subfont index) and, optionally, the SHA-256 it must have."""

    path: Path
    subfont_index: int = 0
    sha256: str | None = None


def default_font() -> FontSpec:
    """The font installed by pip with the project (WenQuanYi Micro Hei), pinned by its SHA-256."""
    path = Path(str(resources.files(_DEFAULT_PACKAGE).joinpath(_DEFAULT_FILE)))
    return FontSpec(path=path, subfont_index=0, sha256=DEFAULT_FONT_SHA256)


def _check_digest(spec: FontSpec) -> None:
    if spec.sha256 is None:
        return
    digest = hashlib.sha256(spec.path.read_bytes()).hexdigest()
    if digest != spec.sha256:
        raise ValueError(f"font {spec.path} has SHA-256 {digest}, expected {spec.sha256}; refusing to use it")


def register_font(spec: FontSpec | None = None) -> str:
    """Register the font with reportlab once per process and return its reportlab font name."""
    spec = spec or default_font()
    key = (str(spec.path.resolve()), spec.subfont_index, spec.sha256)
    with _lock:
        name = _registered.get(key)
        if name is None:
            _check_digest(spec)
            name = f"LinggongContract{len(_registered)}"
            pdfmetrics.registerFont(TTFont(name, str(spec.path), subfontIndex=spec.subfont_index))
            _registered[key] = name
    return name
