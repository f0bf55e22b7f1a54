#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install everything Rampart's build, VM and tests need on Debian 12, and
# make sure bookworm-backports (where linux-source-6.12 lives) is in apt's
# sources. Idempotent: does nothing that is already done.
set -euo pipefail

PKGS=(build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils
      python3 qemu-system-x86 busybox-static sparse
      apparmor apparmor-utils apparmor-profiles libapparmor-dev
      python3-libapparmor kmod rsync file
      clang libclang-rt-14-dev)

if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi

have_backports() {
	grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/
}

if ! have_backports; then
	echo "setup: adding bookworm-backports to apt sources"
	echo 'deb http://deb.debian.org/debian bookworm-backports main' |
		$SUDO tee /etc/apt/sources.list.d/rampart-backports.list >/dev/null
	NEED_UPDATE=1
fi

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
src_pkg=linux-source-6.12
dpkg-query -W -f='${Status}' "$src_pkg" 2>/dev/null | grep -q 'ok installed' ||
	missing+=("$src_pkg/bookworm-backports")

if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	$SUDO apt-get update -qq
	# apparmor's postinst tries to load policy into the host kernel; that
	# is harmless to fail here (the host may not run AppArmor).
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: ok"
