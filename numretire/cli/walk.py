"""walk and triage: the two guided, interactive sessions. Both save after every answer."""

from __future__ import annotations

from typing import Annotated

import typer

from numretire.cli.common import LangOpt, ProfileOpt, Session, interactive

# One key means one outcome everywhere; each kind of item is offered the outcomes that fit it.
KEYS = {
    "m": "moved",
    "r": "removed",
    "c": "closed",
    "n": "not-mine",
    "k": "clear",
    "e": "released",
    "t": "contacted",
    "o": "occupied",
    "d": "done",
    "s": "skipped",
    "b": "blocked",
}
TASK_KEYS = ("d", "s", "b")  # carrier tasks, lookups, checks
ACCOUNT_KEYS = {"retire": ("m", "r", "c", "n", "s", "b"), "adopt": ("k", "e", "r", "t", "o", "s", "b")}


def keys_for(v, kind: str) -> tuple[str, ...]:
    """The keys offered for item `v` of a profile of `kind`."""
    return TASK_KEYS if v.kind == "task" else ACCOUNT_KEYS[kind]


def prompt_for(session: Session, keys: tuple[str, ...]) -> str:
    """'Outcome? m moved / r removed / … / q quit: ', in the words the saved status is shown in."""
    choices = " / ".join(f"{key} {session.t(f'status.{KEYS[key]}')}" for key in keys)
    return session.t("walk.prompt", choices=choices)


def ask(session: Session, out, prompt: str, choices: tuple[str, ...]) -> str:
    """Ask until one of `choices` (single letters) is given: a key press in a terminal, no Enter needed;
    where there is no terminal a line, which may also be the word of an outcome in either language
    ('moved', '已换绑', 'Skip'). Ctrl-D counts as quit."""
    from numretire.cli.keys import read_answer

    while True:
        answer = read_answer(out, prompt).casefold()
        if answer in choices:
            return answer
        key = key_for_word(answer, choices)
        if key is not None:
            return key
        out.print(session.t("prompt.invalid", choices="/".join(choices)))


def key_for_word(word: str, choices: tuple[str, ...]) -> str | None:
    """The key among `choices` whose outcome `word` names (as `mark` reads it, or as the prompt says it)."""
    from numretire.cli.keys import normalise
    from numretire.errors import InputError
    from numretire.i18n import t
    from numretire.inventory import parse_status

    if normalise(word) == "q" and "q" in choices:
        return "q"
    keys = {KEYS[key]: key for key in choices if key in KEYS}
    try:
        return keys[parse_status(word, tuple(keys))]
    except InputError:
        pass
    for status, key in keys.items():
        if word.casefold() in {t(f"status.{status}", lang).casefold() for lang in ("zh", "en")}:
            return key
    return None


def ask_key(session: Session, out, prompt: str, choices: tuple[str, ...]) -> str:
    """Ask until one of `choices` is given: a single key press in a terminal, no Enter needed (a line
    where there is no terminal); 是/否, yes/no count as y/n; Ctrl-D counts as quit."""
    from numretire.cli.keys import read_key

    while True:
        answer = read_key(out, prompt)
        if answer in choices:
            return answer
        out.print(session.t("prompt.invalid", choices="/".join(choices)))


def ask_text(out, prompt: str) -> str:
    from numretire.cli.render import plain

    try:
        return out.input(plain(prompt)).strip()
    except EOFError:
        return ""


def show_item(
    session: Session,
    out,
    v,
    position: int,
    total: int,
    adopted: bool = False,
    brief: bool = False,
    reason: bool = True,
    gone: bool = False,
) -> None:
    """One item as the walk shows it; `brief` leaves out the catalog's notes, `reason` the risk's
    reason when the screen already said it (the demo); `gone`: the old number receives nothing any more,
    so what can be done without it comes first."""
    from numretire.cli.render import level_text, plain, print_steps, seen_line

    out.rule()
    head = plain(f"[{position}/{total}] {v.name}  ")
    if v.kind != "task":  # a task is a step to take, not an account with a risk
        head.append_text(level_text(session, v.risk.level))
    if v.item.status != "open":
        head.append(" " + session.t("punct.aside", text=session.t(f"status.{v.item.status}")))
    out.print(head)
    if reason and v.kind != "task":
        out.print(plain(v.risk.reason))
    seen = seen_line(session, v)
    if seen:
        out.print(plain(session.t("seen.title", seen=seen), style="dim"))
    if v.needs_old_number and not adopted:
        key = "walk.old_number_gone" if gone else "walk.old_number_first"
        out.print(plain(session.t(key), style="bold"))
    print_steps(session, v, out, adopted, notes=not brief, gone=gone)
    if v.item.note:
        out.print(plain(session.t("walk.your_note", note=v.item.note)))


def walk(profile: ProfileOpt = None, lang: LangOpt = None) -> None:
    """Go through the open items, most urgent first, and record each outcome · 逐项处理"""
    from numretire import clock, inventory, plan, retirement
    from numretire.cli.render import plain

    session = Session(lang, profile)
    p = session.profile()
    adopted = p.kind == "adopt"
    views = plan.views(p, session.catalog, session.lang)
    ph = retirement.phase_of(p, session.catalog, clock.today())
    gone = ph.gone and not adopted  # the old number receives nothing: only what does without it
    if gone:
        order = plan.after_order(views)
    else:
        order = plan.adopt_order(views) if adopted else plan.walk_order(views)
    out = session.console()
    if gone:
        out.print(plain(retirement.phase_line(ph, clock.today(), session.lang)))
    if not order:
        out.print(session.t("walk.nothing_after" if gone else "walk.nothing"))
        return
    left_out = plan.left_out_after(views) if gone else []
    if not interactive():
        show_item(session, out, order[0], 1, len(order), adopted, gone=gone)
        out.print(session.t("walk.non_interactive", id=order[0].id))
        return
    out.print(session.t("walk.intro_after" if gone else "walk.intro", count=len(order)))
    if left_out:
        out.print(session.t("walk.left_out", count=len(left_out)))
    for position, v in enumerate(order, 1):
        show_item(session, out, v, position, len(order), adopted, gone=gone)
        keys = keys_for(v, p.kind)
        status = note = ""
        while not status:
            choice = ask(session, out, prompt_for(session, keys), (*keys, "q"))
            if choice == "q":
                out.print(session.t("walk.paused"))
                return
            status = KEYS[choice]
            if status == "blocked" and not v.item.note:  # a reason, as `mark` asks for one
                note = ask_text(out, session.t("walk.blocked_note"))
                if not note:
                    out.print(session.t("mark.blocked_needs_note_walk"))
                    status = ""
        with session.editing() as fresh:
            if fresh.item(v.id) is None:  # removed by another run meanwhile
                continue
            inventory.mark(fresh, v.id, status, clock.now(), note)
        out.print(session.t("walk.saved", status=session.t(f"status.{status}")))
    out.print(session.t("walk.finished_after" if gone else "walk.finished"))


def triage(
    category: Annotated[
        str | None, typer.Option("--category", help="Only this category · 只看此类别")
    ] = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Sweep the catalog and say which services use this number · 快速筛查绑定了哪些服务"""
    from numretire import clock, inventory
    from numretire import triage as sweep
    from numretire.catalog import CATEGORIES
    from numretire.errors import InputError

    session = Session(lang, profile)
    if category is not None and category not in CATEGORIES:
        raise InputError("error.bad_category", value=category, choices=", ".join(CATEGORIES))
    if not interactive():
        raise InputError("triage.needs_tty")
    p = session.profile()
    groups = sweep.questions(session.catalog, p, category)
    out = session.console()
    if not groups:
        out.print(session.t("triage.nothing"))
        return
    from numretire.cli.render import category_name

    total = sum(len(services) for _, services in groups)
    if p.cancelled_on or p.arrears_since:  # what is found now can no longer be fixed with a code
        key = "triage.cancelled" if p.cancelled_on else "triage.lapsed"
        out.print(session.t(key, date=(p.cancelled_on or p.arrears_since).isoformat()), style="bold")
    out.print(session.t("triage.intro", count=total))
    added = 0
    position = 0
    for cat, services in groups:
        out.rule(category_name(session, cat))
        for n, service in enumerate(services):
            position += 1
            name = service.display_name(session.lang)
            prompt = session.t("triage.prompt", position=position, total=total, name=name)
            choice = ask_key(session, out, prompt, ("y", "n", "?", "k", "q"))
            if choice == "q":
                out.print(session.t("triage.paused", added=added))
                return
            if choice == "k":
                position += len(services) - n - 1
                break
            now = clock.now()
            if choice == "n":
                with session.editing() as fresh:
                    sweep.dismiss(fresh, service.id)
                continue
            answers: dict[str, bool] = {}
            paused = False
            while (flag := sweep.next_follow_up(service, answers)) is not None:
                reply = ask_key(session, out, session.t(f"triage.ask.{flag}"), ("y", "n", "q"))
                if reply == "q":  # the service is kept with the answers so far, then the sweep pauses
                    paused = True
                    break
                answers[flag] = reply == "y"
            with session.editing() as fresh:
                inventory.add_services(fresh, [service.id], now, origin="triage")
                item = fresh.item(service.id)
                item.answers.update(answers)
                if choice == "?":
                    item.note = session.t("triage.unsure_note")
            added += 1
            if paused:
                out.print(session.t("triage.paused", added=added))
                return
    out.print(session.t("triage.finished", added=added))
