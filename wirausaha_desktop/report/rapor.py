"""*Rapor Usaha*: one month of her book on two A4 pages, in plain Indonesian and large type.

Page 1 is hers: the five lights with their sentences, the message and goals from her mentor, and
the month's figures of both books. Page 2 holds the three charts. The words are the standing
page's (``wording``, ``goal_words``); the owner's pay is *Ambil untuk pribadi* everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from .. import goal_words
from ..domain.goals import GoalProgress
from ..domain.standing import Indicator, Status, Summary
from ..i18n import _
from ..services.report import RaporData
from ..wording import STATUS_ICONS, aid_disclaimer, indicator_detail, indicator_label, status_word
from . import pdf
from .words import esc, long_date, maker_words, month_name, month_so_far, rupiah

STATUS_FILL = {Status.GREEN: "#009E73", Status.YELLOW: "#E69F00", Status.RED: "#D55E00", Status.GREY: "#8a8a8a"}
STATUS_INK = {Status.GREEN: "#ffffff", Status.YELLOW: "#1b1b1b", Status.RED: "#ffffff", Status.GREY: "#ffffff"}
CHART_WIDTH = 670


def light_detail(indicator: Indicator, summary: Summary) -> str:
    """The standing page's sentence; a grey *Rajin mencatat* names the month instead of "bulan ini"
    (a report may be of any month)."""
    if indicator.key == "recording" and indicator.status is Status.GREY:
        return _(
            "Belum cukup catatan: baru {open} hari buka pada {month}, perlu 7.",
            open=summary.days.open,
            month=month_name(summary.period),
        )
    return indicator_detail(indicator, summary)


def _lights(data: RaporData) -> str:
    rows = []
    for indicator in data.summary.indicators:
        status = indicator.status
        rows.append(
            "<tr>"
            f'<td width="64" align="center" valign="middle" bgcolor="{STATUS_FILL[status]}" '
            f'style="color:{STATUS_INK[status]}; font-size:22pt; font-weight:bold">{STATUS_ICONS[status]}</td>'
            f'<td valign="middle"><b>{esc(indicator_label(indicator.key))}</b> '
            f'<span style="color:#444444">({esc(status_word(status))})</span><br/>'
            f"{esc(light_detail(indicator, data.summary))}</td>"
            "</tr>"
        )
    return '<table width="100%" cellspacing="0" cellpadding="5" border="0">' + "".join(rows) + "</table>"


def _figure_rows(lines: list[tuple[str, int, bool]]) -> str:
    """(label, amount, bold) rows; money right-aligned."""
    cells = []
    for label, amount, bold in lines:
        weight = "font-weight:bold; " if bold else ""
        cells.append(
            f'<tr><td style="{weight}">{esc(label)}</td>'
            f'<td align="right" style="{weight}">{esc(rupiah(amount))}</td></tr>'
        )
    return "".join(cells)


def _books(summary: Summary) -> str:
    b, p = summary.business, summary.personal
    business: list[tuple[str, int, bool]] = [(_("Awal bulan"), b.opening, False)]
    business += [(_("Penjualan"), b.sales, False), (_("Biaya usaha"), b.operating, False)]
    business.append((_("Untung") if b.profit >= 0 else _("Rugi"), abs(b.profit), True))
    optional = [
        (_("Pemasukan lain usaha"), b.other_in),
        (_("Bantuan modal usaha"), b.grants),
        (_("Pinjaman diterima"), b.loans_in),
        (_("Modal awal"), b.start_capital),
        (_("Tambah modal"), b.top_ups),
        (_("Beli alat"), b.equipment),
        (_("Cicilan pinjaman (pokok)"), b.loan_repayments),
    ]
    business.append((_("Ambil untuk pribadi"), b.owner_pay, False))
    business += [(label, amount, False) for label, amount in optional if amount or label == _("Tambah modal")]
    business.append((_("Akhir bulan"), b.closing, True))
    personal: list[tuple[str, int, bool]] = [(_("Awal bulan"), p.opening, False)]
    personal += [
        (label, amount, False)
        for label, amount in (
            (_("Pemasukan keluarga"), p.income),
            (_("Bantuan (PKH, sembako, sekolah)"), p.aid),
            (_("Ambil untuk pribadi"), p.from_business),
            (_("Belanja rumah tangga"), p.spending),
            (_("Tabungan"), p.saving),
            (_("Tambah modal / Modal awal"), p.to_business),
        )
        if amount
    ]
    personal.append((_("Akhir bulan"), p.closing, True))
    head = 'style="font-size:15pt; font-weight:bold; color:{colour}; margin-top:0; margin-bottom:2px"'
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="50%" valign="top"><p {head.format(colour="#0072B2")}>{esc(_("Buku Usaha"))}</p>'
        f'<table width="96%" cellpadding="2" cellspacing="0">{_figure_rows(business)}</table></td>'
        f'<td width="50%" valign="top"><p {head.format(colour="#a0457a")}>{esc(_("Buku Pribadi"))}</p>'
        f'<table width="100%" cellpadding="2" cellspacing="0">{_figure_rows(personal)}</table></td>'
        "</tr></table>"
    )


def _days(summary: Summary) -> str:
    d = summary.days
    text = _("Ibu mencatat pada {recorded} dari {open} hari buka.", recorded=d.recorded, open=d.open)
    if d.closed:
        text += " " + _("{closed} hari ditandai usaha tutup.", closed=d.closed)
    return f'<p style="margin-top:0">{esc(text)}</p>'


def _goal_state(progress: GoalProgress) -> str:
    """``Belum: 12 dari 25 hari``, or only the status word when nothing is counted."""
    status, counted = goal_words.goal_status_word(progress.status), goal_words.goal_progress_text(progress)
    return status if counted == status else f"{status}: {counted}"


def _mentor_part(data: RaporData) -> str:
    parts = []
    if data.message is not None:
        heading = goal_words.mentor_message_heading(data.message.mentor, long_date(data.message.held_on))
        parts.append(
            f'<p style="font-size:15pt; font-weight:bold">{esc(heading)}</p>'
            f'<p style="font-size:15pt; font-style:italic">“{esc(data.message.text)}”</p>'
        )
    if data.goals:
        assert data.goals_set_on is not None
        title = _("Target dari sesi {date}", date=long_date(data.goals_set_on))
        rows = "".join(
            f'<tr><td width="36" style="font-size:16pt">{esc(goal_words.GOAL_STATUS_ICONS[progress.status])}</td>'
            f"<td><b>{esc(goal_words.goal_title(goal))}</b><br/>{esc(_goal_state(progress))}</td></tr>"
            for goal, progress in data.goals
        )
        parts.append(
            f'<p style="font-size:15pt; font-weight:bold">{esc(title)}</p>'
            f'<table cellpadding="3" cellspacing="0">{rows}</table>'
        )
    return "".join(parts)


def _caption(text: str) -> str:
    return f'<p style="font-size:11pt">{esc(text)}</p>'


def document(data: RaporData) -> pdf.Document:
    summary, profile = data.summary, data.profile
    month = month_so_far(summary.period, data.made_on)
    who = esc(profile.name) + (f" · {esc(profile.business)}" if profile.business else "")
    from . import charts

    height = int(CHART_WIDTH * charts.HEIGHT_IN / charts.WIDTH_IN)
    chart = f'<img src="chart:{{name}}" width="{CHART_WIDTH}" height="{height}"/>'
    images = {
        "in_out": charts.money_in_out(data.months),
        "balance": charts.business_balance(data.balance, data.markers),
        "pay": charts.pay_vs_profit(data.months),
    }
    h2 = 'style="font-size:17pt; font-weight:bold; margin-top:12px; margin-bottom:4px"'
    html = (
        f'<p style="font-size:26pt; font-weight:bold; margin:0">{esc(_("Rapor Usaha"))}</p>'
        f'<p style="font-size:16pt; margin-top:2px">{who}<br/><b>{esc(month)}</b></p>'
        f"<p {h2}>{esc(_('Apakah usaha saya mandiri?'))}</p>"
        f"{_lights(data)}"
        f'<p style="font-size:10pt; color:#444444; margin-top:2px">{esc(aid_disclaimer())}</p>'
        f"{_mentor_part(data)}"
        f"<p {h2}>{esc(_('Uang bulan ini'))}</p>"
        f"{_days(summary)}{_books(summary)}"
        f"<p {h2.replace('margin-top:12px', 'page-break-before:always')}>"
        f"{esc(_('Uang masuk vs uang keluar usaha'))}</p>"
        f"{_caption(_('Enam bulan sampai bulan ini: penjualan, biaya usaha, dan untung (belah ketupat).'))}"
        f"{chart.format(name='in_out')}"
        f"<p {h2}>{esc(_('Uang usaha dari hari ke hari'))}</p>"
        + _caption(
            _("Uang usaha setiap hari; batas aman = belanja 14 hari; segitiga = uang pindah ke atau dari pribadi.")
        )
        + f"{chart.format(name='balance')}"
        f"<p {h2}>{esc(_('Ambil untuk pribadi vs untung usaha'))}</p>"
        + _caption(
            _("Untung setiap bulan: yang diambil untuk pribadi, yang tetap di usaha, dan yang diambil melebihi untung.")
        )
        + f"{chart.format(name='pay')}"
    )
    footer = _("Rapor Usaha · {name} · {month}", name=profile.name, month=month_name(summary.period))
    footer += " · " + maker_words(data.maker, data.made_on)
    return pdf.Document(title=_("Rapor Usaha {name} {month}", name=profile.name, month=month_name(summary.period)),
                        html=html, images=images, footer=footer, body_pt=13)  # fmt: skip


def pdf_bytes(data: RaporData) -> bytes:
    """The whole PDF in memory, for a caller that writes it itself (the kiosk's export chooser)."""
    return pdf.pdf_bytes(document(data))


def save(data: RaporData, target: Path) -> int:
    """Write the Rapor to ``target`` (whole or not at all); returns the PDF's size."""
    return pdf.write_pdf(document(data), target)


def print_to(data: RaporData, device: QPagedPaintDevice) -> int:
    """Paint the Rapor on a ``QPrinter`` (or any paged device); returns the number of pages."""
    return pdf.paint(document(data), device)
