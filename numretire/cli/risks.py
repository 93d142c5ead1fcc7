"""risks and check: what still exposes you, and whether it is safe to cancel now."""

from __future__ import annotations

import typer

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json


def risks(profile: ProfileOpt = None, json: JsonOpt = False, lang: LangOpt = None) -> None:
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
    from numretire.cli.render import hanging, level_text, plain

    out = session.console()
    if not open_items:
        out.print(session.t("risks.none"))
        return
    for v in open_items:
        line = level_text(session, v.risk.level)
        line.append_text(plain(f"  {v.name}  [{v.id}]"))
        out.print(line)
        out.print(hanging("    ", v.risk.reason))
    out.print()
    out.print(session.t("risks.flags_title"))
    for f in flags:
        out.print(plain(f"  {f}: {session.t(f'flag.{f}')}"))


def check(profile: ProfileOpt = None, json: JsonOpt = False, lang: LangOpt = None) -> None:
    """Is it safe to cancel the number now? Exit 0 yes, 3 no · 现在注销是否安全"""
    from numretire import plan
    from numretire.errors import ExitCode
    from numretire.i18n import pick

    session = Session(lang, profile)
    p = session.profile()
    verdict = plan.verdict_for(p, session.catalog, plan.views(p, session.catalog, session.lang))
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
            for b in verdict.blockers:
                out.print(plain("  - " + blocker_line(session, b)))
        if verdict.warnings:
            out.print(session.t("check.warnings", count=len(verdict.warnings)))
            for v in verdict.warnings:
                out.print(plain(f"  - {v.name}: {session.t(f'level.{v.risk.level}')}"))
    if not verdict.safe:
        raise typer.Exit(int(ExitCode.ATTENTION))


def blocker_line(session: Session, b) -> str:
    from numretire.plan import blocker_text

    return blocker_text(b, session.lang)
