"""A small chart: each source's interval on one axis, so disagreement shows at a glance."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ledger.intervals import counts_whole_things, interval_of, number_text

from ..bidi_display import cell


def interval_chart(rows: list[dict], width: int = 60, mode: str = "visual") -> Text:
    """One line per mention: label, then its interval drawn on a shared axis."""
    spans = []
    for r in rows:
        headline = bool(r.get("headline"))  # said as a headline: it may be cut short
        whole = counts_whole_things(r.get("kind"), r.get("entity"))
        iv = interval_of(r["qualifier"], r["value"], r["low"], r["high"],
                         headline=headline, whole=whole)  # fmt: skip
        if iv is not None:
            spans.append((r, iv))
    if not spans:
        return Text("no intervals to draw")
    lo = min(iv.low for _, iv in spans)
    hi = max(iv.high for _, iv in spans)
    if hi == lo:
        hi = lo + 1
    pad = (hi - lo) * 0.05
    lo, hi = lo - pad, hi + pad
    axis = max(20, width - 24)

    def col(x: float) -> int:
        return min(axis - 1, max(0, round((x - lo) / (hi - lo) * (axis - 1))))

    out = Text()
    for r, iv in spans:
        label = cell(f"{r['mention_id']} {r.get('outlet') or r['article']}", mode, 20).plain
        line = [" "] * axis
        a, b = col(iv.low), col(iv.high)
        for k in range(a, b + 1):
            line[k] = "━"
        line[a] = "(" if iv.low_open else "["
        line[b] = ")" if iv.high_open else "]"
        out.append(f"{label:<22}", Style(dim=True))
        out.append("".join(line), Style(color="cyan", bold=True))
        out.append("\n")
    out.append(
        " " * 22
        + number_text(lo + pad)
        + " " * max(1, axis - 2 * len(number_text(hi)))
        + number_text(hi - pad),
        Style(dim=True),
    )
    return out
