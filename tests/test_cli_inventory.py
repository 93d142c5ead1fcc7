import pytest


def test_add_mark_list_with_history(retiring):
    retiring("add", "meituan", "alipay")
    retiring("mark", "alipay", "moved", "--note", "done at the counter")
    items = {i["id"]: i for i in retiring.json("list")["items"]}
    alipay = items["alipay"]
    assert alipay["status"] == "moved"
    assert [h["status"] for h in alipay["history"]] == ["open", "moved"]
    assert alipay["history"][1]["note"] == "done at the counter"
    for key in ("id", "name", "category", "status", "risk"):
        assert key in alipay
    moved = retiring.json("list", "--status", "moved")["items"]
    assert [i["id"] for i in moved] == ["alipay"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_list_table_in_both_languages(retiring, lang):
    retiring("add", "meituan")
    out = retiring("list", "--lang", lang).stdout
    assert ("美团" in out) and (("待处理" in out) if lang == "zh" else ("open" in out))


def test_add_unknown_and_nothing(retiring):
    assert "no-such" in retiring("add", "no-such", "--lang", "en", code=1).stderr
    assert "catalog ids" in retiring("add", "--lang", "en", code=1).stderr
    assert "Already" in retiring("add", "carrier-arrears", "--lang", "en").stdout


def test_custom_items_and_their_risk(retiring):
    out = retiring(
        "add",
        "--custom",
        "Corner shop app",
        "--category",
        "food",
        "--flag",
        "sms-login",
        "--flag",
        "stored-card",
        "--lang",
        "en",
    ).stdout
    assert "custom-corner-shop-app" in out
    item = next(i for i in retiring.json("list")["items"] if i["id"] == "custom-corner-shop-app")
    assert (item["risk"], item["custom"], item["category"]) == ("critical", True, "food")
    assert (
        "telepathy" in retiring("add", "--custom", "X", "--flag", "telepathy", "--lang", "en", code=1).stderr
    )


def test_answer_changes_the_risk(retiring):
    retiring("add", "--custom", "Shop", "--flag", "sms-login", "--flag", "stored-card")
    retiring("answer", "custom-shop", "stored-card", "no")
    item = next(i for i in retiring.json("list")["items"] if i["id"] == "custom-shop")
    assert item["risk"] == "medium"
    assert item["answers"] == {"stored-card": False}
    assert (
        "yes or no" in retiring("answer", "custom-shop", "balance", "perhaps", "--lang", "en", code=1).stderr
    )


def test_mark_statuses_and_errors(retiring):
    retiring("add", "alipay")
    assert "unknown status" in retiring("mark", "alipay", "finished", "--lang", "en", code=1).stderr
    assert "--note" in retiring("mark", "alipay", "blocked", "--lang", "en", code=1).stderr
    retiring("mark", "alipay", "blocked", "--note", "bank needs a visit")
    assert "nothing changed" in retiring("mark", "alipay", "blocked", "--lang", "en").stdout
    assert "no item" in retiring("mark", "nothing-here", "done", "--lang", "en", code=1).stderr
    assert "unknown status" in retiring("list", "--status", "nope", "--lang", "en", code=1).stderr


def test_remove(retiring):
    retiring("add", "alipay")
    retiring("remove", "alipay")
    assert "alipay" not in {i["id"] for i in retiring.json("list")["items"]}


def test_user_text_is_never_markup_or_a_terminal_escape(retiring):
    retiring("add", "--custom", "[red]x[/red] \x1b[31mEVIL", "--category", "other")
    item = next(i for i in retiring.json("list")["items"] if i["custom"])
    retiring("mark", item["id"], "blocked", "--note", "[bold]note[/bold] \x1b]0;title\x07")
    out = retiring("list", "--lang", "en").stdout
    assert "[red]x[/red]" in out
    assert "\x1b" not in out
    assert "\\x1b[31mEVIL" in out
    risks = retiring("risks", "--lang", "en").stdout
    assert "[red]x[/red]" in risks and "\x1b" not in risks


@pytest.mark.parametrize(
    ("item", "status", "expected"),
    [
        ("jd", "Moved", "moved"),
        ("JD", "已换绑", "moved"),
        ("京东", "moved", "moved"),
        ("jingdong", "not mine", "not-mine"),
        ("jd", "跳过", "skipped"),
        ("JD", "CLOSED", "closed"),
    ],
)
def test_mark_takes_words_as_people_type_them(retiring, item, status, expected):
    retiring("add", "jd")
    retiring("mark", item, status)
    assert {i["id"]: i["status"] for i in retiring.json("list")["items"]}["jd"] == expected


@pytest.mark.parametrize("typed", ["支付宝", "alipy", "zhifubao"])
def test_an_unknown_item_suggests_the_closest(retiring, typed):
    retiring("add", "alipay", "jd")
    if typed in ("支付宝", "zhifubao"):
        retiring("mark", typed, "moved")  # a name or its pinyin is the item
        return
    err = retiring("mark", typed, "moved", "--lang", "en", code=1).stderr
    assert "did you mean alipay" in err


def test_an_unknown_status_is_still_refused(retiring):
    retiring("add", "jd")
    assert "unknown status" in retiring("mark", "jd", "vanished", "--lang", "en", code=1).stderr


def test_a_big_json_document_is_one_line_with_the_same_data(retiring, monkeypatch):
    import json

    from numretire.exporters import json_doc

    retiring("add", "meituan", "alipay")
    pretty = retiring("list", "--json").stdout
    assert pretty.startswith('{\n  "version": 1,')
    monkeypatch.setattr(json_doc, "PRETTY_LIMIT", 100)
    big = retiring("list", "--json").stdout
    assert big.count("\n") == 1 and big.endswith("}\n")
    assert json.loads(big) == json.loads(pretty)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", ["80", "100"])
def test_list_wraps_names_without_cutting_a_word_or_an_id(retiring, monkeypatch, lang, columns):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", columns)
    retiring("add", "icbc", "meituan")
    lines = retiring("list", "--lang", lang).stdout.splitlines()
    assert not any("…" in line for line in lines)
    assert all(cell_len(line.rstrip()) <= int(columns) for line in lines)
    for item in retiring.json("list")["items"]:
        assert any(line.startswith(item["id"] + " ") for line in lines), item["id"]  # whole, never cut
    text = "\n".join(lines)
    for item in retiring.json("list", "--lang", lang)["items"]:
        for word in item["name"].split():
            if word.isascii():
                assert word in text, (item["id"], word)  # a Latin word is never split nor cut
