// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: the .access file (kernel-interfaces.md 4.6): a task writes a
 * query, "label\0LABEL\0KEY" (or "profile", "labelall"), and reads back
 * what the label's profiles would allow for KEY, the byte string a
 * mediation hook would run through the DFAs. libapparmor's
 * aa_query_label() and aa_query_file_path() use it.
 *
 * Each write replaces the answer the next read returns.
 */
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "cred.h"
#include "dfa.h"
#include "fs.h"
#include "perms.h"
#include "policy.h"
#include "unpack.h"
#include <rampart/abi.h>

/* The largest query: a page less the answer's header and a terminator. */
#define RP_QUERY_MAX		(PAGE_SIZE - 16 - 1)
/* "allow 0x%08x\n" and three more lines of the same width */
#define RP_QUERY_ANSWER_LEN	67

/**
 * struct rp_query_perms - an answer, as the fields combine over profiles
 * @allow: allowed by every profile
 * @deny: denied by some profile
 * @audit: audited by some profile that allows it
 * @quiet: quiet in every profile, for what it does not allow
 */
struct rp_query_perms {
	u32 allow;
	u32 deny;
	u32 audit;
	u32 quiet;
};

/* What one profile's rules say about @key (@len bytes, class byte first). */
static bool rp_query_profile(const struct rp_profile *p, const u8 *key,
			     size_t len, struct rp_perms *out)
{
	const struct rp_unpacked *u = p->rules;
	const struct rp_policydb *db;
	const struct rp_perms *perms;
	unsigned int state;
	bool other = false;

	if (!u || !len)
		return false;
	db = key[0] == RP_CLASS_FILE ? rp_file_rules_of(u, &state) : NULL;
	if (db) {
		/* file rules: owner entry only for fsuid 0 (the object is 0's) */
		state = rp_dfa_match_len(db->dfa, state, key + 1, len - 1);
		other = !uid_eq(current_fsuid(), GLOBAL_ROOT_UID);
	} else if (u->policy.dfa) {
		db = &u->policy;
		state = rp_dfa_step(db->dfa, db->start, key[0]);
		if (state == RP_DFA_DEAD)
			return false;	/* the class is not mediated */
		state = rp_dfa_match_len(db->dfa, state, key + 1, len - 1);
	} else {
		return false;
	}
	if (state == RP_DFA_DEAD) {
		/* no rule matches: nothing allowed, nothing quiet */
		memset(out, 0, sizeof(*out));
		return true;
	}
	perms = rp_perms_lookup(db->perms, db->nperms, db->dfa->accept[state],
				other);
	*out = *perms;
	if (u->audit_all) {
		out->audit = ~0u;
		out->quiet = 0;
	}
	return true;
}

/* Fold @label's profiles (those of its namespace unless @all) into @qp. */
static void rp_query_label(const struct rp_label *label, bool all,
			   const u8 *key, size_t len,
			   struct rp_query_perms *qp)
{
	struct rp_profile *const *end = label->vec + label->size, *const *pp;
	const struct rp_ns *ns = rp_label_ns(label);
	struct rp_perms p;

	*qp = (struct rp_query_perms){ .allow = ~0u, .quiet = ~0u };
	for (pp = label->vec; pp < end; pp++) {
		const struct rp_profile *prof = *pp;

		if ((!all && prof->ns != ns) ||
		    rp_label_is_unconfined(&prof->label) ||
		    !rp_query_profile(prof, key, len, &p))
			continue;
		qp->deny |= p.deny;
		qp->allow &= p.allow & ~p.deny;
		qp->audit |= p.audit & p.allow;
		qp->quiet &= p.quiet & ~p.allow;
	}
}

/**
 * struct rp_query_file - an open .access file
 * @len: bytes in @answer
 * @answer: the answer to the last query
 */
struct rp_query_file {
	size_t len;
	char answer[RP_QUERY_ANSWER_LEN + 1];
};

static int rp_query_open(struct inode *inode, struct file *file)
{
	struct rp_query_file *qf = kzalloc(sizeof(*qf), GFP_KERNEL);

	file->private_data = qf;
	return qf ? 0 : -ENOMEM;
}

static int rp_query_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* "label\0LABEL\0KEY": answer it into @qf. */
static int rp_query_perms_of(char *args, size_t len, bool all,
			     struct rp_query_file *qf)
{
	char *label_name = args, *nul = memchr(args, '\0', len);
	static const char *const field[] = { "allow", "deny", "audit", "quiet" };
	struct rp_query_perms qp;
	struct rp_label *label;
	u32 value[ARRAY_SIZE(field)];
	size_t k;

	if (!nul)
		return -EINVAL;
	label = rp_label_parse(rp_label_ns(rp_current_label()), label_name, 0);
	if (IS_ERR(label))
		return PTR_ERR(label);
	rp_query_label(label, all, (u8 *)nul + 1, args + len - nul - 1, &qp);
	rp_label_put(label);
	value[0] = qp.allow;
	value[1] = qp.deny;
	value[2] = qp.audit;
	value[3] = qp.quiet;
	/* the four lines libapparmor parses, always 67 bytes */
	for (k = 0, qf->len = 0; k < ARRAY_SIZE(field); k++)
		qf->len += scnprintf(qf->answer + qf->len,
				     sizeof(qf->answer) - qf->len, "%s 0x%08x\n",
				     field[k], value[k]);
	return 0;
}

static ssize_t rp_query_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct rp_query_file *qf = file->private_data;
	char *buf, *args, *nul;
	size_t len;
	int err;

	if (*ppos)
		return -ESPIPE;
	if (count > RP_QUERY_MAX)
		return -EFBIG;
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	nul = memchr(buf, '\0', count);
	if (!nul) {
		err = -EINVAL;
		goto out;
	}
	args = nul + 1;
	len = buf + count - args;
	if (!strcmp(buf, "label") || !strcmp(buf, "profile"))
		err = rp_query_perms_of(args, len, false, qf);
	else if (!strcmp(buf, "labelall"))
		err = rp_query_perms_of(args, len, true, qf);
	else
		err = -EINVAL;	/* "data": profiles keep no data yet */
out:
	kfree(buf);
	return err ?: count;
}

static ssize_t rp_query_read(struct file *file, char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct rp_query_file *qf = file->private_data;

	return simple_read_from_buffer(ubuf, count, ppos, qf->answer, qf->len);
}

const struct file_operations rp_access_fops = {
	.open = rp_query_open,
	.read = rp_query_read,
	.write = rp_query_write,
	.llseek = default_llseek,
	.release = rp_query_release,
};
