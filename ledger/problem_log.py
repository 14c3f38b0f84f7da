"""Input problems for a person: the first few of each kind as they happen, then one
line per kind that had more ("354 inputs: record's text is blank; skipped ...")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .inputs import InputProblem

SHOWN_PER_KIND = 5


class ProblemLog:
    """Print problems through ``show``, grouped by level and message.

    ``verbose`` prints every one; ``quiet`` prints errors only (warnings are counted).
    """

    def __init__(
        self, show: Callable[[str], None], *, verbose: bool = False, quiet: bool = False
    ) -> None:
        self.show = show
        self.verbose = verbose
        self.quiet = quiet
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, problem: InputProblem) -> None:
        """Count a problem, and print it unless its kind has been shown enough."""
        key = (problem.level, problem.message)
        self.counts[key] += 1
        if self.quiet and problem.level != "error":
            return
        if self.verbose or self.counts[key] <= SHOWN_PER_KIND:
            self.show(str(problem))

    def summary(self) -> list[str]:
        """One line for each kind of problem with more members than were shown."""
        lines = []
        for (level, message), n in self.counts.items():
            if self.quiet and level != "error":
                continue
            if n > SHOWN_PER_KIND and not self.verbose:
                lines.append(
                    f"{level}: {n:,} inputs: {message} (the first {SHOWN_PER_KIND} are "
                    f"above; --verbose lists all)"
                )
        if self.quiet:
            hidden = sum(n for (level, _), n in self.counts.items() if level != "error")
            if hidden:
                lines.append(f"{hidden:,} warning{'s' if hidden > 1 else ''} not shown (--quiet)")
        return lines
