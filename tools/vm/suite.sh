#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# suite.sh --kernel BZIMAGE [--stock] [--filter REGEX] [--initrd CPIO]
#          [--verbose]
#
# Run the VM test suite (tools/vm/tests/NNN-name.sh) on BZIMAGE.
#
#   --stock          the kernel is stock AppArmor: tests tagged
#                    rampart-extension are skipped
#   --filter REGEX   only tests whose name (NNN-name) matches the ERE
#   --initrd CPIO    use this initramfs instead of building the default one
#   --verbose        also stream the raw guest console
#
# Test headers (comment lines at the top of a test):
#   # boot: ARGS           extra kernel arguments; tests with the same ARGS
#                          share one boot (default: none)
#   # tags: TAG...         rampart-extension = skipped with --stock
#   # timeout: SECONDS     per-test limit inside the guest (default 60)
#   # host-check: SCRIPT   after the test passed in the guest, run
#                          tools/vm/host/SCRIPT on the host with the test's
#                          output on stdin; its failure fails the test
#
# Prints "PASS name" / "FAIL name" (then the test's output, indented) /
# "SKIP name" per test and finally "vm: N passed, N failed[, N skipped]".
# Exit status 0 iff nothing failed. A boot that dies or times out fails
# every test of its group that did not report. Console logs are kept in
# $RAMPART_CACHE/vm/logs/.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

usage() {
	{ echo usage:; sed -n '4,5p' "${BASH_SOURCE[0]}" | sed 's/^#/ /'; } >&2
	exit 2
}

VM=$RAMPART_REPO/tools/vm
KERNEL='' STOCK='' FILTER='' INITRD='' VERBOSE=''
DEFAULT_TIMEOUT=60
while [[ $# -gt 0 ]]; do
	case $1 in
	--kernel) KERNEL=${2-}; shift 2 || usage ;;
	--stock) STOCK=1; shift ;;
	--filter) FILTER=${2-}; shift 2 || usage ;;
	--initrd) INITRD=${2-}; shift 2 || usage ;;
	--verbose) VERBOSE=1; shift ;;
	-h | --help) usage ;;
	*) log "unknown argument '$1'"; usage ;;
	esac
done
[[ -n $KERNEL ]] || usage
[[ -f $KERNEL ]] || die "kernel $KERNEL does not exist"
KERNEL=$(readlink -f "$KERNEL")
variant=rampart
[[ -n $STOCK ]] && variant=stock

version=$(file -b "$KERNEL" | grep -o 'version [^,]*' | head -n 1)
echo "vm: kernel $KERNEL (${version:-unknown version}), variant $variant"

if [[ -z $INITRD ]]; then
	INITRD=$RAMPART_CACHE/vm/initramfs.cpio.gz
	"$VM/mkinitramfs.sh" "$INITRD" || die "building the initramfs failed"
fi
logdir=$RAMPART_CACHE/vm/logs
mkdir -p "$logdir"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rampart-suite.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0 skipped=0

# header FILE KEY -- value of the "# KEY: value" line among the leading
# comment lines of FILE.
header() {
	awk -v key="$2" '
		!/^#/ { exit }
		{ line = $0; sub(/^#[ \t]*/, "", line) }
		index(line, key ":") == 1 {
			sub(/^[^:]*:[ \t]*/, "", line); sub(/[ \t]+$/, "", line)
			print line; exit
		}' "$1"
}

report_fail() { # NAME OUTPUT-FILE
	echo "FAIL $1"
	[[ -s $2 ]] && sed 's/^/    /' "$2"
	failed=$((failed + 1))
}

# --- collect and group the tests ---------------------------------------------
declare -a group_args=()   # boot args of group i
declare -a group_specs=()  # "name:timeout ..." of group i
declare -a group_limit=()  # qemu timeout of group i
declare -A host_check=()   # test name -> host-side checker (tools/vm/host/)
shopt -s nullglob
for f in "$VM"/tests/[0-9][0-9][0-9]-*.sh; do
	name=$(basename "$f" .sh)
	if [[ -n $FILTER ]] && ! grep -Eq -- "$FILTER" <<<"$name"; then
		continue
	fi
	tags=" $(header "$f" tags) "
	if [[ -n $STOCK && $tags == *" rampart-extension "* ]]; then
		echo "SKIP $name (rampart-extension, not run on stock)"
		skipped=$((skipped + 1))
		continue
	fi
	boot=$(header "$f" boot)
	hc=$(header "$f" host-check)
	[[ -n $hc ]] && host_check[$name]=$hc
	limit=$(header "$f" timeout)
	[[ $limit =~ ^[0-9]+$ ]] || limit=$DEFAULT_TIMEOUT
	for ((g = 0; g < ${#group_args[@]}; g++)); do
		[[ ${group_args[g]} == "$boot" ]] && break
	done
	if ((g == ${#group_args[@]})); then
		group_args[g]=$boot
		group_specs[g]=
		group_limit[g]=60
	fi
	group_specs[g]+=" $name:$limit"
	group_limit[g]=$((group_limit[g] + limit + 10))
done

# --- run each group in one boot ----------------------------------------------
for ((g = 0; g < ${#group_args[@]}; g++)); do
	boot=${group_args[g]}
	read -ra specs <<<"${group_specs[g]}"
	log_file=$logdir/$variant-$g.log
	echo "vm: boot $((g + 1))/${#group_args[@]}: append '${boot}', ${#specs[@]} test(s)"
	declare -A done_tests=()
	current='' out=$tmp/out
	: >"$out"
	start=$SECONDS
	while IFS= read -r line; do
		[[ -n $VERBOSE ]] && printf 'console: %s\n' "$line"
		case $line in
		"@@RAMPART-TEST-START "*)
			current=${line#@@RAMPART-TEST-START }
			: >"$out"
			;;
		"@@| "*) printf '%s\n' "${line#@@| }" >>"$out" ;;
		"@@|") echo >>"$out" ;;
		*"@@RAMPART-TEST-END "*)
			read -r name status <<<"${line#*@@RAMPART-TEST-END }"
			done_tests[$name]=1
			if grep -q '^kernel: ' "$out"; then
				echo "kernel problem reported during the test (see above)" >>"$out"
				status=kernel
			fi
			if [[ $status == 0 && -n ${host_check[$name]-} ]] &&
			   ! "$VM/host/${host_check[$name]}" <"$out" >"$tmp/hc" 2>&1; then
				{ echo "host check ${host_check[$name]} failed:"; cat "$tmp/hc"; } >>"$out"
				status=host-check
			fi
			case $status in
			0) echo "PASS $name"; passed=$((passed + 1)) ;;
			77) echo "SKIP $name$(sed -n 's/^SKIP: / (/p' "$out" | head -n 1 | sed 's/$/)/')"
			    skipped=$((skipped + 1)) ;;
			timeout) report_fail "$name" "$out" ;;
			*) echo "exit status $status" >>"$out"; report_fail "$name" "$out" ;;
			esac
			current=
			;;
		*)
			# Kernel console output: keep it with the running test, and
			# make oopses/warnings fail it.
			if [[ -n $current ]] && [[ $line =~ (BUG:|WARNING:|Oops|Call\ Trace|Kernel\ panic|general\ protection|UBSAN|KASAN|kernel\ BUG) ]]; then
				printf 'kernel: %s\n' "$line" >>"$out"
			elif [[ -n $current && -n $line ]]; then
				printf 'console: %s\n' "$line" >>"$out"
			fi
			;;
		esac
	done < <("$VM/run.sh" --kernel "$KERNEL" --initrd "$INITRD" \
		--append "$boot" --timeout "${group_limit[g]}" --log "$log_file" \
		-- /usr/lib/rampart/run-tests "${specs[@]}" 2>"$tmp/err")
	wait $! 
	rc=$?
	echo "vm: boot $((g + 1)) finished in $((SECONDS - start))s (status $rc), console log $log_file"
	for spec in "${specs[@]}"; do
		name=${spec%:*}
		[[ -n ${done_tests[$name]-} ]] && continue
		{
			if [[ $name == "$current" ]]; then
				cat "$out"
				echo "the guest died while this test was running"
			else
				echo "the test did not run: the guest died earlier"
			fi
			cat "$tmp/err"
			echo "last console lines ($log_file):"
			tail -n 25 "$log_file" 2>/dev/null | sed 's/^/  /'
		} >"$tmp/died"
		report_fail "$name" "$tmp/died"
	done
	unset done_tests
done

summary="vm: $passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
((failed == 0))
