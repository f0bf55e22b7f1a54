/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: who may look at policy and who may change it
 * (kernel-interfaces.md section 7.5).
 */
#ifndef _RAMPART_ADMIN_H
#define _RAMPART_ADMIN_H

#include "policy.h"

extern bool rp_lock_policy;
extern int rp_unprivileged_userns_policy;

bool rp_policy_view_capable(struct rp_ns *ns);
bool rp_policy_admin_capable(struct rp_ns *ns);

#endif /* _RAMPART_ADMIN_H */
