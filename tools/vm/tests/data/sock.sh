# SPDX-License-Identifier: GPL-2.0-only
#
# Helpers of the socket tests (070-079, 084); source after lib.sh.
#
#   start_server PROFILE OP...  "sockop OP..." in the background, confined
#                               by PROFILE ("-": unconfined); sets $srv;
#                               its output goes to $T/srv; removes $R first
#   stop_server [N]             wait up to N tenths of a second (3) for it
#                               to end, then end it; $srvout is its output,
#                               lines joined by ";"
#   ops                         the OP lines of $out (a "sockop pid ..."
#                               run), joined by ";"
#   pid_of                      the pid sockop printed in $out
#   $R                          $T/ready, for "touch $R" / "wait $R"

R=$T/ready

start_server() {
	rm -f "$R"
	_p=$1
	shift
	if [ "$_p" = - ]; then
		sockop "$@" > "$T/srv" 2>&1 &
	else
		aa-exec -p "$_p" -- sockop "$@" > "$T/srv" 2>&1 &
	fi
	srv=$!
}

stop_server() {
	_i=0
	while kill -0 $srv 2>/dev/null && [ $_i -lt "${1:-3}" ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	kill $srv 2>/dev/null
	wait $srv 2>/dev/null
	srvout=$(tr '\n' ';' < "$T/srv")
}

ops() { echo "$out" | sed 1d | tr '\n' ';'; }
pid_of() { echo "$out" | sed -n 's/^pid //p'; }
