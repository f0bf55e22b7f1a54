# timeout: 120
# Policy namespaces in the policy tree (KI 4.3, 4.9, 7.1-7.2, 7.5): mkdir
# in namespaces/ makes one (its own full layout, revision 0), EEXIST if it
# exists, EPERM anywhere else in the tree, EACCES unprivileged, ENOSPC past
# level 33; loads with a :ns: prefix or through a namespace's own .replace
# land in that namespace and count on its revision only; its .remove works
# relative to it; rmdir and ":ns:" to .remove take a namespace with all its
# profiles and sub-namespaces; rmdir of an unknown one is ENOENT.
. /tests/lib.sh

# Rampart grows the policy tree in issue 4; until then there is nothing
# to check here (stock always has it).
[ -d "$SFS/policy" ] || fail "no policy tree at $SFS/policy"

P=$SFS/policy
N=$P/namespaces
on_exit policy_reset

printf 'profile t24p {\n  /etc/hostname r,\n}\n' > "$T/p.profile"
printf 'profile :t24a:prof {\n}\n' > "$T/a.profile"
printf 'profile :t24b:foo {\n}\n' > "$T/b.profile"
for f in p a b; do
	apparmor_parser -S "$T/$f.profile" > "$T/$f.bin" ||
		fatal "apparmor_parser -S $f.profile failed"
done
root_rev=$(read_rev "$P/revision")
ls "$P/profiles" > "$T/root-profiles"
ls "$N" > "$T/namespaces"

# --- mkdir -------------------------------------------------------------------
expect_ok mkdir "$N/t24a"
[ -d "$N/t24a" ] || fatal "mkdir $N/t24a made nothing"
expect_ns_layout "$N/t24a" "namespace t24a"
for d in profiles raw_data namespaces; do
	expect_eq "$(ls "$N/t24a/$d")" "" "t24a/$d of a new namespace"
done
expect_errno EAGAIN fsop read -n "$N/t24a/revision"
expect_eq "$(grep -c ':t24a:' "$SFS/profiles")" 0 "profiles lines of an empty namespace"
expect_errno EEXIST mkdir "$N/t24a"
for d in "$P/x" "$P/profiles/x" "$P/raw_data/x" "$N/t24a/profiles/x" "$N/t24a/raw_data/x"; do
	expect_errno EPERM mkdir "$d"
	[ -e "$d" ] && fail "mkdir $d made something"
done
expect_errno EPERM rmdir "$P/profiles"
expect_errno EPERM rmdir "$N/t24a/raw_data"
expect_errno EACCES as_nobody mkdir "$N/t24x"
[ -e "$N/t24x" ] && fail "an unprivileged mkdir made t24x"
expect_errno EACCES as_nobody rmdir "$N/t24a"
[ -d "$N/t24a" ] || fail "an unprivileged rmdir removed t24a"
expect_errno ENOENT rmdir "$N/t24nosuch"

# --- loading into it ---------------------------------------------------------
# through the root .replace with a :t24a: prefix
expect_ok fsop write "$SFS/.replace" - < "$T/a.bin"
expect_match "$(cat "$SFS/profiles")" '^:t24a:prof \(enforce\)$' "profiles after loading :t24a:prof"
expect_eq "$(ls "$N/t24a/profiles")" "prof.0" "t24a/profiles: the counter starts at 0"
expect_content "$N/t24a/profiles/prof.0/name" 'prof\n' "name of :t24a:prof"
expect_eq "$(ls "$N/t24a/raw_data")" "0" "t24a/raw_data"
expect_eq "$(readlink "$N/t24a/profiles/prof.0/raw_data")" "../../raw_data/0/raw_data" \
	"raw_data link of :t24a:prof"
expect_content "$N/t24a/revision" '1\n' "t24a revision after a load into it"
expect_eq "$(read_rev "$P/revision")" "$root_rev" "root revision after a load into t24a"

# through t24a's own .replace, without a prefix: lands in t24a
expect_ok fsop write "$N/t24a/.replace" - < "$T/p.bin"
grep -qx ':t24a:t24p (enforce)' "$SFS/profiles" ||
	fail "no ':t24a:t24p (enforce)' in profiles: $(cat "$SFS/profiles")"
grep -qx 't24p (enforce)' "$SFS/profiles" &&
	fail "a write to t24a/.replace loaded t24p into the root namespace"
expect_eq "$(ls "$N/t24a/profiles" | tr '\n' ' ')" "prof.0 t24p.1 " "t24a/profiles"
expect_eq "$(ls "$P/profiles")" "$(cat "$T/root-profiles")" "root profiles/ unchanged"
expect_content "$N/t24a/revision" '2\n' "t24a revision after a second load"
expect_eq "$(read_rev "$P/revision")" "$root_rev" "root revision after loads into t24a"
expect_errno EEXIST fsop write "$N/t24a/.load" - < "$T/p.bin"
expect_content "$N/t24a/revision" '2\n' "t24a revision after a refused .load"

# .remove relative to the file's namespace
expect_errno ENOENT fsop write "$SFS/.remove" t24p
printf 't24p' | fsop write "$N/t24a/.remove" -
expect_eq "$?" 0 "removing t24p through t24a/.remove"
grep -q 't24p' "$SFS/profiles" && fail "t24p still listed after its removal"
expect_eq "$(ls "$N/t24a/profiles")" "prof.0" "t24a/profiles after removing t24p"
expect_content "$N/t24a/revision" '3\n' "t24a revision after a removal"
expect_eq "$(read_rev "$P/revision")" "$root_rev" "root revision after a removal in t24a"

# --- nested namespaces -------------------------------------------------------
expect_ok mkdir "$N/t24a/namespaces/sub"
expect_ns_layout "$N/t24a/namespaces/sub" "namespace t24a//sub"
expect_ok fsop write "$N/t24a/namespaces/sub/.replace" - < "$T/p.bin"
grep -qx ':t24a//sub:t24p (enforce)' "$SFS/profiles" ||
	fail "no ':t24a//sub:t24p (enforce)' in profiles: $(cat "$SFS/profiles")"
expect_eq "$(ls "$N/t24a/namespaces/sub/profiles")" "t24p.0" \
	"t24a//sub/profiles: a counter of its own"
expect_content "$N/t24a/namespaces/sub/revision" '1\n' "t24a//sub revision"
expect_content "$N/t24a/revision" '3\n' "t24a revision after a load into t24a//sub"
printf ':sub:t24p' | fsop write "$N/t24a/.remove" -
expect_eq "$?" 0 "removing :sub:t24p through t24a/.remove"
grep -q 't24p' "$SFS/profiles" && fail ":t24a//sub:t24p still listed after its removal"
expect_ok fsop write "$N/t24a/namespaces/sub/.replace" - < "$T/p.bin"

# --- a namespace made by a load ----------------------------------------------
expect_ok fsop write "$SFS/.replace" - < "$T/b.bin"
[ -d "$N/t24b" ] || fail "loading :t24b:foo made no $N/t24b"
expect_ns_layout "$N/t24b" "namespace t24b made by a load"
expect_eq "$(ls "$N/t24b/profiles")" "foo.0" "t24b/profiles"
grep -qx ':t24b:foo (enforce)' "$SFS/profiles" || fail "no ':t24b:foo (enforce)' in profiles"
expect_content "$N/t24b/revision" '1\n' "t24b revision"
expect_eq "$(read_rev "$P/revision")" "$root_rev" "root revision after loading :t24b:foo"
printf ':t24b:' | fsop write "$SFS/.remove" -
expect_eq "$?" 0 "removing :t24b: through the root .remove"
[ -e "$N/t24b" ] && fail "$N/t24b still there after removing :t24b:"
grep -q ':t24b:' "$SFS/profiles" && fail ":t24b:foo still listed"
expect_eq "$(read_rev "$P/revision")" "$root_rev" "root revision after removing :t24b:"
expect_errno ENOENT fsop write "$SFS/.remove" ':t24b:'

# --- rmdir takes everything in it ---------------------------------------------
expect_eq "$(grep -c '^:t24a' "$SFS/profiles")" 2 "profiles in t24a and t24a//sub before rmdir"
expect_ok rmdir "$N/t24a"
[ -e "$N/t24a" ] && fail "$N/t24a still there after rmdir"
grep -q ':t24a' "$SFS/profiles" && fail "profiles of t24a still listed after rmdir: $(cat "$SFS/profiles")"
expect_errno ENOENT rmdir "$N/t24a"
expect_eq "$(read_rev "$P/revision")" "$root_rev" "root revision after rmdir t24a"

# --- depth: levels 1 to 33 can be made, 34 cannot ----------------------------
d=$N/t24d
i=1
while [ $i -le 33 ] && mkdir "$d" 2> "$T/err"; do
	d=$d/namespaces/n
	i=$((i + 1))
done
expect_eq "$i" 34 "nested namespaces made: $(cat "$T/err")"
expect_errno ENOSPC mkdir "$d"
expect_ok rmdir "$N/t24d"
expect_eq "$(ls "$N")" "$(cat "$T/namespaces")" "namespaces/ at the end"
