/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the policy tree (kernel-interfaces.md 4.9): an internal
 * filesystem with a directory per namespace, per profile and per loaded
 * buffer, reached through the securityfs "policy" link.
 *
 * Every function that changes a namespace's part of the tree is called
 * with that namespace's lock held (a new namespace: its parent's), so the
 * lock order is always namespace lock, then inode locks.
 */
#ifndef _RAMPART_POLICYFS_H
#define _RAMPART_POLICYFS_H

#include <linux/kref.h>
#include <linux/rcupdate.h>

struct dentry;
struct rp_ns;
struct rp_profile;
struct rp_rawdata;

/* The entries of a profile directory, in creation order. */
enum rp_pdir_entry {
	RP_PDIR_NAME,
	RP_PDIR_MODE,
	RP_PDIR_ATTACH,
	RP_PDIR_SHA256,
	RP_PDIR_RAW_SHA256,
	RP_PDIR_RAW_ABI,
	RP_PDIR_RAW_DATA,
	RP_PDIR_ENTRIES
};

/**
 * struct rp_pdir - a profile's directory, shared by its successive versions
 * @ref: references from each version of the profile and each inode
 * @profile: the current version; NULL once the profile is removed
 * @depth: 1 for a top-level profile, one more per parent
 * @dir: the directory
 * @children: its "profiles" subdirectory, made with the first child
 * @entry: the files and links in it, NULL where absent
 */
struct rp_pdir {
	struct kref ref;
	struct rp_profile __rcu *profile;
	unsigned int depth;
	struct dentry *dir;
	struct dentry *children;
	struct dentry *entry[RP_PDIR_ENTRIES];
};

void rp_pdir_put(struct rp_pdir *pdir);

int rp_fs_ns_mkdir(struct rp_ns *ns);
void rp_fs_ns_rmdir(struct rp_ns *ns);
int rp_fs_profile_mkdir(struct rp_profile *p, struct rp_profile *parent);
void rp_fs_profile_rmdir(struct rp_profile *p);
void rp_fs_profile_replace(struct rp_profile *old, struct rp_profile *p);
int rp_fs_rawdata_mkdir(struct rp_rawdata *rd);
void rp_fs_rawdata_rmdir(struct rp_rawdata *rd);
size_t rp_fs_mangle(const char *base, char *out, size_t size);

int __init rp_policyfs_init(struct dentry *parent);

#endif /* _RAMPART_POLICYFS_H */
