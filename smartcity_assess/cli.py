"""Command line: `smartcity-assess` opens the app; subcommands drive everything without a display.

Bad input anywhere gives one line `error: …` on stderr and exit status 2, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from . import __version__, app_log
from .cli_words import language_in, say, speak_argparse, system_language
from .core.comparison import shown_change
from .core.errors import UserError
from .core.framework_loader import FrameworkError, load_framework_file
from .core.score_json import score_to_dict
from .core.text import LANGUAGES, local_time, localize, with_decimal_mark
from .services.records import DATABASE_ENV, Store, database_location, describe_database_error

EXIT_USER_ERROR = 2


def _fmt(lang: str, number: float | None, digits: int = 2) -> str:
    """A score as the reader's language writes it (3,36 in Indonesian); JSON keeps the point."""
    return "—" if number is None else with_decimal_mark(f"{number:.{digits}f}", lang)


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _headers(args, *keys: str) -> tuple[str, ...]:
    return tuple(say(f"h_{key}", args.lang) for key in keys)


def _open(args) -> Store:
    from .services.frameworks import open_store

    return open_store(args.db)


# ---- frameworks --------------------------------------------------------------------------------


def cmd_frameworks_validate(args) -> int:
    try:
        framework = load_framework_file(args.file)
    except FrameworkError as exc:
        for problem in exc.problems:
            print(f"error: {args.file}: {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    print(
        say(
            "valid_framework",
            args.lang,
            file=args.file,
            code=framework.code,
            version=framework.version,
            pillars=len(framework.pillars),
            indicators=len(framework.indicators),
        )
    )
    return 0


def cmd_frameworks_import(args) -> int:
    from .services.frameworks import import_framework_file

    info = import_framework_file(_open(args), args.file, actor=args.actor)
    print(info.code)
    return 0


def cmd_frameworks_list(args) -> int:
    store = _open(args)
    infos = store.list_frameworks()
    if args.json:
        out = []
        for info in infos:
            framework = store.framework(info.id)
            out.append(
                {
                    "id": str(info.id),
                    "code": info.code,
                    "version": info.version,
                    "title": localize(info.title, args.lang),
                    "checksum": info.checksum,
                    "builtin": info.builtin,
                    "pillars": [p.code for p in framework.pillars],
                    "indicators": len(framework.indicators),
                    "imported_at": info.imported_at.isoformat(),
                }
            )
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            i.code,
            i.version,
            len(store.framework(i.id).indicators),
            say("yes", args.lang) if i.builtin else "",
            localize(i.title, args.lang),
        )
        for i in infos
    ]
    _print_table(_headers(args, "code", "version", "indicators", "builtin", "title"), rows)
    return 0


# ---- assessments -------------------------------------------------------------------------------


def cmd_assessments_new(args) -> int:
    from .services.assessments import new_assessment, parse_year

    store = _open(args)
    assessment_id = new_assessment(
        store,
        args.city,
        parse_year(args.year),
        framework_code=args.framework,
        framework_version=args.framework_version,
        assessor=args.assessor or "",
        actor=args.actor,
    )
    print(assessment_id)
    return 0


def cmd_assessments_list(args) -> int:
    from .services.assessments import score_many

    store = _open(args)
    scored = score_many(store, store.list_assessments(city=args.city))
    if args.json:
        out = [
            {
                "id": str(s.info.id),
                "city": s.info.city,
                "year": s.info.year,
                "framework": s.info.framework_code,
                "framework_version": s.info.framework_version,
                "assessor": s.info.assessor,
                "status": s.info.status,
                "demo": s.info.is_demo,
                "completion": s.score.overall.completion,
                "score": s.score.overall.score,
                "band": localize(s.score.overall.band.label, args.lang) if s.score.overall.band else None,
                "updated_at": s.info.updated_at.isoformat(),
            }
            for s in scored
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            s.info.id.hex[:8],
            s.info.city,
            s.info.year,
            f"{s.info.framework_code} {s.info.framework_version}",
            say(f"status_{s.info.status}", args.lang) + (say("demo_mark", args.lang) if s.info.is_demo else ""),
            f"{s.score.overall.completion:.0%}",
            _fmt(args.lang, s.score.overall.score),
        )
        for s in scored
    ]
    if not rows:
        print(say("no_assessments_yet", args.lang))
        return 0
    _print_table(_headers(args, "id", "city", "year", "framework", "status", "done", "score"), rows)
    return 0


def cmd_assessments_finalize(args) -> int:
    from .services import assessments

    store = _open(args)
    assessments.finalize(store, store.resolve_assessment_id(args.id), actor=args.actor)
    print(say("finalized", args.lang))
    return 0


def cmd_assessments_reopen(args) -> int:
    from .services import assessments

    store = _open(args)
    if not args.reason.strip():
        raise UserError("reopen_needs_reason")
    assessments.reopen(store, store.resolve_assessment_id(args.id), reason=args.reason.strip(), actor=args.actor)
    print(say("reopened", args.lang))
    return 0


def cmd_assessments_history(args) -> int:
    store = _open(args)
    entries = store.audit_trail(store.resolve_assessment_id(args.id, deleted_too=True))
    if args.json:
        rows = [
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "indicator": e.indicator_code,
                "field": e.field,
                "old": e.old_value,
                "new": e.new_value,
            }
            for e in entries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            local_time(e.at),
            e.actor,
            e.action,
            " ".join(filter(None, (e.indicator_code, e.field))),
            f"{e.old_value if e.old_value is not None else '—'} → {e.new_value if e.new_value is not None else '—'}",
        )
        for e in entries
    ]
    _print_table(_headers(args, "when", "who", "action", "what", "change"), rows)
    deleted = next((e for e in reversed(entries) if e.action == "delete"), None)
    if deleted is not None:
        print(say("deleted_by", args.lang, who=deleted.actor, when=local_time(deleted.at)))
    return 0


def cmd_assessments_team(args) -> int:
    from .services import team

    store = _open(args)
    assessment_id = store.resolve_assessment_id(args.id)
    if not args.add:  # --nip or --position alone would be silently ignored
        given = next((f"--{o}" for o in ("role", "nip", "position") if getattr(args, o) is not None), None)
        if given:
            raise UserError("team_role_without_add", option=given)
    if args.add:
        if not args.role:
            raise UserError("team_needs_role")
        team.set_member(
            store, assessment_id, args.add, args.role, nip=args.nip, position=args.position, actor=args.actor
        )
    if args.remove:
        team.remove_member(store, assessment_id, args.remove, actor=args.actor)
    if args.place is not None:
        team.set_sign_place(store, assessment_id, args.place, actor=args.actor)
    members = store.team(assessment_id)
    info = store.assessment(assessment_id)
    if args.json:
        out = {
            "place": team.sign_place(info.city, info.sign_place),
            "team": [{"name": m.name, "role": m.role, "nip": m.nip, "position": m.position} for m in members],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not members:
        print(say("no_team_yet", args.lang))
    else:
        _print_table(
            _headers(args, "name", "role", "nip", "position"), [(m.name, m.role, m.nip, m.position) for m in members]
        )
    print(say("signed_at", args.lang, place=team.sign_place(info.city, info.sign_place)))
    return 0


def cmd_assessments_delete(args) -> int:
    from .services import assessments

    store = _open(args)
    assessments.delete(store, store.resolve_assessment_id(args.id), actor=args.actor)
    print(say("deleted", args.lang))
    return 0


# ---- responses ---------------------------------------------------------------------------------


def cmd_responses_import(args) -> int:
    from .services.responses_io import import_responses

    store = _open(args)
    result = import_responses(store, store.resolve_assessment_id(args.id), args.file, actor=args.actor)
    print(
        say(
            "imported_responses",
            args.lang,
            count=result.rows,
            changed=result.changed,
            unchanged=result.rows - result.changed,
        )
    )
    return 0


def cmd_responses_export(args) -> int:
    from .services.responses_io import export_responses

    store = _open(args)
    path = export_responses(store, store.resolve_assessment_id(args.id), args.out, args.lang)
    print(path)
    return 0


def cmd_forms_export(args) -> int:
    from .reporting.field_sheet import write_field_sheet

    store = _open(args)
    info = store.find_framework(args.framework, args.framework_version)
    path = write_field_sheet(store.framework(info.id), args.out, args.lang)
    print(path)
    return 0


# ---- score and demo ----------------------------------------------------------------------------


def cmd_score(args) -> int:
    from .services.assessments import score

    store = _open(args)
    scored = score(store, store.resolve_assessment_id(args.id))
    framework, result = scored.framework, scored.score
    if args.json:
        print(json.dumps(score_to_dict(framework, result, args.lang), ensure_ascii=False, indent=2))
        return 0
    info, overall = scored.info, result.overall

    def band(b):
        return localize(b.label, args.lang) if b else "—"

    status = say(f"status_{info.status}", args.lang)
    print(f"{info.city} {info.year} — {localize(framework.title, args.lang)} {framework.version} ({status})")
    print(
        say(
            "score_line",
            args.lang,
            score=_fmt(args.lang, overall.score),
            band=band(overall.band),
            target=_fmt(args.lang, overall.target),
            gap=_fmt(args.lang, overall.gap),
            completion=f"{overall.completion:.0%}",
        )
    )

    def figures(first_header: str, results, name_of) -> None:
        _print_table(
            _headers(args, first_header, "score", "band", "target", "gap", "done"),
            [
                (
                    f"{r.code} {localize(name_of(r.code).name, args.lang)}",
                    _fmt(args.lang, r.score),
                    band(r.band),
                    _fmt(args.lang, r.target),
                    _fmt(args.lang, r.gap),
                    f"{r.completion:.0%}",
                )
                for r in results
            ],
        )

    figures("pillar", result.pillars, framework.pillar)
    if result.domains:
        figures("domain", result.domains, framework.domain)
    gaps = result.gaps_by_priority()[:5]
    if gaps:
        print(say("largest_gaps", args.lang))
        for ind in gaps:
            name = localize(framework.indicator(ind.code).name, args.lang)
            priority = _fmt(args.lang, ind.priority, 3)
            print(
                say(
                    "gap_line",
                    args.lang,
                    code=ind.code,
                    name=name,
                    level=ind.level,
                    target=ind.target,
                    priority=priority,
                )
            )
    return 0


def _compare_change(value: float, integer: bool) -> str:
    if value != value:  # NaN: not assessed at one end
        return "—"
    text = f"{value:+.0f}" if integer else f"{value:+.2f}"
    return text[1:] if float(text) == 0 else text


def cmd_compare(args) -> int:
    from .core.comparison import INDICATOR, comparison_to_dict
    from .services.assessments import parse_year
    from .services.compare import BY_CITY, BY_YEAR, compare_cities, compare_years, comparison_notes, export_comparison

    if (args.city is None) == (args.year is None):
        raise UserError("cli_compare_either")
    if args.city is not None and args.cities:
        raise UserError("cli_cities_needs_year")
    if args.year is not None and args.years:
        raise UserError("cli_years_needs_city")
    if args.reference is not None and args.year is None:
        raise UserError("cli_reference_needs_year")
    if args.year is not None and not args.cities:
        raise UserError("cli_name_the_cities")
    store = _open(args)
    options = dict(framework_code=args.framework, include_drafts=args.include_drafts, lang=args.lang)
    if args.city is not None:
        by = BY_YEAR
        years = [parse_year(y) for y in args.years] if args.years else None
        comparison = compare_years(store, args.city, years, **options)
    else:
        by = BY_CITY
        comparison = compare_cities(store, parse_year(args.year), args.cities, **options)
    if args.json:
        print(json.dumps(comparison_to_dict(comparison, by), ensure_ascii=False, indent=2))
        return 0
    notes = comparison_notes(comparison)
    if args.out:
        print(export_comparison(comparison, args.out))
        for note in notes:
            print(say("note", args.lang, note=note))
        return 0
    for note in notes:
        print(say("note", args.lang, note=note))
    if by == BY_CITY:
        _print_city_differences(args, comparison, args.reference)
        return 0
    keys = comparison.keys
    rows = []
    for _, row in comparison.table.iterrows():
        integer = row["kind"] == INDICATOR
        cells = [
            say("not_assessed", args.lang) if v != v else (f"{v:.0f}" if integer else f"{v:.2f}")
            for v in row[list(keys)]
        ]
        name = row["name"] if len(row["name"]) <= 40 else row["name"][:39] + "…"
        trend = row["trend"] or ""
        if trend:
            trend = say(trend, args.lang)
        # the change between the figures printed, as the trend and the app and the report have it
        change = row["change"] if integer else shown_change(row[keys[0]], row[keys[-1]])
        rows.append((row["code"], name, *cells, with_decimal_mark(_compare_change(change, integer), args.lang), trend))
    draft_mark = say("draft_column", args.lang)
    labels = (comparison.column_label(k, draft_mark) for k in keys)
    _print_table((*_headers(args, "code", "name"), *labels, *_headers(args, "change", "trend")), rows)
    return 0


def _print_city_differences(args, comparison, reference: str | None) -> None:
    """Cities side by side, then each city's difference to the reference city (the first given, or --reference)."""
    from .core.comparison import INDICATOR

    keys = comparison.keys
    wanted = reference or keys[0]
    ref = next((k for k in keys if k.casefold() == wanted.strip().casefold()), None)
    if ref is None:
        raise UserError("cli_reference_not_compared", reference=wanted, cities=", ".join(keys))
    others = [k for k in keys if k != ref]
    unassessed = say("not_assessed", args.lang)
    rows = []
    for _, row in comparison.table.iterrows():
        integer = row["kind"] == INDICATOR
        cells = [unassessed if v != v else (f"{v:.0f}" if integer else _fmt(args.lang, v)) for v in row[list(keys)]]
        name = row["name"] if len(row["name"]) <= 40 else row["name"][:39] + "…"
        differences = [
            with_decimal_mark(_compare_change(shown_change(row[ref], row[k]), integer), args.lang) for k in others
        ]
        rows.append((row["code"], name, *cells, *differences))
    draft_mark = say("draft_column", args.lang)
    labels = [
        comparison.column_label(k, draft_mark) + (say("reference_mark", args.lang) if k == ref else "") for k in keys
    ]
    _print_table((*_headers(args, "code", "name"), *labels, *(f"{k} − {ref}" for k in others)), rows)


def cmd_report(args) -> int:
    from .reporting import write_report

    store = _open(args)
    path = write_report(store, store.resolve_assessment_id(args.id), args.out, lang=args.lang)
    print(path)
    return 0


def _server_url(args) -> str:
    from .services.records import database_url

    return database_url(args.db)


def cmd_server_init(args) -> int:
    from .services import server

    server.init(_server_url(args))
    print(say("server_ready", args.lang))
    return 0


def cmd_server_grant(args) -> int:
    from .services import server

    server.grant(_server_url(args), args.login, args.role, args.city)
    print(say("granted", args.lang, login=args.login, role=args.role, cities=", ".join(args.city) or "—"))
    return 0


def cmd_server_revoke(args) -> int:
    from .services import server

    server.revoke(_server_url(args), args.login, args.city)
    print(say("revoked", args.lang, login=args.login))
    return 0


def cmd_server_login(args) -> int:
    import getpass

    from .services import server
    from .services.records import login_and_host

    login, host = login_and_host(args.url)
    password = getpass.getpass(say("password_prompt", args.lang, login=login, host=host))
    server.login(args.url, password)
    print(say("password_stored", args.lang, login=login, host=host))
    return 0


def cmd_server_logout(args) -> int:
    from .services import server

    login, host, held = server.logout(args.url)
    print(say("password_forgotten" if held else "password_none", args.lang, login=login, host=host))
    return 0


def cmd_sync(args) -> int:
    from .services.sync import sync

    bar = _progress_bar(args)
    result = sync(_open(args), args.server, args.ids, cities=args.city, actor=args.actor, progress=bar)
    if bar is not None:
        print(file=sys.stderr)  # end the progress line
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
        return 0
    print(say("sync_line", args.lang, **result.counts()))
    if result.nothing_to_do:
        print(say("sync_nothing", args.lang))
        return 0
    for a in result:
        if a.pushed or a.pulled or a.conflicts or a.created_here or a.created_on_server:
            note = say("sync_new_here", args.lang) if a.created_here else ""
            note += say("sync_new_on_server", args.lang) if a.created_on_server else ""
            print(
                say(
                    "sync_assessment",
                    args.lang,
                    id=a.id.hex[:8],
                    city=a.city,
                    year=a.year,
                    pushed=a.pushed,
                    pulled=a.pulled,
                    conflicts=a.conflicts,
                    note=note,
                )
            )
    if result.conflicts:
        print(say("sync_conflicts_hint", args.lang))
    return 0


def cmd_demo(args) -> int:
    from .services.demo import load_demo, remove_demo

    if args.remove:
        removed = remove_demo(_open(args), actor=args.actor)
        print(say("demo_removed", args.lang, count=removed) if removed else say("demo_none_to_remove", args.lang))
        return 0
    loaded = load_demo(_open(args))
    print(say("demo_loaded", args.lang, names=", ".join(loaded)) if loaded else say("demo_already", args.lang))
    return 0


# ---- field teams: packages, conflicts, review, agreement, evidence -----------------------------


def _progress_bar(args):
    """A progress line on stderr for long package work, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done * 100 // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)

    return show


def cmd_package_export(args) -> int:
    from .services.packages import export_package

    store = _open(args)
    pillars = args.pillars.split(",") if args.pillars is not None else None
    path = export_package(
        store,
        store.resolve_assessment_id(args.id),
        args.out,
        pillars=pillars,
        actor=args.actor,
        progress=_progress_bar(args),
    )
    print(path)
    return 0


def cmd_package_import(args) -> int:
    from .services.merging import import_package

    store = _open(args)
    result = import_package(store, args.file, prefer=args.prefer, actor=args.actor, progress=_progress_bar(args))
    print(json.dumps(result.as_dict()) if args.json else result.line())
    return 0


def cmd_conflicts_list(args) -> int:
    from .services.conflicts import open_conflicts

    store = _open(args)
    conflicts = open_conflicts(store, store.resolve_assessment_id(args.id))
    if args.json:
        print(
            json.dumps(
                [{"indicator": c.indicator, "mine": c.mine.as_dict(), "theirs": c.theirs.as_dict()} for c in conflicts],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not conflicts:
        print(say("no_open_conflicts", args.lang))
        return 0

    def side(s) -> str:
        lang = args.lang
        if s.na:
            answer = say("conflict_na", lang)
        elif s.level is None:
            answer = say("conflict_no_level", lang)
        else:
            answer = say("conflict_level", lang, level=s.level)
        extra = [
            say("conflict_target", lang, target=s.target) if s.target is not None else "",
            say("conflict_value", lang, value=float(s.value)) if s.value is not None else "",
        ]
        when = s.at.strftime("%Y-%m-%d %H:%M") if s.at else ""
        note = f" — {s.note}" if s.note else ""
        # what a side would lose when the other is taken: the report's fields too, not only the level
        report = []
        if s.value_source or s.value_year is not None:
            report.append(say("conflict_source", lang, source=s.value_source or "—", year=s.value_year or "—"))
        if s.recommendation or s.responsible or s.due is not None:
            text = s.recommendation if len(s.recommendation) <= 60 else f"{s.recommendation[:60]}…"
            unit, due = s.responsible or "—", s.due if s.due is not None else "—"
            report.append(say("conflict_recommendation", lang, text=text or "—", unit=unit, due=due))
        tail = "".join(f" · {part}" for part in report)
        return " ".join(filter(None, [answer, *extra, f"({s.by}, {when})"])) + note + tail

    for c in conflicts:
        print(f"{c.indicator}")
        print(say("conflict_mine", args.lang, side=side(c.mine)))
        print(say("conflict_theirs", args.lang, side=side(c.theirs), source=c.source))
    return 0


def _answer_fields(args) -> dict:
    """The reconciled answer given on the command line (only the fields named)."""
    answer = {}
    if args.level is not None:
        answer["level"] = args.level
    if args.na:
        answer["na"] = True
    if args.target is not None:
        answer["target"] = args.target
    if args.value is not None:
        from .core.numbers import parse_decimal

        answer["value"] = parse_decimal(args.value)
    if args.note is not None:
        answer["note"] = args.note
    return answer


def cmd_conflicts_resolve(args) -> int:
    from .services.conflicts import resolve, resolve_all

    store = _open(args)
    assessment_id = store.resolve_assessment_id(args.id)
    if args.indicator == "all":
        if args.take is None:
            raise UserError("resolve_how")
        print(say("resolved", args.lang, what=resolve_all(store, assessment_id, args.take, actor=args.actor)))
        return 0
    record = resolve(
        store, assessment_id, args.indicator, take=args.take, answer=_answer_fields(args), actor=args.actor
    )
    print(say("resolved", args.lang, what=record.indicator_code))
    return 0


def cmd_assessments_submit(args) -> int:
    from .services import review

    store = _open(args)
    review.submit(store, store.resolve_assessment_id(args.id), actor=args.actor)
    print(say("in_review", args.lang))
    return 0


def cmd_assessments_approve(args) -> int:
    from .services import review

    store = _open(args)
    digest = review.approve(
        store,
        store.resolve_assessment_id(args.id),
        reviewer=args.reviewer,
        role=args.role,
        nip=args.nip,
        actor=args.actor,
    )
    print(say("approved", args.lang, digest=digest))
    return 0


def cmd_assessments_return(args) -> int:
    from .services import review

    store = _open(args)
    review.return_to_draft(store, store.resolve_assessment_id(args.id), reason=args.reason, actor=args.actor)
    print(say("returned", args.lang))
    return 0


def cmd_assessments_verify(args) -> int:
    from .services import review

    store = _open(args)
    result = review.verify(store, store.resolve_assessment_id(args.id))
    if result.intact:
        print("intact")
        return 0
    print(f"not intact: {result.problem().text(args.lang)}")
    return 1


def cmd_agreement(args) -> int:
    from .services.agreement import agreement

    store = _open(args)
    result = agreement(store, store.resolve_assessment_id(args.id))
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    alpha = "—" if result.alpha is None else f"{result.alpha:.3f}"
    print(say("agreement_line", args.lang, alpha=alpha, assessors=", ".join(result.assessors) or "—"))
    _print_table(
        ("INDICATOR", *result.assessors, "SPREAD"),
        [
            (i.indicator, *(i.levels.get(a, "—") for a in result.assessors), "—" if i.spread is None else i.spread)
            for i in result.indicators
        ],
    )
    return 0


def cmd_evidence_add(args) -> int:
    from .services.evidence import add_evidence_file

    store = _open(args)
    info = add_evidence_file(store, store.resolve_assessment_id(args.id), args.indicator, args.file, actor=args.actor)
    print(info.sha256)
    return 0


def cmd_evidence_list(args) -> int:
    store = _open(args)
    items = store.evidence(store.resolve_assessment_id(args.id))
    if args.json:
        rows = [
            {
                "indicator": e.indicator_code,
                "name": e.file_name,
                "size": e.size,
                "sha256": e.sha256,
                "by": e.added_by,
                "at": e.added_at.isoformat(),
            }
            for e in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    _print_table(
        ("INDICATOR", "NAME", "SIZE", "SHA256", "BY", "AT (UTC)"),
        [
            (e.indicator_code, e.file_name, e.size, e.sha256[:12], e.added_by, e.added_at.strftime("%Y-%m-%d %H:%M"))
            for e in items
        ],
    )
    return 0


def cmd_evidence_get(args) -> int:
    from .services.evidence import find_by_sha256, save_evidence_copy

    store = _open(args)
    info = find_by_sha256(store, store.resolve_assessment_id(args.id), args.sha256)
    print(save_evidence_copy(store, info, args.out))
    return 0


def no_display() -> bool:
    """On Linux without X11 or Wayland (a server, an SSH session) Qt would abort with a page of advice."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_open_app(args) -> int:
    if no_display():
        print(f"error: {say('no_display', args.lang)}", file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        from .ui.app import run
    except ImportError as exc:
        print(f"error: {say('app_cannot_start', args.lang, detail=exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    return run(args.db)


# ---- parser ------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """Usage mistakes read like every other bad input: one `error: …` line and status 2."""

    def error(self, message: str):
        see = argparse._("see '%s --help'") % self.prog  # in the language speak_argparse chose
        self.exit(EXIT_USER_ERROR, f"error: {message} ({see})\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help=f"database file or URL (default: ${DATABASE_ENV}, else the user data folder)",
    )
    common.add_argument("--actor", default=argparse.SUPPRESS, help="who makes the change (default: your user name)")
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of every message, header and framework text (default: the system's)",
    )

    parser = _Parser(
        prog="smartcity-assess",
        parents=[common],
        description="Smart-city maturity assessments: score, compare, report.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check this installation (database, framework, scoring, radar, PDF, translations) on a temporary "
        "database; exit 0 when all is well",
    )
    parser.set_defaults(handler=cmd_open_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def add(group, name: str, handler: Callable, help_text: str) -> argparse.ArgumentParser:
        command = group.add_parser(name, parents=[common], help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        return command

    fw = sub.add_parser("frameworks", help="validate, import and list framework definitions").add_subparsers(
        metavar="ACTION", required=True
    )
    add(fw, "validate", cmd_frameworks_validate, "check a framework file and list every problem").add_argument("file")
    add(fw, "import", cmd_frameworks_import, "store a framework file; prints its code").add_argument("file")
    fw_list = add(fw, "list", cmd_frameworks_list, "list stored frameworks")
    fw_list.add_argument("--json", action="store_true")

    asm = sub.add_parser("assessments", help="create, list, finalize and reopen assessments").add_subparsers(
        metavar="ACTION", required=True
    )
    new = add(asm, "new", cmd_assessments_new, "start an assessment; prints its id alone")
    new.add_argument("--city", required=True)
    new.add_argument("--year", required=True)
    new.add_argument("--framework", help="framework code (default: the built-in framework)")
    new.add_argument("--framework-version", help="framework version (default: the latest imported)")
    new.add_argument("--assessor", help="name of the assessor")
    asm_list = add(asm, "list", cmd_assessments_list, "list assessments with completion and score")
    asm_list.add_argument("--json", action="store_true")
    asm_list.add_argument("--city")
    add(asm, "finalize", cmd_assessments_finalize, "make an assessment read-only").add_argument("id")
    reopen = add(asm, "reopen", cmd_assessments_reopen, "make a final assessment editable again (audited)")
    reopen.add_argument("id")
    reopen.add_argument("--reason", required=True, help="why it is reopened (kept in the audit trail)")
    history = add(asm, "history", cmd_assessments_history, "the audit trail: every change, who made it and when")
    history.add_argument("id")
    history.add_argument("--json", action="store_true", help="print the trail as JSON")
    add(asm, "delete", cmd_assessments_delete, "delete a draft assessment").add_argument("id")
    team = add(asm, "team", cmd_assessments_team, "the evaluation team the report names and its signing place")
    team.add_argument("id")
    team.add_argument("--add", metavar="NAME", help="add a member (or change the one with this name)")
    team.add_argument("--role", choices=("lead", "assessor", "reviewer"), help="the role of the member added")
    team.add_argument("--nip", help="the member's NIP (18 digits)")
    team.add_argument("--position", help="the member's position (jabatan), e.g. 'Kepala Bidang Aplikasi Informatika'")
    team.add_argument("--remove", metavar="NAME", help="remove a member")
    team.add_argument("--place", help="where the report is signed (default: the city's name)")
    team.add_argument("--json", action="store_true")

    rsp = sub.add_parser("responses", help="import and export responses").add_subparsers(
        metavar="ACTION", required=True
    )
    imp = add(
        rsp,
        "import",
        cmd_responses_import,
        "import responses from CSV/XLSX (columns indicator,level,target,na,value,note,value_source,value_year,"
        "recommendation,responsible,due) or a filled-in field sheet; all or nothing",
    )
    imp.add_argument("id")
    imp.add_argument("file")
    exp = add(rsp, "export", cmd_responses_export, "export responses to CSV or XLSX")
    exp.add_argument("id")
    exp.add_argument("--out", required=True, metavar="FILE.csv|FILE.xlsx")

    frm = sub.add_parser("forms", help="field sheets to fill in on any computer or on paper").add_subparsers(
        metavar="ACTION", required=True
    )
    frm_export = add(
        frm,
        "export",
        cmd_forms_export,
        "write a field sheet (XLSX, one sheet per pillar with the rubrics and answer columns); read it back with "
        "'responses import ID FILE.xlsx'",
    )
    frm_export.add_argument("--framework", required=True, help="framework code (see 'frameworks list')")
    frm_export.add_argument("--framework-version", help="framework version (default: the latest imported)")
    frm_export.add_argument("--out", required=True, metavar="FILE.xlsx")

    sc = add(sub, "score", cmd_score, "score an assessment: overall, pillars, largest gaps")
    sc.add_argument("id")
    sc.add_argument("--json", action="store_true", help="print the full result as JSON (numbers unrounded)")

    cmp = add(
        sub,
        "compare",
        cmd_compare,
        "compare assessments: one city over the years (--city) or one year across cities (--year --cities)",
    )
    cmp.add_argument("--city", help="the city to follow over the years")
    cmp.add_argument("--years", nargs="+", metavar="Y", help="years to compare (default: all final years)")
    cmp.add_argument("--year", help="the year in which to compare cities")
    cmp.add_argument("--cities", nargs="+", metavar="NAME", help="cities to compare in --year, in this order")
    cmp.add_argument(
        "--reference", metavar="NAME", help="with --cities: the city the others are compared with (default: the first)"
    )
    cmp.add_argument("--framework", help="framework code (needed only when a city has several)")
    cmp.add_argument("--include-drafts", action="store_true", help="include draft assessments (marked as drafts)")
    cmp_out = cmp.add_mutually_exclusive_group()
    cmp_out.add_argument("--json", action="store_true", help="print the comparison as JSON (null = not assessed)")
    cmp_out.add_argument("--out", metavar="FILE.csv|FILE.xlsx", help="write the comparison table to a file")

    srv = sub.add_parser("server", help="set up a central PostgreSQL server: schema, roles, rights").add_subparsers(
        metavar="ACTION", required=True
    )
    add(srv, "init", cmd_server_init, "create the schema, the built-in frameworks and the roles (as the owner)")
    grant = add(srv, "grant", cmd_server_grant, "give a login a role, for the cities named")
    grant.add_argument("login")
    grant.add_argument("--role", required=True, choices=("viewer", "assessor", "reviewer"))
    grant.add_argument("--city", nargs="+", default=[], metavar="NAME", help="cities it may write (not for viewers)")
    revoke = add(srv, "revoke", cmd_server_revoke, "take cities (or, with none named, every right) from a login")
    revoke.add_argument("login")
    revoke.add_argument("--city", nargs="+", default=[], metavar="NAME")

    slogin = add(srv, "login", cmd_server_login, "check a password with the server and keep it in the system keyring")
    slogin.add_argument("url", metavar="URL", help="postgresql+psycopg://LOGIN@HOST/DATABASE (without the password)")
    slogout = add(srv, "logout", cmd_server_logout, "remove the keyring's password for the URL's login and host")
    slogout.add_argument("url", metavar="URL")

    syn = add(
        sub,
        "sync",
        cmd_sync,
        "push this database's assessments to a central server and pull the server's, merged as packages are",
    )
    syn.add_argument("--server", required=True, metavar="URL", help="the server: postgresql+psycopg://LOGIN@HOST/DB")
    syn.add_argument("ids", nargs="*", metavar="ID", help="only these assessments (here or on the server); default all")
    syn.add_argument("--city", nargs="+", default=[], metavar="NAME", help="only the assessments of these cities")
    syn.add_argument("--json", action="store_true", help="print the counts, and per assessment, as JSON")

    rep = add(sub, "report", cmd_report, "write the report of an assessment as PDF or Word (DOCX)")
    rep.add_argument("id")
    rep.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx")

    pkg = sub.add_parser("package", help="move an assessment between laptops (.scapkg)").add_subparsers(
        metavar="ACTION", required=True
    )
    pexp = add(pkg, "export", cmd_package_export, "write one assessment with its history and evidence as a package")
    pexp.add_argument("id")
    pexp.add_argument("--out", required=True, metavar="FILE.scapkg")
    pexp.add_argument(
        "--pillars", metavar="CODE,...", help="an assignment: the assessor who imports it may change only these pillars"
    )
    pimp = add(pkg, "import", cmd_package_import, "check a package whole, then merge it into this database")
    pimp.add_argument("file")
    pimp.add_argument("--prefer", choices=("mine", "theirs", "newer"), help="settle conflicts at import (audited)")
    pimp.add_argument("--json", action="store_true", help="print the counts as JSON")

    con = sub.add_parser("conflicts", help="list and settle what merged packages disagree on").add_subparsers(
        metavar="ACTION", required=True
    )
    clist = add(con, "list", cmd_conflicts_list, "per conflicted indicator, both sides")
    clist.add_argument("id")
    clist.add_argument("--json", action="store_true")
    cres = add(con, "resolve", cmd_conflicts_resolve, "settle a conflict (INDICATOR 'all' with --take for every one)")
    cres.add_argument("id")
    cres.add_argument("indicator")
    cres.add_argument("--take", choices=("mine", "theirs"))
    cres.add_argument("--level", type=int)
    cres.add_argument("--na", action="store_true", help="not applicable")
    cres.add_argument("--target", type=int)
    cres.add_argument("--value", help="the measured value of a metric indicator")
    cres.add_argument("--note")

    add(
        asm, "submit", cmd_assessments_submit, "hand a draft to the reviewer (read-only until approved or returned)"
    ).add_argument("id")
    appr = add(asm, "approve", cmd_assessments_approve, "sign off an assessment in review: final, sealed")
    appr.add_argument("id")
    appr.add_argument("--reviewer", required=True, help="who signs it off")
    appr.add_argument("--role", help="the reviewer's position")
    appr.add_argument("--nip", help="the reviewer's NIP (18 digits)")
    ret = add(asm, "return", cmd_assessments_return, "send an assessment in review back to draft, with comments")
    ret.add_argument("id")
    ret.add_argument("--reason", required=True)
    ver = add(
        asm,
        "verify",
        cmd_assessments_verify,
        "check the audit chain, responses, evidence and seal; exit 1 if not intact",
    )
    ver.add_argument("id")

    agr = add(
        sub, "agreement", cmd_agreement, "agreement between assessors: levels per indicator, Krippendorff's alpha"
    )
    agr.add_argument("id")
    agr.add_argument("--json", action="store_true")

    evi = sub.add_parser("evidence", help="add, list and fetch evidence files").add_subparsers(
        metavar="ACTION", required=True
    )
    eadd = add(evi, "add", cmd_evidence_add, "attach a file to an indicator; prints its SHA-256")
    eadd.add_argument("id")
    eadd.add_argument("indicator")
    eadd.add_argument("file")
    elist = add(evi, "list", cmd_evidence_list, "the assessment's evidence files")
    elist.add_argument("id")
    elist.add_argument("--json", action="store_true")
    eget = add(evi, "get", cmd_evidence_get, "write an evidence file out (checked against its SHA-256)")
    eget.add_argument("id")
    eget.add_argument("sha256")
    eget.add_argument("--out", required=True, metavar="FILE")

    demo = add(sub, "demo", cmd_demo, "load clearly labelled sample data (Bandung over 4 years, and Cimahi)")
    demo.add_argument(
        "--remove", action="store_true", help="delete the sample data again (only it: your assessments stay)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    speak_argparse(language_in(sys.argv[1:] if argv is None else argv))  # its usage errors, in that language
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.actor = getattr(args, "actor", None)
    args.lang = getattr(args, "lang", None) or system_language()
    if args.selftest:
        from .ui.selftest import run as run_selftest

        return run_selftest()
    try:
        return args.handler(args)
    except UserError as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (SQLAlchemyDatabaseError, sqlite3.DatabaseError) as exc:
        # Damage that the check on opening could not see (or that happened since) reaches here.
        described = describe_database_error(exc, database_location(args.db))
        if described is exc:
            raise  # a bug of ours, not the user's file: a traceback (and the log), not "error: …"
        print(f"error: {described.text(args.lang)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): not an error of ours; keep Python from printing one at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        # A bug of ours: the traceback goes to the terminal as usual and into the log file, where a
        # report of it can be found later.
        if app_log.start_logging() is not None:
            logging.getLogger("smartcity_assess.cli").exception("command failed: %s", " ".join(sys.argv[1:]))
        raise


if __name__ == "__main__":
    sys.exit(main())
