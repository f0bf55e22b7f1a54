// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: profiles and labels: allocation, canonical ordering of stacks,
 * release, and rendering a label as userspace reads it (procattr,
 * "profiles", audit), relative to the viewer's namespace.
 *
 * Release may run from an RCU callback (a cred being freed), so nothing
 * here sleeps on the put path.
 */
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include "policy.h"
#include "policyfs.h"
#include "rawdata.h"
#include "unpack.h"

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
	if (!p->hname) {
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
	p->ns = rp_ns_get(ns);
	INIT_LIST_HEAD(&p->list);
	INIT_LIST_HEAD(&p->children);
	return p;
}

static void rp_profile_free(struct rp_profile *p)
{
	if (!rp_profile_is_ns_unconfined(p))
		rp_ns_put(p->ns);
	if (p->parent)
		rp_label_put(&p->parent->label);
	rp_rawdata_unuse(p->rawdata);
	rp_pdir_put(p->pdir);
	rp_unpacked_free(p->rules);
	kfree(p->hname);
	kfree_rcu(p, label.rcu);
}

void rp_label_release(struct kref *ref)
{
	struct rp_label *label = container_of(ref, struct rp_label, ref);
	u32 i;

	if (label->flags & RP_LABEL_PROFILE) {
		rp_profile_free(label->vec[0]);
		return;
	}
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

/**
 * rp_label_alloc_stack() - the label made of a set of profiles
 * @profiles: the profiles, in any order, duplicates allowed
 * @n: how many (at least one)
 * @gfp: allocation flags
 *
 * Return: a new reference to a label holding each distinct profile once,
 * in canonical order; a single profile yields that profile's own label.
 * NULL on allocation failure or if @n is 0.
 */
struct rp_label *rp_label_alloc_stack(struct rp_profile *const *profiles,
				      u32 n, gfp_t gfp)
{
	struct rp_label *label;
	u32 i, kept;

	if (!n)
		return NULL;
	label = kzalloc(sizeof(*label) + n * sizeof(*label->vec),
			gfp);
	if (!label)
		return NULL;
	label->vec = (struct rp_profile **)(label + 1);
	memcpy(label->vec, profiles, n * sizeof(*profiles));
	sort(label->vec, n, sizeof(*label->vec), rp_profile_sort_cmp, NULL);

	kept = 1;
	for (i = 1; i < n; i++)
		if (label->vec[i] != label->vec[kept - 1])
			label->vec[kept++] = label->vec[i];
	if (kept == 1) {
		struct rp_label *single = rp_label_get(&label->vec[0]->label);

		kfree(label);
		return single;
	}

	kref_init(&label->ref);
	label->size = kept;
	label->flags = RP_LABEL_UNCONFINED;
	for (i = 0; i < kept; i++) {
		rp_label_get(&label->vec[i]->label);
		if (!rp_label_is_unconfined(&label->vec[i]->label))
			label->flags &= ~RP_LABEL_UNCONFINED;
	}
	return label;
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
