// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: label names as userspace writes them (kernel-interfaces.md
 * 6.2 and 6.4): "profile", ":ns:profile", ":ns://profile", ":ns:" and
 * stacks joined by "//&", resolved against the loaded policy relative to
 * the writer's namespace.
 */
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "policy.h"

/* Components one name may hold, repeats included. */
#define RP_NAME_MAX_COMPONENTS	64

/*
 * The profile @hname in @ns, with a reference: a loaded one, else for
 * "unconfined" the namespace's own. NULL if there is none.
 */
static struct rp_profile *rp_name_profile(struct rp_ns *ns, const char *hname,
					  size_t len)
{
	struct rp_profile *p = NULL;
	char *name = kstrndup(hname, len, GFP_KERNEL);

	if (!name)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&ns->lock);
	if (!ns->dead) {
		p = rp_profile_find(ns, name);
		if (!p && !strcmp(name, "unconfined"))
			p = ns->unconfined;
		if (p)
			rp_label_get(&p->label);
	}
	mutex_unlock(&ns->lock);
	kfree(name);
	return p;
}

/*
 * One component, "name", ":ns:name", ":ns://name", ":ns:" or ":ns", of
 * @len bytes at @s. @base is the writer's namespace; *@cur the namespace
 * the last component that named one chose (updated here).
 */
static struct rp_profile *rp_name_component(struct rp_ns *base,
					    struct rp_ns **cur,
					    const char *s, size_t len)
{
	const char *end = s + len, *ns_end, *name;
	struct rp_profile *p;
	struct rp_ns *ns;
	char *path;

	while (s < end && isspace(*s))
		s++;
	if (s == end)
		return ERR_PTR(-EINVAL);
	if (*s != ':') {
		p = rp_name_profile(*cur, s, end - s);
		return p ?: ERR_PTR(-ENOENT);
	}
	s++;
	ns_end = memchr(s, ':', end - s);
	name = ns_end ? ns_end + 1 : end;
	if (!ns_end)
		ns_end = end;
	/* spaces around the namespace name do not count */
	while (s < ns_end && isspace(*s))
		s++;
	while (ns_end > s && isspace(ns_end[-1]))
		ns_end--;
	if (s == ns_end)
		return ERR_PTR(-EINVAL);
	if (end - name >= 2 && name[0] == '/' && name[1] == '/')
		name += 2;
	path = kstrndup(s, ns_end - s, GFP_KERNEL);
	if (!path)
		return ERR_PTR(-ENOMEM);
	ns = rp_ns_find_path(base, path);
	kfree(path);
	if (IS_ERR(ns))
		return ERR_CAST(ns);
	rp_ns_put(*cur);
	*cur = ns;
	if (name == end) {
		rp_label_get(&ns->unconfined->label);
		return ns->unconfined;
	}
	p = rp_name_profile(ns, name, end - name);
	return p ?: ERR_PTR(-ENOENT);
}

/**
 * rp_label_parse() - the label a name stands for
 * @base: the namespace names are relative to (the writer's)
 * @str: the name; components joined by "//&", leading white space skipped
 * @gfp: 0 to find only a label that exists already (a stack some task
 *       has), else allocation flags for making it
 *
 * Return: the label with a reference, or ERR_PTR of -EINVAL (empty name
 * or component, more than RP_NAME_MAX_COMPONENTS components or more than
 * RP_LABEL_MAX_STACK distinct profiles), -ENOENT (no such profile,
 * namespace or stack) or -ENOMEM.
 */
struct rp_label *rp_label_parse(struct rp_ns *base, const char *str,
				gfp_t gfp)
{
	struct rp_profile *vec[RP_LABEL_MAX_STACK], *p;
	struct rp_ns *cur = rp_ns_get(base);
	struct rp_label *label;
	u32 n = 0, i, seen = 0;
	const char *next;

	str = skip_spaces(str);
	if (!*str) {
		label = ERR_PTR(-EINVAL);
		goto out;
	}
	for (;;) {
		next = strstr(str, "//&");
		p = rp_name_component(base, &cur, str,
				      next ? next - str : strlen(str));
		if (IS_ERR(p)) {
			label = ERR_CAST(p);
			goto out;
		}
		for (i = 0; i < n && vec[i] != p; i++)
			;
		if (i < n) {
			rp_label_put(&p->label);	/* a repeat */
		} else if (n == RP_LABEL_MAX_STACK) {
			rp_label_put(&p->label);
			label = ERR_PTR(-EINVAL);	/* more than a label holds */
			goto out;
		} else {
			vec[n++] = p;
		}
		if (++seen == RP_NAME_MAX_COMPONENTS && next) {
			label = ERR_PTR(-EINVAL);
			goto out;
		}
		if (!next)
			break;
		str = next + 3;
	}
	label = rp_label_stack(vec, n, gfp);
	if (!label)
		label = ERR_PTR(gfp ? -ENOMEM : -ENOENT);
out:
	for (i = 0; i < n; i++)
		rp_label_put(&vec[i]->label);
	rp_ns_put(cur);
	return label;
}
