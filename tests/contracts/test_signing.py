"""Signed contracts: three PAdES signatures, valid under pyHanko with the platform root, shown valid by pdfsig,
linked to the audit trail, and timestamped by a local RFC 3161 server when one is configured."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from contracts import IssuedContract, PartyRole, PlatformCA, SignerKey, check_chain, issue_contract
from contracts.examples import sample_consents, sample_terms
from contracts.signing import FIELD_NAMES
from contracts.verify import verify_contract


def _context(platform_ca: PlatformCA) -> ValidationContext:
    return ValidationContext(trust_roots=list(load_certs_from_pemder_data(platform_ca.cert_pem)))


def test_three_pades_signatures_in_signing_order(sealed: IssuedContract) -> None:
    signatures = PdfFileReader(io.BytesIO(sealed.pdf)).embedded_regular_signatures
    assert [sig.field_name for sig in signatures] == [FIELD_NAMES[role] for role in
                                                       (PartyRole.WORKER, PartyRole.EMPLOYER, PartyRole.PLATFORM)]
    for sig in signatures:
        assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
        assert sig.signer_cert.public_key.algorithm == "ec"
        assert sig.signer_cert.public_key.curve[1] == "secp256r1"


def test_each_signature_is_valid_under_pyhanko(sealed: IssuedContract, platform_ca: PlatformCA) -> None:
    signatures = PdfFileReader(io.BytesIO(sealed.pdf)).embedded_regular_signatures
    for index, sig in enumerate(signatures):
        status = validate_pdf_signature(sig, _context(platform_ca))
        assert status.bottom_line, status.pretty_print_details()
        assert status.md_algorithm == "sha256"
        expected = SignatureCoverageLevel.ENTIRE_FILE if index == 2 else SignatureCoverageLevel.ENTIRE_REVISION
        assert status.coverage == expected


def test_pdfsig_shows_every_signature_valid(sealed: IssuedContract, poppler: Callable[[str], str],
                                            tmp_path: Path) -> None:
    path = tmp_path / "sealed.pdf"
    path.write_bytes(sealed.pdf)
    result = subprocess.run([poppler("pdfsig"), str(path)], capture_output=True, text=True, timeout=60)
    assert result.stdout.count("Signature is Valid.") == 3, result.stdout
    assert "Total document signed" in result.stdout
    assert result.stdout.count("ETSI.CAdES.detached") == 3


def test_verification_passes_and_names_the_contract(sealed: IssuedContract, roots: list[bytes]) -> None:
    result = verify_contract(sealed.pdf, roots)
    assert result.valid, result.problems
    assert result.contract_number == "LG-20261124-000123"
    assert result.sha256 == sealed.sha256
    assert [s.role for s in result.signers] == ["worker", "employer", "platform"]
    assert result.signers[0].facts["consent"] == "staff_handwritten"
    assert result.to_dict()["valid"] is True


def test_seal_carries_the_audit_head_and_the_trail_records_the_pdf(sealed: IssuedContract,
                                                                   roots: list[bytes]) -> None:
    kinds = [event.kind.value for event in sealed.events]
    assert kinds == ["created", "signed_by_worker", "signed_by_employer", "sealed"]
    assert check_chain(sealed.events).ok
    assert verify_contract(sealed.pdf, roots).audit_head == sealed.audit_head_at_sealing
    assert sealed.events[-1].prev_hash == sealed.audit_head_at_sealing
    assert sealed.events[-1].details["sha256"] == sealed.sha256


def test_a_broken_audit_chain_is_not_signed(party_keys: dict[PartyRole, SignerKey], sealed: IssuedContract) -> None:
    from dataclasses import replace

    broken = [replace(sealed.events[0], actor="someone else")]
    with pytest.raises(ValueError, match="audit chain broken"):
        issue_contract(sample_terms(), sample_consents(), party_keys, broken)


def test_an_existing_trail_is_continued(party_keys: dict[PartyRole, SignerKey], sealed: IssuedContract) -> None:
    issued = issue_contract(sample_terms(), sample_consents(), party_keys, sealed.events[:1])
    assert issued.events[0].prev_hash == sealed.events[0].hash
    assert check_chain([sealed.events[0], *issued.events]).ok


def test_timestamps_from_a_local_tsa_validate(party_keys: dict[PartyRole, SignerKey], platform_ca: PlatformCA,
                                              roots: list[bytes], tsa_url: str) -> None:
    issued = issue_contract(sample_terms(), sample_consents(), party_keys, tsa_url=tsa_url)
    for sig in PdfFileReader(io.BytesIO(issued.pdf)).embedded_regular_signatures:
        status = validate_pdf_signature(sig, _context(platform_ca))
        assert status.bottom_line
        assert status.timestamp_validity is not None
        assert status.timestamp_validity.valid
        assert status.timestamp_validity.trusted
    result = verify_contract(issued.pdf, roots)
    assert result.valid, result.problems
    assert all(signer.timestamp_at for signer in result.signers)


def test_pdfsig_trusts_the_chain_with_our_root_in_its_nss_database(
    sealed: IssuedContract, platform_ca: PlatformCA, poppler: Callable[[str], str], tmp_path: Path
) -> None:
    certutil = shutil.which("certutil")
    if certutil is None:
        pytest.skip("certutil not installed (Debian package libnss3-tools)")
    database, root, pdf = tmp_path / "nss", tmp_path / "root.pem", tmp_path / "sealed.pdf"
    database.mkdir()
    root.write_bytes(platform_ca.cert_pem)
    pdf.write_bytes(sealed.pdf)
    subprocess.run([certutil, "-N", "-d", f"sql:{database}", "--empty-password"], check=True, timeout=60)
    subprocess.run([certutil, "-A", "-d", f"sql:{database}", "-n", "linggong-root", "-t", "C,C,C", "-a", "-i",
                    str(root)], check=True, timeout=60)
    # no -no-ocsp: poppler 22.12 reports a generic certificate error with it; our certificates name no OCSP responder
    result = subprocess.run([poppler("pdfsig"), "-nssdir", f"sql:{database}", str(pdf)], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.count("Signature is Valid.") == 3, result.stdout
    assert result.stdout.count("Certificate is Trusted.") == 3, result.stdout


def test_a_long_company_name_gets_a_certificate_cut_to_the_name_field_and_still_signs(
        platform_ca: PlatformCA, party_keys: dict[PartyRole, SignerKey], roots: list[bytes]) -> None:
    from contracts import common_name_for, holder_name

    long_name = "福建省漳州市芗城区金源建筑装饰劳务工程有限责任公司第二分公司"  # 30 characters, 90 UTF-8 bytes
    common_name = common_name_for(long_name)
    assert common_name.endswith("…")
    assert long_name.startswith(common_name[:-1])
    assert len(common_name.encode()) <= 64
    assert common_name_for("厦门市鹭岛装饰工程有限公司") == "厦门市鹭岛装饰工程有限公司"
    credential = platform_ca.issue(PartyRole.EMPLOYER, long_name, "employer-78", b"x" * 20)
    assert holder_name(credential.cert_pem) == common_name
    keys = {**party_keys, PartyRole.EMPLOYER: SignerKey(credential, b"x" * 20)}
    result = verify_contract(issue_contract(sample_terms(), sample_consents(), keys).pdf, roots)
    assert result.valid, result.problems
    assert result.signers[1].name == common_name


def test_a_signature_image_must_decode_and_be_of_sensible_size() -> None:
    import io

    from PIL import Image

    from contracts.examples import handwriting_png
    from contracts.signature_image import signature_image_problem

    def png(image: Image.Image) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()

    assert signature_image_problem(handwriting_png()) is None
    assert signature_image_problem(b"GIF89a") == "signature_not_png"
    assert signature_image_problem(b"\x89PNG\r\n\x1a\n" + b"\0" * 2000) == "signature_undecodable"
    assert signature_image_problem(png(Image.new("1", (20000, 20000)))) == "signature_size", "refused unopened"
    assert signature_image_problem(png(Image.new("RGBA", (300, 100), (0, 0, 0, 0)))) == "signature_blank"
