# Locks, mappings and the exec'd binary (mediation.md 1.3, 2.7, 2.8):
# flock(2) and fcntl(2) locks ask for k, and exclusive/write locks also
# for w (file_lock); mmap with PROT_EXEC asks for m, a shared writable
# mapping for w, a private one for nothing more than r (file_mmap);
# mprotect to PROT_EXEC asks for m (file_mprotect). An ix exec needs no
# rule beyond ix; after a px exec the new profile needs r on its own
# binary (the loader's mapping is checked against it): without any rule,
# or with only m, the program dies with SIGSEGV and a file_mmap record
# asking for r. r alone is enough for these static helpers: their first
# segment is mapped read-only, which passes and adds the new profile to
# the file's label (2.8 rule 5), so the executable segment is covered by
# the exec-time grant (x, r, m) without another check.
. /tests/lib.sh

audit_burst
on_exit policy_reset
D=$T/d
mkdir "$D" || fatal "mkdir $D"
for f in k kr kw m mm mw ma; do echo data > "$D/$f"; done
for b in bin1 bin2 bin3 bin4 bin5; do cp /usr/local/bin/auxv "$D/$b" || fatal "cp auxv"; done
cat > "$T/p" <<P
profile t43 {
  $D/k rk,
  $D/kr r,
  $D/kw rwk,
  $D/m rm,
  $D/mm r,
  $D/mw rw,
  $D/ma ra,
  $D/bin1 ix,
  $D/bin2 px,
  $D/bin3 px,
  $D/bin4 px,
  $D/bin5 px,
  /proc/*/attr/current r,
}
profile $D/bin2 {
  /proc/*/attr/current r,
}
profile $D/bin3 {
  $D/bin3 mr,
  /proc/*/attr/current r,
}
profile $D/bin4 {
  $D/bin4 r,
  /proc/*/attr/current r,
}
profile $D/bin5 {
  $D/bin5 m,
  /proc/*/attr/current r,
}
P
apparmor_parser -r "$T/p" || fatal "loading the profiles failed"

f() { aa-exec -p t43 -- fop "$@"; }
expect_fop "open ok; flock ok; flock ok; flock EACCES; lock ok" \
	f open "$D/k" r flock sh flock un flock ex lock r
expect_fop "open ok; flock EACCES; lock EACCES" f open "$D/kr" r flock sh lock r
expect_fop "open ok; lock ok; lock ok; flock ok" f open "$D/kw" rw lock w lock u flock ex
expect_fop "open ok; mmap ok; mmap ok; mprotect ok" f open "$D/m" r mmap rx private mmap r shared mprotect rx
expect_fop "open ok; mmap ok; mmap EACCES; mmap EACCES; mmap ok; mprotect EACCES" \
	f open "$D/mm" r mmap r private mmap rx private mmap rx shared mmap r private mprotect rx
expect_fop "open ok; mmap ok; mmap ok" f open "$D/mw" rw mmap rw shared mmap rw private
expect_fop "open ok; mmap ok; mmap EACCES" f open "$D/ma" rwa mmap rw private mmap rw shared

# exec
expect_fop "secure=0 label=t43 (enforce)" f exec "$D/bin1"
run f exec "$D/bin2"
expect_eq "$rc" 139 "px to a profile without a rule for its binary: SIGSEGV"
expect_fop "secure=0 label=$D/bin3 (enforce)" f exec "$D/bin3"
expect_fop "secure=0 label=$D/bin4 (enforce)" f exec "$D/bin4"
run f exec "$D/bin5"
expect_eq "$rc" 139 "px to a profile with only m for its binary: SIGSEGV"

rec() { # OP NAME MASK [PROFILE]
	expect_record "operation=\"$1\" class=\"file\" profile=\"${4:-t43}\" name=\"$2\"" \
		"apparmor=\"DENIED\" operation=\"$1\" class=\"file\" profile=\"${4:-t43}\" name=\"$2\" pid=N comm=\"${5:-fop}\" requested_mask=\"$3\" denied_mask=\"$3\" fsuid=0 ouid=0" \
		"$1 of $2"
}
rec file_lock "$D/k" w
rec file_lock "$D/kr" k
rec file_mmap "$D/mm" m
rec file_mprotect "$D/mm" m
rec file_mmap "$D/ma" w
rec file_mmap "$D/bin2" r "$D/bin2" bin2
rec file_mmap "$D/bin5" r "$D/bin5" bin5
expect_eq "$(aa_records "name=\"$D/mm\"" | wc -l)" 3 "mm: two mmap records and one mprotect"
expect_no_record "comm=\"bin3\"" "bin3 runs without denials"
expect_no_record "comm=\"bin4\"" "bin4 runs without denials"
true
