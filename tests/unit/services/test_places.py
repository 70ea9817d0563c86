"""Where files may go (issue 10 §4): the export folder, removable drives, names, whole writes."""

from __future__ import annotations

import ctypes
import errno
import os
from pathlib import Path

import pytest

from wirausaha_desktop import cli
from wirausaha_desktop.domain.model import Actor, Profile
from wirausaha_desktop.domain.problems import Problem, Refused
from wirausaha_desktop.messages import describe
from wirausaha_desktop.services import places as places_module
from wirausaha_desktop.services.kiosk import Kiosk
from wirausaha_desktop.services.places import (
    EXPORT_FOLDER_SETTING,
    NAME_LIMIT,
    Place,
    PlaceKind,
    PlacesService,
    Target,
    linux_drives,
    name_problem,
    proposed_name,
    windows_drives,
    with_suffix,
)


def code(problem: Problem | None) -> str | None:
    return None if problem is None else problem.code


# -- names -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Sari-buku-2024-07-27.csv", "rapor juli.pdf", "Ibu Sari (2).png", "a.b.c"])
def test_a_plain_name_is_fine(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "file_name_empty"),
        ("   ", "file_name_empty"),
        ("../rahasia.csv", "file_name_slash"),
        ("/root/x.csv", "file_name_slash"),
        ("folder\\x.csv", "file_name_slash"),
        ("..", "file_name_dots"),
        ("a..csv", "file_name_dots"),
        (".tersembunyi.csv", "file_name_dots"),
        ("baris\nbaru.csv", "file_name_control"),
        ("bel\x07.csv", "file_name_control"),
        ("kiri\u202ekanan.csv", "file_name_control"),  # a hidden right-to-left mark is a format character
        ("a:b.csv", "file_name_forbidden"),
        ("apa?.csv", "file_name_forbidden"),
        ("nama.", "file_name_edges"),
        (" nama.csv", "file_name_edges"),
        ("CON.csv", "file_name_reserved"),
        ("lpt1", "file_name_reserved"),
        ("x" * (NAME_LIMIT + 1), "file_name_too_long"),
    ],
)
def test_a_name_that_is_a_path_or_hides_something_is_refused_with_words(name: str, expected: str) -> None:
    problem = name_problem(name)
    assert code(problem) == expected
    assert problem is not None and "Terjadi masalah" not in describe(problem)  # it has its own words


def test_the_proposed_name_is_always_a_good_name() -> None:
    assert proposed_name("Sari", "buku", "2024-07-27", suffix=".csv") == "Sari-buku-2024-07-27.csv"
    for odd in ("../../etc", "Bu Sari / Warung", "..", "", "  ", "a\nb", "Dewi:Jahit?"):
        name = proposed_name(odd, "buku", suffix=".csv")
        assert name_problem(name) is None, name
    assert proposed_name("Bu Sari / Warung", suffix=".png") == "Bu-Sari-Warung.png"


def test_the_suffix_is_added_only_when_missing() -> None:
    assert with_suffix("buku", ".csv") == "buku.csv"
    assert with_suffix("buku.CSV", ".csv") == "buku.CSV"
    assert with_suffix(" buku ", ".csv") == "buku.csv"


# -- the export folder setting -------------------------------------------------------------------
def no_drives() -> list[Place]:
    return []


def test_the_operator_sets_clears_and_the_kiosk_keeps_the_export_folder(
    kiosk: Kiosk, operator: Actor, tmp_path: Path
) -> None:
    service = PlacesService(kiosk.settings, no_drives)
    assert service.export_folder() is None
    assert service.places() == []
    folder = tmp_path / "ekspor"
    folder.mkdir()
    assert service.set_export_folder(operator, folder) == folder
    assert kiosk.settings.get(EXPORT_FOLDER_SETTING) == str(folder)
    assert service.places() == [Place(PlaceKind.FOLDER, folder, "ekspor")]
    assert service.set_export_folder(operator, None) is None
    assert service.export_folder() is None


def test_only_the_operator_sets_it_and_only_to_a_folder_that_is_there(
    kiosk: Kiosk, operator: Actor, sari: Profile, tmp_path: Path
) -> None:
    service = PlacesService(kiosk.settings, no_drives)
    with pytest.raises(Refused) as refused:
        service.set_export_folder(Actor.beneficiary(sari.id), tmp_path)
    assert refused.value.problem.code == "not_allowed"
    with pytest.raises(Refused) as refused:
        service.set_export_folder(operator, tmp_path / "tidak-ada")
    assert refused.value.problem.code == "export_folder_missing"
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(Refused) as refused:
        service.set_export_folder(operator, tmp_path / "file.txt")
    assert refused.value.problem.code == "export_folder_missing"
    assert service.export_folder() is None


def test_an_export_folder_that_went_away_is_not_offered(kiosk: Kiosk, operator: Actor, tmp_path: Path) -> None:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    drive = Place(PlaceKind.DRIVE, tmp_path / "usb", "FLASHDISK")
    service = PlacesService(kiosk.settings, lambda: [drive])
    service.set_export_folder(operator, folder)
    assert [p.kind for p in service.places()] == [PlaceKind.FOLDER, PlaceKind.DRIVE]  # the folder first
    folder.rmdir()
    assert service.places() == [drive]


# -- writing -----------------------------------------------------------------------------------
@pytest.fixture
def folder_place(kiosk: Kiosk, operator: Actor, tmp_path: Path) -> tuple[PlacesService, Place]:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    service = PlacesService(kiosk.settings, no_drives)
    service.set_export_folder(operator, folder)
    return service, service.places()[0]


def test_a_file_is_written_under_a_temporary_name_and_renamed_when_whole(
    folder_place: tuple[PlacesService, Place],
) -> None:
    service, place = folder_place
    seen: list[Path] = []

    def produce(path: Path) -> None:
        seen.append(path)
        assert path.parent == place.root and path.name.startswith(".")  # hidden, beside the target
        assert not (place.root / "buku.csv").exists()  # the real name appears only when whole
        path.write_text("id,tanggal\n", encoding="utf-8")

    written = service.write(Target(place, "buku.csv"), produce)
    assert written == place.root / "buku.csv"
    assert written.read_text(encoding="utf-8") == "id,tanggal\n"
    assert not seen[0].exists()
    assert sorted(p.name for p in place.root.iterdir()) == ["buku.csv"]


@pytest.mark.parametrize(
    ("failure", "expected"),
    [(errno.ENOSPC, "place_full"), (errno.EROFS, "place_read_only"), (errno.EIO, "place_unwritable")],
)
def test_a_disk_that_refuses_leaves_no_half_file_and_the_old_one_as_it_was(
    folder_place: tuple[PlacesService, Place], failure: int, expected: str
) -> None:
    service, place = folder_place
    (place.root / "buku.csv").write_text("lama")

    def produce(path: Path) -> None:
        path.write_text("setengah")
        raise OSError(failure, os.strerror(failure))

    with pytest.raises(Refused) as refused:
        service.write(Target(place, "buku.csv"), produce)
    problem = refused.value.problem
    assert problem == Problem.of(expected, place="ekspor")
    assert "ekspor" in describe(problem)
    assert sorted(p.name for p in place.root.iterdir()) == ["buku.csv"]
    assert (place.root / "buku.csv").read_text() == "lama"


def test_a_refusal_while_producing_passes_through_and_leaves_nothing(
    folder_place: tuple[PlacesService, Place],
) -> None:
    service, place = folder_place

    def produce(path: Path) -> None:
        path.write_text("x")
        raise Refused(Problem.of("not_allowed"))

    with pytest.raises(Refused) as refused:
        service.write(Target(place, "buku.csv"), produce)
    assert refused.value.problem.code == "not_allowed"
    assert list(place.root.iterdir()) == []


def test_a_bad_name_or_a_place_that_is_not_allowed_writes_nothing(
    folder_place: tuple[PlacesService, Place], tmp_path: Path
) -> None:
    service, place = folder_place
    produced: list[Path] = []
    for target, expected in (
        (Target(place, "../lolos.csv"), "file_name_slash"),
        (Target(place, ".."), "file_name_dots"),
        (Target(Place(PlaceKind.FOLDER, tmp_path, "tmp"), "x.csv"), "place_gone"),  # not one of the places
        (Target(Place(PlaceKind.DRIVE, Path("/root"), "root"), "x.csv"), "place_gone"),
    ):
        with pytest.raises(Refused) as refused:
            service.write(target, produced.append)
        assert refused.value.problem.code == expected
    assert produced == []
    assert not (tmp_path / "lolos.csv").exists() and not (tmp_path / "x.csv").exists()


def test_a_drive_mounted_read_only_is_offered_for_opening_not_saving(kiosk: Kiosk, tmp_path: Path) -> None:
    drive = Place(PlaceKind.DRIVE, tmp_path, "KAMERA", writable=False)
    service = PlacesService(kiosk.settings, lambda: [drive])
    (tmp_path / "buku.csv").write_text("x")
    assert [f.shown for f in service.files([".csv"])] == ["buku.csv"]
    assert service.target_problem(Target(drive, "baru.csv")) == Problem.of("place_read_only", place="KAMERA")


def test_a_drive_pulled_out_mid_write_is_named(kiosk: Kiosk, tmp_path: Path) -> None:
    root = tmp_path / "usb"
    root.mkdir()
    drive = Place(PlaceKind.DRIVE, root, "FLASHDISK")
    plugged = [drive]
    service = PlacesService(kiosk.settings, lambda: list(plugged))

    def produce(path: Path) -> None:
        plugged.clear()  # pulled out
        raise OSError(errno.EIO, "I/O error")

    with pytest.raises(Refused) as refused:
        service.write(Target(drive, "buku.csv"), produce)
    assert refused.value.problem == Problem.of("place_gone", place="FLASHDISK")


def test_a_real_full_disk_gives_the_places_words(kiosk: Kiosk, tmp_path: Path) -> None:
    """/dev/full refuses every write with ENOSPC, as a full flashdisk does."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    root = tmp_path / "usb"
    root.mkdir()
    drive = Place(PlaceKind.DRIVE, root, "FLASHDISK")
    service = PlacesService(kiosk.settings, lambda: [drive])

    def produce(path: Path) -> None:
        path.write_text("x")
        with open("/dev/full", "wb") as full:  # the bytes go nowhere: the disk is full
            full.write(b"x" * 10)
            full.flush()

    with pytest.raises(Refused) as refused:
        service.write(Target(drive, "buku.csv"), produce)
    assert refused.value.problem.code == "place_full"
    assert list(root.iterdir()) == []


# -- files to open -----------------------------------------------------------------------------
def test_files_are_found_in_the_places_only_newest_first_never_through_a_link(kiosk: Kiosk, tmp_path: Path) -> None:
    root = tmp_path / "usb"
    (root / "juli" / "minggu").mkdir(parents=True)
    (root / "a" / "b" / "c").mkdir(parents=True)
    outside = tmp_path / "rahasia"
    outside.mkdir()
    (outside / "rahasia.csv").write_text("x")
    (root / "lama.csv").write_text("x")
    os.utime(root / "lama.csv", (1_000_000, 1_000_000))
    (root / "juli" / "baru.CSV").write_text("x")
    (root / "juli" / "minggu" / "dalam.csv").write_text("x")
    (root / "a" / "b" / "c" / "terlalu-dalam.csv").write_text("x")  # below SEARCH_DEPTH
    (root / ".tersembunyi.csv").write_text("x")
    (root / "gambar.png").write_text("x")
    (root / "tautan").symlink_to(outside)
    (root / "tautan.csv").symlink_to(outside / "rahasia.csv")
    drive = Place(PlaceKind.DRIVE, root, "FLASHDISK")
    service = PlacesService(kiosk.settings, lambda: [drive])
    found = service.files([".csv"])
    assert sorted(f.shown for f in found) == ["juli/baru.CSV", "juli/minggu/dalam.csv", "lama.csv"]
    assert found[-1].shown == "lama.csv"  # the oldest last
    assert service.readable(found[0]) == (root / found[0].shown).resolve()


def test_a_file_chosen_to_open_is_checked_again(kiosk: Kiosk, tmp_path: Path) -> None:
    root = tmp_path / "usb"
    root.mkdir()
    (root / "buku.csv").write_text("x")
    plugged = [Place(PlaceKind.DRIVE, root, "FLASHDISK")]
    service = PlacesService(kiosk.settings, lambda: list(plugged))
    found = service.files([".csv"])[0]
    (root / "buku.csv").unlink()
    (root / "buku.csv").symlink_to(tmp_path / "luar.csv")  # swapped for a link out of the place
    (tmp_path / "luar.csv").write_text("x")
    with pytest.raises(Refused) as refused:
        service.readable(found)
    assert refused.value.problem.code == "file_unreadable"
    plugged.clear()
    with pytest.raises(Refused) as refused:
        service.readable(found)
    assert refused.value.problem.code == "place_gone"


# -- removable drives --------------------------------------------------------------------------
def block_device(
    sys_block: Path, disk: str, removable: str, partitions: tuple[str, ...] = (), bus: str = "pci"
) -> None:
    """A fake /sys/class/block: links to devices/.../DISK(/PART), as the kernel lays them out."""
    device = sys_block.parent / "devices" / bus / disk
    device.mkdir(parents=True)
    (device / "removable").write_text(removable + "\n")
    (sys_block / disk).symlink_to(device)
    for part in partitions:
        (device / part).mkdir()
        (device / part / "partition").write_text("1\n")
        (sys_block / part).symlink_to(device / part)


def test_linux_drives_are_the_removable_or_usb_filesystems_under_the_mount_folders(tmp_path: Path) -> None:
    sys_block = tmp_path / "sys" / "class" / "block"
    sys_block.mkdir(parents=True)
    block_device(sys_block, "sda", "0", ("sda1", "sda2"))  # the PC's own disk
    block_device(sys_block, "sdb", "1", ("sdb1",))  # a flashdisk
    block_device(sys_block, "sdc", "0", ("sdc1",), bus="pci0000:00/usb2/2-1")  # a USB disk that says 0
    block_device(sys_block, "mmcblk0", "1", ("mmcblk0p1",))  # an SD card
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        "/dev/sda2 /mnt/data ext4 rw,relatime 0 0\n"  # under /mnt but not removable
        "/dev/sdb1 /media/sari/FLASH\\040DISK vfat rw,nosuid 0 0\n"
        "/dev/sdc1 /run/media/sari/BACKUP exfat rw 0 0\n"
        "/dev/mmcblk0p1 /media/KAMERA vfat ro,nosuid 0 0\n"
        "/dev/sdb1 /home/sari/usb vfat rw 0 0\n"  # the same flashdisk elsewhere: not a mount folder
        "tmpfs /media/tmp tmpfs rw 0 0\n"  # not a device
        "/dev/sdz1 /media/hilang vfat rw 0 0\n"  # no such device any more
    )
    drives = linux_drives(mounts, sys_block)
    assert drives == [
        Place(PlaceKind.DRIVE, Path("/run/media/sari/BACKUP"), "BACKUP"),
        Place(PlaceKind.DRIVE, Path("/media/sari/FLASH DISK"), "FLASH DISK"),
        Place(PlaceKind.DRIVE, Path("/media/KAMERA"), "KAMERA", writable=False),
    ]


def test_linux_drives_on_this_machine_reads_the_real_files_without_failing() -> None:
    assert all(place.kind is PlaceKind.DRIVE for place in linux_drives())
    assert linux_drives(Path("/nonexistent/mounts")) == []


class FakeKernel32:
    """GetLogicalDrives, GetDriveTypeW and GetVolumeInformationW as a Windows PC answers them."""

    def __init__(self, drives: dict[str, tuple[int, str | None]]) -> None:
        self._drives = drives  # letter → (drive type, volume label; None: no medium)

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(letter) - ord("A")) for letter in self._drives)

    def GetDriveTypeW(self, root: str) -> int:
        return self._drives[root[0]][0]

    def GetVolumeInformationW(self, root: str, label: ctypes.Array[ctypes.c_wchar], size: int, *rest: object) -> int:
        name = self._drives[root[0]][1]
        if name is None:
            return 0
        label.value = name
        return 1


def test_windows_drives_are_the_removable_ones_holding_a_medium() -> None:
    kernel32 = FakeKernel32(
        {
            "C": (3, "Windows"),  # DRIVE_FIXED
            "D": (5, "DVD"),  # DRIVE_CDROM
            "E": (2, "FLASHDISK"),  # DRIVE_REMOVABLE
            "F": (2, None),  # a card reader without a card
            "G": (2, ""),  # a flashdisk without a label
            "Z": (4, "share"),  # DRIVE_REMOTE
        }
    )
    assert windows_drives(kernel32) == [
        Place(PlaceKind.DRIVE, Path("E:\\"), "FLASHDISK (E:)"),
        Place(PlaceKind.DRIVE, Path("G:\\"), "G:"),
    ]


def test_the_system_decides_which_finder_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    place = Place(PlaceKind.DRIVE, Path("E:\\"), "E:")
    monkeypatch.setattr(places_module, "windows_drives", lambda: [place])
    monkeypatch.setattr(places_module, "linux_drives", lambda: [])
    monkeypatch.setattr(places_module.sys, "platform", "win32")
    assert places_module.removable_drives() == [place]
    monkeypatch.setattr(places_module.sys, "platform", "linux")
    assert places_module.removable_drives() == []
    monkeypatch.setattr(places_module.sys, "platform", "darwin")
    assert places_module.removable_drives() == []


# -- the command line --------------------------------------------------------------------------
def test_cli_export_folder_shows_sets_refuses_and_clears(
    kiosk_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(places_module, "removable_drives", lambda: [])
    Kiosk.open(kiosk_path).close()
    data = ["--data", str(kiosk_path)]
    assert cli.main([*data, "export-folder"]) == 0
    assert "belum diatur" in capsys.readouterr().out
    folder = tmp_path / "ekspor"
    assert cli.main([*data, "export-folder", str(folder)]) == 1
    assert capsys.readouterr().err.strip() == describe(Problem.of("export_folder_missing", path=str(folder)))
    folder.mkdir()
    assert cli.main([*data, "export-folder", str(folder)]) == 0
    assert capsys.readouterr().out.strip() == f"Folder ekspor: {folder}"
    assert cli.main([*data, "--lang", "en", "export-folder"]) == 0
    assert str(folder) in capsys.readouterr().out
    assert cli.main([*data, "export-folder", "--clear", str(folder)]) == 2
    assert cli.main([*data, "export-folder", "--clear"]) == 0
    assert "belum diatur" in capsys.readouterr().out
