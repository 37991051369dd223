"""Exhaustive tamper scan of the seal's /Contents, the only bytes of a sealed contract that no signature covers.

Changes each hex digit of the seal's CMS (both nibbles of every byte, plus the first bytes of padding) and counts
the changes ``verify_contract`` fails to notice. Run from the repository root: ``python bench/contracts_tamper_scan.py``
(about two minutes on 2 cores). Expected output: ``missed: []``.
"""

from __future__ import annotations

import io
import logging
import time

from pyhanko.pdf_utils.reader import PdfFileReader

from contracts import PartyRole, SignerKey, create_platform_ca, issue_contract, load_platform_ca, verify_contract
from contracts.examples import sample_consents, sample_terms

PASSPHRASE = b"scan-passphrase-0123456789"


def _sealed() -> tuple[bytes, bytes]:
    ca = load_platform_ca(create_platform_ca(PASSPHRASE), PASSPHRASE)
    keys = {role: SignerKey(ca.issue(role, role.value, role.value, PASSPHRASE), PASSPHRASE) for role in PartyRole}
    return issue_contract(sample_terms(), sample_consents(), keys).pdf, ca.cert_pem


def main() -> None:
    """Flip every hex digit of the seal's CMS and report the offsets whose change went unnoticed."""
    logging.disable(logging.CRITICAL)  # pyHanko logs every failed validation
    pdf, root = _sealed()
    seal = PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures[-1]
    _, start, end, _ = seal.byte_range
    digits = len(pdf[start + 1 : end - 1].rstrip(b"0")) + 8
    missed: list[int] = []
    began = time.perf_counter()
    for offset in range(digits):
        position = start + 1 + offset
        tampered = bytearray(pdf)
        tampered[position] = ord("1") if tampered[position] != ord("1") else ord("2")
        if verify_contract(bytes(tampered), [root]).valid:
            missed.append(offset)
    print(f"seal CMS: {digits // 2} bytes, {digits} hex digits changed one at a time in "
          f"{time.perf_counter() - began:.0f} s")
    print(f"missed: {missed}")


if __name__ == "__main__":
    main()
