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
  find_work: ['为其找活', 'Find work for this jobseeker'],
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
  // wage warnings (warnings.js)
  nav_warnings: ['欠薪预警', 'Wages'],
  nav_board: ['预警看板', 'Board'],
  w_title: ['欠薪预警看板', 'Wage warning board'],
  w_intro_staff: ['本驿站服务范围内工资逾期未付的用工方：红色最紧急，同色按逾期先后排列。', 'Employers with wages overdue at sites your station serves: red is the most urgent; within a colour, the oldest first.'],
  w_intro_bureau: ['全市工资逾期未付的用工方，红色预警已自动立案。', 'Every employer in the city with wages overdue; a red warning has opened a case by itself.'],
  sv_title: ['人社部门工作台', 'Labour bureau'],
  wl_red: ['红色预警', 'Red'],
  wl_yellow: ['黄色预警', 'Yellow'],
  wl_blue: ['蓝色预警', 'Blue'],
  wr_pay_by_passed: ['已过支付期限', 'pay-by time passed'],
  wr_working_days: ['逾期工作日达到阈值', 'working days late'],
  wr_worker_says_unpaid: ['工人反映未收到', 'a worker says unpaid'],
  wr_several_workers: ['拖欠多名工人', 'several workers owed'],
  wr_amount_threshold: ['欠薪金额较大', 'large amount owed'],
  ws_confirmed: ['已确认收款', 'paid, confirmed'],
  ws_recovered: ['已追回', 'recovered'],
  ws_cancelled: ['已取消', 'cancelled'],
  ws_no_show: ['未到岗', 'no-show'],
  w_all: ['全部', 'All'],
  w_level: ['预警级别', 'Warning level'],
  w_station: ['驿站', 'Station'],
  w_all_stations: ['全部驿站', 'All stations'],
  w_total: ['共 {n} 条', '{n} in all'],
  w_empty: ['没有未解除的欠薪预警', 'No open wage warnings'],
  w_owed: ['欠 {n} 人 {amount}', '{amount} owed to {n} worker(s)'],
  w_days: ['逾期 {n} 个工作日', '{n} working day(s) late'],
  w_due: ['应付于', 'due'],
  w_claimed: ['（工人所报）', '(the worker says)'],
  w_disputed: ['反映未收到', 'says unpaid'],
  w_yours: ['您的欠薪预警', 'Wage warnings about you'],
  w_about_you: ['您尚欠 {n} 名工人工资', 'You owe {n} worker(s) their pay'],
  w_employer_hint: ['请尽快付清并在订单中登记付款；工人确认收到后，预警自动解除。', 'Pay as soon as you can and record it on the order; the warning ends when the workers confirm.'],
  unknown_route: ['页面不存在', 'Page not found'],
  forbidden_role: ['这个页面不适用于您的账号', 'This page is not for your account'],
  // issue 15: places, finding and reaching the site, the contract in plain view (places.js)
  place_search: ['地址（输入市场、小区、路名，从列表中选）', 'Address (type a market, estate or street and pick from the list)'],
  place_search_ph: ['如：金峰农贸市场', 'e.g. Jinfeng market'],
  place_none: ['没有找到，可以直接写完整地址，再用手机定位或选驿站确定位置', 'Nothing found: write the full address, then set the position by phone or station'],
  places_near: ['附近的地点（点一下用作地址）', 'Places nearby (tap one to use it as the address)'],
  place_needs_address: ['已用手机定位。请写明地址，或从下面选一个附近的地点', 'Position set from your phone. Write the address, or pick a place nearby below'],
  place_chosen: ['已选：{a}', 'Chosen: {a}'],
  position_from_phone: ['位置来自手机定位', 'Position from your phone'],
  position_from_station: ['位置来自驿站：{a}', 'Position from the station: {a}'],
  position_from_place: ['位置来自地点列表', 'Position from the city\'s place list'],
  confirm_far: ['地址和位置都没错，确认提交', 'Both the address and the position are right: submit anyway'],
  distance_away: ['距离约 {n} 公里', 'About {n} km away'],
  navigate_amap: ['高德地图导航', 'Directions in Amap'],
  navigate_other: ['用其他地图打开', 'Open in another map app'],
  call_employer: ['打电话给用工方', 'Call the employer'],
  call_worker: ['打电话给 {n}', 'Call {n}'],
  cand_skill_years: ['会{held}，{y}年', 'Does {held}, {y} yrs'],
  cand_skill_years_cert: ['会{held}，{y}年，有证', 'Does {held}, {y} yrs, certified'],
  contract_parties: ['双方', 'The parties'],
  contract_job: ['工作', 'The work'],
  contract_employer: ['用工方', 'Employer'],
  contract_worker: ['劳务提供方', 'Worker'],
  contract_phone: ['电话', 'Phone'],
  contract_qr: ['扫码验证合同', 'Scan to verify this contract'],
  contract_where: ['工作地点', 'Where'],
  // issue 15: accounts by SMS code, logout, sharing (account.js, share.js)
  login_by_password: ['密码登录', 'With password'],
  login_by_code: ['用验证码登录', 'Sign in with a code'],
  sms_code: ['短信验证码', 'Code from the text message'],
  sms_code_hint: ['6位数字，5分钟内有效', '6 digits, valid for 5 minutes'],
  get_code: ['获取验证码', 'Get a code'],
  sending_code: ['正在发送…', 'Sending…'],
  resend_in: ['{n}秒后重发', 'Resend in {n}s'],
  account_code_sent: ['验证码已发送到{phone}', 'Code sent to {phone}'],
  phone_first: ['请先填写手机号', 'Enter your mobile number first'],
  logging_in: ['正在登录…', 'Signing in…'],
  registering: ['正在注册…', 'Signing up…'],
  saving_password: ['正在保存…', 'Saving…'],
  forgot_password: ['忘记密码？', 'Forgot password?'],
  reset_title: ['用验证码重设密码', 'Set a new password with a code'],
  reset_intro: ['我们会给您的手机发一条验证码短信，填写后设置新密码。其他设备上的登录会被退出。', 'We text a code to your phone; enter it and choose a new password. You will be signed out on other devices.'],
  new_password: ['新密码', 'New password'],
  reset_submit: ['设置新密码并登录', 'Set the password and sign in'],
  password_reset: ['密码已重设', 'Your password is set'],
  password_optional: ['密码（选填）', 'Password (optional)'],
  password_optional_hint: ['用验证码注册可不填，以后用验证码登录；填写须至少8位，含字母和数字', 'Leave empty when signing up with a code and sign in by code later; if you set one: 8+ characters, letters and digits'],
  logging_out: ['正在退出…', 'Logging out…'],
  share: ['分享', 'Share'],
  link_copied: ['链接已复制，可粘贴发给别人', 'Link copied; paste it to share'],
  share_copy_here: ['复制下面的链接发给别人：', 'Copy this link to share it:'],
  shared_job_intro: ['登录或注册后即可接单，接单自动签电子合同。', 'Sign in or sign up to take this job; accepting signs an electronic contract.'],
  shared_job_area: ['地点', 'Where'],
  shared_job_area_hint: ['接单后可看到详细地址', 'The exact address shows once you accept'],
  shared_login: ['登录后接单', 'Sign in to take it'],
  shared_register: ['注册新账号', 'Sign up'],
  shared_job_closed: ['这个岗位已停止招聘', 'This job is no longer hiring'],
  shared_job_full: ['这个岗位已招满', 'This job is full'],
  shared_go_home: ['看看其他岗位', 'See other work'],
  // issue 15: feedback while waiting, confirmations, offline, reach, the station counter
  busy: ['正在提交…', 'Sending…'],
  busy_login: ['正在登录…', 'Logging in…'],
  busy_check_in: ['正在签到…', 'Checking in…'],
  busy_accept: ['正在签约…', 'Signing…'],
  busy_find: ['正在查找…', 'Searching…'],
  confirm_ok: ['确定', 'OK'],
  complete_confirm: ['确认 {w} 已完成「{j}」？确认后须按约定付工钱。', 'Confirm {w} has finished "{j}"? The agreed pay is then due.'],
  completed_toast: ['已确认完工', 'Marked complete'],
  paid_confirm: ['确认已付给 {w} {m}？对方会收到通知并核对。', 'Confirm you paid {w} {m}? They will be told and asked to confirm.'],
  paid_toast: ['已登记付款', 'Payment recorded'],
  cancel_job_confirm: ['取消「{j}」？已接单的人会收到通知。', 'Cancel "{j}"? Everyone who took it will be told.'],
  job_cancelled: ['已取消该活', 'Job cancelled'],
  big_text: ['大字模式', 'A+ larger text'],
  big_text_short: ['大字', 'A+'],
  read_aloud: ['朗读', 'Read aloud'],
  stale: ['没有网络，显示的是上次的内容（{t}）', 'No network: showing what was last loaded ({t})'],
  outside_trades: ['不是其登记的工种', 'Not one of their trades'],
  outside_trades_q: ['「{j}」不是 {n} 登记的工种，仍要为其接单吗？', '"{j}" is not one of {n}\'s trades. Accept it for them anyway?'],
  outside_trades_detail: ['其工种：{mine}；此活要求：{need}', 'Their trades: {mine}; this job needs: {need}'],
  accept_anyway: ['仍要接单', 'Accept anyway'],
  work_fit: ['对口的活', 'Their trades'],
  work_near: ['附近所有的活', 'All nearby'],
  fit_needs_consent: ['求职者本人同意驿站代办后，才能按其工种排序；下面是附近的活（不对口的已标出）。', 'Ranking by their trades needs their consent to the station; below are nearby jobs (those outside their trades are marked).'],
  fit_none_nearby: ['暂时没有对口的活；下面是附近所有的活（不对口的已标出）。', 'No job in their trades right now; below are all nearby jobs (those outside their trades are marked).'],
  call_employer_number: ['拨打用工方 {p}', 'Call the employer {p}'],
  walk_in_orders: ['订单和合同', 'Orders and contracts'],
  find_by_name: ['按姓名或身份证号查找', 'Find by name or ID number'],
  name_or_id: ['姓名或身份证号', 'Name or ID number'],
  lookup_empty: ['没有找到', 'Nobody found'],
  lookup_more: ['共 {n} 人，只显示前 20 位，请输入更完整的姓名', '{n} found, showing 20: type more of the name'],
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
