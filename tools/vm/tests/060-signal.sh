# Signal mediation between two confined tasks (mediation.md 6.2, 13.3;
# conformance 255-259): the sender's profile must grant send toward the
# target's label and the target's profile receive toward the sender's,
# each refusal with its own record. kill(2), sigqueue and tgkill are
# mediated alike; signal 0 is "exists"; SIGRTMIN+n is rtmin+n; a profile
# reaches another task of its own label through @{profile_name}.
# timeout: 240
. /tests/lib.sh
. /tests/data/ipc.sh

expect_content "$SFS/features/signal/mask" \
	'hup int quit ill trap abrt bus fpe kill usr1 segv usr2 pipe alrm term stkflt chld cont stop stp ttin ttou urg xcpu xfsz vtalrm prof winch io pwr sys emt lost\n' \
	"features/signal/mask (conformance 50)"
audit_burst
on_exit policy_reset
cat > "$T/p" <<'P'
profile s60 {
  signal (send) set=(term, usr1, rtmin+2, exists, kill) peer=r60,
  signal (send) set=(usr2) peer=x60,
  signal peer=@{profile_name},
}
profile r60 {
  signal (receive) set=(term, quit, rtmin+2, exists) peer=s60,
}
profile x60 {
}
profile h60 {
  signal (send) peer=@{profile_name},
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

hold r60
r=$pid
hold x60
x=$pid
hold s60
s=$pid

# both ends grant it
expect_op "kill ok" s60 kill $r 15
expect_op "queue ok" s60 queue $r 15
expect_op "tkill ok" s60 tkill $r 15
expect_op "queue ok" s60 queue $r 34
expect_op "kill ok" s60 kill $r 0
# the receiver refuses usr1 (only its record), the sender quit (only its)
expect_op "kill EACCES" s60 kill $r 10
expect_op "tkill EACCES" s60 tkill $r 10
sig_record r60 receive usr1 s60
expect_op "kill EACCES" s60 kill $r 3
sig_record s60 send quit r60
expect_no_record 'requested_mask="receive" denied_mask="receive" signal=quit'
# SIGKILL is a signal like any other: the target's profile lacks it
expect_op "kill EACCES" s60 kill $r 9
sig_record r60 receive kill s60
# real-time signals above the allowed one, through sigqueue
expect_op "queue EACCES" s60 queue $r 40
sig_record s60 send rtmin+8 r60
sig_record r60 receive rtmin+8 s60
# the existence probe: both sides refuse it toward x60
expect_op "kill EACCES" s60 kill $x 0
sig_record s60 send exists x60
sig_record x60 receive exists s60
# sender allows usr2 to x60, whose profile has no signal rules
expect_op "kill EACCES" s60 kill $x 12
sig_record x60 receive usr2 s60
expect_no_record 'requested_mask="send" denied_mask="send" signal=usr2'
# @{profile_name}: another task of the same label, every signal
expect_op "kill ok" s60 kill $s 10
expect_op "kill ok" s60 kill $s 0
expect_op "queue ok" s60 queue $s 50
# ... but not for a profile without it
hold r60
r2=$pid
expect_op "kill EACCES" r60 kill $r2 15
sig_record r60 send term r60
sig_record r60 receive term r60
# within one label, send granted and receive not: only the receive record
hold h60
h=$pid
expect_op "kill EACCES" h60 kill $h 15
sig_record h60 receive term h60
expect_no_record 'requested_mask="send" denied_mask="send" signal=term peer="h60"'
# the targets are all still there
for p in $r $x $s $r2 $h; do
	[ -d /proc/$p ] || fail "target $p is gone"
done
true
