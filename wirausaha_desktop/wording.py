"""Indicators told in plain words, with her own numbers (shared by the GUI, CLI and reports)."""

from __future__ import annotations

from .domain.money import format_rupiah
from .domain.standing import Indicator, Status, Summary
from .i18n import _

STATUS_ICONS = {Status.GREEN: "✓", Status.YELLOW: "!", Status.RED: "✕", Status.GREY: "?"}


def status_word(status: Status) -> str:
    return {
        Status.GREEN: _("hijau"),
        Status.YELLOW: _("kuning"),
        Status.RED: _("merah"),
        Status.GREY: _("abu-abu"),
    }[status]


def indicator_label(key: str) -> str:
    return {
        "recording": _("Rajin mencatat"),
        "covers_costs": _("Usaha menutup biayanya"),
        "no_top_ups": _("Tanpa tambah modal dari uang pribadi"),
        "pay_within_profit": _("Ambil untuk pribadi tidak melebihi untung"),
        "cash_runway": _("Uang usaha cukup untuk belanja"),
    }[key]


def per_ten_thousand(income: int, spending: int) -> int:
    """How much comes back for every Rp10.000 spent, rounded to the nearest Rp100."""
    return (income * 100 + spending // 2) // spending * 100 if spending else 0


def indicator_detail(indicator: Indicator, summary: Summary) -> str:
    """The one short sentence under the label: what her numbers say."""
    b, d = summary.business, summary.days
    if indicator.key == "recording":
        if indicator.status is Status.GREY:
            return _("Belum cukup catatan: baru {open} hari buka bulan ini.", open=d.open)
        return _("Ada catatan pada {recorded} dari {open} hari buka.", recorded=d.recorded, open=d.open)
    if indicator.status is Status.GREY and indicator.key != "cash_runway":
        return _("Belum cukup catatan: baru {recorded} hari tercatat, perlu {needed}.", recorded=d.recorded, needed=10)
    if indicator.key == "covers_costs":
        if b.operating == 0:
            return _("Ada penjualan {sales} dan belum ada biaya usaha.", sales=format_rupiah(b.sales))
        return _(
            "Dari setiap Rp10.000 yang keluar untuk usaha, kembali {back}.",
            back=format_rupiah(per_ten_thousand(b.sales, b.operating)),
        )
    if indicator.key == "no_top_ups":
        if b.top_ups == 0:
            return _("Tidak ada tambah modal dari uang pribadi.")
        return _(
            "Tambah modal dari uang pribadi {count} kali, jumlahnya {amount}.",
            count=b.top_up_count,
            amount=format_rupiah(b.top_ups),
        )
    if indicator.key == "pay_within_profit":
        if b.owner_pay == 0:
            return _("Tidak ada uang usaha yang diambil untuk pribadi.")
        if b.profit <= 0:
            return _("Ambil untuk pribadi {pay}, padahal usaha belum untung.", pay=format_rupiah(b.owner_pay))
        return _(
            "Ambil untuk pribadi {pay} dari untung {profit}.",
            pay=format_rupiah(b.owner_pay),
            profit=format_rupiah(b.profit),
        )
    if indicator.status is Status.GREY:
        return _("Belum ada biaya usaha dalam 30 hari terakhir.")
    days = max(0, int(indicator.value or 0))
    return _(
        "Uang usaha {balance} cukup untuk belanja sekitar {days} hari.", balance=format_rupiah(b.closing), days=days
    )


def indicator_sentence(indicator: Indicator, summary: Summary) -> str:
    """``✓ Rajin mencatat (hijau): Ada catatan pada 24 dari 28 hari buka.``"""
    return _(
        "{icon} {label} ({status}): {detail}",
        icon=STATUS_ICONS[indicator.status],
        label=indicator_label(indicator.key),
        status=status_word(indicator.status),
        detail=indicator_detail(indicator, summary),
    )


def aid_disclaimer() -> str:
    return _(
        "Lampu ini bahan obrolan dengan pendamping, bukan nilai, dan tidak pernah dipakai untuk memutuskan bantuan."
    )
