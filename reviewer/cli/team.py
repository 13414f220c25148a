"""``python -m reviewer team …``: set up and use a team library on PostgreSQL.

    team init --db URL [--reviewer NAME …] [--supervisor NAME …]   schema, roles, grants (prints them)
    team add-user NAME --db URL [--supervisor]                      one more login role
    team login --db URL                                             keep your password (keyring/pgpass)
    team status --db URL                                            who you are there, what you may do
    team push LOCAL.db --db URL                                     a workstation library into the team's
    team pull LOCAL.db --db URL                                     an offline copy of the team's library

Passwords are typed at a prompt (or read one per line from standard input when it is not a
terminal), never given on the command line, and kept only by the OS keyring or a pgpass file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from reviewer.cli.arguments import guard
from reviewer.library.pgsql import is_team_url, redact
from reviewer.messages import ReviewerError, language, render


def _t(zh: str, en: str) -> str:
    return en if language() == "en" else zh


def _url(args: argparse.Namespace) -> str:
    if not is_team_url(args.db or ""):
        raise ReviewerError("team_needs_url")
    return args.db


def _password(prompt: str) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass(_t("再输入一次:", "Again: ")) != first:
        raise ReviewerError("bad_value", field="password", value="(the two entries differ)")
    return first


def register(sub: argparse._SubParsersAction) -> None:
    team = sub.add_parser("team", help=render("cli_team_help"),
                          description=render("cli_team_help"))
    tsub = team.add_subparsers(dest="team_command", metavar="ACTION")

    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", metavar="URL", required=True, help=render("cli_team_help_db"))

    p = tsub.add_parser("init", help=render("cli_team_help_init"))
    db(p)
    p.add_argument("--reviewer", metavar="NAME", action="append", default=[], help=render("cli_team_help_reviewer"))
    p.add_argument("--supervisor", metavar="NAME", action="append", default=[], help=render("cli_team_help_supervisor"))
    p.add_argument("--reviewers-group", default="report_reviewers")
    p.add_argument("--supervisors-group", default="report_supervisors")
    p.set_defaults(handler=guard(run_init))

    p = tsub.add_parser("add-user", help=render("cli_team_help_add_user"))
    p.add_argument("name")
    db(p)
    p.add_argument("--supervisor", action="store_true")
    p.add_argument("--reviewers-group", default="report_reviewers")
    p.add_argument("--supervisors-group", default="report_supervisors")
    p.set_defaults(handler=guard(run_add_user))

    p = tsub.add_parser("login", help=render("cli_team_help_login"))
    db(p)
    p.set_defaults(handler=guard(run_login))

    p = tsub.add_parser("status", help=render("cli_team_help_status"))
    db(p)
    p.set_defaults(handler=guard(run_status))

    p = tsub.add_parser("push", help=render("cli_team_help_push"))
    p.add_argument("local", type=Path, metavar="LOCAL.db")
    db(p)
    p.set_defaults(handler=guard(run_push))

    p = tsub.add_parser("pull", help=render("cli_team_help_pull"))
    p.add_argument("local", type=Path, metavar="LOCAL.db")
    db(p)
    p.set_defaults(handler=guard(run_pull))
    team.set_defaults(handler=lambda args: team.print_help(sys.stderr) or 2)


def run_init(args: argparse.Namespace) -> int:
    from reviewer.library.team_admin import init_team

    url = _url(args)
    reviewers = {n: _password(_t(f"{n} 的密码:", f"Password for {n}: ")) for n in args.reviewer}
    supervisors = {n: _password(_t(f"{n} 的密码:", f"Password for {n}: ")) for n in args.supervisor}
    print(_t("团队审阅库 ", "Team library ") + redact(url))
    for line in init_team(url, args.reviewers_group, args.supervisors_group, reviewers, supervisors):
        print("  " + line)
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    from reviewer.library.team_admin import add_user

    url = _url(args)
    password = _password(_t(f"{args.name} 的密码:", f"Password for {args.name}: "))
    for line in add_user(url, args.name, password, args.supervisor, args.reviewers_group, args.supervisors_group):
        print(line)
    return 0


def run_login(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from reviewer.library.credentials import remember
    from reviewer.library.pgsql import PgConnection

    url = _url(args)
    if urlsplit(url).password is not None:
        raise ReviewerError("bad_value", field="--db", value=_t("(网址里不要写密码)", "(leave the password out of the URL)"))
    password = _password(_t("密码:", "Password: "))
    parts = urlsplit(url)
    with_password = url.replace(f"{parts.username}@", f"{parts.username}:{_quote(password)}@", 1)
    PgConnection(with_password).close()  # a wrong password is refused here, before anything is kept
    where = remember(url, password)
    print(_t("已登录,密码保存在:", "Logged in; the password is kept in: ") + where)
    return 0


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def run_status(args: argparse.Namespace) -> int:
    from reviewer.library.store import Library

    with Library(_url(args)) as lib:
        docs = lib.list_documents()
        print(f"{redact(args.db)}")
        print(_t("用户:", "user: ") + lib.reviewer)
        print(_t("权限:", "may: ") + (_t("只读", "read only") if lib.read_only else _t("审阅和修改", "review and edit")))
        print(_t("格式版本:", "schema version: ") + str(lib.schema_version))
        print(_t("报告数:", "reports: ") + str(len(docs)))
    return 0


def run_push(args: argparse.Namespace) -> int:
    from reviewer.library.store import Library
    from reviewer.library.team_sync import push

    with Library(_url(args)) as team:
        report = push(team, args.local)
    print(report.format())
    return 0


def run_pull(args: argparse.Namespace) -> int:
    from reviewer.library.store import Library
    from reviewer.library.team_sync import pull

    with Library(_url(args)) as team, Library(args.local) as local:
        report = pull(team, local)
    print(report.format())
    return 0
