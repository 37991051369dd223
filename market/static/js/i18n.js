// Every string the app shows, in zh-CN (first) and en; the chosen language is remembered in localStorage.
// Money and times are formatted here too: one place decides ¥, two decimals, and how times are read and shown in
// the market's zone. What only the server knows comes in the page (a JSON block, `market.frontend.shell_config`):
// the market's zone and the server's own words for its and the network's failures, so no copy of them lives here.

const CONFIG = JSON.parse(document.getElementById('market-config')?.textContent || '{}');
/** The market's zone (IANA name), as the server is set: every time is shown and typed in it. */
export const ZONE = CONFIG.zone || 'UTC';
const SERVER_MESSAGES = CONFIG.messages || {};
const KEY = 'lg.lang';

const M = {
  app: ['零工市场', 'Linggong'],
  skip: ['跳到正文', 'Skip to content'],
  switch_to: ['English', '中文'],
  loading: ['正在加载…', 'Loading…'],
  offline: ['没有网络连接。已填写的内容不会丢失，联网后再试。', 'No network connection. What you typed is kept; try again when you are back online.'],
  retry: ['重试', 'Try again'],
  back: ['返回', 'Back'],
  go_home: ['回到首页', 'Go to the start'],
  save: ['保存', 'Save'],
  saved: ['已保存', 'Saved'],
  cancel: ['取消', 'Cancel'],
  close: ['关闭', 'Close'],
  more: ['加载更多', 'Load more'],
  none: ['无', 'None'],
  logout: ['退出登录', 'Log out'],
  // auth
  login: ['登录', 'Log in'],
  login_title: ['登录零工市场', 'Log in to Linggong'],
  register: ['注册', 'Sign up'],
  register_title: ['注册新账号', 'Create an account'],
  phone: ['手机号', 'Mobile number'],
  password: ['密码', 'Password'],
  password_hint: ['至少 8 位，包含字母和数字', 'At least 8 characters, letters and digits'],
  name: ['姓名', 'Name'],
  name_employer: ['姓名或单位名称', 'Your name or company name'],
  i_am: ['我是', 'I am'],
  role_worker: ['找活的（零工）', 'Looking for work (worker)'],
  role_employer: ['招人的（用工方）', 'Hiring (employer)'],
  no_account: ['还没有账号？', 'No account yet?'],
  have_account: ['已有账号？', 'Already have an account?'],
  verify_link: ['验证合同', 'Verify a contract'],
  station_help: ['不会用手机？到附近零工驿站，工作人员帮您登记找活。', 'Not used to phones? Visit a gig station nearby; staff will register you and find you work.'],
  stations_link: ['附近驿站', 'Stations nearby'],
  // nav
  nav_radar: ['找活', 'Work'],
  nav_orders: ['订单', 'Orders'],
  nav_inbox: ['消息', 'Inbox'],
  nav_profile: ['我的', 'Profile'],
  nav_jobs: ['岗位', 'Jobs'],
  nav_post: ['发布', 'Post'],
  nav_console: ['登记', 'Walk-ins'],
  nav_stations: ['驿站', 'Stations'],
  // worker profile
  profile_title: ['我的资料', 'My profile'],
  profile_intro: ['填好工种和位置，就能看到附近合适的活。', 'Add your trades and where you live to see suitable work nearby.'],
  real_name: ['真实姓名', 'Real name'],
  id_number: ['身份证号', 'Resident ID number'],
  id_number_hint: ['签合同用，只有您本人和驿站工作人员能看到完整号码', 'Used for contracts; only you and station staff see it in full'],
  trades: ['工种', 'Trades'],
  trade_add: ['添加工种', 'Add a trade'],
  trade_placeholder: ['如：电工、保洁、搬运', 'e.g. electrician, cleaner, mover'],
  trade_name: ['工种名称', 'Trade'],
  years: ['从业年数', 'Years'],
  certified: ['有证书', 'Certified'],
  remove: ['删除', 'Remove'],
  no_trades: ['还没有添加工种', 'No trades yet'],
  suggestions: ['建议', 'Suggestions'],
  home: ['住址（找附近的活）', 'Home (to find work nearby)'],
  use_my_location: ['用手机定位', 'Use my phone\'s location'],
  or_pick_station: ['或选一个附近的驿站作为位置', 'or use a nearby station as the position'],
  pick_station: ['选择驿站', 'Choose a station'],
  locating: ['正在定位…', 'Finding your location…'],
  location_failed: ['无法定位，请在下方选一个驿站', 'Could not get your location; pick a station below instead'],
  position_set: ['位置：{a}', 'Position: {a}'],
  coords: ['坐标 {a}', 'Coordinates {a}'],
  my_position: ['我的位置', 'My position'],
  address: ['地址', 'Address'],
  no_position: ['还没有设置位置', 'No position set yet'],
  radius: ['愿意去多远（公里）', 'How far you will travel (km)'],
  wage: ['期望日薪（元）', 'Expected daily wage (¥)'],
  // radar
  radar_title: ['附近适合您的活', 'Work near you that suits you'],
  radar_empty: ['附近暂时没有适合的活。可以扩大距离或添加工种。', 'No suitable work nearby right now. Travel farther or add trades.'],
  radar_needs_profile: ['先填写工种和住址，才能为您推荐附近的活。', 'Add your trades and home first so we can suggest work nearby.'],
  go_profile: ['去填写资料', 'Fill in my profile'],
  search_placeholder: ['搜索：如 搬家、刷墙', 'Search: e.g. moving, painting'],
  search: ['搜索', 'Search'],
  km: ['{n} 公里', '{n} km'],
  fit: ['匹配度 {n}%', '{n}% match'],
  why: ['为什么推荐', 'Why it suits you'],
  why_skill: ['您会{held}（要求：{req}）', 'You do {held} (needs {req})'],
  why_skill_same: ['您会{held}', 'You do {held}'],
  cand_skill: ['会{held}（要求：{req}）', 'Does {held} (needs {req})'],
  cand_skill_same: ['会{held}', 'Does {held}'],
  why_close: ['离您近', 'Close to you'],
  why_experience: ['经验丰富', 'Experienced'],
  why_reliable: ['您的记录良好', 'Your good record'],
  why_grade: ['雇主信用好', 'Employer with good credit'],
  places_left: ['还差 {n} 人', '{n} place(s) left'],
  full: ['已招满', 'Full'],
  filled_of: ['已招 {f}/{h} 人', '{f} of {h} filled'],
  // job
  job_title: ['岗位详情', 'Job'],
  employer: ['用工方', 'Employer'],
  credit: ['信用 {g}', 'Credit {g}'],
  when: ['时间', 'When'],
  where: ['地点', 'Where'],
  pay: ['工钱', 'Pay'],
  pay_by: ['最晚付款', 'Paid by'],
  pay_due: ['完工后 {n} 小时内付款', 'Paid within {n} hours of the end'],
  headcount: ['招几人', 'People needed'],
  description: ['说明', 'Description'],
  skills_needed: ['要求工种', 'Trades needed'],
  accept: ['我要接单', 'Take this job'],
  accept_title: ['确认接单并签合同', 'Confirm and sign the contract'],
  accept_terms: ['接单即与用工方签订电子合同，主要条款：', 'Taking the job signs an electronic contract with the employer. Main terms:'],
  accept_sign: ['确认接单，签合同', 'Confirm and sign'],
  accept_note: ['开工前 12 小时以内取消会记为违约。', 'Cancelling less than 12 hours before the start is recorded as late.'],
  accepted: ['接单成功，合同已签好', 'Job taken; the contract is signed'],
  job_taken_by_you: ['您已接过这个活（{s}）', 'You have taken this job ({s})'],
  contract_pending: ['合同正在生成，稍后在订单里查看', 'The contract is being prepared; see it in your orders shortly'],
  map: ['地图', 'Map'],
  // orders
  orders_title: ['我的订单', 'My orders'],
  orders_empty: ['还没有订单', 'No orders yet'],
  status_accepted: ['已接单', 'Accepted'],
  status_checked_in: ['已签到', 'Checked in'],
  status_completed: ['已完工', 'Completed'],
  status_paid: ['已付款', 'Paid'],
  status_confirmed: ['已确认收款', 'Payment confirmed'],
  status_cancelled: ['已取消', 'Cancelled'],
  agreed_pay: ['约定工钱', 'Agreed pay'],
  paid_amount: ['实付', 'Paid'],
  check_in: ['到岗签到', 'Check in'],
  check_in_hint: ['开工前 1 小时起可签到，需在工地附近', 'Check-in opens an hour before the start, near the site'],
  checked_in: ['签到成功', 'Checked in'],
  confirm_payment: ['我已收到工钱', 'I received the pay'],
  payment_confirmed: ['已确认收款', 'Payment confirmed'],
  not_paid: ['没收到工钱？', 'Not paid?'],
  not_paid_help: ['请打电话给驿站，工作人员会帮您维权：', 'Call a station; staff will help you claim your wages:'],
  call: ['拨打', 'Call'],
  contract: ['电子合同', 'Contract'],
  open_contract: ['查看合同', 'View contract'],
  cancel_order: ['取消订单', 'Cancel order'],
  cancel_confirm: ['确定取消这个订单吗？', 'Cancel this order?'],
  cancelled: ['已取消', 'Cancelled'],
  worker: ['零工', 'Worker'],
  // contract
  contract_title: ['电子合同', 'Contract'],
  contract_number: ['合同编号', 'Contract number'],
  contract_status: ['状态', 'Status'],
  contract_issued: ['签订时间', 'Signed at'],
  fingerprint: ['文件指纹 (SHA-256)', 'Fingerprint (SHA-256)'],
  open_pdf: ['打开合同 PDF', 'Open the PDF'],
  download_pdf: ['下载合同', 'Download'],
  verify_online: ['在线核验', 'Verify online'],
  verify_qr_note: ['合同 PDF 上印有二维码，任何人扫码即可核验真伪。', 'The PDF carries a QR code; anyone can scan it to check the contract.'],
  print: ['打印', 'Print'],
  contract_status_issued: ['有效', 'In force'],
  contract_status_cancelled: ['已作废', 'Cancelled'],
  // inbox
  inbox_title: ['消息', 'Messages'],
  inbox_empty: ['没有消息', 'No messages'],
  inbox_unavailable: ['消息功能即将开通，暂时无法查看。', 'Messages are not available yet.'],
  mark_all_read: ['全部标为已读', 'Mark all as read'],
  unread: ['未读', 'Unread'],
  // employer
  post_title: ['发布用工需求', 'Post a job'],
  job_name: ['标题', 'Title'],
  job_name_ph: ['如：搬家临时工 2 人', 'e.g. 2 movers for a house move'],
  starts: ['开始时间（{zone}）', 'Starts ({zone})'],
  ends: ['结束时间（{zone}）', 'Ends ({zone})'],
  amount: ['工钱（元）', 'Pay (¥)'],
  unit: ['计价方式', 'Paid per'],
  unit_hour: ['每小时', 'hour'],
  unit_day: ['每天', 'day'],
  unit_piece: ['每件', 'piece'],
  per_hour: ['/小时', '/hour'],
  per_day: ['/天', '/day'],
  per_piece: ['/件', '/piece'],
  pay_due_hours: ['完工后几小时内付款', 'Pay within hours after the end'],
  place: ['工作地点', 'Place of work'],
  use_here: ['用我现在的位置', 'Use where I am now'],
  use_company: ['用单位地址', 'Use my company address'],
  publish: ['发布', 'Publish'],
  published: ['已发布', 'Published'],
  my_jobs: ['我发布的岗位', 'My jobs'],
  jobs_empty: ['还没有发布岗位', 'No jobs posted yet'],
  candidates: ['推荐人选', 'Suggested workers'],
  candidates_empty: ['附近暂时没有合适的人选', 'No suitable workers nearby right now'],
  orders_of_job: ['接单的人', 'Who took it'],
  mark_complete: ['确认完工', 'Mark completed'],
  mark_paid: ['已付工钱', 'Mark paid'],
  paid_amount_prompt: ['实付金额（元）', 'Amount paid (¥)'],
  payment_note: ['备注（金额与约定不同时必填）', 'Note (required if the amount differs)'],
  job_status_open: ['招人中', 'Open'],
  job_status_filled: ['已招满', 'Filled'],
  job_status_full: ['已招满', 'Full'],
  status_no_show: ['未到岗', 'No-show'],
  record_no_show: ['登记未到岗', 'Record no-show'],
  no_show_confirm: ['确定登记该工人未到岗吗？工人会收到通知，并可提出异议。', 'Record this worker as a no-show? They will be told and may object.'],
  no_show_recorded: ['已登记未到岗', 'No-show recorded'],
  no_show_objection_due: ['如有异议，请于 {t} 前提出', 'If this is wrong, object by {t}'],
  no_show_objection_due_other: ['工人可于 {t} 前提出异议', 'The worker may object until {t}'],
  no_show_objected_mine: ['您的异议：{note}', 'Your objection: {note}'],
  no_show_object_prompt: ['说明情况（必填）', 'What happened (required)'],
  no_show_object: ['提出异议', 'Object'],
  no_show_objection_sent: ['异议已提交，驿站将核实', 'Objection sent; the station will check'],
  no_show_objected: ['工人异议：{note}', 'Objection: {note}'],
  no_show_upheld: ['异议成立，未到岗登记已撤销', 'Objection upheld; the no-show was removed'],
  no_show_dismissed: ['异议未成立：{note}', 'Objection not upheld: {note}'],
  no_show_decision_note: ['处理说明', 'Decision note'],
  no_show_uphold: ['异议成立（撤销登记）', 'Uphold (remove the no-show)'],
  no_show_dismiss: ['异议不成立（维持登记）', 'Dismiss (keep the no-show)'],
  nav_no_shows: ['未到岗异议', 'No-shows'],
  no_shows_title: ['待处理的未到岗异议', 'No-show objections to decide'],
  no_shows_empty: ['没有待处理的异议', 'No objections waiting'],
  job_status_closed: ['已结束', 'Closed'],
  job_status_cancelled: ['已取消', 'Cancelled'],
  cancel_job: ['取消岗位', 'Cancel job'],
  score: ['匹配度', 'Fit'],
  employer_id: ['用工方编号（电话委托发布）', 'Employer number (posting for a caller)'],
  part_skill: ['工种', 'Trade'],
  part_distance: ['距离', 'Distance'],
  part_experience: ['经验', 'Experience'],
  part_reliability: ['守约', 'Reliability'],
  part_rating: ['评价', 'Rating'],
  // station
  console_title: ['驿站工作台', 'Station console'],
  find_walkin: ['查找求职人员', 'Find a walk-in worker'],
  find: ['查找', 'Find'],
  not_found_register: ['没有找到，请登记：', 'Not found; register them:'],
  register_walkin: ['登记现场求职人员', 'Register a walk-in worker'],
  registered: ['已登记', 'Registered'],
  my_station: ['本驿站', 'My station'],
  choose_station: ['请先选择本驿站（用于默认位置）', 'Choose your station first (used as the default position)'],
  find_work: ['为他找活', 'Find work for them'],
  skill_filter: ['工种', 'Trade'],
  accept_for: ['代为接单', 'Accept for them'],
  consent: ['本人同意', 'Their consent'],
  consent_sign: ['请本人在下面签名', 'Ask them to sign below'],
  consent_clear: ['重签', 'Clear'],
  consent_code: ['或发验证码到本人手机', 'Or text a code to their phone'],
  send_code: ['发送验证码', 'Send code'],
  code_sent: ['验证码已发送到 {p}，10 分钟内有效', 'Code sent to {p}; valid for 10 minutes'],
  code: ['验证码', 'Code'],
  accept_with_sign: ['签名确认，代为接单', 'Signed: accept for them'],
  accept_with_code: ['用验证码确认，代为接单', 'Accept with the code'],
  sign_required: ['请先签名', 'Please sign first'],
  station_consent: ['本人同意驿站代办', 'Their consent to the station'],
  station_consent_hint: ['自行注册的求职者，须本人用手机收到的验证码同意后，驿站才能代其签名接单、修改资料、确认收款。', 'A worker who registered themselves must agree with the code texted to their phone before the station may sign, edit their profile or confirm payments for them.'],
  give_consent: ['用验证码确认同意', 'Record their consent'],
  consent_given: ['已记录本人同意，驿站可代为办理', 'Consent recorded; the station may act for them'],
  stations_title: ['零工驿站', 'Gig stations'],
  hours: ['开放时间', 'Hours'],
  // verify
  verify_title: ['验证电子合同', 'Verify a contract'],
  verify_intro: ['选择合同 PDF 文件，检查签名是否完整、文件是否被改动。', 'Choose the contract PDF to check its signatures and that nothing was changed.'],
  pdf_file: ['合同 PDF 文件', 'Contract PDF file'],
  verify_btn: ['开始验证', 'Verify'],
  verify_valid: ['合同有效：签名完整，内容未被改动', 'Valid: signatures intact, nothing changed'],
  verify_invalid: ['合同无法通过验证', 'This contract did not verify'],
  signers: ['签署方', 'Signers'],
  signed_at: ['签署时间', 'Signed at'],
  problems: ['问题', 'Problems'],
  choose_file: ['请先选择文件', 'Choose a file first'],
  unknown_route: ['页面不存在', 'Page not found'],
  forbidden_role: ['这个页面不适用于您的账号', 'This page is not for your account'],
  // wage cases (issue 12: js/cases.js, case_words.js, case_actions.js, complaint.js, case_figures.js)
  nav_cases: ['维权', 'Cases'],
  nav_figures: ['办结统计', 'Figures'],
  not_paid_complain: ['没收到工钱', 'Not paid'],
  pay_wrong: ['工钱不对', 'Pay is wrong'],
  amount_wrong: ['数目不对', 'Wrong amount'],
  pay_gap: ['实付 {paid}，比约定的 {agreed} 少 {gap}', 'Paid {paid}: {gap} less than the agreed {agreed}'],
  employer_note: ['用工方备注：{note}', 'Employer\'s note: {note}'],
  complaint_title: ['投诉欠薪', 'Complain about pay'],
  complaint_intro: ['驿站会受理您的投诉，安排专人找用工方处理，每一步都会告诉您。', 'A station takes up your complaint, someone there deals with the employer, and you are told of every step.'],
  complaint_kind: ['遇到了什么问题', 'What is wrong'],
  complaint_amount: ['被欠的工钱（元）', 'Pay owed to you (¥)'],
  complaint_amount_hint: ['已按约定工钱 {agreed} 算好，可以修改', 'Worked out from the agreed pay of {agreed}; change it if needed'],
  complaint_note: ['补充说明（选填）', 'Anything to add (optional)'],
  complaint_note_hint: ['比如：用工方怎么说的、答应哪天付', 'For example: what the employer said, the day they promised to pay'],
  complaint_not_due: ['最晚付款时间 {t} 还没到。到时仍没收到，再投诉欠薪；现在只能反映其他问题。', 'The pay is not due until {t}. If it has not come by then, complain about it; for now you can report something else.'],
  complaint_send: ['提交投诉', 'Send the complaint'],
  complaint_sent: ['投诉已受理，案件编号 {number}', 'Complaint received: case {number}'],
  complaint_privacy: ['您的电话和身份证号不会给用工方看到。', 'The employer does not see your phone number or ID number.'],
  complaint_filed_as: ['已投诉：案件 {number}（{status}）', 'Complaint filed: case {number} ({status})'],
  case_progress: ['查看办理进度', 'See how it is going'],
  case_kind_unpaid: ['没收到工钱', 'Not paid'],
  case_kind_underpaid: ['工钱给少了', 'Paid too little'],
  case_kind_other: ['其他问题', 'Something else'],
  case_status_received: ['已受理', 'Received'],
  case_status_assigned: ['已交办', 'Assigned'],
  case_status_handling: ['办理中', 'Being handled'],
  case_status_closed: ['已办结', 'Closed'],
  case_status_follow_up: ['回访中', 'Follow-up'],
  case_status_archived: ['已归档', 'Archived'],
  case_plain_received: ['驿站已收到您的投诉，正在安排专人办理。', 'The station has your complaint and is choosing who will handle it.'],
  case_plain_assigned: ['已有专人负责您的投诉，会联系用工方。', 'Someone now handles your complaint and will contact the employer.'],
  case_plain_handling: ['驿站正在和用工方联系、调解。', 'The station is talking to the employer and mediating.'],
  case_plain_closed: ['驿站已办结。请告诉我们钱是否真的收到了。', 'The station has closed the case. Please tell us whether the money really came.'],
  case_plain_follow_up: ['驿站已办结。请告诉我们钱是否真的收到了。', 'The station has closed the case. Please tell us whether the money really came.'],
  case_plain_archived: ['案件已归档。', 'The case is archived.'],
  case_outcome_recovered_full: ['已全额追回', 'Recovered in full'],
  case_outcome_recovered_partial: ['部分追回', 'Partly recovered'],
  case_outcome_unfounded: ['经核实不属实', 'Not upheld'],
  case_outcome_referred: ['转劳动监察/仲裁', 'Referred to labour inspection or arbitration'],
  case_outcome_withdrawn: ['已撤回', 'Withdrawn'],
  case_channel_app: ['手机投诉', 'In the app'],
  case_channel_qr: ['扫合同二维码', 'From the contract\'s QR code'],
  case_channel_walk_in: ['驿站现场', 'At a station'],
  case_channel_hotline_12333: ['12333 热线', '12333 hotline'],
  case_channel_hotline_12345: ['12345 热线', '12345 hotline'],
  case_channel_warning: ['红色预警自动立案', 'Opened by a red warning'],
  case_letter_reminder: ['提醒函', 'reminder letter'],
  case_letter_supervision: ['督办函', 'supervision letter'],
  case_actor_you: ['您', 'You'],
  case_actor_bureau: ['人社部门', 'The labour bureau'],
  case_actor_staff: ['驿站（{name}）', 'The station ({name})'],
  case_actor_employer: ['用工方', 'The employer'],
  case_actor_system: ['系统', 'The system'],
  tl_filed: ['{who}提交了投诉：{kind} {amount}', '{who} complained: {kind}, {amount}'],
  tl_joined: ['{who}的投诉并入本案：{kind} {amount}', 'A complaint by {who} joined the case: {kind}, {amount}'],
  tl_assigned: ['{who}把案件交给 {owner} 办理', '{who} gave the case to {owner}'],
  tl_note: ['{who}记录：{note}', '{who} noted: {note}'],
  tl_letter: ['{who}向用工方发出{letter}', '{who} sent the employer a {letter}'],
  tl_reply: ['{who}答复：{note}', '{who} replied: {note}'],
  tl_payment: ['{who}登记付款 {amount}', '{who} recorded a payment of {amount}'],
  tl_state: ['案件进入“{status}”', 'The case is now “{status}”'],
  tl_closed: ['{who}办结案件：{outcome}', '{who} closed the case: {outcome}'],
  tl_closed_recovered: ['{who}办结案件：{outcome}，追回 {amount}', '{who} closed the case: {outcome}, {amount} recovered'],
  tl_follow_up_yes: ['{who}回复：钱已收到，问题解决了', '{who} answered: the money came, it is resolved'],
  tl_follow_up_no: ['{who}回复：问题没有解决，案件重新办理', '{who} answered: not resolved; the case is handled again'],
  tl_escalated: ['超过办理期限，案件已上报人社部门', 'Past its deadline, the case went up to the labour bureau'],
  tl_escalated_by: ['{who}把案件上报人社部门', '{who} sent the case up to the labour bureau'],
  tl_taken_up: ['{who}提级督办本案', '{who} took the case up (提级督办)'],
  tl_flagged: ['{who}对本案挂牌督办', '{who} flagged the case for supervision (挂牌督办)'],
  tl_reopened: ['{who}重新办理案件：{note}', '{who} reopened the case: {note}'],
  tl_other: ['{who}：{kind}', '{who}: {kind}'],
  case_title: ['维权案件', 'Wage case'],
  cases_title_mine: ['我的维权案件', 'My wage cases'],
  cases_title_queue: ['欠薪案件', 'Wage cases'],
  cases_title_bureau: ['全市欠薪案件', 'Wage cases in the city'],
  cases_empty_mine: ['没有维权案件', 'No wage cases'],
  cases_empty_queue: ['没有需要办理的案件', 'No cases to handle'],
  case_filters: ['筛选案件', 'Filter cases'],
  case_filter_station: ['本驿站', 'My station'],
  case_filter_all: ['全部', 'All'],
  case_filter_mine: ['我办理的', 'Mine'],
  case_filter_overdue: ['已超期', 'Overdue'],
  case_filter_closed: ['已办结', 'Closed'],
  case_overdue: ['已超期', 'Overdue'],
  case_escalated: ['已上报', 'Escalated'],
  case_taken_up: ['提级督办', 'Taken up'],
  case_flagged: ['挂牌督办', 'Flagged'],
  case_number: ['案件编号', 'Case number'],
  case_state: ['进度', 'State'],
  case_station: ['驿站', 'Station'],
  case_owner: ['承办人', 'Handled by'],
  case_owner_is: ['承办人：{name}', 'Handled by {name}'],
  case_no_owner: ['待交办', 'Not assigned yet'],
  case_opened: ['受理时间', 'Received'],
  case_due: ['办理期限', 'Due by'],
  case_amount: ['投诉金额', 'Amount claimed'],
  case_recovered: ['已追回', 'Recovered'],
  case_claimants: ['投诉人', 'Claimants'],
  case_claimants_n: ['{n} 人投诉', '{n} claimant(s)'],
  case_your_claim: ['您的投诉', 'Your claim'],
  case_others: ['另有 {n} 名工友投诉同一用工方，一并办理', '{n} other worker(s) complained about the same employer; handled together'],
  case_order_n: ['订单 {n}', 'Order {n}'],
  case_job: ['活儿', 'Work'],
  case_timeline: ['办理经过', 'What has happened'],
  case_said_resolved: ['回访：已解决', 'Follow-up: resolved'],
  case_said_unresolved: ['回访：未解决', 'Follow-up: not resolved'],
  case_follow_up: ['回访', 'Follow-up'],
  case_follow_up_question: ['工钱真的拿到了吗？', 'Did you really get your pay?'],
  case_resolved: ['已解决', 'Resolved'],
  case_unresolved: ['未解决', 'Not resolved'],
  case_thanks_resolved: ['谢谢，已记录', 'Thank you; recorded'],
  case_thanks_unresolved: ['已记录，案件将重新办理', 'Recorded; the case will be handled again'],
  case_you_said_resolved: ['您已回复：已解决。', 'You answered: resolved.'],
  case_you_said_unresolved: ['您已回复：未解决。驿站会重新办理。', 'You answered: not resolved. The station will handle it again.'],
  case_worker_waiting: ['办结后会发短信问您钱是否收到。', 'When the case is closed you will get a text asking whether the money came.'],
  case_your_part: ['需要您处理', 'Your part'],
  case_employer_hint: ['请说明情况，或直接付款。付款后工人在手机上确认收到，案件才算解决。', 'Explain, or pay. The case is resolved once the worker confirms on their phone that the money came.'],
  case_reply: ['书面答复', 'Written reply'],
  case_send_reply: ['提交答复', 'Send the reply'],
  case_reply_sent: ['答复已提交', 'Reply sent'],
  case_pay: ['付款给', 'Pay'],
  case_paid_recorded: ['已登记付款，等工人确认', 'Payment recorded; waiting for the worker to confirm'],
  case_note: ['说明', 'Note'],
  case_note_required: ['说明（必填）', 'Note (required)'],
  case_actions: ['办理', 'Handle'],
  case_assign: ['交办', 'Assign'],
  case_assign_me: ['由我办理', 'I will handle it'],
  case_yours: ['由您办理', 'You handle this case'],
  case_transfer: ['转交', 'Transfer'],
  case_transfer_to: ['转交其他驿站', 'Transfer to another station'],
  case_pick_station: ['请选择驿站', 'Choose a station'],
  case_assigned: ['已交办', 'Assigned'],
  case_add_note: ['记录办理情况', 'Record a step'],
  case_note_added: ['已记录', 'Recorded'],
  case_letters: ['函件', 'Letters'],
  case_letters_hint: ['按案件记录生成 PDF，发出即记入案件档案。', 'Made from the case file as a PDF; sending it is recorded in the file.'],
  case_make_letter: ['生成{letter}', 'Make a {letter}'],
  case_letter_made: ['{letter}已生成并记录', 'The {letter} is made and recorded'],
  case_open_pdf: ['打开 PDF', 'Open the PDF'],
  case_close: ['办结', 'Close the case'],
  case_outcome: ['办理结果', 'Outcome'],
  case_recovered_yuan: ['追回金额（元）', 'Amount recovered (¥)'],
  case_recovered_hint: ['投诉金额 {amount}', 'Amount claimed: {amount}'],
  case_closed_done: ['已办结，工人会收到回访短信', 'Closed; the workers get a follow-up text'],
  case_reopen: ['重新办理', 'Reopen'],
  case_reopened: ['已重新办理', 'Reopened'],
  case_phone_follow_up: ['电话回访 {name}', 'Phone follow-up: {name}'],
  case_escalate: ['上报人社部门', 'Send up to the labour bureau'],
  case_escalated_done: ['已上报', 'Sent up'],
  case_take_up: ['提级督办', 'Take the case up'],
  case_flag: ['挂牌督办', 'Flag for supervision'],
  case_supervise_hint: ['提级督办：由人社部门直接督导办理；挂牌督办：列入重点督办名单，限期办结。', 'Taking up: the bureau directs the handling itself. Flagging: the case goes on the list of cases watched to a deadline.'],
  intake_title: ['登记投诉', 'Take a complaint'],
  intake_find: ['找到投诉人', 'Find the worker'],
  intake_find_hint: ['现场来访或 12333/12345 热线来电：输入工人的手机号。', 'A walk-in, or a call to the 12333/12345 hotline: type the worker\'s mobile number.'],
  intake_not_found: ['没有这个手机号的工人，请先登记：', 'No worker has this number; register them first:'],
  intake_orders_of: ['{name} 的订单：选择被欠工钱的那一单', 'Orders of {name}: pick the one not paid'],
  intake_this_order: ['为这一单登记投诉', 'Complaint about this order'],
  intake_channel: ['投诉渠道', 'Channel'],
  intake_file: ['替 {name} 提交投诉', 'File it for {name}'],
  figures_title: ['办结统计', 'Closure figures'],
  figures_on_time_rate: ['按时办结率', 'Closed on time'],
  figures_on_time_rate_hint: ['按时办结的案件 ÷ 已办结的案件', 'cases closed on time ÷ cases closed'],
  figures_closure_rate: ['动态办结率', 'Closure rate'],
  figures_closure_rate_hint: ['已办结的案件 ÷ 受理的案件', 'cases closed ÷ cases received'],
  figures_recovered: ['追回工资', 'Wages recovered'],
  figures_median_days: ['办结用时（中位数）', 'Days to close (median)'],
  figures_days: ['{n} 天', '{n} days'],
  figures_received: ['受理', 'Received'],
  figures_closed: ['办结', 'Closed'],
  figures_open: ['在办', 'Open'],
  figures_overdue: ['超期', 'Overdue'],
  figures_cases: ['案件数', 'Cases'],
  figures_by_outcome: ['按办理结果', 'By outcome'],
  figures_by_station: ['按驿站', 'By station'],
  figures_by_employer: ['按用工方', 'By employer'],
};

let lang = localStorage.getItem(KEY) || (navigator.language && navigator.language.startsWith('en') ? 'en' : 'zh-CN');

export function currentLang() { return lang; }

export function setLang(next) {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
}

/** The text for `key` in the current language (the app's own, else the server's), with `{name}` filled from `vars`. */
export function t(key, vars) {
  const pair = M[key];
  let text = pair ? pair[lang === 'en' ? 1 : 0] : (SERVER_MESSAGES[key] || {})[lang] || key;
  if (vars) for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, value);
  return text;
}

/** ¥ with two decimals from an integer number of fen. */
export function money(fen) {
  if (fen == null) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export function payText(pay) {
  return money(pay.amount_fen) + t(`per_${pay.unit}`);
}

const fmtCache = {};
function fmt(kind) {
  const id = `${lang}:${kind}`;
  if (!fmtCache[id]) {
    const opts = { timeZone: ZONE, hour12: false };
    if (kind !== 'time') Object.assign(opts, { month: 'numeric', day: 'numeric', weekday: 'short' });
    if (kind !== 'date') Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
    fmtCache[id] = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', opts);
  }
  return fmtCache[id];
}

/** A moment in the market's zone, e.g. "11月27日周五 07:00". */
export function when(iso) { return iso ? fmt('full').format(new Date(iso)) : '—'; }

/** A start–end span; the end shows only its time when it falls on the same day. */
export function span(startIso, endIso) {
  const a = new Date(startIso); const b = new Date(endIso);
  const sameDay = fmt('date').format(a) === fmt('date').format(b);
  return `${fmt('full').format(a)} – ${sameDay ? fmt('time').format(b) : fmt('full').format(b)}`;
}

/** The market zone's name for people in the current language, from the server's catalogue, else its IANA name. */
export function zoneLabel() {
  return (CONFIG.zone_label || {})[lang] || ZONE;
}

const DAY_MS = 24 * 3600 * 1000;
const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** What the market's clocks read at instant `ms`: {year, month, day, hour, minute, second} as strings. */
function wallClock(ms) {
  const parts = Object.fromEntries(wallFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  parts.hour = String(Number(parts.hour) % 24).padStart(2, '0'); // some engines say 24 for midnight
  return parts;
}

/** The market zone's offset from UTC at instant `ms`, in milliseconds (east positive). */
function offsetAt(ms) {
  const w = wallClock(ms);
  const whole = Math.floor(ms / 1000) * 1000;
  return Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second) - whole;
}

/**
 * "YYYY-MM-DDTHH:mm" as typed on the market's clocks -> ISO 8601 in UTC. Intl only formats, so the offset is
 * found by trying the zone's offsets a day either side (a zone changes its offset at most once in two days) and
 * keeping the one under which the instant reads as typed. A time that occurs twice (clocks going back) is the
 * earlier; one that never occurs (clocks going forward) moves on by the gap, as clocks do.
 */
export function localInputToIso(value) {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const before = offsetAt(wall - DAY_MS);
  const fits = [...new Set([before, offsetAt(wall + DAY_MS)])].map((o) => wall - o)
    .filter((utc) => offsetAt(utc) === wall - utc).sort((a, b) => a - b);
  return new Date(fits.length ? fits[0] : wall - before).toISOString();
}

/** ISO -> "YYYY-MM-DDTHH:mm" on the market's clocks, for <input type=datetime-local>. */
export function isoToLocalInput(iso) {
  const w = wallClock(new Date(iso).getTime());
  return `${w.year}-${w.month}-${w.day}T${w.hour}:${w.minute}`;
}
