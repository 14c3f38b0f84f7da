"""A small chart: each source's interval on one axis, so disagreement shows at a glance."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ledger.intervals import counts_whole_things, interval_of, number_text

from ..bidi_display import cell

CHART_LINES = 10  # intervals drawn at most: the mentions' table stays in view below


def interval_chart(rows: list[dict], width: int = 60, mode: str = "visual") -> Text:
    """One line per interval the mentions allow (mentions that allow the same one share
    its line: "2740156 aawsat +12"), at most ``CHART_LINES``, on a shared axis whose ends
    are the lowest and highest values allowed."""
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
    groups: dict[tuple, list[dict]] = {}
    for r, iv in spans:
        groups.setdefault((iv.low, iv.high, iv.low_open, iv.high_open), []).append(r)
    lines = sorted(groups.items(), key=lambda g: (g[0][0], g[0][1]))
    low = min(key[0] for key, _ in lines)
    high = max(key[1] for key, _ in lines)
    lo, hi = low, high if high > low else low + 1
    pad = (hi - lo) * 0.05
    lo, hi = lo - pad, hi + pad
    axis = max(20, width - 24)

    def col(x: float) -> int:
        return min(axis - 1, max(0, round((x - lo) / (hi - lo) * (axis - 1))))

    out = Text()
    for (a_value, b_value, low_open, high_open), members in lines[:CHART_LINES]:
        first = members[0]
        more = f" +{len(members) - 1}" if len(members) > 1 else ""
        label = cell(f"{first['mention_id']} {first.get('outlet') or first['article']}", mode,
                     20 - len(more)).plain + more  # fmt: skip
        line = [" "] * axis
        a, b = col(a_value), col(b_value)
        for k in range(a, b + 1):
            line[k] = "━"
        line[a] = "(" if low_open else "["
        line[b] = ")" if high_open else "]"
        out.append(f"{label:<22}", Style(dim=True))
        out.append("".join(line), Style(color="cyan", bold=True))
        out.append("\n")
    if len(lines) > CHART_LINES:
        hidden = sum(len(m) for _, m in lines[CHART_LINES:])
        out.append(f"{'':<22}… {len(lines) - CHART_LINES} more intervals "
                   f"({hidden} mentions): in the table below\n", Style(dim=True))  # fmt: skip
    # the ends named as the mentions state them (19.5, not the interval's 19.45001)
    stated = [v for r, _ in spans for v in (r["value"], r["low"], r["high"]) if v is not None]
    left, right = number_text(min(stated)), number_text(max(stated))
    out.append(" " * 22 + left + " " * max(1, axis - len(left) - len(right)) + right,
               Style(dim=True))  # fmt: skip
    return out
