"""A strict look at the final signature's /Contents, the only bytes of a sealed PDF no signature covers."""

from __future__ import annotations

import binascii

from asn1crypto import cms
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

from contracts.problems import Problem, problem

__all__ = ["check_final_contents"]

_UPPER_HEX = frozenset(b"0123456789ABCDEF")  # what pyHanko writes; a case flip changes no decoded byte
_SHA256 = bytes.fromhex("300d06096086480165030402010500")  # AlgorithmIdentifier sha256, NULL parameters
_ECDSA_SHA256 = bytes.fromhex("300a06082a8648ce3d040302")  # AlgorithmIdentifier ecdsa-with-SHA256


def _der_length(data: bytes) -> int:
    """Total length of the DER element at the start of data (tag, length octets and content)."""
    if len(data) < 2 or data[0] != 0x30:
        raise ValueError("not a DER SEQUENCE")
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    if count == 0 or count > 4 or len(data) < 2 + count:
        raise ValueError("bad DER length")
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")


def _check_structure(der: bytes) -> None:
    """The CMS must be exactly what our signer writes; its few unsigned fields must hold their only valid values."""
    info = cms.ContentInfo.load(der)
    if info["content_type"].native != "signed_data":
        raise ValueError("not a CMS SignedData")
    signed = info["content"]
    signer = signed["signer_infos"][0] if len(signed["signer_infos"]) == 1 else None
    if (
        signed["version"].native != "v1"
        or signed["digest_algorithms"].dump() != b"\x31\x0f" + _SHA256
        or signed["encap_content_info"].native != {"content_type": "data", "content": None}
        or len(signed["certificates"]) != 1
        or signed["crls"].native is not None
        or signer is None
        or signer["version"].native != "v1"
        or signer["sid"].name != "issuer_and_serial_number"
        or signer["digest_algorithm"].dump() != _SHA256
        or signer["signature_algorithm"].dump() != _ECDSA_SHA256
    ):
        raise ValueError("unexpected CMS fields")
    unsigned = signer["unsigned_attrs"].native or []
    if any(attribute["type"] != "signature_time_stamp_token" for attribute in unsigned):
        raise ValueError("unexpected unsigned attributes")


def check_final_contents(pdf: bytes, signature: EmbeddedPdfSignature) -> list[Problem]:
    """Require the last signature to end the file and its /Contents to be one DER object in upper-case hex."""
    try:
        _, first_length, second_start, second_length = (int(n) for n in signature.byte_range)
        if second_start + second_length != len(pdf):
            raise ValueError(f"{len(pdf) - second_start - second_length} bytes outside the signed range")
        region = pdf[first_length:second_start]
        if region[:1] != b"<" or region[-1:] != b">" or not set(region[1:-1]) <= _UPPER_HEX:
            raise ValueError("contents are not a plain upper-case hex string")
        raw = binascii.unhexlify(region[1:-1])
        length = _der_length(raw)
        if length > len(raw) or raw[length:].strip(b"\x00"):
            raise ValueError("bytes after the signature object")
        _check_structure(raw[:length])
    except (ValueError, TypeError, KeyError, IndexError, binascii.Error) as error:
        return [problem("modified_after_sealing", None, f"final signature contents: {error}")]
    return []
