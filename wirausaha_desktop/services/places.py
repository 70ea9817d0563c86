"""Where the kiosk may write a file or read one (issue 10 §4): nowhere but these places.

Two kinds of place: the **export folder** the operator sets (the kiosk setting ``export_folder``,
``wirausaha export-folder PATH``) and a **removable drive** that is plugged in now (a flashdisk).
The app's own chooser (``gui.export_chooser``) shows only these, proposes a file name and lets it
be edited only as a name: no parent folder, no typed path. Every write goes through ``write``:
the name is checked again, the file is written under a temporary name in the same folder, flushed
to the disk and renamed into place, so that a pulled drive or a full one never leaves half a file
under the real name. A disk that refuses becomes one of the app's problems, naming the place.

Drives are found without any program or library: on Linux the mounted filesystems under
``/media/*``, ``/media/USER/*``, ``/run/media/USER/*`` and ``/mnt/*`` whose block device is
removable (``/sys/block/DEV/removable`` is 1) or sits on a USB bus; on Windows the drives of type
``DRIVE_REMOVABLE`` (``GetDriveTypeW``) that hold a medium.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ..domain.model import Actor
from ..domain.problems import Problem, Refused
from ..storage.database import problem_of
from . import access
from .settings import SettingsService

EXPORT_FOLDER_SETTING = "export_folder"
NAME_LIMIT = 120
"""Characters in a file name (FAT and NTFS allow 255; a kiosk never needs more than this)."""
FILES_SHOWN = 200
"""Files an open chooser lists at most (newest first)."""
SEARCH_DEPTH = 2
"""Folder levels looked into below a place's top when listing files to open (a flashdisk's folders)."""
DRIVE_REMOVABLE = 2
"""``GetDriveTypeW``'s answer for a removable drive (winbase.h)."""
_FORBIDDEN = frozenset('<>:"|?*')
"""Characters Windows refuses in a name (and a drive formatted FAT refuses on Linux too)."""
_RESERVED = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)})
_MOUNT_ROOTS = (("media",), ("media", "*"), ("run", "media", "*"), ("mnt",))
"""Where a desktop mounts a drive: /media/LABEL, /media/USER/LABEL, /run/media/USER/LABEL, /mnt/LABEL."""
_UNSAFE_IN_PROPOSAL = re.compile(r"[^\w.-]+")


class PlaceKind(Enum):
    FOLDER = "folder"  # the kiosk's export folder
    DRIVE = "drive"  # a removable drive plugged in now


@dataclass(frozen=True)
class Place:
    kind: PlaceKind
    root: Path
    label: str  # the drive's name (its mount folder or volume label); the folder's own name
    writable: bool = True  # False: a drive mounted read-only (files can be opened, not saved)


@dataclass(frozen=True)
class Target:
    """A file to write: a place and a bare name in its top folder."""

    place: Place
    name: str

    @property
    def path(self) -> Path:
        return self.place.root / self.name


@dataclass(frozen=True)
class FoundFile:
    """A file that may be opened: where it is, its path inside the place, size and time."""

    place: Place
    path: Path
    shown: str  # the path below the place's top, with "/" between folders
    size: int
    modified: float


# -- names -------------------------------------------------------------------------------------
def name_problem(name: str) -> Problem | None:
    """Why ``name`` cannot be a file name at a place (a bare name, never a path), or None."""
    if not name.strip():
        return Problem.of("file_name_empty")
    if "/" in name or "\\" in name:
        return Problem.of("file_name_slash")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return Problem.of("file_name_control")
    if name.strip(" .") == "" or ".." in name or name.startswith("."):
        return Problem.of("file_name_dots")
    if any(ch in _FORBIDDEN for ch in name):
        return Problem.of("file_name_forbidden", characters=" ".join(sorted(_FORBIDDEN)))
    if name.endswith((" ", ".")) or name.startswith(" "):
        return Problem.of("file_name_edges")
    if name.split(".")[0].strip().casefold() in _RESERVED:
        return Problem.of("file_name_reserved", text=name.split(".")[0])
    if len(name) > NAME_LIMIT:
        return Problem.of("file_name_too_long", limit=NAME_LIMIT)
    return None


def proposed_name(*parts: str, suffix: str) -> str:
    """A safe file name the app proposes: the parts joined by ``-`` (unsafe characters dropped)."""
    words = [_UNSAFE_IN_PROPOSAL.sub("-", unicodedata.normalize("NFC", part)).strip("-.") for part in parts]
    stem = "-".join(word for word in words if word) or "file"
    return stem[: NAME_LIMIT - len(suffix)] + suffix


def with_suffix(name: str, suffix: str) -> str:
    """``name`` ending in ``suffix`` (``.csv``), added when she typed the name without it."""
    name = name.strip()
    return name if name.casefold().endswith(suffix.casefold()) else name + suffix


# -- drives ------------------------------------------------------------------------------------
def removable_drives() -> list[Place]:
    """The removable drives plugged in now, on this system."""
    system = sys.platform  # a plain name: the Windows path stays checked on Linux too
    if system == "win32":
        return windows_drives()
    if system.startswith("linux"):
        return linux_drives()
    return []


def linux_drives(mounts: Path = Path("/proc/self/mounts"), sys_block: Path = Path("/sys/class/block")) -> list[Place]:
    """Mounted filesystems under the desktop's mount folders whose device is removable or USB."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found: dict[Path, Place] = {}
    for line in lines:
        fields = line.split()
        if len(fields) < 4 or not fields[0].startswith("/dev/"):
            continue
        device, point, options = _unescape(fields[0]), Path(_unescape(fields[1])), fields[3].split(",")
        if not _under_mount_root(point) or not _removable(Path(os.path.realpath(device)).name, sys_block):
            continue
        found[point] = Place(PlaceKind.DRIVE, point, point.name, writable="ro" not in options)
    return sorted(found.values(), key=lambda place: place.label.casefold())


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as ``\\040`` (and tab, newline, backslash the same way)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _under_mount_root(point: Path) -> bool:
    parts = point.parts[1:] if point.is_absolute() else ()
    for pattern in _MOUNT_ROOTS:
        if len(parts) != len(pattern) + 1:
            continue
        if all(p in ("*", part) for p, part in zip(pattern, parts[:-1], strict=True)):
            return True
    return False


def _removable(name: str, sys_block: Path) -> bool:
    """Whether block device ``name`` (``sdb1`` or ``sdb``) is removable or on a USB bus."""
    node = sys_block / name
    if not node.exists():
        return False
    disk = Path(os.path.realpath(node))
    if (disk / "partition").exists():
        disk = disk.parent
    try:
        if (disk / "removable").read_text().strip() == "1":
            return True
    except OSError:
        pass
    return "/usb" in str(disk)


def windows_drives(kernel32: Any = None) -> list[Place]:
    """Drives of type DRIVE_REMOVABLE holding a medium (a card reader without a card is skipped)."""
    import ctypes

    if kernel32 is None:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = int(kernel32.GetLogicalDrives())
    drives = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        letter = chr(ord("A") + index)
        root = f"{letter}:\\"
        if kernel32.GetDriveTypeW(root) != DRIVE_REMOVABLE:
            continue
        label = ctypes.create_unicode_buffer(261)
        if not kernel32.GetVolumeInformationW(root, label, 261, None, None, None, None, 0):
            continue  # no medium in it
        name = f"{label.value} ({letter}:)" if label.value else f"{letter}:"
        drives.append(Place(PlaceKind.DRIVE, Path(root), name))
    return drives


# -- the service -------------------------------------------------------------------------------
class PlacesService:
    """The export folder setting, the places open now, and writing a file to one of them."""

    def __init__(self, settings: SettingsService, drives: Callable[[], list[Place]] | None = None) -> None:
        self._settings = settings
        self._drives = drives

    def export_folder(self) -> Path | None:
        """The operator's export folder, as set (it may be missing right now: see ``places``)."""
        value = self._settings.get(EXPORT_FOLDER_SETTING)
        return Path(value) if value else None

    def set_export_folder(self, actor: Actor, folder: Path | None) -> Path | None:
        """Set (or with None, clear) the export folder: an existing folder the kiosk can write in."""
        access.require_operator(actor)
        if folder is None:
            self._settings.set(actor, EXPORT_FOLDER_SETTING, "")
            return None
        chosen = Path(os.path.abspath(folder.expanduser()))
        if not chosen.is_dir():
            raise Refused(Problem.of("export_folder_missing", path=str(chosen)))
        if not os.access(chosen, os.W_OK | os.X_OK):
            raise Refused(Problem.of("export_folder_read_only", path=str(chosen)))
        self._settings.set(actor, EXPORT_FOLDER_SETTING, str(chosen))
        return chosen

    def places(self) -> list[Place]:
        """The export folder (when set and there) first, then every removable drive plugged in."""
        found = []
        folder = self.export_folder()
        if folder is not None and folder.is_dir():
            found.append(Place(PlaceKind.FOLDER, folder, folder.name or str(folder), os.access(folder, os.W_OK)))
        drives = (self._drives or removable_drives)()
        found += [drive for drive in drives if all(drive.root != place.root for place in found)]
        return found

    def files(self, suffixes: Iterable[str]) -> list[FoundFile]:
        """Files ending in one of ``suffixes`` at the places, newest first; never outside a place."""
        ends = tuple(s.casefold() for s in suffixes)
        found = [f for place in self.places() for f in _walk(place, place.root, ends, SEARCH_DEPTH)]
        found.sort(key=lambda f: (-f.modified, f.shown.casefold()))
        return found[:FILES_SHOWN]

    def target_problem(self, target: Target) -> Problem | None:
        """Why ``target`` cannot be written now, or None: a bad name, or a place that is gone."""
        problem = name_problem(target.name)
        if problem is not None:
            return problem
        if not self._still_here(target.place):
            return Problem.of("place_gone", place=target.place.label)
        if not target.place.writable:
            return Problem.of("place_read_only", place=target.place.label)
        return None

    def exists(self, target: Target) -> bool:
        return name_problem(target.name) is None and os.path.lexists(target.path)

    def write(self, target: Target, produce: Callable[[Path], None]) -> Path:
        """``produce`` writes the file at the temporary path it is given; it becomes ``target``.

        All or nothing: on any failure the temporary file is removed and nothing carries the
        name (an existing file of that name is left as it was). A disk error is ``Refused``."""
        problem = self.target_problem(target)
        if problem is not None:
            raise Refused(problem)
        temporary = target.place.root / f".{uuid.uuid4().hex[:12]}.partial"
        try:
            produce(temporary)
            _flush(temporary)
            os.replace(temporary, target.path)
        except OSError as error:
            _remove(temporary)
            raise Refused(self._disk_problem(error, target.place)) from error
        except BaseException:
            _remove(temporary)
            raise
        return target.path

    def write_bytes(self, target: Target, data: bytes) -> Path:
        def produce(path: Path) -> None:
            path.write_bytes(data)

        return self.write(target, produce)

    def write_text(self, target: Target, text: str) -> Path:
        """UTF-8, line ends exactly as in ``text``."""

        def produce(path: Path) -> None:
            path.write_text(text, encoding="utf-8", newline="")

        return self.write(target, produce)

    def readable(self, found: FoundFile) -> Path:
        """The path of a file chosen to open, checked again: still inside a place that is here."""
        if not self._still_here(found.place):
            raise Refused(Problem.of("place_gone", place=found.place.label))
        real, root = Path(os.path.realpath(found.path)), Path(os.path.realpath(found.place.root))
        if root not in real.parents or not real.is_file():
            raise Refused(Problem.of("file_unreadable", path=found.shown))
        return real

    def _still_here(self, place: Place) -> bool:
        return any(p.root == place.root for p in self.places())

    def _disk_problem(self, error: OSError, place: Place) -> Problem:
        """The app's reading of a disk error (``problem_of``), worded for this place."""
        if not self._still_here(place):
            return Problem.of("place_gone", place=place.label)
        code = problem_of(error).code
        if code == "disk_full":
            return Problem.of("place_full", place=place.label)
        if code == "kiosk_read_only":
            return Problem.of("place_read_only", place=place.label)
        return Problem.of("place_unwritable", place=place.label)


def _walk(place: Place, folder: Path, ends: tuple[str, ...], depth: int) -> Iterator[FoundFile]:
    """The matching files in ``folder`` and, ``depth`` levels down, its folders; hidden ones and
    links are skipped (a link could lead out of the place)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth > 0:
                    yield from _walk(place, Path(entry.path), ends, depth - 1)
            elif entry.is_file(follow_symlinks=False) and entry.name.casefold().endswith(ends):
                stat = entry.stat(follow_symlinks=False)
                path = Path(entry.path)
                shown = path.relative_to(place.root).as_posix()
                yield FoundFile(place, path, shown, stat.st_size, stat.st_mtime)
        except OSError:
            continue


def _flush(path: Path) -> None:
    """The written bytes on the disk before the rename (a flashdisk pulled right after keeps them)."""
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
