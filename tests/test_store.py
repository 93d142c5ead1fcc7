import multiprocessing
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
import tomllib
from datetime import UTC, datetime

import pytest

from numretire.errors import DataError
from numretire.model import Config, Item, Profile
from numretire.serialize import profile_from_doc
from numretire.store import Store, backup_path


def make_profile(**kw) -> Profile:
    base = dict(
        number="+8613812345678", country_code=86, region="CN", created=datetime(2026, 11, 24, tzinfo=UTC)
    )
    return Profile(**{**base, **kw})


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_files_are_private_whatever_the_umask(home):
    old = os.umask(0)
    try:
        store = Store(home)
        store.save_profile(make_profile())
        store.save_config(Config(default_profile="+8613812345678"))
        store.save_profile(make_profile(label="again"))
    finally:
        os.umask(old)
    assert mode(home) == 0o700
    assert mode(home / "profiles") == 0o700
    for path in [home / "config.toml", *sorted((home / "profiles").iterdir())]:
        assert mode(path) == 0o600, path


def test_save_keeps_the_previous_version(home):
    store = Store(home)
    store.save_profile(make_profile(label="first"))
    store.save_profile(make_profile(label="second"))
    path = store.profile_path("+8613812345678")
    assert 'label = "second"' in path.read_text()
    assert 'label = "first"' in backup_path(path).read_text()


@pytest.mark.parametrize(
    "content",
    [
        b'schema = 3\nnumber = "+8613812345678"\ncountry_code = 86\nregion = \n',
        b"\xff\xfe not utf-8",
        b'schema = 3\nnumber = "+8613812345678"\ncountry_code = 86\nregion = "CN"\n'
        b'created = 2026-01-01T00:00:00Z\n\n[[items]]\nid = "a"\nstatus = "lost"\n',
    ],
)
def test_a_broken_file_is_reported_and_never_touched(home, run, content):
    store = Store(home)
    store.ensure_home()
    path = store.profile_path("+8613812345678")
    path.write_bytes(content)
    before = path.read_bytes()
    result = run("add", "alipay", code=1)
    assert str(path) in result.stderr
    assert "line" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("mark", "a", "done", code=1)
    assert path.read_bytes() == before
    assert not backup_path(path).exists()


def test_the_error_points_at_the_line(home, run):
    store = Store(home)
    store.ensure_home()
    path = store.profile_path("+8613812345678")
    path.write_text(
        'schema = 2\nnumber = "+8613812345678"\ncountry_code = 86\nregion = "CN"\n'
        'created = 2026-01-01T00:00:00Z\n\n[[items]]\nid = "a"\n\n[[items]]\nid = "b"\nstatus = "lost"\n'
    )
    result = run("status", code=1)
    assert "line 12" in result.stderr
    assert "items[1].status" in result.stderr


def test_a_backup_is_named_when_there_is_one(home, retiring):
    retiring("add", "alipay")
    path = Store(home).profile_path("+8613812345678")
    path.write_text("not toml at all = = =")
    result = retiring("status", code=1)
    assert str(backup_path(path)) in result.stderr


def test_a_future_schema_is_refused_untouched(home, retiring):
    path = Store(home).profile_path("+8613812345678")
    text = re.sub(r"^schema = \d+", "schema = 9", path.read_text(), flags=re.M)
    path.write_text(text)
    result = retiring("mark", "sim-pin", "done", code=1)
    assert "newer numretire" in result.stderr
    assert path.read_text() == text


KILL_WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from numretire.model import Item, Profile
    from numretire.store import Store
    store = Store(Path(sys.argv[1]))
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        items = [Item(id=f"item-{i}", note="x" * 200) for i in range(n % 50 + 1)]
        store.save_profile(Profile(number="+8613812345678", country_code=86, region="CN",
                                   created=datetime(2026, 1, 1, tzinfo=UTC), label=str(n), items=items))
    """
)


def test_sigkill_while_saving_leaves_the_old_or_the_new_file(home, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(KILL_WRITER)
    store = Store(home)
    store.save_profile(make_profile(label="start"))
    for round_ in range(25):
        proc = subprocess.Popen([sys.executable, str(script), str(home)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.02 + (round_ % 5) * 0.013)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        profile = store.read_profile("+8613812345678")  # raises if the file were broken
        assert profile is not None
        assert all(item.note == "x" * 200 for item in profile.items)
        text = store.profile_path("+8613812345678").read_text(encoding="utf-8")
        assert profile == profile_from_doc(tomllib.loads(text))  # its parsed copy never lags the file


def _add_items(home: str, worker: int, count: int) -> None:
    from pathlib import Path

    store = Store(Path(home))
    for n in range(count):
        with store.locked():
            profile = store.read_profile("+8613812345678")
            profile.items.append(Item(id=f"w{worker}-{n}"))
            store.save_profile(profile)


def test_separate_processes_writing_at_once_lose_nothing(home):
    store = Store(home)
    store.save_profile(make_profile())
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_items, args=(str(home), w, 15)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    ids = {item.id for item in store.read_profile("+8613812345678").items}
    assert ids == {f"w{w}-{n}" for w in range(4) for n in range(15)}


def test_two_cli_runs_at_once_lose_no_mark(home, retiring):
    """The CLI takes the lock before the read it modifies: concurrent marks all land."""
    retiring("add", "alipay", "wechat", "taobao", "jd")
    env = {**os.environ, "NUMRETIRE_HOME": str(home)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "numretire", "mark", item, "moved"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for item in ("alipay", "wechat", "taobao", "jd")
    ]
    for p in procs:
        assert p.wait(60) == 0, p.stderr.read()
    profile = Store(home).read_profile("+8613812345678")
    assert {i.id for i in profile.items if i.status == "moved"} == {"alipay", "wechat", "taobao", "jd"}


def test_a_held_lock_is_reported(home, monkeypatch):
    import numretire.store as store_module

    monkeypatch.setattr(store_module, "LOCK_TIMEOUT_SECONDS", 0.1)
    store = Store(home)
    other = Store(home)
    with store.locked():
        import filelock

        lock = filelock.FileLock(str(home / ".lock"), timeout=0.1, thread_local=False, is_singleton=False)
        with pytest.raises(filelock.Timeout):
            lock.acquire()
    with other.locked():
        pass


def test_stale_temp_files_are_cleaned(home):
    store = Store(home)
    store.save_profile(make_profile())
    path = store.profile_path("+8613812345678")
    stale = path.parent / f".{path.name}.abc.tmp"
    stale.write_text("half")
    store.save_profile(make_profile(label="x"))
    assert not stale.exists()


def test_reading_a_missing_profile_gives_none(home):
    assert Store(home).read_profile("+8613800000000") is None
    assert Store(home).profiles() == []


def test_unreadable_file_is_a_data_error(home):
    store = Store(home)
    store.ensure_home()
    folder = store.profile_path("+8613812345678")
    folder.mkdir()
    with pytest.raises(DataError):
        store.read_profile("+8613812345678")


def test_saving_the_same_data_keeps_the_older_backup(home):
    store = Store(home)
    store.save_profile(make_profile(label="first"))
    store.save_profile(make_profile(label="second"))
    path = store.profile_path("+8613812345678")
    mtime = path.stat().st_mtime_ns
    store.save_profile(make_profile(label="second"))
    assert 'label = "first"' in backup_path(path).read_text()
    assert path.stat().st_mtime_ns == mtime


# ---------------------------------------------------------------- an old layout, the parsed copy


def test_an_old_layout_file_is_read_and_saved_in_the_new_one(home, run):
    from test_serialize import OLD_LAYOUT

    store = Store(home)
    store.ensure_home()
    path = store.profile_path("+8613812345678")
    path.write_text(OLD_LAYOUT, encoding="utf-8")
    statuses = {i["id"]: i["status"] for i in run.json("list")["items"]}
    assert statuses == {"alipay": "blocked", "qq": "open"}
    run("mark", "qq", "moved")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("schema = 4\n")
    assert '    "2026-11-20T18:30:00+08:00 blocked the bank wants a visit",\n' in text
    assert backup_path(path).read_text(encoding="utf-8") == OLD_LAYOUT
    profile = store.read_profile("+8613812345678")
    assert [e.status for e in profile.item("qq").history] == ["open", "moved"]


def _copy(home):
    from numretire.parsed_cache import cache_path

    return cache_path(home, Store(home).profile_path("+8613812345678"))


def _no_parsing(monkeypatch):
    def parse(self, path, raw):
        raise AssertionError("the TOML was parsed")

    monkeypatch.setattr(Store, "_parse", parse)


def test_a_saved_profile_is_read_back_from_its_parsed_copy(home, monkeypatch):
    store = Store(home)
    saved = make_profile(label="big", items=[Item(id=f"item-{i}", note="n") for i in range(30)])
    store.save_profile(saved)
    assert _copy(home).is_file()
    _no_parsing(monkeypatch)
    assert store.read_profile("+8613812345678") == saved


def test_a_hand_edited_file_is_read_from_its_text_not_from_the_copy(home):
    store = Store(home)
    store.save_profile(make_profile(label="before"))
    path = store.profile_path("+8613812345678")
    path.write_text(path.read_text().replace('label = "before"', 'label = "after!"'))  # same size
    assert store.read_profile("+8613812345678").label == "after!"
    path.write_text(path.read_text().replace('label = "after!"', 'label = "lost"\nwhat = 1'))
    with pytest.raises(DataError) as caught:  # a file broken by hand is reported, copy or not
        store.read_profile("+8613812345678")
    assert "what" in caught.value.render("en")


def test_a_damaged_copy_is_never_loaded(home):
    store = Store(home)
    saved = make_profile(label="x", items=[Item(id=f"item-{i}") for i in range(5)])
    store.save_profile(saved)
    from numretire import parsed_cache

    copy = _copy(home)
    good = copy.read_bytes()
    path = store.profile_path("+8613812345678")
    for n in range(60):
        damaged = bytearray(good)
        damaged[(n * 7919) % len(good)] ^= 1 << (n % 8)
        copy.write_bytes(bytes(damaged))
        assert parsed_cache.load(home, path, path.read_bytes(), "profile") is None
        assert store.read_profile("+8613812345678") == saved
        assert parsed_cache.load(home, path, path.read_bytes(), "profile") == saved  # rebuilt from the TOML
    copy.write_bytes(good[: len(good) // 2])
    assert store.read_profile("+8613812345678") == saved


def test_the_copy_of_another_number_is_not_taken_for_this_one(home):
    from numretire.parsed_cache import cache_path

    store = Store(home)
    store.save_profile(make_profile(label="one"))
    other = make_profile(number="+8613912345678", label="two")
    store.save_profile(other)
    mine = _copy(home)
    mine.write_bytes(cache_path(home, store.profile_path(other.number)).read_bytes())
    assert store.read_profile("+8613812345678").label == "one"


def test_the_copy_is_private_and_optional(home):
    old = os.umask(0)
    try:
        store = Store(home)
        store.save_profile(make_profile())
    finally:
        os.umask(old)
    copy = _copy(home)
    assert mode(copy) == 0o600
    assert mode(copy.parent) == 0o700 and mode(copy.parent.parent) == 0o700
    import shutil

    shutil.rmtree(home / "cache")
    (home / "cache").write_text("not a folder")  # the copy cannot be written: only slower
    store.save_profile(make_profile(label="still saved"))
    assert store.read_profile("+8613812345678").label == "still saved"


def test_a_copy_is_made_by_the_first_read(home, monkeypatch):
    store = Store(home)
    store.save_profile(make_profile(label="x"))
    _copy(home).unlink()
    first = store.read_profile("+8613812345678")
    assert _copy(home).is_file()
    _no_parsing(monkeypatch)
    assert store.read_profile("+8613812345678") == first


def test_a_broken_history_line_is_named_with_its_own_line(home, retiring):
    retiring("add", "alipay")
    retiring("mark", "alipay", "moved")
    path = Store(home).profile_path("+8613812345678")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.endswith(' moved",'))
    path.write_text(text.replace(' moved",', ' gone",'), encoding="utf-8")
    result = retiring("status", code=1)
    assert f"line {number}:" in result.stderr and ".history[1]" in result.stderr


def test_the_config_has_a_parsed_copy_too(home, monkeypatch):
    from numretire import paths

    store = Store(home)
    store.save_config(Config(default_profile="+8613812345678", lang="en"))
    with monkeypatch.context() as patched:
        _no_parsing(patched)
        assert store.read_config() == Config(default_profile="+8613812345678", lang="en")
    path = paths.config_file(home)
    path.write_text(path.read_text().replace('lang = "en"', 'lang = "zh"'))
    assert store.read_config().lang == "zh"
    path.write_text(path.read_text().replace('lang = "zh"', 'lang = "fr"'))
    with pytest.raises(DataError):
        store.read_config()


def test_a_command_that_finds_every_copy_current_parses_no_toml(home, retiring):
    env = {**os.environ, "NUMRETIRE_HOME": str(home)}
    code = "import sys; from numretire.cli import main; main()"
    check = [sys.executable, "-X", "importtime", "-c", code, "status"]
    result = subprocess.run(check, env=env, capture_output=True, text=True, check=True)
    assert "tomllib" not in result.stderr
