"""Problem codes in plain words, for the GUI and the CLI alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .domain.money import format_rupiah
from .domain.problems import Problem
from .i18n import _


def _wait(seconds: int) -> str:
    minutes, rest = divmod(max(int(seconds), 0), 60)
    if minutes and rest:
        return _("{minutes} menit {seconds} detik", minutes=minutes, seconds=rest)
    if minutes:
        return _("{minutes} menit", minutes=minutes)
    return _("{seconds} detik", seconds=rest)


_TEXTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "amount_empty": lambda p: _("Jumlah uang belum diisi."),
    "amount_not_number": lambda p: _('"{text}" bukan angka. Tulis jumlahnya, misalnya 15.000 atau 15rb.', **p),
    "amount_malformed": lambda p: _(
        '"{text}" tidak bisa dibaca sebagai jumlah uang. Contoh: 15.000, 15rb, 1,5jt.', **p
    ),
    "amount_fraction": lambda p: _("Rupiah tidak pakai sen. Tulis tanpa angka di belakang koma, misalnya 15.000."),
    "amount_negative": lambda p: _("Jumlah tidak boleh minus. Untuk uang keluar, pakai tombol Uang Keluar."),
    "amount_zero": lambda p: _("Jumlah tidak boleh nol."),
    "amount_too_large": lambda p: _(
        "Jumlah terlalu besar: paling banyak {limit} untuk satu catatan.", limit=format_rupiah(p["limit"])
    ),
    "date_in_future": lambda p: _("Tanggal {date} belum terjadi. Pilih hari ini atau sebelumnya.", **p),
    "date_too_old": lambda p: _("Tanggal {date} terlalu lama.", **p),
    "date_malformed": lambda p: _('Tanggal "{text}" tidak bisa dibaca. Tulis seperti 2024-07-27 atau 27/07/2024.', **p),
    "note_too_long": lambda p: _("Catatan terlalu panjang: paling banyak {limit} huruf.", **p),
    "note_bad_character": lambda p: _(
        "Catatan memuat tanda tersembunyi yang mengubah urutan tulisan. Ketik ulang catatannya."
    ),
    "reason_empty": lambda p: _("Tulis alasan pembatalan."),
    "reason_too_long": lambda p: _("Alasan terlalu panjang: paling banyak {limit} huruf.", **p),
    "category_unknown": lambda p: _("Kategori tidak dikenal."),
    "profile_unknown": lambda p: _("Profil tidak ditemukan."),
    "profile_name_unknown": lambda p: _('Tidak ada profil bernama "{name}".', **p),
    "not_allowed": lambda p: _("Anda tidak boleh melakukan ini."),
    "pin_format": lambda p: _("PIN harus {shortest} sampai {longest} angka.", **p),
    "pin_wrong": lambda p: _("PIN salah. Sisa {tries_left} kali coba.", **p),
    "pin_locked": lambda p: _("Terlalu banyak PIN salah. Coba lagi dalam {wait}.", wait=_wait(p["seconds"])),
    "pin_mismatch": lambda p: _("Kedua PIN tidak sama. Ketik lagi."),
    "name_empty": lambda p: _("Nama panggilan belum diisi."),
    "name_too_long": lambda p: _("Nama terlalu panjang: paling banyak {limit} huruf.", **p),
    "name_bad_character": lambda p: _("Nama memuat huruf yang tidak bisa dipakai. Pakai huruf, angka dan spasi saja."),
    "business_too_long": lambda p: _("Jenis usaha terlalu panjang: paling banyak {limit} huruf.", **p),
    "name_taken": lambda p: _('Nama "{name}" sudah dipakai. Pilih nama lain.', **p),
    "operator_exists": lambda p: _("Kios ini sudah punya PIN operator."),
    "operator_missing": lambda p: _("Kios ini belum punya PIN operator."),
    "entry_unknown": lambda p: _("Catatan tidak ditemukan."),
    "entry_already_voided": lambda p: _("Catatan ini sudah dibatalkan."),
    "start_capital_exists": lambda p: _("Modal awal sudah pernah dicatat. Untuk uang tambahan, pilih Tambah modal."),
    "csv_empty": lambda p: _("File CSV kosong."),
    "csv_malformed": lambda p: _('baris {line} tidak bisa dibaca sebagai CSV. Periksa tanda kutip (").', **p),
    "csv_missing_column": lambda p: _("kolom ini tidak ada di baris judul."),
    "csv_bad_id": lambda p: _('id "{text}" bukan UUID.', **p),
    "csv_bad_ledger": lambda p: _('buku harus "usaha" atau "pribadi", bukan "{text}".', **p),
    "csv_bad_kind": lambda p: _('jenis harus "masuk", "keluar" atau "pindah", bukan "{text}".', **p),
    "csv_bad_move": lambda p: _(
        'untuk pindah, kategori harus "Ambil untuk pribadi", "Tambah modal" atau "Modal awal", bukan "{text}".', **p
    ),
    "csv_move_wrong_ledger": lambda p: _('untuk "{text}", buku harus buku asal uangnya.', **p),
    "csv_bad_category": lambda p: _('kategori "{text}" tidak ada di buku {ledger}.', **p),
    "csv_category_wrong_kind": lambda p: _('kategori "{text}" bukan untuk uang {kind}.', **p),
    "csv_duplicate_id": lambda p: _("id ini sudah dipakai di baris lain file ini."),
    "csv_id_elsewhere": lambda p: _("id ini sudah dipakai di buku orang lain."),
    "csv_id_taken": lambda p: _("id ini sudah dipakai untuk catatan lain di buku ini."),
    "file_not_utf8": lambda p: _("File bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8."),
    "file_unreadable": lambda p: _("File {path} tidak bisa dibuka.", **p),
    "file_unwritable": lambda p: _("File {path} tidak bisa ditulis.", **p),
    # where files go (services/places.py): a bare file name at the export folder or a flashdisk
    "file_name_empty": lambda p: _("Nama file belum diisi."),
    "file_name_slash": lambda p: _("Nama file tidak boleh memuat garis miring (/ atau \\). Tulis namanya saja."),
    "file_name_control": lambda p: _("Nama file memuat tanda tersembunyi. Ketik ulang namanya."),
    "file_name_dots": lambda p: _("Nama file tidak boleh diawali titik atau memuat dua titik (..)."),
    "file_name_forbidden": lambda p: _("Nama file tidak boleh memuat tanda ini: {characters}", **p),
    "file_name_edges": lambda p: _("Nama file tidak boleh diawali spasi atau diakhiri spasi atau titik."),
    "file_name_reserved": lambda p: _('"{text}" tidak bisa dipakai sebagai nama file. Pilih nama lain.', **p),
    "file_name_too_long": lambda p: _("Nama file terlalu panjang: paling banyak {limit} huruf.", **p),
    "place_gone": lambda p: _("{place} tidak ada lagi (flashdisk dicabut?). Pasang lagi, lalu coba lagi.", **p),
    "place_read_only": lambda p: _(
        "{place} hanya bisa dibaca: file tidak tersimpan. Pakai flashdisk lain, atau tanya petugas kios.", **p
    ),
    "place_full": lambda p: _(
        "{place} penuh: file tidak tersimpan. Pakai flashdisk lain, atau hapus file lama di sana.", **p
    ),
    "place_unwritable": lambda p: _(
        "File tidak bisa ditulis di {place}: tidak ada yang tersimpan. Coba lagi, atau pakai flashdisk lain.", **p
    ),
    "export_folder_missing": lambda p: _("Folder {path} tidak ada. Buat foldernya dulu, lalu atur lagi.", **p),
    "export_folder_read_only": lambda p: _("Folder {path} tidak bisa ditulis oleh aplikasi. Pilih folder lain.", **p),
    "month_malformed": lambda p: _('Bulan "{text}" tidak bisa dibaca. Tulis seperti 2024-07.', **p),
    "kiosk_unusable": lambda p: _("File kios {path} tidak bisa dipakai: {detail}", **p),
    "kiosk_empty": lambda p: _(
        "File kios {path} kosong (0 isi). Tidak ditulis apa pun; petugas bisa memulihkan dari cadangan.", **p
    ),
    "kiosk_not_sqlite": lambda p: _(
        "File {path} bukan file kios (isinya rusak atau file lain). Tidak ditulis apa pun;"
        " petugas bisa memulihkan dari cadangan.",
        **p,
    ),
    "kiosk_foreign": lambda p: _(
        "File {path} adalah database program lain, bukan file kios. File itu tidak diubah. Periksa --data.", **p
    ),
    "kiosk_newer": lambda p: _(
        "File kios {path} dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi; file tidak diubah.", **p
    ),
    "kiosk_damaged": lambda p: _(
        "File kios {path} rusak. Tidak ditulis apa pun; petugas bisa memulihkan dari cadangan.", **p
    ),
    "kiosk_unreadable": lambda p: _(
        "File kios {path} tidak bisa dibaca (izin file). Minta petugas memeriksa izin folder data.", **p
    ),
    "kiosk_is_folder": lambda p: _("{path} adalah folder, bukan file kios.", **p),
    "kiosk_folder_read_only": lambda p: _(
        "Folder {path} tidak bisa ditulis, jadi file kios baru tidak bisa dibuat di sana.", **p
    ),
    "kiosk_read_only_old": lambda p: _(
        "File kios {path} dari versi lama dan hanya bisa dibaca, jadi tidak bisa diperbarui."
        " Minta petugas membuka izin tulis file itu.",
        **p,
    ),
    "kiosk_busy": lambda p: _(
        "File kios sedang dipakai pekerjaan lain (misalnya impor). Tunggu sebentar, lalu coba lagi."
    ),
    "disk_full": lambda p: _("Disk penuh: catatan tidak tersimpan. Minta petugas mengosongkan ruang disk."),
    "kiosk_read_only": lambda p: _(
        "File kios hanya bisa dibaca: tidak ada yang tersimpan. Minta petugas membuka izin tulis."
    ),
    "kiosk_damaged_now": lambda p: _(
        "File kios rusak: tidak ada yang tersimpan. Minta petugas menutup aplikasi dan memulihkan dari cadangan."
    ),
    "data_refused": lambda p: _("Data ini bertabrakan dengan catatan yang sudah ada, jadi tidak disimpan."),
    "disk_error": lambda p: _("Disk tidak bisa ditulis atau dibaca. Tidak ada yang tersimpan. Beri tahu petugas."),
    "storage_error": lambda p: _("File kios menolak perubahan ini ({detail}). Tidak ada yang tersimpan.", **p),
    "app_already_open": lambda p: _(
        "Aplikasi sudah terbuka untuk file kios ini. Pakai jendela yang sudah ada, atau tutup dulu."
    ),
    "backup_failed": lambda p: _("Cadangan tidak bisa dibuat. Periksa ruang disk dan izin folder cadangan."),
    "backup_missing": lambda p: _("File cadangan {path} tidak ada.", **p),
    "backup_unusable": lambda p: _(
        "Cadangan {path} tidak bisa dipakai untuk memulihkan ({why}). Pilih cadangan lain.",
        path=p["path"],
        why=_reason(p["why"], p["path"]),
    ),
    "mentor_unknown": lambda p: _("Pendamping tidak ditemukan."),
    "mentor_name_unknown": lambda p: _('Tidak ada pendamping bernama "{name}".', **p),
    "mentor_name_taken": lambda p: _('Sudah ada pendamping bernama "{name}". Pilih nama lain.', **p),
    "not_assigned": lambda p: _("Pendamping ini tidak mendampingi profil itu."),
    "notes_too_long": lambda p: _("Catatan sesi terlalu panjang: paling banyak {limit} huruf.", **p),
    "decision_note_needed": lambda p: _("Tulis dulu catatan keputusannya."),
    "message_too_long": lambda p: _("Pesan untuk ibu terlalu panjang: paling banyak {limit} huruf.", **p),
    "next_session_past": lambda p: _(
        "Tanggal sesi berikutnya {date} sudah lewat. Pilih hari ini atau sesudahnya.", **p
    ),
    "goal_due_before_start": lambda p: _("Batas waktu target ({due}) sebelum tanggal mulainya ({set_on}).", **p),
    "goal_text_needed": lambda p: _("Tulis targetnya dengan kata-kata."),
    "goal_target_needed": lambda p: _("Isi angka targetnya (jumlah hari atau jumlah uang)."),
    "goal_days_over_window": lambda p: _("Target {days} hari lebih banyak dari waktunya ({window_days} hari).", **p),
    "goal_per_needed": lambda p: _("Pilih per minggu atau per bulan."),
    "goal_window_too_short": lambda p: _("Waktu target terlalu pendek untuk satu {per} penuh.", per=_per(p["per"])),
    "goal_category_needed": lambda p: _("Pilih untuk apa uangnya dibelanjakan: kemasan atau promosi."),
    "access_log_unwritable": lambda p: _(
        "Buku ini tidak bisa dibuka oleh orang lain sekarang: setiap kali orang lain melihat harus"
        " tercatat untuk pemiliknya, dan catatan itu tidak bisa ditulis ({why}).",
        why=_reason(p["why"], ""),
    ),
    "backup_is_kiosk": lambda p: _("Itu file kios yang sedang dipakai, bukan cadangan."),
    "book_not_book": lambda p: _("File {path} bukan file buku Wirausaha. Tidak ada yang ditulis.", **p),
    "book_is_kiosk": lambda p: _(
        "File {path} adalah file kios, bukan file buku satu orang. Tidak ada yang ditulis.", **p
    ),
    "book_newer": lambda p: _(
        "File buku {path} dibuat oleh versi aplikasi yang lebih baru. Perbarui aplikasi dulu; tidak ada yang ditulis.",
        **p,
    ),
    "book_tampered": lambda p: _(
        "File buku {path} sudah diubah atau rusak sesudah disalin (tanda periksanya tidak cocok)."
        " Tidak ada yang ditulis; minta file buku yang asli.",
        **p,
    ),
    "book_invalid": lambda p: _(
        "Isi file buku {path} tidak utuh. Tidak ada yang ditulis; minta file buku yang asli.", **p
    ),
    "book_name_clash": lambda p: _(
        'Kios ini sudah punya profil lain bernama "{name}". Buku ini tidak digabung ke profil itu:'
        " beri buku ini nama lain.",
        **p,
    ),
    "book_id_elsewhere": lambda p: _(
        "File buku ini memuat catatan yang di kios ini milik profil lain. Tidak ada yang ditulis."
    ),
    "book_conflict": lambda p: _(
        "Sebuah catatan di file buku berbeda dengan catatan yang sama di kios ini. Tidak ada yang ditulis."
    ),
    "book_category_clash": lambda p: _(
        'Kategori "{name}" di file buku berbeda dengan kategori di kios ini. Tidak ada yang ditulis.', **p
    ),
    "export_over_kiosk": lambda p: _(
        "{path} adalah file kios (atau cadangannya): tidak ditulis di atasnya. Pilih nama file lain.", **p
    ),
    "book_backup_failed": lambda p: _(
        "Cadangan sebelum impor tidak bisa dibuat ({why}), jadi buku tidak diimpor. Tidak ada yang ditulis.",
        why=_reason(p["why"], ""),
    ),
    "pin_locked_unsaved": lambda p: _(
        "PIN salah, dan percobaan ini tidak bisa dicatat ({why}). Demi keamanan, profil ini dikunci"
        " sampai aplikasi dibuka ulang. Beri tahu petugas kios.",
        why=_reason(p["why"], ""),
    ),
    "kiosk_missing": lambda p: _("File kios {path} belum ada.", **p),
    "backup_folder_missing": lambda p: _("Folder {path} tidak ada. Buat dulu foldernya, atau pilih folder lain.", **p),
    "no_screen": lambda p: _(
        "Aplikasi ini perlu layar, dan layar tidak ditemukan ({why}). Jalankan dari desktop komputer,"
        " atau pakai perintah tanpa layar: wirausaha --help.",
        **p,
    ),
    "demo_refused": lambda p: _(
        "File {path} sudah ada dan bukan kios contoh: kios contoh tidak ditulis di atasnya.", **p
    ),
    "report_month_future": lambda p: _("Bulan {month} belum dimulai. Pilih bulan ini atau sebelumnya.", **p),
    "letter_no_mentor": lambda p: _(
        "{name} belum punya pendamping. Surat keterangan pendampingan perlu pendamping yang ditugaskan.", **p
    ),
    "letter_choose_mentor": lambda p: _(
        "{name} punya lebih dari satu pendamping. Surat dibuat oleh pendamping yang menandatanganinya: "
        "buka dari layar pendamping itu, atau di perintah baris sebutkan --mentor NAMA.",
        **p,
    ),
    "letter_mentor_not_assigned": lambda p: _(
        "{mentor} tidak mendampingi {name}, jadi tidak bisa menandatangani suratnya.", **p
    ),
    "letter_no_sessions": lambda p: _(
        "Belum ada sesi pendampingan yang tercatat untuk {name}. Surat dibuat setelah sesi pertama.", **p
    ),
    "letter_by_mentor": lambda p: _("Surat keterangan pendampingan dibuat oleh pendamping atau petugas kios."),
    "report_mentor_only_letter": lambda p: _("--mentor hanya untuk surat keterangan pendampingan (--letter)."),
}


def _per(per: str) -> str:
    return _("minggu") if per == "week" else _("bulan")


def _reason(code: str, path: str) -> str:
    """Why a file could not be used or written, in a few words to put inside a sentence."""
    reasons: dict[str, Callable[[], str]] = {
        "kiosk_read_only": lambda: _("file kios hanya bisa dibaca"),
        "disk_full": lambda: _("disk penuh"),
        "kiosk_busy": lambda: _("file kios sedang dipakai"),
        "kiosk_damaged": lambda: _("isinya rusak"),
        "kiosk_damaged_now": lambda: _("isinya rusak"),
        "kiosk_newer": lambda: _("dibuat oleh versi aplikasi yang lebih baru"),
        "kiosk_empty": lambda: _("file kosong"),
        "kiosk_not_sqlite": lambda: _("bukan file kios"),
        "kiosk_foreign": lambda: _("bukan file kios"),
    }
    found = reasons.get(code)
    return found() if found else _("file kios tidak bisa ditulis")


def describe(problem: Problem) -> str:
    """One line in the current language; CSV problems start with ``baris N, kolom X:``."""
    params = dict(problem.params)
    text_of = _TEXTS.get(problem.code)
    text = text_of(params) if text_of else _("Terjadi masalah ({code}).", code=problem.code)
    if "line" in params and "column" in params:
        return _("baris {line}, kolom {column}: {text}", line=params["line"], column=params["column"], text=text)
    return text
