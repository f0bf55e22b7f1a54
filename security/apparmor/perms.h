/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: permission entries, and their decoding from the accept/accept2
 * words apparmor_parser packs into each DFA state (dfa-format.md 7).
 */
#ifndef _RAMPART_PERMS_H
#define _RAMPART_PERMS_H

#include <linux/types.h>

/**
 * struct rp_perms - what an accepting state grants, and how to report it
 * @allow: permissions granted
 * @deny: permissions explicitly denied
 * @subtree: allow applies to the whole subtree
 * @cond: permissions that are conditional
 * @kill: kill the task when one of these is denied
 * @complain: learning mode for these permissions
 * @prompt: ask userspace for these permissions
 * @audit: audit these when granted
 * @quiet: do not audit these when denied
 * @hide: deny these with ENOENT instead of EACCES
 * @xindex: exec transition (RP_X_* bits and a table index)
 * @tag: transition table index of a tag string, 0 for none
 * @label: transition table index of a label, 0 for none
 */
struct rp_perms {
	u32 allow;
	u32 deny;
	u32 subtree;
	u32 cond;
	u32 kill;
	u32 complain;
	u32 prompt;
	u32 audit;
	u32 quiet;
	u32 hide;
	u32 xindex;
	u32 tag;
	u32 label;
};

/* xindex: what an exec transition does (dfa-format.md 7.4). */
#define RP_X_INDEX_MASK		0x00ffffffu
#define RP_X_TYPE_MASK		0x0c000000u
#define RP_X_NAME		0x04000000u	/* attach by exec path */
#define RP_X_TABLE		0x08000000u	/* transition table entry */
#define RP_X_UNSAFE		0x10000000u	/* no secure-exec */
#define RP_X_CHILD		0x20000000u	/* search the profile's children */
#define RP_X_INHERIT		0x40000000u	/* fallback: stay */
#define RP_X_UNCONFINED		0x80000000u	/* fallback: unconfined */

void rp_perms_from_file(struct rp_perms *p, u32 accept, u32 accept2,
			bool other);
void rp_perms_from_policy(struct rp_perms *p, unsigned int state, u32 accept,
			  u32 accept2, unsigned int abi);
void rp_perms_from_xmatch(struct rp_perms *p, unsigned int state, u32 accept);
const struct rp_perms *rp_perms_lookup(const struct rp_perms *table, u32 n,
				       u32 index, bool other);

#endif /* _RAMPART_PERMS_H */
