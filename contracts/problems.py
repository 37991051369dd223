"""Verification problems: a stable code, the signer concerned, and a message in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MESSAGES", "Problem", "problem"]

MESSAGES: dict[str, tuple[str, str]] = {
    "unreadable": ("文件或其中的签名无法解析", "the file, or a signature in it, cannot be parsed"),
    "no_signatures": ("文件中没有数字签名", "the file carries no digital signature"),
    "missing_signature": ("缺少一方的数字签名（可能被删除）", "a party's signature is missing (possibly stripped)"),
    "unexpected_signature": ("文件中有不属于本合同的签名", "the file carries a signature that does not belong to it"),
    "wrong_order": ("签名顺序不符合签署流程", "the signatures are not in signing order"),
    "bad_signature": ("数字签名无效", "the digital signature is not valid"),
    "untrusted_chain": ("签名证书不是由平台根证书签发", "the signing certificate does not chain to a trusted root"),
    "bad_timestamp": ("可信时间戳无效", "the trusted timestamp is not valid"),
    "role_mismatch": ("签名证书与签署方身份不符", "the signing certificate does not belong to that party"),
    "modified_after_signing": ("签署后文件被修改", "the document was modified after this signature"),
    "modified_after_sealing": ("平台盖章后文件被修改", "the document was modified after the platform sealed it"),
    "number_mismatch": ("各签名中的合同编号不一致", "the signatures name different contract numbers"),
}
"""Every problem code with its Chinese and English message."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a contract does not verify."""

    code: str
    signer: str | None
    message_zh: str
    message_en: str
    detail: str = ""


def problem(code: str, signer: str | None, detail: str = "") -> Problem:
    """Make a problem from its code, filling in both messages."""
    zh, en = MESSAGES[code]
    return Problem(code=code, signer=signer, message_zh=zh, message_en=en, detail=detail)
