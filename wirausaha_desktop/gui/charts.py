"""Plot functions: each takes a matplotlib ``Axes`` and plain data and draws it, nothing more.

No Qt here, so tests draw on a bare ``Figure`` (Agg). Colours are Okabe-Ito and every series also
has a hatch, marker or word, for colour-blind eyes and washed-out kiosk screens. No pies, no dual
axes. This module imports matplotlib, so only the standing page loads it, when first opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import i18n
from ..domain.charts import BalancePoint, DayMark, MarkerGroup, MoveMarker, RecordingCalendar, SpanFigures
from ..domain.money import format_compact
from ..i18n import _
from . import theme

FONT = 13
TITLE_FONT = 15
HIDDEN = "•••"
"""What a money label shows while amounts are hidden from onlookers (the shapes stay)."""
_MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONG_MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                   "Oktober", "November", "Desember")  # fmt: skip
_LONG_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")  # fmt: skip


def _month_name(month: int, long: bool = False) -> str:
    english = i18n.language() == "en"
    names = (_LONG_MONTHS_EN if english else _LONG_MONTHS_ID) if long else (_MONTHS_EN if english else _MONTHS_ID)
    return names[month - 1]


def _month_label(year: int, month: int) -> str:
    name = _month_name(month)
    return f"{name}\n{year}" if month == 1 else name


def _span_label(span: SpanFigures) -> str:
    """A calendar month (``Nov``), or a block of 30 days (``3 Okt–`` over ``1 Nov``)."""
    if span.whole_month:
        return _month_label(span.start.year, span.start.month)
    return f"{span.start.day} {_month_name(span.start.month)}–\n{span.end.day} {_month_name(span.end.month)}"


def _date_label(day: dt.date) -> str:
    return _month_label(day.year, day.month)


def _money(amount: int, hidden: bool) -> str:
    return HIDDEN if hidden and amount else format_compact(amount, english=i18n.language() == "en")


def _money_axis(ax: Axes, hidden: bool = False) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))  # round Rupiah: 500 rb, 1 jt
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: _money(int(value), hidden)))
    ax.tick_params(labelsize=FONT - 1)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _title(ax: Axes, title: str) -> None:
    """The chart's title above everything, left-aligned (the legend sits under it)."""
    figure = ax.get_figure()
    if figure is not None:
        figure.suptitle(title, x=0.02, ha="left", fontsize=TITLE_FONT, fontweight="bold")


def _legend_on_top(ax: Axes, columns: int) -> None:
    ax.legend(fontsize=FONT - 2, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=columns, frameon=False,
              borderaxespad=0, handlelength=1.6, columnspacing=1.2)  # fmt: skip


def _empty(ax: Axes, title: str) -> None:
    _title(ax, title)
    ax.text(0.5, 0.5, _("Belum ada catatan untuk gambar ini."), ha="center", va="center", fontsize=FONT,
            transform=ax.transAxes, color=theme.MUTED)  # fmt: skip
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_frame_on(False)


def plot_money_in_out(ax: Axes, months: Sequence[SpanFigures], hidden: bool = False) -> None:
    """a. Paired bars per month (or per 30 days): sales in, operating costs out; profit as a diamond."""
    title = _("Uang masuk vs uang keluar usaha")
    if not any(m.sales or m.operating for m in months):
        _empty(ax, title)
        return
    xs = list(range(len(months)))
    width = 0.38
    ax.bar([x - width / 2 for x in xs], [m.sales for m in months], width, color=theme.MONEY_IN,
           label=_("Penjualan"), gid="sales")  # fmt: skip
    ax.bar([x + width / 2 for x in xs], [m.operating for m in months], width, color=theme.MONEY_OUT, hatch="//",
           edgecolor="white", label=_("Biaya usaha"), gid="operating")  # fmt: skip
    ax.plot(xs, [m.profit for m in months], linestyle="none", marker="D", markersize=9, color=theme.INK,
            label=_("Untung"), gid="profit")  # fmt: skip
    ax.axhline(0, color="#888888", linewidth=1)
    _span_ticks(ax, xs, months)
    _title(ax, title)
    _money_axis(ax, hidden)
    _legend_on_top(ax, 3)
    ax.margins(y=0.12)


def _span_ticks(ax: Axes, xs: list[int], months: Sequence[SpanFigures]) -> None:
    ax.set_xticks(xs, [_span_label(m) for m in months])
    if months and not months[0].whole_month:
        ax.tick_params(axis="x", labelsize=FONT - 3)


def _marker_label(from_personal: bool, start_capital: bool) -> str:
    """The legend's word for a marker: the move's one name (GLOSSARY)."""
    if from_personal:
        return _("Tambah modal / Modal awal") if start_capital else _("Tambah modal")
    return _("Ambil untuk pribadi")


def _marker_note(group: MarkerGroup) -> str:
    """Under the chart when markers were summed: how many days one marker stands for."""
    if group is MarkerGroup.WEEK:
        return _("Satu tanda = jumlah seminggu")
    if group is MarkerGroup.MONTH:
        return _("Satu tanda = jumlah sebulan")
    return ""


def plot_business_balance(
    ax: Axes,
    points: Sequence[BalancePoint],
    markers: Sequence[MoveMarker],
    group: MarkerGroup = MarkerGroup.DAY,
    hidden: bool = False,
) -> None:
    """b. Business balance over time, the safe band (14 days of spending), moves between books.

    Each kind of marker is explained once, by its own shape in the legend (no "▲ ▲")."""
    title = _("Uang usaha dari hari ke hari")
    if not points:
        _empty(ax, title)
        return
    days = mdates.date2num([p.day for p in points])
    ax.fill_between(days, 0, [p.safe_level for p in points], color=theme.MOVE, alpha=0.22, linewidth=0,
                    label=_("Batas aman (14 hari belanja)"), gid="safe_band")  # fmt: skip
    ax.plot(days, [p.balance for p in points], color=theme.BUSINESS, linewidth=2.6, label=_("Uang usaha"),
            gid="balance")  # fmt: skip
    ups = [m for m in markers if m.from_personal]
    downs = [m for m in markers if not m.from_personal]
    if ups:
        label = _marker_label(True, any(m.start_capital for m in ups))
        ax.plot(mdates.date2num([m.day for m in ups]), [m.balance for m in ups], linestyle="none", marker="^",
                markersize=12, color=theme.PERSONAL, markeredgecolor=theme.INK, label=label,
                gid="from_personal")  # fmt: skip
    if downs:
        label = _marker_label(False, False)
        ax.plot(mdates.date2num([m.day for m in downs]), [m.balance for m in downs], linestyle="none", marker="v",
                markersize=11, color="#56B4E9", markeredgecolor=theme.INK, label=label,
                gid="to_personal")  # fmt: skip
    if len(points) <= 62:
        ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=(1, 8, 15, 22)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: _day_label(mdates.num2date(value).date())))
    else:
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: _date_label(mdates.num2date(value).date())))
    ax.axhline(0, color="#888888", linewidth=1)
    if markers and _marker_note(group):
        ax.set_xlabel(_marker_note(group), fontsize=FONT - 2, color=theme.MUTED, loc="right")
    _title(ax, title)
    _money_axis(ax, hidden)
    ax.tick_params(axis="x", labelsize=FONT - 2)
    ax.legend(fontsize=FONT - 2, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=2, frameon=False, borderaxespad=0,
              handlelength=1.6, columnspacing=1.2, numpoints=1)  # fmt: skip
    ax.margins(y=0.1)


def _day_label(day: dt.date) -> str:
    return f"{day.day} {_month_name(day.month)}"


def plot_pay_vs_profit(ax: Axes, months: Sequence[SpanFigures], hidden: bool = False) -> None:
    """c. Each month's (or 30 days') profit split into what she took for herself and what stayed;
    taken beyond the profit in red."""
    title = _("Ambil untuk pribadi vs untung usaha")
    if not any(m.sales or m.operating or m.owner_pay for m in months):
        _empty(ax, title)
        return
    xs = list(range(len(months)))
    within = [m.pay_within_profit for m in months]
    kept = [m.kept_in_business for m in months]
    over = [m.pay_over_profit for m in months]
    ax.bar(xs, within, 0.6, color=theme.PERSONAL, label=_("Ambil untuk pribadi"), gid="pay")
    ax.bar(xs, kept, 0.6, bottom=within, color=theme.BUSINESS, hatch="..", edgecolor="white",
           label=_("Tetap di usaha"), gid="kept")  # fmt: skip
    ax.bar(xs, over, 0.6, bottom=[w + k for w, k in zip(within, kept, strict=True)], color=theme.MONEY_OUT,
           hatch="xx", edgecolor="white", label=_("Diambil melebihi untung"), gid="over")  # fmt: skip
    for x, m in zip(xs, months, strict=True):
        if m.pay_over_profit and len(months) <= 6:
            top = m.pay_within_profit + m.kept_in_business + m.pay_over_profit
            ax.annotate(_("lebih\n{amount}", amount=_money(m.pay_over_profit, hidden)), (x, top),
                        textcoords="offset points", xytext=(0, 6), ha="center", fontsize=FONT - 3,
                        color="#a33a00", fontweight="bold")  # fmt: skip
    _span_ticks(ax, xs, months)
    _title(ax, title)
    _money_axis(ax, hidden)
    _legend_on_top(ax, 2)
    ax.margins(y=0.15)


def plot_spending_by_category(
    ax: Axes, categories: Sequence[tuple[str, int]], limit: int = 8, hidden: bool = False
) -> None:
    """d. Where business money went in the period, largest first, as horizontal bars."""
    title = _("Ke mana uang usaha pergi")
    if not categories:
        _empty(ax, title)
        return
    shown = list(categories[:limit])
    rest = sum(total for _name, total in categories[limit:])
    if rest:
        shown.append((_("Lainnya"), rest))
    names = [name.split(" / ")[0].split(" (")[0] for name, _total in shown][::-1]
    totals = [total for _name, total in shown][::-1]
    bars = ax.barh(names, totals, color=theme.MONEY_OUT, gid="categories")
    for bar, total in zip(bars, totals, strict=True):
        ax.annotate(_money(total, hidden), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    textcoords="offset points", xytext=(6, 0), va="center", fontsize=FONT - 1)  # fmt: skip
    _title(ax, title)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: _money(int(value), hidden)))
    ax.tick_params(labelsize=FONT - 1)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.margins(x=0.2)


_MARK_STYLE = {
    DayMark.RECORDED: (theme.MONEY_IN, "✓", "white"),
    DayMark.MISSED: ("#ffffff", "✕", "#a33a00"),
    DayMark.CLOSED: ("#bdbdbd", "T", "#1b1b1b"),
    DayMark.COMING: ("#f2f2f2", "", "#5c5c5c"),
}


def calendar_months(calendar: RecordingCalendar) -> str:
    """The month(s) the calendar shows: ``November 2026``, ``November–Desember 2026``,
    ``Desember 2026–Januari 2027``."""
    first, last = calendar.start, calendar.end
    if (first.year, first.month) == (last.year, last.month):
        return f"{_month_name(first.month, long=True)} {first.year}"
    if first.year == last.year:
        return f"{_month_name(first.month, long=True)}–{_month_name(last.month, long=True)} {last.year}"
    return f"{_month_name(first.month, long=True)} {first.year}–{_month_name(last.month, long=True)} {last.year}"


def plot_recording_calendar(ax: Axes, calendar: RecordingCalendar) -> None:
    """e. The period's days, week by week: recorded ✓, missed ✕, closed T; the first day of each
    month is named in its cell (a 2-digit day and a month name would not fit); the title names the
    month(s) and the streak within these days."""
    weekdays = [_("Sen"), _("Sel"), _("Rab"), _("Kam"), _("Jum"), _("Sab"), _("Min")]
    first = calendar.days[0][0]
    offset = first.weekday()
    rows = (offset + len(calendar.days) + 6) // 7
    for index, (day, mark) in enumerate(calendar.days):
        cell = offset + index
        column, row = cell % 7, cell // 7
        fill, symbol, ink = _MARK_STYLE[mark]
        ax.add_patch(Rectangle((column + 0.05, rows - row - 0.95), 0.9, 0.9, facecolor=fill,
                               edgecolor="#888888", linewidth=1.2, gid=f"day-{mark.value}"))  # fmt: skip
        number = f"1 {_month_name(day.month)}" if day.day == 1 else str(day.day)  # the title names the rest
        ax.text(column + 0.1, rows - row - 0.15, number, fontsize=FONT - 5 if len(number) > 2 else FONT - 3,
                va="top", ha="left", color=ink if mark is not DayMark.RECORDED else "white",
                gid="day-number")  # fmt: skip
        if symbol:
            ax.text(column + 0.55, rows - row - 0.62, symbol, fontsize=FONT + 2, ha="center", va="center",
                    color=ink, fontweight="bold")  # fmt: skip
    for column, name in enumerate(weekdays):
        # small enough that three letters stay inside a cell of the 1024×600 screen ("RabKam" ran together)
        ax.text(column + 0.5, rows + 0.15, name, ha="center", va="bottom", fontsize=FONT - 4, fontweight="bold")
    ax.set_xlim(0, 7)
    ax.set_ylim(0, rows + 0.7)
    ax.set_aspect("equal")
    ax.axis("off")
    _title(ax, _("Hari mencatat, {months}", months=calendar_months(calendar)) + "\n"
           + _("{streak} hari berturut-turut", streak=calendar.streak))  # fmt: skip
    legend = [
        Patch(facecolor=_MARK_STYLE[DayMark.RECORDED][0], edgecolor="#888888", label=_("✓ ada catatan")),
        Patch(facecolor=_MARK_STYLE[DayMark.MISSED][0], edgecolor="#888888", label=_("✕ tidak mencatat")),
        Patch(facecolor=_MARK_STYLE[DayMark.CLOSED][0], edgecolor="#888888", label=_("T usaha tutup")),
    ]
    ax.legend(handles=legend, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=3, fontsize=FONT - 2, frameon=False,
              borderaxespad=0, handlelength=1.4, columnspacing=1.0)  # fmt: skip
