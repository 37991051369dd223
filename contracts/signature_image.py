"""A handwritten signature image is checked before it is relied on: a PNG that decodes, of a sensible size, with ink.

Pillow (which reportlab draws images with) decodes it; the pixel size is read from the header first, so a small file
that would inflate to gigabytes is refused before anything is decompressed.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

__all__ = ["MAX_BYTES", "MAX_SIDE", "MIN_SIDE", "signature_image_problem"]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 512 * 1024
MIN_SIDE = (40, 16)
"""Smallest width and height in pixels: anything smaller cannot hold a legible signature."""
MAX_SIDE = 4000
"""Largest width or height in pixels: a station tablet's pad is about 600 × 200."""


def signature_image_problem(png: bytes) -> str | None:
    """Why `png` cannot serve as a drawn signature (a message code), or None when it can.

    Codes: `signature_not_png`, `signature_too_large` (bytes), `signature_undecodable`, `signature_size` (pixels),
    `signature_blank` (one colour only).
    """
    if not png.startswith(PNG_MAGIC):
        return "signature_not_png"
    if len(png) > MAX_BYTES:
        return "signature_too_large"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(png), formats=["PNG"]) as image:
                width, height = image.size
                if not (MIN_SIDE[0] <= width <= MAX_SIDE and MIN_SIDE[1] <= height <= MAX_SIDE):
                    return "signature_size"
                image.load()
                extrema = image.convert("LA").getextrema()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return "signature_size"  # Pillow's own guard, from the header, before anything is decompressed
    except (OSError, SyntaxError, ValueError):
        return "signature_undecodable"
    (low, high), (alpha_low, alpha_high) = extrema  # type: ignore[misc]
    if alpha_high == 0 or (low == high and alpha_low == alpha_high):
        return "signature_blank"
    return None
