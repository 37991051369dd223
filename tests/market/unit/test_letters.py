"""Case letters (提醒函, 督办函): text a reader or an inspector can extract, the font embedded, long names wrapped
inside the page, many claimants over several pages, English, and capital-numeral amounts as on a cheque."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from market.cases.letters import Claimant, Issuer, LetterFacts, WorkDone, amount_in_words, render_letter

STATION = Issuer("湖里区金山零工驿站", "厦门市湖里区金山路 1 号", "0592-5550001", "王芳")
BUREAU = Issuer("厦门市湖里区人力资源和社会保障局", "厦门市湖里区华泰路 8 号", "0592-12333", "陈明")
LONG_EMPLOYER = "漳州市芗城区鑫盛达建筑劳务分包有限公司厦门湖里第三项目部（金山小区外立面改造工程）"
LONG_WORK = WorkDone("小区外墙粉刷（第二期，含脚手架搭设与拆除、墙面修补及两遍面漆）",
                     "厦门市湖里区金山街道金尚路88号金山小区三期12号楼至18号楼施工现场",
                     date(2026, 11, 20), date(2026, 11, 24), "LG-20261120-000123")


def _facts(claimants: int = 2, **changes: object) -> LetterFacts:
    day = date(2026, 11, 20)
    work = (WorkDone("搬家临时工", "思明区湖滨南路 12 号", day, day, "LG-20261120-000007"),)
    names = ["张伟", "李秀英", *(f"工人{i:02d}" for i in range(claimants))]
    facts = LetterFacts(
        case_number="C-2026-000042", employer_name="厦门好帮手家政服务有限公司",
        employer_credit_code="91350200MA2XYZ1234",
        claimants=tuple(Claimant(names[i], 45000 + 100 * i, work) for i in range(claimants)),
        received_on=date(2026, 11, 26), issued_on=date(2026, 11, 30), pay_by=date(2026, 12, 4), issuer=STATION,
        handling_station=STATION.name, copy_to=(STATION.name,))
    return replace(facts, **changes)  # type: ignore[arg-type]


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: apt-get install -y poppler-utils (CI's .ci/run installs it)"
    return path


def _run(tool: str, *args: str) -> str:
    return subprocess.run([_tool(tool), *args], check=True, capture_output=True, text=True, timeout=60).stdout


def _write(tmp_path: Path, pdf: bytes, name: str = "letter.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return str(path)


def test_a_reminder_states_the_case_the_debt_and_the_deadline(tmp_path: Path) -> None:
    path = _write(tmp_path, render_letter("reminder", _facts()))
    text = _run("pdftotext", "-raw", path, "-").replace("\n", "")
    for expected in ["湖里区金山零工驿站", "关于支付劳动报酬的提醒函", "C-2026-000042", "厦门好帮手家政服务有限公司",
                     "91350200MA2XYZ1234", "张伟", "李秀英", "¥450.00", "¥451.00", "¥901.00", "玖佰零壹元整",
                     "2026年12月4日前", "搬家临时工", "LG-20261120-000007", "保障农民工工资支付条例", "0592-5550001",
                     "王芳", "2026年11月30日"]:
        assert expected in text, expected
    assert "督办" in text  # what follows if it is ignored


def test_a_supervision_letter_comes_from_the_bureau_and_names_the_reminder(tmp_path: Path) -> None:
    facts = _facts(issuer=BUREAU, reminded_on=date(2026, 11, 28))
    text = _run("pdftotext", "-raw", _write(tmp_path, render_letter("supervision", facts)), "-").replace("\n", "")
    for expected in ["厦门市湖里区人力资源和社会保障局", "欠薪案件督办函", "本局决定对该案件实行督办",
                     "湖里区金山零工驿站已于2026年11月28日向贵单位发出提醒函", "劳动保障监察",
                     "抄送：湖里区金山零工驿站"]:
        assert expected in text, expected


def test_fonts_are_embedded_as_subsets_with_unicode_maps(tmp_path: Path) -> None:
    for kind in ("reminder", "supervision"):
        rows = _run("pdffonts", _write(tmp_path, render_letter(kind, _facts()))).splitlines()[2:]
        assert rows
        for row in rows:
            name, *_, emb, sub, uni, _obj, _gen = row.split()
            assert "+" in name, row
            assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def _words(path: str) -> list[tuple[float, float, float, float, str]]:
    html = _run("pdftotext", "-bbox", path, "-")
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def test_long_names_wrap_inside_the_page_and_rows_never_run_into_the_footer(tmp_path: Path) -> None:
    claimants = tuple(Claimant(f"欧阳{i:02d}号建国", 120_000 + i, (LONG_WORK,)) for i in range(30))
    facts = replace(_facts(), employer_name=LONG_EMPLOYER, claimants=claimants)
    path = _write(tmp_path, render_letter("reminder", facts))
    pages = re.search(r"Pages:\s+(\d+)", _run("pdfinfo", path))
    assert pages
    assert int(pages[1]) >= 3
    width, height = 595.276, 841.89
    footer_top = height - 18 * 72 / 25.4
    for x_min, _y_min, x_max, y_max, word in _words(path):
        assert x_min >= 20, word
        assert x_max <= width - 20, word
        if not re.fullmatch(r"第|\d+|页，共|页", word):
            assert y_max <= footer_top + 1, word
    text = _run("pdftotext", "-raw", path, "-").replace("\n", "")
    assert all(f"欧阳{i:02d}号建国" in text for i in range(30))
    assert "（统一社会信用代码：91350200MA2XYZ1234）" in text
    lines = [line.strip() for line in _run("pdftotext", "-raw", path, "-").splitlines()]
    assert not [line for line in lines if line and line[0] in "，。、；：！？）"]


def test_english_copy(tmp_path: Path) -> None:
    facts = _facts(language="en", issuer=BUREAU, reminded_on=date(2026, 11, 28))
    text = _run("pdftotext", "-raw", _write(tmp_path, render_letter("supervision", facts)), "-").replace("\n", " ")
    for expected in ["Supervision of a wage case", "Case C-2026-000042", "4 December 2026", "¥901.00",
                     "28 November 2026", "labour inspection", "Copy to:"]:
        assert expected in text, expected


def test_pages_render_to_png(tmp_path: Path) -> None:
    path = _write(tmp_path, render_letter("reminder", _facts()))
    _run("pdftoppm", "-r", "40", "-png", path, str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 1
    assert pages[0].stat().st_size > 5000


def test_bad_facts_are_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        render_letter("apology", _facts())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="claimant"):
        _facts(claimants=0)
    with pytest.raises(ValueError, match="negative"):
        replace(_facts(), claimants=(Claimant("张伟", -1),))


@pytest.mark.parametrize(("fen", "words"), [
    (0, "零元整"), (5, "伍分"), (50, "伍角整"), (100, "壹元整"), (1010, "壹拾元壹角整"), (1005, "壹拾元零伍分"),
    (90100, "玖佰零壹元整"), (345050, "叁仟肆佰伍拾元伍角整"), (1000500, "壹万零伍元整"),
    (100010000, "壹佰万零壹佰元整"), (100000000, "壹佰万元整"),
    (12345678901, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
])
def test_amount_in_capital_numerals(fen: int, words: str) -> None:
    assert amount_in_words(fen) == words
