// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: security/apparmor/dfa.c and perms.c on untrusted
 * bytes. The first byte picks the unpack flags; the rest is the DFA blob.
 * A blob that unpacks is walked with every helper, from every state for
 * short inputs, and its accepting states are decoded; AddressSanitizer
 * and UBSan catch any out-of-bounds access the verifier let through.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "dfa.h"
#include "perms.h"

static const char *const rp_fuzz_paths[] = {
	"", "/", "/etc/passwd", "/usr/bin/files", "/usr/local/bin/a",
	"/home/user/.files/cfg", "\x02/etc", "\x07/mnt", "\xff\xfe\x80",
	"/usr/lib/x86_64-linux-gnu/libc.so.6", "/etc/files/a/b/c/d",
	"/proc/1/attr/current", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_dfa_error err;
	struct rp_perms p;
	struct rp_dfa *dfa;
	unsigned int s, i, n, start;
	const char *end;

	if (size < 1)
		return 0;
	dfa = rp_dfa_unpack(data + 1, size - 1, data[0] & 1 ? RP_DFA_WANT_ACCEPT2 : 0,
			    &err);
	if (IS_ERR(dfa)) {
		if (PTR_ERR(dfa) != -EPROTO || !err.what || err.offset > size)
			__builtin_trap();
		return 0;
	}
	for (start = 0; start < dfa->nstates && start < 64; start++) {
		for (i = 0; i < ARRAY_SIZE(rp_fuzz_paths); i++) {
			const char *c;

			/* The fast string walk agrees with single steps. */
			s = start;
			for (c = rp_fuzz_paths[i]; *c; c++)
				s = rp_dfa_step(dfa, s, *c);
			if (rp_dfa_match(dfa, start, rp_fuzz_paths[i]) != s &&
			    start != RP_DFA_DEAD)
				__builtin_trap();
			s = rp_dfa_match(dfa, start, rp_fuzz_paths[i]);
			s = rp_dfa_null_step(dfa, s);
			s = rp_dfa_oob_step(dfa, s);
			s = rp_dfa_match_len(dfa, s, rp_fuzz_paths[i],
					     strlen(rp_fuzz_paths[i]) + 1);
			s = rp_dfa_match_until(dfa, s, rp_fuzz_paths[i], '/', &end);
			s = rp_dfa_leftmatch(dfa, s, rp_fuzz_paths[i], &n);
			if (s >= dfa->nstates)
				__builtin_trap();
			rp_perms_from_file(&p, dfa->accept[s],
					   dfa->accept2 ? dfa->accept2[s] : 0, n & 1);
			rp_perms_from_policy(&p, s, dfa->accept[s], 0, 7 + (n & 2));
		}
		for (i = 0; i < 256; i++)
			if (rp_dfa_step(dfa, start, i) >= dfa->nstates)
				__builtin_trap();
	}
	rp_dfa_free(dfa);
	return 0;
}
