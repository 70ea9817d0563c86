"""The standing page told in plain words: one short sentence per light with her own numbers, the
trend in words, and the full working one tap further (issue 9 §2).

Plain Python (no Qt), like ``goal_words``: money goes through ``money`` (``format_rupiah`` unless
the screen hides amounts from onlookers). A green light that only means "nothing to judge" says
what happened, never that it went well.
"""

from __future__ import annotations

from collections.abc import Callable

from .domain.charts import PeriodChoice
from .domain.money import format_rupiah
from .domain.standing import Indicator, Status, Summary
from .i18n import _
from .wording import aid_disclaimer, per_ten_thousand

Money = Callable[[int], str]

LIGHT_CHARTS = {
    "recording": "calendar",
    "covers_costs": "money_in_out",
    "no_top_ups": "balance",
    "pay_within_profit": "pay_vs_profit",
    "cash_runway": "balance",
}
"""The chart that shows each light's story."""


def period_names() -> dict[PeriodChoice, str]:
    """The selector's words, the rolling 30 days first (the page opens on it)."""
    return {
        PeriodChoice.LAST_30_DAYS: _("30 hari terakhir"),
        PeriodChoice.THIS_MONTH: _("Bulan ini"),
        PeriodChoice.LAST_MONTH: _("Bulan lalu"),
        PeriodChoice.LAST_3_MONTHS: _("3 bulan terakhir"),
        PeriodChoice.LAST_6_MONTHS: _("6 bulan terakhir"),
        PeriodChoice.LAST_12_MONTHS: _("12 bulan terakhir"),
    }


def period_phrase(choice: PeriodChoice) -> str:
    """How a sentence about the period begins: ``Dalam 30 hari terakhir``, ``Bulan lalu``."""
    return {
        PeriodChoice.LAST_30_DAYS: _("Dalam 30 hari terakhir"),
        PeriodChoice.THIS_MONTH: _("Bulan ini"),
        PeriodChoice.LAST_MONTH: _("Bulan lalu"),
        PeriodChoice.LAST_3_MONTHS: _("Dalam 3 bulan terakhir"),
        PeriodChoice.LAST_6_MONTHS: _("Dalam 6 bulan terakhir"),
        PeriodChoice.LAST_12_MONTHS: _("Dalam 12 bulan terakhir"),
    }[choice]


def trend_word(change: int | None) -> str:
    """Against the period before: ``lebih baik``, ``sama``, ``lebih buruk``, or nothing at all when
    there is nothing earlier to compare with."""
    if change is None:
        return ""
    if change > 0:
        return _("lebih baik")
    if change < 0:
        return _("lebih buruk")
    return _("sama")


def trend_sentence(change: int | None, choice: PeriodChoice) -> str:
    """The trend said in full, for the tooltip and assistive technology."""
    if change is None:
        return ""
    before = _("30 hari sebelumnya") if choice.rolling else _("masa sebelumnya")
    if change > 0:
        return _("Lebih baik dari {before}.", before=before)
    if change < 0:
        return _("Lebih buruk dari {before}.", before=before)
    return _("Sama seperti {before}.", before=before)


def _not_enough(indicator: Indicator, summary: Summary, when: str) -> str:
    if indicator.key == "recording":
        return _(
            "{when} baru ada {open} hari buka: belum bisa dinilai, perlu 7 hari.", when=when, open=summary.days.open
        )
    if indicator.key == "cash_runway":
        return _("Belum ada biaya usaha dalam 30 hari terakhir, jadi belum bisa dihitung.")
    if summary.days.recorded == 0:
        return _("{when} belum ada hari yang tercatat: belum bisa dinilai, perlu 10 hari.", when=when)
    if summary.days.recorded < 10:
        return _(
            "{when} baru {recorded} hari tercatat: belum bisa dinilai, perlu 10 hari.",
            when=when,
            recorded=summary.days.recorded,
        )
    return _("{when} belum ada penjualan atau biaya usaha yang tercatat.", when=when)


def light_sentence(indicator: Indicator, summary: Summary, choice: PeriodChoice, money: Money = format_rupiah) -> str:
    """One short plain sentence with her numbers, shown with the light's chart when it is tapped."""
    when = period_phrase(choice)
    if indicator.status is Status.GREY:
        return _not_enough(indicator, summary, when)
    b, d = summary.business, summary.days
    key = indicator.key
    if key == "recording":
        return _(
            "{when}, Ibu mencatat pada {recorded} dari {open} hari buka.", when=when, recorded=d.recorded, open=d.open
        )
    if key == "covers_costs":
        return _covers_costs(when, b.sales, b.operating, money)
    if key == "no_top_ups":
        if b.top_ups == 0:
            return _("{when}, Ibu tidak menambah modal dari uang pribadi.", when=when)
        return _(
            "{when}, Ibu menambah modal dari uang pribadi {count} kali, jumlahnya {amount}.",
            when=when,
            count=b.top_up_count,
            amount=money(b.top_ups),
        )
    if key == "pay_within_profit":
        return _pay_within_profit(when, b.owner_pay, b.profit, money)
    days = int(indicator.value or 0)
    if choice is PeriodChoice.LAST_MONTH:
        if days < 1:
            return _("Di akhir bulan lalu uang usaha Ibu {balance}: tidak cukup untuk belanja sehari.",
                     balance=money(b.closing))  # fmt: skip
        return _("Di akhir bulan lalu uang usaha Ibu {balance}, cukup untuk belanja sekitar {days} hari.",
                 balance=money(b.closing), days=days)  # fmt: skip
    if days < 1:
        return _("Uang usaha Ibu {balance}: tidak cukup untuk belanja sehari.", balance=money(b.closing))
    return _("Uang usaha Ibu {balance}, cukup untuk belanja sekitar {days} hari.", balance=money(b.closing), days=days)


def _covers_costs(when: str, sales: int, operating: int, money: Money) -> str:
    if operating == 0:
        return _("{when}, penjualan {sales} dan belum ada biaya usaha yang tercatat.", when=when, sales=money(sales))
    profit = sales - operating
    if profit > 0:
        return _("{when}, penjualan {sales} dan biaya usaha {operating}: untung {profit}.",
                 when=when, sales=money(sales), operating=money(operating), profit=money(profit))  # fmt: skip
    if profit < 0:
        return _("{when}, penjualan {sales} dan biaya usaha {operating}: rugi {loss}.",
                 when=when, sales=money(sales), operating=money(operating), loss=money(-profit))  # fmt: skip
    return _("{when}, penjualan dan biaya usaha sama-sama {sales}: tidak untung, tidak rugi.",
             when=when, sales=money(sales))  # fmt: skip


def _pay_within_profit(when: str, pay: int, profit: int, money: Money) -> str:
    """Green with no pay only means there was nothing to judge: the sentence says exactly that."""
    if pay == 0:
        if profit > 0:
            return _("{when}, Ibu tidak mengambil uang usaha untuk pribadi; untungnya {profit}.",
                     when=when, profit=money(profit))  # fmt: skip
        if profit < 0:
            return _("{when}, Ibu tidak mengambil uang usaha untuk pribadi, dan usahanya rugi {loss}.",
                     when=when, loss=money(-profit))  # fmt: skip
        return _("{when}, Ibu tidak mengambil uang usaha untuk pribadi, dan usahanya belum untung.", when=when)
    if profit > 0:
        return _("{when}, Ibu mengambil {pay} untuk pribadi, untungnya {profit}.",
                 when=when, pay=money(pay), profit=money(profit))  # fmt: skip
    if profit < 0:
        return _("{when}, Ibu mengambil {pay} untuk pribadi, padahal usahanya rugi {loss}.",
                 when=when, pay=money(pay), loss=money(-profit))  # fmt: skip
    return _("{when}, Ibu mengambil {pay} untuk pribadi, padahal usahanya belum untung.", when=when, pay=money(pay))


def _rules(key: str) -> str:
    return {
        "recording": _("Hijau: mencatat paling sedikit 8 dari setiap 10 hari buka. Kuning: 5 sampai 7 dari 10. "
                       "Merah: kurang dari 5 dari 10."),
        "covers_costs": _("Hijau: kembali Rp11.000 atau lebih. Kuning: Rp10.000 sampai kurang dari Rp11.000. "
                          "Merah: kurang dari Rp10.000."),
        "no_top_ups": _("Hijau: tidak ada tambah modal dari uang pribadi. Kuning: hanya sekali dan kecil "
                        "(kurang dari sepersepuluh biaya usaha). Merah: lebih dari itu."),
        "pay_within_profit": _("Hijau: tidak ada yang diambil untuk pribadi, atau paling banyak 8 dari setiap "
                               "10 rupiah untung. Kuning: sampai seluruh untung. Merah: lebih dari untung, atau "
                               "usaha rugi tapi ada yang diambil."),
        "cash_runway": _("Hijau: cukup untuk 14 hari atau lebih. Kuning: 7 sampai 13 hari. "
                         "Merah: kurang dari 7 hari."),
    }[key]  # fmt: skip


def light_working(indicator: Indicator, summary: Summary, money: Money = format_rupiah) -> str:
    """How the light was worked out, with her own numbers: the tap after the sentence."""
    b, d = summary.business, summary.days
    key = indicator.key
    if key == "recording":
        worked = _(
            "Hari buka: {open} (hari yang ditandai tutup tidak dihitung, ada {closed}). "
            "Hari yang ada catatannya: {recorded}.",
            open=d.open,
            closed=d.closed,
            recorded=d.recorded,
        )
    elif key == "covers_costs":
        worked = _(
            "Penjualan {sales}. Biaya usaha (kulakan, bahan, kemasan, sewa, listrik dan lainnya) {operating}. "
            "Bantuan, pinjaman dan beli alat tidak dihitung.",
            sales=money(b.sales),
            operating=money(b.operating),
        )
        if b.operating:
            worked += " " + _(
                "Jadi dari setiap {ten} yang keluar, kembali {back}.",
                ten=money(10_000),
                back=money(per_ten_thousand(b.sales, b.operating)),
            )
    elif key == "no_top_ups":
        worked = _(
            "Tambah modal: {count} kali, jumlahnya {amount}. Modal awal tidak dihitung. Biaya usaha {operating}.",
            count=b.top_up_count,
            amount=money(b.top_ups),
            operating=money(b.operating),
        )
    elif key == "pay_within_profit":
        worked = _(
            "Untung = penjualan {sales} dikurangi biaya usaha {operating} = {profit}. Ambil untuk pribadi {pay}.",
            sales=money(b.sales),
            operating=money(b.operating),
            profit=money(b.profit),
            pay=money(b.owner_pay),
        )
    else:
        worked = _(
            "Uang usaha di akhir masa ini {balance}. Biaya usaha 30 hari terakhir {spent}, sekitar {daily} per hari.",
            balance=money(b.closing),
            spent=money(summary.operating_30_days),
            daily=money(summary.operating_30_days // 30),
        )
    if indicator.status is Status.GREY:
        needed = (
            _("Perlu paling sedikit 7 hari buka.")
            if key == "recording"
            else _("Perlu biaya usaha dalam 30 hari terakhir.")
            if key == "cash_runway"
            else _("Perlu catatan pada paling sedikit 10 hari.")
        )
        worked += " " + _("Belum cukup catatan untuk memberi warna. {needed}", needed=needed)
    return "\n\n".join([worked, _rules(key), aid_disclaimer()])
