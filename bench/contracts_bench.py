"""Benchmark the contract library against a bare reportlab render plus bare pyHanko signatures, in one run.

Run from the repository root: ``python bench/contracts_bench.py [--rounds 60]``. Prints p50/p99 in milliseconds.
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import time
from collections.abc import Callable
from datetime import date
from functools import partial

from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from contracts import PartyRole, SignerKey, create_platform_ca, issue_contract, load_platform_ca, render_contract
from contracts.examples import sample_consents, sample_terms
from contracts.fonts import register_font
from contracts.signing import sign_pdf
from contracts.verify import verify_contract
from contracts.wording import contract_text

PASSPHRASE = b"bench-passphrase-0123456789"


def _keys() -> tuple[bytes, dict[PartyRole, SignerKey]]:
    ca = load_platform_ca(create_platform_ca(PASSPHRASE), PASSPHRASE)
    keys = {role: SignerKey(ca.issue(role, role.value, role.value, PASSPHRASE), PASSPHRASE) for role in PartyRole}
    return ca.cert_pem, keys


def bare_render() -> bytes:
    """The same words as Paragraphs with reportlab's own CJK wrap: no tables, no QR, no signature block."""
    terms = sample_terms()
    text = contract_text(terms)
    style = ParagraphStyle("body", fontName=register_font(), fontSize=10, leading=15.5, wordWrap="CJK")
    paragraphs = [text.title, text.subtitle, text.intro]
    paragraphs += [f"{label}：{value}" for _, rows in text.parties for label, value in rows]
    paragraphs += [f"{label}：{value}" for label, value in text.terms]
    paragraphs += [line for heading, body in text.clauses for line in (heading, *body)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(p, style) for p in paragraphs])
    return buffer.getvalue()


def bare_signers(keys: dict[PartyRole, SignerKey]) -> list[signers.SimpleSigner]:
    """pyHanko signers with keys already decrypted and loaded, as a floor for the signing cost."""
    loaded = []
    for role in (PartyRole.WORKER, PartyRole.EMPLOYER, PartyRole.PLATFORM):
        (cert,) = load_certs_from_pemder_data(keys[role].credential.cert_pem)
        key = load_private_key_from_pemder_data(keys[role].credential.key_pem, keys[role].passphrase)
        loaded.append(signers.SimpleSigner(signing_cert=cert, signing_key=key, cert_registry=SimpleCertificateStore()))
    return loaded


def bare_sign(pdf: bytes, signer: signers.SimpleSigner, field_name: str) -> bytes:
    """One PAdES signature with pyHanko and nothing else."""
    meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return signers.PdfSigner(meta, signer).sign_pdf(writer, bytes_reserved=8192).getvalue()


def _timed(samples: dict[str, list[float]], name: str, action: Callable[[], bytes]) -> bytes:
    start = time.perf_counter()
    result = action()
    samples.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return result


def _round(samples: dict[str, list[float]], root: bytes, keys: dict[PartyRole, SignerKey],
           loaded: list[signers.SimpleSigner]) -> None:
    terms, consents = sample_terms(), sample_consents()
    pdf = _timed(samples, "floor: bare reportlab render", bare_render)
    for index, signer in enumerate(loaded):
        pdf = _timed(samples, f"floor: bare pyHanko sign {index + 1}", partial(bare_sign, pdf, signer, f"Sig{index}"))
    ours = _timed(samples, "render_contract", lambda: render_contract(terms, consents))
    for role in (PartyRole.WORKER, PartyRole.EMPLOYER, PartyRole.PLATFORM):
        reason = f"bench; role={role.value}; contract=LG-1"
        ours = _timed(samples, f"sign_pdf {role.value}",
                      partial(sign_pdf, ours, role, keys[role], reason=reason, name=role.value))
    sealed = _timed(samples, "issue_contract (render + 3 signatures)",
                    lambda: issue_contract(terms, consents, keys).pdf)
    _timed(samples, "verify_contract", lambda: (verify_contract(sealed, [root]), b"")[1])


def _quantiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[98]


def main() -> None:
    """Run the rounds and print p50/p99 per step, the floor, and the end-to-end ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    root, keys = _keys()
    loaded = bare_signers(keys)
    samples: dict[str, list[float]] = {}
    _round({}, root, keys, loaded)  # warm up: font registration, imports
    for _ in range(args.rounds):
        _round(samples, root, keys, loaded)
    floor = [sum(step) for step in zip(*(v for k, v in samples.items() if k.startswith("floor")), strict=True)]
    samples["floor: render + 3 signs (sum per round)"] = floor
    print(f"contracts benchmark, {date.today()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{args.rounds} rounds")
    print(f"{'step':48} {'p50 ms':>8} {'p99 ms':>8}")
    for name, values in samples.items():
        p50, p99 = _quantiles(values)
        print(f"{name:48} {p50:8.1f} {p99:8.1f}")
    end_to_end = _quantiles(samples["issue_contract (render + 3 signatures)"])[0]
    print(f"end to end / floor (p50): {end_to_end / _quantiles(floor)[0]:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
