# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers of the ptrace and signal tests (060-069); source after lib.sh.
#
#   hold LABEL          start "ipcop hold" (ignores every signal it can)
#                       confined by LABEL ("-": unconfined), wait until it
#                       runs under it; sets $pid; killed at exit
#   as LABEL CMD...     run CMD confined by LABEL ("-": unconfined)
#   expect_op EXPECTED LABEL OP ARG...
#                       "ipcop OP ARG..." confined by LABEL prints EXPECTED
#                       ("kill ok", "attach EACCES", ...)
#   sig_record PROFILE MASK SIGNAL PEER [TYPE]
#                       the last signal record of PROFILE with MASK
#                       (send|receive), SIGNAL and PEER is exactly the
#                       6.12 record (comm "ipcop", TYPE default DENIED)
#   ptrace_record PROFILE MASK PEER [TYPE]
#                       the same for a ptrace record

# wait_label PID LABEL -- wait up to 3 s for /proc/PID/attr/current to
# read LABEL (with its mode)
wait_label() {
	_i=0
	while [ "$(cat /proc/$1/attr/current 2>/dev/null)" != "$2" ] && [ $_i -lt 30 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$(cat /proc/$1/attr/current 2>/dev/null)" = "$2" ]
}

as() {
	_l=$1
	shift
	if [ "$_l" = - ]; then
		"$@"
	else
		aa-exec -p "$_l" -- "$@"
	fi
}

hold() {
	# started directly, so that $! is ipcop itself
	if [ "$1" = - ]; then
		ipcop hold > /dev/null 2>&1 &
	else
		aa-exec -p "$1" -- ipcop hold > /dev/null 2>&1 &
	fi
	pid=$!
	on_exit "kill -9 $pid 2>/dev/null"
	if [ "$1" = - ]; then
		_want=unconfined
	else
		_want="$1 (${2:-enforce})"
	fi
	wait_label $pid "$_want" || fatal "ipcop hold did not start under $1"
}

expect_op() {
	_e=$1 _l=$2
	shift 2
	expect_fop "$_e" as "$_l" ipcop "$@"
}

sig_record() {
	expect_record "requested_mask=\"$2\" denied_mask=\"$2\" signal=$3 peer=\"$4\"" \
		"apparmor=\"${5:-DENIED}\" operation=\"signal\" class=\"signal\" profile=\"$1\" pid=N comm=\"ipcop\" requested_mask=\"$2\" denied_mask=\"$2\" signal=$3 peer=\"$4\"" \
		"$1: $2 $3 to/from $4"
}

ptrace_record() {
	expect_record "comm=\"ipcop\" requested_mask=\"$2\" denied_mask=\"$2\" peer=\"$3\"" \
		"apparmor=\"${4:-DENIED}\" operation=\"ptrace\" class=\"ptrace\" profile=\"$1\" pid=N comm=\"ipcop\" requested_mask=\"$2\" denied_mask=\"$2\" peer=\"$3\"" \
		"$1: $2 $3"
}
