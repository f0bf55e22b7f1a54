# Exec transitions chosen by a confined profile's exec rules (mediation
# 3.1, 3.2, 3.4): ix, px/Px to a loaded profile, px with no profile
# (EACCES), pix/pux/PUx fallbacks, cx/Cx to a child, cx -> name, ux/Ux,
# px -> name, no x rule at all (EACCES). Each exec'd program is a copy of
# auxv reporting its label and AT_SECURE: Px/Cx/Ux/PUx give 1, the others 0.
. /tests/lib.sh

B=$T/bin
mkdir "$B" || fatal "mkdir $B"
for n in ix px Px pxnone pix pux PUx cx Cx cxto ux Ux pxto cxnone none; do
	cp /usr/local/bin/auxv "$B/$n" || fatal "cp auxv $B/$n"
done
on_exit policy_reset
cat > "$T/p.profile" <<P
profile t29 {
  /** rwlkm,
  /usr/bin/busybox rix,
  $B/ix rix,
  $B/px rpx,
  $B/Px rPx,
  $B/pxnone rpx,
  $B/pix rpix,
  $B/pux rpux,
  $B/PUx rPUx,
  $B/cx rcx,
  $B/Cx rCx,
  $B/cxto rcx -> kid,
  $B/cxnone rcx,
  $B/ux rux,
  $B/Ux rUx,
  $B/pxto rpx -> t29to,

  profile $B/cx {
    /** rwlkm,
  }
  profile $B/Cx {
    /** rwlkm,
  }
  profile kid {
    /** rwlkm,
  }
}
profile $B/px {
  /** rwlkm,
}
profile $B/Px {
  /** rwlkm,
}
profile t29to flags=(complain) {
  /** rwlkm,
}
P
apparmor_parser -r "$T/p.profile" || fatal "loading the profiles failed"

# x NAME -- exec $B/NAME from a shell confined by t29
x() {
	aa-exec -p t29 -- sh -c 'exec "$1"' sh "$B/$1"
}
check() { # NAME EXPECTED-OUTPUT MSG
	run x "$1"
	expect_eq "$rc/$out" "0/$2" "$3"
}

check ix "secure=0 label=t29 (enforce)" "ix: stays in t29"
check px "secure=0 label=$B/px (enforce)" "px: the profile named by the path"
check Px "secure=1 label=$B/Px (enforce)" "Px: the same, secure"
check pxto "secure=0 label=t29to (complain)" "px -> t29to"
check pix "secure=0 label=t29 (enforce)" "pix without a profile: ix fallback"
check pux "secure=0 label=unconfined" "pux without a profile: unconfined"
check PUx "secure=1 label=unconfined" "PUx without a profile: unconfined, secure"
check cx "secure=0 label=t29//$B/cx (enforce)" "cx: the child named by the path"
check Cx "secure=1 label=t29//$B/Cx (enforce)" "Cx: the same, secure"
check cxto "secure=0 label=t29//kid (enforce)" "cx -> kid"
check ux "secure=0 label=unconfined" "ux"
check Ux "secure=1 label=unconfined" "Ux"
# no profile / child to go to, no x rule: the exec fails
for n in pxnone cxnone none; do
	run x $n
	expect_match "$rc/$out" '^(126|2)/.*Permission denied' "exec of $n (fails with EACCES)"
done
# the same exec from unconfined: no rule applies, no attachment
run "$B/px"
expect_eq "$rc/$out" "0/secure=0 label=$B/px (enforce)" "unconfined exec of $B/px attaches"
run "$B/Cx"
expect_eq "$rc/$out" "0/secure=0 label=unconfined" "unconfined exec of $B/Cx (children never attach)"
true
