"""PyInstaller runtime hook: matplotlib reads the font list built into the bundle.

PyInstaller's own hook points MPLCONFIGDIR at a new temporary folder on every start, so matplotlib
would scan every font on the machine (seconds) the first time the standing page opens, every time.
The spec removes that hook; this one copies the font list made at build time (``mplconfig/`` in
the bundle: only the fonts matplotlib ships, stored relative to its data folder, so it is right on
any machine and wherever the folder is unpacked) into a writable cache folder of the user's, and
points MPLCONFIGDIR there. Copied only when it differs; without a writable home, a temp folder.
"""


def _pyi_rthook() -> None:
    import os
    import shutil
    import sys
    import tempfile

    if os.environ.get("MPLCONFIGDIR"):
        return
    bundled = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "mplconfig")
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for folder in (os.path.join(base, "wirausaha-desktop", "matplotlib"), None):
        try:
            target = folder or tempfile.mkdtemp(prefix="wirausaha-mpl-")
            os.makedirs(target, exist_ok=True)
            for name in os.listdir(bundled):
                source, copy = os.path.join(bundled, name), os.path.join(target, name)
                if not os.path.exists(copy) or _differs(source, copy):
                    shutil.copyfile(source, copy + ".partial")
                    os.replace(copy + ".partial", copy)
        except OSError:
            continue
        os.environ["MPLCONFIGDIR"] = target
        return


def _differs(a: str, b: str) -> bool:
    with open(a, "rb") as one, open(b, "rb") as other:
        return one.read() != other.read()


_pyi_rthook()
del _pyi_rthook
