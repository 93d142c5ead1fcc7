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


# ------------------------------------------------------------------ issue 15: one file never hurts another

OTHER = "+8613987654321"


@pytest.fixture
def two(retiring):
    """Two numbers: 138… (label main, a backup after the add) and 139… (label other, the default)."""
    retiring("add", "alipay", "--profile", "main")
    retiring("init", "13987654321", "--label", "other", "--cancel-on", "2026-12-10")
    retiring("add", "wechat", "--profile", "other")
    return retiring


def count_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    original = Store.read_profile

    def counting(self, e164):
        reads.append(e164)
        return original(self, e164)

    monkeypatch.setattr(Store, "read_profile", counting)
    return reads


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("status", "--profile", "main"),
        ("status", "--profile", "13812345678"),
        ("list", "--json"),
        ("mark", "wechat", "moved"),
        ("mark", "alipay", "moved", "--profile", "main"),
        ("edit", "--label", "renamed", "--profile", "main"),
        ("use", "main"),
    ],
)
def test_a_command_reads_only_the_profile_it_needs(home, two, monkeypatch, args):
    two("init", "13012345678", "--label", "third")
    two("use", "other")
    reads = count_reads(monkeypatch)
    two(*args)
    assert len(reads) == 1, reads
    assert reads[0] == ("+8613812345678" if "main" in args or "13812345678" in args else OTHER)


def test_a_label_is_found_from_the_top_of_the_file(home, two):
    """The label comes from the lines before the first table, without decoding the items; a label
    written by hand in another form (a literal string, after a comment) is found all the same."""
    store = Store(home)
    assert {h.number: h.label for h in store.heads()} == {"+8613812345678": "main", OTHER: "other"}
    path = store.profile_path(OTHER)
    path.write_text(re.sub(r"^label = .*$", "# mine\nlabel = 'my work'", path.read_text(), flags=re.M))
    assert two.json("status", "--profile", "my work")["profile"]["number"] == OTHER
    result = two("edit", "--label", "MY WORK", "--profile", "main", code=1)
    assert "already used" in result.stderr


def break_file(path, how: str) -> bytes:
    if how == "truncated":
        data = path.read_bytes()[:200]
    else:
        data = re.sub(rb"^schema = \d+", b"schema = 999", path.read_bytes(), flags=re.M)
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("how", ["truncated", "future"])
def test_one_unreadable_profile_never_blocks_another(home, two, monkeypatch, how):
    two("use", "main")
    broken = Store(home).profile_path("+8613812345678")
    data = break_file(broken, how)
    assert two("use", "other").stdout.startswith("Default number: +86 139****4321")
    assert two.json("status", "--profile", "other")["profile"]["number"] == OTHER
    two("mark", "wechat", "moved")
    assert two.json("status", "--profile", "13987654321")["progress"]["done"] >= 1
    # the broken one is named, with its path and its backup, and the other is listed
    result = two("profiles", "--lang", "en")
    assert "+86 139****4321" in result.stdout and "(unreadable)" in result.stdout
    assert str(broken) in result.stderr and str(backup_path(broken)) in result.stderr
    assert result.stderr.count("\n") == 1
    doc = two.json("profiles")
    assert [p["number"] for p in doc["profiles"]] == [OTHER]
    assert doc["unreadable"] == [
        {
            "number": "+8613812345678",
            "number_masked": "+86 138****5678",
            "path": str(broken),
            "backup": str(backup_path(broken)),
            "problem": "corrupt" if how == "truncated" else "future_schema",
            "message": doc["unreadable"][0]["message"],
        }
    ]
    # remind names the broken one in one line and still reminds the other
    monkeypatch.setenv("NUMRETIRE_TODAY", "2026-12-05")
    result = two("remind", "--lang", "en", code=3)
    assert "+86 139****4321" in result.stdout
    assert result.stderr.count("\n") == 1 and str(broken) in result.stderr
    assert two.json("remind", code=3)["unreadable"][0]["path"] == str(broken)
    # the broken one itself is still refused in one line, and never written
    result = two("status", "--profile", "main", code=1)
    assert str(broken) in result.stderr and result.stderr.count("\n") == 1
    two("mark", "alipay", "moved", "--profile", "13812345678", code=1)
    assert broken.read_bytes() == data


def test_remind_with_only_a_broken_profile_due_says_so(home, run):
    run("init", "13812345678")
    run("init", "13987654321")
    assert run("remind").stdout == ""
    break_file(Store(home).profile_path("+8613812345678"), "future")
    result = run("remind", code=1)  # nothing due on the other, but a file needs the user
    assert result.stdout == "" and "schema 999" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_new_number_can_start_beside_a_broken_one(home, two):
    break_file(Store(home).profile_path("+8613812345678"), "truncated")
    two("init", "13012345678", "--label", "third")
    assert two.json("status")["profile"]["number"] == "+8613012345678"


def test_a_profile_holding_another_number_is_refused_and_never_written_through(home, two):
    """Edited by hand: 138….toml says it is 139…. Neither file is written with the other's data."""
    store = Store(home)
    first, second = store.profile_path("+8613812345678"), store.profile_path(OTHER)
    text = first.read_text().replace('number = "+8613812345678"', f'number = "{OTHER}"')
    first.write_text(text)
    before_second = second.read_bytes()
    result = two("mark", "alipay", "moved", "--profile", "13812345678", "--lang", "en", code=1)
    assert str(first) in result.stderr and "holds the number +86 139****4321" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert first.read_text() == text
    assert second.read_bytes() == before_second
    # the other number is its own file, and saving it writes only that file
    two("mark", "wechat", "moved", "--profile", "13987654321")
    assert first.read_text() == text
    assert store.read_profile(OTHER).item("wechat").status == "moved"
    assert store.read_profile(OTHER).item("alipay") is None
    assert [u.path for u in store.read_all()[1]] == [first]
    with pytest.raises(DataError):
        store.read_profile("+8613812345678")


def test_a_symlinked_profile_is_saved_through_the_link(home, retiring, tmp_path):
    path = Store(home).profile_path("+8613812345678")
    elsewhere = tmp_path / "synced" / "mine.toml"
    elsewhere.parent.mkdir()
    os.replace(path, elsewhere)
    path.symlink_to(elsewhere)
    retiring("add", "alipay")
    retiring("mark", "alipay", "moved")
    assert path.is_symlink() and path.resolve() == elsewhere
    assert 'id = "alipay"' in elsewhere.read_text() and 'status = "moved"' in elsewhere.read_text()
    assert 'id = "alipay"' in backup_path(path).read_text()  # the backup stays beside the name
    assert not list(elsewhere.parent.glob(".*.tmp")) and not list(path.parent.glob(".*.tmp"))
    assert retiring.json("list")["items"][-1]["status"] in {"moved", "open"}
    assert Store(home).read_profile("+8613812345678").item("alipay").status == "moved"


# ------------------------------------------------------------------ issue 15: every fault is one line


def one_line(result) -> str:
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and not result.stdout
    return result.stderr


def no_temps(folder) -> bool:
    return not list(folder.glob(".*.tmp"))


@pytest.mark.parametrize("where", ["replace", "fsync"])
def test_a_full_disk_on_save_is_one_line_and_the_data_is_untouched(home, retiring, monkeypatch, where):
    import errno

    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    real = getattr(os, where)

    def full(*args, **kwargs):
        if where == "fsync" and not os.path.isfile(f"/proc/self/fd/{args[0]}"):
            return real(*args, **kwargs)  # the folder's fsync
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, where, full)
    line = one_line(retiring("add", "alipay", "--lang", "en", code=1))
    monkeypatch.setattr(os, where, real)
    assert str(path) in line and "No space left on device" in line
    assert path.read_bytes() == before
    assert no_temps(path.parent)
    assert retiring.json("list")["items"]  # still readable, and nothing of the failed add in it
    assert "alipay" not in {i["id"] for i in retiring.json("list")["items"]}


def test_a_folder_that_refuses_new_files_is_one_line(home, retiring, monkeypatch):
    import errno
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), kwargs.get("dir"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    line = one_line(retiring("mark", "sim-pin", "done", code=1))
    assert str(path) in line and "Permission denied" in line
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["under-a-file", "proc"])
def test_a_home_that_cannot_be_made_is_one_line(run, tmp_path, monkeypatch, kind):
    if kind == "proc":
        if not os.path.isdir("/proc/self"):
            pytest.skip("no /proc here")
        home = "/proc/x"
    else:
        (tmp_path / "a-file").write_text("")
        home = str(tmp_path / "a-file" / "home")
    monkeypatch.setenv("NUMRETIRE_HOME", home)
    line = one_line(run("init", "13812345678", "--lang", "en", code=1))
    assert home in line
    assert "cannot use the data folder" in line or "Not a directory" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_home_the_user_cannot_write_is_one_line(run, tmp_path, monkeypatch):
    parent = tmp_path / "read-only"
    parent.mkdir(mode=0o500)
    monkeypatch.setenv("NUMRETIRE_HOME", str(parent / "home"))
    try:
        line = one_line(run("init", "13812345678", "--lang", "en", code=1))
    finally:
        parent.chmod(0o700)
    assert str(parent / "home") in line and "Permission denied" in line


def test_a_lock_that_cannot_be_used_is_one_line(home, retiring):
    lock = home / ".lock"
    lock.unlink()
    lock.mkdir()  # what an unwritable lock file is to root too: it cannot be opened for writing
    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    line = one_line(retiring("mark", "sim-pin", "done", "--lang", "en", code=1))
    assert str(lock) in line and "cannot use the lock file" in line
    assert path.read_bytes() == before


def test_a_lock_without_permission_is_one_line(home, retiring, monkeypatch):
    import errno

    import filelock

    def denied(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(home / ".lock"))

    monkeypatch.setattr(filelock.FileLock, "acquire", denied)
    line = one_line(retiring("mark", "sim-pin", "done", "--lang", "en", code=1))
    assert str(home / ".lock") in line and "Permission denied" in line


def test_an_unreadable_folder_of_numbers_says_so(home, retiring, monkeypatch):
    import errno

    folder = home / "profiles"
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(folder):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for args in (("status",), ("profiles",), ("remind",), ("mark", "sim-pin", "done")):
        line = one_line(retiring(*args, "--lang", "en", code=1))
        assert "cannot read the folder of numbers" in line and str(folder) in line
        assert "No number yet" not in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_folder_of_numbers_says_so_for_real(home, retiring):
    folder = home / "profiles"
    folder.chmod(0)
    try:
        line = one_line(retiring("status", "--lang", "en", code=1))
    finally:
        folder.chmod(0o700)
    assert "cannot read the folder of numbers" in line


def test_an_os_error_the_core_did_not_name_is_still_one_line(retiring, monkeypatch):
    import errno

    from numretire.cli import status as status_cli

    def broken(*args, **kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO), "/some/file")

    monkeypatch.setattr(status_cli, "status_head", broken, raising=False)
    monkeypatch.setattr("numretire.plan.views", broken)
    line = one_line(retiring("status", "--lang", "en", code=1))
    assert "/some/file" in line and "Input/output error" in line


def test_odd_files_in_the_folder_of_numbers_are_named_not_waited_on(home, two):
    """A FIFO is never opened for a wait, a link to nothing is named, and a file not named after a
    number is listed as not used; the good numbers work all along."""
    folder = home / "profiles"
    os.mkfifo(folder / "8613012345678.toml")
    (folder / "8613112345678.toml").symlink_to(folder / "gone.toml")
    (folder / "notes.toml").write_text("schema = 3\n")
    assert two.json("status", "--profile", "other")["profile"]["number"] == OTHER
    assert two.json("status", "--profile", "main")["profile"]["number"] == "+8613812345678"
    doc = two.json("profiles")
    assert len(doc["profiles"]) == 2
    problems = {u["path"].rsplit("/", 1)[1]: u["problem"] for u in doc["unreadable"]}
    assert problems == {
        "8613012345678.toml": "not_a_file",
        "8613112345678.toml": "dangling_link",
        "notes.toml": "bad_name",
    }
    result = two("profiles", "--lang", "en")
    assert "notes.toml" in result.stdout and result.stderr.count("\n") == 3
    line = one_line(two("status", "--profile", "13012345678", "--lang", "en", code=1))
    assert "not a regular file" in line
    line = one_line(two("status", "--profile", "13112345678", "--lang", "en", code=1))
    assert "gone.toml" in line and "no file" in line
    two("init", "13112345678", code=1)  # the link's number is taken: nothing written through it
    assert not (folder / "gone.toml").exists()


def test_a_file_cut_short_is_placed_at_its_last_line(home, retiring):
    path = Store(home).profile_path("+8613812345678")
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines[:6]) + "\nnew_number = ")
    line = one_line(retiring("status", "--lang", "en", code=1))
    assert "line 7:" in line or "line 7," in line


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


def test_the_history_of_a_parsed_copy_is_made_when_read_and_saved_as_it_was(home, monkeypatch):
    """From the copy, an item's events are made the first time its history is read (status never reads
    them); read, changed or saved, they are the events the file holds."""
    from numretire.model import Event

    store = Store(home)
    at = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)
    events = [Event(at, "open", ""), Event(at, "blocked", "waiting for the bank")]
    saved = make_profile(items=[Item(id="a", history=events), Item(id="b")])
    store.save_profile(saved)
    path = store.profile_path("+8613812345678")
    text = path.read_bytes()
    _no_parsing(monkeypatch)
    copy = store.read_profile("+8613812345678")
    assert all(callable(vars(item)["_history"]) for item in copy.items)  # not made yet
    assert copy.item("a").history == events and copy.item("b").history == []
    assert copy == saved
    again = store.read_profile("+8613812345678")
    again.item("a").history.append(Event(at, "moved", ""))
    assert [e.status for e in again.item("a").history] == ["open", "blocked", "moved"]
    store.save_profile(store.read_profile("+8613812345678"))  # never read: saved as it was
    assert path.read_bytes() == text


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
