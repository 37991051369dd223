"""The training courses' part of the message catalogue (issue 14, market/courses): errors, field names, the
suggestion's notice, zh-CN and en."""

from __future__ import annotations

__all__ = ["COURSES_FIELDS", "COURSES_MESSAGES"]

COURSES_MESSAGES: dict[str, tuple[str, str]] = {
    "course_not_found": ("没有这门培训课程", "There is no such course"),
    "course_other_station": ("只能由课程所属驿站的工作人员或管理员修改",
                             "Only the staff of the course's station or an administrator may do this"),
    "course_no_station": ("您还没有分配驿站，请联系管理员", "You have no station yet; ask an administrator"),
    "course_station_unknown": ("没有这个驿站", "is not one of the city's stations"),
    "course_starts_in_past": ("不能早于今天", "must not be before today"),
    "course_ends_before_start": ("不能早于开课日期", "must not be before the start date"),
    "notice.course_suggestion.title": ("推荐您参加技能培训", "A training course for you"),
    "notice.course_suggestion.body": (
        "附近需要{trade}的岗位是求职者的{ratio}倍。「{title}」（{provider}）{starts_on}开课，地点{address}，"
        "每人补贴{amount}。不想再收到推荐，可在「我的」页关闭。",
        "Near you there are {ratio} times as many {trade} jobs as people to do them. \u201c{title}\u201d "
        "({provider}) starts {starts_on} at {address}, subsidy {amount} each. Turn these off on your profile page.",
    ),
}

COURSES_FIELDS: dict[str, tuple[str, str]] = {
    "provider": ("培训机构", "Provider"),
    "starts_on": ("开课日期", "Start date"),
    "ends_on": ("结课日期", "End date"),
    "seats": ("名额", "Seats"),
    "subsidy_fen": ("培训补贴", "Subsidy"),
    "cancelled": ("是否撤下", "Withdrawn"),
    "upcoming": ("只看未结束的", "Upcoming only"),
    "course_id": ("课程编号", "Course id"),
}
