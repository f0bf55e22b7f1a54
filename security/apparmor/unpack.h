/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the binary policy stream written to .load and .replace
 * (shared/spec/policy-format.md): unpacking and verifying every record
 * into profile data, before anything is installed.
 */
#ifndef _RAMPART_UNPACK_H
#define _RAMPART_UNPACK_H

#include <linux/list.h>
#include <linux/types.h>
#include "dfa.h"
#include "perms.h"

/**
 * struct rp_policydb - one DFA with what its decisions need
 * @dfa: the DFA; its accept table holds indexes into @perms once unpacked
 * @perms: the permission table (for file rules: owner/other pairs)
 * @nperms: entries in @perms
 * @start: start state of class lookups
 * @file_start: start state of file rules
 * @xtable: transition names, each a NUL-terminated string
 * @nxtable: entries in @xtable
 */
struct rp_policydb {
	struct rp_dfa *dfa;
	struct rp_perms *perms;
	u32 nperms;
	u32 start;
	u32 file_start;
	char **xtable;
	u32 nxtable;
};

/* Bytes of a SHA-256 digest (SHA256_DIGEST_SIZE, without crypto headers). */
#define RP_SHA256_SIZE		32

/* rp_unpacked.flags */
#define RP_UNPACKED_HAT		0x1

#define RP_RLIMIT_COUNT		16

/* Class bytes whose start state a profile keeps (all 6.12 classes). */
#define RP_CLASS_STARTS		32

/**
 * struct rp_unpacked - a profile record, unpacked and verified
 * @list: entry in the load's list, in stream order
 * @name: the name as written (may carry ":ns:" and "//")
 * @ns_name: the record's namespace header, or NULL
 * @attach: the attachment as the policy spells it, or NULL
 * @abi: the record's ABI (low 10 bits of its version word)
 * @version: the record's whole version word
 * @rec_start: offset of the record's "profile" struct in the buffer
 * @rec_end: offset just past the record's last struct end
 * @rec_index: the record's place in its buffer (counting from 0)
 * @hashed: @sha256 is set (hash_policy was on at load)
 * @sha256: the record's hash (policy-format.md 7)
 * @flags: RP_UNPACKED_* bits
 * @mode: enforce, complain, ...
 * @audit_all: the profile audits every access
 * @path_flags: path-name generation flags
 * @getattr_always: every state of the file rules grants getattr to owner
 *                  and other, with no audit, deny or kill bit for it (so
 *                  a stat needs no name); true of 3.0.8's encoding
 * @caps: allow, audit, quiet capability sets (bits 0-63)
 * @rlimit_mask: which of @rlimits are enforced
 * @rlimits: hard-limit ceilings, generic Linux numbering
 * @xmatch: attachment DFA (dfa NULL if none)
 * @xmatch_len: literal prefix length of the attachment
 * @xattrs: xattr names of the attachment conditions
 * @nxattrs: entries in @xattrs
 * @policy: the policydb (dfa NULL when the record has none: then no class
 *          is mediated through it)
 * @class_start: for each class byte below RP_CLASS_STARTS, the policydb
 *               state after it (RP_DFA_DEAD: the class is not mediated),
 *               so that hooks start their walk with one load
 * @file: file rules (dfa NULL: they are served by @policy)
 */
struct rp_unpacked {
	struct list_head list;
	char *name;
	char *ns_name;
	char *attach;
	u32 abi;
	u32 version;
	size_t rec_start;
	size_t rec_end;
	u32 rec_index;
	bool hashed;
	u8 sha256[RP_SHA256_SIZE];
	u32 flags;
	u32 mode;
	bool audit_all;
	u32 path_flags;
	bool getattr_always;
	u64 caps[3];
	u32 rlimit_mask;
	u64 rlimits[RP_RLIMIT_COUNT];
	struct rp_policydb xmatch;
	u32 xmatch_len;
	char **xattrs;
	u32 nxattrs;
	struct rp_policydb policy;
	u32 class_start[RP_CLASS_STARTS];
	struct rp_policydb file;
};

/**
 * struct rp_unpack_error - why a load was refused
 * @info: what was wrong (the audit "info" text)
 * @name: the profile being unpacked ("" before its name is read)
 * @offset: byte offset in the buffer
 * @dfa: details when a DFA was refused
 */
struct rp_unpack_error {
	const char *info;
	char name[128];
	size_t offset;
	struct rp_dfa_error dfa;
};

/**
 * rp_file_rules_of() - where a record's file rules are matched
 * @u: the record
 * @start: set to the state file lookups start from
 *
 * The file DFA if the record has one, else the policydb (from the state
 * its file class leads to).
 *
 * Return: the policydb, or NULL if the record has neither.
 */
static inline const struct rp_policydb *
rp_file_rules_of(const struct rp_unpacked *u, unsigned int *start)
{
	const struct rp_policydb *db = u->file.dfa ? &u->file :
				       u->policy.dfa ? &u->policy : NULL;

	if (db)
		*start = db->file_start;
	return db;
}

int rp_unpack(const void *buf, size_t size, struct list_head *out,
	      struct rp_unpack_error *err);
void rp_unpacked_free(struct rp_unpacked *u);
void rp_unpacked_free_all(struct list_head *list);

#endif /* _RAMPART_UNPACK_H */
