"""The catalogue's words for reputation, credit grades, alerts, exports and figures (issues 13–14), merged into
`market.core.messages.MESSAGES`: one catalogue, kept in files of a readable size."""

from __future__ import annotations

__all__ = ["MARKET_FIELDS", "MARKET_MESSAGES"]

MARKET_MESSAGES: dict[str, tuple[str, str]] = {
    # issue 13: ratings and reputation (market/reputation)
    "rating_parties_only": ("评价只能由订单双方本人给出", "Only the two parties of the order may rate it"),
    "rating_not_completed": ("订单完工后才能评价", "You can rate once the order is completed"),
    "rating_window_closed": ("评价期已于{due}结束", "The time to rate ended at {due}"),
    "rating_locked": ("评价给出一天后不能再修改（{due}起）", "A rating cannot be changed a day after it was given "
                      "(fixed since {due})"),
    "rating_tag_unknown": ("中的“{name}”不在可选标签里（{choices}）", "has “{name}”, which is not one of the tags "
                           "({choices})"),
    "rating_not_found": ("对方还没有评价您", "There is no rating of you on this order"),
    "rating_objection_filed": ("您已对这条评价提出过异议", "You have already objected to this rating"),
    "rating_objection_closed": ("异议期已于{due}结束", "The time to object ended at {due}"),
    "rating_objection_not_found": ("找不到该异议", "Objection not found"),
    "rating_objection_decided": ("该异议已处理过", "This objection has already been decided"),
    "rep_completed": ("近{days}天完成{n}单", "{n} jobs done in the last {days} days"),
    # each further part of the record's words says its own separator
    "rep_no_shows": ("，{n}次爽约", ", {n} no-show(s)"),
    "rep_late_cancels": ("，{n}次临时取消", ", {n} late cancel(s)"),
    "rep_stars": ("，评分{stars}星（{n}条评价）", ", rated {stars} stars ({n} ratings)"),
    "rep_new": ("，新人，记录尚少", ", new: little history yet"),
    "rep_moved_up": ("比新人排名高{points}分", "ranked {points} points above a newcomer"),
    "rep_moved_down": ("比新人排名低{points}分", "ranked {points} points below a newcomer"),
    # issue 14: exports (market/exports)
    "export_not_found": ("没有这项导出", "There is no such export"),
    "exports_to_before_from": ("不能早于开始日期", "must not be before the start date"),
    "exports_span_too_long": ("与开始日期相隔不能超过{days}天", "must be at most {days} days after the start date"),
    "exports_day_format": ("应为日期，如 2026-12-01", "must be a date such as 2026-12-01"),
    "exports_filter_not_offered": ("这项导出不能按此筛选", "is not a filter this export takes"),
    # issue 13: pools, invitations and job alerts (market/alerts)
    "alerts_pool_not_worked_together": (
        "只能把为您完成过活儿的工人加入熟手名单", "Only a worker who completed a job for you can join your pool"),
    "alerts_pool_member_not_found": ("该工人不在您的熟手名单里", "That worker is not in your pool"),
    "alerts_invitation_exists": ("已经邀请过这位工人做这份活儿", "You have already invited this worker to this job"),
    "alerts_not_a_worker": ("不是平台上的工人", "is not a worker on the market"),
    "alerts_not_pool_or_candidate": ("应为您的熟手或本岗位的候选人",
                                     "must be in your pool or among the job's candidates"),
    "alerts_not_matchable": ("这位工人现在接不了这份活儿（已停用、没有位置、时间冲突或已接单）",
                             "cannot take this job now (inactive, no position, busy at that time, or already on it)"),
    "alerts_quiet_hours_empty": ("不能与开始时间相同", "must differ from the start"),
    "alerts_channel_needed": ("开启提醒时至少选一种方式（短信或应用内）",
                              "must name at least one channel (sms or app) while alerts are on"),
    # issue 14: the market's figures (market/stats)
    "stats_date_format": ("应为日期，格式如 2026-12-01", "must be a date such as 2026-12-01"),
    "stats_range_order": ("不能早于起始日期", "must not be before the start date"),
    "stats_range_too_long": ("统计时段最长 {days} 天", "may span at most {days} days"),
    "stats_interval": ("应为 day（按日）、week（按周）或 month（按月）", "must be day, week or month"),
    "stats_station_id": ("应为驿站编号（正整数）", "must be a station's number"),
    "stats_station_unknown": ("没有这个驿站", "is not one of the city's stations"),
    "stats_district_unknown": ("这个区县没有驿站", "has no station in the city"),
    # issue 13: employer credit grades (market.credit)
    "employer_not_found": ("找不到该用工方", "Employer not found"),
    "credit_open_jobs_cap": ("您的信用等级为C（信用预警），同时在招的岗位最多{cap}个，请等已有岗位结束或取消后再发布",
                             "Your credit grade is C (credit warning): at most {cap} open jobs at once; wait for one "
                             "to end or cancel one before posting another"),
    "credit_no_notice": ("您的信用等级没有待生效的调整，无需申辩",
                         "There is no pending change to your grade to answer"),
    "credit_lift_on_needed": ("评为D级时须填写可申请解除的日期", "give the date a D grade may be lifted"),
    "credit_lift_on_past": ("应为今天以后的日期", "must be a day after today"),
    "credit_grade_A": ("A级：守信", "A: trustworthy"),
    "credit_grade_B": ("B级：一般", "B: standard"),
    "credit_grade_C": ("C级：信用预警", "C: credit warning"),
    "credit_grade_D": ("D级：失信", "D: barred (untrustworthy)"),
    "credit_too_few_deals": ("近12个月成交{n}单，满{min}单后才按记录评级", "{n} deals in 12 months; the record counts "
                             "from {min}"),
    "credit_on_time": ("按时付款{percent}%（{n}单中{late}单逾期）", "{percent}% paid on time ({late} of {n} late)"),
    "credit_mostly_on_time": ("按时付款{percent}%（{n}单中{late}单逾期）",
                              "{percent}% paid on time ({late} of {n} late)"),
    "credit_late_pay": ("按时付款仅{percent}%（{n}单中{late}单逾期）", "only {percent}% paid on time ({late} of {n} "
                        "late)"),
    "credit_warning_yellow": ("欠薪预警达到黄色", "a wage warning reached yellow"),
    "credit_warning_red": ("欠薪预警达到红色", "a wage warning reached red"),
    "credit_case_upheld": ("欠薪案件查实（已追回或移送）", "a wage case was upheld (recovered or referred)"),
    "credit_red_upheld": ("红色欠薪预警经案件查实", "a red wage warning upheld by a case"),
    "credit_late_cancels": ("临近开工取消{n}次", "{n} late cancels"),
    "credit_ratings": ("工人评分{stars}星（{n}条）", "workers rate {stars} stars ({n} ratings)"),
    "credit_ratings_too_few": ("工人评分{n}条，不足{min}条不计", "{n} worker ratings; fewer than {min} do not count"),
    "notice.credit_fall_notice.title": ("信用等级调整通知", "Your credit grade will change"),
    "notice.credit_fall_notice.body": (
        "按近12个月的记录，您的信用等级将由{from_grade}级调为{grade}级，{due}生效。您可在此之前在「信用等级」页书面申辩，"
        "监管人员会复核。",
        "On your last 12 months' record your credit grade will go from {from_grade} to {grade} on {due}. Until then "
        "you may answer in writing on the Credit grade page; a supervisor reviews it.",
    ),
    "notice.credit_grade_changed.title": ("信用等级已调整", "Credit grade changed"),
    "notice.credit_grade_changed.body": (
        "您的信用等级已由{from_grade}级调为{grade}级，原因见「信用等级」页。",
        "Your credit grade is now {grade} (was {from_grade}); the reasons are on the Credit grade page.",
    ),
}

MARKET_FIELDS: dict[str, tuple[str, str]] = {
    # issue 13: ratings
    "stars": ("星级", "Stars"),
    "tags": ("标签", "Tags"),
    "pending": ("只看待处理", "Pending only"),
    "objection_id": ("异议编号", "Objection id"),
    # issue 14: exports
    "from": ("开始日期", "From"),
    "to": ("截止日期", "To"),
    "day_from": ("开始日期", "From"),
    "day_to": ("截止日期", "To"),
    "district": ("区县", "District"),
    "lang": ("表头语言", "Header language"),
    # issue 13: alert settings
    "enabled": ("是否开启", "Enabled"),
    "channels": ("提醒方式", "Channels"),
    "quiet_hours": ("免打扰时段", "Quiet hours"),
    "quiet_hours.from": ("免打扰开始", "Quiet hours start"),
    "quiet_hours.to": ("免打扰结束", "Quiet hours end"),
    "daily_cap": ("每天最多提醒", "Daily cap"),
    # issue 14: the market's figures
    "interval": ("统计周期", "Interval"),
    # issue 15: the login's first page
    "first_page": ("同时返回首页内容", "Also answer the first page"),
    # issue 13: credit grades
    "grade": ("信用等级", "Credit grade"),
    "lift_on": ("可申请解除日期", "May be lifted on"),
}
