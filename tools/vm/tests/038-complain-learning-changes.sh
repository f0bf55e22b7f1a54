# change_hat and change_profile from a complain-mode profile (mediation.md
# 4.1, 4.2): a hat that does not exist counts as found and the task moves
# to the learning hat P//null-<hat>; a label that does not exist sends the
# task to the learning profile P//null-<label>; a change_profile the rules
# do not grant is allowed. Learning profiles are complain-mode.
. /tests/lib.sh

on_exit policy_reset
cat > "$T/p" <<'P'
profile t38 flags=(complain) {
}
profile t38b {
  /proc/** r,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

run aa-exec -p t38 -- hat change h9 0x5 getcon prev
expect_eq "$rc/$out" "0/change h9 0x5: ok
getcon: t38//null-h9 (complain)
prev: t38 (complain)" "change_hat to a missing hat in complain mode"
run aa-exec -p t38 -- hat profile nosuch getcon
expect_eq "$rc/$out" "0/profile nosuch: ok
getcon: t38//null-nosuch (complain)" "change_profile to a missing label in complain mode"
run aa-exec -p t38 -- hat profile t38b getcon
expect_eq "$rc/$out" "0/profile t38b: ok
getcon: t38b (enforce)" "change_profile without a rule in complain mode"
true
