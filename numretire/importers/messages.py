"""The importers' error messages, {key: (zh, en)}, to be merged into numretire/messages.py.

Every message names the file ({path}) and says the problem in one line; both languages carry the same
placeholders. Values that come from the file ({root}, {columns}, {problem}) are the file's own text:
render them as plain text, never as markup.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
        "{path}：不是可识别的密码导出文件（支持 Chrome/Edge、Firefox、Apple 密码/Safari、KeePassXC、LastPass、1Password 8 的 CSV 和 Bitwarden 的 CSV/JSON）",
        "{path}: not a password export numretire can read (CSV from Chrome/Edge, Firefox, Apple Passwords/Safari, KeePassXC, LastPass, 1Password 8; Bitwarden CSV or JSON)",
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
        "{path}：XML 的根元素是 <{root}>，不是 SMS Backup & Restore 的短信备份（<smses>）",
        "{path}: the XML root element is <{root}>, not an SMS Backup & Restore message backup (<smses>)",
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
    "import.unknown_columns": (
        "{path}：无法识别的 CSV 列：{columns}",
        "{path}: unknown CSV columns: {columns}",
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
}
