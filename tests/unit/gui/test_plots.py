"""Plot functions draw exactly the data they are given; checked on a bare Figure, no Qt."""

from __future__ import annotations

import datetime as dt

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from wirausaha_desktop import i18n
from wirausaha_desktop.domain.charts import (
    BalancePoint,
    DayMark,
    MarkerGroup,
    MoveMarker,
    SpanFigures,
    recording_calendar,
)
from wirausaha_desktop.domain.standing import Period
from wirausaha_desktop.gui import charts

MONTHS = [SpanFigures.month(2024, 5, 500_000, 300_000, 100_000), SpanFigures.month(2024, 6, 400_000, 450_000, 50_000),
          SpanFigures.month(2024, 7, 600_000, 200_000, 500_000)]  # fmt: skip


def axes() -> Axes:
    return Figure(figsize=(6, 4), layout="constrained").add_subplot()


def bars(ax: Axes, gid: str) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == gid] or [
        p
        for c in ax.containers
        for p in c
        if c.get_gid() == gid  # type: ignore[attr-defined]
    ]


def texts(ax: Axes) -> list[str]:
    figure = ax.get_figure()
    suptitle = [figure.get_suptitle()] if figure is not None else []
    return [t.get_text() for t in ax.texts] + suptitle


def test_money_in_out_draws_paired_bars_and_profit_markers() -> None:
    ax = axes()
    charts.plot_money_in_out(ax, MONTHS)
    assert [b.get_height() for b in bars(ax, "sales")] == [500_000, 400_000, 600_000]
    assert [b.get_height() for b in bars(ax, "operating")] == [300_000, 450_000, 200_000]
    profit = next(line for line in ax.get_lines() if line.get_gid() == "profit")
    assert list(profit.get_ydata()) == [200_000, -50_000, 400_000]
    assert profit.get_marker() == "D"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Mei", "Jun", "Jul"]
    assert "Uang masuk vs uang keluar usaha" in texts(ax)
    assert ax.get_legend() is not None


def test_pay_vs_profit_stacks_pay_kept_and_red_overflow() -> None:
    ax = axes()
    charts.plot_pay_vs_profit(ax, MONTHS)
    assert [b.get_height() for b in bars(ax, "pay")] == [100_000, 0, 400_000]
    assert [b.get_height() for b in bars(ax, "kept")] == [100_000, 0, 0]
    over = bars(ax, "over")
    assert [b.get_height() for b in over] == [0, 50_000, 100_000]
    assert [b.get_y() for b in over] == [200_000, 0, 400_000]  # stacked on top of pay + kept
    assert over[0].get_hatch() == "xx"
    assert "lebih\n100 rb" in texts(ax)


def test_business_balance_draws_line_band_and_move_markers() -> None:
    days = [dt.date(2024, 7, d) for d in (1, 2, 3)]
    points = [
        BalancePoint(d, b, s)
        for d, b, s in zip(days, (100_000, 80_000, 120_000), (50_000, 50_000, 60_000), strict=True)
    ]
    markers = [MoveMarker(days[2], 40_000, 120_000, True), MoveMarker(days[1], 10_000, 80_000, False)]
    ax = axes()
    charts.plot_business_balance(ax, points, markers)
    lines = {line.get_gid(): line for line in ax.get_lines()}
    assert list(lines["balance"].get_ydata()) == [100_000, 80_000, 120_000]
    assert lines["from_personal"].get_marker() == "^"
    assert list(lines["from_personal"].get_ydata()) == [120_000]
    assert lines["to_personal"].get_marker() == "v"
    assert any(c.get_gid() == "safe_band" for c in ax.collections)
    legend = ax.get_legend()
    assert legend is not None
    words = [t.get_text() for t in legend.get_texts()]
    assert "Tambah modal" in words and "Ambil untuk pribadi" in words
    assert not any(symbol in word for word in words for symbol in "▲▼")  # the legend's own marker says it once
    marks = [h for h in legend.legend_handles if isinstance(h, Line2D) and h.get_marker() not in (None, "None", "")]
    assert len(marks) == 2 and all(h.get_markevery() == [1] for h in marks)  # one shape per entry, not "▲ ▲"


def test_summed_markers_say_so_in_the_legend() -> None:
    day = dt.date(2024, 7, 7)
    points = [BalancePoint(day, 100_000, 50_000)]
    ax = axes()
    charts.plot_business_balance(ax, points, [MoveMarker(day, 70_000, 100_000, True, 7)], MarkerGroup.WEEK)
    legend = ax.get_legend()
    assert legend is not None and "Tambah modal" in [t.get_text() for t in legend.get_texts()]
    assert ax.get_xlabel() == "Satu tanda = jumlah seminggu"


def test_a_rolling_calendar_names_both_months_and_the_first_of_each() -> None:
    today = dt.date(2026, 12, 1)
    span = Period(dt.date(2026, 11, 2), today)
    ax = axes()
    charts.plot_recording_calendar(ax, recording_calendar(span, today, frozenset({today}), frozenset()))
    assert "Hari mencatat, November–Desember 2026\n1 hari berturut-turut" in texts(ax)
    assert "1 Des" in texts(ax) and "2" in texts(ax)
    assert sum(1 for p in ax.patches if str(p.get_gid()).startswith("day-")) == 30


def test_thirty_day_bars_are_labelled_with_their_days() -> None:
    spans = [SpanFigures(dt.date(2026, 10, 3), dt.date(2026, 11, 1), 100, 50, 0, whole_month=False),
             SpanFigures(dt.date(2026, 11, 2), dt.date(2026, 12, 1), 100, 50, 80, whole_month=False)]  # fmt: skip
    ax = axes()
    charts.plot_pay_vs_profit(ax, spans)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["3 Okt–\n1 Nov", "2 Nov–\n1 Des"]
    assert "Ambil untuk pribadi vs untung usaha" in texts(ax)


def test_hidden_amounts_leave_no_rupiah_on_a_chart() -> None:
    figure = Figure(figsize=(6, 4), layout="constrained")
    ax = figure.add_subplot()
    charts.plot_pay_vs_profit(ax, MONTHS, hidden=True)
    figure.canvas.draw()  # tick labels are only made when drawn
    labels = [t.get_text() for t in ax.get_yticklabels()] + texts(ax)
    assert "lebih\n•••" in labels
    assert not any(ch.isdigit() for text in labels if "rb" in text or "jt" in text for ch in text)
    assert any(text == "•••" for text in labels)


def test_spending_by_category_is_largest_first_with_the_rest_grouped() -> None:
    categories = [(f"Kategori {i}", 1_000 * (20 - i)) for i in range(10)]
    ax = axes()
    charts.plot_spending_by_category(ax, categories, limit=3)
    widths = [b.get_width() for b in bars(ax, "categories")]
    assert widths == [sum(1_000 * (20 - i) for i in range(3, 10)), 18_000, 19_000, 20_000]  # drawn bottom-up
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "Kategori 0"


def test_recording_calendar_marks_each_day_with_shape_and_word() -> None:
    today = dt.date(2024, 7, 10)
    recorded = frozenset({dt.date(2024, 7, 8), dt.date(2024, 7, 9)})
    closed = frozenset({dt.date(2024, 7, 7)})
    ax = axes()
    charts.plot_recording_calendar(ax, recording_calendar(Period.month(2024, 7), today, recorded, closed))
    gids = [p.get_gid() for p in ax.patches]
    assert gids.count(f"day-{DayMark.RECORDED.value}") == 2
    assert gids.count(f"day-{DayMark.CLOSED.value}") == 1
    assert gids.count(f"day-{DayMark.MISSED.value}") == 7  # the 1st-6th and today
    assert gids.count(f"day-{DayMark.COMING.value}") == 21
    assert texts(ax).count("✓") == 2 and texts(ax).count("T") == 1
    assert "Hari mencatat, Juli 2024\n2 hari berturut-turut" in texts(ax)  # 9th, 8th; the 7th closed; 6th missed


def test_empty_data_says_so_instead_of_an_empty_frame() -> None:
    ax = axes()
    charts.plot_money_in_out(ax, [SpanFigures.month(2024, 7, 0, 0, 0)])
    assert "Belum ada catatan untuk gambar ini." in texts(ax)
    ax = axes()
    charts.plot_spending_by_category(ax, [])
    assert "Belum ada catatan untuk gambar ini." in texts(ax)


def test_labels_follow_the_language() -> None:
    i18n.set_language("en")
    ax = axes()
    charts.plot_money_in_out(ax, MONTHS)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["May", "Jun", "Jul"]
    assert "Business money in vs money out" in texts(ax)
