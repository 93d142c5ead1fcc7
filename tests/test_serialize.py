import tomllib
from datetime import UTC, date, datetime

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from numretire.model import STATUSES, Custom, Event, Evidence, Item, Lookup, Profile
from numretire.serialize import (
    PROFILE_SCHEMA,
    FutureSchema,
    Invalid,
    _profile_1_to_2,
    _profile_2_to_3,
    _profile_3_to_4,
    config_from_doc,
    profile_from_doc,
    profile_to_doc,
)

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=UTC)
)
events = st.builds(Event, at=moments, status=st.sampled_from(STATUSES), note=text)
customs = st.builds(
    Custom,
    name=text.filter(bool),
    category=st.sampled_from(["other", "bank"]),
    flags=st.lists(st.sampled_from(["sms-login", "balance"]), unique=True),
)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))
evidence = st.builds(
    Evidence,
    source=st.sampled_from(["sms", "passwords", "apps", "bill"]),
    digest=st.text("0123456789abcdef", min_size=1),
    count=st.integers(0, 10**6),
    first=st.none() | days,
    last=st.none() | days,
    login_is_number=st.booleans(),
    kinds=st.lists(st.sampled_from(["auto-debit", "subscription", "password-free"]), unique=True),
    issuer=st.sampled_from(["", "alipay", "wechat"]),
)
lookups = st.builds(Lookup, count=st.integers(0, 500), on=st.none() | days, recorded=moments)
items = st.builds(
    Item,
    evidence=st.lists(evidence, max_size=2),
    id=st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    status=st.sampled_from(STATUSES),
    note=text,
    answers=st.dictionaries(st.sampled_from(["stored-card", "password-free"]), st.booleans()),
    custom=st.none() | customs,
    origin=st.sampled_from(["manual", "triage", "init"]),
    history=st.lists(events, max_size=3),
)
profiles = st.builds(
    Profile,
    number=st.from_regex(r"\+86 ?1[3-9][0-9]{9}", fullmatch=True).map(lambda s: s.replace(" ", "")),
    country_code=st.just(86),
    region=st.just("CN"),
    created=moments,
    label=text,
    kind=st.sampled_from(["retire", "adopt"]),
    new_number=st.none() | st.just("+8613987654321"),
    carrier=st.none() | st.sampled_from(["china-mobile", "Some Carrier"]),
    carrier_source=st.sampled_from(["prefix", "user"]),
    cancel_on=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    items=st.lists(items, max_size=5, unique_by=lambda i: i.id),
    dismissed=st.lists(st.sampled_from(["alipay", "qq", "jd"]), unique=True),
    cancelled_on=st.none() | days,
    arrears_since=st.none() | days,
    acquired_on=st.none() | days,
    lookups=st.lists(lookups, max_size=2),
)


@settings(max_examples=150)
@given(profiles)
def test_a_profile_survives_toml_unchanged(profile):
    doc = tomllib.loads(tomli_w.dumps(profile_to_doc(profile)))
    assert profile_from_doc(doc) == profile


def test_schema_1_migrates_to_2_with_a_history():
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    old = {
        "schema": 1,
        "number": "+8613812345678",
        "country_code": 86,
        "region": "CN",
        "created": created,
        "items": [{"id": "alipay", "status": "moved"}, {"id": "qq", "status": "open"}],
    }
    profile = profile_from_doc(old)
    assert profile.item("alipay").history == [Event(created, "moved", "")]
    assert profile.item("qq").answers == {}
    assert profile_to_doc(profile)["schema"] == PROFILE_SCHEMA


def test_the_migration_step_itself():
    doc = _profile_1_to_2({"schema": 1, "created": "t", "items": [{"id": "a", "status": "open"}]})
    assert doc["schema"] == 2
    assert doc["items"][0]["history"] == [{"at": "t", "status": "open", "note": ""}]


def test_schema_2_migrates_to_3_unchanged_but_for_the_version():
    doc = {"schema": 2, "number": "+8613812345678", "items": []}
    assert _profile_2_to_3(dict(doc)) == {**doc, "schema": 3}
    created = datetime(2026, 1, 2, tzinfo=UTC)
    profile = profile_from_doc(
        {
            "schema": 2,
            "number": "+8613812345678",
            "country_code": 86,
            "region": "CN",
            "created": created,
            "items": [{"id": "qq", "status": "open", "history": []}],
        }
    )
    assert profile.cancelled_on is None and profile.lookups == [] and profile.item("qq").evidence == []


def test_a_newer_schema_is_refused():
    with pytest.raises(FutureSchema):
        profile_from_doc({"schema": PROFILE_SCHEMA + 1})
    with pytest.raises(FutureSchema):
        config_from_doc({"schema": 99})


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"number": "13812345678"}, "number"),
        ({"kind": "sell"}, "kind"),
        ({"surprise": 1}, "surprise"),
        ({"items": [{"id": "a", "status": "gone"}]}, "items[0].status"),
        ({"items": [{"id": "a"}, {"id": "a"}]}, "items[1].id"),
        ({"cancel_on": "tomorrow"}, "cancel_on"),
        ({"country_code": True}, "country_code"),
        ({"new_number": "+1"}, "new_number"),
        ({"new_number": "13912345678"}, "new_number"),
    ],
)
def test_validation_names_the_place(change, where):
    doc = {
        "schema": 2,
        "number": "+8613812345678",
        "country_code": 86,
        "region": "CN",
        "created": datetime(2026, 1, 1, tzinfo=UTC),
        **change,
    }
    with pytest.raises(Invalid) as caught:
        profile_from_doc(doc)
    assert caught.value.where == where


def test_get_builds_no_error_message_when_the_value_is_fine(monkeypatch):
    from numretire import serialize

    def boom(*args, **kwargs):
        raise AssertionError("message built on success")

    monkeypatch.setattr(serialize, "_kind_name", boom)
    monkeypatch.setattr(serialize, "_check", boom)
    assert serialize._get({"a": "x"}, "a", str, "") == "x"
    assert serialize._get({}, "b", int, "", 3) == 3


# ---------------------------------------------------------------- schema 4: history events as lines

# A profile as schema 3 wrote it (tomli_w's layout): every event an inline table.
OLD_LAYOUT = """\
schema = 3
number = "+8613812345678"
country_code = 86
region = "CN"
label = "main"
kind = "retire"
carrier_source = "prefix"
created = 2026-11-01 09:00:00+00:00

[[items]]
id = "alipay"
status = "blocked"
origin = "init"
note = "the bank wants a visit"
history = [
    { at = 2026-11-01 09:00:00+00:00, status = "open", note = "" },
    { at = 2026-11-20 18:30:00+08:00, status = "blocked", note = "the bank wants a visit" },
]

[[items]]
id = "qq"
status = "open"
origin = "manual"
history = [
    { at = 2026-11-02T10:00:00, status = "open" },
]
"""


def test_a_schema_3_file_migrates_to_history_lines():
    profile = profile_from_doc(tomllib.loads(OLD_LAYOUT))
    assert profile.item("alipay").history == [
        Event(datetime(2026, 11, 1, 9, tzinfo=UTC), "open", ""),
        Event(datetime(2026, 11, 20, 10, 30, tzinfo=UTC), "blocked", "the bank wants a visit"),
    ]
    assert profile.item("qq").history == [Event(datetime(2026, 11, 2, 10, tzinfo=UTC), "open", "")]
    doc = profile_to_doc(profile)
    assert doc["schema"] == PROFILE_SCHEMA == 4
    assert doc["items"][0]["history"] == [
        "2026-11-01T09:00:00Z open",
        "2026-11-20T18:30:00+08:00 blocked the bank wants a visit",  # the offset as it was written
    ]
    assert profile_from_doc(tomllib.loads(tomli_w.dumps(doc))) == profile


def test_the_migration_from_3_checks_old_events_where_they_stand():
    doc = _profile_3_to_4({"schema": 3, "items": [{"id": "a", "history": []}, {"id": "b"}, "x"]})
    assert doc == {"schema": 4, "items": [{"id": "a", "history": []}, {"id": "b"}, "x"]}


@pytest.mark.parametrize(
    ("event", "where"),
    [
        ({"at": "yesterday", "status": "open"}, "items[0].history[1].at"),
        ({"status": "open"}, "items[0].history[1].at"),
        ({"at": datetime(2026, 1, 1, tzinfo=UTC), "status": "gone"}, "items[0].history[1].status"),
        ({"at": datetime(2026, 1, 1, tzinfo=UTC), "status": "open", "by": "me"}, "items[0].history[1].by"),
        ("2026-01-01T00:00:00Z open", "items[0].history[1]"),  # schema 3 had no lines
    ],
)
def test_a_broken_schema_3_event_is_named_by_its_old_place(event, where):
    good = {"at": datetime(2026, 1, 1, tzinfo=UTC), "status": "open", "note": ""}
    doc = tomllib.loads(OLD_LAYOUT)
    doc["items"][0]["history"] = [good, event]
    with pytest.raises(Invalid) as caught:
        profile_from_doc(doc)
    assert caught.value.where == where


@pytest.mark.parametrize(
    ("event", "line"),
    [
        (Event(datetime(2026, 11, 24, 9, 30, tzinfo=UTC), "moved"), "2026-11-24T09:30:00Z moved"),
        (
            Event(datetime(2026, 11, 24, 9, 30, tzinfo=UTC), "blocked", "the bank wants a visit"),
            "2026-11-24T09:30:00Z blocked the bank wants a visit",
        ),
        (
            Event(datetime(2026, 11, 24, 9, 30, 5, 123, tzinfo=UTC), "done"),
            "2026-11-24T09:30:05.000123Z done",
        ),
        (Event(datetime(2026, 11, 24, tzinfo=UTC), "open", "  two spaces\nand a line"), None),
        (Event(datetime(2026, 11, 24, tzinfo=UTC), "open", " "), None),
    ],
)
def test_an_event_line_reads_back_as_the_event(event, line):
    from numretire.serialize import _event_from_line, event_line

    if line is not None:
        assert event_line(event) == line
    assert _event_from_line(event_line(event), "x") == event


@pytest.mark.parametrize(
    "line",
    [
        5,
        "",
        "yesterday open",
        "2026-11-24 open",
        "2026-11-24T09:30:00Z gone",
        "2026-11-24T09:30:00Z",
        "2026-13-01T00:00:00Z open",
    ],
)
def test_a_broken_event_line_is_named_by_its_place(line):
    doc = {
        "schema": PROFILE_SCHEMA,
        "number": "+8613812345678",
        "country_code": 86,
        "region": "CN",
        "created": datetime(2026, 1, 1, tzinfo=UTC),
        "items": [{"id": "a", "history": ["2026-11-24T09:30:00Z open", line]}],
    }
    with pytest.raises(Invalid) as caught:
        profile_from_doc(doc)
    assert caught.value.where == "items[0].history[1]"


def test_a_naive_time_in_an_event_line_is_utc():
    doc = {
        "schema": PROFILE_SCHEMA,
        "number": "+8613812345678",
        "country_code": 86,
        "region": "CN",
        "created": datetime(2026, 1, 1, tzinfo=UTC),
        "items": [{"id": "a", "history": ["2026-11-24T09:30:00 open"]}],
    }
    assert profile_from_doc(doc).items[0].history[0].at == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


# ---------------------------------------------------------------- the parsed cache's form


@settings(max_examples=150)
@given(profiles)
def test_a_profile_survives_the_cache_form_unchanged(profile):
    import marshal

    from numretire.serialize import profile_from_cache, profile_to_cache

    assert profile_from_cache(marshal.loads(marshal.dumps(profile_to_cache(profile)))) == profile


@pytest.mark.parametrize("data", [(), (99,), ("x",) * 17, None, 5])
def test_a_cache_form_of_another_shape_is_refused(data):
    from numretire.serialize import profile_from_cache

    with pytest.raises((TypeError, ValueError)):
        profile_from_cache(data)


def test_schema_3_loads_and_bill_evidence_round_trips():
    from numretire.serialize import _profile_3_to_4

    assert _profile_3_to_4({"schema": 3, "items": []}) == {"schema": 4, "items": []}
    old = {
        "schema": 3,
        "number": "+8613812345678",
        "country_code": 86,
        "region": "CN",
        "created": datetime(2026, 1, 2, tzinfo=UTC),
        "items": [{"id": "qq", "evidence": [{"source": "sms", "digest": "d", "count": 2}]}],
    }
    profile = profile_from_doc(old)
    assert profile.item("qq").evidence[0].kinds == [] and profile.item("qq").evidence[0].issuer == ""
    doc = profile_to_doc(profile)
    assert doc["schema"] == 4 and "kinds" not in doc["items"][0]["evidence"][0]
    ev = Evidence("bill", "d2", 3, date(2026, 1, 1), date(2026, 2, 1), False, ["subscription"], "alipay")
    profile.item("qq").evidence.append(ev)
    text = tomli_w.dumps(profile_to_doc(profile))
    again = profile_from_doc(tomllib.loads(text))
    assert again.item("qq").evidence[1] == ev


def test_an_unknown_payment_kind_is_refused():
    doc = {
        "schema": 4,
        "number": "+8613812345678",
        "country_code": 86,
        "region": "CN",
        "created": datetime(2026, 1, 1, tzinfo=UTC),
        "items": [
            {"id": "a", "evidence": [{"source": "bill", "digest": "d", "count": 1, "kinds": ["cash"]}]}
        ],
    }
    with pytest.raises(Invalid) as caught:
        profile_from_doc(doc)
    assert caught.value.where == "items[0].evidence[0].kinds"
