"""The message catalogue: every code a client can see, in zh-CN and en, with the same placeholders in both.

Callers carry a code and parameters; `market.core.i18n` puts them in words for the request's language. A parameter
that is itself words (a status, a role) is passed as a `Phrase`, so no caller holds a pair of languages.
"""

from __future__ import annotations

from market.core.messages_notices import NOTICES
from market.core.messages_words import WORDS

__all__ = ["FIELD_NAMES", "FIELD_UNITS", "FRONT_END_CODES", "MESSAGES", "VALUE_NAMES"]

# code -> (zh-CN, en): the errors here; words, page texts and notifications from the modules merged in below
MESSAGES: dict[str, tuple[str, str]] = {
    # request-level
    "validation_failed": ("提交的内容有误，请按提示修改", "Some entries need correcting: see the note by each one"),
    "bad_request": ("请求格式不正确", "The request is malformed"),
    "not_authenticated": ("请先登录", "Please log in first"),
    "token_invalid": ("登录已失效，请重新登录", "Your login has expired; please log in again"),
    "forbidden": ("您没有权限进行此操作", "You are not allowed to do this"),
    "role_required": ("此操作仅限{roles}", "Only {roles} may do this"),
    "not_found": ("找不到该资源", "Not found"),
    "method_not_allowed": ("不支持该请求方法", "Method not allowed"),
    "too_many_requests": ("操作太频繁，请稍后再试", "Too many requests; please try again later"),
    "internal_error": ("服务器开小差了，请稍后再试", "Something went wrong on our side; please try again"),
    "payload_too_large": ("提交的内容太大", "The request body is too large"),
    # accounts
    "phone_taken": ("该手机号已注册", "This phone number is already registered"),
    "login_failed": ("手机号或密码不正确", "Wrong phone number or password"),
    "account_disabled": ("该账号已停用", "This account is disabled"),
    "id_number_taken": (
        "该身份证号已被其他账号登记。如确为本人证件，请携带身份证到就近的零工驿站，由工作人员核实",
        "This ID number is registered to another account. If it is yours, bring your ID card to a gig station "
        "and staff will verify it",
    ),
    "id_number_changes_spent": (
        "今天修改身份证号的次数已用完。请稍后再试，或携带身份证到就近的零工驿站，由工作人员核实后修改",
        "You have used today's tries at changing your ID number. Try again later, or bring your ID card to a gig "
        "station and staff will verify and change it",
    ),
    "credit_code_taken": ("该统一社会信用代码已被其他账号使用", "This credit code is already used by another account"),
    "profile_incomplete": ("请先完善{what}", "Please complete your {what} first"),
    "user_not_found": ("找不到该用户", "User not found"),
    "worker_search_moved": (
        "按手机号查找求职者请改用 POST /api/workers/search，把手机号放在请求正文中（网址会被记入日志）",
        "To find a worker by phone, use POST /api/workers/search with the phone in the body (URLs are logged)",
    ),
    # jobs
    "job_not_found": ("找不到该岗位", "Job not found"),
    "job_not_open": ("该岗位已停止招聘", "This job is no longer open"),
    "job_full": ("该岗位已招满", "This job is full"),
    "job_started": ("该岗位已开工，不能再接单", "This job has already started"),
    "job_has_orders": ("该岗位已有人接单，请先处理订单", "This job has accepted orders; handle them first"),
    "employer_barred": ("该用工方已被列入失信名单，不能发布岗位", "This employer is barred from posting jobs"),
    "employer_required": ("工作人员代发岗位时须指定用工方", "Staff posting a job must name the employer"),
    # orders
    "order_not_found": ("找不到该订单", "Order not found"),
    "already_accepted": ("您已接过这个岗位", "You have already accepted this job"),
    "schedule_clash": ("与您已接的订单时间冲突（{title}）", "Clashes with another order you hold ({title})"),
    "illegal_transition": ("订单当前状态为「{status}」，不能{action}", "The order is {status}; cannot {action}"),
    "outside_fence": (
        "您距离工作地点约{distance_m}米，超出{fence_m}米的签到范围",
        "You are about {distance_m} m from the site, outside the {fence_m} m check-in fence",
    ),
    "check_in_too_early": ("开工前{minutes}分钟内才能签到", "Check-in opens {minutes} minutes before the start"),
    "idempotency_key_reused": (
        "该幂等键已用于另一个请求",
        "This Idempotency-Key was used for a different request",
    ),
    "idempotency_in_progress": ("相同的请求正在处理中", "The same request is still being processed"),
    "walk_in_required": ("工作人员代接单时须指定求职者", "Staff accepting on someone's behalf must name the worker"),
    # orders: completing, no-shows (issue 10)
    "worker_not_found": ("找不到该求职者", "Worker not found"),
    "no_show_too_early": ("开工{minutes}分钟后（{opens}起）才能登记未到岗",
                          "A no-show can be recorded from {minutes} minutes after the start ({opens})"),
    "no_show_checked_in": ("工人已签到，不能登记未到岗", "The worker has checked in; this is not a no-show"),
    "no_show_overturned": ("该订单的未到岗登记已被驿站撤销，不能再次登记",
                           "The station removed this order's no-show; it cannot be recorded again"),
    "no_show_objection_filed": ("您已对这次未到岗登记提出过异议", "You have already objected to this no-show"),
    "no_show_objection_closed": ("异议期已于{due}结束", "The time to object ended at {due}"),
    "no_show_no_objection": ("工人尚未对未到岗登记提出异议", "The worker has not objected to this no-show"),
    "no_show_decided": ("该异议已处理过", "This objection has already been decided"),
    "complete_before_start": ("开工时间（{starts}）之后才能确认完工", "The job starts at {starts}; it can be marked "
                              "complete only after that"),
    "not_a_worker": ("对应的用户不是求职者", "is not the id of a worker"),
    # field-level: each is said after the field's label ("工钱金额" + "不能小于 1 分"; "Pay amount" + " must be …"),
    # so the Chinese reads as a predicate and the English starts lower-case (`market.core.i18n.field_message`).
    "required": ("必填", "is required"),
    "unknown_field": ("不是可接受的字段", "is not a known field"),
    "wrong_type": ("应为{expected}", "must be {expected}"),
    "too_short": ("至少 {min} 个字", "must be at least {min} characters"),
    "too_long": ("不能超过 {max} 个字", "must be at most {max} characters"),
    "too_small": ("不能小于 {min}{unit}", "must be at least {min}{unit}"),
    "too_large": ("不能大于 {max}{unit}", "must be at most {max}{unit}"),
    "not_above": ("须大于 {min}{unit}", "must be more than {min}{unit}"),
    "not_below": ("须小于 {max}{unit}", "must be less than {max}{unit}"),
    "too_few_items": ("至少要有 {min} 项", "must list at least {min}"),
    "too_many_items": ("最多 {max} 项", "must list at most {max}"),
    "not_one_of": ("只能是{choices}之一", "must be one of: {choices}"),
    "bad_datetime": ("格式不正确，应带时区，如2026-12-01T08:00:00+08:00", "must be a date-time with a zone"),
    "bad_value": ("取值不正确", "is not valid"),
    "phone_format": ("应为正确的11位手机号", "must be an 11-digit mainland mobile number"),
    "id_length": ("应为18位", "must be 18 characters"),
    "id_format": ("格式不正确", "is not in the resident ID format"),
    "id_region": ("的地区码不存在", "has an unknown region code"),
    "id_birth_date": ("中的出生日期不正确", "has an impossible birth date"),
    "id_check_digit": ("的校验位不正确，请核对", "has a wrong check digit"),
    "credit_code_length": ("应为18位", "must be 18 characters"),
    "credit_code_format": ("含有不允许的字符", "contains characters not allowed"),
    "credit_code_check_digit": ("的校验位不正确", "has a wrong check digit"),
    "ends_before_start": ("必须晚于开始时间", "must be after the start"),
    "starts_in_past": ("必须在将来", "must be in the future"),
    "too_far_ahead": ("不能晚于{days}天后", "must be within {days} days from now"),
    "too_long_duration": ("距开始时间不能超过{days}天", "must be at most {days} days after the start"),
    "blank": ("不能为空", "must not be blank"),
    "password_weak": ("至少8位，且须同时包含字母和数字", "must be at least 8 characters with letters and digits"),
    "duplicate_skill": ("「{name}」重复了", "lists {name} twice"),
    "webhook_url": ("须为可公开访问的https地址", "must be a public https URL"),
    "code_expired": ("已过期或未发送，请重新获取", "has expired or was never sent; send a new one"),
    "code_wrong": ("不正确", "is not the code that was sent"),
    "contract_not_found": ("找不到该合同", "Contract not found"),
    "pdf_required": ("须为合同PDF文件", "must be the contract PDF"),
    "amount_mismatch": ("在实付金额与约定不符时必填", "is needed when the amount differs from the agreed pay"),
    # issue 10: text and request shape
    "nested_too_deeply": ("嵌套层数过多", "is nested too deeply"),
    "control_characters": ("含有控制字符（如NUL）", "contains control characters (such as NUL)"),
    "bad_characters": ("含有不可见的控制、格式或方向字符", "contains invisible control, format or direction marks"),
    "no_visible_text": ("须含有可见的文字", "must contain visible text"),
    # issue 10: staff acting for a worker (consent codes, drawn signatures, standing consent)
    "not_a_walk_in": (
        "该求职者是自行注册的，本驿站不能代其操作；请先向其手机发送驿站代办验证码并由本人同意，或用验证码确认本次操作",
        "This worker registered themselves and gave this station no consent to act for them: text them a "
        "station consent code first, or confirm this act with a code sent to their phone",
    ),
    "code_used": ("已被使用，请重新获取", "has already been used; send a new one"),
    "job_or_order": ("与岗位编号只能填写其中一个", "cannot be given together with a job id"),
    "signature_not_base64": ("应为base64编码的PNG图片", "must be a base64-encoded PNG image"),
    "signature_not_png": ("应为PNG格式的图片", "must be a PNG image"),
    "signature_too_large": ("不能超过512KB", "must be at most 512 KiB"),
    "signature_undecodable": ("已损坏，无法识别，请重新签名", "cannot be decoded; please sign again"),
    "signature_size": ("尺寸不合理，应在40×16到4000×4000像素之间", "must be between 40 × 16 and 4000 × 4000 pixels"),
    "signature_blank": ("是空白的，请本人签名", "is blank; the worker must sign"),
    # issue 11: who may do what (market/accounts/policy.py): 403 says whose act it is
    "not_your_job": ("这不是您发布的岗位，只有发布它的用工方和驿站工作人员可以操作",
                     "This is not your job: only the employer who posted it, or station staff, may do this"),
    "order_act_worker": ("这一步须由该订单的求职者本人操作，或由驿站工作人员代办",
                         "Only the order's worker may do this (or station staff for them)"),
    "order_act_employer": ("这一步须由该订单的用工方操作，或由驿站工作人员代办",
                           "Only the order's employer may do this (or station staff for them)"),
    "order_act_worker_self": ("这一步只能由该订单的求职者本人操作", "Only the order's worker may do this, themselves"),
    "order_act_staff": ("这一步由驿站工作人员处理", "Only station staff may do this"),
    "case_not_found": ("找不到该案件", "Case not found"),
    "case_staff_act": ("这一步由承办驿站或人社部门办理",
                       "Only the station handling the case, or the labour bureau, may do this"),
    "case_employer_act": ("只有被投诉的用工方可以答复", "Only the employer the case is about may reply"),
    "case_claimant_act": ("只有投诉人本人或承办驿站可以登记回访结果",
                          "Only a claimant, or the station handling the case, may record the follow-up"),
    # issue 15: the station counter finds a worker by name or ID number
    "lookup_one_of": ("与身份证号二选一填写", "give either a name or an ID number"),
    **WORDS,
    **NOTICES,
}

FRONT_END_CODES = ("internal_error", "network")
"""Messages the web app shows for situations of the server or the network: it takes their words from the server
(the page's config, `market.frontend`) instead of keeping a copy."""

# Field labels, for every message about a field: keyed by the field's path without list indices ("pay.amount_fen",
# "skills.name"), else by its last part ("address"). Every input field of the API has one (a test walks them).
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "phone": ("手机号", "Phone number"),
    "password": ("密码", "Password"),
    "name": ("名称", "Name"),
    "role": ("角色", "Role"),
    "id_number": ("身份证号", "ID number"),
    "credit_code": ("统一社会信用代码", "Credit code"),
    "starts_at": ("开始时间", "Start"),
    "ends_at": ("结束时间", "End"),
    # request parts
    "body": ("提交的内容", "The request body"),
    "path": ("网址", "The address (URL)"),
    "query": ("查询参数", "The query"),
    "idempotency_key": ("幂等键", "Idempotency-Key"),
    "file_path": ("文件路径", "File path"),
    # people and places
    "real_name": ("真实姓名", "Real name"),
    "contact_name": ("联系人", "Contact name"),
    "address": ("地址", "Address"),
    "location": ("位置", "Location"),
    "lat": ("纬度", "Latitude"),
    "lon": ("经度", "Longitude"),
    "skills": ("技能", "Skills"),
    "skills.name": ("技能名称", "Skill name"),
    "skills.years": ("从业年限", "Years in the trade"),
    "skills.certified": ("是否持证", "Certified"),
    "max_distance_km": ("最远接单距离", "Farthest distance"),
    "expected_daily_wage_fen": ("期望日薪", "Expected daily wage"),
    "station": ("驿站", "Station"),
    "url": ("接收地址", "Webhook URL"),
    # jobs
    "title": ("岗位名称", "Job title"),
    "description": ("岗位描述", "Description"),
    "headcount": ("招聘人数", "Headcount"),
    "pay": ("工钱", "Pay"),
    "pay.amount_fen": ("工钱金额", "Pay amount"),
    "pay.unit": ("计薪方式", "Pay unit"),
    "pay_due_hours": ("付款期限", "Pay due"),
    "radius_km": ("搜索半径", "Search radius"),
    "skill": ("技能", "Skill"),
    "q": ("关键词", "Search words"),
    "mine": ("只看我的", "Mine only"),
    # orders and contracts
    "consent": ("同意方式", "Consent"),
    "consent_code": ("验证码", "Consent code"),
    "signature_png": ("手写签名", "Drawn signature"),
    "amount_fen": ("实付金额", "Amount paid"),
    "note": ("备注", "Note"),
    "reason": ("原因", "Reason"),
    "on_behalf_of": ("代谁操作", "On behalf of"),
    "status": ("状态", "Status"),
    "unread": ("只看未读", "Unread only"),
    "token": ("核验码", "Verification token"),
    # ids and pages
    "job_id": ("岗位编号", "Job id"),
    "order_id": ("订单编号", "Order id"),
    "worker_id": ("求职者编号", "Worker id"),
    "employer_id": ("用工方编号", "Employer id"),
    "contract_id": ("合同编号", "Contract id"),
    "notification_id": ("消息编号", "Message id"),
    "limit": ("每页条数", "Page size"),
    "offset": ("起始位置", "Offset"),
    "upheld": ("是否支持异议", "Upheld"),
}

# Units said after a bound, by how the field's name ends.
FIELD_UNITS: dict[str, tuple[str, str]] = {
    "_fen": (" 分", " fen"),
    "_km": (" 公里", " km"),
    "_hours": (" 小时", " hours"),
    "_m": (" 米", " m"),
    "years": (" 年", " years"),
}

# Values a client sends, in words, for "must be one of …".
VALUE_NAMES: dict[str, tuple[str, str]] = {
    "worker": ("求职者", "worker"),
    "employer": ("用工方", "employer"),
    "app": ("本人在应用中同意", "the worker in the app"),
    "staff_sms_code": ("短信验证码", "SMS code"),
    "staff_signature": ("现场手写签名", "signature drawn at the station"),
    "hour": ("按小时", "per hour"),
    "day": ("按天", "per day"),
    "piece": ("按件", "per piece"),
    "accepted": ("已接单", "accepted"),
    "checked_in": ("已签到", "checked in"),
    "completed": ("已完工", "completed"),
    "paid": ("已付款", "paid"),
    "confirmed": ("已确认收款", "confirmed"),
    "cancelled": ("已取消", "cancelled"),
    "no_show": ("未到岗", "no-show"),
}
