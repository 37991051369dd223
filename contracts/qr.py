"""The contract's QR code as an SVG image, for screens and print sheets (the PDF draws the same code itself)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

import qrcode
from qrcode.constants import ERROR_CORRECT_M

__all__ = ["qr_svg"]

QUIET_ZONE = 4
"""Light modules around the code, as the QR standard asks, so readers find its edges on any background."""


def qr_svg(data: str, label: str = "") -> str:
    """A QR code of `data` as a standalone SVG (black squares on white, one path, scalable); `label` is its
    accessible name."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=2)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) + 2 * QUIET_ZONE
    runs = []
    for y, row in enumerate(matrix):
        start = None
        for x, dark in enumerate([*row, False]):
            if dark and start is None:
                start = x
            elif not dark and start is not None:
                runs.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
                start = None
    title = f"<title>{escape(label)}</title>" if label else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" '
            f'role="img" aria-label={quoteattr(label)}>{title}<rect width="{size}" height="{size}" fill="#fff"/>'
            f'<path fill="#000" d="{"".join(runs)}"/></svg>')
