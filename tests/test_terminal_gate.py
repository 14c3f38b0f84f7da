"""Article text never reaches a terminal as control sequences: every CLI output goes
through one gate, and the app's cells use the same one."""

import json

from click.testing import CliRunner

from ledger.cli import main
from ledger.terminal import Gated, json_text, printable
from tui.bidi_display import safe

HOSTILE = (
    "\x1b]0;pwned\x07 \x1b[2J \x9b2J \x9d52;c;aGk=\x9c \u202eقتل 30 شخصا\u202c في \x7f الهجوم."
)
DANGEROUS = ("\x1b", "\x07", "\x9b", "\x9d", "\x9c", "\u202e", "\x7f")


def run(path, *args):
    return CliRunner().invoke(main, ["--db", str(path), *args])


def test_gate_makes_every_control_visible():
    shown = printable(HOSTILE)
    assert not any(c in shown for c in DANGEROUS)
    assert "␛" in shown and "�" in shown and "قتل 30 شخصا" in shown
    assert not any(c in safe(HOSTILE) for c in DANGEROUS)


def test_json_stays_exact_but_escaped():
    text = json_text({"t": HOSTILE})
    assert not any(c in text for c in DANGEROUS)
    assert json.loads(text)["t"] == HOSTILE


def test_cli_outputs_are_gated(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b]0;x\x07.txt").write_text(HOSTILE + "\n", encoding="utf-8")
    db = tmp_path / "l.db"
    outputs = [run(db, "ingest", str(folder))]
    mention = json.loads(run(db, "search", "شخصا").output.split("\n")[0] and "1")
    outputs += [run(db, "search", "الهجوم"), run(db, "show", str(mention)),
                run(db, "show", str(mention), "--json"),
                run(db, "split", str(mention), "--note", "\x1b[31mred", "--author", "\x9bx"),
                run(db, "log"), run(db, "log", "--json"), run(db, "stories", "--min-articles", "1")]  # fmt: skip
    for result in outputs:
        assert not any(c in result.output for c in DANGEROUS), result.output
    shown = json.loads(outputs[3].output)  # JSON is exact once parsed
    assert "\u202e" in json.dumps(shown, ensure_ascii=False)


def test_a_csv_shown_on_a_terminal_is_gated(seeded_path):
    import io

    from ledger import Ledger
    from ledger.export import write_csv

    shown = io.StringIO()
    with Ledger(seeded_path) as ledger:
        ledger.db.execute("UPDATE mentions SET sentence = ? WHERE id = 1", [HOSTILE])
        ledger.db.conn.commit()
        write_csv(ledger, Gated(shown))
    assert "قتل 30 شخصا" in shown.getvalue()
    assert not any(c in shown.getvalue() for c in DANGEROUS)
