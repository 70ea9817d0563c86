"""Her goals told in plain words: a title, a status word and "12 dari 25 hari" (issue 8 §6).

Plain Python (no Qt): the GUI and the CLI word a ``GoalProgress`` the same way. Money goes
through ``money`` (``format_rupiah`` unless the screen hides amounts from onlookers).
"""

from __future__ import annotations

from collections.abc import Callable

from .domain.goals import Goal, GoalKind, GoalProgress, GoalStatus, PayEvery, Unit
from .domain.money import format_rupiah
from .i18n import _

Money = Callable[[int], str]

GOAL_STATUS_ICONS = {
    GoalStatus.MET: "✓",
    GoalStatus.NOT_YET: "…",
    GoalStatus.MISSED: "✕",
    GoalStatus.NOT_MEASURABLE: "✎",
}
"""A shape for each status, beside its colour and its word (colour-blind users, poor screens)."""


def goal_status_word(status: GoalStatus) -> str:
    return {
        GoalStatus.MET: _("Tercapai"),
        GoalStatus.NOT_YET: _("Belum"),
        GoalStatus.MISSED: _("Tidak tercapai"),
        GoalStatus.NOT_MEASURABLE: _("Dibahas dengan pendamping"),
    }[status]


def goal_title(goal: Goal, money: Money = format_rupiah) -> str:
    """What was agreed, in the words of the session; a plain sentence from the template if none."""
    if goal.text.strip():
        return goal.text.strip()
    target = goal.target or 0
    if goal.kind is GoalKind.RECORD_DAYS:
        return _("Catat {days} hari", days=target)
    if goal.kind is GoalKind.NO_TOP_UPS:
        return _("Tidak ada tambah modal")
    if goal.kind is GoalKind.OWNER_PAY:
        if goal.per is PayEvery.MONTH:
            return _("Ambil untuk pribadi {amount} per bulan, tetap", amount=money(target))
        return _("Ambil untuk pribadi {amount} per minggu, tetap", amount=money(target))
    if goal.kind is GoalKind.SALES_AT_LEAST:
        return _("Penjualan paling sedikit {amount}", amount=money(target))
    if goal.kind is GoalKind.KEEP_CASH:
        return _("Simpan uang usaha paling sedikit {amount}", amount=money(target))
    if goal.kind is GoalKind.SPEND_ON:
        return _("Belanja {category} {amount}", category=goal.category or "", amount=money(target))
    return _("Target dari pendamping")


def goal_progress_text(progress: GoalProgress, money: Money = format_rupiah) -> str:
    """``12 dari 25 hari``, ``Rp300.000 dari Rp1.000.000``; the status word when nothing is counted."""
    done, needed, unit = progress.done, progress.needed, progress.unit
    if done is None or needed is None or unit is None:
        return goal_status_word(progress.status)
    if unit is Unit.DAYS:
        if done > needed:  # "13 dari 10 hari" reads like a mistake
            return _("{done} hari, target {needed} hari", done=done, needed=needed)
        return _("{done} dari {needed} hari", done=done, needed=needed)
    if unit is Unit.RUPIAH:
        return _("{done} dari {needed}", done=money(done), needed=money(needed))
    too_much = sum(1 for part in progress.parts if part.too_much)
    if unit is Unit.WEEKS:
        if too_much:
            return _(
                "{done} dari {needed} minggu; {count} minggu diambil lebih banyak",
                done=done,
                needed=needed,
                count=too_much,
            )
        return _("{done} dari {needed} minggu", done=done, needed=needed)
    if unit is Unit.MONTHS:
        if too_much:
            return _(
                "{done} dari {needed} bulan; {count} bulan diambil lebih banyak",
                done=done,
                needed=needed,
                count=too_much,
            )
        return _("{done} dari {needed} bulan", done=done, needed=needed)
    # TOP_UPS: a ceiling of none, so say what happened rather than "0 dari 0"
    if done == 0:
        return _("Belum ada tambah modal")
    return _("Tambah modal {count} kali", count=done)


def goal_fraction(progress: GoalProgress) -> tuple[int, int] | None:
    """(value, maximum) for a progress bar, or None where a bar would mislead (a ceiling, free text)."""
    done, needed = progress.done, progress.needed
    if done is None or not needed or progress.unit is Unit.TOP_UPS:
        return None
    return max(0, min(done, needed)), needed


def goal_sentence(goal: Goal, progress: GoalProgress, money: Money = format_rupiah) -> str:
    """``… Catat 25 hari: Belum, 12 dari 25 hari`` (one line for a screen reader or the CLI)."""
    progress_text = goal_progress_text(progress, money)
    status = goal_status_word(progress.status)
    if progress_text == status:
        return _(
            "{icon} {title}: {status}",
            icon=GOAL_STATUS_ICONS[progress.status],
            title=goal_title(goal, money),
            status=status,
        )
    return _(
        "{icon} {title}: {status}, {progress}",
        icon=GOAL_STATUS_ICONS[progress.status],
        title=goal_title(goal, money),
        status=status,
        progress=progress_text,
    )


def mentor_message_heading(mentor: str, date: str) -> str:
    """``Pesan dari Bu Wati, 3 Des:`` (``date`` already formatted by the screen)."""
    if mentor.strip():
        return _("Pesan dari {mentor}, {date}:", mentor=mentor.strip(), date=date)
    return _("Pesan dari pendamping, {date}:", date=date)
