"""Terminal rendering with rich: pairs, variants with file:line:column, unpaired units, summary."""

from __future__ import annotations

import os
from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .chars import abbreviate
from .classify import KINDS
from .cluster import Clustering, Group, UnitInfo, opening
from .model import Boilerplate, Comparison, Location
from .segment import Document, Unit

_KIND_STYLE = {
    "substitution": "bold yellow", "insertion": "green", "deletion": "red",
    "transposition": "magenta", "punctuation": "cyan", "script": "blue", "width": "blue",
    "numeral": "blue", "whitespace": "dim", "omission": "bold red", "addition": "bold green",
    "move": "bold magenta", "furniture": "dim",
}


#: control characters a text may hold (escape sequences, a bell) as their visible
#: pictures (␛, ␇), so that no input can drive the terminal; tabs and line breaks stay
_PRINTABLE = {**{c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}, 0x7F: 0x2421,
            **{c: 0xFFFD for c in range(0x80, 0xA0)}}


def printable(text: str) -> str:
    """``text`` with its control characters shown, not obeyed.

    >>> printable("红\x1b[31m色\x07")
    '红␛[31m色␇'
    """
    return text.translate(_PRINTABLE)


def short_names(paths: list[str]) -> list[str]:
    """File names short enough for a terminal line and still distinct.

    >>> short_names(["seeds/000_edcc097075259a0a.txt", "seeds/003_90f7afa787323508.txt"])
    ['000…', '003…']
    >>> short_names(["a.txt", "b.txt"])
    ['a.txt', 'b.txt']
    >>> short_names(["s1/day.txt", "s2/day.txt"])
    ['s1/day.txt', 's2/day.txt']
    """
    paths = [printable(p) for p in paths]
    names = [os.path.basename(p) for p in paths]
    depth = 1
    while len(set(names)) < len(names) and depth < 8:  # same file name in two folders
        depth += 1
        names = ["/".join(p.replace(os.sep, "/").rstrip("/").split("/")[-depth:])
                 for p in paths]
    if all(len(n) <= 12 for n in names) and len(set(names)) == len(names):
        return names
    for width in range(3, max(len(n) for n in names) + 1):
        cut = [n[:width] for n in names]
        if len(set(cut)) == len(cut):
            return [n if len(n) <= width + 1 else n[:width] + "…" for n in names]
    return names


def _where(name: str, loc: Location) -> str:
    return f"{name}:{loc.start_line}:{loc.start_column}"


def _abbr(text: str, limit: int = 24) -> str:
    return printable(abbreviate(text, limit))


def _unit_head(name: str, unit: Unit | UnitInfo) -> str:
    span = f"{unit.start_line}" if unit.start_line == unit.end_line else \
        f"{unit.start_line}-{unit.end_line}"
    return f"{name}:{span}"


def _unit_line(name: str, unit: Unit | UnitInfo, words: str) -> Text:
    """A unit listed on its own: where, its kind, its label, its opening ``words``."""
    line = Text(f"   {_unit_head(name, unit)}  ")
    line.append(unit.kind, style=_KIND_STYLE.get(unit.kind, "bold"))
    if unit.label:
        line.append(f"  {printable(unit.label)}")
    line.append(f"  {words}", style="dim")
    return line


def render_comparison(result: Comparison, console: Console) -> None:
    """Print a comparison for a person to read."""
    a_doc, b_doc = result.documents
    names = short_names([a_doc.path, b_doc.path])
    console.print(Text(printable(f"{a_doc.path} ↔ {b_doc.path}"), style="bold"))
    # (moves listed with one pair whose B side stands in another: named there too)
    arrivals = result.arrivals()
    for n, pair in enumerate(result.pairs, 1):
        label = printable(pair.a.label or pair.b.label or pair.a.kind)
        head = Text(f"\n── {n}/{len(result.pairs)} {label}  ", style="bold")
        head.append(f"{_unit_head(names[0], pair.a)} ↔ {_unit_head(names[1], pair.b)}  "
                    f"similarity {pair.similarity:.2f}", style="dim")
        visible = result.visible(pair)
        moved = pair.move if pair.move in visible else None
        if moved is not None:  # (said in the heading: its readings are the whole units)
            head.append("  move", style=_KIND_STYLE["move"])
            head.append(f"  {printable(moved.context)}", style="dim")
        console.print(head)
        for other, count in sorted(Counter(a.pair + 1 for a in arrivals.get(n - 1, ())).items()):
            console.print(Text(f"   {count} sentence{'s' if count > 1 else ''} moved here, "
                               f"listed with pair {other}", style="dim"))
        if not visible and n - 1 not in arrivals:
            console.print(Text("   no differences", style="dim"))
        for v in visible:
            if v is moved:
                continue
            line = Text("   ")
            line.append(f"{_where(names[0], v.a)} ")
            line.append(_abbr(v.a_text) or "∅", style="red")
            line.append(" → ")
            line.append(f"{_where(names[1], v.b)} ")
            line.append(_abbr(v.b_text) or "∅", style="green")
            line.append(f"  {v.kind}", style=_KIND_STYLE.get(v.kind, ""))
            line.append(f"  {printable(v.context)}", style="dim")
            console.print(line)
    if result.unpaired:
        console.print(Text("\nOnly in one document:", style="bold"))
        for (doc, unit), at in zip(result.unpaired, result.unpaired_at, strict=True):
            line = _unit_line(names[doc], unit, _abbr(unit.text, 30))
            # (where the other copy lacks it)
            line.append(f"  {names[1 - doc]}:{at.start_line}:{at.start_column} ∅")
            console.print(line)
    if result.boilerplate:
        render_boilerplate(result.boilerplate, names, console)
    counts = result.kind_counts()
    shown = [f"{k} {counts[k]}" for k in KINDS if counts[k] and k not in result.hidden]
    hidden = [f"{k} {counts[k]}" for k in KINDS if counts[k] and k in result.hidden]
    total = sum(counts[k] for k in KINDS if k not in result.hidden)
    summary = Text("\nSummary: ", style="bold")
    summary.append(f"{counted(len(result.pairs), 'pair')}, {counted(total, 'variant')}")
    if shown:
        summary.append(f" ({', '.join(shown)})")
    summary.append(f", {counted(len(result.unpaired), 'unit')} only in one document")
    if hidden:
        summary.append(f"; hidden: {', '.join(hidden)}", style="dim")
    console.print(summary)


def render_boilerplate(groups: tuple[Boilerplate, ...], names: list[str],
                       console: Console) -> None:
    """Boilerplate groups: the text, how often, and where (file:line)."""
    console.print(Text("\nBoilerplate (repeated passages):", style="bold"))
    for group in groups:
        line = Text(f"   ×{len(group.occurrences)}  ")
        line.append(_abbr(group.text, 40))
        console.print(line)
        places = ", ".join(
            f"{names[o.doc]}:{o.start_line}" + (f"-{o.end_line}" if o.end_line != o.start_line
                                                else "")
            for o in group.occurrences)
        console.print(Text(f"        {places}", style="dim"))


def render_clustering(result: Clustering, console: Console) -> None:
    """The documents × groups table, then each group with its collated variants."""
    paths = [p for p, _ in result.documents]
    names = short_names(paths)
    if not result.groups:
        console.print(f"{counted(len(paths), 'document')}, {counted(result.units, 'unit')}: "
                      "no unit appears in two documents.")
    else:
        shown = sorted({d for g in result.groups for d in g.docs})
        table = Table(title="Which document carries which group", show_lines=False)
        wide = len(shown) > _MATRIX_MAX
        ids = max(len("group"), *(len(g.id) for g in result.groups))
        # (where the names do not fit beside the labels, the columns are numbered and
        # the numbers named under the table)
        numbered = not wide and _LABEL_MIN + _matrix_width(
            ids, [cell_len(names[d]) for d in shown]) > console.width
        heads = [str(d + 1) if numbered else names[d] for d in shown]
        table.add_column("group", no_wrap=True, min_width=ids)
        # (the labels take what the documents' columns leave)
        room = console.width - _matrix_width(ids, [cell_len(h) for h in heads])
        table.add_column("label", no_wrap=True, overflow="ellipsis",
                         max_width=None if wide else max(room, _LABEL_MIN))
        if wide:
            table.add_column("documents")
        else:
            for name in heads:
                table.add_column(Text(name), justify="center", no_wrap=True,
                                 min_width=cell_len(name))
        for g in result.groups:
            label = _group_label(g)
            if wide:
                table.add_row(g.id, Text(label), Text(", ".join(names[d] for d in g.docs)))
            else:
                table.add_row(g.id, Text(label), *("●" if d in g.docs else "" for d in shown))
        console.print(table)
        if numbered:
            console.print(Text("documents: " + ", ".join(f"{d + 1} {names[d]}" for d in shown),
                               style="dim"))
        if len(shown) < len(paths):
            alone = [names[d] for d in range(len(paths)) if d not in set(shown)]
            verb = "shares" if len(alone) == 1 else "share"
            console.print(Text(f"{counted(len(alone), 'document')} {verb} no group: "
                               + ", ".join(alone[:_LISTED])
                               + (f" and {len(alone) - _LISTED} more" if len(alone) > _LISTED
                                  else ""), style="dim"))
    for g in result.groups:
        head = Text(f"\n── {g.id} {_group_label(g)}  ", style="bold")
        head.append(", ".join(f"{names[m.doc]}:{m.start_line}-{m.end_line}" for m in g.members),
                    style="dim")
        console.print(head)
        if not g.places:
            console.print(Text("   no differences", style="dim"))
        scripts = 0
        for place in g.places:
            # (a copy set in traditional characters has a script place every few words:
            # the first few are shown, the others counted)
            scripts += place.kind == "script"
            if place.kind == "script" and scripts > _SCRIPT_SHOWN:
                continue
            line = Text(f"   {names[g.base.doc]}:{place.base.start_line}:"
                        f"{place.base.start_column}  ")
            where = dict(place.locations)
            for n, r in enumerate(place.readings):
                if n:
                    line.append("  |  ")
                style = "bold" if r.majority else ("red" if r.singular else "")
                if place.kind == "move" and not r.text:
                    # (the copies that set the passage elsewhere: where they do)
                    line.append("moved to " + ",".join(
                        f"{names[d]}:{where[d].start_line}:{where[d].start_column}"
                        if d in where else names[d] for d in r.docs), style=style)
                    continue
                line.append(_abbr(r.text, 16) or "∅", style=style)
                # (a document that writes the reading in another script: its own form
                # after its name, 层 1_simp〈层〉)
                line.append(" " + ",".join(names[d] + (f"〈{_abbr(own, 16)}〉"
                                                       if (own := r.own_form(d)) else "")
                                           for d in r.docs), style="dim")
            line.append(f"  {place.kind}", style=_KIND_STYLE.get(place.kind, ""))
            console.print(line)
        if scripts > _SCRIPT_SHOWN:
            console.print(Text(f"   … and {scripts - _SCRIPT_SHOWN} more script places "
                               "(--format json lists them all; --ignore script hides them)",
                               style="dim"))
    if result.ungrouped:
        console.print(Text("\nIn no group (no other document carries them):", style="bold"))
        for unit, text in result.ungrouped[:_LISTED]:
            console.print(_unit_line(names[unit.doc], unit, printable(opening(text))))
        if len(result.ungrouped) > _LISTED:
            console.print(Text(f"   … and {len(result.ungrouped) - _LISTED} more "
                               "(--format json lists them all)", style="dim"))
    if result.boilerplate:
        render_boilerplate(result.boilerplate, names, console)
    for s in result.skipped:
        console.print(Text(printable(f"Skipped: {s.reason}"), style="yellow"))
    places = sum(len(g.places) for g in result.groups)
    console.print(Text(f"\nSummary: {counted(len(paths), 'document')}, "
                       f"{counted(result.units, 'unit')}, "
                       f"{len(result.ungrouped)} in no group, {counted(len(result.groups), 'group')}, "
                       f"{counted(places, 'variant place')}, "
                       f"{counted(len(result.boilerplate), 'boilerplate passage')}, "
                       f"{counted(len(result.furniture), 'piece')} of page furniture "
                       "(compared with none), "
                       f"{len(result.skipped)} skipped"
                       + (f"; hidden: {', '.join(result.hidden)}" if result.hidden else ""),
                       style="bold"))


def counted(n: int, noun: str) -> str:
    """``n`` and the noun, in the plural but for one.

    >>> counted(1, "boilerplate passage"), counted(3, "group")
    ('1 boilerplate passage', '3 groups')
    """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


#: documents and units the terminal lists by name before it counts the rest
_LISTED = 50
#: the most documents the documents × groups table gives a column each
_MATRIX_MAX = 12
#: the narrowest the table's label column is made
_LABEL_MIN = 16


def _matrix_width(ids: int, widths: list[int]) -> int:
    """The width of the documents × groups table but for its labels' text, with group ids
    ``ids`` wide and a column a document ``widths`` wide (in cells): each column's
    borders and padding."""
    return ids + 4 + 4 + sum(max(w, 1) + 3 for w in widths)


#: script places of a group listed on the terminal (the others are counted)
_SCRIPT_SHOWN = 5


def _group_label(group: Group) -> str:
    """A group's name on the terminal: its base's label (a reporter: the label most
    copies read), else another member's, or their kind and the opening words of its base."""
    label = group.base.label or next((m.label for m in group.members if m.label), None)
    kind = group.members[0].kind
    return printable(label or (f"{kind}  {group.opening}" if group.opening else kind))


def render_segments(doc: Document, console: Console) -> None:
    """A table of the units of one document."""
    table = Table(title=Text(printable(doc.path)), show_lines=False)
    table.add_column("id")
    table.add_column("kind")
    table.add_column("label")
    table.add_column("lines", justify="right")
    table.add_column("text")
    for unit in doc.units:
        lines = str(unit.start_line) if unit.start_line == unit.end_line else \
            f"{unit.start_line}-{unit.end_line}"
        table.add_row(unit.id, unit.kind, Text(printable(unit.label or "")), lines,
                      Text(_abbr(unit.text, 30)))
    console.print(table)
    counts: dict[str, int] = {}
    for unit in doc.units:
        counts[unit.kind] = counts.get(unit.kind, 0) + 1
    console.print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
