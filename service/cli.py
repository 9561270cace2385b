"""The ``figures`` command: ``figures serve`` runs the service, ``figures extract`` a batch job.

``figures extract`` prints one JSON object per claim (JSON lines): the claim's fields as the
core names them, preceded by ``document``, the file name as given (``-`` for standard input).
Offsets count code points of the file decoded as UTF-8.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

STDIN = "-"
DEFAULT_WORKERS = 2  # as the image's WEB_CONCURRENCY
DEFAULT_TIMEOUT = 120  # seconds, as the image's CMD: a long text takes a while to extract


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``figures`` command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader went away (`figures extract | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="figures", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP service (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port to bind (default: %(default)s)")
    serve.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", DEFAULT_WORKERS)),
        help="worker processes (default: $WEB_CONCURRENCY or %(default)s)",
    )
    serve.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_TIMEOUT,
        help="seconds a request may take before its worker is restarted (default: %(default)s)",
    )
    serve.set_defaults(run=_serve)

    extract = commands.add_parser("extract", help="print the claims of files as JSON lines")
    extract.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (default: -)")
    extract.add_argument("--pretty", action="store_true", help="indent each claim, for humans")
    extract.set_defaults(run=_extract)
    return parser


def _serve(args: argparse.Namespace) -> int:
    from .http.server import serve

    serve(host=args.host, port=args.port, workers=args.workers, timeout=args.timeout)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .core import extract

    status = 0
    indent = 2 if args.pretty else None
    for name, text in _documents(args.files or [STDIN]):
        if text is None:
            status = 1
            continue
        for claim in extract(text):
            print(json.dumps({"document": name, **asdict(claim)}, indent=indent))
    sys.stdout.flush()
    return status


def _documents(names: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Read each named file (``-``: standard input) as UTF-8, reporting the unreadable ones."""
    for name in names:
        try:
            data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
            yield name, data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"figures: {name}: {_reason(error)}", file=sys.stderr)
            yield name, None


def _reason(error: OSError | UnicodeDecodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 (byte {error.start})"
    return error.strerror or str(error)
