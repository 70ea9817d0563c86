"""The mentor's version: SAK EMKM's three statements of the Buku Usaha for one month.

*Laporan laba rugi*, *laporan posisi keuangan* (start and end of the month side by side) and the
*catatan atas laporan keuangan*, which ends with every figure beside the field of ``summary
--json`` it matches; the last sentence says whether all of them do (``domain.statements.reconcile``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from ..domain.statements import Check, Statements, reconcile
from ..i18n import _
from ..services.report import StatementsData
from . import pdf
from .words import esc, long_date, maker_words, month_name, rupiah

_RULE = "border-top:1px solid #1b1b1b"


def _row(label: str, *amounts: int | None, bold: bool = False, indent: bool = False, rule: bool = False) -> str:
    style = ("font-weight:bold; " if bold else "") + (_RULE if rule else "")
    pad = "&nbsp;&nbsp;&nbsp;&nbsp;" if indent else ""
    cells = "".join(
        f'<td align="right" width="170" style="{style}">{"" if a is None else esc(rupiah(a))}</td>' for a in amounts
    )
    return f'<tr><td style="{"font-weight:bold" if bold else ""}">{pad}{esc(label)}</td>{cells}</tr>'


def _heading(text: str, sub: str) -> str:
    return (
        f'<p style="font-size:15pt; font-weight:bold; margin-top:16px; margin-bottom:0">{esc(text)}</p>'
        f'<p style="margin-top:0; color:#444444">{esc(sub)}</p>'
    )


def _income(s: Statements) -> str:
    i = s.income
    rows = [_row(_("Pendapatan"), None, bold=True)]
    rows += [_row(name, amount, indent=True) for name, amount in i.revenue] or [_row(_("Penjualan"), 0, indent=True)]
    rows.append(_row(_("Jumlah pendapatan"), i.sales, bold=True, rule=True))
    rows.append(_row(_("Beban"), None, bold=True))
    rows += [_row(name, amount, indent=True) for name, amount in i.expenses] or [_row(_("Beban usaha"), 0, indent=True)]
    rows.append(_row(_("Jumlah beban"), i.operating, bold=True, rule=True))
    rows.append(_row(_("Laba (rugi) usaha"), i.operating_profit, bold=True))
    rows.append(_row(_("Pendapatan lain-lain"), i.other_in, indent=True))
    rows.append(_row(_("Laba (rugi) bersih"), i.net_profit, bold=True, rule=True))
    end = long_date(s.period.end)
    return _heading(_("Laporan Laba Rugi"), _("Untuk bulan yang berakhir {date}", date=end)) + (
        f'<table width="100%" cellpadding="3" cellspacing="0">{"".join(rows)}</table>'
    )


def _position(s: Statements) -> str:
    o, c = s.opening, s.closing

    def both(pick: str) -> tuple[int, int]:
        return getattr(o, pick), getattr(c, pick)

    before = long_date(s.period.start - dt.timedelta(days=1))
    head = (
        f'<tr><td></td><td align="right" width="170"><b>{esc(before)}</b></td>'
        f'<td align="right" width="170"><b>{esc(long_date(s.period.end))}</b></td></tr>'
    )
    rows = [
        head,
        _row(_("Aset"), None, None, bold=True),
        _row(_("Kas usaha"), *both("cash"), indent=True),
        _row(_("Peralatan (harga beli)"), *both("equipment"), indent=True),
        _row(_("Jumlah aset"), *both("assets"), bold=True, rule=True),
        _row(_("Liabilitas"), None, None, bold=True),
        _row(_("Utang pinjaman"), *both("loans"), indent=True),
        _row(_("Ekuitas"), None, None, bold=True),
        _row(_("Modal awal"), *both("start_capital"), indent=True),
        _row(_("Tambah modal dari pribadi"), *both("top_ups"), indent=True),
        _row(_("Bantuan modal usaha"), *both("grants"), indent=True),
        _row(_("Prive (Ambil untuk pribadi)"), -o.owner_pay, -c.owner_pay, indent=True),
        _row(_("Saldo laba"), *both("retained"), indent=True),
        _row(_("Jumlah ekuitas"), *both("equity"), bold=True, rule=True),
        _row(_("Jumlah liabilitas dan ekuitas"), *both("liabilities_and_equity"), bold=True, rule=True),
    ]
    return _heading(_("Laporan Posisi Keuangan"), _("Awal dan akhir {month}", month=month_name(s.period))) + (
        f'<table width="100%" cellpadding="3" cellspacing="0">{"".join(rows)}</table>'
    )


def check_label(key: str) -> str:
    return {
        "sales": _("Jumlah pendapatan (penjualan)"),
        "operating": _("Jumlah beban"),
        "operating_profit": _("Laba (rugi) usaha"),
        "other_in": _("Pendapatan lain-lain"),
        "cash_opening": _("Kas usaha awal bulan"),
        "cash_closing": _("Kas usaha akhir bulan"),
        "equipment_bought": _("Peralatan dibeli bulan ini"),
        "loans_in": _("Pinjaman diterima bulan ini"),
        "loan_repayments": _("Cicilan pokok bulan ini"),
        "owner_pay": _("Prive (Ambil untuk pribadi) bulan ini"),
        "top_ups": _("Tambah modal bulan ini"),
        "start_capital": _("Modal awal bulan ini"),
        "grants": _("Bantuan modal usaha bulan ini"),
        "retained_change": _("Kenaikan saldo laba (laba bersih)"),
    }[key]


def _checks(checks: tuple[Check, ...]) -> str:
    rows = "".join(
        f'<tr><td width="34%">{esc(check_label(c.key))}</td>'
        f'<td align="right" width="15%">{esc(rupiah(c.statement))}</td>'
        f'<td width="3%"></td><td width="30%"><tt>{esc(c.field)}</tt></td>'
        f'<td align="right" width="15%">{esc(rupiah(c.summary))}</td>'
        f'<td align="center" width="3%"><b>{"✓" if c.ok else "✕"}</b></td></tr>'
        for c in checks
    )
    head = (
        f"<tr><td><b>{esc(_('Angka laporan'))}</b></td><td></td><td></td>"
        f"<td><b>{esc(_('Ringkasan (JSON)'))}</b></td><td></td><td></td></tr>"
    )
    return f'<table width="100%" cellpadding="2" cellspacing="0" style="font-size:10pt">{head}{rows}</table>'


def _notes(data: StatementsData, checks: tuple[Check, ...]) -> str:
    s, profile = data.statements, data.profile
    o, c, b = s.opening, s.closing, s.summary.business
    business = profile.business or _("usaha mikro")
    items = [
        (
            _("Umum"),
            _(
                "{business} milik {name}. Laporan ini hanya memuat Buku Usaha: uang rumah tangga (Buku Pribadi) "
                "terpisah dan tidak termasuk.",
                business=business,
                name=profile.name,
            ),
        ),
        (
            _("Dasar penyusunan"),
            _(
                "Disusun mengacu pada SAK EMKM dengan dasar kas: pendapatan dan beban diakui saat uang "
                "diterima atau dibayar, sesuai catatan di Buku Usaha. SAK EMKM sendiri memakai dasar "
                "akrual; piutang, utang usaha dan persediaan barang tidak dicatat di buku ini, jadi "
                "tidak tampil. Catatan yang dibatalkan tidak dihitung."
            ),
        ),
        (
            _("Kebijakan akuntansi"),
            _(
                "Kas usaha adalah saldo Buku Usaha. Peralatan dicatat sebesar harga beli, tanpa "
                "penyusutan. Utang pinjaman = pinjaman diterima dikurangi cicilan pokok; bunga dan "
                "biaya admin dicatat sebagai beban. Bantuan modal usaha dicatat sebagai tambahan "
                "modal, bukan pendapatan. Modal awal dan Tambah modal adalah uang dari Buku Pribadi."
            ),
        ),
        (
            _("Prive"),
            _(
                "Ambil untuk pribadi adalah prive: mengurangi ekuitas, bukan beban. Bulan ini {month_pay}; sejak "
                "buku dimulai {total_pay}.",
                month_pay=rupiah(b.owner_pay),
                total_pay=rupiah(c.owner_pay),
            ),
        ),
        (
            _("Perubahan ekuitas bulan ini"),
            _(
                "Ekuitas awal {opening} + modal masuk {paid_in} − prive {pay} + laba "
                "bersih {profit} = ekuitas akhir {closing}.",
                opening=rupiah(o.equity),
                paid_in=rupiah(c.paid_in - o.paid_in),
                pay=rupiah(b.owner_pay),
                profit=rupiah(s.income.net_profit),
                closing=rupiah(c.equity),
            ),
        ),
    ]
    warnings = []
    if c.loans < 0:
        warnings.append(
            _(
                "Cicilan pokok yang tercatat lebih besar dari pinjaman yang tercatat: pinjaman yang diterima "
                "sebelum buku dimulai belum dicatat. Catat sebagai Pinjaman agar utang benar."
            )
        )
    if c.cash < 0:
        warnings.append(_("Kas usaha minus: ada uang keluar yang tercatat tanpa uang masuknya. Periksa bersama ibu."))
    if not (o.balanced and c.balanced):
        warnings.append(_("Aset tidak sama dengan liabilitas dan ekuitas: periksa file kios (wirausaha check)."))
    ok = all(check.ok for check in checks)
    verdict = (
        _(
            "Semua angka di atas cocok dengan ringkasan bulan yang sama (wirausaha summary --month {month} --json).",
            month=s.period.label,
        )
        if ok
        else _(
            "Ada angka yang tidak cocok dengan ringkasan bulan yang sama (tanda ✕). Jangan pakai laporan ini "
            "sebelum diperiksa."
        )
    )
    body = "".join(
        f"<p><b>{number}. {esc(title)}.</b> {esc(text)}</p>" for number, (title, text) in enumerate(items, start=1)
    )
    body += "".join(f'<p style="color:#a33a00"><b>{esc(_("Perhatian"))}:</b> {esc(w)}</p>' for w in warnings)
    body += f"<p><b>{len(items) + 1}. {esc(_('Kecocokan dengan ringkasan'))}.</b></p>" + _checks(checks)
    body += f'<p style="font-weight:bold">{"✓" if ok else "✕"} {esc(verdict)}</p>'
    return _heading(_("Catatan atas Laporan Keuangan"), month_name(s.period)) + body


def document(data: StatementsData) -> pdf.Document:
    s, profile = data.statements, data.profile
    checks = reconcile(s)
    business = profile.business or _("Usaha mikro")
    html = (
        f'<p style="font-size:20pt; font-weight:bold; margin:0">{esc(_("Laporan Keuangan"))}</p>'
        f'<p style="font-size:13pt">{esc(business)} · {esc(_("pemilik {name}", name=profile.name))}<br/>'
        f"{esc(_('Periode {start} sampai {end}', start=long_date(s.period.start), end=long_date(s.period.end)))}"
        "</p>"
        f"{_income(s)}{_position(s)}"
        f'<div style="page-break-before:always">{_notes(data, checks)}</div>'
    )
    footer = _("Laporan Keuangan · {name} · {month}", name=profile.name, month=month_name(s.period))
    footer += " · " + maker_words(data.maker, data.made_on)
    title = _("Laporan Keuangan {name} {month}", name=profile.name, month=month_name(s.period))
    return pdf.Document(title=title, html=html, footer=footer, body_pt=11)


def pdf_bytes(data: StatementsData) -> bytes:
    """The whole PDF in memory, for a caller that writes it itself (the kiosk's export chooser)."""
    return pdf.pdf_bytes(document(data))


def save(data: StatementsData, target: Path) -> int:
    return pdf.write_pdf(document(data), target)


def print_to(data: StatementsData, device: QPagedPaintDevice) -> int:
    return pdf.paint(document(data), device)
