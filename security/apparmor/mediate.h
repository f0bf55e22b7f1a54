/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: questions every mediation class asks of a profile's policydb
 * (mediation-encoding.md 1, 9.1).
 */
#ifndef _RAMPART_MEDIATE_H
#define _RAMPART_MEDIATE_H

#include <linux/types.h>

struct rp_label;
struct rp_perms;
struct rp_profile;

unsigned int rp_class_start(const struct rp_profile *p, u8 class);
unsigned int rp_policy_step(const struct rp_profile *p, unsigned int state,
			    u8 c);
unsigned int rp_policy_match(const struct rp_profile *p, unsigned int state,
			     const char *str);
unsigned int rp_policy_match_len(const struct rp_profile *p,
				 unsigned int state, const void *buf,
				 size_t len);
const struct rp_perms *rp_policy_perms(const struct rp_profile *p,
				       unsigned int state);
bool rp_peer_perms(const struct rp_profile *p, unsigned int state,
		   const struct rp_label *peer, u32 request,
		   struct rp_perms *out);

/* capability.c: may @label use @cap (CAP_OPT_* @opts)? 0 or -EPERM */
int rp_capable_label(struct rp_label *label, int cap, unsigned int opts);
int rp_capable_profile(const struct rp_profile *p, int cap, unsigned int how);
/* rlimit.c: the limit changes of an exec from @old into @new */
void rp_rlimit_enter(const struct rp_label *old, const struct rp_label *new);

#endif /* _RAMPART_MEDIATE_H */
