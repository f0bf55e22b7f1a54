/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: domain changes: procattr commands and exec transitions.
 */
#ifndef _RAMPART_DOMAIN_H
#define _RAMPART_DOMAIN_H

#include <linux/init.h>

struct list_head;
struct rp_profile;

struct dentry;

extern int rp_restrict_unprivileged_unconfined;

struct rp_profile *rp_attach(struct list_head *list, const char *path);
struct rp_profile *rp_attach_file(struct list_head *list, const char *path,
				  struct dentry *dentry);
void __init rp_domain_init(void);

#endif /* _RAMPART_DOMAIN_H */
