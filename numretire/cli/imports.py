"""import sms / passwords / apps / bill / lookup: find the forgotten accounts in the user's own files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, ProfileOpt, Session, emit_json, interactive, new_app

app = new_app(help="Find accounts in files you already have · 从已有文件中找出绑定的账号")

FileArg = Annotated[Path, typer.Argument(metavar="FILE", help="The file to read · 要读取的文件")]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Accept every match · 全部接受")]
DryOpt = Annotated[bool, typer.Option("--dry-run", help="Show the matches, store nothing · 只显示，不保存")]
PROGRESS_FROM_BYTES = 1 << 20  # a bar for files that take more than a moment


def digest_of(path: Path) -> str:
    """A short fingerprint of the file's content: the same file imported twice is recognised."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def with_progress(session: Session, path: Path, work, quiet: bool = False):
    """Run `work(on_progress)`, drawing a progress bar on stderr for a big file on a terminal (never
    when `quiet`: --json output is for programs)."""
    import sys

    from numretire.importers import file_size

    size = file_size(path)
    if quiet or size < PROGRESS_FROM_BYTES or not sys.stderr.isatty():
        return work(None)
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from numretire.cli.common import make_console

    with Progress(
        "{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=make_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(session.t("import.reading"), total=size)
        return work(lambda done, total: bar.update(task, completed=done, total=total or size))


def review(session: Session, proposals, yes: bool, dry_run: bool, as_json: bool, ask_key: str = "import.ask"):
    """The proposals to store: all with --yes; None (store nothing) on a dry run, without a terminal or
    when the user quits; else the ones the user accepts."""
    from numretire.cli.render import plain
    from numretire.cli.walk import ask

    new = [p for p in proposals if not p.present]
    if dry_run:
        return None
    if yes:
        return list(proposals)
    if as_json or not interactive():
        if new:
            session.console(stderr=True).print(session.t("import.needs_yes"))
        return None
    out = session.console()
    accepted = [p for p in proposals if p.present]  # known items: only their evidence is refreshed
    for p in new:
        name = proposal_name(session, p)
        choice = ask(
            session, out, plain(session.t(ask_key, name=name, count=p.count)).plain, ("y", "n", "a", "q")
        )
        if choice == "q":
            out.print(session.t("import.aborted"))
            return None
        if choice == "a":
            return list(proposals)
        if choice == "y":
            accepted.append(p)
    return accepted


def settle(
    session: Session,
    number: str,
    proposals,
    source: str,
    file: Path,
    lookups,
    *,
    yes: bool,
    dry_run: bool,
    as_json: bool,
    digest: str | None = None,
    ask_key: str = "import.ask",
) -> None:
    """Review the proposals, then store what was accepted (all or nothing) and say what changed.
    `digest` names what was read (default: the file's content)."""
    accepted = review(session, proposals, yes, dry_run, as_json, ask_key)
    if accepted is not None:
        digest = digest if digest is not None else digest_of(file)
        done(session, store(session, number, accepted, source, digest, lookups), as_json)
    elif dry_run and not as_json:
        session.console().print(session.t("import.dry_run"))


def store(session: Session, profile_number: str, proposals, source: str, digest: str, lookups) -> int:
    """All or nothing: everything accepted is stored in one save; nothing is saved when nothing changed."""
    from numretire import clock, discovery

    store_ = session.store
    with store_.locked():
        profile = store_.read_profile(profile_number)
        now = clock.now()
        changed = discovery.adopt_custom(profile, session.catalog)
        changed += discovery.apply(profile, proposals, source, digest, now)
        changed += discovery.add_lookups(profile, lookups, now)
        if changed:
            store_.save_profile(profile)
    return changed


def show(session: Session, proposals, candidates, extra_lines: list[str], counted: bool = True) -> None:
    """The proposals as a table; `counted`: with the count, first and last day columns (an app list
    has one of each app and no dates)."""
    from rich.table import Table

    from numretire.cli.render import plain

    out = session.console()
    for line in extra_lines:
        out.print(plain(line))
    known = [p for p in proposals if p.custom is None]
    own = [p for p in proposals if p.custom is not None]  # the catalog lacks them: the user's own items
    for rows in (known, own):
        if not rows:
            continue
        if rows is own:
            out.print(session.t("import.own_title"))
        table = Table(box=None, pad_edge=False)
        counts = ("import.col.count", "import.col.first", "import.col.last") if counted else ()
        kinds = ("col.category",) if rows is own else ()
        for key in ("col.name", *counts, *kinds, "col.status"):
            table.add_column(session.t(key), no_wrap=key != "col.name")
        for p in rows:
            mark = session.t("import.present" if p.present else "import.new")
            if p.login_is_number:
                mark += " · " + session.t("import.login_is_number")
            if p.kinds:
                mark += " · " + kinds_text(session, p.kinds)
            cells = (f"{p.count:,}", str(p.first or ""), str(p.last or "")) if counted else ()
            category = (session.t("category." + p.custom.category),) if p.custom is not None else ()
            table.add_row(plain(proposal_name(session, p)), *cells, *category, mark)
        out.print(table)
    if not proposals:
        out.print(session.t("import.no_match"))
    if candidates:
        out.print(session.t("import.candidates_title"))
        for c in candidates[:30]:
            out.print(plain(f"  {c}"))
        out.print(session.t("import.candidates_hint"))


@app.command("sms")
def sms(
    file: FileArg,
    yes: YesOpt = False,
    dry_run: DryOpt = False,
    json: JsonOpt = False,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Read an SMS backup (Android XML, SMS Import/Export ZIP, iOS sms.db, text) · 读取短信备份"""
    from numretire import discovery
    from numretire.importers import match_sms

    session = Session(lang, profile)
    p = session.profile()
    after = p.acquired_on if p.kind == "adopt" else None

    def work(on_progress):
        return match_sms(file, session.catalog, p.number, after, on_progress)

    matches = with_progress(session, file, work)
    proposals = [*discovery.from_sms(matches, p), *discovery.from_candidates(matches, p)]
    lookups = [(lk.count, lk.at) for lk in matches.lookups]
    candidates = [  # only a parent company's signatures that named none of its services are left
        f"【{c.signature}】 {session.t('import.kind.' + c.kind)} × {c.count:,}"
        for c in matches.candidates
        if c.kind == "shared"
    ]
    if json:
        emit_json(
            {
                "file": str(file),
                "kind": "sms",
                "messages": matches.messages,
                "incoming": matches.incoming,
                "since": after.isoformat() if after else None,
                "services": [proposal_json(session, x) for x in proposals],
                "candidates": [
                    {
                        "signature": c.signature,
                        "kind": c.kind,
                        "count": c.count,
                        "first": c.first.date().isoformat() if c.first else None,
                        "last": c.last.date().isoformat() if c.last else None,
                        "services": list(c.services),
                    }
                    for c in matches.candidates
                ],
                "lookups": [{"count": n, "on": d.isoformat() if d else None} for n, d in lookups],
            }
        )
    else:
        lines = [session.t("import.read_sms", messages=matches.messages, incoming=matches.incoming)]
        if after:
            lines.append(session.t("import.since", date=after.isoformat()))
        lines += [
            session.t("import.lookup_found", count=n, date=d.isoformat() if d else "?") for n, d in lookups
        ]
        show(session, proposals, candidates, lines)
    settle(session, p.number, proposals, "sms", file, lookups, yes=yes, dry_run=dry_run, as_json=json)


@app.command("passwords")
def passwords(
    file: FileArg,
    yes: YesOpt = False,
    dry_run: DryOpt = False,
    json: JsonOpt = False,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Read a password-manager export (Chrome, Firefox, Apple, Bitwarden, 1Password ...) · 读取密码导出文件"""
    from numretire import discovery
    from numretire.importers import ImportFileError, iter_logins
    from numretire.importers.match import match_logins

    session = Session(lang, profile)
    p = session.profile()
    matches = with_progress(
        session, file, lambda _progress: match_logins(iter_logins(file), session.catalog, p.number, p.region)
    )
    if not matches.logins:
        # A header line alone (or secure notes and cards only) is the wrong file or a failed export, not
        # an import that found nothing: a problem with the input, exit 1, said in one line.
        raise ImportFileError("import.no_logins", path=str(file))
    proposals = discovery.from_logins(matches, p)
    candidates = [
        f"{c.name} × {c.count:,}" + (f" · {session.t('import.login_is_number')}" if c.login_is_number else "")
        for c in matches.candidates
        if c.login_is_number or c.count > 1
    ]
    if json:
        emit_json(
            {
                "file": str(file),
                "kind": "passwords",
                "logins": matches.logins,
                "skipped": matches.skipped,
                "services": [proposal_json(session, x) for x in proposals],
                "candidates": [
                    {"name": c.name, "kind": c.kind, "count": c.count, "login_is_number": c.login_is_number}
                    for c in matches.candidates
                ],
            }
        )
    else:
        show(session, proposals, candidates, [session.t("import.read_logins", logins=matches.logins)])
    settle(session, p.number, proposals, "passwords", file, [], yes=yes, dry_run=dry_run, as_json=json)
    session.console(stderr=True).print(session.t("import.delete_export", path=str(file)), style="bold")


@app.command("apps")
def apps(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="An app list, or an iPhone backup folder · 应用列表文件，或 iPhone 备份文件夹",
        ),
    ],
    yes: YesOpt = False,
    dry_run: DryOpt = False,
    json: JsonOpt = False,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Read the installed apps (adb pm list packages, App Manager, an iPhone backup) · 读取已安装应用"""
    import hashlib

    from numretire import discovery
    from numretire.importers import APP_READERS, detect_apps
    from numretire.importers.match_apps import match_apps

    session = Session(lang, profile)
    p = session.profile()
    kind = detect_apps(file)
    found = list(APP_READERS[kind](file))
    matches = match_apps(found, session.catalog)
    proposals = discovery.from_apps(matches, p)
    # The same apps read again (a newer backup of the same phone, the list in another format) change
    # nothing: the digest is of the apps, not of the file.
    ids = "\n".join(sorted({f"{a.platform}:{a.app_id.casefold()}" for a in found}))
    digest = hashlib.sha256(ids.encode("utf-8")).hexdigest()[:16]
    if json:
        emit_json(
            {
                "file": str(file),
                "kind": "apps",
                "format": kind,
                "apps": matches.apps,
                "unnamed": matches.unnamed,
                "system": matches.system,
                "services": [proposal_json(session, x) for x in proposals],
            }
        )
    else:
        lines = [session.t("import.apps.read", apps=matches.apps)]
        if matches.unnamed:
            lines.append(session.t("import.apps.unnamed", count=matches.unnamed))
        if matches.system:
            lines.append(session.t("import.apps.system", count=matches.system))
        show(session, proposals, [], lines, counted=False)
    settle(
        session,
        p.number,
        proposals,
        "apps",
        file,
        [],
        yes=yes,
        dry_run=dry_run,
        as_json=json,
        digest=digest,
        ask_key="import.apps.ask",
    )


@app.command("bill")
def bill(
    file: FileArg,
    yes: YesOpt = False,
    dry_run: DryOpt = False,
    json: JsonOpt = False,
    profile: ProfileOpt = None,
    lang: LangOpt = None,
) -> None:
    """Read a payment statement (Alipay CSV, WeChat Pay CSV or .xlsx) · 读取支付宝/微信支付账单"""
    from numretire import discovery
    from numretire.importers import match_bill
    from numretire.importers.match_bills import flags_of

    session = Session(lang, profile)
    p = session.profile()

    matches = with_progress(
        session, file, lambda on_progress: match_bill(file, session.catalog, on_progress), json
    )
    proposals = discovery.from_bills(matches, p)
    if json:
        emit_json(
            {
                "file": str(file),
                "kind": "bill",
                "issuer": matches.issuer,
                "rows": matches.rows,
                "services": [
                    {**proposal_json(session, x), "kinds": list(x.kinds), "answers": bill_answers_of(x, p)}
                    for x in proposals
                ],
            }
        )
    else:
        issuer = session.t(f"import.issuer.{matches.issuer}")
        show(session, proposals, [], [session.t("import.read_bill", rows=matches.rows, issuer=issuer)])
        out = session.console()
        from numretire.cli.render import plain

        for x in proposals:
            for flag in bill_answers_of(x, p):
                kinds = [k for k in x.kinds if flags_of([k]) == (flag,)]
                line = session.t(
                    "import.bill_answer",
                    name=proposal_name(session, x),
                    kinds=kinds_text(session, kinds),
                    flag=flag,
                    id=x.service_id or proposal_name(session, x),
                )
                out.print(plain(line))
        out.print(session.t("import.bill_others"))
    settle(session, p.number, proposals, "bill", file, [], yes=yes, dry_run=dry_run, as_json=json)


def bill_answers_of(proposal, profile) -> list[str]:
    """The flags a statement's proposal will answer yes (those the user has not answered)."""
    from numretire import discovery

    item = profile.item(proposal.service_id) if proposal.custom is None else None
    return sorted(discovery.bill_answers(proposal.kinds, item.answers if item else {}))


def kinds_text(session: Session, kinds) -> str:
    return session.t("import.pay.sep").join(session.t(f"import.pay.{k}") for k in kinds)


@app.command("lookup")
def lookup(file: FileArg, json: JsonOpt = False, profile: ProfileOpt = None, lang: LangOpt = None) -> None:
    """Record the official linked-accounts lookup (一证通查 2.0, the SMS from 10699000) · 记录一证通查结果"""
    from numretire import plan
    from numretire.cli.status import lookup_json, lookup_lines
    from numretire.importers import read_head, read_text
    from numretire.importers.match import parse_lookup

    session = Session(lang, profile)
    p = session.profile()
    read_head(file)  # a clean error for an unreadable or empty file
    result = parse_lookup(read_text(file)[0], file)
    changed = store(session, p.number, [], "lookup", "", [(result.count, result.at)])
    fresh = session.store.read_profile(p.number)
    rec = plan.reconcile(fresh, session.catalog)
    if json:
        emit_json(
            {
                "count": result.count,
                "on": result.at.isoformat() if result.at else None,
                "new": bool(changed),
                "lookup": lookup_json(rec),
            }
        )
        return
    from numretire.cli.render import plain

    out = session.console()
    out.print(session.t("import.lookup_recorded" if changed else "import.lookup_known", count=result.count))
    for line in lookup_lines(session, rec):
        out.print(plain(line))


def proposal_name(session: Session, p) -> str:
    """A proposal's name: the catalog's, or the signature or name it was found by."""
    if p.custom is not None:
        return p.custom.name
    return session.catalog.require(p.service_id).display_name(session.lang)


def proposal_json(session: Session, p) -> dict:
    return {
        "id": p.service_id or None,
        "name": proposal_name(session, p),
        "custom": p.custom is not None,
        "category": p.custom.category
        if p.custom is not None
        else session.catalog.require(p.service_id).category,
        "count": p.count,
        "first": p.first.isoformat() if p.first else None,
        "last": p.last.isoformat() if p.last else None,
        "login_is_number": p.login_is_number,
        "in_inventory": p.present,
    }


def done(session: Session, changed: int, as_json: bool) -> None:
    if as_json:
        return
    session.console().print(session.t("import.stored" if changed else "import.unchanged", count=changed))
