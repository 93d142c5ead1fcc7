import pytest

from numretire import paths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalog_list_filters(run, lang):
    out = run("catalog", "list", "--category", "payment", "--region", "CN", "--lang", lang).stdout
    assert "alipay" in out and "icbc" not in out
    data = run.json("catalog", "list", "--flag", "sms-login")
    assert data["services"] and all("sms-login" in s["flags"] for s in data["services"])
    assert "unknown category" in run("catalog", "list", "--category", "nope", "--lang", "en", code=1).stderr
    assert "unknown risk flag" in run("catalog", "list", "--flag", "nope", "--lang", "en", code=1).stderr


def test_catalog_search(run):
    data = run.json("catalog", "search", "alipy")
    assert data["services"][0]["id"] == "alipay"
    assert "score" in data["services"][0]
    assert "No matching" in run("catalog", "search", "qqqqzzzzxxxx", "--lang", "en").stdout
    assert "没有找到" in run("catalog", "search", "qqqqzzzzxxxx", "--lang", "zh").stdout


def test_catalog_show_says_when_unverified(run):
    unverified = next(s for s in run.json("catalog", "list")["services"] if not s["verified"])
    out = run("catalog", "show", unverified["id"], "--lang", "en").stdout
    assert "not verified" in out
    assert "未经官方来源核实" in run("catalog", "show", unverified["id"], "--lang", "zh").stdout
    verified = next(s for s in run.json("catalog", "list")["services"] if s["verified"])
    out = run("catalog", "show", verified["id"], "--lang", "en").stdout
    assert "not verified" not in out and "Sources (checked" in out
    assert run.json("catalog", "show", "alipay")["service"]["id"] == "alipay"
    assert "no service" in run("catalog", "show", "nope", "--lang", "en", code=1).stderr


def test_catalog_lint_shipped_and_counts(run):
    out = run("catalog", "lint", "--lang", "en").stdout
    assert " 0 problems" in out and "By region" in out and "By category" in out
    data = run.json("catalog", "lint")
    assert data["problems"] == [] and data["regions"]["CN"] >= 150


def test_catalog_lint_a_bad_file(run, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n\n[[service]]\nid = "x"\n', encoding="utf-8")
    result = run("catalog", "lint", str(bad), "--lang", "en", code=1)
    assert f"{bad}:3:" in result.stdout and "missing" in result.stdout
    assert "no such" in run("catalog", "lint", str(tmp_path / "none.toml"), "--lang", "en", code=1).stderr


def test_a_broken_user_catalog_file_is_one_line(run, home):
    folder = paths.user_checklists_dir(home)
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text("schema = 1\n[[service]]\nid = = 1\n", encoding="utf-8")
    result = run("catalog", "list", "--lang", "en", code=1)
    assert "mine.toml" in result.stderr and "line 3" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_catalog_search_wraps_names_without_cutting(run, monkeypatch, lang):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "80")
    lines = run("catalog", "search", "sim", "--lang", lang).stdout.splitlines()
    assert lines and not any("…" in line for line in lines)
    assert all(cell_len(line.rstrip()) <= 80 for line in lines)
    ids = [s["id"] for s in run.json("catalog", "search", "sim")["services"]]
    for service_id in ids:
        assert any(line.startswith(service_id + " ") for line in lines), service_id
