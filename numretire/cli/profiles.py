"""init, profiles, use, edit: which numbers numretire is retiring, and their details."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json, safe
from numretire.cli.render import carrier_name, profile_json
from numretire.store import Unreadable

RegionOpt = Annotated[
    str | None,
    typer.Option("--region", metavar="CC", help="Region for numbers without +prefix (CN) · 号码所属地区"),
]
LabelOpt = Annotated[str | None, typer.Option("--label", help="A name for this number · 号码备注")]
NewOpt = Annotated[str | None, typer.Option("--new", metavar="NUMBER", help="The new number · 新号码")]
CancelOpt = Annotated[
    str | None,
    typer.Option("--cancel-on", metavar="YYYY-MM-DD", help="Planned cancellation date · 计划注销日期"),
]
CarrierOpt = Annotated[
    str | None,
    typer.Option(
        "--carrier", metavar="NAME", help="The real carrier (after number portability) · 实际运营商"
    ),
]


def parse_date(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    from numretire import clock

    return clock.parse_day(text, what)


def planned_day(text: str | None) -> date | None:
    """--cancel-on: a planned cancellation is today or later; one that happened is recorded by cancel."""
    day = parse_date(text, "--cancel-on")
    from numretire import clock

    if day is not None and day < clock.today():
        from numretire.errors import InputError

        raise InputError("error.cancel_on_past", date=day.isoformat())
    return day


def acquired_day(text: str | None) -> date:
    """--acquired: the day the number became the user's, today unless said; never a day to come."""
    from numretire import clock

    day = parse_date(text, "--acquired") or clock.today()
    if day > clock.today():
        from numretire.errors import InputError

        raise InputError("error.acquired_future", date=day.isoformat())
    return day


def resolve_carrier(session: Session, name: str | None, prefix_carrier: str | None, region: str):
    """(carrier, source): the catalog id the user named, else the prefix's carrier, else the raw name."""
    if name:
        service = session.catalog.carrier_for(name)
        return (service.id if service else name.strip()), "user"
    service = session.catalog.carrier_for(prefix_carrier, region)
    return (service.id if service else prefix_carrier), "prefix"


def init(
    number: Annotated[str, typer.Argument(help="The number to retire · 要注销的号码")],
    label: LabelOpt = None,
    new: NewOpt = None,
    cancel_on: CancelOpt = None,
    region: RegionOpt = None,
    carrier: CarrierOpt = None,
    lang: LangOpt = None,
) -> None:
    """Start retiring a number · 开始注销一个号码"""
    from numretire import numbers

    session = Session(lang)
    where = numbers.default_region(region, session.config.region)
    start(
        session,
        numbers.parse(number, where),
        kind="retire",
        label=label,
        new_number=numbers.parse(new, where) if new else None,
        cancel_on=planned_day(cancel_on),
        carrier=carrier,
    )


def adopt(
    number: Annotated[str, typer.Argument(help="The number you just got · 新得到的号码")],
    acquired: Annotated[
        str | None,
        typer.Option("--acquired", metavar="YYYY-MM-DD", help="When it became yours (today) · 入手日期"),
    ] = None,
    label: LabelOpt = None,
    region: RegionOpt = None,
    carrier: CarrierOpt = None,
    lang: LangOpt = None,
) -> None:
    """Check and clean a newly acquired (possibly recycled) number · 检查并清理新得到的（可能是二次）号码"""
    from numretire import numbers

    session = Session(lang)
    where = numbers.default_region(region, session.config.region)
    start(
        session,
        numbers.parse(number, where),
        kind="adopt",
        label=label,
        acquired_on=acquired_day(acquired),
        carrier=carrier,
    )


def start(session: Session, parsed, *, kind: str, label: str | None, carrier: str | None, **details) -> None:
    """Create a profile of `kind` with its first items, under the lock; it becomes the default."""
    from numretire import clock, plan, profiles
    from numretire.errors import InputError

    carrier_id, carrier_source = resolve_carrier(session, carrier, parsed.prefix_carrier, parsed.region)
    now = clock.now()
    profile = profiles.create(
        parsed,
        created=now,
        label=label or "",
        kind=kind,
        carrier=carrier_id,
        carrier_source=carrier_source,
        **details,
    )
    profile.items = plan.initial_items(session.catalog, profile.region, now, kind)
    store = session.store
    with store.locked():
        existing = store.numbers()  # by the files' names: a broken profile of another number is no obstacle
        if profile.number in existing:
            raise InputError("profile.exists", number=session.masked(profile.number, profile))
        profiles.check_label(store.heads(), profile.label, profile.number)
        store.save_profile(profile)
        config = store.read_config()
        previous = config.default_profile if existing else None
        # The number just started is the one the next command (the "Next:" hint) is about.
        config.default_profile = profile.number
        store.save_config(config)
    out = session.console()
    out.print(
        session.t(
            f"{'adopt' if kind == 'adopt' else 'init'}.done",
            number=session.masked(profile.number, profile),
            count=len(profile.items),
        )
    )
    describe_carrier(session, profile, out)
    if previous and previous != profile.number:
        from numretire.numbers import mask_any

        out.print(
            session.t(
                "profile.now_default",
                number=session.masked(profile.number, profile),
                previous=mask_any(previous),
            )
        )
    out.print(session.t("adopt.next" if kind == "adopt" else "init.next"))


def describe_carrier(session: Session, profile, out) -> None:
    if not profile.carrier:
        out.print(session.t("carrier.unknown"))
        return
    service = session.catalog.get(profile.carrier)
    name = service.display_name(session.lang) if service else safe(profile.carrier)
    key = "carrier.from_prefix" if profile.carrier_source == "prefix" else "carrier.from_user"
    out.print(session.t(key, carrier=name))


def list_profiles(json: JsonOpt = False, lang: LangOpt = None) -> None:
    """List the numbers you are retiring · 列出所有号码"""
    from numretire import clock, retirement

    session = Session(lang)
    found, unreadable = session.store.read_all()
    today = clock.today()
    if json:
        emit_json(
            {
                "profiles": [
                    {**profile_json(session, p), "phase": retirement.phase_of(p, session.catalog, today).name}
                    for p in found
                ],
                "unreadable": [unreadable_json(session, u) for u in unreadable],
            }
        )
        return
    out = session.console()
    if not found and not unreadable:
        out.print(session.t("profile.none"))
        return
    from rich.table import Table
    from rich.text import Text

    from numretire.numbers import mask_any

    table = Table(box=None, pad_edge=False)
    for key in ("col.default", "col.number", "col.label", "col.carrier", "col.phase", "col.items"):
        table.add_column(session.t(key))
    rows = [(p.number, p) for p in found] + [(u.number or u.path.name, u) for u in unreadable]
    for number, p in sorted(rows, key=lambda row: row[0]):
        default = "*" if number == session.config.default_profile else ""
        if isinstance(p, Unreadable):
            shown = mask_any(p.number) if p.number else Text(safe(p.path.name))
            table.add_row(default, shown, session.t("profile.unreadable_row"), "", "", "")
            continue
        ph = retirement.phase_of(p, session.catalog, today)
        table.add_row(
            default,
            session.masked(p.number, p),
            Text(safe(p.label)),
            Text(safe(carrier_name(session, p.carrier))),
            retirement.short_phase(p, ph, today, session.lang),
            str(len(p.items)),
        )
    out.print(table)
    for u in unreadable:
        report_unreadable(session, u)


def unreadable_json(session: Session, u: Unreadable) -> dict[str, object]:
    from numretire.numbers import mask_any

    return {
        "number": u.number or None,
        "number_masked": mask_any(u.number) if u.number else None,
        "path": str(u.path),
        "backup": str(u.backup) if u.backup else None,
        "problem": u.error.key.removeprefix("store.").removesuffix("_no_backup"),
        "message": u.error.render(session.lang),
    }


def report_unreadable(session: Session, u: Unreadable) -> None:
    """A profile that cannot be read, named on stderr in one line, with where its backup is."""
    from numretire.cli.common import err
    from numretire.numbers import mask_any

    message = u.error.render(session.lang)
    if not u.number:  # the message names the file
        line = message
    elif u.backup is not None and str(u.backup) not in message:
        line = session.t(
            "profile.unreadable_backup", number=mask_any(u.number), problem=message, backup=str(u.backup)
        )
    else:
        line = session.t("profile.unreadable", number=mask_any(u.number), problem=message)
    err("numretire: " + line)


def use(
    ref: Annotated[str, typer.Argument(metavar="NUMBER|LABEL", help="Number or label · 号码或备注")],
    lang: LangOpt = None,
) -> None:
    """Choose the number commands work on by default · 选择默认号码"""
    from numretire.profiles import load

    session = Session(lang, ref)
    with session.store.locked():
        config = session.store.read_config()
        profile = load(session.store, ref, config)  # read, so that a file that cannot be used is not chosen
        config.default_profile = profile.number
        session.store.save_config(config)
    session.console().print(session.t("use.done", number=session.masked(profile.number, profile)))


def edit(
    label: LabelOpt = None,
    new: NewOpt = None,
    cancel_on: CancelOpt = None,
    carrier: CarrierOpt = None,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Change a number's label, new number, cancellation date or carrier · 修改号码信息"""
    from numretire import numbers, profiles

    session = Session(lang, profile)
    when = planned_day(cancel_on)
    with session.editing() as p:
        if label is not None:
            profiles.check_label(session.store.heads(), label, p.number)
            p.label = label.strip()
        if new is not None:
            if new.strip():
                parsed = numbers.parse(new, p.region)
                if parsed.e164 == p.number:
                    from numretire.errors import InputError

                    raise InputError("profile.new_is_old")
                p.new_number = parsed.e164
            else:
                p.new_number = None
        if when is not None:
            p.cancel_on = when
        if carrier is not None:
            p.carrier, p.carrier_source = resolve_carrier(session, carrier, None, p.region)
    out = session.console()
    out.print(session.t("edit.done", number=session.masked(p.number, p)))
    if carrier is not None:
        describe_carrier(session, p, out)
