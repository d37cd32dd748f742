"""Command line: `smartcity-assess` opens the app; subcommands drive everything without a display.

Bad input anywhere gives one line `error: …` on stderr and exit status 2, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from . import __version__
from .core.comparison import HELD, IMPROVED, REGRESSED, shown_change
from .core.errors import UserError
from .core.framework_loader import FrameworkError, load_framework_file
from .core.score_json import score_to_dict
from .core.text import localize
from .persistence.db import DATABASE_ENV, database_location, describe_database_error
from .persistence.store import Store

EXIT_USER_ERROR = 2


def _fmt(number: float | None, digits: int = 2) -> str:
    return "—" if number is None else f"{number:.{digits}f}"


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


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
        f"{args.file}: valid framework {framework.code} {framework.version}: {len(framework.pillars)} pillars, "
        f"{len(framework.indicators)} indicators"
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
            "yes" if i.builtin else "",
            localize(i.title, args.lang),
        )
        for i in infos
    ]
    _print_table(("CODE", "VERSION", "INDICATORS", "BUILT-IN", "TITLE"), rows)
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
            s.info.status + (" (demo)" if s.info.is_demo else ""),
            f"{s.score.overall.completion:.0%}",
            _fmt(s.score.overall.score),
        )
        for s in scored
    ]
    if not rows:
        print("no assessments yet: create one with 'smartcity-assess assessments new --city NAME --year YYYY'")
        return 0
    _print_table(("ID", "CITY", "YEAR", "FRAMEWORK", "STATUS", "DONE", "SCORE"), rows)
    return 0


def cmd_assessments_finalize(args) -> int:
    store = _open(args)
    store.finalize(store.resolve_assessment_id(args.id), actor=args.actor)
    print("finalized")
    return 0


def cmd_assessments_reopen(args) -> int:
    store = _open(args)
    store.reopen(store.resolve_assessment_id(args.id), actor=args.actor, reason=args.reason or "")
    print("reopened")
    return 0


def cmd_assessments_history(args) -> int:
    store = _open(args)
    entries = store.audit_trail(store.resolve_assessment_id(args.id))
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
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            e.actor,
            e.action,
            " ".join(filter(None, (e.indicator_code, e.field))),
            f"{e.old_value if e.old_value is not None else '—'} → {e.new_value if e.new_value is not None else '—'}",
        )
        for e in entries
    ]
    _print_table(("WHEN (UTC)", "WHO", "ACTION", "WHAT", "CHANGE"), rows)
    return 0


def cmd_assessments_team(args) -> int:
    from .services import team

    store = _open(args)
    assessment_id = store.resolve_assessment_id(args.id)
    if args.role and not args.add:
        raise UserError("--role goes with --add NAME")
    if args.add:
        if not args.role:
            raise UserError("--add needs --role lead, assessor or reviewer")
        team.set_member(
            store,
            assessment_id,
            args.add,
            args.role,
            nip=args.nip or "",
            position=args.position or "",
            actor=args.actor,
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
        print("no team yet: add one with --add NAME --role lead|assessor|reviewer [--nip NIP]")
    else:
        _print_table(("NAME", "ROLE", "NIP", "POSITION"), [(m.name, m.role, m.nip, m.position) for m in members])
    print(f"signed at: {team.sign_place(info.city, info.sign_place)}")
    return 0


def cmd_assessments_delete(args) -> int:
    store = _open(args)
    store.delete_assessment(store.resolve_assessment_id(args.id), actor=args.actor)
    print("deleted")
    return 0


# ---- responses ---------------------------------------------------------------------------------


def cmd_responses_import(args) -> int:
    from .services.responses_io import import_responses

    store = _open(args)
    count = import_responses(store, store.resolve_assessment_id(args.id), args.file, actor=args.actor)
    print(f"imported {count} responses")
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

    print(f"{info.city} {info.year} — {localize(framework.title, args.lang)} {framework.version} ({info.status})")
    print(
        f"overall {_fmt(overall.score)} ({band(overall.band)}), target {_fmt(overall.target)}, "
        f"gap {_fmt(overall.gap)}, completion {overall.completion:.0%}"
    )

    def figures(title: str, results, name_of) -> None:
        _print_table(
            (title, "SCORE", "BAND", "TARGET", "GAP", "DONE"),
            [
                (
                    f"{r.code} {localize(name_of(r.code).name, args.lang)}",
                    _fmt(r.score),
                    band(r.band),
                    _fmt(r.target),
                    _fmt(r.gap),
                    f"{r.completion:.0%}",
                )
                for r in results
            ],
        )

    figures("PILLAR", result.pillars, framework.pillar)
    if result.domains:
        figures("DOMAIN", result.domains, framework.domain)
    gaps = result.gaps_by_priority()[:5]
    if gaps:
        print("largest gaps by priority:")
        for ind in gaps:
            name = localize(framework.indicator(ind.code).name, args.lang)
            print(f"  {ind.code} {name}: level {ind.level} → target {ind.target} (priority {ind.priority:.3f})")
    return 0


def _compare_change(value: float, integer: bool) -> str:
    if value != value:  # NaN: not assessed at one end
        return "—"
    text = f"{value:+.0f}" if integer else f"{value:+.2f}"
    return text[1:] if float(text) == 0 else text


# Between cities a difference is not an improvement: say which is higher.
_CITY_TREND_WORDS = {IMPROVED: "higher", REGRESSED: "lower", HELD: "same"}


def cmd_compare(args) -> int:
    from .core.comparison import INDICATOR, comparison_to_dict
    from .services.assessments import parse_year
    from .services.compare import BY_CITY, BY_YEAR, compare_cities, compare_years, comparison_notes, export_comparison

    if (args.city is None) == (args.year is None):
        raise UserError(
            "compare either one city over the years (--city NAME [--years Y ...]) or one year across "
            "cities (--year Y --cities NAME ...)"
        )
    if args.city is not None and args.cities:
        raise UserError("--cities goes with --year; to follow one city over the years use --city NAME [--years Y ...]")
    if args.year is not None and args.years:
        raise UserError("--years goes with --city; to compare cities in one year use --year Y --cities NAME ...")
    if args.year is not None and not args.cities:
        raise UserError("name the cities to compare in that year with --cities NAME ...")
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
            print(f"note: {note}")
        return 0
    for note in notes:
        print(f"note: {note}")
    keys = comparison.keys
    rows = []
    for _, row in comparison.table.iterrows():
        integer = row["kind"] == INDICATOR
        cells = ["not assessed" if v != v else (f"{v:.0f}" if integer else f"{v:.2f}") for v in row[list(keys)]]
        name = row["name"] if len(row["name"]) <= 40 else row["name"][:39] + "…"
        trend = row["trend"] or ""
        if by == BY_CITY:
            trend = _CITY_TREND_WORDS.get(trend, trend)
        # the change between the figures printed, as the trend and the app and the report have it
        change = row["change"] if integer else shown_change(row[keys[0]], row[keys[-1]])
        rows.append((row["code"], name, *cells, _compare_change(change, integer), trend))
    _print_table(("CODE", "NAME", *(comparison.column_label(k) for k in keys), "CHANGE", "TREND"), rows)
    return 0


def cmd_report(args) -> int:
    from .reporting import write_report

    store = _open(args)
    path = write_report(store, store.resolve_assessment_id(args.id), args.out, lang=args.lang)
    print(path)
    return 0


def cmd_demo(args) -> int:
    from .services.demo import load_demo

    summary = load_demo(_open(args))
    print(summary)
    return 0


def no_display() -> bool:
    """On Linux without X11 or Wayland (a server, an SSH session) Qt would abort with a page of advice."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_open_app(args) -> int:
    if no_display():
        print(
            "error: there is no display to open the app on (DISPLAY is not set); the command line works "
            "without one (see --help)",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    try:
        from .ui.app import run
    except ImportError as exc:
        print(
            f"error: the desktop app cannot start ({exc}); the command line works without it (see --help)",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    return run(args.db)


# ---- parser ------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """Usage mistakes read like every other bad input: one `error: …` line and status 2."""

    def error(self, message: str):
        self.exit(EXIT_USER_ERROR, f"error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help=f"database file or URL (default: ${DATABASE_ENV}, else the user data folder)",
    )
    common.add_argument("--actor", default=argparse.SUPPRESS, help="who makes the change (default: your user name)")

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

    def lang(command: argparse.ArgumentParser) -> None:
        command.add_argument("--lang", choices=("en", "id"), default="en", help="language of texts (default: en)")

    fw = sub.add_parser("frameworks", help="validate, import and list framework definitions").add_subparsers(
        metavar="ACTION", required=True
    )
    add(fw, "validate", cmd_frameworks_validate, "check a framework file and list every problem").add_argument("file")
    add(fw, "import", cmd_frameworks_import, "store a framework file; prints its code").add_argument("file")
    fw_list = add(fw, "list", cmd_frameworks_list, "list stored frameworks")
    fw_list.add_argument("--json", action="store_true")
    lang(fw_list)

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
    lang(asm_list)
    add(asm, "finalize", cmd_assessments_finalize, "make an assessment read-only").add_argument("id")
    reopen = add(asm, "reopen", cmd_assessments_reopen, "make a final assessment editable again (audited)")
    reopen.add_argument("id")
    reopen.add_argument("--reason", help="why it is reopened (kept in the audit trail)")
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
    lang(exp)

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
    lang(frm_export)

    sc = add(sub, "score", cmd_score, "score an assessment: overall, pillars, largest gaps")
    sc.add_argument("id")
    sc.add_argument("--json", action="store_true", help="print the full result as JSON (numbers unrounded)")
    lang(sc)

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
    cmp.add_argument("--framework", help="framework code (needed only when a city has several)")
    cmp.add_argument("--include-drafts", action="store_true", help="include draft assessments (marked as drafts)")
    cmp_out = cmp.add_mutually_exclusive_group()
    cmp_out.add_argument("--json", action="store_true", help="print the comparison as JSON (null = not assessed)")
    cmp_out.add_argument("--out", metavar="FILE.csv|FILE.xlsx", help="write the comparison table to a file")
    lang(cmp)

    rep = add(sub, "report", cmd_report, "write the report of an assessment as PDF or Word (DOCX)")
    rep.add_argument("id")
    rep.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx")
    lang(rep)

    add(sub, "demo", cmd_demo, "load clearly labelled sample data (Bandung over 4 years, and Cimahi)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.actor = getattr(args, "actor", None)
    if args.selftest:
        from .ui.selftest import run as run_selftest

        return run_selftest()
    try:
        return args.handler(args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (SQLAlchemyDatabaseError, sqlite3.DatabaseError) as exc:
        # Damage that the check on opening could not see (or that happened since) reaches here.
        print(f"error: {describe_database_error(exc, database_location(args.db))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): not an error of ours; keep Python from printing one at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
