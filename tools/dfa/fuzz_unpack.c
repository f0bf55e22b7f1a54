// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: security/apparmor/unpack.c (with dfa.c and perms.c)
 * on untrusted policy buffers, as written to .load/.replace. A refused
 * buffer must leave nothing allocated (LeakSanitizer) and say why; an
 * accepted one must hold verified DFAs whose accept values index their
 * permission tables.
 */
#include <stdint.h>
#include "unpack.h"

static void rp_check_pdb(const struct rp_policydb *pdb)
{
	u32 s;

	if (!pdb->dfa)
		return;
	for (s = 0; s < pdb->dfa->nstates; s++)
		if (pdb->dfa->accept[s] >= pdb->nperms)
			__builtin_trap();
	if (pdb->start >= pdb->dfa->nstates ||
	    pdb->file_start >= pdb->dfa->nstates)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_unpack_error err;
	struct rp_unpacked *u;
	LIST_HEAD(list);
	int ret;

	ret = rp_unpack(data, size, &list, &err);
	if (ret) {
		if ((ret != -EPROTO && ret != -EPROTONOSUPPORT) || !err.info ||
		    err.offset > size || !list_empty(&list))
			__builtin_trap();
		return 0;
	}
	list_for_each_entry(u, &list, list) {
		if (!u->name)
			__builtin_trap();
		rp_check_pdb(&u->xmatch);
		rp_check_pdb(&u->policy);
		rp_check_pdb(&u->file);
	}
	rp_unpacked_free_all(&list);
	return 0;
}
