"""The Rapor's three charts, drawn for paper with matplotlib (Agg, no Qt) into PNG bytes.

The same values as the standing page (``domain.charts``) and the same shapes: Okabe-Ito colours
*and* hatches, diamonds and triangles, so that a black-and-white print still tells them apart;
large type, no pies, no dual axes. The layers keep ``report`` from importing ``gui``, so the
small drawing is repeated here rather than shared (``gui/charts.py`` draws for a screen).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..domain.charts import BalancePoint, MoveMarker, SpanFigures
from ..domain.money import format_compact
from ..i18n import _
from .words import short_month

BUSINESS = "#0072B2"
PERSONAL = "#CC79A7"
MONEY_IN = "#009E73"
MONEY_OUT = "#D55E00"
MOVE = "#E69F00"
INK = "#1b1b1b"
FONT = 12
WIDTH_IN, HEIGHT_IN, DPI = 7.0, 2.45, 200


def _figure() -> tuple[Figure, Axes]:
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()


def _money_axis(ax: Axes) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_compact(int(value))))
    ax.tick_params(labelsize=FONT - 1)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _legend(ax: Axes, columns: int, order: Sequence[str] = ()) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if order:  # bars first, as they stand, then the markers
        pairs = sorted(zip(handles, labels, strict=True), key=lambda p: order.index(p[1]) if p[1] in order else 99)
        handles, labels = [h for h, _l in pairs], [label for _h, label in pairs]
    ax.legend(handles, labels, fontsize=FONT - 1, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=columns,
              frameon=False, borderaxespad=0.2, handlelength=1.6, columnspacing=1.2, numpoints=1)  # fmt: skip


def _month_ticks(ax: Axes, months: Sequence[SpanFigures]) -> None:
    labels = []
    for index, m in enumerate(months):
        name = short_month(m.start.year, m.start.month)
        labels.append(f"{name}\n{m.start.year}" if index == 0 or m.start.month == 1 else name)
    ax.set_xticks(range(len(months)), labels)


def _empty(ax: Axes) -> None:
    ax.text(0.5, 0.5, _("Belum ada catatan untuk gambar ini."), ha="center", va="center", fontsize=FONT,
            transform=ax.transAxes, color="#5c5c5c")  # fmt: skip
    ax.set_axis_off()


def money_in_out(months: Sequence[SpanFigures]) -> bytes:
    """Sales and operating costs per month as paired bars, profit as a diamond."""
    figure, ax = _figure()
    if not any(m.sales or m.operating for m in months):
        _empty(ax)
        return _png(figure)
    xs = list(range(len(months)))
    width = 0.38
    ax.bar([x - width / 2 for x in xs], [m.sales for m in months], width, color=MONEY_IN, label=_("Penjualan"))
    ax.bar([x + width / 2 for x in xs], [m.operating for m in months], width, color=MONEY_OUT, hatch="//",
           edgecolor="white", label=_("Biaya usaha"))  # fmt: skip
    ax.plot(xs, [m.profit for m in months], linestyle="none", marker="D", markersize=8, color=INK, label=_("Untung"))
    ax.axhline(0, color="#888888", linewidth=1)
    _month_ticks(ax, months)
    _money_axis(ax)
    _legend(ax, 3, (_("Penjualan"), _("Biaya usaha"), _("Untung")))
    ax.margins(y=0.12)
    return _png(figure)


def pay_vs_profit(months: Sequence[SpanFigures]) -> bytes:
    """Each month's profit split into Ambil untuk pribadi and what stayed; taken beyond it in red."""
    figure, ax = _figure()
    if not any(m.sales or m.operating or m.owner_pay for m in months):
        _empty(ax)
        return _png(figure)
    xs = list(range(len(months)))
    within = [m.pay_within_profit for m in months]
    kept = [m.kept_in_business for m in months]
    over = [m.pay_over_profit for m in months]
    ax.bar(xs, within, 0.6, color=PERSONAL, label=_("Ambil untuk pribadi"))
    ax.bar(xs, kept, 0.6, bottom=within, color=BUSINESS, hatch="..", edgecolor="white", label=_("Tetap di usaha"))
    ax.bar(xs, over, 0.6, bottom=[w + k for w, k in zip(within, kept, strict=True)], color=MONEY_OUT, hatch="xx",
           edgecolor="white", label=_("Diambil melebihi untung"))  # fmt: skip
    _month_ticks(ax, months)
    _money_axis(ax)
    _legend(ax, 3)
    ax.margins(y=0.12)
    return _png(figure)


def business_balance(points: Sequence[BalancePoint], markers: Sequence[MoveMarker]) -> bytes:
    """The business balance day by day through the month, the safe band, and the moves."""
    figure, ax = _figure()
    if not points:
        _empty(ax)
        return _png(figure)
    days = mdates.date2num([p.day for p in points])
    ax.fill_between(days, 0, [p.safe_level for p in points], color=MOVE, alpha=0.25, linewidth=0,
                    label=_("Batas aman (14 hari belanja)"))  # fmt: skip
    ax.plot(days, [p.balance for p in points], color=BUSINESS, linewidth=2.4, label=_("Uang usaha"))
    ups = [m for m in markers if m.from_personal]
    downs = [m for m in markers if not m.from_personal]
    if ups:
        label = _("Tambah modal / Modal awal") if any(m.start_capital for m in ups) else _("Tambah modal")
        ax.plot(mdates.date2num([m.day for m in ups]), [m.balance for m in ups], linestyle="none", marker="^",
                markersize=10, color=PERSONAL, markeredgecolor=INK, label=label)  # fmt: skip
    if downs:
        ax.plot(mdates.date2num([m.day for m in downs]), [m.balance for m in downs], linestyle="none", marker="v",
                markersize=9, color="#56B4E9", markeredgecolor=INK, label=_("Ambil untuk pribadi"))  # fmt: skip
    ax.set_xlim(days[0], max(days[-1], days[0] + 1))  # made on the 1st: one day wide, not a singular axis
    ax.xaxis.set_major_locator(mdates.DayLocator(bymonthday=(1, 8, 15, 22, 29)))
    ax.xaxis.set_major_formatter(
        FuncFormatter(
            lambda value, _pos: f"{mdates.num2date(value).day} {short_month(2000, mdates.num2date(value).month)}"
        )
    )
    ax.axhline(0, color="#888888", linewidth=1)
    _money_axis(ax)
    _legend(ax, 4)
    ax.margins(x=0, y=0.1)
    return _png(figure)
