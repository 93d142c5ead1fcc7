"""risks and check: what still exposes you, and whether it is safe to cancel now."""

from __future__ import annotations

from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json

AllOpt = Annotated[bool, typer.Option("--all", help="Every item, not the first few of a group · 列出全部")]
GROUP_SHOWN = 6  # items named in a group of items with the same risk; the rest are counted


def risks(
    profile: ProfileOpt = None, all_: AllOpt = False, json: JsonOpt = False, lang: LangOpt = None
) -> None:
    """What the next holder of the number could still do, worst first · 仍存在的风险"""
    from numretire import plan

    session = Session(lang, profile)
    p = session.profile()
    open_items = [
        v
        for v in plan.by_risk(plan.views(p, session.catalog, session.lang))
        if not v.resolved and v.kind == "account"
    ]
    flags = sorted({f for v in open_items for f in v.risk.flags})
    if json:
        from numretire.cli.render import item_json

        emit_json(
            {
                "number": p.number,
                "items": [item_json(v, session.lang) for v in open_items],
                "flags": {f: session.t(f"flag.{f}") for f in flags},
            }
        )
        return
    out = session.console()
    if not open_items:
        out.print(session.t("risks.none"))
        return
    for line in risk_lines(session, open_items, all_):  # one by one: a Chinese line is left to fold
        out.print(line)


def risk_groups(items) -> list[tuple[str, str, list]]:
    """Items alike, together: (level, reason, items) in the order of each group's first item. One
    sentence of danger is said once, for every item it fits."""
    groups: dict[tuple[str, str], list] = {}
    for v in items:
        groups.setdefault((v.risk.level, v.risk.reason), []).append(v)
    return [(level, reason, members) for (level, reason), members in groups.items()]


def risk_lines(session: Session, items, everything: bool = False) -> list:
    """The risks screen: each group's level and count, its reason once, then its items with their
    flags (the keys `answer` takes); the first few of a big group unless `everything`, and the meaning
    of each flag only then (a line says how to see them)."""
    from numretire.cli.render import hanging, level_text, plain

    lines: list = []
    hidden = 0
    for level, reason, members in risk_groups(items):
        head = level_text(session, level)
        if len(members) == 1:
            head.append("  ")
            lines.append(_hang(head, _item_text(members[0])))
        else:
            head.append_text(plain(session.t("risks.group_count", count=len(members))))
            lines.append(head)
        lines.append(hanging("    ", reason))
        shown = members if everything or len(members) <= GROUP_SHOWN + 1 else members[:GROUP_SHOWN]
        if len(members) > 1:
            lines += [hanging("    · ", _item_text(v)) for v in shown]
        if len(shown) < len(members):
            rest = len(members) - len(shown)
            hidden += rest
            more = session.t("risks.group_more", count=rest, level=session.t(f"level.{level}"))
            lines.append(plain("    " + more))
    flags = sorted({f for v in items for f in v.risk.flags})
    if everything and flags:
        lines += ["", plain(session.t("risks.flags_title"))]
        lines += [hanging("  ", f"{f}{session.t('punct.colon')}{session.t(f'flag.{f}')}") for f in flags]
    elif hidden or flags:
        key = "risks.see_all" if hidden else "risks.see_flags"
        lines.append(plain(session.t(key + ("_flags" if flags and hidden else ""), count=len(items))))
    if flags:
        lines.append(plain(session.t("risks.answer_hint")))
    return lines


def _hang(lead, text: str):
    """A styled `lead`, then `text` whose wrapped lines start under its first character."""
    from rich.table import Table

    from numretire.cli.render import plain

    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(lead, plain(text))
    return grid


def _item_text(v) -> str:
    """'支付宝 (Alipay)  [alipay]  sms-login, stored-card': the name, the id and the flags."""
    text = f"{v.name}  [{v.id}]"
    return text + "  " + ", ".join(v.risk.flags) if v.risk.flags else text


def check(profile: ProfileOpt = None, json: JsonOpt = False, lang: LangOpt = None) -> None:
    """Is it safe to cancel the number now? Exit 0 yes, 3 no · 现在注销是否安全"""
    from numretire import plan
    from numretire.errors import ExitCode
    from numretire.i18n import pick

    session = Session(lang, profile)
    p = session.profile()
    items = plan.views(p, session.catalog, session.lang)
    from numretire import clock, retirement

    ph = retirement.phase_of(p, session.catalog, clock.today())
    if ph.gone:  # too late for a gate: what is still tied to the number, and what can still be done
        check_after(session, p, ph, items, json)
        return
    verdict = plan.verdict_for(p, session.catalog, items)
    carrier = session.catalog.get(p.carrier) if p.carrier else None
    cancel_steps = list(pick(dict(carrier.remove), session.lang) or []) if carrier and carrier.remove else []
    if json:
        from numretire.cli.status import blocker_json

        emit_json(
            {
                "number": p.number,
                "safe_to_cancel": verdict.safe,
                "blockers": [blocker_json(b) for b in verdict.blockers],
                "warnings": [{"id": v.id, "name": v.name, "risk": v.risk.level} for v in verdict.warnings],
                "cancel_steps": cancel_steps if verdict.safe else [],
            }
        )
    else:
        from numretire.cli.render import plain, print_numbered

        out = session.console()
        from numretire.report import verdict_sentence

        out.print(verdict_sentence(p.kind, verdict, session.lang))
        if verdict.safe:
            if cancel_steps:
                out.print(plain(session.t("check.cancel_steps", carrier=carrier.display_name(session.lang))))
                print_numbered(out, cancel_steps)
        else:
            for line in blocker_lines(session, verdict.blockers):
                out.print(plain(line))
        if verdict.warnings:
            out.print(plain(warning_line(session, verdict.warnings)))
    if not verdict.safe:
        raise typer.Exit(int(ExitCode.ATTENTION))


SHOWN = 6  # items named one per line in a group; the rest are counted


def check_after(session: Session, p, ph, items, json: bool) -> None:
    """check once the number is gone: its phase, the accounts it still reaches, the lookups still
    possible. Exit 3 while an account is still tied to it."""
    from numretire import clock, plan, retirement
    from numretire.errors import ExitCode

    tied = plan.still_tied(items)
    lookups = [v for v in plan.after_order(items) if v.kind == "task"]
    if json:
        emit_json(
            {
                "number": p.number,
                "phase": ph.name,
                "safe_to_cancel": False,  # nothing is left to cancel: the gate no longer applies
                "still_tied": [{"id": v.id, "name": v.name, "risk": v.risk.level} for v in tied],
                "lookups_left": [{"id": v.id, "name": v.name} for v in lookups],
            }
        )
    else:
        from numretire.cli.render import plain

        out = session.console()
        out.print(plain(retirement.phase_line(ph, clock.today(), session.lang)))
        if tied:
            out.print(plain(session.t("phase.tied_title", count=len(tied))))
            for v in tied[:SHOWN]:  # with the official hotline when there is one: it needs no code
                level = session.t(f"level.{v.risk.level}")
                hotline = v.service.hotline if v.service else None
                key, extra = (
                    ("phase.tied_hotline", {"hotline": hotline}) if hotline else ("check.line.account", {})
                )
                out.print(plain("  - " + session.t(key, name=v.name, level=level, **extra)))
            if len(tied) > SHOWN:
                out.print(plain("    " + session.t("check.more", count=len(tied) - SHOWN)))
        if lookups:  # the first few: walk goes through them all
            names = _names(session, [v.name for v in lookups], shown=3)
            out.print(plain(session.t("phase.lookups_left", count=len(lookups), names=names)))
        out.print(plain(retirement.tied_line(ph, len(tied), session.lang)))
    if tied:
        raise typer.Exit(int(ExitCode.ATTENTION))


def blocker_lines(session: Session, blockers) -> list[str]:
    """The gate's reasons grouped by kind, each group said once: accounts one per line (the first
    few), tasks and lookups named on one line with the command that settles them."""
    lines: list[str] = []
    first = {"occupied": 0, "contacted": 1}
    accounts = sorted((b for b in blockers if b.kind in ACCOUNT_BLOCKERS), key=lambda b: first.get(b.kind, 2))
    if accounts:
        adopted = any(b.kind in ("unchecked", "occupied", "contacted") for b in accounts)
        title = "check.group.adopt_accounts" if adopted else "check.group.accounts"
        lines.append(session.t(title, count=len(accounts)))
        lines += ["  - " + _account_line(session, b) for b in accounts[:SHOWN]]
        if len(accounts) > SHOWN:
            lines.append("    " + session.t("check.more", count=len(accounts) - SHOWN))
    for kind in ("carrier", "discovery", "adopt_task"):
        group = [b for b in blockers if b.kind == kind]
        if group:
            names = _names(session, [b.name for b in group])
            lines.append(session.t(f"check.group.{kind}", count=len(group), names=names))
    lines += ["  - " + blocker_line(session, b) for b in blockers if b.kind in ("lookup_gap", "empty")]
    return lines


ACCOUNT_BLOCKERS = ("risk", "old_number", "unchecked", "occupied", "contacted")


def _account_line(session: Session, b) -> str:
    if b.kind == "old_number":
        return session.t("check.line.old_number", name=b.name)
    if b.kind in ("occupied", "contacted"):  # someone else's account: say it in full
        return blocker_line(session, b)
    if b.kind == "unchecked":
        return session.t("check.line.unchecked", name=b.name, level=session.t(f"level.{b.level}"))
    return session.t("check.line.account", name=b.name, level=session.t(f"level.{b.level}"))


def warning_line(session: Session, warnings) -> str:
    return session.t(
        "check.warnings_line", count=len(warnings), names=_names(session, [v.name for v in warnings])
    )


def _names(session: Session, names: list[str], shown: int = SHOWN) -> str:
    joiner = "、" if session.lang == "zh" else ", "
    text = joiner.join(names[:shown])
    if len(names) > shown:
        text += session.t("check.and_more", count=len(names) - shown)
    return text


def blocker_line(session: Session, b) -> str:
    from numretire.plan import blocker_text

    return blocker_text(b, session.lang)
