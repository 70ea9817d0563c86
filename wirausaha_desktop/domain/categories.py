"""Default categories (``../shared/GLOSSARY.md``), each with its ledger and flow kind.

Ids are UUID5 of ledger and name, so every kiosk gives a default category the same id and books
moved between kiosks keep pointing at the right one.
"""

from __future__ import annotations

from .model import Category, FlowKind, Ledger

CATEGORY_NAMESPACE = "6b0f0d2e-6a0e-4d43-9a52-5f7c3e0a9c11"  # a UUID; ``uuid`` loads only when an id is made

_B, _P = Ledger.BUSINESS, Ledger.PERSONAL
_DEFAULTS: tuple[tuple[Ledger, str, FlowKind], ...] = (
    (_B, "Penjualan", FlowKind.SALES),
    (_B, "Penjualan online (GoFood, GrabFood, ShopeeFood, Shopee)", FlowKind.SALES),
    (_B, "Pesanan / katering", FlowKind.SALES),
    (_B, "Bantuan modal usaha", FlowKind.GRANT),
    (_B, "Pinjaman (KUR, Mekaar, koperasi)", FlowKind.LOAN_IN),
    (_B, "Kulakan / belanja dagangan", FlowKind.OPERATING),
    (_B, "Bahan baku", FlowKind.OPERATING),
    (_B, "Kemasan / label", FlowKind.OPERATING),
    (_B, "Promosi / iklan", FlowKind.OPERATING),
    (_B, "Ongkos kirim", FlowKind.OPERATING),
    (_B, "Transport / bensin usaha", FlowKind.OPERATING),
    (_B, "Sewa tempat", FlowKind.OPERATING),
    (_B, "Listrik / gas / air usaha", FlowKind.OPERATING),
    (_B, "Upah karyawan", FlowKind.OPERATING),
    (_B, "Pulsa / paket data usaha", FlowKind.OPERATING),
    (_B, "Bunga / biaya admin", FlowKind.OPERATING),
    (_B, "Perbaikan alat", FlowKind.OPERATING),
    (_B, "Beli alat (gerobak, etalase, kompor)", FlowKind.EQUIPMENT),
    (_B, "Cicilan pinjaman (pokok)", FlowKind.LOAN_REPAYMENT),
    (_B, "Pemasukan lain usaha", FlowKind.OTHER_IN),
    (_B, "Pengeluaran lain usaha", FlowKind.OPERATING),
    (_P, "Gaji / upah keluarga", FlowKind.INCOME),
    (_P, "Kiriman keluarga", FlowKind.INCOME),
    (_P, "Bantuan PKH", FlowKind.AID),
    (_P, "Bantuan sembako / BPNT", FlowKind.AID),
    (_P, "Bantuan sekolah (PIP/KIP)", FlowKind.AID),
    (_P, "Bantuan lain (BLT)", FlowKind.AID),
    (_P, "Makan / belanja dapur", FlowKind.SPENDING),
    (_P, "Sekolah anak", FlowKind.SPENDING),
    (_P, "Kesehatan / BPJS", FlowKind.SPENDING),
    (_P, "Listrik / air / gas rumah", FlowKind.SPENDING),
    (_P, "Pulsa / kuota", FlowKind.SPENDING),
    (_P, "Transport", FlowKind.SPENDING),
    (_P, "Sewa rumah / kontrakan", FlowKind.SPENDING),
    (_P, "Arisan", FlowKind.SPENDING),
    (_P, "Sumbangan / kondangan / sedekah", FlowKind.SPENDING),
    (_P, "Rokok", FlowKind.SPENDING),
    (_P, "Cicilan pribadi", FlowKind.SPENDING),
    (_P, "Tabungan", FlowKind.SAVING),
    (_P, "Pemasukan lain", FlowKind.INCOME),
    (_P, "Pengeluaran lain", FlowKind.SPENDING),
)


def category_id(ledger: Ledger, name: str) -> str:
    import uuid  # ~8 ms with the platform module it pulls in: kept off the path to the first paint

    return str(uuid.uuid5(uuid.UUID(CATEGORY_NAMESPACE), f"{ledger.value}:{name}"))


def default_categories() -> tuple[Category, ...]:
    return tuple(
        Category(category_id(ledger, name), name, ledger, kind, sort_order=index)
        for index, (ledger, name, kind) in enumerate(_DEFAULTS)
    )


def category_key(name: str) -> str:
    """How a typed or imported category name is matched: ignoring case and outer spaces."""
    return " ".join(name.split()).casefold()
