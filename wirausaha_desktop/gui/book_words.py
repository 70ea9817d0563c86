"""The book page's words and choices: the moves as the dialog offers them, the mentor's lines.

Kept apart from ``book_page`` (the widget) so that the page stays about its layout and its writes.
"""

from __future__ import annotations

from ..domain.mentor_figures import MentorFigures, percent
from ..domain.model import Category, MoveKind
from ..domain.money import format_rupiah
from ..i18n import _
from . import icons
from .entry_dialog import Choice


def category_choice(category: Category) -> Choice:
    return Choice(category.id, category.short_name, category.name, icons.category(category))


def read_only_short_text() -> str:
    """One line above her books: the page has no height to spare at 1024×600."""
    return _("Hanya bisa dilihat: tidak ada yang bisa disimpan di sini. Beri tahu petugas.")


def move_choices(start_capital: bool = True) -> list[Choice]:
    """The three moves; *Modal awal* only while it has not been recorded (``start_capital``)."""
    owner_pay = _("Ambil untuk pribadi (gaji Ibu/Bapak): dari Buku Usaha ke Buku Pribadi")
    top_up = _("Tambah modal dari pribadi: dari Buku Pribadi ke Buku Usaha")
    start_capital_text = _("Modal awal: dari Buku Pribadi ke Buku Usaha, sekali saja")
    choices = [
        Choice(MoveKind.OWNER_PAY.value, _("Ambil untuk pribadi"), owner_pay, icons.action("owner_pay")),
        Choice(MoveKind.TOP_UP.value, _("Tambah modal"), top_up, icons.action("top_up")),
    ]
    if start_capital:
        choices.append(
            Choice(MoveKind.START_CAPITAL.value, _("Modal awal"), start_capital_text, icons.action("start_capital"))
        )
    return choices


def move_button_text(kind: str) -> str:
    """Two short lines that fit the narrow column between the books."""
    return {
        MoveKind.OWNER_PAY.value: _("Ambil untuk\npribadi"),
        MoveKind.TOP_UP.value: _("Tambah\nmodal"),
        MoveKind.START_CAPITAL.value: _("Modal\nawal"),
    }[kind]


def mentor_figures_text(figures: MentorFigures) -> str:
    """One line for her mentor: owner's pay against household spending and the UMK (issue 8 §4)."""
    parts = [_("Ambil untuk pribadi ({days} hari): {pay}", days=figures.days, pay=format_rupiah(figures.owner_pay))]
    spending = format_rupiah(figures.household_spending)
    if figures.pay_of_spending is None:
        parts.append(_("Belanja rumah: {spending}", spending=spending))
    else:
        parts.append(_("Belanja rumah: {spending} ({percent} %)", spending=spending,
                       percent=percent(figures.pay_of_spending)))  # fmt: skip
    if figures.umk_for_period is None:
        parts.append(_("UMK belum diatur (petugas kios yang mengatur)"))
    elif figures.pay_of_umk is None:
        parts.append(_("UMK: {umk}", umk=format_rupiah(figures.umk_for_period)))
    else:
        parts.append(_("UMK: {umk} ({percent} %)", umk=format_rupiah(figures.umk_for_period),
                       percent=percent(figures.pay_of_umk)))  # fmt: skip
    return " · ".join(parts)


def mentor_view_text(name: str, mentor: str) -> str:
    return _("Buku {name}, dilihat oleh pendamping {mentor}. Di sini tidak ada yang bisa diubah.",
             name=name, mentor=mentor)  # fmt: skip


def closed_day_words(closed: bool, recorded_today: bool) -> tuple[str, str]:
    """The closed-day button's two short lines and its accessible name; a closed day with entries
    says it counts as open (DESIGN §3: a recorded day is never a closed day)."""
    if closed and recorded_today:
        return _("Tutup, tetapi\nada catatan"), _(
            "Hari ini ditandai tutup, tetapi ada catatan hari ini, jadi dihitung buka. "
            "Tekan untuk membatalkan tanda tutup."
        )
    if closed:
        return _("Hari ini tutup\n(tekan: buka)"), _("Usaha ditandai tutup hari ini; tekan untuk membatalkan")
    return _("Usaha tutup\nhari ini"), _("Tandai usaha tutup hari ini")
