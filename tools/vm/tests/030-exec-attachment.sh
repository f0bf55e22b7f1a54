# Attachment of an unconfined exec to a loaded profile (mediation 3.2
# step 2, 3.3): by exact name (profile named by the path), by a glob
# attachment, the longest left match between two glob attachments, an
# exact name winning over a glob, px from a confined profile using the same
# attachments; no AT_SECURE on attachment from unconfined.
. /tests/lib.sh

D=/tmp/t30x
on_exit "rm -rf $D; policy_reset"
mkdir -p $D/bin $D/other $D/bin/sub || fatal "mkdir $D"
for f in bin/exact bin/bar bin/long bin/lx other/x bin/sub/y; do
	cp /usr/local/bin/auxv $D/$f || fatal "cp auxv $D/$f"
done
cp /usr/local/bin/auxv "$T/named" || fatal "cp auxv $T/named"
cat > "$T/p.profile" <<P
profile $T/named {
  /** rwlkm,
}
profile t30glob /tmp/t30*/bin/* {
  /** rwlkm,
}
profile t30long /tmp/t30x/bin/l* {
  /** rwlkm,
}
profile t30other /tmp/t30?/other/** {
  /** rwlkm,
}
profile $D/bin/exact {
  /** rwlkm,
}
profile t30conf {
  /** rwlkm,
  /usr/bin/busybox rix,
  /tmp/t30x/** rpx,
}
P
apparmor_parser -r "$T/p.profile" || fatal "loading the profiles failed"

check() { # PROGRAM EXPECTED-LABEL MSG
	run "$1"
	expect_eq "$rc/$out" "0/secure=0 label=$2" "$3"
}
check "$T/named" "$T/named (enforce)" "profile named by the exact path"
check $D/bin/bar "t30glob (enforce)" "glob attachment /tmp/t30*/bin/*"
check $D/other/x "t30other (enforce)" "glob attachment /tmp/t30?/other/**"
check $D/bin/long "t30long (enforce)" "longest left match: /tmp/t30x/bin/l* over /tmp/t30*/bin/*"
check $D/bin/lx "t30long (enforce)" "longest left match for lx"
check $D/bin/exact "$D/bin/exact (enforce)" "an exact name over the glob /tmp/t30*/bin/*"
# * does not cross /: nothing attaches
check $D/bin/sub/y "unconfined" "no attachment matches bin/sub/y"
cp /usr/local/bin/auxv "$T/unnamed"
check "$T/unnamed" "unconfined" "no profile for $T/unnamed"

# px picks the target among the same attachments
for p in bin/bar:t30glob bin/long:t30long other/x:t30other "bin/exact:$D/bin/exact"; do
	run aa-exec -p t30conf -- sh -c 'exec "$1"' sh "$D/${p%%:*}"
	expect_eq "$rc/$out" "0/secure=0 label=${p#*:} (enforce)" "px from t30conf to $D/${p%%:*}"
done
run aa-exec -p t30conf -- sh -c 'exec "$1"' sh "$D/bin/sub/y"
expect_match "$rc/$out" '^(126|2)/.*Permission denied' "px from t30conf with no attachment for bin/sub/y"

# removing the longer one lets the shorter one take over; loaded again
# (now the newest in the list), and with the shorter one reloaded after
# it, the longer match still wins: list order does not decide
printf t30long | fsop write "$SFS/.remove" - || fail "removing t30long"
check $D/bin/long "t30glob (enforce)" "bin/long once t30long is gone"
printf 'profile t30long /tmp/t30x/bin/l* {\n  /** rwlkm,\n}\n' > "$T/long.profile"
printf 'profile t30glob /tmp/t30*/bin/* {\n  /** rwlkm,\n  /etc/hostname r,\n}\n' > "$T/glob.profile"
expect_ok apparmor_parser -a "$T/long.profile"
check $D/bin/long "t30long (enforce)" "bin/long with t30long loaded last"
expect_ok apparmor_parser -r "$T/glob.profile"
check $D/bin/long "t30long (enforce)" "bin/long with t30glob replaced last"
check $D/bin/bar "t30glob (enforce)" "bin/bar with t30glob replaced last"
true
