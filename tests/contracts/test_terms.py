"""Terms and consents refuse what the library must never see or cannot honour."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from contracts import Consent, ConsentMethod, Party, PartyRole, Pay, PayUnit
from contracts.examples import ISSUED, handwriting_png, sample_terms


@pytest.mark.parametrize("id_number", ["350203199001011234", "35020319900101123X", "91350200MA2XXXXX7X"])
def test_unmasked_id_numbers_are_refused(id_number: str) -> None:
    with pytest.raises(ValueError, match="unmasked"):
        Party(PartyRole.WORKER, "陈建国", id_number, "138****5678")


def test_unmasked_phone_is_refused() -> None:
    with pytest.raises(ValueError, match="unmasked"):
        Party(PartyRole.WORKER, "陈建国", "3502**********1234", "13812345678")


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(sample_terms(), starts_at=datetime(2026, 11, 25, 8, 30))


def test_work_must_end_after_it_starts_and_be_paid_after_it_ends() -> None:
    terms = sample_terms()
    with pytest.raises(ValueError, match="ends_at"):
        replace(terms, ends_at=terms.starts_at)
    with pytest.raises(ValueError, match="pay_due_at"):
        replace(terms, pay_due_at=terms.starts_at)


def test_pay_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Pay(0, PayUnit.DAY)


def test_contract_number_is_a_plain_token() -> None:
    with pytest.raises(ValueError, match="contract number"):
        replace(sample_terms(), number="LG 1; drop")


def test_assisted_consent_names_the_staff_member() -> None:
    with pytest.raises(ValueError, match="staff"):
        Consent(PartyRole.WORKER, ConsentMethod.STAFF_SMS_CODE, ISSUED, channel="station")


def test_handwritten_consent_needs_a_png() -> None:
    with pytest.raises(ValueError, match="PNG"):
        Consent(PartyRole.WORKER, ConsentMethod.STAFF_HANDWRITTEN, ISSUED, channel="station", staff_name="王丽",
                signature_png=b"GIF89a")
    consent = Consent(PartyRole.WORKER, ConsentMethod.STAFF_HANDWRITTEN, ISSUED, channel="station",
                      staff_name="王丽", signature_png=handwriting_png())
    assert consent.signature_png


def test_only_the_employer_gives_standing_authorisation() -> None:
    with pytest.raises(ValueError, match="employer"):
        Consent(PartyRole.WORKER, ConsentMethod.STANDING_AUTHORISATION, ISSUED, channel="app")
