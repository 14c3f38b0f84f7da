"""What reading yields: an article as read, or a problem with one input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ArticleInput:
    """One article as read: its text exactly as decoded, and what is known about it."""

    source: str  # stable key of where it came from (path, or path#record)
    name: str  # the CSV ``article`` column: file name, or collection name#record
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    done: int = 0  # input bytes read up to and including this article (for progress)


@dataclass(slots=True)
class InputProblem:
    """Something wrong with one input; ``level`` is ``error`` or ``warning``."""

    path: str
    message: str
    level: str = "error"
    done: int = 0  # input bytes read so far (for progress)

    def __str__(self) -> str:
        return f"{self.level}: {self.path}: {self.message}"


def first_line(text: str, limit: int = 200) -> str | None:
    """The first non-blank line, used as the title of an article that has none."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return None
