"""demo: the whole idea in one command, on a throwaway profile that never touches your data."""

from __future__ import annotations

import os

from numretire.cli.common import LangOpt

# A realistic inventory: (catalog id, status, answers). Ids the catalog lacks are left out.
DEMO_NUMBER = "+8613812345678"
DEMO_NEW = "+8613987654321"
DEMO_ITEMS = (
    ("meituan", "open", {"stored-card": True, "password-free": True}),
    ("alipay", "open", {}),
    ("wechat", "moved", {}),
    ("wechat-pay", "open", {}),
    ("icbc", "open", {}),
    ("taobao", "open", {}),
    ("jd", "moved", {}),
    ("didi", "open", {}),
    ("china-railway-12306", "open", {}),
    ("cn-iit-app", "open", {}),
    ("weibo", "removed", {}),
    ("iqiyi", "open", {}),
    ("netease-mail", "open", {}),
)


def build_demo(session):
    """The demo profile, saved in the session's home as the default number."""
    from datetime import timedelta

    from numretire import clock, numbers, plan, profiles
    from numretire.inventory import add_services
    from numretire.model import Config

    now = clock.now()
    number = numbers.parse(DEMO_NUMBER)
    profile = profiles.create(
        number,
        created=now,
        label=session.t("demo.label"),
        new_number=numbers.parse(DEMO_NEW),
        cancel_on=clock.today() + timedelta(days=30),
    )
    carrier = session.catalog.carrier_for(number.prefix_carrier, number.region)
    profile.carrier = carrier.id if carrier else number.prefix_carrier
    profile.items = plan.initial_items(session.catalog, profile.region, now)
    known = [(i, s, a) for i, s, a in DEMO_ITEMS if session.catalog.get(i) is not None]
    add_services(profile, [i for i, _, _ in known], now, origin="demo")
    for item_id, status_, answers in known:
        item = profile.item(item_id)
        item.answers.update(answers)
        if status_ != "open":
            plan.set_status(item, status_, now)
    session.store.save_profile(profile)
    session.store.save_config(Config(default_profile=profile.number))
    return profile


TOP = 3  # the worst risks the demo names


def show_demo(session, profile) -> None:
    """One screen: the number, progress, the worst risks, the verdict and the walk's first step."""
    from numretire import plan
    from numretire.cli.render import hanging, level_text, plain
    from numretire.cli.status import status_head
    from numretire.cli.walk import show_item

    out = session.console()
    items = plan.views(profile, session.catalog, session.lang)
    out.print(session.t("demo.intro"), style="bold")
    out.print()
    out.print(status_head(session, profile))
    overall, _ = plan.progress(items)
    out.print(plain(session.t("demo.progress", done=overall.done, total=overall.total)))
    urgent = [v for v in plan.by_risk(items) if not v.resolved and v.risk.level in plan.BLOCKING_LEVELS]
    if urgent:
        out.print(session.t("demo.worst", count=len(urgent), shown=min(TOP, len(urgent))))
        for v in urgent[:TOP]:
            line = plain("  ")
            line.append_text(level_text(session, v.risk.level))
            line.append_text(plain(f"  {v.name}"))
            out.print(line)
            out.print(hanging("    ", v.risk.reason))
    verdict = plan.verdict_for(profile, session.catalog, items)
    if not verdict.safe:
        out.print(session.t("status.not_safe", count=len(verdict.blockers)))
    order = plan.walk_order(items)
    if order:
        out.print()
        out.print(session.t("demo.walk_title"), style="bold")
        shown = order[0] in urgent[:TOP]
        show_item(session, out, order[0], 1, len(order), brief=True, reason=not shown)
    out.print()
    out.print(session.t("demo.outro"))


def demo(lang: LangOpt = None) -> None:
    """See what numretire does, on made-up data in a temporary folder · 用示例数据演示"""
    import tempfile

    from numretire.cli.common import Session

    previous = os.environ.get("NUMRETIRE_HOME")
    with tempfile.TemporaryDirectory(prefix="numretire-demo-") as home:
        os.environ["NUMRETIRE_HOME"] = home
        try:
            session = Session(lang)
            profile = build_demo(session)
            show_demo(session, profile)
        finally:
            if previous is None:
                os.environ.pop("NUMRETIRE_HOME", None)
            else:
                os.environ["NUMRETIRE_HOME"] = previous
