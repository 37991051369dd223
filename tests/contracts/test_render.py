"""The rendered PDF: A4, embedded subset font, extractable Chinese text with every term, no line opening with
punctuation, an English rendering, and a font setting that can point elsewhere."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from contracts import FontSpec, Language, ServiceRules, default_font, render_contract
from contracts.examples import sample_consents, sample_terms
from contracts.linebreak import CANNOT_START


@pytest.fixture(scope="module")
def chinese_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("render") / "zh.pdf"
    path.write_bytes(render_contract(sample_terms(), sample_consents(walk_in=True)))
    return path


def _run(tool: str, *args: str) -> str:
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True, timeout=60).stdout


def test_fonts_are_embedded_as_subsets(chinese_pdf: Path, poppler: Callable[[str], str]) -> None:
    rows = _run(poppler("pdffonts"), str(chinese_pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, sub, uni, _obj, _gen = row.split()
        assert "+" in name, row
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_page_is_a4(chinese_pdf: Path, poppler: Callable[[str], str]) -> None:
    assert "595.276 x 841.89 pts (A4)" in _run(poppler("pdfinfo"), str(chinese_pdf))


def test_text_is_extractable_with_every_term(chinese_pdf: Path, poppler: Callable[[str], str]) -> None:
    text = _run(poppler("pdftotext"), "-raw", str(chinese_pdf), "-").replace("\n", "")
    for expected in ["零工劳务协议", "LG-20261124-000123", "陈建国", "3502**********1234", "138****5678",
                     "厦门市鹭岛装饰工程有限公司", "室内墙面抹灰", "金山小区12号楼1801室", "2026年11月25日 08:30",
                     "¥380.00 / 日", "¥760.00", "2026年11月27日 20:30", "微信转账", "江头零工驿站", "安全",
                     "取消", "调解", "劳动人事争议仲裁委员会", "12333", "电子签名法", "本人手写签名", "王丽",
                     "发布岗位时授权自动签署", "劳务协议"]:
        assert expected in text, expected
    assert "劳动合同" not in text


def test_no_line_starts_with_closing_punctuation(chinese_pdf: Path, poppler: Callable[[str], str]) -> None:
    lines = [line.strip() for line in _run(poppler("pdftotext"), "-raw", str(chinese_pdf), "-").splitlines()]
    offenders = [line for line in lines if line and line[0] in CANNOT_START]
    assert not offenders


def test_pages_render_to_png(chinese_pdf: Path, poppler: Callable[[str], str], tmp_path: Path) -> None:
    _run(poppler("pdftoppm"), "-r", "40", "-png", str(chinese_pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 1 <= len(pages) <= 3
    assert all(page.stat().st_size > 5000 for page in pages)


def test_english_rendering(poppler: Callable[[str], str], tmp_path: Path) -> None:
    path = tmp_path / "en.pdf"
    path.write_bytes(render_contract(sample_terms(Language.EN), sample_consents()))
    text = _run(poppler("pdftotext"), "-raw", str(path), "-").replace("\n", " ")
    for expected in ["Gig Service Agreement", "service agreement", "Party A (employer)", "¥380.00 per day",
                     "12333", "mediation", "Electronic Signature Law", "accepted the order in the app"]:
        assert expected in text, expected


def test_a_font_setting_may_point_to_another_truetype_file(tmp_path: Path) -> None:
    copy = tmp_path / "other.ttc"
    copy.write_bytes(default_font().path.read_bytes())
    pdf = render_contract(sample_terms(), sample_consents(), FontSpec(copy, subfont_index=0))
    assert pdf.startswith(b"%PDF")


def test_a_font_that_does_not_match_its_pin_is_refused(tmp_path: Path) -> None:
    spec = replace(default_font(), sha256="0" * 64)
    with pytest.raises(ValueError, match="SHA-256"):
        render_contract(sample_terms(), sample_consents(), spec)


def test_both_consents_are_needed() -> None:
    with pytest.raises(ValueError, match="missing consent"):
        render_contract(sample_terms(), sample_consents()[:1])


def test_the_qr_code_reads_back_as_the_verify_url(chinese_pdf: Path, poppler: Callable[[str], str],
                                                  tmp_path: Path) -> None:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.skip("zbarimg not installed (Debian package zbar-tools)")
    _run(poppler("pdftoppm"), "-r", "150", "-png", str(chinese_pdf), str(tmp_path / "page"))
    last = sorted(tmp_path.glob("page-*.png"))[-1]
    decoded = subprocess.run([zbarimg, "-q", "--raw", str(last)], capture_output=True, text=True, timeout=60)
    assert decoded.stdout.strip() == sample_terms().verify_url


def test_a_long_contract_flows_over_pages(poppler: Callable[[str], str], tmp_path: Path) -> None:
    terms = sample_terms()
    long = replace(terms, duties=terms.duties * 14, safety_notes="进入施工现场必须佩戴安全帽，穿防滑鞋；" * 12)
    path = tmp_path / "long.pdf"
    path.write_bytes(render_contract(long, sample_consents(walk_in=True)))
    assert "Pages:           3" in _run(poppler("pdfinfo"), str(path))
    text = _run(poppler("pdftotext"), "-raw", str(path), "-")
    lines = [line.strip() for line in text.splitlines()]
    assert not [line for line in lines if line and line[0] in CANNOT_START]
    flat = text.replace("\n", "")
    assert flat.count("负责三居室墙面找平") == 14
    assert "第 3 页 / 共 3 页" in flat


def test_the_rules_stated_are_the_rules_given(poppler: Callable[[str], str], tmp_path: Path) -> None:
    rules = ServiceRules(worker_cancel_notice_hours=5, employer_cancel_notice_hours=30, check_in_fence_m=250,
                         check_in_opens_minutes=40, no_show_grace_minutes=20, no_show_objection_hours=10)
    stated = {
        Language.ZH_CN: ["甲方取消用工的，应至迟于开工前30小时", "乙方不能到岗的，应至迟于开工前5小时",
                         "工作地点250米内", "开工前40分钟起", "开工20分钟后乙方仍未签到的", "登记后10小时内",
                         "服务期间结束后27小时内"],
        Language.EN: ["at least 30 hours before the start", "at least 5 hours before the start", "within 250 m",
                      "40 minutes before the start", "checked in 20 minutes after the start", "within 10 hours",
                      "within 27 hours after the work ends"],
    }
    for language, phrases in stated.items():
        path = tmp_path / f"{language}.pdf"
        path.write_bytes(render_contract(replace(sample_terms(language), rules=rules), sample_consents()))
        text = "".join(_run(poppler("pdftotext"), "-raw", str(path), "-").split())  # lines break anywhere
        for phrase in phrases:
            assert "".join(phrase.split()) in text, phrase


def test_a_block_whose_lines_fit_but_not_its_space_after_moves_to_the_next_page() -> None:
    from contracts.layout import TextBlock, TextStyle

    style = TextStyle("Helvetica", 10, 14, space_after=6)
    block = TextBlock("one line", style)
    _, height = block.wrap(400, 1000)
    assert height == 20
    assert block.split(400, 17) == []  # 14 pt of line fits, the 6 pt after it does not
    long = TextBlock("words " * 200, style)
    long.wrap(400, 1000)
    head, tail = long.split(400, 30)  # two lines fit
    assert (len(head._lines or []), len(tail._lines or [])) == (2, len(long._lines or []) - 2)
