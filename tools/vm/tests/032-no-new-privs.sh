# no_new_privs and confinement (mediation 3.1 step 3, 3.6, 4.2, 4.3; KI
# 8): a confined task that set NNP (the nnp helper) cannot exec into
# another profile (px, cx, ux: EPERM) nor change_profile/onexec to one,
# but ix, the pix fallback and stacking (stack on current or at exec) stay
# allowed; transitions out of unconfined are never blocked.
. /tests/lib.sh

B=$T/bin
mkdir "$B" || fatal "mkdir $B"
for n in px ix pix cx ux; do
	cp /usr/local/bin/auxv "$B/$n" || fatal "cp auxv $B/$n"
done
on_exit policy_reset
cat > "$T/p.profile" <<P
profile t32a {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
  $B/px rpx,
  $B/ix rix,
  $B/pix rpix,
  $B/cx rcx,
  $B/ux rux,
  change_profile -> t32b,
  change_profile -> &t32b,
  profile $B/cx {
    /** rwlkm,
  }
}
profile t32b {
  /** rwlkm,
  /usr/bin/busybox rix,
  /usr/local/bin/* rix,
}
profile $B/px {
  /** rwlkm,
}
P
apparmor_parser -r "$T/p.profile" || fatal "loading the profiles failed"

# without NNP, for comparison
run aa-exec -p t32a -- sh -c 'exec "$1"' sh "$B/px"
expect_eq "$rc/$out" "0/secure=0 label=$B/px (enforce)" "px from t32a without NNP"
run aa-exec -p t32a -- sh -c 'printf "changeprofile t32b" > /proc/self/attr/current && exec auxv'
expect_eq "$rc/$out" "0/secure=0 label=t32b (enforce)" "changeprofile t32b without NNP"

# exec rules under NNP
for n in px cx ux; do
	run aa-exec -p t32a -- nnp "$B/$n"
	expect_match "$rc/$out" "^126/nnp: exec $B/$n: EPERM" "$n from t32a with NNP"
done
run aa-exec -p t32a -- nnp "$B/ix"
expect_eq "$rc/$out" "0/secure=0 label=t32a (enforce)" "ix from t32a with NNP"
run aa-exec -p t32a -- nnp "$B/pix"
expect_eq "$rc/$out" "0/secure=0 label=t32a (enforce)" "pix fallback from t32a with NNP"

# procattr changes under NNP: change_profile and onexec to another profile
# are refused with EPERM at the write (stock checks NNP for "exec LABEL"
# when it is written, mediation 4.4 lists only steps 1-4 of 4.2 there);
# stacks pass
run aa-exec -p t32a -- nnp sh -c 'exec fsop write /proc/self/attr/current "changeprofile t32b"'
expect_match "$rc/$out" '^1/.*EPERM' "changeprofile t32b from t32a with NNP"
run aa-exec -p t32a -- nnp sh -c 'exec fsop write /proc/self/attr/current "permprofile t32b"'
expect_eq "$rc/$out" "0/" "permprofile t32b from t32a with NNP (no NNP check)"
run aa-exec -p t32a -- nnp sh -c 'exec fsop write /proc/self/attr/exec "exec t32b"'
expect_match "$rc/$out" '^1/.*EPERM' "onexec t32b from t32a with NNP"
run aa-exec -p t32a -- nnp sh -c 'printf "stack t32b" > /proc/self/attr/current && exec auxv'
expect_eq "$rc/$out" "0/secure=0 label=t32a//&t32b (enforce)" "stack t32b on current with NNP"
run aa-exec -p t32a -- nnp sh -c 'printf "stack t32b" > /proc/self/attr/exec && exec auxv'
expect_eq "$rc/$out" "0/secure=1 label=t32a//&t32b (enforce)" "stack t32b at exec with NNP"
run aa-exec -p t32a -- nnp sh -c 'printf "exec &t32b" > /proc/self/attr/exec && exec auxv'
expect_eq "$rc/$out" "0/secure=1 label=t32a//&t32b (enforce)" "exec &t32b with NNP"

# from unconfined, NNP blocks nothing
run nnp aa-exec -p t32a -- auxv
expect_eq "$rc/$out" "0/secure=0 label=t32a (enforce)" "aa-exec -p t32a under NNP"
run nnp "$B/px"
expect_eq "$rc/$out" "0/secure=0 label=$B/px (enforce)" "attachment from unconfined under NNP"
run nnp sh -c 'printf "changeprofile t32b" > /proc/self/attr/current && exec auxv'
expect_eq "$rc/$out" "0/secure=0 label=t32b (enforce)" "changeprofile from unconfined under NNP"
true
