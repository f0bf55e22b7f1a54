// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the policydb side of mediation. Every class but file asks its
 * question as a byte string that starts with the class number; a profile
 * whose policydb leads nowhere on that byte does not mediate the class
 * (mediation-encoding.md 1). Peers (signal, ptrace, ...) are named the way
 * change_profile targets are, but only the peer's profiles in the asking
 * profile's own namespace are named (mediation.md 6.1, encoding 9.1).
 *
 * Nothing here allocates or sleeps: signal checks run under RCU.
 */
#include <linux/string.h>
#include <linux/rcupdate.h>
#include "dfa.h"
#include "mediate.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"

static const struct rp_perms rp_nothing;

/**
 * rp_class_start() - where @p's policydb questions about @class start
 * @p: a confined profile
 * @class: an RP_CLASS_* number
 *
 * Return: the state after the class byte, or RP_DFA_DEAD if @p does not
 * mediate @class (then the class allows everything).
 */
unsigned int rp_class_start(const struct rp_profile *p, u8 class)
{
	const struct rp_unpacked *rules = p->rules;

	if (!rules)
		return RP_DFA_DEAD;
	if (likely(class < RP_CLASS_STARTS))
		return rules->class_start[class];
	if (!rules->policy.dfa)
		return RP_DFA_DEAD;
	return rp_dfa_step(rules->policy.dfa, rules->policy.start, class);
}

/* rp_policy_step() - one byte on from @state in @p's policydb */
unsigned int rp_policy_step(const struct rp_profile *p, unsigned int state,
			    u8 c)
{
	return rp_dfa_step(p->rules->policy.dfa, state, c);
}

/* rp_policy_match() - a string (without its NUL) on from @state */
unsigned int rp_policy_match(const struct rp_profile *p, unsigned int state,
			     const char *str)
{
	return rp_dfa_match(p->rules->policy.dfa, state, str);
}

/* rp_policy_match_len() - @len bytes on from @state */
unsigned int rp_policy_match_len(const struct rp_profile *p,
				 unsigned int state, const void *buf,
				 size_t len)
{
	return rp_dfa_match_len(p->rules->policy.dfa, state, buf, len);
}

/**
 * rp_policy_perms() - what @p's policydb grants at @state
 * @p: a profile with a policydb
 * @state: a state of it
 *
 * Return: the entry (allow nothing for a dead or unknown state).
 */
const struct rp_perms *rp_policy_perms(const struct rp_profile *p,
				       unsigned int state)
{
	const struct rp_policydb *db = &p->rules->policy;

	if (state == RP_DFA_DEAD)
		return &rp_nothing;
	return rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
			       false);
}

/* Fold one component's entry into a running intersection. */
static void rp_perms_meet(struct rp_perms *acc, const struct rp_perms *one)
{
	acc->allow &= one->allow;
	acc->deny |= one->deny;
	acc->audit |= one->audit;
	acc->quiet |= one->quiet;
	acc->kill |= one->kill;
	acc->complain |= one->complain;
	acc->hide |= one->hide;
}

/**
 * rp_peer_perms() - what @p grants toward @peer, matching on from @state
 * @p: the asking profile (confined, with a policydb)
 * @state: where the peer's name is to be matched from
 * @peer: the other side's label
 * @request: the permissions wanted (decides whether to look per component)
 * @out: the answer
 *
 * The peer's components in @p's namespace are named as one label,
 * "a//&b"; if that does not grant @request, each is matched on its own
 * from @state and only what all of them grant is granted.
 *
 * Return: false if no component of @peer is in @p's namespace: there is
 * nothing to check and @out is untouched.
 */
bool rp_peer_perms(const struct rp_profile *p, unsigned int state,
		   const struct rp_label *peer, u32 request,
		   struct rp_perms *out)
{
	const struct rp_profile *q;
	unsigned int s = state;
	u32 i, seen = 0;

	/* the peer as it stands now: replaced profiles followed */
	rcu_read_lock();
	for (i = 0; i < peer->size; i++) {
		q = rp_profile_newest_rcu(peer->vec[i]);
		if (q->ns != p->ns)
			continue;
		if (seen++)
			s = rp_policy_match(p, s, "//&");
		s = rp_policy_match(p, s, q->hname);
	}
	if (!seen)
		goto none;
	*out = *rp_policy_perms(p, s);
	if (!(request & (~out->allow | out->deny)) || seen == 1)
		goto done;

	memset(out, 0, sizeof(*out));
	out->allow = ~0u;
	for (i = 0; i < peer->size; i++) {
		unsigned int one;

		q = rp_profile_newest_rcu(peer->vec[i]);
		if (q->ns != p->ns)
			continue;
		one = rp_policy_match(p, state, q->hname);
		rp_perms_meet(out, rp_policy_perms(p, one));
	}
done:
	rcu_read_unlock();
	return true;
none:
	rcu_read_unlock();
	return false;
}
