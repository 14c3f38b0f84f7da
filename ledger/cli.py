"""The ``factledger`` command line: a thin layer over the engine.

Exit codes: 0 success; 1 some input could not be read (the rest was processed);
2 bad usage; 3 the ledger cannot be used (missing, locked, read-only, corrupt).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import click

from . import __version__
from .extract import extract_mentions
from .ingest import IngestReport, ingest
from .seeds import seeds_dir
from .sources import DEFAULT_MAX_BYTES, ArticleInput, DecodeError, InputProblem, decode_bytes
from .store import DB_ENV, DEFAULT_DB, Ledger, LedgerError

EXIT_INPUT_ERROR = 1
EXIT_LEDGER_ERROR = 3


def fail(message: str, code: int) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def open_ledger(ctx: click.Context, create: bool = True) -> Ledger:
    try:
        return Ledger(ctx.obj["db"], create=create)
    except LedgerError as exc:
        fail(str(exc), EXIT_LEDGER_ERROR)
        raise  # unreachable


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    default=DEFAULT_DB,
    show_default=True,
    help=f"Ledger file (or set {DB_ENV}).",
)
@click.version_option(__version__, prog_name="factledger")
@click.pass_context
def main(ctx: click.Context, db: Path) -> None:
    """fact-ledger: every numeric claim in Arabic news, in a SQLite ledger.

    Run without a command to open the ledger; a new ledger is first built from the
    bundled seed articles.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_cmd)


@main.command("open")
@click.pass_context
def open_cmd(ctx: click.Context) -> None:
    """Open the ledger (building it from the bundled seeds if it is new)."""
    db = ctx.obj["db"]
    ledger = open_ledger(ctx)
    with ledger:
        if ledger.count("articles") == 0:
            click.echo(f"New ledger {db}: ingesting the bundled seed articles", err=True)
            report = _run_ingest(ledger, [str(seeds_dir())], workers=1, quiet=False)
            _print_report(report)
        _print_stats(ledger, as_json=False)


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--seeds", is_flag=True, help="Also ingest the bundled seed articles.")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction.")  # fmt: skip
@click.option("--max-size", default=DEFAULT_MAX_BYTES // 1_000_000, show_default=True,
              type=click.IntRange(1), help="Largest file to read, in MB.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def ingest_cmd(
    ctx: click.Context, paths: tuple[str, ...], seeds: bool, workers: int, max_size: int,
    quiet: bool, as_json: bool,
) -> None:  # fmt: skip
    """Ingest articles from PATHS: .txt files, folders (recursive), JSON, JSON Lines
    and CSV collections, and .zip archives of these.

    Re-ingesting unchanged input changes nothing; changed articles are re-extracted.
    Problems are reported one per line on stderr and the rest is still ingested; the
    exit code is 1 when any input failed.
    """
    all_paths = [*paths, *([str(seeds_dir())] if seeds else [])]
    if not all_paths:
        raise click.UsageError("give at least one PATH (or --seeds)")
    with open_ledger(ctx) as ledger:
        report = _run_ingest(ledger, all_paths, workers, quiet, max_size * 1_000_000)
    if as_json:
        click.echo(json.dumps(_report_dict(report), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    if report.errors:
        sys.exit(EXIT_INPUT_ERROR)


def _run_ingest(
    ledger: Ledger, paths: list[str], workers: int, quiet: bool, max_bytes: int = DEFAULT_MAX_BYTES
) -> IngestReport:
    show = not quiet and sys.stderr.isatty()

    def report_problem(problem: InputProblem) -> None:
        click.echo(str(problem), err=True)

    try:
        if not show:

            def on_progress(report: IngestReport, item: ArticleInput | InputProblem) -> None:
                if isinstance(item, InputProblem):
                    report_problem(item)

            return ingest(ledger, paths, workers=workers, max_bytes=max_bytes,
                          on_progress=on_progress)  # fmt: skip
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=console, transient=True) as progress:  # fmt: skip
            task = progress.add_task("reading", total=None)

            def on_progress(report: IngestReport, item: ArticleInput | InputProblem) -> None:
                if isinstance(item, InputProblem):
                    progress.console.print(str(item), markup=False, highlight=False)
                    return
                progress.update(task, description=(
                    f"{report.articles_seen:,} articles, {report.mentions:,} mentions"
                ))  # fmt: skip

            return ingest(ledger, paths, workers=workers, max_bytes=max_bytes,
                          on_progress=on_progress)  # fmt: skip
    except LedgerError as exc:
        fail(str(exc), EXIT_LEDGER_ERROR)
        raise


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
    click.echo(
        f"{report.articles_seen} articles: {report.added} new, {report.changed} changed, "
        f"{report.reextracted} re-extracted, {report.unchanged} unchanged, "
        f"{report.duplicates} duplicate; {report.mentions} mentions written "
        f"({report.claims} claims); {len(report.errors)} errors"
    )


@main.command("extract")
@click.argument("file", type=click.File("rb"))
@click.option("--claims-only", is_flag=True, help="Only claims, not dates, ordinals, ...")
def extract_cmd(file, claims_only: bool) -> None:
    """Print the mentions of one text FILE (or - for stdin) as JSON Lines.

    The ledger is not touched. Each line has start, end, text, kind, is_claim,
    qualifier, value, low, high, unit, entity, event, sentence and label.
    """
    name = getattr(file, "name", "-")
    try:
        text, _ = decode_bytes(file.read())
    except DecodeError as exc:
        fail(f"{name}: {exc}", EXIT_INPUT_ERROR)
        return
    for mention in extract_mentions(text):
        if claims_only and not mention.is_claim:
            continue
        click.echo(json.dumps(mention.to_json(), ensure_ascii=False))


@main.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV file to write (default: standard output).")  # fmt: skip
@click.option("--excel", is_flag=True, help="Write UTF-8 with a BOM (utf-8-sig) for Excel.")
@click.pass_context
def export_cmd(ctx: click.Context, output: Path | None, excel: bool) -> None:
    """Export every claim mention as CSV (the column contract is in the README)."""
    from .export import write_csv

    encoding = "utf-8-sig" if excel else "utf-8"
    with open_ledger(ctx, create=False) as ledger:
        try:
            if output is None:
                stream = io.TextIOWrapper(
                    sys.stdout.buffer, encoding=encoding, newline=""
                )
                rows = write_csv(ledger, stream)
                stream.flush()
                stream.detach()
            else:
                tmp = output.with_name(output.name + ".part")
                with tmp.open("w", encoding=encoding, newline="") as fh:
                    rows = write_csv(ledger, fh)
                tmp.replace(output)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head): not an error
            sys.exit(0)
        except OSError as exc:
            fail(f"{output or 'stdout'}: {exc.strerror or exc}", EXIT_INPUT_ERROR)
            return
    if output is not None:
        click.echo(f"wrote {rows} rows to {output}", err=True)


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
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{ledger.path}: {stats['articles']} articles from {stats['sources']} sources, "
        f"{stats['mentions']} mentions, {stats['claims']} claims"
    )
    for section in ("by_kind", "by_qualifier", "top_entities", "top_events"):
        items = stats[section]
        if items:
            body = ", ".join(f"{k} {v}" for k, v in items.items())
            click.echo(f"  {section.replace('_', ' ')}: {body}")


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
            fail(str(exc), 2)
            return
    for row in rows:
        click.echo(
            f"{row['name']}\t{row['outlet'] or ''}\t{row['published'] or ''}\t{row['title'] or ''}"
        )


if __name__ == "__main__":
    main()
