"""numretire's TOML writer writes exactly what tomli_w writes, only faster."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from numretire import toml_writer
from numretire.model import Custom, Event, Evidence, Item, Lookup, Profile
from numretire.serialize import profile_to_doc

keys = st.text(max_size=6)
scalars = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",))),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(UTC) | st.just(timezone(timedelta(hours=8)))),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=30,
)


def same_as_tomli_w(doc) -> None:
    try:
        expected = tomli_w.dumps(doc)
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc)):
            toml_writer.dumps(doc)
        return
    assert toml_writer.dumps(doc) == expected


@settings(max_examples=400)
@given(st.dictionaries(keys, values, max_size=6))
def test_any_document_is_written_as_tomli_w_writes_it(doc):
    same_as_tomli_w(doc)


@pytest.mark.parametrize(
    "char", [chr(i) for i in range(0x21)] + ['"', "\\", "\x7f", "\x80", "\u2028", "é", "中"]
)
def test_every_character_that_needs_escaping_is_escaped_alike(char):
    same_as_tomli_w({"k": f"a{char}b", f"key{char}": [char], "t": {"x": char}})


def test_a_profile_is_written_as_tomli_w_writes_it():
    at = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    profile = Profile(
        number="+8613812345678",
        country_code=86,
        region="CN",
        created=at,
        label='a "label"',
        cancel_on=date(2026, 12, 31),
        lookups=[Lookup(3, date(2026, 11, 2), at)],
        dismissed=["qq"],
        items=[
            Item(
                id="alipay",
                status="blocked",
                note="line\nbreak",
                answers={"stored-card": True},
                history=[Event(at, "open"), Event(at, "blocked", "the bank wants a visit")],
                evidence=[Evidence("sms", "ab12", 4, date(2026, 1, 1), None, True)],
            ),
            Item(id="custom-x", custom=Custom("X 银行", "bank", ["sms-login"]), history=[Event(at, "open")]),
            Item(id="bare"),  # no history: a table short enough for one line
        ],
    )
    same_as_tomli_w(profile_to_doc(profile))
    profile.items = [Item(id="a"), Item(id="b")]  # every item fits on a line: an inline array
    same_as_tomli_w(profile_to_doc(profile))


def test_a_key_that_is_not_text_is_refused():
    with pytest.raises(TypeError):
        toml_writer.dumps({1: "x"})
    with pytest.raises(TypeError):
        toml_writer.dumps({"a": object()})
