"""The back office's part of the message catalogue (issue 14): its errors, field names and values, zh-CN and en."""

from __future__ import annotations

__all__ = ["BACKOFFICE_FIELDS", "BACKOFFICE_MESSAGES", "BACKOFFICE_VALUES"]

BACKOFFICE_MESSAGES: dict[str, tuple[str, str]] = {
    "roles.supervisor": ("人社部门督导", "the labour bureau's supervisors"),
    "station_not_found": ("没有这个驿站", "There is no such station"),
    "employer_not_found": ("没有这个用工方", "There is no such employer"),
    "station_already_open": ("这个驿站已在开放", "This station is already open"),
    "station_already_closed": ("这个驿站已经关闭", "This station is already closed"),
    "station_closed_field": ("是已关闭的驿站", "is a closed station"),
    "station_staff_only": ("只有驿站工作人员才能分配驿站", "only station staff are assigned to a station"),
    "nothing_to_change": ("没有要修改的内容", "has nothing to change"),
    "not_on_yourself": ("不能对自己的账号这样操作", "You cannot do this to your own account"),
    "account_already_active": ("这个账号已是启用状态", "This account is already open"),
    "account_already_closed": ("这个账号已经停用", "This account is already closed"),
    "reset_by_sms_code": ("求职者和用工方请用短信验证码自行重设密码",
                          "Workers and employers reset their own password with an SMS code"),
    "password_change_required": ("请先修改临时密码", "Please change your temporary password first"),
    "password_wrong": ("不正确", "is not right"),
    "password_same": ("不能与原密码相同", "must differ from the current one"),
    "employer_already_barred": ("该用工方已被禁止发布岗位", "This employer is already barred"),
    "employer_not_barred": ("该用工方没有被禁止发布岗位", "This employer is not barred"),
    "employer_barred_by_credit": (
        "该用工方信用等级为D（失信），禁止发布由信用等级决定，不能在后台解除。请人社部门复核其信用等级"
        "（POST /api/employers/{employer_id}/grade/review），复核为D以外的等级时禁止随之解除。",
        "This employer is graded D (untrustworthy): the bar comes from the credit grade and cannot be lifted here. A "
        "supervisor's grade review (POST /api/employers/{employer_id}/grade/review) that sets another grade lifts it.",
    ),
    "trade_unknown": ("不是工种目录里的工种", "is not a trade of the taxonomy"),
    "trade_name_taken": ("这个名称已经属于工种「{name}」", "That name already belongs to the trade {name}"),
    "trade_code_taken": ("这个工种代码已被使用", "That trade code is already taken"),
}

BACKOFFICE_FIELDS: dict[str, tuple[str, str]] = {
    "hours": ("开放时间", "Opening hours"),
    "district": ("所在区", "District"),
    "open": ("是否开放", "Open"),
    "current_password": ("当前密码", "Current password"),
    "related_to": ("相近工种", "Related trade"),
    "trade": ("工种", "Trade"),
    "en": ("英文名称", "English name"),
    "actor_id": ("操作人编号", "Actor id"),
    "active": ("是否启用", "Active"),
    "user_id": ("用户编号", "User id"),
}

BACKOFFICE_VALUES: dict[str, tuple[str, str]] = {
    "synonym": ("同义词", "synonym"),
    "trade": ("新工种", "new trade"),
    "supervisor": ("人社督导", "supervisor"),
    "admin": ("管理员", "admin"),
}
