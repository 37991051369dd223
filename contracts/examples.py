"""Example terms and consents: a believable plastering job, for tests, the benchmark and demos."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from contracts.terms import (
    Consent,
    ConsentMethod,
    ContractTerms,
    Language,
    Party,
    PartyRole,
    Pay,
    PayMethod,
    PayUnit,
    Station,
)

__all__ = ["handwriting_png", "sample_consents", "sample_terms"]

ISSUED = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


def sample_terms(language: Language = Language.ZH_CN, number: str = "LG-20261124-000123") -> ContractTerms:
    """A believable two-day plastering job in Xiamen."""
    starts = datetime(2026, 11, 25, 0, 30, tzinfo=UTC)
    return ContractTerms(
        number=number,
        worker=Party(PartyRole.WORKER, "陈建国", "3502**********1234", "138****5678"),
        employer=Party(PartyRole.EMPLOYER, "厦门市鹭岛装饰工程有限公司", "9135************7X", "0592****888",
                       address="厦门市思明区湖滨南路388号", contact_name="林经理"),
        job_title="室内墙面抹灰（泥瓦工）",
        duties="负责三居室墙面找平、抹灰及收光，约120平方米；材料和工具由甲方提供，乙方自带安全帽。"
               "每日工作8小时，中午休息1小时；如需加班，须经乙方同意并按小时另计报酬。",
        place="厦门市湖里区江头街道吕岭路1025号金山小区12号楼1801室",
        starts_at=starts,
        ends_at=starts + timedelta(days=1, hours=9),
        pay=Pay(amount_fen=38000, unit=PayUnit.DAY, estimated_total_fen=76000),
        pay_due_at=starts + timedelta(days=2, hours=12),
        pay_method=PayMethod.WECHAT,
        station=Station("江头零工驿站", "厦门市湖里区江头北路88号", "0592-5550123"),
        verify_url="https://linggong.example.cn/verify/k3J9xQ2mTn8vRb4Lw7YpZa",
        issued_at=ISSUED,
        language=language,
        platform_name="厦门市零工市场服务平台" if language is Language.ZH_CN else "Xiamen Gig Market Platform",
        safety_notes="登高作业须使用合格的移动脚手架并系好安全带；严禁私拉电线。",
        late_cancel_compensation_fen=10000,
    )


def handwriting_png() -> bytes:
    """A small PNG of a scribbled signature, drawn with Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(20, 90), (70, 30), (110, 95), (160, 35), (210, 80), (260, 40), (330, 70)], fill=(20, 20, 80, 255),
              width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def sample_consents(walk_in: bool = False) -> list[Consent]:
    """Worker's and employer's consents: in the app, or a walk-in signing by hand at the station."""
    worker = Consent(PartyRole.WORKER, ConsentMethod.APP_ACCEPT, ISSUED, channel="app")
    if walk_in:
        worker = Consent(PartyRole.WORKER, ConsentMethod.STAFF_HANDWRITTEN, ISSUED, channel="station",
                         staff_name="王丽（江头驿站）", signature_png=handwriting_png())
    employer = Consent(PartyRole.EMPLOYER, ConsentMethod.STANDING_AUTHORISATION, ISSUED - timedelta(hours=20),
                       channel="web", evidence="job posting 8841")
    return [worker, employer]
