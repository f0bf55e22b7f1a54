# Peers in other policy namespaces (mediation.md 6.1, encoding 9.1;
# conformance 261): only a peer's components in the checking profile's
# own namespace are matched, and a peer with none there is not restricted
# by it. Within a child namespace, records carry namespace= and name the
# peer relative to it.
# timeout: 180
. /tests/lib.sh
. /tests/data/ipc.sh

audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile r66 {
  /proc/** r,
}
profile :ns66:a66 {
  /proc/** r,
}
profile :ns66:b66 {
  /proc/** r,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

hold r66
r=$pid
hold :ns66:a66
a=$pid
hold :ns66:b66
b=$pid
hold -
u=$pid

# neither side sees the other: nothing to check
expect_op "kill ok" r66 kill $a 15
expect_op "kill ok" :ns66:a66 kill $r 15
expect_op "read ok" r66 read $a
expect_op "read ok" :ns66:b66 read $r
# the root's unconfined is not the child namespace's either
expect_op "kill ok" :ns66:a66 kill $u 15
expect_op "kill ok" - kill $a 15
# within the namespace, both ends are checked
expect_op "kill EACCES" :ns66:a66 kill $b 15
expect_record 'namespace="root//ns66" profile="a66"' \
	'apparmor="DENIED" operation="signal" class="signal" namespace="root//ns66" profile="a66" pid=N comm="ipcop" requested_mask="send" denied_mask="send" signal=term peer="b66"' \
	"the sender's record"
expect_record 'namespace="root//ns66" profile="b66"' \
	'apparmor="DENIED" operation="signal" class="signal" namespace="root//ns66" profile="b66" pid=N comm="ipcop" requested_mask="receive" denied_mask="receive" signal=term peer="a66"' \
	"the receiver's record"
true
