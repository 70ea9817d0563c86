"""The built wheel works on its own (issue 11 §1): installed non-editable into a fresh venv, the
CLI runs in both languages with the translations and pictures from inside the package.

The fresh venv gets our wheel and nothing else; the dependencies come from the project's venv
through a path line (a ``.pth`` adds the directory, it does not run the editable finder there),
so what is tested is the wheel's own files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*command: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_wheel_installed_alone_runs_the_cli_in_both_languages(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    quiet = dict(os.environ, PYTHONWARNINGS="ignore")
    _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", dist, ROOT, env=quiet)
    (wheel,) = dist.glob("wirausaha_desktop-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "wirausaha_desktop/resources/translations/en.json" in names
    assert "wirausaha_desktop/resources/icons/LICENSES.md" in names
    assert any(n.startswith("wirausaha_desktop/resources/icons/twemoji/") and n.endswith(".svg") for n in names)

    home = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel, env=quiet)

    away = tmp_path / "elsewhere"  # not the clone: nothing may be read from the working tree
    away.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["WIRAUSAHA_HOME"] = str(tmp_path / "home")
    where = _run(python, "-c", "import wirausaha_desktop.paths as p; print(p.resource('translations', 'en.json'))",
                 env=env, cwd=away)  # fmt: skip
    assert Path(where.strip()).is_relative_to(site) and Path(where.strip()).is_file()
    wirausaha = home / "bin" / "wirausaha"
    made = {
        lang: _run(
            wirausaha, "--lang", lang, "--data", tmp_path / f"demo-{lang}.sqlite", "demo", "--no-gui", env=env, cwd=away
        )
        for lang in ("id", "en")
    }
    assert made["id"].startswith("Kios contoh dibuat") and made["en"].startswith("Demo kiosk created")
    listed = _run(wirausaha, "--lang", "en", "--data", tmp_path / "demo-en.sqlite", "profile", "list", "--json",
                  env=env, cwd=away)  # fmt: skip
    assert {p["name"] for p in json.loads(listed)} == {"Sari", "Rina", "Dewi", "Ani"}
