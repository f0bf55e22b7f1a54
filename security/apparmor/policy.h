/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rampart: the policy objects a task can be confined by: namespaces,
 * profiles and labels (a label is a set of profiles, a stack).
 *
 * Lifetime: a profile is reference counted through the label embedded in
 * it; a compound label holds a reference on each of its profiles. A
 * namespace has no count of its own: it lives as long as its unconfined
 * profile, so a reference to the namespace is one to that profile's
 * label, and every other profile of the namespace holds one, as do its
 * parent's list of children and each child namespace. Namespace fields that change (revision,
 * lists) are written under ns->lock; readers that must not sleep use RCU.
 */
#ifndef _RAMPART_POLICY_H
#define _RAMPART_POLICY_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/wait.h>
#include "common.h"

struct dentry;
struct rp_pdir;
struct rp_profile;
struct rp_rawdata;

/* rp_label.flags */
#define RP_LABEL_PROFILE	0x1	/* embedded in a profile: size is 1 */
#define RP_LABEL_UNCONFINED	0x2	/* every component is unconfined */

/**
 * struct rp_label - what a task is confined by
 * @ref: references; the last put frees the label (and, for a profile's own
 *       label, the profile)
 * @flags: RP_LABEL_* bits
 * @size: number of profiles in @vec
 * @vec: the profiles, in canonical order (namespace depth, namespace name,
 *       profile name)
 * @node: entry in the set of compound labels (unused for a profile's own)
 * @hash: hash of @vec, the key in that set
 * @secid: the number audit and other kernel users know it by (secid.c)
 * @rcu: deferred free, so RCU readers of a cred may still look at it
 */
struct rp_label {
	struct kref ref;
	u32 flags;
	u32 size;
	struct rp_profile **vec;
	struct hlist_node node;
	u32 hash;
	u32 secid;
	struct rcu_head rcu;
};

/* The most profiles one label holds. */
#define RP_LABEL_MAX_STACK	32

/* rp_profile.flags */
#define RP_PROFILE_NS_UNCONFINED 0x1	/* the namespace's built-in unconfined */
#define RP_PROFILE_HAT		0x2	/* may be entered with change_hat */
#define RP_PROFILE_STALE	0x4	/* replaced or removed */
#define RP_PROFILE_NULL		0x8	/* a learning profile (complain mode) */

struct rp_unpacked;

/**
 * struct rp_profile - one profile of a namespace
 * @label: the profile's own one-component label; holds the reference count
 * @self: storage for @label.vec[0]
 * @ns: the namespace it belongs to (a reference)
 * @hname: hierarchical name, components joined by "//"
 * @base: the last component of @hname
 * @mode: enforce, complain, ...
 * @flags: RP_PROFILE_* bits
 * @list: entry in the parent's (or namespace's) list of profiles; the list
 *        holds a reference
 * @parent: the parent profile (a reference), NULL at the top
 * @children: child profiles and hats, most recent first (RCU list)
 * @rules: what the profile allows, as unpacked (owned; NULL for the
 *         namespace's unconfined)
 * @pdir: its directory in the policy tree (a reference), shared with the
 *        versions it replaced; NULL if it has none
 * @rawdata: the buffer it was loaded from (one of its users), or NULL
 * @replacedby: once stale, what took its place (a reference): its new
 *              version, or the namespace's unconfined if it was removed
 *              (the parent namespace's, for a removed namespace's own)
 * @serial: a number no other profile ever gets (identity without a
 *          reference, e.g. for the capability record cache)
 */
struct rp_profile {
	struct rp_label label;
	struct rp_profile *self;
	struct rp_ns *ns;
	char *hname;
	const char *base;
	enum rp_mode mode;
	u32 flags;
	struct list_head list;
	struct rp_profile *parent;
	struct list_head children;
	struct rp_unpacked *rules;
	struct rp_pdir *pdir;
	struct rp_rawdata *rawdata;
	struct rp_profile __rcu *replacedby;
	u64 serial;
};

/**
 * struct rp_ns - a policy namespace
 * @parent: NULL for the root namespace
 * @name: the namespace's own name ("root" for the root namespace)
 * @hname: names from the root down, joined by "//"
 * @level: 0 for root, parent's level + 1 below it
 * @lock: serialises changes to this namespace's policy
 * @revision: bumped by every policy change; read without the lock
 * @revision_wq: woken when @revision changes
 * @profiles: top-level profiles, most recent first
 * @children: child namespaces
 * @sibling: entry in the parent's @children
 * @unconfined: the built-in unconfined profile, whose label's count is
 *              the namespace's (see rp_ns_get())
 * @dead: removed; loads into it fail
 * @rawdata: buffers loaded into it that profiles still use
 * @dir: its directory in the policy tree, NULL if none (under ->lock)
 * @dir_profiles: the "profiles" directory in @dir
 * @dir_rawdata: the "raw_data" directory in @dir
 * @dir_namespaces: the "namespaces" directory in @dir
 * @dir_seq: the number the next profile directory's name ends in
 * @rcu: deferred free for readers walking @children under RCU
 */
struct rp_ns {
	struct rp_ns *parent;
	char *name;
	char *hname;
	unsigned int level;
	/* serialises policy changes in this namespace */
	struct mutex lock;
	long revision;
	wait_queue_head_t revision_wq;
	struct list_head profiles;
	struct list_head children;
	struct list_head sibling;
	struct rp_profile *unconfined;
	bool dead;
	struct list_head rawdata;
	struct dentry *dir;
	struct dentry *dir_profiles;
	struct dentry *dir_rawdata;
	struct dentry *dir_namespaces;
	unsigned long dir_seq;
	struct rcu_head rcu;
};

extern struct rp_ns *rp_root_ns;

static inline struct rp_label *rp_label_get(struct rp_label *label)
{
	if (label)
		kref_get(&label->ref);
	return label;
}

void rp_label_release(struct kref *ref);

static inline void rp_label_put(struct rp_label *label)
{
	if (label)
		kref_put(&label->ref, rp_label_release);
}

static inline bool rp_label_is_unconfined(const struct rp_label *label)
{
	return label->flags & RP_LABEL_UNCONFINED;
}

/*
 * Might @label mediate anything? Not if it is unconfined, unless a
 * profile of it was replaced since (the new version may be confined).
 */
bool rp_label_is_stale(const struct rp_label *label);

static inline bool rp_label_may_mediate(const struct rp_label *label)
{
	return !rp_label_is_unconfined(label) || rp_label_is_stale(label);
}

/* The namespace a label belongs to: that of its last component. */
static inline struct rp_ns *rp_label_ns(const struct rp_label *label)
{
	return label->vec[label->size - 1]->ns;
}

/* The profile whose own label @label is. */
static inline struct rp_profile *rp_profile_of(struct rp_label *label)
{
	return label->vec[0];
}

static inline bool rp_profile_is_ns_unconfined(const struct rp_profile *p)
{
	return p->flags & RP_PROFILE_NS_UNCONFINED;
}

/* A namespace is counted by its unconfined profile's label. */
static inline struct rp_ns *rp_ns_get(struct rp_ns *ns)
{
	if (ns)
		kref_get(&ns->unconfined->label.ref);
	return ns;
}

static inline void rp_ns_put(struct rp_ns *ns)
{
	if (ns)
		rp_label_put(&ns->unconfined->label);
}

void rp_ns_free(struct rp_ns *ns);

bool rp_ns_within(const struct rp_ns *ns, const struct rp_ns *top);
struct rp_ns *rp_ns_create(struct rp_ns *parent, const char *name);
void rp_ns_remove(struct rp_ns *ns);
struct rp_ns *rp_ns_child(struct rp_ns *parent, const char *name);
void rp_ns_bump_revision(struct rp_ns *ns);
int __init rp_ns_init(void);

struct rp_profile *rp_profile_alloc(struct rp_ns *ns, const char *hname,
				    enum rp_mode mode, gfp_t gfp);
struct rp_label *rp_label_alloc_stack(struct rp_profile *const *profiles,
				      u32 n, gfp_t gfp);
struct rp_label *rp_label_stack(struct rp_profile *const *profiles, u32 n,
				gfp_t gfp);
struct rp_label *rp_label_union(struct rp_label *a, struct rp_label *b);
bool rp_label_within(const struct rp_label *sub, const struct rp_label *label);
struct rp_label *rp_label_newest(struct rp_label *label);
struct rp_profile *rp_profile_follow_rcu(struct rp_profile *p);

/*
 * rp_profile_newest_rcu() - the live version of @p (in an RCU read-side
 * section): @p itself unless it was replaced or removed, which only the
 * out-of-line rp_profile_follow_rcu() has to walk.
 */
static inline struct rp_profile *rp_profile_newest_rcu(struct rp_profile *p)
{
	if (likely(!(READ_ONCE(p->flags) & RP_PROFILE_STALE)))
		return p;
	return rp_profile_follow_rcu(p);
}

/* Start a walk over a label's profiles at index 0 (the walk macros). */
static inline u32 *rp_label_cursor(u32 *i)
{
	*i = 0;
	return i;
}

/* The first profile of @label from *@i on that mediates, or NULL. */
static inline struct rp_profile *
rp_label_next_confined(const struct rp_label *label, u32 *i)
{
	for (; *i < label->size; (*i)++)
		if (!rp_label_is_unconfined(&label->vec[*i]->label))
			return label->vec[*i];
	return NULL;
}

/* The same, at each profile's live version; the caller holds RCU. */
static inline struct rp_profile *
rp_label_next_live(const struct rp_label *label, u32 *i)
{
	struct rp_profile *p;

	for (; *i < label->size; (*i)++) {
		p = rp_profile_newest_rcu(label->vec[*i]);
		if (!rp_label_is_unconfined(&p->label))
			return p;
	}
	return NULL;
}

/*
 * Walk the profiles of @lbl that mediate anything: @p is set to each in
 * turn (@i, a u32, counts); unconfined ones are passed over. The caller
 * keeps @lbl alive.
 */
#define rp_label_for_each_confined(lbl, i, p)				\
	for (u32 *__at = rp_label_cursor(&(i));				\
	     ((p) = rp_label_next_confined((lbl), __at)); (*__at)++)

/*
 * The same with each profile at its live version (replaced ones
 * followed), for hooks that cannot make the newest label: the caller is
 * in an RCU read-side section, which @p does not outlive.
 */
#define rp_label_for_each_live(lbl, i, p)				\
	for (u32 *__at = rp_label_cursor(&(i));				\
	     ((p) = rp_label_next_live((lbl), __at)); (*__at)++)
void rp_profile_forward(struct rp_profile *old, struct rp_profile *to);
struct rp_label *rp_label_parse(struct rp_ns *base, const char *str,
				gfp_t gfp);
struct rp_ns *rp_ns_find_path(struct rp_ns *base, const char *path);

/* secid.c */
extern int rp_display_secid_mode;
int rp_secid_assign(struct rp_label *label, gfp_t gfp);
void rp_secid_release(struct rp_label *label);
#if IS_ENABLED(CONFIG_KUNIT)
int rp_secid_to_secctx(u32 secid, char **secdata, u32 *seclen);
int rp_secctx_to_secid(const char *secdata, u32 seclen, u32 *secid);
#endif

/* Options of rp_label_render(). */
#define RP_RENDER_SUBNS		0x1	/* show components of descendant namespaces */
#define RP_RENDER_MODE		0x2	/* append " (mode)" */
#define RP_RENDER_HIDDEN_UNCONFINED 0x4	/* nothing visible prints "unconfined" */

/**
 * struct rp_policy_error - why a load or remove was refused
 * @info: what was wrong (the audit "info" text)
 * @name: the profile concerned ("" if none); a copy, valid after the call
 */
struct rp_policy_error {
	const char *info;
	char name[128];
};

int rp_policy_load(struct rp_ns *ns, struct list_head *unpacked, bool replace,
		   struct rp_rawdata *rd, struct rp_policy_error *err);
void rp_policy_remove_ns(struct rp_ns *ns);
int rp_policy_remove(struct rp_ns *ns, const char *name,
		     struct rp_policy_error *err);
struct rp_profile *rp_profile_find(struct rp_ns *ns, const char *hname);
struct rp_profile *rp_profile_learning(struct rp_profile *parent,
				       const char *name, bool hat);

int rp_label_render(const struct rp_label *label, const struct rp_ns *view,
		    unsigned int opts, char *buf, size_t size);
char *rp_label_render_alloc(const struct rp_label *label,
			    const struct rp_ns *view, unsigned int opts,
			    const char *suffix, gfp_t gfp);

#endif /* _RAMPART_POLICY_H */
