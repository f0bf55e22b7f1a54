#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# run.sh --kernel BZIMAGE [--initrd CPIO] [--append "ARGS"] [--timeout SECS]
#        [--log FILE] [--qemu-args "ARGS"] -- COMMAND...
#
# Boot BZIMAGE under qemu (TCG), run COMMAND as root in the guest with
# "/bin/sh -c" (the words of COMMAND are joined with spaces, like ssh does),
# stream the guest console to stdout and exit with COMMAND's exit status.
#
#   124  the guest did not finish within --timeout seconds (default 120);
#        qemu is killed
#   125  no "RAMPART-EXIT=<status>" marker was seen (guest crashed, kernel
#        panic, qemu failed to start, ...)
#
# The command reaches the guest as /rampart/cmd in a second, tiny cpio
# archive appended to a temporary copy of the initramfs (the kernel unpacks
# concatenated archives), so the kernel command line stays short.
# Without --initrd the initramfs is (re)built by mkinitramfs.sh at
# $RAMPART_CACHE/vm/initramfs.cpio.gz. --log FILE also saves the console
# output (carriage returns stripped) to FILE. --qemu-args adds options to
# the qemu command line (split at blanks), e.g. "-icount shift=0" for guest
# clocks that count instructions (make bench-syscalls).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

usage() {
	{ echo usage:; sed -n '4,5p' "${BASH_SOURCE[0]}" | sed 's/^#/ /'; } >&2
	exit 2
}

KERNEL='' INITRD='' APPEND='' TIMEOUT=120 LOG='' QEMU_ARGS=''
while [[ $# -gt 0 ]]; do
	case $1 in
	--kernel) KERNEL=${2-}; shift 2 || usage ;;
	--initrd) INITRD=${2-}; shift 2 || usage ;;
	--append) APPEND=${2-}; shift 2 || usage ;;
	--timeout) TIMEOUT=${2-}; shift 2 || usage ;;
	--log) LOG=${2-}; shift 2 || usage ;;
	--qemu-args) QEMU_ARGS=${2-}; shift 2 || usage ;;
	--) shift; break ;;
	-h | --help) usage ;;
	*) log "unknown argument '$1'"; usage ;;
	esac
done
[[ -n $KERNEL && $# -gt 0 ]] || usage
[[ -f $KERNEL ]] || die "kernel $KERNEL does not exist"
[[ $TIMEOUT =~ ^[0-9]+$ && $TIMEOUT -gt 0 ]] || die "bad --timeout '$TIMEOUT'"
QEMU=${QEMU:-qemu-system-x86_64}
read -ra qemu_extra <<< "$QEMU_ARGS"
command -v "$QEMU" >/dev/null || die "$QEMU not found"

if [[ -z $INITRD ]]; then
	INITRD=$RAMPART_CACHE/vm/initramfs.cpio.gz
	"$RAMPART_REPO/tools/vm/mkinitramfs.sh" "$INITRD" || die "building the initramfs failed"
fi
[[ -f $INITRD ]] || die "initramfs $INITRD does not exist"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rampart-vm.XXXXXX") || die "mktemp failed"
qpid=
cleanup() {
	[[ -n $qpid ]] && kill -TERM "$qpid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
interrupted=
trap 'interrupted=1; [[ -n $qpid ]] && kill -TERM "$qpid" 2>/dev/null' INT TERM HUP

# The command archive: /rampart/cmd.
mkdir -p "$tmp/cmd/rampart"
printf '%s\n' "$*" > "$tmp/cmd/rampart/cmd"
(cd "$tmp/cmd" && printf 'rampart\nrampart/cmd\n' |
	cpio --quiet -o -H newc -R 0:0 --reproducible) | gzip -n -1 > "$tmp/cmd.cpio.gz" ||
	die "cannot build the command archive"
cat "$INITRD" "$tmp/cmd.cpio.gz" > "$tmp/initrd" || die "cannot write $tmp/initrd"

# Console output: qemu -> fifo -> strip CRs -> stdout and the log.
mkfifo "$tmp/console"
sed -u 's/\r//g' < "$tmp/console" | tee "$tmp/log" &
reader=$!

timeout -k 10 "$TIMEOUT" "$QEMU" \
	-accel tcg -cpu max -m 512M -smp 1 \
	-nodefaults -display none -monitor none -serial stdio -no-reboot \
	-kernel "$KERNEL" -initrd "$tmp/initrd" "${qemu_extra[@]}" \
	-append "console=ttyS0 panic=-1 quiet loglevel=5 ${APPEND}" \
	< /dev/null > "$tmp/console" 2>&1 &
qpid=$!
rc=0
wait "$qpid" || rc=$?
while [[ -n $interrupted ]] && kill -0 "$qpid" 2>/dev/null; do
	wait "$qpid"
done
qpid=
wait "$reader"
[[ -n $LOG ]] && cp "$tmp/log" "$LOG"

if [[ -n $interrupted ]]; then
	log "interrupted"
	exit 130
fi
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
	log "TIMEOUT: the guest did not finish within ${TIMEOUT}s; qemu was killed"
	exit 124
fi
status=$(grep -ao 'RAMPART-EXIT=[0-9]\+' "$tmp/log" | tail -n 1)
if [[ -z $status ]]; then
	log "no RAMPART-EXIT marker in the guest output (qemu exit status $rc): guest crashed or failed to boot"
	exit 125
fi
exit "${status#RAMPART-EXIT=}"
