// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: profiles and labels: allocation, canonical ordering of stacks,
 * release, and rendering a label as userspace reads it (procattr,
 * "profiles", audit), relative to the viewer's namespace.
 *
 * Release may run from an RCU callback (a cred being freed), so nothing
 * here sleeps on the put path.
 */
#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "policy.h"
#include "policyfs.h"
#include "rawdata.h"
#include "unpack.h"

static atomic64_t rp_profile_serial = ATOMIC64_INIT(0);

/**
 * rp_profile_alloc() - make a profile with its one-component label
 * @ns: the namespace it belongs to; the profile takes a reference
 * @hname: hierarchical name
 * @mode: its mode
 * @gfp: allocation flags
 *
 * Return: the profile with one reference (on ->label), or NULL.
 */
struct rp_profile *rp_profile_alloc(struct rp_ns *ns, const char *hname,
				    enum rp_mode mode, gfp_t gfp)
{
	struct rp_profile *p;
	const char *sep;

	p = kzalloc(sizeof(*p), gfp);
	if (!p)
		return NULL;
	p->hname = kstrdup(hname, gfp);
	if (!p->hname || rp_secid_assign(&p->label, gfp)) {
		kfree(p->hname);
		kfree(p);
		return NULL;
	}
	for (p->base = p->hname; (sep = strstr(p->base, "//")); )
		p->base = sep + 2;

	kref_init(&p->label.ref);
	p->label.flags = RP_LABEL_PROFILE;
	if (mode == RP_MODE_UNCONFINED)
		p->label.flags |= RP_LABEL_UNCONFINED;
	p->label.size = 1;
	p->label.vec = &p->self;
	p->self = p;
	p->mode = mode;
	p->serial = atomic64_inc_return(&rp_profile_serial);
	p->ns = rp_ns_get(ns);
	INIT_LIST_HEAD(&p->list);
	INIT_LIST_HEAD(&p->children);
	return p;
}

static void rp_profile_free(struct rp_profile *p)
{
	struct rp_profile *next = rcu_dereference_protected(p->replacedby, 1);

	rp_secid_release(&p->label);

	if (next)
		rp_label_put(&next->label);
	if (rp_profile_is_ns_unconfined(p))
		rp_ns_free(p->ns);
	else
		rp_ns_put(p->ns);
	if (p->parent)
		rp_label_put(&p->parent->label);
	rp_rawdata_unuse(p->rawdata);
	rp_pdir_put(p->pdir);
	rp_unpacked_free(p->rules);
	kfree(p->hname);
	kfree_rcu(p, label.rcu);
}

static void rp_label_set_remove(struct rp_label *label);

void rp_label_release(struct kref *ref)
{
	struct rp_label *label = container_of(ref, struct rp_label, ref);
	u32 i;

	if (label->flags & RP_LABEL_PROFILE) {
		rp_profile_free(label->vec[0]);
		return;
	}
	rp_secid_release(label);
	rp_label_set_remove(label);
	for (i = 0; i < label->size; i++)
		rp_label_put(&label->vec[i]->label);
	kfree_rcu(label, rcu);
}

/* Canonical order: shallower namespace, namespace name, profile name. */
static int rp_profile_cmp(const struct rp_profile *a, const struct rp_profile *b)
{
	int r;

	if (a == b)
		return 0;
	if (a->ns != b->ns) {
		if (a->ns->level != b->ns->level)
			return a->ns->level < b->ns->level ? -1 : 1;
		r = strcmp(a->ns->hname, b->ns->hname);
		if (r)
			return r;
	}
	return strcmp(a->hname, b->hname);
}

static int rp_profile_sort_cmp(const void *a, const void *b)
{
	return rp_profile_cmp(*(struct rp_profile *const *)a,
			      *(struct rp_profile *const *)b);
}

/*
 * ---- the set of compound labels ----
 *
 * Every distinct stack exists once: a lookup of a stack that some task
 * already has finds it without allocating, and labels compare by
 * pointer. A profile's own label never enters the set. The set is read
 * under RCU; changes take rp_label_set_lock with interrupts off, as the
 * last put of a label (which takes it out) may run in an RCU callback.
 */
static DEFINE_HASHTABLE(rp_label_set, 10);
static DEFINE_SPINLOCK(rp_label_set_lock);

static u32 rp_vec_hash(struct rp_profile *const *vec, u32 n)
{
	return jhash(vec, n * sizeof(*vec), n);
}

/* The set's label with exactly @vec, with a reference; RCU or the lock. */
static struct rp_label *rp_label_set_find(struct rp_profile *const *vec,
					  u32 n, u32 hash)
{
	struct rp_label *label;

	hash_for_each_possible_rcu(rp_label_set, label, node, hash) {
		if (label->hash != hash || label->size != n ||
		    memcmp(label->vec, vec, n * sizeof(*vec)))
			continue;
		if (kref_get_unless_zero(&label->ref))
			return label;
	}
	return NULL;
}

/* Take a dying compound label out of the set. */
static void rp_label_set_remove(struct rp_label *label)
{
	unsigned long flags;

	spin_lock_irqsave(&rp_label_set_lock, flags);
	if (!hlist_unhashed(&label->node))
		hash_del_rcu(&label->node);
	spin_unlock_irqrestore(&rp_label_set_lock, flags);
}

/* Sort @vec canonically and drop repeats; return how many are kept. */
static u32 rp_vec_canonical(struct rp_profile **vec, u32 n)
{
	u32 i, kept = 1;

	sort(vec, n, sizeof(*vec), rp_profile_sort_cmp, NULL);
	for (i = 1; i < n; i++)
		if (vec[i] != vec[kept - 1])
			vec[kept++] = vec[i];
	return kept;
}

/*
 * The label of the canonical, repeat-free @vec: found in the set, or made
 * and added if @gfp allows allocation (0: look up only).
 */
static struct rp_label *rp_label_of_vec(struct rp_profile **vec, u32 n,
					gfp_t gfp)
{
	struct rp_label *label, *found;
	unsigned long flags;
	u32 hash, i;

	if (n == 1)
		return rp_label_get(&vec[0]->label);
	hash = rp_vec_hash(vec, n);
	rcu_read_lock();
	label = rp_label_set_find(vec, n, hash);
	rcu_read_unlock();
	if (label || !gfp)
		return label;

	label = kzalloc(sizeof(*label) + n * sizeof(*label->vec), gfp);
	if (!label)
		return NULL;
	if (rp_secid_assign(label, gfp)) {
		kfree(label);
		return NULL;
	}
	kref_init(&label->ref);
	label->vec = (struct rp_profile **)(label + 1);
	label->size = n;
	label->hash = hash;
	label->flags = RP_LABEL_UNCONFINED;
	for (i = 0; i < n; i++) {
		rp_label_get(&vec[i]->label);
		label->vec[i] = vec[i];
		if (!rp_label_is_unconfined(&vec[i]->label))
			label->flags &= ~RP_LABEL_UNCONFINED;
	}
	spin_lock_irqsave(&rp_label_set_lock, flags);
	found = rp_label_set_find(vec, n, hash);
	if (!found)
		hash_add_rcu(rp_label_set, &label->node, hash);
	spin_unlock_irqrestore(&rp_label_set_lock, flags);
	if (!found)
		return label;
	/* another task made it first: ours was never visible */
	rp_secid_release(label);
	for (i = 0; i < n; i++)
		rp_label_put(&vec[i]->label);
	kfree(label);
	return found;
}

/**
 * rp_label_stack() - the label made of a set of profiles
 * @profiles: the profiles, in any order, repeats allowed; the caller
 *            holds references on them
 * @n: how many (1 to RP_LABEL_MAX_STACK)
 * @gfp: allocation flags for a stack no task has yet; 0 to only find one
 *
 * Return: a reference to the one label holding each distinct profile
 * once, in canonical order (a single profile's own label), or NULL if @n
 * is out of range, memory runs out, or @gfp is 0 and no such stack exists.
 */
struct rp_label *rp_label_stack(struct rp_profile *const *profiles, u32 n,
				gfp_t gfp)
{
	struct rp_profile *vec[RP_LABEL_MAX_STACK];

	if (!n || n > RP_LABEL_MAX_STACK)
		return NULL;
	memcpy(vec, profiles, n * sizeof(*vec));
	return rp_label_of_vec(vec, rp_vec_canonical(vec, n), gfp);
}

/**
 * rp_label_alloc_stack() - rp_label_stack(), making the stack if need be
 * @profiles: the profiles, in any order, repeats allowed
 * @n: how many
 * @gfp: allocation flags (not 0)
 *
 * Return: a reference to the label, or NULL.
 */
struct rp_label *rp_label_alloc_stack(struct rp_profile *const *profiles,
				      u32 n, gfp_t gfp)
{
	return gfp ? rp_label_stack(profiles, n, gfp) : NULL;
}

/**
 * rp_label_union() - the stack of every profile of two labels
 * @a: one label
 * @b: the other
 *
 * Return: a reference to the label, or NULL (out of memory, too big).
 */
struct rp_label *rp_label_union(struct rp_label *a, struct rp_label *b)
{
	struct rp_profile *vec[2 * RP_LABEL_MAX_STACK];
	u32 n = a->size + b->size;

	memcpy(vec, a->vec, a->size * sizeof(*vec));
	memcpy(vec + a->size, b->vec, b->size * sizeof(*vec));
	n = rp_vec_canonical(vec, n);
	if (n > RP_LABEL_MAX_STACK)
		return NULL;
	return rp_label_of_vec(vec, n, GFP_KERNEL);
}

/**
 * rp_label_within() - is every profile of @sub one of @label's?
 * @sub: the smaller label
 * @label: the larger one
 *
 * Return: true if so (a label is within itself).
 */
bool rp_label_within(const struct rp_label *sub, const struct rp_label *label)
{
	u32 i, k;

	if (sub == label)
		return true;
	for (i = 0; i < sub->size; i++) {
		for (k = 0; k < label->size && label->vec[k] != sub->vec[i]; k++)
			;
		if (k == label->size)
			return false;
	}
	return true;
}

/* ---- following replaced and removed profiles ---- */

/**
 * rp_profile_forward() - record what replaces a profile going stale
 * @old: the profile being replaced or removed (its namespace's lock held)
 * @to: its new version, or the unconfined profile that takes over
 */
void rp_profile_forward(struct rp_profile *old, struct rp_profile *to)
{
	rp_label_get(&to->label);
	rcu_assign_pointer(old->replacedby, to);
	/* a reader that sees the flag finds the pointer (rp_label_newest) */
	smp_wmb();
	WRITE_ONCE(old->flags, old->flags | RP_PROFILE_STALE);
}

/**
 * rp_label_is_stale() - has a profile of @label been replaced or removed?
 * @label: the label
 */
bool rp_label_is_stale(const struct rp_label *label)
{
	u32 i;

	for (i = 0; i < label->size; i++)
		if (READ_ONCE(label->vec[i]->flags) & RP_PROFILE_STALE)
			return true;
	return false;
}

/**
 * rp_profile_follow_rcu() - the live version of a stale @p
 * @p: a profile; the caller is in an RCU read-side section
 *
 * Versions of a profile are followed to the last, but a removed profile's
 * fallback is its namespace's unconfined even when that namespace is gone
 * too: like stock, a reader takes one step past a removal. Hooks that may
 * not allocate use this per component instead of rp_label_newest().
 *
 * Return: the profile, valid until the read-side section ends.
 */
struct rp_profile *rp_profile_follow_rcu(struct rp_profile *p)
{
	struct rp_profile *start = p, *next;

	while (READ_ONCE(p->flags) & RP_PROFILE_STALE) {
		if (p != start && rp_profile_is_ns_unconfined(p))
			break;
		/* pairs with the smp_wmb() in rp_profile_forward() */
		smp_rmb();
		next = rcu_dereference(p->replacedby);
		if (!next)
			break;
		p = next;
	}
	return p;
}

/**
 * rp_label_newest() - @label with each profile at its current version
 * @label: a label (the caller holds a reference)
 *
 * Return: a new reference: to @label itself if nothing in it is stale,
 * else to the label of the replacements (made if need be); NULL only if
 * memory runs out.
 */
struct rp_label *rp_label_newest(struct rp_label *label)
{
	struct rp_profile *vec[RP_LABEL_MAX_STACK];
	struct rp_label *newest;
	u32 i, n = label->size;

	if (!rp_label_is_stale(label))
		return rp_label_get(label);
	rcu_read_lock();
	for (i = 0; i < n; i++) {
		vec[i] = rp_profile_newest_rcu(label->vec[i]);
		if (!kref_get_unless_zero(&vec[i]->label.ref))
			break;
	}
	rcu_read_unlock();
	if (i < n) {
		/* cannot happen: a stale profile holds its replacement */
		while (i-- > 0)
			rp_label_put(&vec[i]->label);
		return rp_label_get(label);
	}
	newest = rp_label_stack(vec, n, GFP_KERNEL);
	for (i = 0; i < n; i++)
		rp_label_put(&vec[i]->label);
	return newest;
}

/* Appends to a fixed buffer, counting what would not fit (like snprintf). */
struct rp_out {
	char *buf;
	size_t size;
	size_t len;
};

static void rp_out_str(struct rp_out *out, const char *s, size_t n)
{
	if (out->len < out->size) {
		size_t room = out->size - out->len;

		memcpy(out->buf + out->len, s, min(n, room));
	}
	out->len += n;
}

static void rp_out_puts(struct rp_out *out, const char *s)
{
	rp_out_str(out, s, strlen(s));
}

/**
 * rp_label_render() - write a label as userspace reads it
 * @label: the label
 * @view: the viewer's namespace; components outside it (and, without
 *        RP_RENDER_SUBNS, outside it exactly) are left out
 * @opts: RP_RENDER_* options
 * @buf: where to write; NUL-terminated when @size is not 0
 * @size: size of @buf
 *
 * Components in another namespace carry a ":ns:" prefix relative to @view,
 * written once for a run of components in the same namespace.
 *
 * Return: the length of the whole rendering, which may exceed @size - 1.
 */
int rp_label_render(const struct rp_label *label, const struct rp_ns *view,
		    unsigned int opts, char *buf, size_t size)
{
	struct rp_out out = { .buf = buf, .size = size };
	const struct rp_ns *prev_ns = view;
	const char *mode = NULL;
	bool mixed = false;
	u32 i, shown = 0;

	for (i = 0; i < label->size; i++) {
		const struct rp_profile *p = label->vec[i];

		if (p->ns != view &&
		    !((opts & RP_RENDER_SUBNS) && rp_ns_within(p->ns, view)))
			continue;
		if (shown++)
			rp_out_puts(&out, "//&");
		if (p->ns != prev_ns) {
			/* p->ns is below view: its hname starts "<view>//". */
			rp_out_puts(&out, ":");
			rp_out_puts(&out, p->ns->hname + strlen(view->hname) + 2);
			rp_out_puts(&out, ":");
		}
		prev_ns = p->ns;
		if (rp_profile_is_ns_unconfined(p)) {
			rp_out_puts(&out, "unconfined");
			continue;
		}
		rp_out_puts(&out, p->hname);
		if (mode && mode != rp_mode_names[p->mode])
			mixed = true;
		mode = rp_mode_names[p->mode];
	}
	if (!shown)
		rp_out_puts(&out, opts & RP_RENDER_HIDDEN_UNCONFINED ?
			    "unconfined" : "---");
	if ((opts & RP_RENDER_MODE) && mode) {
		rp_out_puts(&out, " (");
		rp_out_puts(&out, mixed ? "mixed" : mode);
		rp_out_puts(&out, ")");
	}
	if (size)
		buf[min(out.len, size - 1)] = '\0';
	return out.len;
}

/**
 * rp_label_render_alloc() - rp_label_render() into a new string
 * @label: the label
 * @view: the viewer's namespace
 * @opts: RP_RENDER_* options
 * @suffix: appended after the rendering ("" for none)
 * @gfp: allocation flags
 *
 * Return: a kmalloc'ed NUL-terminated string, or NULL.
 */
char *rp_label_render_alloc(const struct rp_label *label,
			    const struct rp_ns *view, unsigned int opts,
			    const char *suffix, gfp_t gfp)
{
	int len = rp_label_render(label, view, opts, NULL, 0);
	size_t extra = strlen(suffix);
	char *s;

	s = kmalloc(len + extra + 1, gfp);
	if (!s)
		return NULL;
	rp_label_render(label, view, opts, s, len + 1);
	memcpy(s + len, suffix, extra + 1);
	return s;
}
