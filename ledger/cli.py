"""The ``factledger`` command line: a thin layer over the engine.

Exit codes: 0 success; 1 some input could not be read (the rest was processed);
2 bad usage; 3 the ledger cannot be used (missing, locked, read-only, corrupt).
"""

from __future__ import annotations

import io
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .defaults import DB_ENV, DEFAULT_DB, DEFAULT_MAX_BYTES, TOLERANCES_ENV
from .errors import LedgerError
from .seeds import seeds_dir
from .terminal import Gated, json_text, plural, printable

if TYPE_CHECKING:  # each command imports what it needs when it runs
    from .ingest import IngestReport
    from .sources import ArticleInput, InputProblem
    from .store import Ledger

EXIT_INPUT_ERROR = 1
EXIT_LEDGER_ERROR = 3


def echo(message: object = "", err: bool = False) -> None:
    """Print one line through the terminal gate: article text, file names, notes and
    authors can never send control sequences to the terminal."""
    click.echo(printable(message), err=err)


def usage_or_ledger(exc: Exception) -> int:
    """Exit 2 when the request cannot be done as asked, 3 when the ledger cannot be used
    (locked by another process, read-only, corrupt)."""
    from .errors import RequestError

    return 2 if isinstance(exc, RequestError) else EXIT_LEDGER_ERROR


def fail(message: str, code: int) -> None:
    echo(f"error: {message}", err=True)
    sys.exit(code)


def open_ledger(ctx: click.Context, create: bool = True) -> Ledger:
    from .store import Ledger

    try:
        ledger = Ledger(ctx.obj["db"], create=create)
    except LedgerError as exc:
        fail(str(exc), EXIT_LEDGER_ERROR)
        raise  # unreachable
    ledger.on_wait = lambda message: echo(f"{ledger.path}: {message}", err=True)
    return ledger


class LedgerGroup(click.Group):
    """The command group: a lexicon or tolerances file that cannot be used is one line
    and exit 2, never a traceback, whichever command meets it first."""

    def invoke(self, ctx: click.Context):
        from .lexicon import LexiconError

        try:
            return super().invoke(ctx)
        except LexiconError as exc:
            fail(str(exc), 2)


@click.group(cls=LedgerGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})  # fmt: skip
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    default=DEFAULT_DB,
    show_default=True,
    help=f"Ledger file (or set {DB_ENV}).",
)
@click.option(
    "--tolerances",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    envvar=TOLERANCES_ENV,
    help=f"TOML file overriding the conflict tolerances (or set {TOLERANCES_ENV}).",
)
@click.version_option(__version__, prog_name="factledger")
@click.pass_context
def main(ctx: click.Context, db: Path, tolerances: Path | None) -> None:
    """fact-ledger: every numeric claim in Arabic news, in a SQLite ledger.

    Run without a command to open the ledger; a new ledger is first built from the
    bundled seed articles.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    import os

    folder = os.environ.get("FACTLEDGER_LEXICON")
    if folder and not Path(folder).is_dir():
        raise click.UsageError(f"FACTLEDGER_LEXICON={folder}: no such folder")
    if tolerances:
        from .intervals import default_tolerances, load_tolerances

        os.environ[TOLERANCES_ENV] = str(tolerances)
        try:
            load_tolerances(tolerances)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--tolerances") from None
        default_tolerances.cache_clear()
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_cmd)


@main.command("open")
@click.option("--bidi", type=click.Choice(["visual", "logical"]), help="How to show Arabic "
              "(visual: reordered here, for most terminals; logical: for terminals that "
              "reorder Arabic themselves). Remembered for next time.")  # fmt: skip
@click.option(
    "--no-tui", is_flag=True, help="Print the ledger's counts instead of opening the app."
)
@click.pass_context
def open_cmd(ctx: click.Context, bidi: str | None, no_tui: bool) -> None:
    """Open the ledger in the terminal app (building it from the bundled seeds, with
    progress, if it is new)."""
    db = ctx.obj["db"]
    if not no_tui and sys.stdout.isatty():
        from tui import settings
        from tui.app import run

        if bidi:
            settings.save_bidi_mode(bidi)
        code = run(db)
        if code:
            sys.exit(code)
        return
    ledger = open_ledger(ctx)
    with ledger:
        if ledger.count("articles") == 0:
            echo(f"New ledger {db}: ingesting the bundled seed articles", err=True)
            report = _run_ingest(ledger, [str(seeds_dir())], workers=1, quiet=False)
            _print_report(report)
            _print_link(_run_link(ledger))
        _print_stats(ledger, as_json=False)


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--seeds", is_flag=True, help="Also ingest the bundled seed articles.")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction.")  # fmt: skip
@click.option("--max-size", default=DEFAULT_MAX_BYTES // 1_000_000, show_default=True,
              type=click.IntRange(1), help="Largest file to read, in MB.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True,
              help="For scripts: no progress display, errors only (warnings are counted).")  # fmt: skip
@click.option("-v", "--verbose", is_flag=True,
              help="Every problem on its own line (by default the first 5 of each kind).")  # fmt: skip
@click.option("--no-link", is_flag=True, help="Do not re-link figures afterwards.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def ingest_cmd(
    ctx: click.Context, paths: tuple[str, ...], seeds: bool, workers: int, max_size: int,
    quiet: bool, verbose: bool, no_link: bool, as_json: bool,
) -> None:  # fmt: skip
    """Ingest articles from PATHS: folders (recursive), plain text, JSON, JSON Lines
    and CSV collections, TREC/CLEF <DOC> files, saved web pages, RSS/Atom feeds, and
    .zip archives of these. Formats are recognised by content, then by name.

    Re-ingesting unchanged input changes nothing; changed articles are re-extracted.
    Problems are reported one per line on stderr (the first 5 of each kind, then a
    count) and the rest is still ingested; the
    exit code is 1 when any input failed.
    """
    all_paths = [*paths, *([str(seeds_dir())] if seeds else [])]
    if not all_paths:
        raise click.UsageError("give at least one PATH (or --seeds)")
    with open_ledger(ctx) as ledger:
        report = _run_ingest(ledger, all_paths, workers, quiet, max_size * 1_000_000, verbose)
        only_added = report.added and not (report.changed or report.reextracted or report.removed)
        linked = (
            None
            if no_link or not _needs_link(ledger, report)
            else _run_link(ledger, quiet=quiet, added=report.added_ids if only_added else None)
        )
    if as_json:
        data = _report_dict(report)
        if linked is not None:
            data["link"] = asdict(linked)
        echo(json_text(data, indent=2))
    else:
        _print_report(report)
        if linked is not None:
            _print_link(linked)
    if report.errors:
        sys.exit(EXIT_INPUT_ERROR)


def _run_ingest(
    ledger: Ledger, paths: list[str], workers: int, quiet: bool,
    max_bytes: int = DEFAULT_MAX_BYTES, verbose: bool = False,
) -> IngestReport:  # fmt: skip
    """Ingest with a progress bar on a terminal (the total counted first, from file
    sizes) and problems grouped by kind; ``quiet`` shows errors only."""
    from .ingest import ingest
    from .problem_log import ProblemLog
    from .sources import InputProblem, count_input_bytes

    show = not quiet and sys.stderr.isatty()
    try:
        if not show:
            log = ProblemLog(lambda line: echo(line, err=True), verbose=verbose, quiet=quiet)

            def on_progress(report: IngestReport, item: ArticleInput | InputProblem) -> None:
                if isinstance(item, InputProblem):
                    log.add(item)

            report = ingest(ledger, paths, workers=workers, max_bytes=max_bytes,
                            on_progress=on_progress)  # fmt: skip
            for line in log.summary():
                echo(line, err=True)
            return report
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )  # fmt: skip

        console = Console(stderr=True, highlight=False)
        total = count_input_bytes(paths)
        columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), TaskProgressColumn(),
                   TextColumn("{task.fields[articles]:,} articles, {task.fields[rate]}/s"),
                   TextColumn("elapsed"), TimeElapsedColumn(), TextColumn("· left"),
                   TimeRemainingColumn())  # fmt: skip
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("ingest", total=total or None, articles=0, rate="0")
            log = ProblemLog(
                lambda line: progress.console.print(printable(line), markup=False, highlight=False),
                verbose=verbose,
            )

            def on_progress(report: IngestReport, item: ArticleInput | InputProblem) -> None:
                if isinstance(item, InputProblem):
                    log.add(item)
                elapsed = progress.tasks[0].elapsed or 0.0
                seen = report.articles_seen
                rate = f"{seen / elapsed:,.0f}" if elapsed > 0.5 else "…"
                progress.update(task, completed=item.done, articles=seen, rate=rate)

            report = ingest(ledger, paths, workers=workers, max_bytes=max_bytes,
                            on_progress=on_progress)  # fmt: skip
        for line in log.summary():
            console.print(printable(line), markup=False, highlight=False)
        return report
    except LedgerError as exc:
        fail(str(exc), EXIT_LEDGER_ERROR)
        raise


def _needs_link(ledger: Ledger, report: IngestReport) -> bool:
    """Link after an ingest only if it changed the ledger, or claims are still unlinked
    (an earlier ``--no-link``): re-ingesting unchanged input takes seconds."""
    if report.added or report.changed or report.reextracted or report.removed:
        return True
    return bool(
        ledger.db.execute(
            "SELECT 1 FROM mentions WHERE is_claim = 1 AND claim_id IS NULL LIMIT 1"
        ).fetchone()
    )


def _report_dict(report: IngestReport) -> dict:
    return {
        "added": report.added,
        "changed": report.changed,
        "unchanged": report.unchanged,
        "duplicates": report.duplicates,
        "reextracted": report.reextracted,
        "removed": report.removed,
        "mentions": report.mentions,
        "claims": report.claims,
        "errors": [str(p) for p in report.errors],
        "warnings": [str(p) for p in report.problems if p.level == "warning"],
    }


def _print_report(report: IngestReport) -> None:
    echo(
        f"{plural(report.articles_seen, 'article')}: {report.added} new, {report.changed} changed, "
        f"{report.reextracted} re-extracted, {report.unchanged} unchanged, "
        f"{report.duplicates} duplicate; {plural(report.mentions, 'mention')} written "
        f"({plural(report.claims, 'claim')}); {plural(len(report.errors), 'error')}"
    )


def _run_link(ledger: Ledger, rescore: bool = True, quiet: bool = False,
              added: list[str] | None = None):  # fmt: skip
    """Link, showing each stage and the time it has taken on a terminal; only what
    ``added`` articles touch when that is worth it (``incremental``)."""
    from .figures import FORKING_STAGE, LINK_STAGES, link
    from .incremental import link_new

    def run(on_stage=None):
        if added:
            return link_new(ledger, added, on_stage=on_stage)
        return link(ledger, rescore=rescore, on_stage=on_stage)

    try:
        if quiet or not sys.stderr.isatty():
            return run()
        import time

        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )  # fmt: skip

        console = Console(stderr=True, highlight=False)
        columns = (SpinnerColumn(), TextColumn("linking: {task.description}"), BarColumn(),
                   TextColumn("stage {task.completed}/{task.total}"), TimeElapsedColumn())  # fmt: skip
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("starting", total=len(LINK_STAGES))
            current: list = []  # the stage under way and when it began

            def finish_stage() -> None:
                if current:
                    name, began = current.pop()
                    progress.console.print(
                        f"  linking: {name} ({time.perf_counter() - began:.1f} s)"
                    )

            def on_stage(name: str) -> None:
                finish_stage()
                current.append((name, time.perf_counter()))
                done = LINK_STAGES.index(name) if name in LINK_STAGES else 0
                progress.update(task, description=name, completed=done)
                if name == FORKING_STAGE:
                    # no refresh thread while the stories' process forks (Rich's Live
                    # only signals its thread to stop: wait for it); the next stage
                    # starts the display again
                    refresher = getattr(progress.live, "_refresh_thread", None)
                    progress.stop()
                    if refresher is not None:
                        refresher.join(timeout=1)
                elif not progress.live.is_started:
                    progress.start()

            result = run(on_stage)
            finish_stage()
            return result
    except LedgerError as exc:
        fail(str(exc), EXIT_LEDGER_ERROR)
        raise


def _print_link(report) -> None:
    scope = (
        f"{plural(report.added_articles, 'new article')} into the figures they touch: "
        if report.added_articles
        else ""
    )
    echo(
        f"linked {scope}{plural(report.claims, 'claim')} in {plural(report.stories, 'story')}: "
        f"{report.pairs_compared} candidate pairs, {report.pairs_scored} kept, {report.links} links; {plural(report.figures, 'figure')} "
        f"({report.multi_mention_figures} with several mentions), {plural(report.conflicts, 'conflict')} "
        f"({report.resolved} resolved) in {report.seconds} s"
        + (
            f"; {report.stale_decisions} decisions whose mentions are gone"
            if report.stale_decisions
            else ""
        )
    )


@main.command("link")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.pass_context
def link_cmd(ctx: click.Context, as_json: bool, quiet: bool) -> None:
    """Re-run linking: group claim mentions into figures and flag conflicts.

    Applies every decision the analyst has made; thresholds are documented in the
    README, tolerances in ledger/tolerances.toml. On a terminal each stage is shown as
    it runs.
    """
    with open_ledger(ctx, create=False) as ledger:
        report = _run_link(ledger, quiet=quiet)
    if as_json:
        echo(json_text(asdict(report), indent=2))
    else:
        _print_link(report)


@main.command("conflicts")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--open", "open_only", is_flag=True, help="Leave out resolved conflicts.")
@click.option("--kind", type=click.Choice(["update", "disagreement"]),
              help="Only updates (a value that moved one way over time) or disagreements.")  # fmt: skip
@click.pass_context
def conflicts_cmd(ctx: click.Context, as_json: bool, open_only: bool, kind: str | None) -> None:
    """List figures whose sources disagree, most severe first, with the reason.

    Each is an update (reports that moved one way as time went on, shown as a timeline)
    or a disagreement (reports that cannot all hold at the same time); suspect ones
    (a zero, values ten times apart) come last.
    """
    from .figures import conflicts

    with open_ledger(ctx, create=False) as ledger:
        rows = conflicts(ledger, include_resolved=not open_only, kind=kind)
    if as_json:
        echo(json_text(rows, indent=2, allow_nan=False))
        return
    if not rows:
        echo("no conflicts")
        return
    for row in rows:
        status = "RESOLVED" if row["status"] == "resolved" else row["severity_label"].upper()
        kind = row.get("conflict_kind") or "disagreement"
        suspect = ", suspect" if row.get("suspect") else ""
        echo(
            f"figure {row['claim_id']}  [{status}, {kind}{suspect}]  {plural(row['mentions'], 'mention')} in "
            f"{plural(row['articles'], 'article')}  entity={row['entity'] or '-'}  event={row['event'] or '-'}"
        )
        echo(f"  {row['reason']}")
        if row["note"]:
            echo(f"  note: {row['note']}")


ROW_ID = click.IntRange(0, 2**63 - 1)  # ids are SQLite integers


@main.command("stories")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--min-articles", default=2, show_default=True, type=click.IntRange(1),
              help="Leave out stories told by fewer articles.")  # fmt: skip
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(1))
@click.pass_context
def stories_cmd(ctx: click.Context, as_json: bool, min_articles: int, limit: int) -> None:
    """List stories (articles about one incident or announcement), largest first.

    Stories are formed by ``link``: each shows its id, how many articles and outlets
    tell it, its days and its most telling words.
    """
    from .stories import listing

    with open_ledger(ctx, create=False) as ledger:
        rows = listing(ledger.db, min_articles=min_articles, limit=limit)
    if as_json:
        echo(json_text(rows, indent=2))
        return
    if not rows:
        echo("no stories (run `factledger link` first?)")
        return
    for row in rows:
        days = row["first_day"] or "-"
        if row["last_day"] and row["last_day"] != row["first_day"]:
            days += f" to {row['last_day']}"
        echo(
            f"story {row['id']}  {plural(row['articles'], 'article')} from "
            f"{plural(row['outlets'], 'outlet')}  {days}  {row['terms']}"
        )


@main.command("show")
@click.argument("claim_id", type=ROW_ID)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def show_cmd(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """Every mention of figure CLAIM_ID side by side: source, wording, value, sentence."""
    from .figures import figure
    from .intervals import wording

    with open_ledger(ctx, create=False) as ledger:
        try:
            fig = figure(ledger, claim_id)
        except LedgerError as exc:
            fail(str(exc), usage_or_ledger(exc))
            return
    if as_json:
        echo(json_text(fig, indent=2))
        return
    echo(
        f"figure {claim_id}: {plural(fig['mentions'], 'mention')} in {plural(fig['articles'], 'article')}, "
        f"entity={fig['entity'] or '-'} event={fig['event'] or '-'} status={fig['status']}"
    )
    if fig["reason"]:
        echo(f"conflict ({fig['severity_label']}): {fig['reason']}")
    if fig["note"]:
        echo(f"note: {fig['note']}")
    for m in fig["mention_rows"]:
        source = ", ".join(x for x in (m["article"], m["outlet"], m["published"]) if x)
        said = wording(m["qualifier"], m["value"], m["low"], m["high"], m["unit"])
        flag = " (corrected)" if m["corrected"] else ""
        echo(f"- mention {m['mention_id']}: {said}{flag}  «{m['text']}»  [{source}]")
        echo(f"    {m['sentence']}")
        if m["link_reason"]:
            echo(f"    linked {m['link_score']:.2f}: {m['link_reason']}")


def _decide(ctx: click.Context, action: str, *args, author: str | None = None, **kwargs) -> None:
    """Run one decision (a ``Database`` method) and print what it recorded."""
    from .database import Database

    with open_ledger(ctx, create=False) as ledger:
        try:
            did = getattr(Database.wrap(ledger, author), action)(*args, **kwargs)
        except LedgerError as exc:
            fail(str(exc), usage_or_ledger(exc))
            return
        row = ledger.db.execute("SELECT summary FROM decisions WHERE id = ?", [did]).fetchone()
    echo(f"decision {did}: {row[0]}")


NOTE = click.option("--note", help="Why (kept in the audit log).")
AUTHOR = click.option(
    "--author", envvar="FACTLEDGER_AUTHOR", help="Who decides (default: login name)."
)


@main.command("same")
@click.argument("mention_a", type=ROW_ID)
@click.argument("mention_b", type=ROW_ID)
@NOTE
@AUTHOR
@click.pass_context
def same_cmd(ctx, mention_a: int, mention_b: int, note, author) -> None:
    """Say two mentions report the same figure (kept through every re-link)."""
    _decide(ctx, "same", mention_a, mention_b, note=note, author=author)


@main.command("split")
@click.argument("mention_id", type=ROW_ID)
@NOTE
@AUTHOR
@click.pass_context
def split_cmd(ctx, mention_id: int, note, author) -> None:
    """Split a mention off the figure it was grouped with (it stays split)."""
    _decide(ctx, "split", mention_id, note=note, author=author)


@main.command("merge")
@click.argument("claim_a", type=ROW_ID)
@click.argument("claim_b", type=ROW_ID)
@NOTE
@AUTHOR
@click.pass_context
def merge_cmd(ctx, claim_a: int, claim_b: int, note, author) -> None:
    """Merge two figures (claim ids) into one."""
    _decide(ctx, "merge", claim_a, claim_b, note=note, author=author)


@main.command("resolve")
@click.argument("claim_id", type=ROW_ID)
@click.option("--note", required=True, help="How the conflict was settled.")
@AUTHOR
@click.pass_context
def resolve_cmd(ctx, claim_id: int, note: str, author) -> None:
    """Mark a figure's conflict as resolved, with a note saying how."""
    _decide(ctx, "resolve", claim_id, note, author=author)


@main.command("correct")
@click.argument("mention_id", type=ROW_ID)
@click.option("--value", help="The right value (digits in any script, or words).")
@click.option("--low", help="Lower bound of a range.")
@click.option("--high", help="Upper bound of a range.")
@click.option("--qualifier", type=click.Choice(
    ["exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"]))  # fmt: skip
@NOTE
@AUTHOR
@click.pass_context
def correct_cmd(ctx, mention_id: int, value, low, high, qualifier, note, author) -> None:
    """Correct the extracted value, bounds or qualifier of a mention."""
    from .decisions import number_or_none

    try:
        numbers = {
            k: number_or_none(v) for k, v in (("value", value), ("low", low), ("high", high))
        }
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    _decide(ctx, "correct", mention_id, **numbers, qualifier=qualifier, note=note, author=author)


@main.command("not-claim")
@click.argument("mention_id", type=ROW_ID)
@NOTE
@AUTHOR
@click.pass_context
def not_claim_cmd(ctx, mention_id: int, note, author) -> None:
    """Mark a mention as not a claim: it leaves linking and the export."""
    _decide(ctx, "not_claim", mention_id, note=note, author=author)


@main.command("undo")
@click.argument("decision_id", type=ROW_ID, required=False)
@AUTHOR
@click.pass_context
def undo_cmd(ctx, decision_id: int | None, author) -> None:
    """Undo a decision (the latest one by default); the audit log keeps both."""
    from .database import Database

    with open_ledger(ctx, create=False) as ledger:
        try:
            did = Database.wrap(ledger, author).undo(decision_id)
        except LedgerError as exc:
            fail(str(exc), usage_or_ledger(exc))
            return
    echo(f"undid decision {did}")


@main.command("log")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def log_cmd(ctx, as_json: bool) -> None:
    """The audit log: every decision with its author and time, newest first."""
    from .decisions import log

    with open_ledger(ctx, create=False) as ledger:
        entries = log(ledger)
    if as_json:
        echo(json_text([asdict(e) for e in entries], indent=2))
        return
    for e in entries:
        undone = f"  (undone {e.undone_at})" if e.undone_at else ""
        note = f"  note: {e.note}" if e.note else ""
        echo(f"{e.id}\t{e.created_at}\t{e.author}\t{e.action}\t{e.summary}{note}{undone}")


@main.command("extract")
@click.argument("file", type=click.File("rb"))
@click.option("--claims-only", is_flag=True, help="Only claims, not dates, ordinals, ...")
def extract_cmd(file, claims_only: bool) -> None:
    """Print the mentions of one text FILE (or - for stdin) as JSON Lines.

    The ledger is not touched. Each line has start, end, text, kind, is_claim,
    qualifier, value, low, high, unit, entity, event, sentence and label.
    """
    from .extract import extract_stream
    from .sources import DecodeError, decode_stream

    name = getattr(file, "name", "-")
    out = sys.stdout
    try:
        for mention in extract_stream(decode_stream(file)):
            if claims_only and not mention.is_claim:
                continue
            out.write(json_text(mention.to_json()) + "\n")
    except DecodeError as exc:
        fail(f"{name}: {exc}", EXIT_INPUT_ERROR)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error
        sys.exit(0)


@main.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV file to write (default: standard output).")  # fmt: skip
@click.option("--excel", is_flag=True, help="Write UTF-8 with a BOM (utf-8-sig) for Excel.")
@click.option("--conflicts-only", is_flag=True, help="Only mentions of conflicting figures.")
@click.pass_context
def export_cmd(ctx: click.Context, output: Path | None, excel: bool, conflicts_only: bool) -> None:
    """Export every claim mention as CSV (the column contract is in the README)."""
    from .export import write_csv

    encoding = "utf-8-sig" if excel else "utf-8"
    with open_ledger(ctx, create=False) as ledger:
        try:
            if output is None:
                stream = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="")
                # on a terminal the CSV is shown through the gate; piped, it is exact
                target = Gated(stream) if sys.stdout.isatty() else stream
                rows = write_csv(ledger, target, conflicts_only)
                stream.flush()
                stream.detach()
            else:
                from .database import Database

                rows = Database.wrap(ledger).export(output, conflicts_only=conflicts_only,
                                                    excel=excel)  # fmt: skip
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head): not an error
            sys.exit(0)
        except OSError as exc:
            fail(f"{output or 'stdout'}: {exc.strerror or exc}", EXIT_INPUT_ERROR)
            return
    if output is not None:
        echo(f"wrote {rows} rows to {output}", err=True)


@main.command("metadata")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")  # fmt: skip
@click.pass_context
def metadata_cmd(ctx: click.Context, output: Path | None) -> None:
    """Datasette metadata for this ledger: table and column descriptions, facets, and
    canned queries (open conflicts, the figures and articles of a story). Then:
    datasette LEDGER.db -m metadata.json (pip install 'fact-ledger[browse]')."""
    from .browse import datasette_metadata

    text = json_text(datasette_metadata(ctx.obj["db"]), indent=2)
    if output is None:
        click.echo(text)
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: {exc.strerror or exc}", EXIT_INPUT_ERROR)
    echo(f"wrote Datasette metadata for {Path(ctx.obj['db']).name} to {output}", err=True)


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def stats_cmd(ctx: click.Context, as_json: bool) -> None:
    """Counts of articles, mentions and claims, by kind, qualifier, entity, event."""
    with open_ledger(ctx, create=False) as ledger:
        _print_stats(ledger, as_json)


def _print_stats(ledger: Ledger, as_json: bool) -> None:
    from .stats import ledger_stats

    stats = ledger_stats(ledger)
    if as_json:
        echo(json_text(stats, indent=2))
        return
    echo(
        f"{ledger.path}: {plural(stats['articles'], 'article')} from {plural(stats['sources'], 'source')}, "
        f"{plural(stats['mentions'], 'mention')}, {plural(stats['claims'], 'claim')}"
    )
    for section in ("by_kind", "by_qualifier", "top_entities", "top_events"):
        items = stats[section]
        if items:
            body = ", ".join(f"{k} {v}" for k, v in items.items())
            echo(f"  {section.replace('_', ' ')}: {body}")


@main.command("search")
@click.argument("query")
@click.option("-n", "--limit", default=20, show_default=True, type=click.IntRange(1))
@click.pass_context
def search_cmd(ctx: click.Context, query: str, limit: int) -> None:
    """Full-text search of article titles and texts (Arabic is normalised first)."""
    with open_ledger(ctx, create=False) as ledger:
        try:
            rows = ledger.search(query, limit)
        except LedgerError as exc:
            fail(str(exc), usage_or_ledger(exc))
            return
    for row in rows:
        echo(
            f"{row['name']}\t{row['outlet'] or ''}\t{row['published'] or ''}\t{row['title'] or ''}"
        )
    if not rows:
        echo(f"no article matches {query!r}", err=True)  # stdout stays empty for scripts


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: Path | None):
    if value is not None:
        ctx.ensure_object(dict)["db"] = value  # the group's dict: every command reads it
    return value


# ``--db`` is accepted after the command too (``factledger ingest seeds --db l.db``), as
# people type it; there it wins over the one given before the command.
for _command in main.commands.values():
    if _command.name != "extract":
        _command.params.append(
            click.Option(
                ["--db"],
                type=click.Path(dir_okay=False, path_type=Path),
                expose_value=False,
                callback=_db_after_command,
                help="Ledger file (also accepted before the command).",
            )
        )


if __name__ == "__main__":
    main()
