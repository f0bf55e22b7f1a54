/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: packed DFAs (shared/spec/dfa-format.md): unpacking and
 * verifying untrusted tables, and the allocation-free, lock-free walks
 * every policy decision ends in. Also built in userspace (tools/dfa/) for
 * the fuzzer and the benchmark.
 */
#ifndef _RAMPART_DFA_H
#define _RAMPART_DFA_H

#include <linux/types.h>

/* rp_dfa_unpack() flags */
#define RP_DFA_WANT_ACCEPT2	0x1	/* old encoding: accept2 required */

/* The dead state (every walk that reaches it stays there) and the start. */
#define RP_DFA_DEAD		0u
#define RP_DFA_START		1u

/* rp_dfa.flags */
#define RP_DFA_HAS_EQUIV	0x1	/* input bytes go through equiv[] */
#define RP_DFA_HAS_DIFF		0x2	/* some state is diff-encoded */
#define RP_DFA_HAS_OOB		0x4	/* some state has an out-of-band slot */
#define RP_DFA_DEAD_TRAP	0x8	/* every byte leads state 0 back to 0 */

/* rp_dfa_state.flags */
#define RP_STATE_DIFF		0x1	/* a miss continues from the default */
#define RP_STATE_OOB		0x2	/* slot base - 1 is the out-of-band one */

/**
 * struct rp_dfa_state - what a transition needs to know about a state
 * @base: index of the state's window in rp_dfa.slots
 * @def: the state taken when the window has no slot for the input
 * @flags: RP_STATE_* bits
 * @stay: 0, or 1 + the index of the state's table in rp_dfa.stay: a glob
 *        state ("*", "**") that most bytes lead back to itself
 */
struct rp_dfa_state {
	u32 base;
	u16 def;
	u8 flags;
	u8 stay;
};

/**
 * struct rp_dfa - a verified DFA, laid out for walking
 * @nstates: number of states (at least 1; state numbers fit 16 bits)
 * @nslots: number of transition slots
 * @flags: RP_DFA_* bits
 * @states: per-state base, default and flags
 * @slots: the transition slots, each (owner state << 16) | target state,
 *         so that one load answers both "is it mine" and "where to"
 * @accept: per-state accept value (as packed by the parser; the policy
 *          unpacker rewrites it into an index into its permission table)
 * @accept2: per-state accept2 value, or NULL when the DFA has none
 * @equiv: byte to class map, or NULL (identity)
 * @stay: 256-byte tables, one per distinct set: stay[c] is 1 when byte c
 *        leads a state using the table back to itself (never for NUL);
 *        string walks skip such bytes without a transition
 * @nstay: number of stay tables
 * @size: bytes allocated for all of the above
 *
 * Verification guarantees every index a walk can compute is in bounds:
 * base + 255 < nslots, base >= 1 for out-of-band states, every target
 * and default < nstates, and diff-encode chains end.
 */
struct rp_dfa {
	u32 nstates;
	u32 nslots;
	u32 flags;
	const struct rp_dfa_state *states;
	const u32 *slots;
	u32 *accept;
	const u32 *accept2;
	const u8 *equiv;
	const u8 *stay;
	u32 nstay;
	size_t size;
};

/**
 * struct rp_dfa_error - why rp_dfa_unpack() refused a blob
 * @what: what is wrong, for the log
 * @offset: byte offset in the blob where the fault was found
 * @index: the table entry or state concerned, or -1
 */
struct rp_dfa_error {
	const char *what;
	size_t offset;
	long index;
};

struct rp_dfa *rp_dfa_unpack(const void *blob, size_t size,
			     unsigned int flags, struct rp_dfa_error *err);
void rp_dfa_free(struct rp_dfa *dfa);

unsigned int rp_dfa_step(const struct rp_dfa *dfa, unsigned int state,
			 u8 c);
unsigned int rp_dfa_oob_step(const struct rp_dfa *dfa, unsigned int state);
unsigned int rp_dfa_match(const struct rp_dfa *dfa, unsigned int state,
			  const char *str);
unsigned int rp_dfa_match_len(const struct rp_dfa *dfa, unsigned int state,
			      const void *buf, size_t len);
unsigned int rp_dfa_match_until(const struct rp_dfa *dfa, unsigned int state,
				const char *str, char sep, const char **end);
unsigned int rp_dfa_leftmatch(const struct rp_dfa *dfa, unsigned int state,
			      const char *path, unsigned int *literal);

/* One step on the NUL byte that separates the fields of a query. */
static inline unsigned int rp_dfa_null_step(const struct rp_dfa *dfa,
					    unsigned int state)
{
	return rp_dfa_step(dfa, state, 0);
}

#endif /* _RAMPART_DFA_H */
