#!/usr/bin/env bash
# CI's proof of the delivered program, not of the source tree (run by .ci/run, as root, on
# Debian 12, with the build extra installed in the active virtual environment):
#  1. python packaging/build.py: the bundle and the .deb, their sizes against the budget;
#  2. the bundle's commands (--version, demo, export xlsx/docx, import xlsx, --smoke) run in an
#     environment with no Python in it, traced: not one file of a Python outside the bundle opened;
#  3. the .deb installed with apt (its Depends from Debian's registry), its command's smoke test,
#     an upgrade by a package of a higher version, and removal: nothing left under /opt, the
#     user's data folder untouched;
#  4. the .deb on a minimal Debian 12 made by debootstrap, where there is no Python at all.
# TAIZHANGTONG_CHECK_CHROOT=0 leaves out step 4.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { echo "[check $((SECONDS - started)) s] $*"; }
fail() { echo "[check] FAILED: $*" >&2; exit 1; }

work=$(mktemp -d)
chroot_root=""
cleanup() {
    if [ -n "$chroot_root" ]; then
        umount "$chroot_root/proc" 2>/dev/null || umount -l "$chroot_root/proc" 2>/dev/null || true
        if grep -q " $chroot_root/" /proc/self/mounts; then  # never delete through a mount
            echo "[check] $chroot_root is still mounted: left in place" >&2
        else
            rm -rf "$chroot_root"
        fi
    fi
    rm -rf "$work"
}
trap cleanup EXIT

version=$(python -c "from models.version import VERSION; print(VERSION)")
deb="dist/taizhangtong_${version}_amd64.deb"
command -v strace >/dev/null || apt-get install -y -qq strace >/dev/null
command -v objdump >/dev/null || apt-get install -y -qq binutils >/dev/null  # the build reads NEEDED with it
strace=$(command -v strace)

step "1. build"
python packaging/build.py
[ -f "$deb" ] || fail "$deb was not made"
bundle="$PWD/dist/taizhangtong"

step "2. the bundle's commands, with no Python in their environment"
mkdir -p "$work/home" "$work/empty"
village_db="$work/村.db"
run_bundle() {  # the bundle under strace, with an environment that names no Python
    env -i HOME="$work/home" PATH="$work/empty" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        "$strace" -f -qq -e trace=openat,open,execve -o "$work/trace.$#.$RANDOM" \
        "$bundle/taizhangtong" "$@"
}
[ "$(run_bundle --version)" = "台账通 $version" ] || fail "--version does not print 台账通 $version"
run_bundle demo --db "$village_db" --size village
run_bundle export xlsx --db "$village_db" --out "$work/台账.xlsx"
run_bundle export docx --db "$village_db" --out "$work/总结.docx"
[ -s "$work/台账.xlsx" ] && [ -s "$work/总结.docx" ] || fail "the exports wrote no files"
printf 'Check-password-2026\n' >"$work/password"  # an encrypted data file: SQLCipher in the bundle
run_bundle demo --db "$work/加密.db" --size village --password-file "$work/password" 2>/dev/null
run_bundle export xlsx --db "$work/加密.db" --out "$work/加密.xlsx" --password-file "$work/password"
[ -s "$work/加密.xlsx" ] && [ -s "$work/加密.db.key" ] || fail "the encrypted demo was not made or not read"
if run_bundle export xlsx --db "$work/加密.db" --out "$work/错.xlsx" 2>/dev/null; then
    fail "an encrypted data file opened without its password"
fi
python - "$village_db" "$work/花名册.xlsx" <<'EOF'
import sqlite3, sys
from tests.exporters.test_rosters import household_rows, write_book
from tests.models.factories import id_number
village = sqlite3.connect(sys.argv[1]).execute("select name from village limit 1").fetchone()[0]
write_book(sys.argv[2], household_rows(*[[village, "1组", name, id_number(), "", 3, "", "", ""]
                                         for name in ("冉新户", "吕新户", "岑新户")]))
EOF
run_bundle import xlsx --db "$village_db" "$work/花名册.xlsx" | tee "$work/import.txt"
grep -q "导入 3 行" "$work/import.txt" || fail "the roster's 3 rows were not imported"
smoke=$(run_bundle --smoke --db "$village_db")
echo "$smoke" | grep -Eq '^[0-9]+ ms$' || fail "--smoke printed '$smoke'"
step "smoke test of the bundle: $smoke"
# Every file the bundle opened or ran that has "python" in its path lies inside the bundle.
outside=$(cat "$work"/trace.* | grep -v ENOENT | grep -oE '"[^"]*[Pp]ython[^"]*"' | tr -d '"' \
          | grep -v "^$bundle/" | sort -u || true)
[ -z "$outside" ] || fail "the bundle opened a Python outside itself: $outside"
grep -h 'qtbase_zh_CN.qm' "$work"/trace.* | grep -v ENOENT | grep -q "$bundle/" \
    || fail "Qt's own Chinese (qtbase_zh_CN.qm) was not loaded from the bundle"

step "3. the Debian package: install, smoke, upgrade, remove"
apt-get install -y -qq "./$deb" >/dev/null
[ "$(taizhangtong --version)" = "台账通 $version" ] || fail "the installed command's --version"
data="$work/user/.local/share/taizhangtong"
as_user() { env -i HOME="$work/user" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
as_user taizhangtong demo --db "$data/taizhangtong.db" --size village >/dev/null
step "installed smoke test: $(as_user taizhangtong --smoke)"
python packaging/build.py --no-freeze --package-version "$version+ci1" >/dev/null
apt-get install -y -qq "./dist/taizhangtong_${version}+ci1_amd64.deb" >/dev/null
[ "$(dpkg-query -W -f '${Version}' taizhangtong)" = "$version+ci1" ] || fail "the upgrade did not take"
step "smoke test after the upgrade: $(as_user taizhangtong --smoke)"
before=$(cd "$data" && find . -type f -exec sha256sum {} + | sort)
apt-get purge -y -qq taizhangtong >/dev/null
for gone in /opt/taizhangtong /usr/bin/taizhangtong /usr/share/applications/taizhangtong.desktop \
            /usr/share/icons/hicolor/256x256/apps/taizhangtong.png; do
    [ ! -e "$gone" ] || fail "$gone is left after removing the package"
done
[ "$(cd "$data" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] \
    || fail "removing the package changed the user's data folder"
rm -f "dist/taizhangtong_${version}+ci1_amd64.deb"

if [ "${TAIZHANGTONG_CHECK_CHROOT:-1}" != 0 ]; then
    step "4. a minimal Debian 12 without Python (debootstrap)"
    command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
    # The mirror this machine's apt uses (so that no address is written here).
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
             2>/dev/null | grep -oE '^(URIs: |deb )\S+' | grep -v security | head -1 | awk '{print $2}' || true)
    [ -n "$mirror" ] || fail "no Debian mirror found in this machine's apt sources"
    chroot_root=$(mktemp -d /var/tmp/taizhangtong-chroot.XXXXXX)
    chmod 755 "$chroot_root"  # apt's own user reads its downloads there
    debootstrap --variant=minbase bookworm "$chroot_root" "$mirror" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    mount -t proc proc "$chroot_root/proc"  # the bundle finds itself through /proc/self/exe
    in_chroot() { chroot "$chroot_root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
    if in_chroot sh -c 'ls /usr/bin/python* /usr/local/bin/python* 2>/dev/null'; then
        fail "the minimal system has a Python"
    fi
    cp "$deb" "$chroot_root/tmp/"
    in_chroot apt-get update -qq
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" >/dev/null
    in_chroot sh -c 'ls /usr/bin/python* 2>/dev/null' && fail "installing the package brought a Python"
    [ "$(in_chroot taizhangtong --version)" = "台账通 $version" ] || fail "--version on the minimal system"
    in_chroot taizhangtong demo --db /root/村.db --size village >/dev/null
    step "smoke test on the minimal Debian 12: $(in_chroot env QT_QPA_PLATFORM=offscreen taizhangtong --smoke --db /root/村.db)"
    in_chroot apt-get purge -y -qq taizhangtong >/dev/null
    [ ! -e "$chroot_root/opt/taizhangtong" ] || fail "/opt/taizhangtong is left on the minimal system"
fi
step "done"
