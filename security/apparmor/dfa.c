// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the packed DFA. rp_dfa_unpack() checks an untrusted blob
 * completely (header, every table, every state) and converts it into a
 * layout made for walking: one 8-byte record per state and one 32-bit
 * word per transition slot holding both the owner and the target, so a
 * step costs two loads. The walks never allocate, lock or sleep, and
 * verification makes every index they compute provably in bounds.
 *
 * Also compiled in userspace (tools/dfa/) against a small shim header.
 */
#include <linux/bitops.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <linux/vmalloc.h>
#include "dfa.h"

#define RP_DFA_MAGIC		0x1B5E783Du
#define RP_DFA_HDR_MIN		16u	/* magic, hsize, ssize, flags, 2 NULs */
#define RP_DFA_TABLE_HDR	12u

/* Header flags. */
#define RP_HDR_DIFF_ENCODE	0x1u
#define RP_HDR_OOB		0x2u

/* Base word: a 24-bit slot index and flag bits. */
#define RP_BASE_INDEX		0x00ffffffu
#define RP_BASE_DIFF		0x80000000u
#define RP_BASE_OOB		0x20000000u

/* On-disk table ids, and where rp_dfa_unpack() keeps them. */
enum rp_dfa_table {
	RP_T_ACCEPT = 1,
	RP_T_BASE = 2,
	RP_T_CHECK = 3,
	RP_T_DEFAULT = 4,
	RP_T_EQUIV = 5,
	RP_T_META = 6,
	RP_T_ACCEPT2 = 7,
	RP_T_NEXT = 8,
	RP_T_COUNT
};

/* Entry width each table must have; 0 = the id is refused. */
static const u8 rp_table_width[RP_T_COUNT] = {
	[RP_T_ACCEPT] = 4, [RP_T_BASE] = 4, [RP_T_CHECK] = 2,
	[RP_T_DEFAULT] = 2, [RP_T_EQUIV] = 1, [RP_T_ACCEPT2] = 4,
	[RP_T_NEXT] = 2,
};

/* Where one table's entries sit in the blob. */
struct rp_table_ref {
	const u8 *data;
	size_t offset;		/* of the table header */
	u32 len;
};

static int rp_dfa_fail(struct rp_dfa_error *err, const char *what,
		       size_t offset, long index)
{
	if (err) {
		err->what = what;
		err->offset = offset;
		err->index = index;
	}
	return -EPROTO;
}

/* Read the table headers: ids, widths, lengths, padding, duplicates. */
static int rp_dfa_scan_tables(const u8 *blob, size_t size, size_t hsize,
			      struct rp_table_ref *t, struct rp_dfa_error *err)
{
	size_t pos = hsize;

	while (pos < size) {
		size_t room = size - pos, bytes;
		u16 id, width;
		u32 len;

		if (room < RP_DFA_TABLE_HDR)
			return rp_dfa_fail(err, "table header truncated", pos, -1);
		id = get_unaligned_be16(blob + pos);
		width = get_unaligned_be16(blob + pos + 2);
		len = get_unaligned_be32(blob + pos + 8);
		if (id >= RP_T_COUNT || !rp_table_width[id])
			return rp_dfa_fail(err, "unknown or refused table id",
					   pos, id);
		if (width != rp_table_width[id])
			return rp_dfa_fail(err, "wrong entry width for table",
					   pos, id);
		if (!len)
			return rp_dfa_fail(err, "empty table", pos, id);
		if (t[id].data)
			return rp_dfa_fail(err, "duplicate table", pos, id);
		/* len * width + header, rounded up to 8, within the blob */
		bytes = (size_t)len * width;
		if (bytes / width != len || bytes > room - RP_DFA_TABLE_HDR)
			return rp_dfa_fail(err, "table runs past the end", pos, id);
		bytes = ALIGN(bytes + RP_DFA_TABLE_HDR, 8);
		if (bytes > room)
			return rp_dfa_fail(err, "table padding runs past the end",
					   pos, id);
		t[id].data = blob + pos + RP_DFA_TABLE_HDR;
		t[id].offset = pos;
		t[id].len = len;
		pos += bytes;
	}
	return 0;
}

/* Presence and lengths of the tables relative to each other. */
static int rp_dfa_check_shape(const struct rp_table_ref *t, unsigned int flags,
			      size_t size, struct rp_dfa_error *err)
{
	static const u8 required[] = {
		RP_T_ACCEPT, RP_T_BASE, RP_T_CHECK, RP_T_DEFAULT, RP_T_NEXT
	};
	u32 nstates = t[RP_T_BASE].len;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(required); i++)
		if (!t[required[i]].data)
			return rp_dfa_fail(err, "required table missing",
					   size, required[i]);
	if ((flags & RP_DFA_WANT_ACCEPT2) && !t[RP_T_ACCEPT2].data)
		return rp_dfa_fail(err, "accept2 table missing", size, -1);
	if (!(flags & RP_DFA_WANT_ACCEPT2) && t[RP_T_ACCEPT2].data)
		return rp_dfa_fail(err, "accept2 table not allowed with a perms table",
				   t[RP_T_ACCEPT2].offset, -1);
	if (t[RP_T_ACCEPT].len != nstates)
		return rp_dfa_fail(err, "accept length differs from state count",
				   t[RP_T_ACCEPT].offset, -1);
	if (t[RP_T_ACCEPT2].data && t[RP_T_ACCEPT2].len != nstates)
		return rp_dfa_fail(err, "accept2 length differs from state count",
				   t[RP_T_ACCEPT2].offset, -1);
	if (t[RP_T_DEFAULT].len != nstates)
		return rp_dfa_fail(err, "default length differs from state count",
				   t[RP_T_DEFAULT].offset, -1);
	if (t[RP_T_CHECK].len != t[RP_T_NEXT].len)
		return rp_dfa_fail(err, "check length differs from next length",
				   t[RP_T_CHECK].offset, -1);
	if (t[RP_T_EQUIV].data && t[RP_T_EQUIV].len != 256)
		return rp_dfa_fail(err, "equiv table is not 256 entries",
				   t[RP_T_EQUIV].offset, -1);
	return 0;
}

/* Lanes of the word-at-a-time range check below. */
#define RP_LANES_LOW		0x0000ffff0000ffffull
#define RP_LANES_CARRY		0x0001000000010000ull

/*
 * Is every big-endian u16 of @data (@len of them) below @limit? Four at a
 * time: each value sits in a 32-bit lane, where adding 0x10000 - @limit
 * carries into bit 16 exactly when the value is @limit or more.
 */
static bool rp_be16_all_below(const u8 *data, u32 len, u32 limit)
{
	u64 add = 0x10000 - (u64)limit, add2 = add << 32 | add, acc = 0;
	u32 i = 0;

	if (limit > 0xffff)
		return true;
	for (; i + 4 <= len; i += 4) {
		u64 w = get_unaligned_be64(data + 2 * i);

		acc |= ((w & RP_LANES_LOW) + add2) |
		       ((w >> 16 & RP_LANES_LOW) + add2);
	}
	for (; i < len; i++)
		acc |= get_unaligned_be16(data + 2 * i) + add;
	return !(acc & RP_LANES_CARRY);
}

/*
 * Are all base words, defaults and transitions in range? Answers in one
 * branch-free pass per table; rp_dfa_check_states() finds the first fault
 * when the answer is no.
 */
static bool rp_dfa_states_ok(const struct rp_table_ref *t, u16 hdr_flags)
{
	u32 nstates = t[RP_T_BASE].len, nslots = t[RP_T_NEXT].len, s;
	u32 allowed = RP_BASE_INDEX, bad = 0, top = 0;

	if (hdr_flags & RP_HDR_DIFF_ENCODE)
		allowed |= RP_BASE_DIFF;
	if (hdr_flags & RP_HDR_OOB)
		allowed |= RP_BASE_OOB;
	for (s = 0; s < nstates; s++) {
		u32 b = get_unaligned_be32(t[RP_T_BASE].data + 4 * s);

		bad |= (b & ~allowed) |
		       ((b & (RP_BASE_OOB | RP_BASE_INDEX)) == RP_BASE_OOB);
		top = max(top, b & RP_BASE_INDEX);
	}
	return !bad && (u64)top + 255 < nslots &&
	       rp_be16_all_below(t[RP_T_DEFAULT].data, nstates, nstates) &&
	       rp_be16_all_below(t[RP_T_NEXT].data, nslots, nstates) &&
	       rp_be16_all_below(t[RP_T_CHECK].data, nslots, nstates);
}

/* Every state's base word, default, and window; no allocation. */
static int rp_dfa_check_states(const struct rp_table_ref *t, u16 hdr_flags,
			       struct rp_dfa_error *err)
{
	u32 nstates = t[RP_T_BASE].len, nslots = t[RP_T_NEXT].len, s, i;

	for (s = 0; s < nstates; s++) {
		u32 b = get_unaligned_be32(t[RP_T_BASE].data + 4 * s);
		u32 index = b & RP_BASE_INDEX;
		size_t at = t[RP_T_BASE].offset + RP_DFA_TABLE_HDR + 4 * s;

		if (b & ~(RP_BASE_INDEX | RP_BASE_DIFF | RP_BASE_OOB))
			return rp_dfa_fail(err, "reserved base flag set", at, s);
		if ((b & RP_BASE_DIFF) && !(hdr_flags & RP_HDR_DIFF_ENCODE))
			return rp_dfa_fail(err, "diff-encoded state without the header flag",
					   at, s);
		if ((b & RP_BASE_OOB) && !(hdr_flags & RP_HDR_OOB))
			return rp_dfa_fail(err, "out-of-band state without the header flag",
					   at, s);
		if ((b & RP_BASE_OOB) && index < 1)
			return rp_dfa_fail(err, "out-of-band state with base 0", at, s);
		if ((u64)index + 255 >= nslots)
			return rp_dfa_fail(err, "state window runs past next/check",
					   at, s);
		if (get_unaligned_be16(t[RP_T_DEFAULT].data + 2 * s) >= nstates)
			return rp_dfa_fail(err, "default state out of range",
					   t[RP_T_DEFAULT].offset +
					   RP_DFA_TABLE_HDR + 2 * s, s);
	}
	for (i = 0; i < nslots; i++) {
		if (get_unaligned_be16(t[RP_T_NEXT].data + 2 * i) >= nstates)
			return rp_dfa_fail(err, "next state out of range",
					   t[RP_T_NEXT].offset +
					   RP_DFA_TABLE_HDR + 2 * i, i);
		if (get_unaligned_be16(t[RP_T_CHECK].data + 2 * i) >= nstates)
			return rp_dfa_fail(err, "check state out of range",
					   t[RP_T_CHECK].offset +
					   RP_DFA_TABLE_HDR + 2 * i, i);
	}
	return 0;
}

/* Scratch marks in rp_dfa_state.flags while checking default chains. */
#define RP_STATE_SEEN		0x40
#define RP_STATE_DONE		0x80

/* A diff-encoded state whose chain is not yet known to end. */
static bool rp_chain_open(const struct rp_dfa_state *st)
{
	return (st->flags & (RP_STATE_DIFF | RP_STATE_DONE)) == RP_STATE_DIFF;
}

/* Following default[] from any diff-encoded state must end. */
static int rp_dfa_check_chains(struct rp_dfa_state *st, u32 nstates,
			       const struct rp_table_ref *t,
			       struct rp_dfa_error *err)
{
	u32 s, u;

	for (s = 0; s < nstates; s++) {
		for (u = s; rp_chain_open(&st[u]); u = st[u].def) {
			if (st[u].flags & RP_STATE_SEEN)
				return rp_dfa_fail(err, "diff-encode chain loops",
						   t[RP_T_BASE].offset +
						   RP_DFA_TABLE_HDR + 4 * s, s);
			st[u].flags |= RP_STATE_SEEN;
		}
		for (u = s; st[u].flags & RP_STATE_SEEN; u = st[u].def)
			st[u].flags = (st[u].flags & ~RP_STATE_SEEN) |
				      RP_STATE_DONE;
	}
	for (s = 0; s < nstates; s++)
		st[s].flags &= ~RP_STATE_DONE;
	return 0;
}

/*
 * slots[i] = check[i] << 16 | next[i] for @n big-endian check/next
 * entries, four at a time.
 */
static void rp_dfa_fill_slots(u32 *slots, const u8 *check, const u8 *next,
			      u32 n)
{
	u32 i = 0;

	for (; i + 4 <= n; i += 4) {
		u64 c = get_unaligned_be64(check + 2 * i);
		u64 x = get_unaligned_be64(next + 2 * i);

		slots[i] = (c >> 32 & 0xffff0000u) | x >> 48;
		slots[i + 1] = (c >> 16 & 0xffff0000u) | (x >> 32 & 0xffff);
		slots[i + 2] = (c & 0xffff0000u) | (x >> 16 & 0xffff);
		slots[i + 3] = (u32)c << 16 | (x & 0xffff);
	}
	for (; i < n; i++)
		slots[i] = (u32)get_unaligned_be16(check + 2 * i) << 16 |
			   get_unaligned_be16(next + 2 * i);
}

static bool rp_dfa_dead_is_trap(const struct rp_dfa *dfa);
static int rp_dfa_build_stay(struct rp_dfa *dfa, struct rp_dfa_state *states);

/**
 * rp_dfa_unpack() - verify a packed DFA and build its walking layout
 * @blob: the packed DFA (big-endian tables), 8-byte padding removed
 * @size: its length
 * @flags: RP_DFA_WANT_ACCEPT2 when the old permission encoding is used
 *         (accept2 required), else accept2 is refused
 * @err: filled with the reason on failure; may be NULL
 *
 * Return: the DFA, or ERR_PTR(-EPROTO) for a malformed blob, or
 * ERR_PTR(-ENOMEM). Nothing is left allocated on failure.
 */
struct rp_dfa *rp_dfa_unpack(const void *blob, size_t size,
			     unsigned int flags, struct rp_dfa_error *err)
{
	struct rp_table_ref t[RP_T_COUNT] = {};
	const u8 *b = blob;
	struct rp_dfa_state *states;
	u32 nstates, nslots, s, *slots, *accept, all_bases = 0;
	size_t hsize, bytes;
	struct rp_dfa *dfa;
	u16 hdr_flags;
	u8 *p;
	int ret;

	if (size < RP_DFA_HDR_MIN)
		return ERR_PTR(rp_dfa_fail(err, "shorter than a DFA header", 0, -1));
	if (get_unaligned_be32(b) != RP_DFA_MAGIC)
		return ERR_PTR(rp_dfa_fail(err, "bad magic", 0, -1));
	hsize = get_unaligned_be32(b + 4);
	if (hsize < RP_DFA_HDR_MIN || hsize > size)
		return ERR_PTR(rp_dfa_fail(err, "header size out of range", 4, -1));
	hdr_flags = get_unaligned_be16(b + 12);
	if (hdr_flags & ~(RP_HDR_DIFF_ENCODE | RP_HDR_OOB))
		return ERR_PTR(rp_dfa_fail(err, "unknown header flags", 12, -1));

	ret = rp_dfa_scan_tables(b, size, hsize, t, err);
	if (!ret)
		ret = rp_dfa_check_shape(t, flags, size, err);
	if (!ret && !rp_dfa_states_ok(t, hdr_flags))
		ret = rp_dfa_check_states(t, hdr_flags, err);
	if (ret)
		return ERR_PTR(ret);

	nstates = t[RP_T_BASE].len;
	nslots = t[RP_T_NEXT].len;
	/* One allocation: header, states, slots, accept[, accept2][, equiv]. */
	bytes = sizeof(*dfa);
	bytes = size_add(bytes, array_size(nstates, sizeof(*states)));
	bytes = size_add(bytes, array_size(nslots, sizeof(*slots)));
	bytes = size_add(bytes, array_size(nstates, sizeof(u32)) *
			 (t[RP_T_ACCEPT2].data ? 2 : 1));
	if (t[RP_T_EQUIV].data)
		bytes = size_add(bytes, 256);
	/* Not zeroed: every table below is written in full. */
	dfa = kvmalloc(bytes, GFP_KERNEL);
	if (!dfa)
		return ERR_PTR(-ENOMEM);
	*dfa = (struct rp_dfa){
		.nstates = nstates, .nslots = nslots, .size = bytes,
	};

	states = (struct rp_dfa_state *)(dfa + 1);
	slots = (u32 *)(states + nstates);
	accept = slots + nslots;
	p = (u8 *)(accept + nstates);
	for (s = 0; s < nstates; s++) {
		u32 w = get_unaligned_be32(t[RP_T_BASE].data + 4 * s);

		states[s] = (struct rp_dfa_state){
			.base = w & RP_BASE_INDEX,
			.def = get_unaligned_be16(t[RP_T_DEFAULT].data + 2 * s),
			.flags = (w & RP_BASE_DIFF ? RP_STATE_DIFF : 0) |
				 (w & RP_BASE_OOB ? RP_STATE_OOB : 0),
		};
		all_bases |= w;
		accept[s] = get_unaligned_be32(t[RP_T_ACCEPT].data + 4 * s);
	}
	if (all_bases & RP_BASE_DIFF)
		dfa->flags |= RP_DFA_HAS_DIFF;
	if (all_bases & RP_BASE_OOB)
		dfa->flags |= RP_DFA_HAS_OOB;
	rp_dfa_fill_slots(slots, t[RP_T_CHECK].data, t[RP_T_NEXT].data, nslots);
	if (t[RP_T_ACCEPT2].data) {
		u32 *accept2 = (u32 *)p;

		for (s = 0; s < nstates; s++)
			accept2[s] = get_unaligned_be32(t[RP_T_ACCEPT2].data + 4 * s);
		dfa->accept2 = accept2;
		p = (u8 *)(accept2 + nstates);
	}
	if (t[RP_T_EQUIV].data) {
		memcpy(p, t[RP_T_EQUIV].data, 256);
		dfa->equiv = p;
		dfa->flags |= RP_DFA_HAS_EQUIV;
	}
	dfa->states = states;
	dfa->slots = slots;
	dfa->accept = accept;

	if (dfa->flags & RP_DFA_HAS_DIFF) {
		ret = rp_dfa_check_chains(states, nstates, t, err);
		if (ret) {
			kvfree(dfa);
			return ERR_PTR(ret);
		}
	}
	if (rp_dfa_dead_is_trap(dfa))
		dfa->flags |= RP_DFA_DEAD_TRAP;
	if (!(dfa->flags & RP_DFA_HAS_DIFF) && rp_dfa_build_stay(dfa, states)) {
		kvfree(dfa);
		return ERR_PTR(-ENOMEM);
	}
	return dfa;
}

/*
 * kvfree() for any context: a profile's last reference may go under a
 * spinlock (a unix socket's state lock, say), where vfree() may sleep,
 * so vmalloc'ed tables are handed to vfree_atomic()'s worker.
 */
static void rp_dfa_mem_free(const void *mem)
{
	if (is_vmalloc_addr(mem))
		vfree_atomic(mem);
	else
		kfree(mem);
}

/**
 * rp_dfa_free() - free a DFA from rp_dfa_unpack()
 * @dfa: the DFA, or NULL; any context but NMI
 */
void rp_dfa_free(struct rp_dfa *dfa)
{
	if (dfa)
		rp_dfa_mem_free(dfa->stay);
	rp_dfa_mem_free(dfa);
}

/*
 * One transition on class @c (0-255) following the full rule, diff-encode
 * chains included. In bounds by construction: base + 255 < nslots.
 */
static __always_inline unsigned int rp_dfa_next(const struct rp_dfa *dfa,
						unsigned int s, unsigned int c,
						bool diff)
{
	const struct rp_dfa_state *st;
	u32 slot;

	for (;;) {
		st = &dfa->states[s];
		slot = dfa->slots[st->base + c];
		if ((slot >> 16) == s)
			return slot & 0xffff;
		if (!diff || !(st->flags & RP_STATE_DIFF))
			return st->def;
		s = st->def;
	}
}

/* Does every byte lead the dead state back to itself (as the parser makes it)? */
static bool rp_dfa_dead_is_trap(const struct rp_dfa *dfa)
{
	unsigned int c;

	for (c = 0; c < 256; c++)
		if (rp_dfa_next(dfa, RP_DFA_DEAD, c, true) != RP_DFA_DEAD)
			return false;
	return true;
}

/* A state is worth a stay table when at least this many bytes loop on it. */
#define RP_STAY_MIN		64
#define RP_STAY_MAX_TABLES	255

/*
 * With an equiv table, one state at a time: the set of bytes that lead
 * @s back to @s, each byte taking the slot of its class. It loops when
 * that slot is the state's own and points back (slot ^ self is 0), or,
 * when the default is the state itself, when the slot is not the state's
 * own (slot ^ self above 0xffff): one compare a byte, the bytes that
 * leave gathered by a carry, a word of the bitmap at a time.
 */
static void rp_dfa_self_bytes(const struct rp_dfa *dfa, unsigned int s,
			      u32 bits[8])
{
	const struct rp_dfa_state *st = &dfa->states[s];
	const u32 *win = dfa->slots + st->base;
	u32 self = s << 16 | s, lim = st->def == s ? 0xffff : ~0u;
	unsigned int w, c;

	if (s > 0xffff) {
		/* no slot names it: every byte takes a default below it */
		memset(bits, 0, 8 * sizeof(u32));
		return;
	}
	for (w = 0; w < 8; w++) {
		u32 miss = 0;

		for (c = 32; c--; ) {
			u32 x = win[dfa->equiv[w * 32 + c]] ^ self;

			miss += miss + (x - 1 < lim);
		}
		bits[w] = ~miss;
	}
}

/* Clear the NUL bit of a self-loop bitmap and count the bytes left. */
static unsigned int rp_bitmap_count(u32 bits[8])
{
	unsigned int w, n = 0;

	bits[0] &= ~1u;
	for (w = 0; w < 8; w++)
		n += hweight32(bits[w]);
	return n;
}

/*
 * Without an equiv table, the self-loop bitmaps of many states at once,
 * in one pass over the slots: @cand[s] is 1 + the index of state s's
 * bitmap in @bits, or 0 to skip it. A state whose default is itself loops
 * on every byte but those whose slot it owns and points elsewhere; any
 * other, on the bytes whose slot it owns and points back.
 */
static void rp_dfa_self_sets(const struct rp_dfa *dfa, const u32 *cand,
			     u32 (*bits)[8])
{
	const struct rp_dfa_state *states = dfa->states;
	u32 s, k, c;

	for (s = 0; s < dfa->nstates; s++)
		if (cand[s])
			memset(bits[cand[s] - 1], states[s].def == s ? 0xff : 0,
			       sizeof(bits[0]));
	for (k = 0; k < dfa->nslots; k++) {
		u32 slot = dfa->slots[k], *b;

		s = slot >> 16;
		c = k - states[s].base;
		if (!cand[s] || c > 255)
			continue;
		b = bits[cand[s] - 1];
		if (states[s].def == s && (slot & 0xffff) != s)
			b[c / 32] &= ~(1u << (c % 32));
		else if (states[s].def != s && (slot & 0xffff) == s)
			b[c / 32] |= 1u << (c % 32);
	}
}

/*
 * Give glob states a table of the bytes that keep them where they are, so
 * a walk crosses the tail of a path under "**" at a few instructions a
 * byte. States with the same set share one table; besides the dead
 * state's, the tables may take at most an eighth of the memory of the
 * transitions, going to the sets the most states use. Diff-encoded DFAs
 * get none (rp_dfa_next() above ignores default chains).
 */
static int rp_dfa_build_stay(struct rp_dfa *dfa, struct rp_dfa_state *states)
{
	u32 (*sets)[8], (*cbits)[8] = NULL, bits[8], *users, *cand = NULL;
	unsigned int s, k, c, n = 0, ncand = 0, keep, budget;
	u8 *stay, *remap;

	/* Only the counts and the remap need to start at 0. */
	sets = kvmalloc_array(RP_STAY_MAX_TABLES,
			      sizeof(*sets) + sizeof(u32) + 1, GFP_KERNEL);
	if (!sets)
		return -ENOMEM;
	users = (u32 *)(sets + RP_STAY_MAX_TABLES);
	remap = (u8 *)(users + RP_STAY_MAX_TABLES);
	memset(users, 0, RP_STAY_MAX_TABLES * (sizeof(u32) + 1));
	/*
	 * Without an equiv table a slot is a byte. A state whose default is
	 * not itself loops only through slots it owns that point back to it:
	 * count those in one pass, keep as candidates the states with enough
	 * of them or whose default is themselves, and build the candidates'
	 * sets together in a second pass. With an equiv table, filter nothing
	 * and look at each state's window on its own.
	 */
	if (!dfa->equiv) {
		cand = kvcalloc(dfa->nstates, sizeof(*cand), GFP_KERNEL);
		if (!cand) {
			kvfree(sets);
			return -ENOMEM;
		}
		for (k = 0; k < dfa->nslots; k++) {
			u32 slot = dfa->slots[k];

			if ((slot >> 16) == (slot & 0xffff))
				cand[slot & 0xffff]++;
		}
		/* cand[s] becomes 1 + the candidate's number, or 0 */
		for (s = 0; s < dfa->nstates; s++)
			cand[s] = states[s].def == s || cand[s] >= RP_STAY_MIN ?
				  ++ncand : 0;
		cbits = kvmalloc_array(ncand, sizeof(*cbits), GFP_KERNEL);
		if (!cbits) {
			kvfree(cand);
			kvfree(sets);
			return -ENOMEM;
		}
		rp_dfa_self_sets(dfa, cand, cbits);
	}
	for (s = 0; s < dfa->nstates; s++) {
		if (dfa->equiv)
			rp_dfa_self_bytes(dfa, s, bits);
		else if (cand[s])
			memcpy(bits, cbits[cand[s] - 1], sizeof(bits));
		else
			continue;
		if (rp_bitmap_count(bits) < RP_STAY_MIN)
			continue;
		for (k = 0; k < n && memcmp(sets[k], bits, sizeof(bits)); k++)
			;
		if (k == n) {
			if (n == RP_STAY_MAX_TABLES)
				continue;
			memcpy(sets[n++], bits, sizeof(bits));
		}
		users[k]++;
		states[s].stay = k + 1;
	}
	kvfree(cbits);
	kvfree(cand);

	budget = (dfa->nstates * sizeof(*states) + dfa->nslots * sizeof(u32)) /
		 8 / 256;
	/*
	 * Keep the dead state's set (its table is what ends dead walks
	 * early), then the most used ones: remap[k] is the new number, 0 =
	 * dropped.
	 */
	keep = 0;
	if (states[RP_DFA_DEAD].stay) {
		remap[states[RP_DFA_DEAD].stay - 1] = ++keep;
		budget++;
	}
	for (; keep < min(budget, n); keep++) {
		unsigned int best = n;

		for (k = 0; k < n; k++)
			if (!remap[k] && users[k] &&
			    (best == n || users[k] > users[best]))
				best = k;
		if (best == n)
			break;
		remap[best] = keep + 1;
	}
	for (s = 0; s < dfa->nstates; s++)
		if (states[s].stay)
			states[s].stay = remap[states[s].stay - 1];

	if (keep) {
		stay = kvmalloc_array(keep, 256, GFP_KERNEL);
		if (!stay) {
			kvfree(sets);
			return -ENOMEM;
		}
		for (k = 0; k < n; k++) {
			if (!remap[k])
				continue;
			for (c = 0; c < 256; c++)
				stay[(remap[k] - 1) * 256 + c] =
					sets[k][c / 32] >> (c % 32) & 1;
		}
		dfa->stay = stay;
		dfa->nstay = keep;
		dfa->size += keep * 256;
	}
	kvfree(sets);
	return 0;
}

static __always_inline unsigned int rp_dfa_class(const struct rp_dfa *dfa,
						 u8 c, bool equiv)
{
	return equiv ? dfa->equiv[c] : c;
}

/**
 * rp_dfa_step() - one transition
 * @dfa: the DFA
 * @state: the state to leave
 * @c: the input byte
 *
 * Return: the next state.
 */
unsigned int rp_dfa_step(const struct rp_dfa *dfa, unsigned int state, u8 c)
{
	return rp_dfa_next(dfa, state, dfa->equiv ? dfa->equiv[c] : c, true);
}

/**
 * rp_dfa_oob_step() - the out-of-band transition (xattr separator)
 * @dfa: the DFA
 * @state: the state to leave
 *
 * No input byte can take this transition. Its slot is the one just below
 * the state's window; a state without one goes to the dead state.
 *
 * Return: the next state.
 */
unsigned int rp_dfa_oob_step(const struct rp_dfa *dfa, unsigned int state)
{
	const struct rp_dfa_state *st = &dfa->states[state];

	if (!(st->flags & RP_STATE_OOB))
		return RP_DFA_DEAD;
	for (;;) {
		/* A state reached by a diff chain may have base 0: a miss. */
		if (st->base && (dfa->slots[st->base - 1] >> 16) == state)
			return dfa->slots[st->base - 1] & 0xffff;
		if (!(st->flags & RP_STATE_DIFF))
			return st->def;
		state = st->def;
		st = &dfa->states[state];
	}
}

/*
 * The walk loops, specialised so the common case (apparmor_parser 3.0.8
 * output for a 6.12 kernel: no diff encoding, no equiv table unless -O
 * equiv, state 0 a trap) tests neither per byte and stops as soon as the
 * walk is dead. Anything else takes the general loop.
 */
#define RP_DFA_WALK_MASK (RP_DFA_HAS_EQUIV | RP_DFA_HAS_DIFF | RP_DFA_DEAD_TRAP)
static __always_inline unsigned int
rp_dfa_walk_str(const struct rp_dfa *dfa, unsigned int s, const u8 *str,
		bool equiv, bool diff, bool trap)
{
	const struct rp_dfa_state *st;
	const u8 *stay;
	u8 c;

	if (diff) {
		for (; *str; str++)
			s = rp_dfa_step(dfa, s, *str);
		return s;
	}
	while ((c = *str)) {
		st = &dfa->states[s];
		if (st->stay) {
			/* The dead state of a trap DFA loops too: stop there. */
			if (trap && s == RP_DFA_DEAD)
				break;
			/* In a glob: skip the bytes that loop (never NUL). */
			stay = dfa->stay + (st->stay - 1) * 256;
			while (stay[c])
				c = *++str;
			if (!c)
				break;
		}
		s = rp_dfa_next(dfa, s, rp_dfa_class(dfa, c, equiv), false);
		str++;
	}
	return s;
}

static __always_inline unsigned int
rp_dfa_walk_len(const struct rp_dfa *dfa, unsigned int s, const u8 *buf,
		const u8 *end, bool equiv, bool diff, bool trap)
{
	if (diff) {
		for (; buf < end; buf++)
			s = rp_dfa_step(dfa, s, *buf);
		return s;
	}
	for (; buf < end && (!trap || s != RP_DFA_DEAD); buf++)
		s = rp_dfa_next(dfa, s, rp_dfa_class(dfa, *buf, equiv), false);
	return s;
}

/**
 * rp_dfa_match() - walk a C string (its NUL excluded)
 * @dfa: the DFA
 * @state: where to start; the dead state stays dead
 * @str: the string
 *
 * Return: the state after the last byte.
 */
unsigned int rp_dfa_match(const struct rp_dfa *dfa, unsigned int state,
			  const char *str)
{
	const u8 *s = (const u8 *)str;

	if (state == RP_DFA_DEAD)
		return RP_DFA_DEAD;
	switch (dfa->flags & RP_DFA_WALK_MASK) {
	case RP_DFA_DEAD_TRAP:
		return rp_dfa_walk_str(dfa, state, s, false, false, true);
	case RP_DFA_DEAD_TRAP | RP_DFA_HAS_EQUIV:
		return rp_dfa_walk_str(dfa, state, s, true, false, true);
	case 0:
		return rp_dfa_walk_str(dfa, state, s, false, false, false);
	case RP_DFA_HAS_EQUIV:
		return rp_dfa_walk_str(dfa, state, s, true, false, false);
	default:
		/* diff-encoded: the general rule, a step at a time */
		return rp_dfa_walk_str(dfa, state, s, false, true, false);
	}
}

/**
 * rp_dfa_match_len() - walk every byte of a buffer, NULs included
 * @dfa: the DFA
 * @state: where to start; the dead state stays dead
 * @buf: the bytes
 * @len: how many
 *
 * Return: the state after the last byte.
 */
unsigned int rp_dfa_match_len(const struct rp_dfa *dfa, unsigned int state,
			      const void *buf, size_t len)
{
	const u8 *b = buf, *end = b + len;

	if (state == RP_DFA_DEAD)
		return RP_DFA_DEAD;
	switch (dfa->flags & RP_DFA_WALK_MASK) {
	case RP_DFA_DEAD_TRAP:
		return rp_dfa_walk_len(dfa, state, b, end, false, false, true);
	case RP_DFA_DEAD_TRAP | RP_DFA_HAS_EQUIV:
		return rp_dfa_walk_len(dfa, state, b, end, true, false, true);
	case 0:
		return rp_dfa_walk_len(dfa, state, b, end, false, false, false);
	case RP_DFA_HAS_EQUIV:
		return rp_dfa_walk_len(dfa, state, b, end, true, false, false);
	default:
		/* diff-encoded: the general rule, a step at a time */
		return rp_dfa_walk_len(dfa, state, b, end, false, true, false);
	}
}

/**
 * rp_dfa_match_until() - walk a string up to a separator
 * @dfa: the DFA
 * @state: where to start; the dead state stays dead
 * @str: the string
 * @sep: stop before the first byte equal to this (or at the NUL)
 * @end: set to where the walk stopped (at @sep or the NUL)
 *
 * Return: the state after the last byte walked.
 */
unsigned int rp_dfa_match_until(const struct rp_dfa *dfa, unsigned int state,
				const char *str, char sep, const char **end)
{
	for (; *str && *str != sep; str++)
		if (state != RP_DFA_DEAD)
			state = rp_dfa_step(dfa, state, *str);
	*end = str;
	return state;
}

/* How many states back rp_dfa_leftmatch() looks for a loop. */
#define RP_LEFTMATCH_HISTORY	32

/**
 * rp_dfa_leftmatch() - walk an executable path for attachment priority
 * @dfa: an attachment (xmatch) DFA
 * @state: where to start
 * @path: the executable's path
 * @literal: set to how many leading bytes matched before the walk entered a
 *         loop of the DFA (a glob), i.e. the literal prefix length; 0 if
 *         the walk ends in the dead state
 *
 * A loop is detected when a transition goes to a state no greater than
 * the one it left and that state was visited within the last 32 steps;
 * the rest of the string is then walked normally and @literal loses the
 * length of the loop.
 *
 * Return: the final state.
 */
unsigned int rp_dfa_leftmatch(const struct rp_dfa *dfa, unsigned int state,
			      const char *path, unsigned int *literal)
{
	u32 ring[RP_LEFTMATCH_HISTORY];
	unsigned int at = 0, filled = 0, n = 0, d, next;

	if (state == RP_DFA_DEAD)
		goto out;
	for (; *path; path++) {
		ring[at] = state;
		next = rp_dfa_step(dfa, state, *path);
		if (next <= state) {
			for (d = 0; d < filled; d++) {
				if (ring[(at - d) % RP_LEFTMATCH_HISTORY] != next)
					continue;
				state = rp_dfa_match(dfa, next, path + 1);
				n -= d;
				goto out;
			}
		}
		at = (at + 1) % RP_LEFTMATCH_HISTORY;
		filled = min(filled + 1, RP_LEFTMATCH_HISTORY);
		n++;
		state = next;
	}
out:
	*literal = state == RP_DFA_DEAD ? 0 : n;
	return state;
}
