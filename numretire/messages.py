"""Every message a user reads: key -> (Chinese, English). tests/test_messages.py checks both exist and
take the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- general
    "interrupted": ("已中断。已完成的回答都已保存。", "Interrupted. Every answer so far is saved."),
    "punct.colon": ("：", ": "),  # between a label and its value: full width in a Chinese line
    "punct.label": ("{number}（{label}）", "{number} ({label})"),  # a number and its label
    "punct.aside": ("（{text}）", " ({text})"),  # words in brackets after others
    "punct.comma": ("，", ", "),
    "prompt.invalid": ("请输入以下之一：{choices}", "Please type one of: {choices}"),
    "error.bad_lang": ("不支持的语言“{value}”：请用 zh 或 en", "unknown language '{value}': use zh or en"),
    "error.bad_today": (
        "NUMRETIRE_TODAY 的值“{value}”不是 YYYY-MM-DD 格式的日期",
        "NUMRETIRE_TODAY '{value}' is not a date (YYYY-MM-DD)",
    ),
    # issue 15 (hardening): dates have a sane range where they enter
    "error.date_range": (
        "{option} 的值 {value} 超出范围：日期须在 {low} 与 {high} 之间",
        "{option} {value} is out of range: dates must be between {low} and {high}",
    ),
    "error.bad_date": (
        "{option} 的值“{value}”不是 YYYY-MM-DD 格式的日期",
        "{option} '{value}' is not a date (YYYY-MM-DD)",
    ),
    "error.no_such_month": (
        "{option} 的值 {value} 不存在：月份只有 1 到 12",
        "{option} {value} does not exist: months go from 1 to 12",
    ),
    "error.no_such_day": (
        "{option} 的值 {value} 不存在：{year} 年 {month} 月只有 {days} 天",
        "{option} {value} does not exist: {year}-{month:02d} has {days} days",
    ),
    "error.cancel_on_past": (
        "--cancel-on {date} 已经过去：计划注销日要选今天或以后；号码已经注销的话，用 numretire cancel --on {date} 记录",
        "--cancel-on {date} is in the past: plan a day from today on; if the number was already cancelled, record it with numretire cancel --on {date}",
    ),
    "error.acquired_future": (
        "--acquired {date} 还没到：填写号码归你的那一天（默认今天）",
        "--acquired {date} is still to come: give the day the number became yours (today by default)",
    ),
    "error.bad_status": (
        "未知状态“{value}”：可用 {choices}",
        "unknown status '{value}': use one of {choices}",
    ),
    "error.bad_category": (
        "未知类别“{value}”：可用 {choices}",
        "unknown category '{value}': use one of {choices}",
    ),
    "error.bad_flag": (
        "未知风险标记“{value}”：可用 {choices}",
        "unknown risk flag '{value}': use one of {choices}",
    ),
    "error.bad_yes_no": ("“{value}”不是 yes 或 no", "'{value}' is not yes or no"),
    # issue 15 (hardening): an error of the operating system the store did not name itself
    "error.os": ("{path}：{problem}", "{path}: {problem}"),
    "error.os_no_path": ("系统错误：{problem}", "system error: {problem}"),
    # usage errors of the command line (click's words, in Chinese; English keeps click's own)
    "usage.line": ("用法：{command} {args}", "Usage: {command} {args}"),
    "usage.options": ("[选项]", "[OPTIONS]"),
    "usage.help_hint": ("运行 {command} 查看帮助。", "Try '{command}' for help."),
    "usage.error": ("错误：{problem}", "Error: {problem}"),
    "usage.missing_argument": ("缺少参数 {name}。", "Missing argument '{name}'."),
    "usage.missing_option": ("缺少选项 {name}。", "Missing option '{name}'."),
    "usage.no_such_option": ("没有这个选项：{name}", "No such option: {name}"),
    "usage.possible_options": ("（可能是：{names}）", " (Possible options: {names})"),
    "usage.option_needs_value": ("选项 {name} 后面要跟一个值。", "Option '{name}' requires an argument."),
    "usage.option_takes_no_value": ("选项 {name} 不接受值。", "Option '{name}' does not take a value."),
    "usage.extra_arguments": ("多出了参数：{words}", "Got unexpected extra argument(s) ({words})"),
    "usage.no_such_command": ("没有这个命令：{name}", "No such command '{name}'."),
    "usage.missing_command": ("缺少命令。", "Missing command."),
    # ---------------------------------------------------------------- numbers
    "number.not_a_number": ("“{number}”不是电话号码", "'{number}' is not a phone number"),
    "number.too_short": ("“{number}”太短，不是完整的手机号", "'{number}' is too short to be a phone number"),
    "number.too_long": ("“{number}”太长，不是有效的手机号", "'{number}' is too long to be a phone number"),
    "number.invalid_length": ("“{number}”的位数不对", "'{number}' has the wrong number of digits"),
    "number.invalid_country_code": ("“{number}”的国家代码无效", "'{number}' has an invalid country code"),
    "number.invalid": (
        "“{number}”不是有效的号码（该号段不存在）",
        "'{number}' is not a valid number (no such number range)",
    ),
    "number.not_mobile": (
        "“{number}”不是手机号（可能是固定电话）",
        "'{number}' is not a mobile number (it looks like a landline)",
    ),
    # ---------------------------------------------------------------- store
    "store.locked": (
        "另一个 numretire 正在使用数据（锁文件 {path}），请稍后再试",
        "another numretire run is using the data (lock {path}); try again in a moment",
    ),
    "store.unreadable": ("无法读取 {path}：{problem}", "cannot read {path}: {problem}"),
    "store.corrupt": (
        "{path} 第 {line} 行：{problem}。文件未被改动；上一个版本保存在 {backup}",
        "{path}, line {line}: {problem}. The file was left untouched; the previous version is in {backup}",
    ),
    "store.corrupt_no_backup": (
        "{path} 第 {line} 行：{problem}。文件未被改动（没有备份）",
        "{path}, line {line}: {problem}. The file was left untouched (there is no backup)",
    ),
    "store.future_schema": (
        "{path} 是较新版本的 numretire 写的（格式 {found}，本版本支持到 {supported}）。"
        "请升级 numretire；文件未被改动",
        "{path} was written by a newer numretire (schema {found}; this one reads up to {supported}). "
        "Upgrade numretire; the file was left untouched",
    ),
    # issue 15 (hardening): a profile that holds another number, and the operating system's errors, in one line
    "store.wrong_number": (
        "{path} 里的号码是 {found}，与文件名（{expected}）不符：不会使用或改写它。"
        "请改正其中的 number，或把文件改名",
        "{path} holds the number {found}, not {expected} as its name says: it is neither used nor written. "
        "Correct its number, or rename the file",
    ),
    "store.bad_name": (
        "{path} 不是以号码命名的（应为 8613812345678.toml 这样的名字），不会被使用",
        "{path} is not named after a number (like 8613812345678.toml), so it is not used",
    ),
    "store.not_a_file": ("{path} 不是普通文件，不会被读取", "{path} is not a regular file; it is not read"),
    "store.dangling_link": (
        "{path} 是指向 {target} 的链接，但那里没有文件",
        "{path} is a link to {target}, where there is no file",
    ),
    "store.cannot_save": (
        "无法保存 {path}：{problem}。文件未被改动",
        "cannot save {path}: {problem}. The file was left untouched",
    ),
    "store.folder_unusable": (
        "无法使用数据文件夹 {path}：{problem}（可用 NUMRETIRE_HOME 指定另一个）",
        "cannot use the data folder {path}: {problem} (NUMRETIRE_HOME can name another)",
    ),
    "store.folder_unreadable": (
        "无法读取号码文件夹 {path}：{problem}",
        "cannot read the folder of numbers {path}: {problem}",
    ),
    "store.lock_failed": (
        "无法使用锁文件 {path}：{problem}",
        "cannot use the lock file {path}: {problem}",
    ),
    # ---------------------------------------------------------------- profiles
    "profile.none": (
        "还没有号码。先运行：numretire init 号码",
        "No number yet. Start with: numretire init NUMBER",
    ),
    "profile.unknown": (
        "没有找到号码或备注“{ref}”（numretire profiles 可列出全部）",
        "no number or label '{ref}' (numretire profiles lists them)",
    ),
    "profile.ambiguous": (
        "有多个号码：用 --profile 指定，或用 numretire use 设默认",
        "several numbers: pick one with --profile, or set the default with numretire use",
    ),
    "profile.exists": ("号码 {number} 已经在 numretire 中", "{number} is already in numretire"),
    # issue 15 (hardening): a profile that cannot be read is named, and the others still work
    "profile.unknown_unreadable": (
        "没有找到号码或备注“{ref}”；{path} 无法读取，可能就是它（numretire profiles 可查看原因）",
        "no number or label '{ref}'; {path} cannot be read and may be that one (numretire profiles says why)",
    ),
    "profile.unreadable": ("无法读取 {number}：{problem}", "{number} cannot be read: {problem}"),
    "profile.unreadable_backup": (
        "无法读取 {number}：{problem}（上一个版本：{backup}）",
        "{number} cannot be read: {problem} (its previous version: {backup})",
    ),
    "profile.unreadable_row": ("（无法读取）", "(unreadable)"),
    "profile.label_taken": (
        "备注“{label}”已被另一个号码使用",
        "the label '{label}' is already used by another number",
    ),
    # issue 15: a label's length is bounded where it enters (numretire/visible.py LIMITS)
    "input.label_too_long": (
        "--label 太长（{length} 个字符，最多 {limit} 个）",
        "--label is too long ({length} characters; at most {limit})",
    ),
    "profile.new_is_old": (
        "新号码不能与要注销的号码相同",
        "the new number cannot be the number being retired",
    ),
    "init.done": ("开始注销 {number}。", "Retiring {number}."),
    "profile.now_default": (
        "{number} 现在是默认号码（之前是 {previous}）；numretire use 号码或标签 可以切换。",
        "{number} is now the default number (it was {previous}); numretire use NUMBER-OR-LABEL switches.",
    ),
    "init.next": (
        "下一步：numretire triage 快速筛查绑定的服务，或 numretire demo 先看演示。",
        "Next: numretire triage to find the services tied to it, or numretire demo to see how it works.",
    ),
    "use.done": ("默认号码：{number}", "Default number: {number}"),
    "edit.done": ("已更新 {number}。", "Updated {number}."),
    "carrier.from_prefix": (
        "运营商：{carrier}（根据号段判断；携号转网后可能不同，可用 numretire edit --carrier 更正）",
        "Carrier: {carrier} (from the number's prefix; after number portability it may differ: "
        "correct it with numretire edit --carrier)",
    ),
    "carrier.from_user": ("运营商：{carrier}（你指定的）", "Carrier: {carrier} (as you said)"),
    "carrier.unknown": (
        "无法根据号段判断运营商；可用 numretire edit --carrier 填写",
        "The carrier could not be told from the number; set it with numretire edit --carrier",
    ),
    "carrier.source_prefix": ("（根据号段）", "(from the number's prefix)"),
    "carrier.source_user": ("（你指定的）", "(as you said)"),
    # ---------------------------------------------------------------- columns
    "col.default": ("默认", "default"),
    "col.number": ("号码", "Number"),
    "col.label": ("备注", "Label"),
    "col.carrier": ("运营商", "Carrier"),
    "col.cancel_on": ("计划注销", "Cancel on"),
    "col.items": ("条目", "Items"),
    "col.new_number": ("新号码", "New number"),
    "col.category": ("类别", "Category"),
    "col.progress": ("进度", "Progress"),
    "col.done": ("完成", "Done"),
    "col.id": ("ID", "ID"),
    "col.name": ("名称", "Name"),
    "col.status": ("状态", "Status"),
    "col.risk": ("风险", "Risk"),
    "col.regions": ("地区", "Regions"),
    "col.flags": ("风险标记", "Flags"),
    # ---------------------------------------------------------------- status
    "status.no_date": (
        "未设定（numretire edit --cancel-on YYYY-MM-DD）",
        "not set (numretire edit --cancel-on YYYY-MM-DD)",
    ),
    "status.days_left": ("{date}，还有 {days} 天", "{date}, {days} days left"),
    "status.days_past": ("{date}，已过 {days} 天", "{date}, {days} days ago"),
    "status.empty": (
        "清单还是空的：运行 numretire triage 或 numretire add。",
        "The inventory is empty: run numretire triage or numretire add.",
    ),
    "status.progress_title": ("进度", "Progress"),
    "status.overall": ("总计", "Overall"),
    "status.urgent_title": (
        "仍未处理的高危条目（{count}）：",
        "Critical and high items still open ({count}):",
    ),
    "status.more": ("  ……还有 {count} 项（numretire risks）", "  … and {count} more (numretire risks)"),
    "status.not_clean": (
        "这个号码还不能放心使用：{count} 个问题（numretire check 查看）",
        "Not clean to use yet: {count} problems (see numretire check)",
    ),
    "status.not_safe": (
        "现在注销还不安全：{count} 个问题（numretire check 查看）",
        "Not safe to cancel yet: {count} problems (see numretire check)",
    ),
    # once the number is gone (cancelled or left to lapse): its phase decides the words
    "col.cancelled_on": ("已注销", "Cancelled"),
    "col.arrears_since": ("欠费停机", "Suspended"),
    "col.phase": ("阶段", "Stage"),
    "status.gone_on": ("{date}（{when}）", "{date} ({when})"),
    "phase.cancel.frozen": (
        "号码已于 {gone} 注销，正在冻结期：{release} 起可能被分配给别人（还有 {days} 天）。",
        "The number was cancelled on {gone} and is frozen: from {release} it may be given to someone else (in {days} days).",
    ),
    "phase.cancel.released": (
        "号码已于 {gone} 注销；冻结期已于 {release} 结束，号码可能已属于别人。观察期到 {watch_end}。",
        "The number was cancelled on {gone}; the freeze ended on {release}, so it may now belong to someone else. Watch period until {watch_end}.",
    ),
    "phase.cancel.over": (
        "号码已于 {gone} 注销；观察期已于 {watch_end} 结束。",
        "The number was cancelled on {gone}; the watch period ended on {watch_end}.",
    ),
    "phase.cancel.no_rule": (
        "号码已于 {gone} 注销；不知道此号码所在地区的号码回收周期。",
        "The number was cancelled on {gone}; no reassignment period is known for its region.",
    ),
    "phase.arrears.frozen": (
        "号码自 {gone} 起欠费停机，{freeze} 起进入回收冻结期：{release} 起可能被分配给别人（还有 {days} 天）。",
        "The number has been suspended for arrears since {gone}, in the recycling freeze from {freeze}: from {release} it may be given to someone else (in {days} days).",
    ),
    "phase.arrears.released": (
        "号码自 {gone} 起欠费停机；冻结期已于 {release} 结束，号码可能已属于别人。观察期到 {watch_end}。",
        "The number was suspended for arrears from {gone}; the freeze ended on {release}, so it may now belong to someone else. Watch period until {watch_end}.",
    ),
    "phase.arrears.over": (
        "号码自 {gone} 起欠费停机；观察期已于 {watch_end} 结束。",
        "The number was suspended for arrears from {gone}; the watch period ended on {watch_end}.",
    ),
    "phase.arrears.no_rule": (
        "号码自 {gone} 起欠费停机；不知道此号码所在地区的号码回收周期。",
        "The number has been suspended for arrears since {gone}; no reassignment period is known for its region.",
    ),
    "phase.short.none": ("未定注销日期", "no date set"),
    "phase.short.before": ("计划 {date} 注销（{when}）", "cancel on {date} ({when})"),
    "phase.short.frozen": (
        "已停用，冻结至 {release}（{when}）",
        "frozen until {release} ({when})",
    ),
    "phase.short.frozen_no_rule": ("{gone} 起已停用", "out of service since {gone}"),
    "phase.short.released": (
        "{release} 起可能已属于别人",
        "may be someone else's since {release}",
    ),
    "phase.short.over": ("观察期已于 {watch_end} 结束", "watch period ended {watch_end}"),
    "phase.short.adopt": ("新号码，{date} 入手", "new number, acquired {date}"),
    "phase.tied": (
        "仍有 {count} 个账号绑定着旧号码：numretire walk 列出不用旧号码的办法（解绑号码、注销账号、官方客服）。",
        "Still tied to the old number: {count} accounts. numretire walk shows what can be done without it (removing the number, closing the account, official customer service).",
    ),
    "phase.tied_released": (
        "仍有 {count} 个账号绑定着旧号码，而号码可能已在别人手里：尽快用 numretire walk 处理。",
        "Still tied to the old number, which may now be someone else's: {count} accounts. Handle them now with numretire walk.",
    ),
    "phase.none_tied": ("没有账号还绑定着旧号码。", "No account is still tied to the old number."),
    "phase.tied_hotline": (
        "{name}（风险{level}，官方客服 {hotline}）",
        "{name} ({level} risk; official hotline {hotline})",
    ),
    "phase.tied_title": (
        "仍绑定着旧号码的账号（{count}）：",
        "Accounts still tied to the old number ({count}):",
    ),
    "phase.lookups_left": (
        "还能做的查漏工具（{count}）：{names}",
        "Lookups you can still do ({count}): {names}",
    ),
    # ---------------------------------------------------------------- statuses
    "status.open": ("待处理", "open"),
    "status.moved": ("已换绑新号", "moved"),
    "status.removed": ("已解绑", "removed"),
    "status.closed": ("已注销账号", "closed"),
    "status.not-mine": ("不是我的", "not mine"),
    "status.done": ("已完成", "done"),
    "status.skipped": ("暂时跳过", "skipped"),
    "status.blocked": ("受阻", "blocked"),
    "status.clear": ("未发现账号", "no account found"),
    "status.released": ("已释放号码", "released"),
    "status.contacted": ("已联系平台", "contacted the service"),
    "status.occupied": ("仍被占用", "still occupied"),
    # ---------------------------------------------------------------- risk levels and reasons
    "level.critical": ("极高", "critical"),
    "level.high": ("高", "high"),
    "level.medium": ("中", "medium"),
    "level.low": ("低", "low"),
    "risk.sentence": ("下一任机主可以{what}。", "The next holder of this number can {what}."),
    "risk.none": ("没有已知的风险标记；仍建议解绑。", "No known risk flags; unbinding is still wise."),
    # a task is a step to take, not an account: it says what it is for, never that it should be unbound
    "risk.task.carrier": (
        "关于号码本身和运营商的事项，不是账号。",
        "A step about the number itself and its carrier, not an account.",
    ),
    "risk.task.discovery": (
        "帮你找出遗漏的账号、授权或扣费的查询。",
        "A lookup that finds accounts, authorisations or charges you forgot.",
    ),
    "risk.task.other": ("要做的一项检查，不是账号。", "A check to make, not an account."),
    "risk.and": ("，并", " and "),
    "risk.list": ("、", ", "),
    "risk.do.login": ("用短信验证码登录你的账号", "log in to your account with an SMS code"),
    "risk.do.reset": (
        "通过“忘记密码”用短信重置密码、接管账号",
        'take the account over through "forgot password" by SMS',
    ),
    "risk.do.login_or_reset": ("用短信验证码登录或重置密码", "log in or reset the password with an SMS code"),
    "risk.do.stored-card": ("用你绑定的银行卡付款", "pay with your stored bank card"),
    "risk.do.balance": ("花掉账户里的余额", "spend the balance in the account"),
    "risk.do.credit": ("以你的名义使用信用额度或借款", "draw on credit or take loans in your name"),
    "risk.do.sms-payment": ("只凭短信验证码确认付款", "confirm payments with an SMS code alone"),
    "risk.do.password-free": ("不输密码直接小额免密支付", "make password-free payments without any code"),
    "risk.do.auto-debit": (
        "收到你仍在被扣费的自动续费/代扣通知",
        "get the notices of charges that keep running",
    ),
    "risk.do.real-name": ("接触与你实名身份绑定的记录", "reach records tied to your real-name identity"),
    "risk.do.sms-2fa": ("收到你的短信二次验证码", "receive your SMS second-factor codes"),
    "risk.do.sms-alerts": ("收到你的交易和余额短信提醒", "read your transaction and balance alerts"),
    "risk.do.hub": ("再用它找回你其他的账号", "use it to recover your other accounts"),
    # ---------------------------------------------------------------- flags explained
    "flag.sms-login": (
        "可用发到该号码的短信验证码登录",
        "anyone with the number can log in with an SMS code",
    ),
    "flag.sms-reset": ("可通过“忘记密码”用短信重置密码", '"forgot password" works with an SMS code'),
    "flag.sms-payment": ("付款只需短信验证码确认", "payments are confirmed by an SMS code alone"),
    "flag.password-free": (
        "开通了免密支付：小额付款无需任何验证",
        "password-free payment: small payments need no code at all",
    ),
    "flag.stored-card": ("绑定了银行卡", "a bank card is bound to the account"),
    "flag.balance": ("账户内有余额", "the account holds money"),
    "flag.credit": ("有信用额度或借款", "a credit line or loans in your name"),
    "flag.auto-debit": (
        "自动续费、代扣或话费支付会继续扣款",
        "auto-debit, subscriptions or carrier billing keep charging",
    ),
    "flag.sms-alerts": (
        "交易和余额提醒通过短信发到该号码",
        "transaction and balance alerts go to the number by SMS",
    ),
    "flag.real-name": ("与身份证、政府或实名记录相关", "an identity, government or real-name record"),
    "flag.sms-2fa": ("短信是（或可作为）二次验证方式", "SMS is (or can be) the second factor"),
    "flag.needs-old-number": (
        "换绑需要旧号码收验证码：必须在注销前完成",
        "changing the number needs a code sent to the old one: do it before cancelling",
    ),
    "flag.needs-counter": (
        "换绑需要到柜台办理或打电话",
        "changing the number needs a counter visit or a call",
    ),
    # ---------------------------------------------------------------- categories
    "category.payment": ("支付", "Payment"),
    "category.bank": ("银行", "Banks"),
    "category.credit": ("消费信贷", "Consumer credit"),
    "category.finance": ("证券与保险", "Securities and insurance"),
    "category.ecommerce": ("电商购物", "Shopping"),
    "category.food": ("外卖与本地生活", "Food and local services"),
    "category.travel": ("出行与旅行", "Travel and transport"),
    "category.social": ("社交", "Social"),
    "category.messaging": ("通讯", "Messaging"),
    "category.media": ("视频、音乐与阅读", "Video, music and reading"),
    "category.government": ("政务与社保", "Government"),
    "category.games": ("游戏", "Games"),
    "category.health": ("医疗健康", "Health"),
    "category.education": ("教育", "Education"),
    "category.utilities": ("生活缴费", "Utilities"),
    "category.email": ("邮箱、云与手机账号", "Email, cloud and device accounts"),
    "category.work": ("办公", "Work"),
    "category.carrier": ("运营商", "Carrier"),
    "category.discovery": ("查找遗漏的工具", "Finding what you forgot"),
    "category.other": ("其他", "Other"),
    # ---------------------------------------------------------------- inventory
    "add.nothing": (
        "请给出目录 id（numretire catalog search 可查）或 --custom 名称",
        "give catalog ids (numretire catalog search finds them) or --custom NAME",
    ),
    "add.done": ("已加入：{name}", "Added: {name}"),
    "add.present": ("已在清单中：{id}", "Already in the inventory: {id}"),
    "add.custom_done": ("已加入自定义条目：{name}（id：{id}）", "Added custom item: {name} (id: {id})"),
    "add.custom_empty": ("--custom 的名称不能为空", "--custom needs a name"),
    "add.custom_exists": (
        "自定义条目“{name}”已存在（id：{id}）",
        "a custom item '{name}' exists already (id: {id})",
    ),
    # issue 15: a custom name's and a note's length are bounded where they enter (numretire/visible.py)
    "input.name_too_long": (
        "--custom 的名称太长（{length} 个字符，最多 {limit} 个）",
        "the --custom name is too long ({length} characters; at most {limit})",
    ),
    "input.note_too_long": (
        "--note 太长（{length} 个字符，最多 {limit} 个）",
        "--note is too long ({length} characters; at most {limit})",
    ),
    "input.not_text": (
        "{what} 含有不是 UTF-8 的字节，请检查终端的编码",
        "{what} holds bytes that are not UTF-8; check the terminal's encoding",
    ),
    "item.unknown_close": (
        "清单中没有“{id}”：是不是 {close}？（numretire list 可查看）",
        "no item '{id}' in the inventory: did you mean {close}? (numretire list shows them)",
    ),
    "item.unknown": (
        "清单中没有“{id}”（numretire list 可查看）",
        "no item '{id}' in the inventory (numretire list shows them)",
    ),
    "remove.done": ("已从清单删除：{id}", "Removed from the inventory: {id}"),
    "mark.done": ("{id}：{status}", "{id}: {status}"),
    "mark.unchanged": ("{id} 已是“{status}”，未改动", "{id} is already {status}; nothing changed"),
    "mark.blocked_needs_note": (
        "标记为受阻时请用 --note 写明原因",
        "a blocked item needs a --note saying why",
    ),
    "answer.done": ("已记录：{id} 的 {flag} = {value}", "Recorded: {id} {flag} = {value}"),
    "list.empty": ("没有符合条件的条目。", "No items."),
    # ---------------------------------------------------------------- risks and check
    "risks.none": ("没有仍未处理的账号。", "No account still exposes you."),
    "risks.group_count": ("（{count} 项，风险相同）", " ({count} alike)"),
    "risks.group_more": ("……还有 {count} 个{level}风险服务", "… and {count} more at {level} risk"),
    "risks.see_all": (
        "numretire risks --all 列出全部 {count} 项。",
        "numretire risks --all lists all {count}.",
    ),
    "risks.see_all_flags": (
        "numretire risks --all 列出全部 {count} 项，并说明每个风险标记。",
        "numretire risks --all lists all {count} and says what each flag means.",
    ),
    "risks.see_flags": (
        "numretire risks --all 说明每个风险标记的含义。",
        "numretire risks --all says what each flag means.",
    ),
    "risks.flags_title": ("风险标记的含义：", "What the flags mean:"),
    "risks.answer_hint": (
        "某个标记不符合你的情况（例如没绑银行卡）：numretire answer ID stored-card no",
        "A flag wrong for you (no card bound, say): numretire answer ID stored-card no",
    ),
    "check.safe": (
        "可以注销：没有未处理的高危条目，运营商事项和查漏工具都已完成。",
        "Safe to cancel: no critical or high item is open, carrier tasks and lookups are done.",
    ),
    "check.safe_skipped": (
        "可以注销：没有未处理的高危条目，运营商事项已完成；查漏工具 {names} 是你选择跳过的。",
        "Safe to cancel: no critical or high item is open and the carrier tasks are done; you chose to skip {names}.",
    ),
    "check.not_safe": ("现在注销还不安全，原因如下（{count}）：", "Not safe to cancel yet ({count}):"),
    "check.group.accounts": (
        "仍未处理、会被下一任机主利用的账号（{count}）：",
        "Accounts the next holder could still use ({count}):",
    ),
    "check.group.adopt_accounts": (
        "还不能确认干净的服务（{count}）：",
        "Services not yet known to be clear ({count}):",
    ),
    "check.line.unchecked": ("{name}（尚未检查，风险{level}）", "{name} (not checked yet, {level} risk)"),
    "check.line.account": ("{name}（风险{level}）", "{name} ({level} risk)"),
    "check.line.old_number": (
        "{name}（要用旧号码收验证码才能改，注销后就改不了）",
        "{name} (needs a code on the old number: impossible once cancelled)",
    ),
    "check.more": (
        "……还有 {count} 个：numretire risks --all 列出全部",
        "… and {count} more: numretire risks --all lists them all",
    ),
    "check.and_more": (" 等，另有 {count} 项", " and {count} more"),
    "check.group.carrier": (
        "运营商事项未完成（{count}）：{names}。做完一项：numretire mark ID done（ID 见 numretire list）",
        "Carrier tasks not done ({count}): {names}. For each one done: numretire mark ID done (IDs: numretire list)",
    ),
    "check.group.discovery": (
        "查漏工具未完成也未跳过（{count}）：{names}。做完：numretire mark ID done；不用：mark ID skipped",
        "Lookups neither done nor skipped ({count}): {names}. Done: numretire mark ID done; not wanted: mark ID skipped",
    ),
    "check.group.adopt_task": (
        "检查事项未完成也未跳过（{count}）：{names}。做完：numretire mark ID done；不做：mark ID skipped",
        "Checks neither done nor skipped ({count}): {names}. Done: numretire mark ID done; not wanted: mark ID skipped",
    ),
    "check.warnings_line": (
        "还有 {count} 个中低风险条目未处理：{names}",
        "Also still open, medium or low risk ({count}): {names}",
    ),
    "check.cancel_steps": ("注销号码（{carrier}）：", "Cancelling the number ({carrier}):"),
    "check.clean": (
        "这个号码可以放心使用：各项检查已完成，没有被占用的服务。",
        "This number is clean to use: the checks are done and no service is still occupied.",
    ),
    "check.not_clean": ("这个号码还不能放心使用（{count}）：", "This number is not clean yet ({count}):"),
    "check.warnings": (
        "另有 {count} 个中低风险条目仍未处理：",
        "Also still open, medium or low risk ({count}):",
    ),
    "blocker.risk": ("{name}：风险{level}。{reason}", "{name}: {level} risk. {reason}"),
    "blocker.old_number": (
        "{name}：更换要用旧号码收验证码，注销后就再也改不了（风险{level}）。{reason}",
        "{name}: changing it needs a code on the old number, which is impossible once it is cancelled ({level} risk). {reason}",
    ),
    "blocker.carrier": (
        "运营商事项未完成：{name}（numretire mark {id} done）",
        "carrier task not done: {name} (numretire mark {id} done)",
    ),
    "blocker.discovery": (
        "查漏工具未完成也未跳过：{name}（完成后 numretire mark {id} done，或 mark {id} skipped）",
        "lookup neither done nor skipped: {name} (numretire mark {id} done, or mark {id} skipped)",
    ),
    "blocker.lookup_gap": (
        "官方一证通查统计的账号比清单多 {missing} 个：还有遗漏的账号（numretire triage 或 numretire import sms）",
        "the official lookup counted {missing} more accounts than your inventory has: something is still missing (numretire triage or numretire import sms)",
    ),
    "lookup.summary": (
        "官方一证通查（{date}）统计到 {count} 个关联账号；你的清单里有这些企业的服务 {inventory} 个。",
        "The official lookup ({date}) counted {count} linked accounts; your inventory has {inventory} services of those companies.",
    ),
    "lookup.missing": ("可能还有 {missing} 个账号没有找到。", "{missing} may still be missing."),
    "blocker.empty": (
        "清单里还没有任何账号：先运行 numretire triage",
        "no account recorded yet: run numretire triage first",
    ),
    # ---------------------------------------------------------------- walk
    "walk.nothing": (
        "没有待处理的条目。运行 numretire check 看看能否注销。",
        "Nothing left to do. Run numretire check to see whether you can cancel.",
    ),
    "walk.intro": (
        "共 {count} 项待处理，最紧急的在前。每次回答都会立即保存；按 q 或 Ctrl-C 随时退出。",
        "{count} items to go, most urgent first. Every answer is saved at once; q or Ctrl-C stops any time.",
    ),
    "walk.intro_after": (
        "共 {count} 项，仍绑定旧号码的账号在前。旧号码已收不到验证码：每项先列不用旧号码的办法。每次回答都会立即保存；按 q 或 Ctrl-C 随时退出。",
        "{count} items to go, the accounts still tied to the old number first. The old number receives no codes now: each shows first what can be done without it. Every answer is saved at once; q or Ctrl-C stops any time.",
    ),
    "walk.left_out": (
        "运营商事项和结果发到旧号码的查询已做不了，不再列出（{count} 项，numretire list 可查看）。",
        "Carrier steps and lookups answered on the old number can no longer be done and are left out ({count}; numretire list shows them).",
    ),
    "walk.nothing_after": (
        "没有账号还绑定着旧号码，也没有还能做的查漏工具。",
        "No account is still tied to the old number, and no lookup is left to do.",
    ),
    "walk.finished_after": (
        "本轮完成。numretire check 查看还有哪些账号绑定着旧号码。",
        "Round finished. numretire check shows which accounts are still tied to the old number.",
    ),
    "walk.old_number_gone": (
        "这一项换绑要旧号码收验证码：号码停用后，只能通过申诉、官方客服或到柜台办理。",
        "Changing this one needs a code on the old number: now that the number is out of service, only an appeal, official customer service or a counter visit can do it.",
    ),
    "walk.steps_remove_after": (
        "不用换绑的办法：解绑号码或注销账号：",
        "Without moving it: remove the number or close the account:",
    ),
    "walk.steps_change_after": (
        "换绑到新号码（需要旧号码收验证码的步骤现在做不到）：",
        "Move it to the new number (steps that need a code on the old number cannot be done now):",
    ),
    "walk.no_remove_after": (
        "目录里没有不用旧号码的步骤：联系官方客服，说明旧号码已停用，请求解绑或换绑。",
        "The catalog has no steps that do without the old number: tell official customer service the old number is out of service and ask them to remove or change it.",
    ),
    "walk.prompt": ("结果？{choices} / q 退出：", "Outcome? {choices} / q quit: "),
    "walk.blocked_note": ("受阻原因：", "Why is it blocked? "),
    "mark.blocked_needs_note_walk": (
        "标记为受阻要写明原因；没写原因，就没有保存。",
        "A blocked item needs a reason; nothing was saved.",
    ),
    "walk.saved": ("已保存：{status}", "Saved: {status}"),
    "walk.paused": (
        "已暂停。下次运行 numretire walk 从这里继续。",
        "Paused. Run numretire walk to go on from here.",
    ),
    "walk.finished": (
        "本轮完成。运行 numretire check 看看能否注销。",
        "Round finished. Run numretire check to see whether you can cancel.",
    ),
    "walk.non_interactive": (
        "（非交互模式）完成后运行：numretire mark {id} 状态",
        "(not a terminal) When done, run: numretire mark {id} STATUS",
    ),
    "walk.old_number_first": (
        "需要旧号码收验证码：务必在注销前完成。",
        "Needs a code sent to the old number: do this before cancelling.",
    ),
    "walk.steps_change": ("换绑到新号码：", "Move it to the new number:"),
    "walk.steps_task": ("步骤：", "Steps:"),
    "walk.steps_remove": ("或解绑号码/注销账号：", "Or remove the number / close the account:"),
    "walk.no_steps": (
        "目录中没有此项的步骤：在 App 或网站的账号与安全设置中查找更换手机号的选项。",
        "The catalog has no steps for this: look in the app's or site's account and security settings.",
    ),
    "walk.note": ("注意：{note}", "Note: {note}"),
    "walk.url": ("官方网址：{url}", "Official site: {url}"),
    "walk.hotline": ("官方客服：{hotline}", "Official hotline: {hotline}"),
    "walk.url_hotline": (
        "官方网址：{url} · 官方客服：{hotline}",
        "Official site: {url} · hotline: {hotline}",
    ),
    "walk.your_note": ("你的备注：{note}", "Your note: {note}"),
    # ---------------------------------------------------------------- triage
    "triage.needs_tty": (
        "triage 需要在终端中交互运行；非交互时请用 numretire add ID 和 numretire answer ID 标记 yes|no",
        "triage asks questions and needs a terminal; without one use numretire add ID and "
        "numretire answer ID FLAG yes|no",
    ),
    "triage.nothing": ("目录中没有尚未回答的服务了。", "No catalog service left to ask about."),
    "triage.intro": (
        "逐个回答这些服务是否绑定了此号码（{count} 个，常用的在前）。按一个键即可，不用回车："
        "y 是 / n 否 / ? 不确定 / k 跳过本类 / q 暂停（已回答的都已保存）",
        "Say whether each service is tied to this number ({count}, most common first). One key, no Enter: "
        "y yes / n no / ? not sure / k skip the rest of this category / q pause (every answer is saved)",
    ),
    "triage.prompt": (
        "[{position}/{total}] {name}？[y/n/?/k/q] ",
        "[{position}/{total}] {name}? [y/n/?/k/q] ",
    ),
    "triage.cancelled": (
        "注意：这个号码已于 {date} 注销，验证码已经发不到你手里。现在找到的服务只能用不需要旧号码的办法处理（解绑、注销或联系官方客服）。",
        "Note: this number was cancelled on {date}; codes sent to it no longer reach you. Services found now can only be dealt with in ways that need no code on the old number (removing it, closing the account, or official customer service).",
    ),
    "triage.lapsed": (
        "注意：这个号码自 {date} 起欠费停机，验证码可能已经收不到。现在找到的服务只能用不需要旧号码的办法处理（解绑、注销或联系官方客服）。",
        "Note: this number has been left to lapse since {date}; codes sent to it may no longer reach you. Services found now can only be dealt with in ways that need no code on the old number (removing it, closing the account, or official customer service).",
    ),
    "triage.paused": (
        "已暂停，已加入 {added} 项。再次运行 numretire triage 继续。",
        "Paused; {added} added. Run numretire triage again to go on.",
    ),
    "triage.finished": (
        "筛查完成，加入了 {added} 项。下一步：numretire walk",
        "Triage finished; {added} added. Next: numretire walk",
    ),
    "triage.unsure_note": (
        "不确定是否绑定：请登录确认",
        "not sure it is tied to this number: log in and check",
    ),
    "triage.ask.stored-card": ("  绑定了银行卡吗？[y/n] ", "  Is a bank card bound to it? [y/n] "),
    "triage.ask.password-free": ("  开通了免密支付吗？[y/n] ", "  Is password-free payment on? [y/n] "),
    "triage.ask.balance": ("  账户里有余额吗？[y/n] ", "  Does it hold a balance? [y/n] "),
    "triage.ask.credit": ("  开通了信用额度或借款吗？[y/n] ", "  Is a credit line or loan open? [y/n] "),
    "triage.ask.auto-debit": ("  有自动续费或代扣吗？[y/n] ", "  Any auto-renewal or auto-debit? [y/n] "),
    # ---------------------------------------------------------------- catalog
    "catalog.unknown_id": (
        "目录中没有“{id}”（numretire catalog search 可搜索）",
        "no service '{id}' in the catalog (numretire catalog search finds them)",
    ),
    "catalog.invalid": (
        "目录文件 {path} 第 {line} 行：{problem}",
        "catalog file {path}, line {line}: {problem}",
    ),
    "catalog.no_such_path": ("找不到 {path}", "no such file or folder: {path}"),
    "catalog.count": ("共 {count} 个服务（* 表示步骤未经核实）", "{count} services (* = steps not verified)"),
    "catalog.no_match": ("没有找到匹配的服务。", "No matching service."),
    "catalog.unverified_warning": (
        "此条目的步骤未经官方来源核实：请以 App 内的设置或官方客服为准。",
        "These steps are not verified against an official source: follow the app's "
        "own settings or official customer service.",
    ),
    "catalog.risk": ("风险（默认）：{level}。{reason}", "Risk (by default): {level}. {reason}"),
    "catalog.change": ("换绑到新号码：", "Move to a new number:"),
    "catalog.remove": ("解绑号码或注销账号：", "Remove the number or close the account:"),
    "catalog.occupied": (
        "新号码被他人账号占用时：",
        "When a new number is still bound to someone else's account:",
    ),
    "catalog.adopt_change": ("新号码的持有人：", "For the new holder of a number:"),
    "catalog.adopt_notes": ("新号码的持有人请注意：{note}", "Note for the new holder of a number: {note}"),
    "catalog.url": ("官方网址：{value}", "Official site: {value}"),
    "catalog.help_url": ("帮助页面：{value}", "Help page: {value}"),
    "catalog.hotline": ("官方客服：{value}", "Official hotline: {value}"),
    "catalog.flags": ("风险标记：", "Risk flags:"),
    "catalog.aliases": ("用于自动发现的别名：", "Aliases used for discovery:"),
    "catalog.sources": ("来源（核对于 {checked}）：", "Sources (checked {checked}):"),
    "catalog.user_entry": ("来自你的目录文件：{file}", "From your own catalog file: {file}"),
    # ---------------------------------------------------------------- lint
    "lint.summary": (
        "{services} 个服务，{problems} 个问题，{unverified} 个未核实",
        "{services} services, {problems} problems, {unverified} unverified",
    ),
    "lint.regions": ("按地区：{counts}", "By region: {counts}"),
    "lint.categories": ("按类别：{counts}", "By category: {counts}"),
    "lint.coverage": (
        "中国大陆 {mainland} 个，其他地区 {elsewhere} 个，已核实 {verified} 个；{accounts} 个账号条目中 {accounts_without_domain_or_app} 个既无域名也无 App 包名；{with_package} 个有包名，{with_hotline} 个有客服电话，{with_help_url} 个有帮助页；{banks} 家银行中 {banks_with_sender} 家有短信发送号码",
        "{mainland} mainland China, {elsewhere} elsewhere, {verified} verified; of {accounts} account entries {accounts_without_domain_or_app} have neither a domain nor an app id; {with_package} have an app id, {with_hotline} a hotline, {with_help_url} a help page; {banks_with_sender} of {banks} banks have an SMS sender",
    ),
    "lint.schema": ("schema 必须是 {expected}", "schema must be {expected}"),
    "lint.unknown_key": ("{where}：未知的键“{key}”", "{where}: unknown key '{key}'"),
    "lint.missing": ("{where}：缺少“{key}”", "{where}: '{key}' is missing"),
    "lint.bad_type": ("{where}：“{key}”应为 {expected}", "{where}: '{key}' should be {expected}"),
    "lint.bad_id": (
        "{where}：id“{value}”只能用小写字母、数字和连字符",
        "{where}: id '{value}' must be lowercase letters, digits and hyphens",
    ),
    "lint.bad_choice": (
        "{where}：{key}“{value}”应为 {choices} 之一",
        "{where}: {key} '{value}' should be one of {choices}",
    ),
    "lint.unknown_category": ("{where}：未知类别“{value}”", "{where}: unknown category '{value}'"),
    "lint.bad_regions": (
        "{where}：regions 应为非空列表，值为 GLOBAL 或两位国家代码",
        "{where}: regions must be a non-empty list of GLOBAL or two-letter country codes",
    ),
    "lint.bad_popularity": ("{where}：popularity 应为 1 到 5", "{where}: popularity must be 1 to 5"),
    "lint.unknown_flag": ("{where}：未知风险标记“{value}”", "{where}: unknown flag '{value}'"),
    "lint.duplicate_flag": ("{where}：风险标记重复", "{where}: a flag is listed twice"),
    "lint.missing_lang": ("{where}：{key} 缺少 {lang} 语言", "{where}: {key} lacks the '{lang}' language"),
    "lint.not_https": ("{where}：{key} 必须是 https:// 网址", "{where}: {key} must be an https:// URL"),
    "lint.bad_source": ("{where}：source 应为非空的来源列表", "{where}: source must be a non-empty list"),
    "lint.bad_checked": (
        "{where}：checked 应为日期（YYYY-MM-DD）",
        "{where}: checked must be a date (YYYY-MM-DD)",
    ),
    "lint.unknown_cover": (
        "covers 中的“{value}”不是目录里的服务 id",
        "covers names '{value}', which is not a service id in the catalog",
    ),
    "lint.unknown_part_of": (
        "part_of 中的“{value}”不是目录里的服务 id",
        "part_of names '{value}', which is not a service id in the catalog",
    ),
    "lint.bad_applies_to": (
        "{where}：applies_to 应为 retire、adopt 组成的非空列表",
        "{where}: applies_to must be a non-empty list of retire and adopt",
    ),
    "lint.advice_not_task": (
        '{where}：只有任务（kind = "task"）才能是 advice',
        '{where}: only a task (kind = "task") can be advice',
    ),
    "lint.adopt_text_not_adopt": (
        "{where}：{key} 只用于新入手的号码，但 applies_to 不含 adopt",
        "{where}: {key} is for a newly acquired number, but applies_to lacks adopt",
    ),
    "lint.carrier_not_carrier": (
        '{where}：只有 kind = "carrier" 的条目可以有 carrier 表',
        '{where}: only kind = "carrier" entries take a carrier table',
    ),
    "lint.duplicate_id": ("id“{value}”重复（另见 {other}）", "duplicate id '{value}' (also at {other})"),
    "lint.alias_claimed": (
        "{key} 别名“{value}”已属于 {other}",
        "{key} alias '{value}' is claimed by {other} too",
    ),
    "lint.no_domain": (
        "{where}：账号条目至少要有一个域名（domains/hosts）或 App 包名（packages）",
        "{where}: an account entry needs at least one domain (domains/hosts) or app id (packages)",
    ),
    "lint.research_note": (
        "{where}：给用户看的文字里写了查找过程（“{value}”）：只写事实，来源放进 source",
        "{where}: user-facing text tells how a fact was found ('{value}'): state the fact, put the source in source",
    ),
    "lint.internal_source": (
        "{where}：来源写的是检索索引里的编号（“{value}”），用户打不开：写出网页地址，或写成 repo:OWNER/NAME:PATH@COMMIT",
        "{where}: a source names a search-index id ('{value}') that no user can open: cite the page, or the file as repo:OWNER/NAME:PATH@COMMIT",
    ),
    "lint.not_registrable": (
        "{key} 里的“{value}”不是可注册域名：子域名请放进 hosts",
        "'{value}' in {key} is not a registrable domain: put sub-domains in hosts",
    ),
    "lint.twofa_no_sms": (
        "有 sms-2fa 标记，但 2fa.directory 为 {value} 列出的两步验证方式只有 {methods}",
        "carries sms-2fa, but 2fa.directory lists only {methods} as {value}'s second factors",
    ),
    "lint.twofa_sms_missing": (
        "缺少 sms-2fa 标记：2fa.directory 为 {value} 列出的两步验证方式有 {methods}",
        "lacks sms-2fa: 2fa.directory lists {methods} as {value}'s second factors",
    ),
    "lint.unreadable": ("无法读取：{problem}", "cannot be read: {problem}"),
    "lint.not_toml": ("不是有效的 TOML：{problem}", "not valid TOML: {problem}"),
    # ---------------------------------------------------------------- timeline
    "when.today": ("今天", "today"),
    "when.in": ("还有 {days} 天", "in {days} days"),
    "when.ago": ("{days} 天前", "{days} days ago"),
    "milestone.planned": ("（按计划日期）", " (from the planned date)"),
    "milestone.last_safe_day": (
        "{date}（{when}）：需要旧号码收验证码的换绑，最晚在这天完成",
        "{date} ({when}): last day for changes that need a code sent to the old number",
    ),
    "milestone.cancel": ("{date}（{when}）：注销号码", "{date} ({when}): the number is cancelled"),
    "milestone.arrears_start": (
        "{date}（{when}）：开始欠费，号码停机",
        "{date} ({when}): arrears begin; the line is suspended",
    ),
    "milestone.arrears_freeze": (
        "{date}（{when}）：欠费满期，号码进入回收冻结期",
        "{date} ({when}): the unpaid number enters the recycling freeze",
    ),
    "milestone.freeze_end": (
        "{date}（{when}）：冻结期结束，号码最早可能被分配给别人",
        "{date} ({when}): end of the freeze; the number may be given to someone else",
    ),
    "milestone.watch_end": ("{date}（{when}）：观察期结束", "{date} ({when}): end of the watch period"),
    "milestone.last_safe_day.past": (
        "{date}（{when}）：旧号码能收验证码的最后一天",
        "{date} ({when}): the last day the old number received codes",
    ),
    "milestone.cancel.past": ("{date}（{when}）：号码已注销", "{date} ({when}): the number was cancelled"),
    "milestone.arrears_start.past": (
        "{date}（{when}）：开始欠费，号码已停机",
        "{date} ({when}): arrears began; the line was suspended",
    ),
    "milestone.arrears_freeze.past": (
        "{date}（{when}）：欠费满期，号码已进入回收冻结期",
        "{date} ({when}): the unpaid number entered the recycling freeze",
    ),
    "milestone.freeze_end.past": (
        "{date}（{when}）：冻结期已结束，号码可能已被分配给别人",
        "{date} ({when}): the freeze ended; the number may have been given to someone else",
    ),
    "milestone.watch_end.past": ("{date}（{when}）：观察期已结束", "{date} ({when}): the watch period ended"),
    "status.timeline_title": ("时间线", "Timeline"),
    "status.no_rule": (
        "不知道此号码所在地区的号码回收周期。",
        "No reassignment period is known for this number's region.",
    ),
    "cancel.refused": (
        "现在注销还不安全，未记录（{count} 个问题）：",
        "Not safe to cancel yet; nothing recorded ({count}):",
    ),
    "cancel.force_hint": (
        "如果号码已经注销，用 --force 照样记录。",
        "If the number is already cancelled, record it anyway with --force.",
    ),
    "cancel.done": ("已记录：{number} 于 {date} 注销。", "Recorded: {number} cancelled on {date}."),
    "cancel.arrears_done": (
        "已记录：{number} 自 {date} 起欠费停机。",
        "Recorded: {number} left to lapse for arrears since {date}.",
    ),
    "cancel.still_tied": (
        "仍有 {count} 个账号绑定着这个号码：冻结期结束前尽快处理（需要旧号码的换绑现在要申诉或到柜台），numretire walk 列出不用旧号码的办法。",
        "Still tied to the number: {count} accounts. Handle them before the freeze ends (a change that needs the old number now takes an appeal or a counter visit); numretire walk shows what can be done without it.",
    ),
    "cancel.next": (
        "numretire remind 会在这些日期提醒你。",
        "numretire remind will remind you on these dates.",
    ),
    "cancel.future": (
        "{date} 还没到：计划日期请用 numretire edit --cancel-on",
        "{date} is in the future: plan it with numretire edit --cancel-on",
    ),
    "cancel.arrears_needs_since": (
        "--arrears 需要 --since YYYY-MM-DD（开始欠费的日期）",
        "--arrears needs --since YYYY-MM-DD (the day the arrears began)",
    ),
    "cancel.since_needs_arrears": ("--since 只和 --arrears 一起用", "--since goes with --arrears"),
    "remind.open_items": (
        "还有 {count} 项未处理；计划 {date} 注销（还有 {days} 天）",
        "{count} items still open; cancellation planned for {date} (in {days} days)",
    ),
    "remind.overdue": (
        "计划注销日 {date} 已过 {days} 天，仍有 {count} 项未处理",
        "the planned cancellation date {date} passed {days} days ago with {count} items still open",
    ),
    "remind.old_number": (
        "{count} 项需要旧号码收验证码：最晚 {date}（还有 {days} 天）",
        "{count} items need a code on the old number: last safe day {date} (in {days} days)",
    ),
    "remind.contacted": ("待跟进（已联系平台）：{name}：{note}", "chase (contacted): {name}: {note}"),
    "remind.blocked": ("待跟进（受阻）：{name}：{note}", "chase (blocked): {name}: {note}"),
    "remind.still_tied": (
        "号码已停用，仍有 {count} 个账号绑定着它；{date} 起号码可能属于别人（还有 {days} 天）：numretire walk 列出不用旧号码的办法",
        "out of service, with {count} accounts still tied to it; from {date} it may belong to someone else (in {days} days): numretire walk shows what can be done without the old number",
    ),
    "remind.still_tied_no_rule": (
        "号码已停用，仍有 {count} 个账号绑定着它（不知道号码何时会被重新分配）：numretire walk 列出不用旧号码的办法",
        "out of service, with {count} accounts still tied to it (when it may be reassigned is not known): numretire walk shows what can be done without the old number",
    ),
    "remind.released_tied": (
        "号码 {date} 起可能已属于别人（{days} 天前），仍有 {count} 个账号绑定着它：尽快用 numretire walk 处理",
        "the number may belong to someone else since {date} ({days} days ago), with {count} accounts still tied to it: handle them now with numretire walk",
    ),
    "remind.release_soon": (
        "{date} 冻结期结束，号码可能被分配给别人（还有 {days} 天）",
        "the freeze ends on {date}; the number may then go to someone else (in {days} days)",
    ),
    "remind.watch": (
        "号码已于 {date} 可被重新分配（{days} 天前）：检查是否还有服务向旧号码发送验证码或通知",
        "the number could be reassigned from {date} ({days} days ago): check that nothing still sends codes or notices to the old number",
    ),
    "remind.ics_done": ("已写入 {path}（{count} 个日历事件）", "Wrote {path} ({count} calendar events)"),
    "remind.write_needs_install": ("--write 只和 --install 一起用", "--write goes with --install"),
    "remind.write_systemd_only": (
        "--write 只能写 systemd 用户单元；请按 --install 的说明手动设置",
        "--write only writes systemd user units; set it up by hand as --install shows",
    ),
    "remind.written": ("已写入 systemd 用户单元：{path}", "Wrote the systemd user units in {path}"),
    "remind.unchanged": (
        "systemd 用户单元已是最新，未改动：{path}",
        "The systemd user units are up to date; nothing changed: {path}",
    ),
    "remind.enable": ("启用：{command}", "Enable them: {command}"),
    "remind.install.systemd": (
        "systemd 用户定时器（或用 --install --write 自动写入）：",
        "A systemd user timer (or let --install --write write it):",
    ),
    "remind.install.cron": ("cron（crontab -e 中加入这一行）：", "cron (add this line with crontab -e):"),
    "remind.install.launchd": (
        "launchd（保存到 ~/Library/LaunchAgents/）：",
        "launchd (save into ~/Library/LaunchAgents/):",
    ),
    "ics.last_safe_day": (
        "numretire：{number} 需旧号码的换绑最后一天",
        "numretire: last day to change what needs the old number, {number}",
    ),
    "ics.last_safe_day.about": (
        "需要向旧号码发送验证码的换绑，必须在注销前完成。",
        "Changes that need a code sent to the old number must be done before cancellation.",
    ),
    "ics.cancel": ("numretire：注销 {number}", "numretire: cancel {number}"),
    "ics.cancel.about": (
        "注销前运行 numretire check，确认可以安全注销。",
        "Run numretire check before cancelling.",
    ),
    "ics.arrears_start": ("numretire：{number} 欠费停机", "numretire: {number} suspended for arrears"),
    "ics.arrears_start.about": (
        "欠费停机后号码会进入回收冻结期。",
        "After arrears the number enters the recycling freeze.",
    ),
    "ics.arrears_freeze": (
        "numretire：{number} 进入回收冻结期",
        "numretire: {number} enters the recycling freeze",
    ),
    "ics.arrears_freeze.about": (
        "冻结期结束后号码可能被分配给别人。",
        "After the freeze the number may be given to someone else.",
    ),
    "ics.freeze_end": ("numretire：{number} 可能被重新分配", "numretire: {number} may be reassigned"),
    "ics.freeze_end.about": (
        "从今天起号码可能属于别人：仍绑定它的账号会落到别人手里。",
        "From today the number may belong to someone else: accounts still tied to it go with it.",
    ),
    "ics.watch_end": ("numretire：{number} 观察期结束", "numretire: end of the watch for {number}"),
    "ics.watch_end.about": (
        "最后检查一次是否还有服务向旧号码发送验证码。",
        "A last check that nothing sends codes to the old number.",
    ),
    "ics.watch": (
        "numretire：检查是否还有服务联系 {number}",
        "numretire: check nothing still contacts {number}",
    ),
    "ics.watch.about": (
        "检查是否还有服务向旧号码发送验证码或通知：numretire remind。",
        "Check that no service still sends codes or notices to the old number: numretire remind.",
    ),
    "export.no_folder": ("文件夹不存在：{path}", "no such folder: {path}"),
    "export.cannot_write": ("无法写入 {path}：{problem}", "cannot write {path}: {problem}"),
    # ---------------------------------------------------------------- report
    "report.title": ("号码注销报告：{number}", "Number retirement report: {number}"),
    "report.title_adopt": ("新号码检查报告：{number}", "New number check report: {number}"),
    "report.generated": ("生成于 {date}", "Generated on {date}"),
    "report.cancelled_on": ("实际注销", "Cancelled on"),
    "report.risks_title": ("仍存在的风险", "What still exposes you"),
    "report.checklist_title": ("清单与历史", "Checklist and history"),
    "report.chart_label": ("随时间的完成进度", "Progress over time"),
    # the report speaks to a person: a verdict in one sentence, the next steps in words, and the
    # commands in a small appendix at the end
    "report.verdict.not_safe": ("现在注销还不安全：{reasons}。", "Not safe to cancel yet: {reasons}."),
    "report.verdict.not_clean": (
        "这个号码还不能放心使用：{reasons}。",
        "This number is not clean yet: {reasons}.",
    ),
    "report.verdict.cancelled": (
        "号码已注销，但还有事没做完：{reasons}。",
        "The number is cancelled, but some things are not finished: {reasons}.",
    ),
    "report.verdict.cancelled_done": (
        "号码已注销，清单上要紧的事都已处理。",
        "The number is cancelled and everything that mattered on the list is dealt with.",
    ),
    "report.why.accounts": (
        "还有账号会被下一任机主利用",
        "the next holder could still use some of your accounts",
    ),
    "report.why.carrier": ("运营商那边的事项还没办完", "the carrier tasks are not finished"),
    "report.why.discovery": ("查漏工具还没用完", "some lookups are neither done nor skipped"),
    "report.why.lookup_gap": (
        "官方查询显示还有账号没找到",
        "the official lookup says some accounts are still missing",
    ),
    "report.why.empty": ("还没有记录任何账号", "no account is recorded yet"),
    "report.why.occupied": (
        "有服务仍被别人的账号占用或还在等平台回复",
        "some services are still bound to someone else's account or waiting for an answer",
    ),
    "report.why.unchecked": ("重要的服务还没检查", "important services are not checked yet"),
    "report.why.adopt_task": ("检查事项还没做完", "some checks are neither done nor skipped"),
    "report.next_title": ("接下来要做的", "What to do next"),
    "report.next.risk": (
        "把这些账号的手机号换成新号码，或注销账号（最危险的在前）：{names}。",
        "Change the phone number on these accounts to your new one, or close them (most dangerous first): {names}.",
    ),
    "report.next.old_number": (
        "这些账号更换手机号要用旧号码收验证码，注销后就再也改不了，必须在注销前改好：{names}。",
        "These need a code sent to the old number, which is impossible once it is cancelled: change them first: {names}.",
    ),
    "report.next.carrier": ("到运营商那里办完这些事：{names}。", "Finish these with your carrier: {names}."),
    "report.next.discovery": (
        "用这些工具查一查还有没有遗漏的账号；不想用的，记为跳过：{names}。",
        "Use these lookups to find accounts you may have missed, or mark the ones you do not want as skipped: {names}.",
    ),
    "report.next.lookup_gap": (
        "官方一证通查统计的账号比你的清单多 {missing} 个：再找找遗漏的账号。",
        "The official lookup counted {missing} more accounts than your list has: look for the missing ones.",
    ),
    "report.next.empty": (
        "先列出这个号码绑定了哪些账号。",
        "First list the accounts this number is tied to.",
    ),
    "report.next.occupied": (
        "这些服务仍被别人的账号占用：按平台的申诉流程找回号码：{names}。",
        "These are still bound to someone else's account: follow the service's procedure to get the number back: {names}.",
    ),
    "report.next.contacted": (
        "已联系这些平台，等它们处理完再确认一次：{names}。",
        "You contacted these services: check again once they have acted: {names}.",
    ),
    "report.next.unchecked": (
        "登录或试着注册这些服务，看号码是否还绑定着别人的账号：{names}。",
        "Log in or try to sign up to these services to see whether the number is still someone else's: {names}.",
    ),
    "report.next.adopt_task": (
        "做完这些检查，或记为跳过：{names}。",
        "Do these checks, or mark them skipped: {names}.",
    ),
    "report.next.warnings": (
        "风险较低、但最好也处理的账号：{names}。",
        "Lower risk, but still worth dealing with: {names}.",
    ),
    "report.next.adopt_warnings": (
        "风险较低、但最好也检查的服务：{names}。",
        "Lower risk, but still worth checking: {names}.",
    ),
    "report.next.more": ("，另有 {count} 个（见下面的清单）", " and {count} more (see the checklist below)"),
    "report.next.cancel": (
        "可以去运营商注销号码了；注销后记下日期，以便跟踪冻结期。",
        "You can now cancel the number with your carrier; afterwards record the date so that the freeze period can be followed.",
    ),
    "report.next.watch": (
        "留意下面时间线上的日子：在那之前，号码可能被分配给别人。",
        "Keep an eye on the dates in the timeline below: after them, the number may go to someone else.",
    ),
    "report.next.clean": (
        "可以放心使用这个号码了；以后收到陌生平台的验证码，说明那里还有别人的账号。",
        "You can use this number now; a code from a service you never used means someone's account is still there.",
    ),
    "report.commands_title": ("附录：对应的命令", "Appendix: the commands"),
    "report.command.walk": ("逐个处理未完成的条目", "go through what is still open, one item at a time"),
    "report.command.list": ("查看每个条目的 ID", "see each item's ID"),
    "report.command.mark_account": (
        "记录一个账号的结果：已换绑新号、已解绑、已注销账号或不是我的",
        "record an account's outcome: moved, removed, closed or not mine",
    ),
    "report.command.mark_adopt": (
        "记录一个服务的检查结果",
        "record what you found for a service",
    ),
    "report.command.mark_task": ("记录一个事项已完成或跳过", "record a task or lookup as done or skipped"),
    "report.command.triage": ("逐个回答常见服务是否用了这个号码", "say which common services use the number"),
    "report.command.import": ("从短信导出里找出绑定的服务", "find services in an export of your messages"),
    "report.command.check": ("再确认一次能否注销", "ask again whether it is safe to cancel"),
    "report.command.check_adopt": ("再确认一次号码是否干净", "ask again whether the number is clean"),
    "report.command.cancel": ("记录注销日期", "record the cancellation"),
    "report.command.remind": ("查看到期的事项", "see what is due"),
    "report.bad_format": (
        "未知格式“{value}”：可用 {choices}",
        "unknown format '{value}': use one of {choices}",
    ),
    "report.written": ("已写入 {path}", "Wrote {path}"),
    "report.csv.id": ("ID", "ID"),
    "report.csv.name": ("名称", "Name"),
    "report.csv.category": ("类别", "Category"),
    "report.csv.status": ("状态", "Status"),
    "report.csv.risk": ("风险", "Risk"),
    "report.csv.reason": ("原因", "Reason"),
    "report.csv.note": ("备注", "Note"),
    "report.csv.history": ("历史", "History"),
    # ---------------------------------------------------------------- adopt (a newly acquired number)
    "adopt.done": (
        "开始检查新号码 {number}：已列出 {count} 项要检查的事项和服务。",
        "Checking the new number {number}: {count} checks and services to try are listed.",
    ),
    "adopt.next": (
        "下一步：numretire walk 逐项检查（先问运营商、再试支付和银行），或 numretire import sms 读取收到的短信。",
        "Next: numretire walk to go through them (the carrier first, then payments and banks), or numretire import sms to read the messages the number receives.",
    ),
    "adopt.steps_try": ("用这个号码试着注册或登录：", "Try to register or log in with this number:"),
    "adopt.try_generic": (
        "用这个号码注册或用验证码登录。如果提示号码已被注册、或登录后看到不是你的账号，这个号码仍绑定着前任机主的账号。",
        "Register, or log in with a code sent to this number. If it says the number is already registered, or you see an account that is not yours, the number is still bound to a previous holder's account.",
    ),
    "adopt.steps_occupied": ("号码被别人的账号占用时：", "If someone else's account holds the number:"),
    "adopt.no_occupied_steps": (
        "目录中没有该服务的处理步骤：通过官方客服说明号码已换主人，请求解除绑定。",
        "The catalog has no steps for this service: tell official customer service the number has a new holder and ask them to unbind it.",
    ),
    "adopt.cancel_refused": (
        "这个号码是新入手的（adopt），不是要注销的号码",
        "This is a newly acquired number (adopt), not one being retired",
    ),
    "col.acquired_on": ("入手日期", "Acquired on"),
    "adopt.reason.task": ("新号码入手时应做的检查。", "A check to make when you get a number."),
    "adopt.reason.high": (
        "前任机主的支付或银行账号若仍绑定这个号码，会给你发验证码和交易通知，欠费还可能影响你使用支付服务。",
        "A previous holder's payment or bank account still bound to this number sends you their codes and notices, and their arrears can block your own payments.",
    ),
    "adopt.reason.medium": (
        "前任机主的账号若仍绑定这个号码，你无法用它注册，还会收到发给对方的消息。",
        "While a previous holder's account holds this number you cannot register with it, and their messages come to you.",
    ),
    "adopt.reason.low": (
        "检查这个号码是否已被别人的账号占用。",
        "Check whether someone else's account still uses this number.",
    ),
    # what a newly acquired number received after it became the user's: someone's account is live on it
    "adopt.live.one": ("1 条验证码或通知", "1 code or notice"),
    "adopt.live.many": ("{count} 条验证码或通知", "{count} codes or notices"),
    "adopt.live.undated": (
        "{name}在你入手号码后发来 {messages}。",
        "{name} sent {messages} since you got the number.",
    ),
    "adopt.live.on": (
        "{name}在你入手号码后发来 {messages}，最近一次在 {last}。",
        "{name} sent {messages} since you got the number, last on {last}.",
    ),
    "adopt.live.between": (
        "{name}在你入手号码后发来 {messages}，最早 {first}，最近一次在 {last}。",
        "{name} sent {messages} since you got the number, first on {first}, last on {last}.",
    ),
    "adopt.reason.live.high": (
        "{seen}有人的支付或银行账号仍绑定着你的号码：对方的验证码和交易通知会发给你，欠费还可能影响你使用支付服务。",
        "{seen} Someone's payment or bank account there still uses your number: their codes and transaction notices come to you, and their arrears can block your own payments.",
    ),
    "adopt.reason.live.medium": (
        "{seen}有人在这里的账号仍绑定着你的号码：你无法用它注册，对方的消息会发给你。",
        "{seen} Someone's account there still uses your number: you cannot register with it, and their messages come to you.",
    ),
    "adopt.reason.live.low": (
        "{seen}有人在这里的账号仍绑定着你的号码。",
        "{seen} Someone's account there still uses your number.",
    ),
    "blocker.adopt_task": (
        "检查未完成也未跳过：{name}（numretire mark {id} done）",
        "check neither done nor skipped: {name} (numretire mark {id} done)",
    ),
    "blocker.occupied": (
        "{name}：号码仍被别人的账号占用。{reason}",
        "{name}: the number is still bound to someone else's account. {reason}",
    ),
    "blocker.contacted": (
        "{name}：已联系平台，等待处理结果。",
        "{name}: contacted; waiting for the service to act.",
    ),
    "blocker.unchecked": ("{name}：尚未检查。{reason}", "{name}: not checked yet. {reason}"),
    # ---------------------------------------------------------------- import apps / bill / KeePass / 1pux (issue 16)
    "import.too_many": (
        "{path}：条目超过 {limit} 条，不像是真实的导出文件",
        "{path}: more than {limit} entries; not a real export",
    ),
    "import.too_big": (
        "{path}：解压后超过 {limit}，不予读取",
        "{path}: expands to more than {limit}; refused",
    ),
    "import.line_too_long": (
        "{path}：第 {line} 行过长，不是应用列表",
        "{path}: line {line} is too long for an app list",
    ),
    "import.unknown_app_format": (
        "{path}：不是可识别的应用列表（支持 adb shell pm list packages 的输出、App Manager 导出的 CSV/JSON/XML、iPhone 备份文件夹或其 Info.plist）",
        "{path}: not an app list numretire can read (output of adb shell pm list packages, App Manager's CSV/JSON/XML list, an iPhone backup folder or its Info.plist)",
    ),
    "import.no_info_plist": (
        "{path}：文件夹里没有 Info.plist，不是 iPhone 备份文件夹",
        "{path}: the folder has no Info.plist; not an iPhone backup folder",
    ),
    "import.bad_plist": (
        "{path}：Info.plist 已损坏或无法读取",
        "{path}: the Info.plist is damaged or cannot be read",
    ),
    "import.no_installed_apps": (
        "{path}：Info.plist 里没有 “Installed Applications” 列表",
        "{path}: the Info.plist has no “Installed Applications” list",
    ),
    "import.unknown_bill_format": (
        "{path}：不是可识别的账单（支持支付宝交易明细 CSV、微信支付账单明细 CSV 和 .xlsx）",
        "{path}: not a statement numretire can read (Alipay 交易明细 CSV, WeChat Pay 账单明细 CSV or .xlsx)",
    ),
    "import.no_bill_header": (
        "{path}：没有找到账单的表头（交易时间、交易对方……）",
        "{path}: no statement header line found (交易时间, 交易对方 …)",
    ),
    "import.bad_xlsx": (
        "{path}：.xlsx 文件已损坏或无法读取（{problem}）",
        "{path}: the .xlsx file is damaged or cannot be read ({problem})",
    ),
    "import.not_1pux": (
        "{path}：export.data 不是 1Password 的导出（没有 accounts 列表）",
        "{path}: export.data is not a 1Password export (no accounts list)",
    ),
    # ---------------------------------------------------------------- import bill (issue 16): payment statements
    "import.read_bill": (
        "读取了 {rows:,} 条{issuer}交易记录（金额和订单号不会被读取；商品说明只用于匹配，不会被保存或显示）。",
        "Read {rows:,} {issuer} transactions (amounts and order numbers are never read; goods descriptions are only matched, never stored or shown).",
    ),
    "import.issuer.alipay": ("支付宝", "Alipay"),
    "import.issuer.wechat": ("微信支付", "WeChat Pay"),
    "import.pay.auto-debit": ("代扣", "auto-debit"),
    "import.pay.subscription": ("自动续费", "subscription"),
    "import.pay.password-free": ("免密支付", "password-free payment"),
    "import.pay.sep": ("、", ", "),
    "import.bill_answer": (
        "{name}：账单中见到{kinds}，“{flag}”记为是（见于账单；不对请运行 numretire answer {id} {flag} no）",
        "{name}: {kinds} seen in the statement, so “{flag}” is yes (found in the bill; if wrong: numretire answer {id} {flag} no)",
    ),
    "import.bill_others": (
        "其他交易对方（商店、餐馆、个人）不列出：数量太多，也多半不是绑定号码的账号。",
        "Other counterparties (shops, restaurants, people) are not listed: too many, and mostly not accounts tied to the number.",
    ),
    # ---------------------------------------------------------------- importers: a file that cannot be read
    "import.unreadable": ("{path}：无法读取（{problem}）", "{path}: cannot be read ({problem})"),
    "import.empty": ("{path}：文件是空的", "{path}: the file is empty"),
    "import.bad_encoding": (
        "{path}：文本编码既不是 UTF-8 也不是 GBK，请另存为 UTF-8 后再导入",
        "{path}: the text is neither UTF-8 nor GBK; save it as UTF-8 and import it again",
    ),
    "import.unknown_sms_format": (
        "{path}：不是可识别的短信文件（支持 SMS Backup & Restore 的 XML、SMS Import/Export 的 ZIP、iOS 的 sms.db 和纯文本）",
        "{path}: not a message file numretire can read (SMS Backup & Restore XML, SMS Import/Export ZIP, iOS sms.db, plain text)",
    ),
    "import.unknown_password_format": (
        "{path}：不是可识别的密码导出文件（支持 Chrome/Edge、Firefox、Apple 密码/Safari、KeePassXC、LastPass、1Password 8 的 CSV、Bitwarden 的 CSV/JSON、KeePass 2 的 XML 和 1Password 的 .1pux）",
        "{path}: not a password export numretire can read (CSV from Chrome/Edge, Firefox, Apple Passwords/Safari, KeePassXC, LastPass, 1Password 8; Bitwarden CSV or JSON; KeePass 2 XML; 1Password .1pux)",
    ),
    "import.is_passwords": (
        "{path}：这是密码导出文件，请用 numretire import passwords 导入",
        "{path}: this is a password export; import it with numretire import passwords",
    ),
    "import.is_messages": (
        "{path}：这是短信备份文件，请用 numretire import sms 导入",
        "{path}: this is a message backup; import it with numretire import sms",
    ),
    "import.not_sms_backup": (
        "{path}：XML 的根元素不是 <smses>，不是 SMS Backup & Restore 的短信备份",
        "{path}: the XML root element is not <smses>; not an SMS Backup & Restore message backup",
    ),
    "import.xml_dtd": (
        "{path}：文件含有 DTD 或实体声明，出于安全考虑不予读取（正常的短信备份不含这些内容）",
        "{path}: the file contains a DTD or entity declarations, refused for safety (real message backups have none)",
    ),
    "import.bad_xml": (
        "{path}：第 {line} 行 XML 格式错误（{problem}）",
        "{path}: malformed XML at line {line} ({problem})",
    ),
    "import.truncated": (
        "{path}：文件在第 {line} 行意外结束，可能没有完整复制或下载（{problem}）",
        "{path}: the file ends unexpectedly at line {line}; it may not have been copied or downloaded completely ({problem})",
    ),
    "import.bad_zip": (
        "{path}：ZIP 文件已损坏或无法读取（{problem}）",
        "{path}: the ZIP file is damaged or cannot be read ({problem})",
    ),
    "import.zip_no_messages": (
        "{path}：ZIP 里没有 messages.ndjson，不是 SMS Import/Export 导出的短信",
        "{path}: the ZIP holds no messages.ndjson; it is not an SMS Import/Export message export",
    ),
    "import.bad_ndjson": (
        "{path}：messages.ndjson 里没有一条可读的短信（第 {line} 行起无法解析）",
        "{path}: messages.ndjson holds no readable message (cannot parse from line {line})",
    ),
    "import.bad_db": (
        "{path}：数据库已损坏或无法读取（{problem}）",
        "{path}: the database is damaged or cannot be read ({problem})",
    ),
    "import.db_locked": (
        "{path}：数据库被其他程序锁定；请关闭正在使用它的程序，或先复制一份再导入",
        "{path}: the database is locked by another program; close it, or import a copy",
    ),
    "import.not_messages_db": (
        "{path}：这是 SQLite 数据库，但不是 iOS 的短信数据库（缺少 message/handle 表）",
        "{path}: an SQLite database, but not the iOS Messages database (no message/handle tables)",
    ),
    # issue 15 (hardening): what an import may open and expand (importers/limits.py), refused in one line
    "import.not_a_file": (
        "{path}：不是普通文件（可能是管道、设备或套接字），请先保存成文件再导入",
        "{path}: not a regular file (a pipe, device or socket); save it as a file and import that",
    ),
    "import.file_too_big": (
        "{path}：文件超过 {limit}，不像是真实的导出文件，不予读取",
        "{path}: larger than {limit}; not a real export of this kind, refused",
    ),
    "import.line_too_big": (
        "{path}：第 {line} 行超过 {limit}，不是一条短信或一条记录，不予读取",
        "{path}: line {line} is longer than {limit}; not one message or record, refused",
    ),
    "import.token_too_big": (
        "{path}：第 {line} 行起的一个标签或注释超过 {limit}，不是真实的短信备份，不予读取",
        "{path}: a tag or comment from line {line} on is larger than {limit}; not a real message backup, refused",
    ),
    "import.value_too_big": (
        "{path}：数据库里有一条短信超过 {limit}，不是真实的短信，不予读取",
        "{path}: a message in the database is larger than {limit}; not a real message, refused",
    ),
    "import.zip_bomb": (
        "{path}：messages.ndjson 解压后是压缩大小的 {ratio} 倍（真实导出不超过 {limit} 倍），疑似压缩炸弹，不予读取",
        "{path}: messages.ndjson expands to {ratio} times its compressed size (real exports stay under {limit}); refused as a ZIP bomb",
    ),
    # issue 15 (hardening): a CSV error never quotes a cell that is not a known column name
    "import.no_known_columns": (
        "{path}：第一行不是密码管理器导出的表头（{count} 列，没有一列可识别）",
        "{path}: the first line is not a password-manager export header ({count} columns, none recognised)",
    ),
    "import.unknown_columns": (
        "{path}：无法识别的 CSV 列：{columns}",
        "{path}: unknown CSV columns: {columns}",
    ),
    "import.no_logins": (
        "{path}：文件里没有一条带网址的登录记录（只有表头，或只有笔记、银行卡），请确认导出的是正确的密码库（未保存任何内容）",
        "{path}: holds no saved logins with a web address (a header line only, or notes and cards only); check that you exported the right vault (nothing stored)",
    ),
    "import.bad_csv": (
        "{path}：第 {line} 行 CSV 无法读取（{problem}）",
        "{path}: cannot read the CSV at line {line} ({problem})",
    ),
    "import.bad_json": (
        "{path}：第 {line} 行 JSON 格式错误（{problem}）",
        "{path}: malformed JSON at line {line} ({problem})",
    ),
    "import.not_bitwarden": (
        "{path}：JSON 文件不是 Bitwarden 导出（没有 items 列表）",
        "{path}: the JSON file is not a Bitwarden export (no items list)",
    ),
    "import.encrypted_export": (
        "{path}：这是加密的导出文件；请在 Bitwarden 中选择“.json”（非加密）格式重新导出",
        "{path}: this export is encrypted; export again from Bitwarden choosing the unencrypted “.json” format",
    ),
    "import.lookup_no_count": (
        "{path}：没有找到“一证通查”结果中的互联网账号数量",
        "{path}: no count of internet accounts found in this One-ID lookup result",
    ),
    "import.lookup_cards": (
        "{path}：这是名下电话卡数量的查询结果，不是手机号关联的互联网账号数量（一证通查 2.0）",
        "{path}: this is the count of phone cards under your ID, not the count of internet accounts linked to the number (One-ID Lookup 2.0)",
    ),
    "import.lookup_ambiguous": (
        "{path}：结果里有不同的数量（{counts}），没有总数；请只粘贴一条结果短信",
        "{path}: the text holds different counts ({counts}) and no total; paste a single result message",
    ),
    # ---------------------------------------------------------------- import apps and where seen (issue 16)
    "import.apps.read": (
        "读取了 {apps:,} 个已安装应用（只看应用的 id 和名称）。",
        "Read {apps:,} installed apps (only their ids and names).",
    ),
    "import.apps.unnamed": (
        "已跳过 {count:,} 个应用：目录里没有，列表里也只有 id、没有名称。",
        "Skipped: {count:,} not in the catalog and listed by id only, with no name.",
    ),
    "import.apps.system": (
        "未列出 {count:,} 个手机自带的系统应用。",
        "Not offered: {count:,} of the phone's own system apps.",
    ),
    "import.apps.ask": (
        "加入 {name}（手机上装有这个应用）？[y 是 / n 否 / a 全部 / q 放弃] ",
        "Add {name} (its app is on the phone)? [y yes / n no / a all / q give up] ",
    ),
    "seen.title": ("发现于：{seen}", "Seen in: {seen}"),
    "seen.col": ("发现于", "Seen in"),
    "report.csv.seen": ("发现于", "Seen in"),
    "seen.sms": ("短信 {count:,} 次", "SMS ×{count:,}"),
    "seen.passwords": ("密码库", "password manager"),
    "seen.apps": ("已安装应用", "installed apps"),
    "seen.bill": ("{issuer}账单", "{issuer} bill"),
    "seen.bill.found": ("{issuer}账单：{flags}", "{issuer} bill: {flags}"),
    "seen.bill.any": ("付款", "payment"),  # a statement whose issuer was not recorded
    "seen.flag.auto-debit": ("自动扣款", "auto-debit"),
    "seen.flag.password-free": ("免密支付", "password-free"),
    "seen.sep": ("、", ", "),
    # ---------------------------------------------------------------- import
    "import.reading": ("读取中", "Reading"),
    "import.needs_yes": (
        "未保存任何内容：确认无误后加 --yes 全部接受（或在终端中运行以逐项确认）。",
        "Nothing stored: add --yes to accept every match (or run it in a terminal to choose one by one).",
    ),
    "import.ask": (
        "加入 {name}（{count} 条记录）？[y 是 / n 否 / a 全部 / q 放弃] ",
        "Add {name} ({count} records)? [y yes / n no / a all / q give up] ",
    ),
    "import.aborted": ("已放弃：未保存任何内容。", "Given up: nothing stored."),
    "import.col.count": ("次数", "Count"),
    "import.col.first": ("最早", "First"),
    "import.col.last": ("最近", "Last"),
    "import.own_title": (
        "目录里没有的服务（将作为你自己的条目添加）：",
        "Not in the catalog (to be added as your own items):",
    ),
    "import.present": ("已在清单中", "in the inventory"),
    "import.new": ("新发现", "new"),
    "import.login_is_number": ("登录名就是这个号码", "the login is the number"),
    "import.no_match": ("没有与目录中的服务匹配的记录。", "Nothing matched a catalog service."),
    "import.candidates_title": (
        "目录中没有、但像是验证码或银行通知的来源（可用 numretire add --custom 名称 加入）：",
        "Not in the catalog but looking like codes or bank notices (add them with numretire add --custom NAME):",
    ),
    "import.candidates_hint": ("短信正文不会被保存或显示。", "Message bodies are never stored or shown."),
    "import.kind.code": ("验证码", "codes"),
    "import.kind.bank": ("银行通知", "bank notices"),
    "import.kind.notice": ("订单、快递或预约通知", "order, parcel or appointment notices"),
    "import.kind.shared": ("母公司署名", "parent company's signature"),
    "import.read_sms": (
        "读取了 {messages:,} 条短信，其中收到的 {incoming:,} 条参与匹配。",
        "Read {messages:,} messages; the {incoming:,} received ones were matched.",
    ),
    "import.since": (
        "只看 {date} 之后收到的短信（这个号码归你之后）。",
        "Only messages from {date} on (since the number became yours).",
    ),
    "import.lookup_found": (
        "发现一证通查结果：{count} 个关联账号（{date}）",
        "Found an official lookup result: {count} linked accounts ({date})",
    ),
    "import.dry_run": ("试运行：未保存任何内容。", "Dry run: nothing stored."),
    "import.read_logins": (
        "读取了 {logins:,} 条登录记录（密码、备注不会被读取或保存）。",
        "Read {logins:,} saved logins (passwords and notes are never read into numretire or stored).",
    ),
    "import.delete_export": (
        "提醒：导出的密码文件 {path} 含有明文密码，用完请立即删除。",
        "Reminder: the export {path} holds your passwords in plain text: delete it now.",
    ),
    "import.lookup_recorded": (
        "已记录一证通查结果：{count} 个关联账号。",
        "Recorded the official lookup: {count} linked accounts.",
    ),
    "import.lookup_known": (
        "这个一证通查结果（{count} 个关联账号）已经记录过，未改动。",
        "This lookup result ({count} linked accounts) is already recorded; nothing changed.",
    ),
    "import.stored": (
        "已保存（{count} 处更新）。运行 numretire walk 处理新发现的服务。",
        "Stored ({count} changes). Run numretire walk for the services found.",
    ),
    "import.unchanged": ("没有新内容：清单未改动。", "Nothing new: the inventory is unchanged."),
    # ---------------------------------------------------------------- config
    "config.where": ("设置保存在 {path}", "Settings are kept in {path}"),
    "config.bad_key": ("未知设置“{key}”：可用 {choices}", "unknown setting '{key}': use one of {choices}"),
    "config.bad_region": (
        "“{value}”不是两位地区代码（如 CN、US）",
        "'{value}' is not a two-letter region code (CN, US ...)",
    ),
    "config.set": ("已设置 {key} = {value}", "Set {key} = {value}"),
    "config.unset": ("已清除 {key}", "Cleared {key}"),
    # ---------------------------------------------------------------- demo
    "demo.label": ("演示", "demo"),
    "demo.intro": (
        "numretire 演示：一个虚构的号码和清单，保存在临时文件夹，不会碰你的数据。",
        "numretire demo: a made-up number and inventory in a temporary folder; your data is not touched.",
    ),
    "demo.progress": ("进度：已处理 {done}/{total} 项", "Progress: {done} of {total} handled"),
    "demo.worst": (
        "最危险的 {shown} 个（共 {count} 个极高或高风险；numretire risks 查看全部）：",
        "The worst {shown} ({count} critical or high in all; numretire risks shows them):",
    ),
    "demo.walk_title": ("numretire walk 会从这一项开始：", "numretire walk would start here:"),
    "demo.outro": (
        "开始你自己的：numretire init 你的号码 --new 新号码 --cancel-on YYYY-MM-DD",
        "Start your own: numretire init YOUR-NUMBER --new NEW-NUMBER --cancel-on YYYY-MM-DD",
    ),
}
