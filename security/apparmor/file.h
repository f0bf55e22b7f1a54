/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: file mediation (mediation.md 1.3, 2).
 */
#ifndef _RAMPART_FILE_H
#define _RAMPART_FILE_H

#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/uidgid.h>

struct cred;
struct dentry;
struct rp_label;
struct rp_profile;

/**
 * struct rp_file_ctx - Rampart's part of an open file
 * @lock: serialises updates of @label and @allow
 * @label: the label the file was last checked against (a reference; read
 *         under RCU); starts as the opener's
 * @allow: the permissions checked for it so far
 */
struct rp_file_ctx {
	/* serialises updates of label and allow */
	spinlock_t lock;
	struct rp_label __rcu *label;
	u32 allow;
};

#if IS_ENABLED(CONFIG_KUNIT)
/* file.c internals the KUnit suite drives directly */
struct file;
struct rp_perms;
const struct rp_perms *rp_file_perms(const struct rp_profile *p,
				     const char *name, kuid_t ouid,
				     unsigned int *statep);
int rp_link_profile(const struct rp_profile *p, const char *lname,
		    const char *tname, kuid_t ouid);
u32 rp_open_request(const struct file *file);
u32 rp_map_request(unsigned long prot, bool shared);
#endif

struct rp_policydb;
unsigned int rp_file_match(const struct rp_profile *p,
			   const struct rp_policydb *db, unsigned int start,
			   const char *name, size_t len);
void __init rp_file_init(void);
int rp_file_null_create(struct dentry *parent);
void rp_file_inherit(const struct cred *cred);

#endif /* _RAMPART_FILE_H */
