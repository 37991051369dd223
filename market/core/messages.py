"""The message catalogue: every code a client can see, in zh-CN and en."""

from __future__ import annotations

__all__ = ["FIELD_NAMES", "MESSAGES"]

# code -> (zh-CN, en)
MESSAGES: dict[str, tuple[str, str]] = {
    # request-level
    "validation_failed": ("提交的内容有误，请按提示修改", "Some fields are not valid; see the fields list"),
    "bad_request": ("请求格式不正确", "The request is malformed"),
    "not_authenticated": ("请先登录", "Please log in first"),
    "token_invalid": ("登录已失效，请重新登录", "Your login has expired; please log in again"),
    "forbidden": ("您没有权限进行此操作", "You are not allowed to do this"),
    "role_required": ("此操作仅限{roles}", "Only {roles_en} may do this"),
    "not_found": ("找不到该资源", "Not found"),
    "method_not_allowed": ("不支持该请求方法", "Method not allowed"),
    "too_many_requests": ("操作太频繁，请稍后再试", "Too many requests; please try again later"),
    "internal_error": ("服务器开小差了，请稍后再试", "Something went wrong on our side; please try again"),
    "payload_too_large": ("提交的内容太大", "The request body is too large"),
    # accounts
    "phone_taken": ("该手机号已注册", "This phone number is already registered"),
    "login_failed": ("手机号或密码不正确", "Wrong phone number or password"),
    "account_disabled": ("该账号已停用", "This account is disabled"),
    "id_number_taken": ("该身份证号已被其他账号使用", "This ID number is already used by another account"),
    "credit_code_taken": ("该统一社会信用代码已被其他账号使用", "This credit code is already used by another account"),
    "profile_incomplete": ("请先完善{what}", "Please complete your {what_en} first"),
    "user_not_found": ("找不到该用户", "User not found"),
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
    "illegal_transition": ("订单当前状态为「{status}」，不能{action}", "The order is {status_en}; cannot {action_en}"),
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
    "not_a_worker": ("该用户不是求职者", "That user is not a worker"),
    # field-level
    "required": ("必填", "is required"),
    "unknown_field": ("不认识的字段", "is not a known field"),
    "wrong_type": ("类型应为{expected}", "must be {expected_en}"),
    "too_short": ("至少{min}个字", "must be at least {min} characters"),
    "too_long": ("不能超过{max}个字", "must be at most {max} characters"),
    "too_small": ("不能小于{min}", "must be at least {min}"),
    "too_large": ("不能大于{max}", "must be at most {max}"),
    "too_few_items": ("至少要有{min}项", "must have at least {min} items"),
    "too_many_items": ("最多{max}项", "must have at most {max} items"),
    "not_one_of": ("只能是{choices}之一", "must be one of {choices}"),
    "bad_datetime": ("时间格式不正确，应带时区，如2026-12-01T08:00:00+08:00", "must be a date-time with a zone"),
    "bad_value": ("取值不正确", "is not valid"),
    "phone_format": ("请输入正确的11位手机号", "must be an 11-digit mainland mobile number"),
    "id_length": ("身份证号应为18位", "must be 18 characters"),
    "id_format": ("身份证号格式不正确", "is not in the resident ID format"),
    "id_region": ("身份证号的地区码不存在", "has an unknown region code"),
    "id_birth_date": ("身份证号中的出生日期不正确", "has an impossible birth date"),
    "id_check_digit": ("身份证号校验位不正确，请核对", "has a wrong check digit"),
    "credit_code_length": ("统一社会信用代码应为18位", "must be 18 characters"),
    "credit_code_format": ("统一社会信用代码含有不允许的字符", "contains characters not allowed"),
    "credit_code_check_digit": ("统一社会信用代码校验位不正确", "has a wrong check digit"),
    "ends_before_start": ("结束时间必须晚于开始时间", "must be after the start"),
    "starts_in_past": ("开始时间必须在将来", "must be in the future"),
    "too_far_ahead": ("开始时间不能超过{days}天后", "must be within {days} days from now"),
    "too_long_duration": ("工期不能超过{days}天", "must be at most {days} days after the start"),
    "blank": ("不能为空", "must not be blank"),
    "password_weak": ("密码至少8位，且须同时包含字母和数字", "must be at least 8 characters with letters and digits"),
    "duplicate_skill": ("技能「{name}」重复了", "lists the skill {name} twice"),
    "webhook_url": ("请填写可公开访问的https地址", "must be a public https URL"),
    "code_expired": ("验证码已过期或未发送，请重新获取", "has expired or was never sent; send a new one"),
    "code_wrong": ("验证码不正确", "is not the code that was sent"),
    "contract_not_found": ("找不到该合同", "Contract not found"),
    "pdf_required": ("请上传合同PDF文件", "Send the contract PDF as the request body"),
    "amount_mismatch": ("实付金额与约定不符时须填写说明", "needs a note when it differs from the agreed pay"),
    # issue 10: text and request shape
    "nested_too_deeply": ("嵌套层数过多", "is nested too deeply"),
    "control_characters": ("含有控制字符（如NUL）", "contains control characters (such as NUL)"),
    "bad_characters": ("含有不可见的控制、格式或方向字符", "contains invisible control, format or direction marks"),
    "no_visible_text": ("须含有可见的文字", "must contain visible text"),
}

# Field names as people say them, for messages that name the field.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "phone": ("手机号", "phone"),
    "password": ("密码", "password"),
    "name": ("名称", "name"),
    "role": ("角色", "role"),
    "id_number": ("身份证号", "ID number"),
    "credit_code": ("统一社会信用代码", "credit code"),
    "starts_at": ("开始时间", "start"),
    "ends_at": ("结束时间", "end"),
}
