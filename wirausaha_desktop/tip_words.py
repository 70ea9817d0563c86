"""Each tip told in one or two short, plain Indonesian sentences with her own numbers (issue 8 §7).

``domain.tips`` gives a code and its parameters; this turns them into words (no Qt, so the CLI can
print them too). Money goes through ``money`` (``format_rupiah`` unless the screen hides amounts).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .domain.money import format_rupiah
from .domain.tips import Tip
from .i18n import _

Money = Callable[[int], str]


def help_words(code: str) -> str:
    """The help the programme offers, by its code in ``domain.tips.RULES``."""
    known = {
        "pelatihan_kemasan_kemensos": _("pelatihan kemasan dari Kemensos"),
        "pelatihan_pemasaran_digital": _("pelatihan pemasaran digital"),
    }
    return known.get(code, _("bantuan dari program"))


def _words_list(words: Sequence[str]) -> str:
    return ", ".join(words[:3])


def tip_title(tip: Tip) -> str:
    """A two- or three-word heading for the tip panel."""
    return {
        "no_entries_7_days": _("Ayo catat lagi"),
        "mixing": _("Pisahkan uang rumah"),
        "pay_above_profit": _("Ambil untuk pribadi"),
        "large_top_up": _("Tambah modal besar"),
        "cost_growing_fast": _("Biaya naik"),
        "packaging": _("Kemasan"),
        "promotion": _("Promosi"),
    }.get(tip.code, _("Tips"))


def tip_sentence(tip: Tip, money: Money = format_rupiah) -> str:
    """What she reads: the lesson, with her numbers. An unknown code is a bug (``KeyError``)."""
    p = tip.params
    code = tip.code
    if code == "no_entries_7_days":
        if p.get("last_entry") is None:
            return _(
                "Sudah {days} hari belum ada catatan. Mulai catat hari ini, sedikit pun tidak apa-apa.", days=p["days"]
            )
        return _("Sudah {days} hari tidak ada catatan. Catat lagi hari ini, sedikit pun tidak apa-apa.", days=p["days"])
    if code == "mixing":
        if p.get("reason") == "household_words":
            return _(
                "Ada belanja rumah di Buku Usaha ({words}, {amount})."
                " Catat di Buku Pribadi supaya uang usaha terlihat jelas.",
                words=_words_list(p["words"]),
                amount=money(p["amount"]),
            )
        return _(
            '{percent}% biaya usaha dicatat sebagai "{category}" ({amount}).'
            " Kalau itu belanja rumah, catat di Buku Pribadi.",
            percent=p["percent"],
            category=p["category"],
            amount=money(p["amount"]),
        )
    if code == "pay_above_profit":
        if p["profit"] <= 0:
            return _(
                "Ibu mengambil {pay} untuk pribadi dalam 30 hari ini, padahal usaha belum untung."
                " Coba ambil lebih sedikit dulu.",
                pay=money(p["owner_pay"]),
            )
        return _(
            "Ibu mengambil {pay} untuk pribadi, lebih besar dari untung usaha {profit} dalam 30 hari ini."
            " Ambil untuk pribadi tidak lebih dari untung.",
            pay=money(p["owner_pay"]),
            profit=money(p["profit"]),
        )
    if code == "large_top_up":
        return _(
            "Ada tambah modal {amount} dari uang pribadi. Tanya pendamping kenapa usaha perlu uang rumah.",
            amount=money(p["amount"]),
        )
    if code == "cost_growing_fast":
        return _(
            'Biaya "{category}" naik dari {before} menjadi {now} dalam 30 hari ini. Cek apa sebabnya.',
            category=p["category"],
            before=money(p["before"]),
            now=money(p["now"]),
        )
    if code == "packaging":
        return _(
            "Belum ada belanja kemasan dalam {days} hari. Kemasan yang rapi membantu jualan."
            " Tanya pendamping tentang {help}.",
            days=p["days"],
            help=help_words(p["help"]),
        )
    if code == "promotion":
        return _(
            "Belum ada biaya promosi dalam {days} hari. Tanya pendamping tentang {help}.",
            days=p["days"],
            help=help_words(p["help"]),
        )
    raise KeyError(code)
