#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# `make run`: build the Rampart kernel, boot it in QEMU and show that the
# AppArmor userspace sees it, then power off. Exits with the guest's status.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kernel=$("$RAMPART_REPO/tools/build-kernel.sh" rampart)
exec "$RAMPART_REPO/tools/vm/run.sh" --kernel "$kernel" --timeout 180 -- '
set -e
echo "--- uname -r";              uname -r
echo "--- /sys/kernel/security/lsm"; cat /sys/kernel/security/lsm; echo
echo "--- kernel log";            dmesg | grep -i apparmor
echo "--- aa-enabled";            aa-enabled
echo "--- aa-status";             aa-status || true
echo "--- apparmor_parser -r (a demo profile with a hat)"
printf "profile demo /usr/bin/demo {\n  /etc/hostname r,\n  ^hat { /tmp/** rw, }\n}\n" > /tmp/demo.profile
apparmor_parser -r /tmp/demo.profile
echo "--- /sys/kernel/security/apparmor/profiles"; cat /sys/kernel/security/apparmor/profiles
echo "--- aa-status";             aa-status || true
echo "--- /proc/self/attr/current"; cat /proc/self/attr/current
echo "--- module parameters"
for p in /sys/module/apparmor/parameters/*; do
	printf "%-28s %s\n" "${p##*/}" "$(cat "$p")"
done
'
