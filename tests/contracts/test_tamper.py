"""Tampering with a sealed contract is found, with a reason: flipped bytes, a foreign re-signature, a stripped seal,
extra bytes, an incremental edit. pyHanko's own validator is consulted alongside our verifier."""

from __future__ import annotations

import io
import random

import pytest
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from contracts import IssuedContract, PartyRole, PlatformCA, SignerKey, create_platform_ca, load_platform_ca
from contracts.signing import sign_pdf
from contracts.verify import verify_contract

FOREIGN_PASSPHRASE = b"foreign-passphrase-0123456789"


def _codes(pdf: bytes, roots: list[bytes]) -> set[str]:
    result = verify_contract(pdf, roots)
    assert not result.valid
    assert result.problems
    return {p.code for p in result.problems}


def _pyhanko_accepts(pdf: bytes, platform_ca: PlatformCA, expected: int = 3) -> bool:
    """True only if pyHanko alone finds `expected` signatures, all valid and trusted, the last covering the file."""
    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_regular_signatures
        context = ValidationContext(trust_roots=list(load_certs_from_pemder_data(platform_ca.cert_pem)))
        statuses = [validate_pdf_signature(sig, context) for sig in signatures]
    except Exception:  # pyHanko refusing the file counts as detection
        return False
    return (len(statuses) == expected and all(s.bottom_line for s in statuses)
            and statuses[-1].coverage == SignatureCoverageLevel.ENTIRE_FILE)


def _seal_contents_span(pdf: bytes) -> tuple[int, int]:
    seal = PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures[-1]
    _, start, end, _ = seal.byte_range
    return start, end


def test_random_byte_flips_anywhere_are_detected(sealed: IssuedContract, roots: list[bytes],
                                                 platform_ca: PlatformCA) -> None:
    rng = random.Random(20261124)
    start, end = _seal_contents_span(sealed.pdf)
    for _ in range(60):
        position = rng.randrange(len(sealed.pdf))
        tampered = bytearray(sealed.pdf)
        tampered[position] ^= rng.randrange(1, 256)
        _codes(bytes(tampered), roots)
        if not start <= position < end:  # the seal's own /Contents is the one span no signature covers
            assert not _pyhanko_accepts(bytes(tampered), platform_ca), position


def test_flips_inside_the_seal_contents_are_detected(sealed: IssuedContract, roots: list[bytes]) -> None:
    rng = random.Random(7)
    start, end = _seal_contents_span(sealed.pdf)
    for _ in range(60):
        position = rng.randrange(start, end)
        tampered = bytearray(sealed.pdf)
        tampered[position] = rng.choice([c for c in b"0123456789ABCDEFabcdef<> " if c != tampered[position]])
        codes = _codes(bytes(tampered), roots)
        assert codes & {"bad_signature", "modified_after_sealing", "unreadable"}, (position, codes)


def test_blanked_seal_is_a_bad_signature(sealed: IssuedContract, roots: list[bytes], platform_ca: PlatformCA) -> None:
    start, end = _seal_contents_span(sealed.pdf)
    blanked = sealed.pdf[:start + 1] + b"0" * (end - start - 2) + sealed.pdf[end - 1:]
    assert _codes(blanked, roots) & {"bad_signature", "unreadable"}
    assert not _pyhanko_accepts(blanked, platform_ca)


@pytest.fixture(scope="module")
def foreign_platform_key() -> SignerKey:
    foreign = load_platform_ca(create_platform_ca(FOREIGN_PASSPHRASE), FOREIGN_PASSPHRASE)
    credential = foreign.issue(PartyRole.PLATFORM, "厦门市零工市场服务平台", "platform-seal", FOREIGN_PASSPHRASE)
    return SignerKey(credential, FOREIGN_PASSPHRASE)


def _employer_revision(pdf: bytes) -> bytes:
    employer = PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures[1]
    _, _, second_start, second_length = employer.byte_range
    return pdf[: second_start + second_length]


def test_resealed_with_a_foreign_key_is_untrusted(sealed: IssuedContract, roots: list[bytes],
                                                  platform_ca: PlatformCA, foreign_platform_key: SignerKey) -> None:
    reason = "平台电子签章 platform seal; role=platform; contract=LG-20261124-000123; audit-head=" + "0" * 64
    forged = sign_pdf(_employer_revision(sealed.pdf), PartyRole.PLATFORM, foreign_platform_key, reason=reason,
                      name="厦门市零工市场服务平台")
    codes = _codes(forged, roots)
    assert codes == {"untrusted_chain"}
    assert not _pyhanko_accepts(forged, platform_ca)


def test_an_extra_foreign_signature_is_refused(sealed: IssuedContract, roots: list[bytes],
                                               platform_ca: PlatformCA, foreign_platform_key: SignerKey) -> None:
    from pyhanko.sign import fields, signers

    from contracts.signing import _signer

    metadata = signers.PdfSignatureMetadata(field_name="Extra", subfilter=fields.SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(sealed.pdf))
    forged = signers.PdfSigner(metadata, _signer(foreign_platform_key)).sign_pdf(writer).getvalue()
    codes = _codes(forged, roots)
    assert {"unexpected_signature", "untrusted_chain", "modified_after_sealing"} <= codes
    assert not _pyhanko_accepts(forged, platform_ca, expected=4)


def test_stripped_seal_is_a_missing_signature(sealed: IssuedContract, roots: list[bytes],
                                              platform_ca: PlatformCA) -> None:
    stripped = _employer_revision(sealed.pdf)
    assert _codes(stripped, roots) == {"missing_signature"}
    assert not _pyhanko_accepts(stripped, platform_ca)


def test_seal_field_removed_by_an_incremental_update(sealed: IssuedContract, roots: list[bytes],
                                                     platform_ca: PlatformCA) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(sealed.pdf))
    acroform = writer.root["/AcroForm"]
    kept = [ref for ref in acroform["/Fields"] if ref.get_object().get("/T") != "LinggongPlatformSeal"]
    acroform["/Fields"] = generic.ArrayObject(kept)
    writer.update_container(acroform)
    buffer = io.BytesIO()
    writer.write(buffer)
    codes = _codes(buffer.getvalue(), roots)
    assert "missing_signature" in codes
    assert not _pyhanko_accepts(buffer.getvalue(), platform_ca)


def test_an_incremental_edit_after_sealing_is_found(sealed: IssuedContract, roots: list[bytes],
                                                    platform_ca: PlatformCA) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(sealed.pdf))
    writer.set_info(generic.DictionaryObject({generic.NameObject("/Subject"): generic.TextStringObject("LG-9")}))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "modified_after_sealing" in _codes(buffer.getvalue(), roots)
    assert not _pyhanko_accepts(buffer.getvalue(), platform_ca)


def test_bytes_appended_after_the_end_are_found(sealed: IssuedContract, roots: list[bytes]) -> None:
    assert "modified_after_sealing" in _codes(sealed.pdf + b"\n% appended\n", roots)


def test_unsigned_and_garbage_files(roots: list[bytes]) -> None:
    assert _codes(b"not a pdf", roots) == {"unreadable"}


def test_a_foreign_root_trusts_nothing_of_ours(sealed: IssuedContract, foreign_platform_key: SignerKey) -> None:
    foreign_root = load_certs_from_pemder_data(foreign_platform_key.credential.cert_pem)
    assert foreign_root
    other = create_platform_ca(FOREIGN_PASSPHRASE)
    assert _codes(sealed.pdf, [other.cert_pem]) == {"untrusted_chain"}


def test_a_signer_with_a_broken_signature_is_not_reported_valid(sealed: IssuedContract, roots: list[bytes]) -> None:
    middle = len(sealed.pdf) // 3  # inside the bytes every signature covers: each one's digest no longer matches
    changed = sealed.pdf[:middle] + bytes([sealed.pdf[middle] ^ 0x01]) + sealed.pdf[middle + 1:]
    result = verify_contract(changed, roots)
    broken = {p.signer for p in result.problems if p.code == "bad_signature"}
    assert broken == {"worker", "employer", "platform"}
    assert [(s.role, s.valid) for s in result.signers] == [(role, False) for role in ("worker", "employer", "platform")]
