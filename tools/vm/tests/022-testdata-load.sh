# timeout: 500
# Every shared test profile (shared/testdata/*.profile, in /tests/testdata)
# through the real apparmor_parser 3.0.8 compiling in the guest: -a loads
# it (the profiles "apparmor_parser -N" names appear in profiles with their
# mode, the revision of their namespace goes up), a second -a fails (the
# profiles exist), -r replaces it, -R removes every profile of it and
# profiles reads as before; a namespace made by the load stays, empty
# (KI 4.3-4.5, 7.2).
. /tests/lib.sh

set -- /tests/testdata/*.profile
[ -f "$1" ] || skip "no shared test profiles in the initramfs"
on_exit policy_reset
policy_reset

# rev_of NAME -- revision of the namespace a profile NAME (as in profiles)
# lives in.
rev_of() {
	case $1 in
	:*) _ns=${1#:}; read_rev "$SFS/policy/namespaces/${_ns%%:*}/revision" ;;
	*) read_rev "$SFS/revision" ;;
	esac
}

cat "$SFS/profiles" > "$T/empty"
for f in "$@"; do
	b=${f##*/}
	if ! apparmor_parser -N "$f" > "$T/names" 2> "$T/err"; then
		fail "$b: apparmor_parser -N: $(cat "$T/err")"
		continue
	fi
	[ -s "$T/names" ] || { fail "$b: apparmor_parser -N names nothing"; continue; }
	# -N writes a namespaced profile as :ns://name, profiles as :ns:name.
	mode=enforce
	grep -Eq '^ *profile [^{]*flags=\([^)]*complain' "$f" && mode=complain
	sed "s|^\(:[^:]*:\)//|\1|; s|\$| ($mode)|" "$T/names" > "$T/lines"
	first=$(sed 's/ ([a-z]*)$//' "$T/lines" | head -n 1)
	cat "$T/empty" "$T/lines" | sort > "$T/want"

	# A namespace's own revision is read from the policy tree.
	check_rev=1
	r0=$(rev_of "$first")
	run apparmor_parser -a "$f"
	[ "$rc" -eq 0 ] || { fail "$b: apparmor_parser -a exited $rc: $out"; continue; }
	sort "$SFS/profiles" > "$T/got"
	cmp -s "$T/got" "$T/want" ||
		fail "$b: profiles after -a: '$(cat "$T/got")', expected '$(cat "$T/want")'"
	r1=$(rev_of "$first")
	[ -z "$check_rev" ] || [ "$r1" -gt "$r0" ] || fail "$b: revision after -a: $r1, was $r0"

	run apparmor_parser -a "$f"
	[ "$rc" -ne 0 ] || fail "$b: a second apparmor_parser -a succeeded"
	expect_match "$out" 'already exists' "$b: second -a"
	sort "$SFS/profiles" > "$T/got"
	cmp -s "$T/got" "$T/want" || fail "$b: profiles changed by a failed -a"
	[ -z "$check_rev" ] ||
	expect_eq "$(rev_of "$first")" "$r1" "$b: revision after a failed -a"

	run apparmor_parser -r "$f"
	[ "$rc" -eq 0 ] || fail "$b: apparmor_parser -r exited $rc: $out"
	sort "$SFS/profiles" > "$T/got"
	cmp -s "$T/got" "$T/want" || fail "$b: profiles after -r: '$(cat "$T/got")'"
	r2=$(rev_of "$first")
	[ -z "$check_rev" ] || [ "$r2" -gt "$r1" ] || fail "$b: revision after -r: $r2, was $r1"

	run apparmor_parser -R "$f"
	[ "$rc" -eq 0 ] || fail "$b: apparmor_parser -R exited $rc: $out"
	cat "$SFS/profiles" > "$T/got"
	cmp -s "$T/got" "$T/empty" || fail "$b: profiles after -R: '$(cat "$T/got")'"
	r3=$(rev_of "$first")
	[ -z "$check_rev" ] || [ "$r3" -gt "$r2" ] || fail "$b: revision after -R: $r3, was $r2"
	case $first in
	:*)
		# a namespace is not reaped when its last profile goes
		ns=${first#:}
		ns=${ns%%:*}
		[ -d "$SFS/policy/namespaces/$ns" ] ||
			fail "$b: namespace $ns went away with its profiles"
		printf ':%s:' "$ns" | fsop write "$SFS/.remove" -
		expect_eq "$?" 0 "$b: removing namespace $ns"
		;;
	esac
	note "$b: $(wc -l < "$T/lines") profile(s), revisions $r0 $r1 $r2 $r3"
done
true
