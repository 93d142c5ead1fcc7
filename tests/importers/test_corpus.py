"""Recall on real messages: tests/importers/data/sms_corpus.toml holds texts that services really sent
(and some that people sent each other), each with its public source (see data/README.md).

The figures are computed from the data and the shipped catalog; nothing here lists what is found."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from numretire.catalog import load
from numretire.importers import Message
from numretire.importers.match import _norm, match_messages

CORPUS = Path(__file__).parent / "data" / "sms_corpus.toml"
NUMBER = "+8613812345678"
AT = datetime(2026, 1, 1, tzinfo=UTC)


def messages_of(rows):
    return [Message(m["sender"] or "10690000", m["body"], AT, True) for m in rows]


@pytest.fixture(scope="module")
def corpus():
    return tomllib.loads(CORPUS.read_text(encoding="utf-8"))["message"]


@pytest.fixture(scope="module")
def per_service(corpus, tmp_path_factory):
    """Each service's messages matched on their own (as in a backup that holds only them): what was
    found for it, and whether it is in the shipped catalog."""
    catalog = load(tmp_path_factory.mktemp("home"))
    groups = defaultdict(list)
    for m in corpus:
        if m["kind"] == "service":
            groups[m["service"] or "?" + m["name"]].append(m)
    found = {}
    for key, rows in groups.items():
        catalogued = not key.startswith("?") and catalog.get(key) is not None
        found[key] = (catalogued, match_messages(messages_of(rows), catalog, NUMBER))
    return found


def test_the_corpus_is_real_and_sourced(corpus):
    assert len([m for m in corpus if m["kind"] == "service"]) >= 300
    assert all(m["source"].strip() for m in corpus)
    assert len({m["service"] or m["name"] for m in corpus if m["kind"] == "service"}) >= 180


def test_catalogued_services_are_found(per_service):
    catalogued = {k: r for k, (c, r) in per_service.items() if c}
    hits = [k for k, r in catalogued.items() if k in {h.service_id for h in r.services}]
    assert len(catalogued) >= 60
    assert len(hits) / len(catalogued) >= 0.95, sorted(set(catalogued) - set(hits))


def test_no_message_is_read_as_a_service_that_did_not_send_it(per_service):
    wrong = [
        (key, hit.service_id)
        for key, (_, result) in per_service.items()
        for hit in result.services
        if hit.service_id != key
    ]
    assert wrong == []


def test_services_the_catalog_lacks_are_offered_by_their_name(per_service):
    """Unknown services come back as custom items (candidates) named by their signature, leading
    name or sender id: with the catalogued ones found by id, at least 85% of all services."""
    total = len(per_service)
    found = 0
    for key, (catalogued, result) in per_service.items():
        if catalogued or not key.startswith("?"):
            found += key in {h.service_id for h in result.services}
        else:
            names = {_norm(c.signature) for c in result.candidates if c.kind != "shared"}
            found += bool(names) and not result.services
    assert found / total >= 0.85


def test_messages_people_wrote_to_each_other_never_become_items(corpus, tmp_path):
    people = [m for m in corpus if m["kind"] == "person"]
    assert len(people) >= 15
    result = match_messages(
        [Message("+8613900001111", m["body"], AT, True) for m in people], load(tmp_path), NUMBER
    )
    assert result.services == () and result.candidates == ()


# Real transaction alerts of banks whose entries rest on them, each with its source beside it.
BANK_ALERTS = [
    (
        "ghbank",
        "广东华兴银行",
        "【广东华兴银行】您尾号8665账户于2024年12月20日17:37消费支出人民币428.00元，余额36151.12元。",
        "repo:AutoAccountingOrg/AutoRule:src/rule/com.android.phone/app/短信广东华兴银行/tests/"
        "广东华兴银行支出.txt@893f5273d7d636bc6d9b7e47f3ec647214775eb1",
    ),
    (
        "zzbank",
        "",
        "【郑州银行】03月25日17:57，您尾号为1758的卡,财付通,支出人民币25.00元,余额159.87元。",
        "repo:FuShengDuoBuYu/AutoBookKeepingBeta:AutoBookKeeping/app/src/main/java/com/beta/"
        "autobookkeeping/TestActivity.java@969e1aaa2cd2e93809356a09aff90c9336187b46",
    ),
    (
        "rcc-fujian",
        "",
        "【福建农信】尊敬的客户，您的高速通行记录：车辆(****D21)2020年07月05日在福建祥谦站驶入至福建平潭站驶出，"
        "共计消费51.94元（ETC扣款卡尾号7559）。",
        "repo:yanchengdeng/PayHelper:app/src/main/java/com/wanglijun/payhelper/service/"
        "HelperNotificationListenerService.java@3d3cd2ebcaa243b12969b04402472f936525d8ec",
    ),
]


@pytest.mark.parametrize(("service", "sender", "body", "source"), BANK_ALERTS)
def test_a_banks_real_alert_finds_that_bank(service, sender, body, source, tmp_path):
    assert source.startswith("repo:") and "@" in source
    result = match_messages([Message(sender or "10690000", body, AT, True)], load(tmp_path), NUMBER)
    assert {hit.service_id for hit in result.services} == {service}
