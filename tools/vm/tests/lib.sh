# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers for the Rampart VM tests; source it first: . /tests/lib.sh
# It sets $T (a scratch directory, removed at exit), $SFS and $PARAMS.
#
# A test exits 0 = pass, 77 = skip, anything else = fail. The expect_*
# helpers print "FAIL: ..." and record the failure but let the test go on,
# so one run shows every mismatch; when the test ends, any recorded failure
# turns exit status 0 into 1. Use fatal when going on makes no sense.
# As in any shell script, the exit status is that of the last command run,
# so do not end a test with a command that may fail harmlessly.
#
# Guest tools (static, /usr/local/bin):
#   fsop read [-n] [-r N] PATH      one read() (-n O_NONBLOCK, -r N reads)
#   fsop write [-n] PATH DATA|-     one write() of DATA (- = stdin)
#   fsop open PATH r|w|rw           open only
#   runas UID[:GID] CMD...          run CMD as that user, no capabilities
#   mutate IN OUT SEED              a mutated copy of a policy buffer
#   auxv                            "secure=<AT_SECURE> label=<attr/current>"
#   nnp CMD...                      run CMD with no_new_privs set
#   hat OP...                       libapparmor change_hat/profile/stack,
#                                   getcon (see helpers/hat.c)
#   fop OP [ARG...]...              a sequence of file operations in one
#                                   process, one line each: "OP ok" or
#                                   "OP EXXX" (see helpers/fop.c)
# fsop reports a failing syscall as "fsop: <op> PATH: EXXX (strerror)".

SFS=/sys/kernel/security/apparmor
PARAMS=/sys/module/apparmor/parameters

_lib_failures=0
_lib_on_exit=
T=$(mktemp -d /tmp/rampart-test.XXXXXX)

# on_exit CMD -- run the shell command CMD when the test ends, however it
# ends (restore settings there). Commands run in the order registered.
on_exit() {
	_lib_on_exit="$_lib_on_exit
$1"
}

_lib_exit() {
	_lib_rc=$?
	eval "$_lib_on_exit"
	rm -rf "$T"
	if [ "$_lib_rc" -eq 0 ] && [ "$_lib_failures" -gt 0 ]; then
		exit 1
	fi
}
trap _lib_exit EXIT

# fail MSG... -- record a failure and go on.
fail() {
	echo "FAIL: $*"
	_lib_failures=$((_lib_failures + 1))
	return 1
}

# fatal MSG... -- record a failure and end the test now.
fatal() {
	echo "FAIL: $*"
	exit 1
}

# skip MSG... -- end the test as skipped.
skip() {
	echo "SKIP: $*"
	exit 77
}

# note MSG... -- informational output (shown when the test fails).
note() {
	echo "note: $*"
}

# run CMD... -- run CMD; sets $out (stdout and stderr, trailing newlines
# removed) and $rc (exit status). Never fails itself.
run() {
	out=$("$@" 2>&1)
	rc=$?
	return 0
}

# expect_eq ACTUAL EXPECTED MSG...
expect_eq() {
	_a=$1 _e=$2
	shift 2
	[ "$_a" = "$_e" ] && return 0
	fail "$*: got '$_a', expected '$_e'"
}

# expect_match ACTUAL ERE MSG... -- ACTUAL matches the extended regex ERE.
expect_match() {
	_a=$1 _re=$2
	shift 2
	printf '%s\n' "$_a" | grep -Eq -- "$_re" && return 0
	fail "$*: '$_a' does not match /$_re/"
}

# expect_content PATH EXPECTED MSG... -- the bytes returned by one read() of
# PATH equal EXPECTED, where EXPECTED is given with printf %b escapes
# ('Y\n', 'enforce' = no trailing newline, '\0' = NUL).
expect_content() {
	_f=$1 _e=$2
	shift 2
	printf '%b' "$_e" > "$T/want"
	if ! fsop read "$_f" > "$T/got" 2> "$T/err"; then
		fail "$*: $(cat "$T/err")"
		return 1
	fi
	cmp -s "$T/want" "$T/got" && return 0
	fail "$*: $_f reads '$(od -An -c "$T/got" | tr -s ' ')', expected '$(od -An -c "$T/want" | tr -s ' ')'"
}

# expect_ok CMD... -- CMD exits 0.
expect_ok() {
	run "$@"
	[ "$rc" -eq 0 ] && return 0
	fail "'$*' exited $rc, expected success${out:+; output: $out}"
}

# expect_fail CMD... -- CMD exits non-zero.
expect_fail() {
	run "$@"
	[ "$rc" -ne 0 ] && return 0
	fail "'$*' succeeded, expected failure${out:+; output: $out}"
}

# expect_errno ERRNO CMD... -- CMD fails and its output names ERRNO (e.g.
# EACCES) or shows its strerror text (busybox tools print only the latter).
expect_errno() {
	_errno=$1
	shift
	run "$@"
	if [ "$rc" -eq 0 ]; then
		fail "'$*' succeeded, expected $_errno${out:+; output: $out}"
		return 1
	fi
	case $out in
	*"$_errno"* | *"$(errno_text "$_errno")"*) return 0 ;;
	esac
	fail "'$*' failed (status $rc) but not with $_errno: $out"
}

# errno_text ERRNO -- the strerror text of the errnos tests use.
errno_text() {
	case $1 in
	EPERM) echo "Operation not permitted" ;;
	ENOENT) echo "No such file or directory" ;;
	EINTR) echo "Interrupted system call" ;;
	EAGAIN) echo "Resource temporarily unavailable" ;;
	ENOMEM) echo "Cannot allocate memory" ;;
	EACCES) echo "Permission denied" ;;
	EBUSY) echo "Device or resource busy" ;;
	EEXIST) echo "File exists" ;;
	ENODEV) echo "No such device" ;;
	EINVAL) echo "Invalid argument" ;;
	EFBIG) echo "File too large" ;;
	ENOSPC) echo "No space left on device" ;;
	ESPIPE) echo "Illegal seek" ;;
	EPROTO) echo "Protocol error" ;;
	ENOPROTOOPT) echo "Protocol not available" ;;
	EPROTONOSUPPORT) echo "Protocol not supported" ;;
	EOPNOTSUPP) echo "Operation not supported" ;;
	E2BIG) echo "Argument list too long" ;;
	*) echo "$1" ;;
	esac
}

# as_nobody CMD... -- run CMD as uid/gid 65534 without capabilities.
as_nobody() {
	runas 65534:65534 "$@"
}

# read_rev PATH -- the value of a revision file (one non-blocking read of a
# fresh open: a revision of 0 fails with EAGAIN and reads as 0).
read_rev() {
	fsop read -n "$1" 2>/dev/null || echo 0
}

# policy_reset -- remove every namespace below the caller's namespace and
# every profile of it, so the next test starts from an empty policy.
policy_reset() {
	for _n in $( { ls "$SFS/policy/namespaces" 2>/dev/null
		sed -n 's/^:\([^:/]*\)[:/].*/\1/p' "$SFS/profiles"; } | sort -u); do
		printf ':%s:' "$_n" | fsop write "$SFS/.remove" - 2>/dev/null
	done
	sed -n 's/ ([a-z]*)$//p' "$SFS/profiles" | grep -v '//' |
		while read -r _p; do
			printf '%s' "$_p" | fsop write "$SFS/.remove" - 2>/dev/null
		done
	true
}

# expect_ns_layout DIR MSG... -- DIR is a namespace directory of the policy
# tree: exactly profiles/, raw_data/, namespaces/ (0755), revision (0444) and
# .load, .replace, .remove (0640), all owned by root (KI 4.9).
expect_ns_layout() {
	_d=$1
	shift
	expect_eq "$(ls -a "$_d" | tr '\n' ' ')" \
		". .. .load .remove .replace namespaces profiles raw_data revision " \
		"$*: entries"
	expect_eq "$(cd "$_d" && stat -c '%n %a %u:%g %F' .load .remove .replace \
		namespaces profiles raw_data revision | tr '\n' ',')" \
		".load 640 0:0 regular empty file,.remove 640 0:0 regular empty file,.replace 640 0:0 regular empty file,namespaces 755 0:0 directory,profiles 755 0:0 directory,raw_data 755 0:0 directory,revision 444 0:0 regular empty file," \
		"$*: modes"
}

# mangle NAME -- the stem of the policy-tree directory name of a profile
# with base name NAME: leading '/' and '.' dropped, '/' -> '.', whitespace
# -> '_', only [A-Za-z0-9._-] kept (KI 4.9).
mangle() {
	printf '%s' "$1" | sed 's|^[/.]*||; s|/|.|g; s/[[:space:]]/_/g; s/[^A-Za-z0-9._-]//g'
}

# prof_dir NSDIR HNAME -- print the directory of profile HNAME (a//b) in
# the namespace directory NSDIR of the policy tree, found through the name
# files; fails if there is none.
prof_dir() {
	_dir=$1 _rest=$2
	while :; do
		_base=${_rest%%//*}
		_found=
		for _c in "$_dir"/profiles/*; do
			if [ "$(cat "$_c/name" 2>/dev/null)" = "$_base" ]; then
				_found=$_c
				break
			fi
		done
		[ -n "$_found" ] || return 1
		_dir=$_found
		[ "$_rest" = "$_base" ] && break
		_rest=${_rest#*//}
	done
	echo "$_dir"
}

# wait_gone PATH -- wait up to 5 s for PATH to disappear (raw_data
# directories go asynchronously); fails if it is still there.
wait_gone() {
	_i=0
	while [ -e "$1" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ ! -e "$1" ]
}

# abi_of FILE -- the ABI (version word & 0x3ff) of the first record of the
# policy buffer FILE (version word at offset 12).
abi_of() {
	set -- $(od -An -tu1 -j12 -N2 "$1")
	echo $(($1 + ($2 & 3) * 256))
}

# expect_fop EXPECTED CMD... -- CMD (usually ending in a fop call) prints
# EXPECTED, its output lines joined with "; " (e.g. "open ok; read EACCES").
expect_fop() {
	_e=$1
	shift
	run "$@"
	_got=$(printf '%s\n' "$out" | awk 'NR > 1 { printf "; " } { printf "%s", $0 }')
	[ "$_got" = "$_e" ] && return 0
	fail "'$*': got '$_got', expected '$_e'"
}

# audit_burst -- let every audit record of the test reach the kernel log.
# Without auditd the kernel prints records under printk's rate limit (10
# per 5 s); this raises the burst for the test and restores it at exit.
audit_burst() {
	_burst=$(cat /proc/sys/kernel/printk_ratelimit_burst)
	echo 100000 > /proc/sys/kernel/printk_ratelimit_burst
	on_exit "echo $_burst > /proc/sys/kernel/printk_ratelimit_burst"
}

# aa_records PATTERN -- the bodies (from apparmor= on) of the AppArmor audit
# records in the kernel log containing the fixed string PATTERN, oldest
# first.
aa_records() {
	dmesg | grep -F -- "$1" |
		sed -n 's/^.*type=1400 audit([0-9.:]*): \(apparmor=.*\)$/\1/p'
}

# wait_record PATTERN -- wait up to 3 s for a record containing PATTERN
# (kauditd logs records asynchronously); fails if none came.
wait_record() {
	_i=0
	while [ -z "$(aa_records "$1")" ]; do
		[ $_i -ge 30 ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# expect_record PATTERN EXPECTED MSG... -- the last record containing
# PATTERN is exactly EXPECTED (every field, in order). If EXPECTED has
# " pid=N ", the record's pid is not compared.
expect_record() {
	_p=$1 _e=$2
	shift 2
	if ! wait_record "$_p"; then
		fail "$*: no audit record contains '$_p'"
		return 1
	fi
	_r=$(aa_records "$_p" | tail -n 1)
	case $_e in
	*" pid=N "*) _r=$(printf '%s' "$_r" | sed 's/ pid=[0-9]* / pid=N /') ;;
	esac
	[ "$_r" = "$_e" ] && return 0
	fail "$*: record
  got      $_r
  expected $_e"
}

# expect_no_record PATTERN MSG... -- no record contains PATTERN. Records
# are logged asynchronously but in order: wait_record for one made after
# the operation first.
expect_no_record() {
	_p=$1
	shift
	_r=$(aa_records "$_p")
	[ -z "$_r" ] && return 0
	fail "$*: unexpected record: $_r"
}
