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
    "profile_incomplete": ("请先完善{what}", "Please complete your {what_en} first"),
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
    # staff acting for a worker (consent codes, drawn signatures, standing consent)
    "not_a_walk_in": (
        "该求职者是自行注册的，本驿站不能代其操作；请先向其手机发送驿站代办验证码并由本人同意，或用验证码确认本次操作",
        "This worker registered themselves and gave this station no consent to act for them: text them a "
        "station consent code first, or confirm this act with a code sent to their phone",
    ),
    "code_used": ("验证码已被使用，请重新获取", "has already been used; send a new one"),
    "job_or_order": ("岗位和订单只能填写其中一个", "give either a job or an order, not both"),
    "signature_not_base64": ("签名图片应为base64编码的PNG", "must be a base64-encoded PNG image"),
    "signature_not_png": ("签名图片应为PNG格式", "must be a PNG image"),
    "signature_too_large": ("签名图片不能超过512KB", "must be at most 512 KiB"),
    "signature_undecodable": ("签名图片已损坏，无法识别，请重新签名", "cannot be decoded; please sign again"),
    "signature_size": ("签名图片尺寸不合理（应在40×16到4000×4000像素之间）",
                       "must be between 40 × 16 and 4000 × 4000 pixels"),
    "signature_blank": ("签名是空白的，请本人签名", "is blank; the worker must sign"),
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
    "signature_png": ("手写签名", "drawn signature"),
    "consent_code": ("验证码", "consent code"),
    "consent": ("本人同意方式", "consent"),
}
