"""Goals and what her data shows, in words: the session page's (and her screen's) sentences."""

from __future__ import annotations

from .. import goal_words as shared
from ..domain.goals import Goal, GoalKind, GoalProgress, GoalStatus, PayEvery
from ..domain.money import format_rupiah
from ..i18n import _
from . import fmt, theme

STATUS_GLYPHS = {GoalStatus.MET: "✓", GoalStatus.MISSED: "✕", GoalStatus.NOT_YET: "…", GoalStatus.NOT_MEASURABLE: "?"}
STATUS_COLOURS = {
    GoalStatus.MET: theme.STATUS_COLOURS["green"],
    GoalStatus.MISSED: theme.STATUS_COLOURS["red"],
    GoalStatus.NOT_YET: theme.BUSINESS,
    GoalStatus.NOT_MEASURABLE: theme.STATUS_COLOURS["grey"],
}


def kind_name(kind: GoalKind) -> str:
    """The template's name where the mentor picks one."""
    return {
        GoalKind.RECORD_DAYS: _("Catat sekian hari"),
        GoalKind.NO_TOP_UPS: _("Tanpa tambah modal"),
        GoalKind.OWNER_PAY: _("Ambil untuk pribadi tetap"),
        GoalKind.SALES_AT_LEAST: _("Penjualan paling sedikit"),
        GoalKind.KEEP_CASH: _("Simpan uang usaha"),
        GoalKind.SPEND_ON: _("Belanja kemasan / promosi"),
        GoalKind.FREE_TEXT: _("Tulis sendiri"),
    }[kind]


def per_name(per: PayEvery) -> str:
    return _("per minggu") if per is PayEvery.WEEK else _("per bulan")


def goal_text(goal: Goal) -> str:
    """One sentence: what was agreed, until when."""
    due = fmt.day_month_year(goal.due)
    amount = format_rupiah(goal.target) if goal.target is not None else ""
    if goal.kind is GoalKind.RECORD_DAYS:
        return _("Catat paling sedikit {days} hari, sampai {due}", days=goal.target or 0, due=due)
    if goal.kind is GoalKind.NO_TOP_UPS:
        return _("Tidak tambah modal dari pribadi, sampai {due}", due=due)
    if goal.kind is GoalKind.OWNER_PAY:
        per = per_name(goal.per) if goal.per else ""
        return _("Ambil untuk pribadi {amount} {per}, sampai {due}", amount=amount, per=per, due=due)
    if goal.kind is GoalKind.SALES_AT_LEAST:
        return _("Penjualan paling sedikit {amount}, sampai {due}", amount=amount, due=due)
    if goal.kind is GoalKind.KEEP_CASH:
        return _("Uang usaha paling sedikit {amount} pada {due}", amount=amount, due=due)
    if goal.kind is GoalKind.SPEND_ON:
        return _("Belanja {category} paling sedikit {amount}, sampai {due}",
                 category=goal.category or "", amount=amount, due=due)  # fmt: skip
    return _("{text} (sampai {due})", text=goal.text, due=due)


def status_word(status: GoalStatus) -> str:
    """The same word she reads on her own screen (``wirausaha_desktop.goal_words``)."""
    return shared.goal_status_word(status)


def progress_text(progress: GoalProgress) -> str:
    """What the data shows, e.g. "12 dari 25 hari", in the words her screen uses too."""
    return shared.goal_progress_text(progress)
