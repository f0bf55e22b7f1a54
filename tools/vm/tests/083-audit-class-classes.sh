# boot: apparmor.audit_class=N
# tags: rampart-extension
# timeout: 240
# host-check: parse-records.py
# With audit_class=N (Rampart's decision, shared/spec/README.md) the
# records of every class but file are what stock 6.12 writes less the
# ` class=` field: capability, mount, umount, ptrace, signal, network
# (inet, with its addresses) and the fine-grained unix records. These are
# Rampart's own (af-unix.md 10), and in this mode they also leave out
# what libapparmor 3.0.8 cannot read: `peer_addr=` and `addr=none`. Each
# record is checked whole here and then parsed on the host by Debian's
# python3-libapparmor (tools/vm/host/parse-records.py), every field
# compared. rlimit records keep stock's `rlimit=` and `value=`, keys
# 3.0.8 does not have (mediation.md 13.5): the host check confirms that
# 3.0.8 refuses exactly that record.
. /tests/lib.sh
. /tests/data/sock.sh
. /tests/data/ipc.sh

expect_content "$PARAMS/audit_class" 'N\n' "audit_class set at boot"
audit_burst
on_exit policy_reset
ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up 2>/dev/null
M=$T/m
mkdir "$M" || fatal "mkdir $M"
: > "$T/f"
: > "$T/g"
chown 1000 "$T/g" || fatal "chown $T/g"
cat > "$T/p" <<P
profile t83 {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
  capability sys_resource,
  capability sys_admin,
  set rlimit nofile <= 100,
  audit capability fowner,
  umount $M/other/,
  network inet stream,
  network inet raw,
  unix (create, getopt) type=stream,
  unix (bind) type=dgram addr=@t83ok,
  unix (create) type=dgram,
}
profile t83n {
  network inet stream,
  change_profile -> t83x,
}
profile t83x {
  network inet raw,
}
profile t83peer {
  signal (receive) peer=unconfined,
}
profile t83c flags=(complain) {
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  /** rw,
}
P
apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
	-r "$T/p" || fatal "loading the profiles failed"

n=0
# got PATTERN EXPECTED MSG -- the last record with PATTERN is EXPECTED
# (every field); it is counted and handed to the host check
got() {
	expect_record "$1" "$2" "$3" || return
	n=$((n + 1))
	aa_records "$1" | tail -n 1 > "$T/last"
	dmesg | grep -F -- "$(cat "$T/last")" | tail -n 1 >> "$T/records"
}
: > "$T/records"

# capability: denied, audited, allowed in complain mode
expect_fail aa-exec -p t83 -- chown 1000 "$T/f"
got 'operation="capable" profile="t83" pid=' \
	'apparmor="DENIED" operation="capable" profile="t83" pid=N comm="chown" capability=0  capname="chown"' \
	"capability denied"
expect_ok aa-exec -p t83 -- chmod 600 "$T/g"
got 'operation="capable" profile="t83" pid=' \
	'apparmor="AUDIT" operation="capable" profile="t83" pid=N comm="chmod" capability=3  capname="fowner"' \
	"capability audited"
expect_ok aa-exec -p t83c -- chown 1000 "$T/f"
got 'operation="capable" profile="t83c" pid=' \
	'apparmor="ALLOWED" operation="capable" profile="t83c" pid=N comm="chown" capability=0  capname="chown"' \
	"capability in complain mode"

# mount and umount
expect_fop "mount EACCES" aa-exec -p t83 -- mnt mount none "$M" tmpfs nosuid -
got 'operation="mount" info=' \
	"apparmor=\"DENIED\" operation=\"mount\" info=\"failed mntpnt match\" error=-13 profile=\"t83\" name=\"$M/\" pid=N comm=\"mnt\" fstype=\"tmpfs\" srcname=\"none\" flags=\"rw, nosuid\"" \
	"mount denied"
mount -t tmpfs none "$M" || fatal "mount $M"
on_exit "umount $M 2>/dev/null; true"
expect_fop "umount EACCES" aa-exec -p t83 -- mnt umount "$M" 0
got 'operation="umount" profile="t83"' \
	"apparmor=\"DENIED\" operation=\"umount\" profile=\"t83\" name=\"$M/\" pid=N comm=\"mnt\"" \
	"umount denied"

# ptrace and signal, each refused by both ends
hold t83peer
p=$pid
expect_op "read EACCES" t83 read $p
got 'operation="ptrace" profile="t83" pid=' \
	'apparmor="DENIED" operation="ptrace" profile="t83" pid=N comm="ipcop" requested_mask="read" denied_mask="read" peer="t83peer"' \
	"ptrace read denied"
got 'operation="ptrace" profile="t83peer" pid=' \
	'apparmor="DENIED" operation="ptrace" profile="t83peer" pid=N comm="ipcop" requested_mask="readby" denied_mask="readby" peer="t83"' \
	"ptrace readby denied"
expect_op "kill EACCES" t83 kill $p 15
got 'operation="signal" profile="t83" pid=' \
	'apparmor="DENIED" operation="signal" profile="t83" pid=N comm="ipcop" requested_mask="send" denied_mask="send" signal=term peer="t83peer"' \
	"signal send denied"
got 'operation="signal" profile="t83peer" pid=' \
	'apparmor="DENIED" operation="signal" profile="t83peer" pid=N comm="ipcop" requested_mask="receive" denied_mask="receive" signal=term peer="t83"' \
	"signal receive denied"
expect_op "queue EACCES" t83c queue $p 36
got 'operation="signal" profile="t83peer" pid=' \
	'apparmor="DENIED" operation="signal" profile="t83peer" pid=N comm="ipcop" requested_mask="receive" denied_mask="receive" signal=rtmin+4 peer="t83c"' \
	"rt signal receive denied"
got 'operation="signal" profile="t83c" pid=' \
	'apparmor="ALLOWED" operation="signal" profile="t83c" pid=N comm="ipcop" requested_mask="send" denied_mask="send" signal=rtmin+4 peer="t83peer"' \
	"signal in complain mode"

# network: an inet socket without the rule, and one bound, then listening
run aa-exec -p t83 -- sockop pid socket inet dgram 17
pid=$(pid_of)
expect_eq "$(ops)" "socket EACCES;" "inet dgram"
got "pid=$pid comm=\"sockop\" family=\"inet\"" \
	"apparmor=\"DENIED\" operation=\"create\" profile=\"t83\" pid=$pid comm=\"sockop\" family=\"inet\" sock_type=\"dgram\" protocol=17 requested_mask=\"create\" denied_mask=\"create\"" \
	"inet create denied"
run aa-exec -p t83n -- sockop pid socket inet stream 0 bind inet:7083 changeprofile t83x listen 5
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind ok;changeprofile ok;listen EACCES;" "listen after a change"
got "pid=$pid comm=\"sockop\" laddr=" \
	"apparmor=\"DENIED\" operation=\"listen\" profile=\"t83x\" pid=$pid comm=\"sockop\" laddr=127.0.0.1 lport=7083 family=\"inet\" sock_type=\"stream\" protocol=6 requested_mask=\"listen\" denied_mask=\"listen\"" \
	"inet listen denied, with its address"

# unix, fine-grained: no address (addr=none is left out), an abstract
# address, and a connect to a peer (peer_addr is left out)
run aa-exec -p t83 -- sockop pid socket unix seqpacket 0
pid=$(pid_of)
expect_eq "$(ops)" "socket EACCES;" "unix seqpacket"
got "pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"create\" info=\"failed type match\" error=-13 profile=\"t83\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"seqpacket\" protocol=0 requested_mask=\"create\" denied_mask=\"create\"" \
	"unix create denied"
run aa-exec -p t83 -- sockop pid socket unix dgram 0 bind @t83no
pid=$(pid_of)
expect_eq "$(ops)" "socket ok;bind EACCES;" "unix bind"
got "pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"bind\" info=\"failed local address match\" error=-13 profile=\"t83\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"dgram\" protocol=0 requested_mask=\"bind\" denied_mask=\"bind\" addr=\"@t83no\"" \
	"unix bind denied"
rm -f "$T/ready"
sockop socket unix stream 0 bind @t83srv listen 5 touch "$T/ready" accept > /dev/null 2>&1 &
srv=$!
on_exit "kill $srv 2>/dev/null"
run aa-exec -p t83 -- sockop pid wait "$T/ready" socket unix stream 0 connect @t83srv
pid=$(pid_of)
expect_eq "$(ops)" "wait ok;socket ok;connect EACCES;" "unix connect"
got "pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"connect\" profile=\"t83\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive connect\" denied_mask=\"send receive connect\" peer=\"unconfined\"" \
	"unix connect denied"
kill $srv 2>/dev/null

# rlimit: the record stock writes, which 3.0.8 cannot parse
run aa-exec -p t83 -- sh -c 'ulimit -Hn 200'
expect_match "$rc" "^[1-9]" "raising nofile past the policy fails"
expect_record 'operation="setrlimit" profile="t83"' \
	'apparmor="DENIED" operation="setrlimit" profile="t83" pid=N comm="sh" rlimit=nofile value=200' \
	"setrlimit record"
aa_records 'operation="setrlimit" profile="t83"' | tail -n 1 > "$T/last"
dmesg | grep -F -- "$(cat "$T/last")" | tail -n 1 | sed 's/^/unreadable: /'

expect_no_record ' class="' "no class field"
echo "records: $n"
sed 's/^/record: /' "$T/records"
true
