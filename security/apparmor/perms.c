// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: decoding of the packed permission words of apparmor_parser's
 * old encoding (accept and accept2 per state) into permission entries,
 * for file DFAs (owner and other halves), policydb DFAs and attachment
 * DFAs; and lookup in an explicit permission table (the perms-table
 * encoding, where accept holds an index). Pure functions; no state.
 */
#include <linux/string.h>
#include <rampart/abi.h>
#include "perms.h"

/* Bits of one 14-bit half of a file accept word. */
#define RP_H_EXEC		0x0001u
#define RP_H_WRITE		0x0002u
#define RP_H_READ		0x0004u
#define RP_H_APPEND		0x0008u
#define RP_H_LINK		0x0010u
#define RP_H_LOCK		0x0020u
#define RP_H_MMAP		0x0040u
#define RP_H_PUX		0x0080u	/* px/cx fall back to unconfined */
#define RP_H_UNSAFE		0x0100u
#define RP_H_INHERIT		0x0200u
#define RP_H_TARGET_SHIFT	10
#define RP_H_TARGET_MASK	0xfu
#define RP_HALF_BITS		14
#define RP_HALF_MASK		0x3fffu

/* Shared bits of a file accept word. */
#define RP_A_ONEXEC		0x40000000u
#define RP_A_CHANGE_PROFILE	0x80000000u

/* The seven letter bits of a half, as request bits. */
static u32 rp_file_letters(u32 half)
{
	u32 r = 0;

	if (half & RP_H_EXEC)
		r |= RP_MAY_EXEC;
	if (half & RP_H_WRITE)
		r |= RP_MAY_WRITE | RP_MAY_SETATTR | RP_MAY_CREATE |
		     RP_MAY_DELETE | RP_MAY_CHMOD | RP_MAY_CHOWN | RP_MAY_OPEN;
	if (half & RP_H_READ)
		r |= RP_MAY_READ | RP_MAY_GETATTR | RP_MAY_OPEN;
	if (half & RP_H_APPEND)
		r |= RP_MAY_APPEND;
	if (half & RP_H_LINK)
		r |= RP_MAY_LINK;
	if (half & RP_H_LOCK)
		r |= RP_MAY_LOCK;
	if (half & RP_H_MMAP)
		r |= RP_MAY_MMAP_EXEC;
	return r;
}

/* The exec transition a half describes. */
static u32 rp_file_xindex(u32 half)
{
	u32 target = (half >> RP_H_TARGET_SHIFT) & RP_H_TARGET_MASK;
	u32 x = 0;

	if (half & RP_H_UNSAFE)
		x |= RP_X_UNSAFE;
	if (half & RP_H_INHERIT)
		x |= RP_X_INHERIT;
	if (half & RP_H_PUX)
		x |= RP_X_UNCONFINED;
	switch (target) {
	case 0:
		break;
	case 1:
		x |= RP_X_UNCONFINED;
		break;
	case 2:
		x |= RP_X_NAME;
		break;
	case 3:
		x |= RP_X_NAME | RP_X_CHILD;
		break;
	default:
		x |= RP_X_TABLE | (target - 4);
		break;
	}
	return x;
}

/**
 * rp_perms_from_file() - decode a file DFA state
 * @p: the entry to fill
 * @accept: the state's accept word
 * @accept2: the state's accept2 word
 * @other: decode the "other" half (object not owned by the caller's fsuid)
 *         instead of the owner half
 *
 * getattr is always allowed; the shared change_profile and onexec bits
 * apply to both halves.
 */
void rp_perms_from_file(struct rp_perms *p, u32 accept, u32 accept2,
			bool other)
{
	unsigned int shift = other ? RP_HALF_BITS : 0;
	u32 half = (accept >> shift) & RP_HALF_MASK;
	u32 flags2 = (accept2 >> shift) & RP_HALF_MASK;

	memset(p, 0, sizeof(*p));
	p->allow = rp_file_letters(half) | RP_MAY_GETATTR;
	if (accept & RP_A_CHANGE_PROFILE)
		p->allow |= RP_MAY_CHANGE_PROFILE;
	if (accept & RP_A_ONEXEC)
		p->allow |= RP_MAY_ONEXEC;
	p->audit = rp_file_letters(flags2 & 0x7f);
	p->quiet = rp_file_letters(flags2 >> 7);
	p->xindex = rp_file_xindex(half);
}

/* Bits 0-6 of the "other" half of a policydb word, as request bits. */
static u32 rp_policy_high(u32 bits)
{
	static const u32 map[7] = {
		RP_MAY_SETATTR, RP_MAY_GETATTR, 0x100000, 0x200000, 0x400000,
		0x1000000, 0x2000000,
	};
	u32 r = 0;
	int i;

	for (i = 0; i < 7; i++)
		if (bits & (1u << i))
			r |= map[i];
	return r;
}

/* ABI 9: seven exec-modifier bits, the first to 0x80, the rest 0x400 up. */
static u32 rp_policy_abi9(u32 bits)
{
	return (bits & 1 ? 0x80 : 0) | ((bits >> 1) & 0x3f) << 10;
}

/**
 * rp_perms_from_policy() - decode a policydb DFA state
 * @p: the entry to fill
 * @state: the state number (state 0 is always empty)
 * @accept: the state's accept word
 * @accept2: the state's accept2 word
 * @abi: the policy's ABI version (low 10 bits of its version word)
 */
void rp_perms_from_policy(struct rp_perms *p, unsigned int state, u32 accept,
			  u32 accept2, unsigned int abi)
{
	memset(p, 0, sizeof(*p));
	if (!state)
		return;
	p->allow = (accept & 0x7f) | (accept & 0x80000000u) |
		   rp_policy_high((accept >> RP_HALF_BITS) & 0x7f);
	p->audit = (accept2 & 0x7f) |
		   rp_policy_high((accept2 >> RP_HALF_BITS) & 0x7f);
	p->quiet = ((accept2 >> 7) & 0x7f) |
		   rp_policy_high((accept2 >> 21) & 0x7f);
	if (abi <= 8) {
		/* Historical: lock in every live state; no class uses it. */
		p->allow |= RP_MAY_LOCK;
	} else {
		p->allow |= rp_policy_abi9((accept >> 7) & 0x7f);
		p->quiet |= rp_policy_abi9((accept >> 21) & 0x7f);
	}
}

/**
 * rp_perms_from_xmatch() - decode an attachment DFA state
 * @p: the entry to fill
 * @state: the state number (state 0 is always empty)
 * @accept: the state's accept word; only exec is meaningful
 */
void rp_perms_from_xmatch(struct rp_perms *p, unsigned int state, u32 accept)
{
	memset(p, 0, sizeof(*p));
	if (state)
		p->allow = (accept & 0x7f) | (accept & 0x80000000u);
}

static const struct rp_perms rp_perms_none;

/**
 * rp_perms_lookup() - a state's entry in an explicit permission table
 * @table: the table
 * @n: its number of entries
 * @index: the state's accept value, an index into @table
 * @other: for file DFAs, take the "other" entry, which follows the owner
 *         entry at @index + 1
 *
 * The loader checks every accept value is below @n, but not that the
 * "other" entry exists; a missing entry grants nothing.
 *
 * Return: the entry, or an entry that allows nothing.
 */
const struct rp_perms *rp_perms_lookup(const struct rp_perms *table, u32 n,
				       u32 index, bool other)
{
	u64 at = (u64)index + (other ? 1 : 0);

	return at < n ? &table[at] : &rp_perms_none;
}
