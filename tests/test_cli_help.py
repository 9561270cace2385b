"""``figures --help`` and each command's help: plain text that names every command.

The help is what a terminal shows, so no reStructuredText markup (double backticks) and no
unexpanded argparse placeholders; the top-level help shows each command as it is typed.
"""

import pytest

from service.cli import main

# (the arguments before --help, what the help must say, what it must not)
ROWS = [
    ((), ("figures serve", "figures extract", "figures batch", "COMMAND --help"), ()),
    (("serve",), ("--workers", "--timeout", "docs/http.md"), ()),
    (("extract",), ("--explain", "--reference-date", "standard input"), ()),
    (("batch",), ("--output", "--resume", "docs/batch.md"), ()),
]
# Never in any help: markup that a terminal prints as it is, and argparse's own syntax.
NEVER = ("``", "%(", ":func:", ":class:")


@pytest.mark.parametrize(("command", "says", "never"), ROWS)
def test_help_is_plain_text(capsys, command, says, never):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    for text in says:
        assert text in shown, (command, text)
    for text in (*NEVER, *never):
        assert text not in shown, (command, text)
