"""*Surat keterangan pendampingan* for a KUR Super Mikro application (issue 10 §3): one A4 page.

KUR Super Mikro accepts a business younger than six months when the owner follows a mentoring
programme (``../shared/background/anchors-2026-12.md`` §5.3). The letter states since when and
how often she has been coached, three months of her Buku Usaha, how much she could safely repay a
month with the rule used (``domain.repayment``), and the documents a bank asks for, as a checklist:
the app never stores them. It never promises a loan.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from ..domain import repayment
from ..domain.repayment import Verdict
from ..i18n import _
from ..services.report import LetterData
from . import pdf
from .words import esc, long_date, maker_words, month_name, rupiah


def documents_asked() -> tuple[str, ...]:
    """What the bank asks a KUR Super Mikro borrower for [KUR1][KUR2][KUR6]: listed, never stored."""
    return (
        _("e-KTP (atau surat keterangan/resi e-KTP)"),
        _("Kartu Keluarga (KK) atau akta nikah"),
        _("NIB, atau Surat Keterangan Usaha dari kelurahan/desa atau RT/RW"),
        _("Foto tempat usaha"),
    )


def rule_words() -> str:
    return _(
        "Cara menghitung: setiap bulan, sisa uang usaha = untung (penjualan dikurangi biaya usaha) dikurangi Ambil "
        "untuk pribadi dan cicilan pokok yang sudah berjalan. Cicilan yang aman paling banyak {share} % dari "
        "rata-rata sisa tiga bulan, tidak lebih dari sisa bulan yang paling kecil, dibulatkan ke bawah ke ribuan "
        "rupiah. Dasarnya pedoman OJK: semua cicilan paling banyak 30 % dari penghasilan; di sini dihitung dari sisa "
        "uang usaha, jadi lebih hati-hati.",
        share=int(repayment.SAFE_SHARE * 100),
    )


def repayment_words(data: LetterData) -> str:
    r = data.repayment
    if r.verdict is Verdict.SAFE:
        return _(
            "Menurut bukunya sendiri, cicilan yang aman paling banyak {amount} per bulan.", amount=rupiah(r.amount)
        )
    if r.verdict is Verdict.NO_ROOM:
        worst = min(data.months, key=lambda m: m.free_cash)
        return _(
            "Menurut bukunya sendiri, belum ada ruang untuk cicilan baru: sisa uang usaha {month} {lowest}.",
            month=month_name(worst.period),
            lowest=rupiah(worst.free_cash),
        )
    months = ", ".join(month_name(p) for p in r.short_months)
    return _(
        "Kemampuan mencicil belum bisa dihitung: catatan bulan {months} kurang dari {days} hari.",
        months=months,
        days=repayment.MIN_RECORDED_DAYS,
    )


def _figures(data: LetterData) -> str:
    """Figures down, months across (and their average), so that every amount fits whole."""
    months, count = data.months, len(data.months)
    lines: list[tuple[str, list[int], bool]] = [
        (_("Penjualan"), [m.sales for m in months], False),
        (_("Biaya usaha"), [m.operating for m in months], False),
        (_("Untung (rugi)"), [m.profit for m in months], True),
        (_("Ambil untuk pribadi"), [m.owner_pay for m in months], False),
    ]
    if any(m.loan_repayments for m in months):
        lines.append((_("Cicilan pokok yang berjalan"), [m.loan_repayments for m in months], False))
    lines.append((_("Sisa uang usaha"), [m.free_cash for m in months], True))
    head = "".join(f'<td align="right"><b>{esc(month_name(m.period))}</b></td>' for m in months)
    rows = [f'<tr><td></td>{head}<td align="right"><b>{esc(_("Rata-rata"))}</b></td></tr>']
    for label, values, bold in lines:
        average = data.repayment.average_free_cash if label == _("Sisa uang usaha") else sum(values) // count
        weight = ' style="font-weight:bold"' if bold else ""
        cells = "".join(f'<td align="right"{weight}>{esc(rupiah(v))}</td>' for v in [*values, average])
        rows.append(f"<tr><td{weight}>{esc(label)}</td>{cells}</tr>")
    days = "".join(f'<td align="right">{m.recorded_days}</td>' for m in months)
    rows.append(f"<tr><td>{esc(_('Hari ada catatan'))}</td>{days}<td></td></tr>")
    return f'<table width="100%" cellpadding="3" cellspacing="0">{"".join(rows)}</table>'


def _small(text: str) -> str:
    return f'<p style="font-size:9pt; color:#444444; margin-top:0">{esc(text)}</p>'


def document(data: LetterData) -> pdf.Document:
    profile = data.profile
    first, last = data.months[0].period, data.months[-1].period
    checklist = "".join(f"<tr><td width=\"30\" style=\"font-size:14pt\">☐</td><td>{esc(d)}</td></tr>"
                        for d in documents_asked())  # fmt: skip
    dots, mentor = "." * 40, data.mentor
    html = (
        f'<p align="center" style="font-size:16pt; font-weight:bold; margin-bottom:0">'
        f"{esc(_('SURAT KETERANGAN PENDAMPINGAN'))}</p>"
        f'<p align="center" style="margin-top:2px">{esc(_("Nomor"))}: {dots}</p>'
        f"<p>{esc(_('Yang bertanda tangan di bawah ini, pendamping {mentor}, menerangkan bahwa:', mentor=mentor))}</p>"
        '<table cellpadding="2" cellspacing="0">'
        f'<tr><td width="190">{esc(_("Nama panggilan"))}</td><td>: <b>{esc(profile.name)}</b></td></tr>'
        f"<tr><td>{esc(_('Jenis usaha'))}</td><td>: {esc(profile.business or '-')}</td></tr>"
        f"<tr><td>{esc(_('Nama lengkap dan NIK'))}</td><td>: {dots}{dots}</td></tr>"
        "</table>"
        + _small(_("Nama lengkap dan NIK ditulis tangan: aplikasi tidak menyimpannya."))
        + "<p>"
        + esc(
            _(
                "mengikuti pendampingan usaha sejak {since}, dengan {sessions} sesi pendampingan (terakhir {last}). "
                "Ia mencatat uang usahanya di Buku Usaha, terpisah dari uang rumah tangga.",
                since=long_date(data.coached_since),
                sessions=data.sessions,
                last=long_date(data.last_session),
            )
        )
        + "</p>"
        f'<p style="font-size:12pt; font-weight:bold; margin-top:10px">'
        f"{esc(_('Buku Usaha {first} sampai {last}', first=month_name(first), last=month_name(last)))}</p>"
        f"{_figures(data)}"
        '<p style="font-size:6pt">&nbsp;</p>'
        f'<p style="font-size:12pt; font-weight:bold">{esc(_("Kemampuan mencicil"))}</p>'
        f'<p style="font-size:12pt"><b>{esc(repayment_words(data))}</b></p>'
        f'<p style="font-size:10pt">{esc(rule_words())} '
        f"{esc(_('Angka ini perkiraan dari catatan ibu sendiri, bukan janji pinjaman: keputusan ada pada bank.'))}</p>"
        f'<p style="font-size:12pt; font-weight:bold; margin-top:10px">{esc(_("Dokumen yang biasanya diminta bank"))}'
        "</p>"
        + _small(_("Bawa aslinya ke bank. Aplikasi tidak menyimpan dokumen ini."))
        + f'<table cellpadding="1" cellspacing="0">{checklist}</table>'
        "<p>"
        + esc(_("Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya."))
        + "</p>"
        '<table width="100%" cellpadding="0" cellspacing="0" style="margin-top:8px"><tr>'
        f'<td width="50%" valign="top">{esc(_("Mengetahui,"))}<br/>{esc(_("Kepala Puskesos / Desa"))}'
        f"<br/><br/><br/><br/>{'.' * 36}</td>"
        f'<td width="50%" valign="top">{dots[:20]}, {esc(long_date(data.made_on))}<br/>{esc(_("Pendamping"))}'
        f"<br/><br/><br/><br/><b>{esc(data.mentor)}</b></td>"
        "</tr></table>"
    )
    footer = (
        _("Surat keterangan pendampingan · {name}", name=profile.name) + " · " + maker_words(data.maker, data.made_on)
    )
    title = _("Surat keterangan pendampingan {name}", name=profile.name)
    return pdf.Document(title=title, html=html, footer=footer, body_pt=11)


def pdf_bytes(data: LetterData) -> bytes:
    """The whole PDF in memory, for a caller that writes it itself (the kiosk's export chooser)."""
    return pdf.pdf_bytes(document(data))


def save(data: LetterData, target: Path) -> int:
    return pdf.write_pdf(document(data), target)


def print_to(data: LetterData, device: QPagedPaintDevice) -> int:
    return pdf.paint(document(data), device)
