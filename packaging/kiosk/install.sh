#!/bin/sh
# Install Wirausaha Desktop's desktop entry and icon for this user, and optionally start it with the
# session (--autostart) or as a systemd user service that is started again after a crash (--service).
#
#   packaging/kiosk/install.sh [--command PATH] [--autostart] [--service]
#
# --command PATH  the `wirausaha` program (default: the one on PATH; for the one-folder build,
#                 e.g. ~/wirausaha/wirausaha). The entry and the unit are written with this path.
# --autostart     also open it when the desktop session starts (~/.config/autostart), supervised by
#                 `wirausaha kiosk-run`. Use this or --service, not both.
# --service       install ~/.config/systemd/user/wirausaha-kiosk.service (systemd supervises) and
#                 enable it, when a user systemd is running; otherwise say how.
# Nothing here needs root. Undo: packaging/kiosk/README.md.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
COMMAND=""
AUTOSTART=no
SERVICE=no
while [ $# -gt 0 ]; do
    case "$1" in
        --command) COMMAND=$2; shift 2 ;;
        --autostart) AUTOSTART=yes; shift ;;
        --service) SERVICE=yes; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [ -z "$COMMAND" ]; then
    COMMAND=$(command -v wirausaha || true)
fi
if [ -z "$COMMAND" ] || [ ! -x "$COMMAND" ]; then
    echo "install.sh: no 'wirausaha' program found; give its path with --command PATH" >&2
    exit 1
fi
COMMAND=$(cd "$(dirname "$COMMAND")" && pwd)/$(basename "$COMMAND")
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The entry runs this installation's program, quoted (a folder name may have spaces).
sed -e "s|^Exec=wirausaha |Exec=\"$COMMAND\" |" -e "s|^TryExec=wirausaha\$|TryExec=$COMMAND|" \
    "$HERE/wirausaha.desktop" > "$WORK/wirausaha.desktop"

if command -v xdg-icon-resource >/dev/null 2>&1 && command -v xdg-desktop-menu >/dev/null 2>&1; then
    for size in 48 128 256; do
        xdg-icon-resource install --noupdate --novendor --size "$size" "$HERE/wirausaha-$size.png" wirausaha
    done
    xdg-icon-resource forceupdate
    xdg-desktop-menu install --novendor "$WORK/wirausaha.desktop"
else  # the same places by hand (the freedesktop.org menu and icon specifications)
    for size in 48 128 256; do
        mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
        cp "$HERE/wirausaha-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/wirausaha.png"
    done
    mkdir -p "$DATA/icons/hicolor/scalable/apps" "$DATA/applications"
    cp "$HERE/wirausaha.svg" "$DATA/icons/hicolor/scalable/apps/wirausaha.svg"
    cp "$WORK/wirausaha.desktop" "$DATA/applications/wirausaha.desktop"
fi
echo "Menu entry: $DATA/applications/wirausaha.desktop (runs $COMMAND kiosk-run)"

if [ "$AUTOSTART" = yes ]; then
    mkdir -p "$CONFIG/autostart"
    cp "$WORK/wirausaha.desktop" "$CONFIG/autostart/wirausaha.desktop"
    echo "Opens with the session: $CONFIG/autostart/wirausaha.desktop"
fi

if [ "$SERVICE" = yes ]; then
    mkdir -p "$CONFIG/systemd/user"
    sed -e "s|^ExecStart=%h/.local/bin/wirausaha run\$|ExecStart=\"$COMMAND\" run|" \
        "$HERE/wirausaha-kiosk.service" > "$CONFIG/systemd/user/wirausaha-kiosk.service"
    echo "Service: $CONFIG/systemd/user/wirausaha-kiosk.service"
    if systemctl --user daemon-reload 2>/dev/null && systemctl --user enable wirausaha-kiosk.service 2>/dev/null; then
        echo "Enabled: it starts with the next desktop session (now: systemctl --user start wirausaha-kiosk)"
    else
        echo "No user systemd here: in the kiosk's desktop session run" \
             "'systemctl --user daemon-reload && systemctl --user enable --now wirausaha-kiosk'"
    fi
fi
