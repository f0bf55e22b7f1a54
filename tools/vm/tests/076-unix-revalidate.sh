# tags: rampart-extension
# timeout: 120
# Fine-grained unix sockets used through their file (af-unix.md 6.3, 13
# items 28, 35, 36): read()/write() on a connected socket check both ends
# for send and receive toward each other's label (operation file_perm),
# once per label: send()/recv() on a stream are never checked per
# message. A descriptor received over SCM_RIGHTS is checked the same way
# (file_receive) and dropped when refused. Sockets made unconfined serve
# anyone.
# Needs file.c to call rp_sock_file_perm() (net.c) for sockets.
. /tests/lib.sh
. /tests/data/sock.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<P
profile t76 {
  unix (create) type=stream,
  unix (create) type=dgram,
  unix (send, receive) type=dgram peer=(label=t76),
}
profile t76b {
  change_profile -> t76,
  unix (create) type=stream,
  unix (send) type=dgram peer=(label=unconfined),
  unix (send, receive) type=stream peer=(label=t76b),
}
P
apparmor_parser --config-file /dev/null -M /tests/data/features-afunix \
	-r "$T/p" || fatal "loading t76 failed"

# send/recv on a stream pair: no peer check; write needs one
run aa-exec -p t76 -- sockop pid pair stream send x use 1 recv write y
pid=$(pid_of)
expect_eq "$(ops)" "pair ok;send ok;recv 'x';write EACCES;" "t76 stream pair"
expect_record "pid=$pid comm=\"sockop\" family=\"unix\"" \
	"apparmor=\"DENIED\" operation=\"file_perm\" class=\"net\" info=\"failed local address match\" error=-13 profile=\"t76\" pid=$pid comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive\" denied_mask=\"send receive\" addr=none peer_addr=none peer=\"t76\"" \
	"write on the pair"
run aa-exec -p t76b -- sockop pid pair stream write x use 1 read write y use 0 read
expect_eq "$(ops)" "pair ok;write ok;read 'x';write ok;read 'y';" "t76b stream pair"

# SCM_RIGHTS: under t76b, one end of a stream pair is passed over a
# dgram pair made unconfined (delegated; the sends still need send toward
# unconfined), and received under t76, which may not talk to t76b
run sockop pair dgram changeprofile t76b pair stream use 0 sendfd 2 changeprofile t76 use 1 recvfd
expect_eq "$(echo "$out" | tr '\n' ';')" "pair ok;changeprofile ok;pair ok;sendfd ok;changeprofile ok;recvfd none ctrunc;" "file_receive"
expect_record "error=-13 profile=\"t76\" pid=" \
	"apparmor=\"DENIED\" operation=\"file_receive\" class=\"net\" info=\"failed local address match\" error=-13 profile=\"t76\" pid=N comm=\"sockop\" family=\"unix\" sock_type=\"stream\" protocol=0 requested_mask=\"send receive\" denied_mask=\"send receive\" addr=none peer_addr=none peer=\"t76b\"" \
	"file_receive record"

# made unconfined: delegated
run sockop pair stream exec aa-exec -p t76 -- sockop fd 3 write x fd 4 read
expect_eq "$(echo "$out" | tr '\n' ';')" "pair ok;write ok;read 'x';" "unconfined socket"
