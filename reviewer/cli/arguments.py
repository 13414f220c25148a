"""The argument parser of the command line, speaking the user's language.

argparse writes its own words (``usage:``, ``options``, ``error:``) in English; here they come
from the message catalogue like every other word, so ``--help`` follows ``--lang`` and
``REVIEWER_LANG``.  The language has to be known before the parser is built: ``language_from``
reads it from the arguments without parsing them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable

from reviewer.messages import LANGUAGE_CODES, ReviewerError, language, render

# argparse's own error phrases (Python 3.10–3.13) and their Chinese.
_ERROR_PHRASES_ZH = [
    (re.compile(r"^unrecognized arguments: "), "无法识别的参数:"),
    (re.compile(r"^the following arguments are required: "), "缺少必需的参数:"),
    (re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"), r"参数 \1:无效的值 \2(可选:\3)"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"参数 \1 后面需要一个值"),
    (re.compile(r"^argument (\S+): "), r"参数 \1:"),
]


def language_from(argv: list[str]) -> str | None:
    """The value of ``--lang`` anywhere in ``argv`` (the last one wins), if it is a known code."""
    found = None
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGUAGE_CODES:
            found = value
    return found


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        return super().add_usage(usage, actions, groups, render("cli_usage") if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` whose headings, ``-h`` and errors are in the user's language;
    its subcommands' parsers are of the same kind."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = render("cli_positionals")
        self._optionals.title = render("cli_options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=render("cli_help_help"))

    def error(self, message: str):
        if language() != "en":
            for pattern, chinese in _ERROR_PHRASES_ZH:
                if pattern.search(message):
                    message = pattern.sub(chinese, message, count=1)
                    break
        self.print_usage(sys.stderr)
        self.exit(2, render("cli_argparse_error", prog=self.prog, message=message) + os.linesep)


def guard(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Every failure becomes a message and exit code 1, never a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ReviewerError as exc:
            print(exc.message(), file=sys.stderr)
            return 1
        except (KeyboardInterrupt, BrokenPipeError):
            raise  # main() ends these: 130, or quietly for a closed pipe
        except Exception as exc:
            print(render("cli_error") + f"{type(exc).__name__}: {exc}", file=sys.stderr)
            return 1

    return run
