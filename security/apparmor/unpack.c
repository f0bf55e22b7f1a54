// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rampart: unpacking the binary policy stream. A cursor reads the typed
 * elements (little-endian, optionally named); every read either matches
 * and consumes or leaves the position unchanged, so optional elements are
 * simply tried. Each record becomes a struct rp_unpacked with verified
 * DFAs and permission tables; the first fault stops the load and names
 * the profile, the element and the byte offset.
 */
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <rampart/abi.h>
#include "unpack.h"

/* Element type codes (policy-format.md 2.1). */
enum rp_code {
	RP_E_U8 = 0, RP_E_U16, RP_E_U32, RP_E_U64, RP_E_NAME, RP_E_STRING,
	RP_E_BLOB, RP_E_STRUCT, RP_E_STRUCTEND, RP_E_LIST, RP_E_LISTEND,
	RP_E_ARRAY, RP_E_ARRAYEND,
};

#define RP_ABI_MASK		0x3ff
#define RP_ABI_MIN		5
#define RP_ABI_MAX		9
#define RP_VERSION_COMPLAIN	0x800
#define RP_PERMS_VERSION	1
#define RP_PERMS_FIELDS		14
#define RP_CLASS_BYTE_FILE	2

/**
 * struct rp_cursor - a read position in the buffer being unpacked
 * @start: the buffer
 * @pos: next byte to read
 * @end: one past the last byte
 * @err: where faults are reported
 */
struct rp_cursor {
	const u8 *start;
	const u8 *pos;
	const u8 *end;
	struct rp_unpack_error *err;
};

static size_t rp_left(const struct rp_cursor *c)
{
	return c->end - c->pos;
}

/* Report a fault at the current position; returns -EPROTO. */
static int rp_fault(struct rp_cursor *c, const char *info)
{
	c->err->info = info;
	c->err->offset = c->pos - c->start;
	return -EPROTO;
}

/*
 * Step over an optional name tag. With @name, the tag must be present and
 * equal; without, any tag is skipped. The position moves only on success.
 */
static bool rp_name(struct rp_cursor *c, const char *name)
{
	const u8 *p = c->pos;
	u16 n;

	if (rp_left(c) < 3 || *p != RP_E_NAME)
		return !name;
	n = get_unaligned_le16(p + 1);
	if (!n || n > rp_left(c) - 3 || p[3 + n - 1])
		return false;
	if (name && (strlen(name) + 1 != n || memcmp(p + 3, name, n)))
		return false;
	c->pos += 3 + n;
	return true;
}

/* An element of type @code named @name (NULL: any name or none). */
static bool rp_code(struct rp_cursor *c, enum rp_code code, const char *name)
{
	const u8 *save = c->pos;

	if (rp_name(c, name) && rp_left(c) >= 1 && *c->pos == code) {
		c->pos++;
		return true;
	}
	c->pos = save;
	return false;
}

/* A fixed-size element's payload, or NULL (the position is unchanged). */
static const u8 *rp_fixed(struct rp_cursor *c, enum rp_code code,
			  const char *name, size_t size)
{
	const u8 *save = c->pos, *payload;

	if (!rp_code(c, code, name) || rp_left(c) < size) {
		c->pos = save;
		return NULL;
	}
	payload = c->pos;
	c->pos += size;
	return payload;
}

static bool rp_u8(struct rp_cursor *c, const char *name, u8 *v)
{
	const u8 *p = rp_fixed(c, RP_E_U8, name, 1);

	if (p)
		*v = *p;
	return p;
}

static bool rp_u32(struct rp_cursor *c, const char *name, u32 *v)
{
	const u8 *p = rp_fixed(c, RP_E_U32, name, 4);

	if (p)
		*v = get_unaligned_le32(p);
	return p;
}

static bool rp_u64(struct rp_cursor *c, const char *name, u64 *v)
{
	const u8 *p = rp_fixed(c, RP_E_U64, name, 8);

	if (p)
		*v = get_unaligned_le64(p);
	return p;
}

/* A STRING: length counts the NUL, which must end it; @len excludes it. */
static bool rp_string(struct rp_cursor *c, const char *name, const char **s,
		      size_t *len)
{
	const u8 *save = c->pos;
	u16 n;

	if (!rp_code(c, RP_E_STRING, name) || rp_left(c) < 2)
		goto no;
	n = get_unaligned_le16(c->pos);
	if (!n || n > rp_left(c) - 2 || c->pos[2 + n - 1])
		goto no;
	*s = (const char *)c->pos + 2;
	*len = n - 1;
	c->pos += 2 + n;
	return true;
no:
	c->pos = save;
	return false;
}

static bool rp_blob(struct rp_cursor *c, const char *name, const u8 **b,
		    size_t *len)
{
	const u8 *save = c->pos;
	u32 n;

	if (!rp_code(c, RP_E_BLOB, name) || rp_left(c) < 4)
		goto no;
	n = get_unaligned_le32(c->pos);
	if (n > rp_left(c) - 4)
		goto no;
	*b = c->pos + 4;
	*len = n;
	c->pos += 4 + n;
	return true;
no:
	c->pos = save;
	return false;
}

static bool rp_array(struct rp_cursor *c, const char *name, u16 *count)
{
	const u8 *save = c->pos;

	if (!rp_code(c, RP_E_ARRAY, name) || rp_left(c) < 2) {
		c->pos = save;
		return false;
	}
	*count = get_unaligned_le16(c->pos);
	c->pos += 2;
	return true;
}

static bool rp_struct(struct rp_cursor *c, const char *name)
{
	return rp_code(c, RP_E_STRUCT, name);
}

static bool rp_structend(struct rp_cursor *c)
{
	return rp_code(c, RP_E_STRUCTEND, NULL);
}

static bool rp_arrayend(struct rp_cursor *c)
{
	return rp_code(c, RP_E_ARRAYEND, NULL);
}

static char *rp_strdup(const char *s, size_t len)
{
	return kmemdup_nul(s, len, GFP_KERNEL);
}

/*
 * One xtable entry (policy-format.md 5.4): non-empty, no leading space;
 * ":ns\0name" carries exactly one NUL, which becomes ':'; others none.
 * Returns the copy, or NULL with *bad set when malformed.
 */
static char *rp_xtable_entry(const char *s, size_t len, bool *bad)
{
	const char *nul = memchr(s, 0, len);
	char *e;

	*bad = !len || isspace(*s) ||
	       (*s == ':' ? len < 2 || !nul || nul == s + 1 ||
			    memchr(nul + 1, 0, s + len - nul - 1) : !!nul);
	if (*bad)
		return NULL;
	e = rp_strdup(s, len);
	if (e && nul)
		e[nul - s] = ':';
	return e;
}

/* An xattr name: any valid string. */
static char *rp_plain_entry(const char *s, size_t len, bool *bad)
{
	*bad = false;
	return rp_strdup(s, len);
}

/*
 * A named struct holding an ARRAY of STRINGs (xtable, xattrs). @entry
 * checks and copies each; the copies made so far stay in *@out for the
 * caller's free on failure.
 */
static int rp_unpack_strings(struct rp_cursor *c, const char *name,
			     const char *info,
			     char *(*entry)(const char *, size_t, bool *),
			     char ***out, u32 *count)
{
	const char *s;
	size_t len;
	bool bad;
	u16 n, i;

	if (!rp_struct(c, name))
		return 0;
	if (!rp_array(c, NULL, &n))
		return rp_fault(c, info);
	*out = kcalloc(n, sizeof(**out), GFP_KERNEL);
	if (n && !*out)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (!rp_string(c, NULL, &s, &len))
			return rp_fault(c, info);
		(*out)[i] = entry(s, len, &bad);
		if (bad)
			return rp_fault(c, info);
		if (!(*out)[i])
			return -ENOMEM;
		*count = i + 1;
	}
	if (!rp_arrayend(c) || !rp_structend(c))
		return rp_fault(c, info);
	return 0;
}

static int rp_unpack_perms(struct rp_cursor *c, struct rp_policydb *pdb)
{
	const char *info = "failed to unpack - perms";
	u32 version, v[RP_PERMS_FIELDS];
	u16 n, i, k;

	if (!rp_struct(c, "perms"))
		return 0;
	if (!rp_u32(c, "version", &version) || version != RP_PERMS_VERSION ||
	    !rp_array(c, NULL, &n))
		return rp_fault(c, info);
	pdb->perms = kcalloc(n, sizeof(*pdb->perms), GFP_KERNEL);
	if (n && !pdb->perms)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		struct rp_perms *p = &pdb->perms[i];

		for (k = 0; k < RP_PERMS_FIELDS; k++)
			if (!rp_u32(c, NULL, &v[k]))
				return rp_fault(c, info);
		/* v[0] is reserved */
		*p = (struct rp_perms){
			.allow = v[1], .deny = v[2], .subtree = v[3],
			.cond = v[4], .kill = v[5], .complain = v[6],
			.prompt = v[7], .audit = v[8], .quiet = v[9],
			.hide = v[10], .xindex = v[11], .tag = v[12],
			.label = v[13],
		};
	}
	pdb->nperms = n;
	if (!rp_arrayend(c) || !rp_structend(c))
		return rp_fault(c, info);
	return 0;
}

/* Where a DFA's permissions come from, for the old-encoding conversion. */
enum rp_pdb_kind { RP_PDB_XMATCH, RP_PDB_POLICY, RP_PDB_FILE };

/*
 * The old-encoding conversion remembers, per hash of an (accept, accept2)
 * pair, the entry that pair became: a DFA has a few distinct pairs over
 * thousands of states, so most states cost one lookup instead of a decode
 * and a search of the table. 32 entries: the hash keeps the top 5 bits.
 */
#define RP_CONVERT_MEMO		32
#define RP_CONVERT_SHIFT	27

/**
 * struct rp_convert_memo - an (accept, accept2) pair already converted
 * @accept: the pair's accept word
 * @accept2: the pair's accept2 word
 * @index: 1 + its entry in the table being built; 0 when unused
 */
struct rp_convert_memo {
	u32 accept;
	u32 accept2;
	u32 index;
};

static unsigned int rp_convert_hash(u32 a, u32 a2)
{
	return ((a ^ (a2 * 0x9e3779b1u)) * 0x85ebca6bu) >> RP_CONVERT_SHIFT;
}

/*
 * Index of @p in the table being built, adding it if new: *@cap entries
 * are allocated, at most @limit are ever needed. The table grows by
 * doubling, or by just the new entry when doubling cannot be had.
 */
static int rp_perms_intern(struct rp_perms **table, u32 *n, u32 *cap,
			   u32 limit, const struct rp_perms *p, u32 width,
			   u32 *index)
{
	struct rp_perms *t = *table;
	u32 i, want;

	for (i = 0; i < *n; i += width) {
		if (!memcmp(&t[i], p, width * sizeof(*p))) {
			*index = i;
			return 0;
		}
	}
	if (*n + width > *cap) {
		want = *cap > limit / 2 ? limit :
		       min(max(2 * *cap, 16 * width), limit);
		t = krealloc_array(*table, want, sizeof(*t), GFP_KERNEL);
		if (!t && want > *n + width) {
			want = *n + width;
			t = krealloc_array(*table, want, sizeof(*t), GFP_KERNEL);
		}
		if (!t)
			return -ENOMEM;
		*table = t;
		*cap = want;
	}
	memcpy(&t[*n], p, width * sizeof(*p));
	*index = *n;
	*n += width;
	return 0;
}

/*
 * Old encoding: turn each state's accept/accept2 into a permission entry
 * (an owner/other pair for file rules), sharing equal entries, and make
 * accept an index into that table. State 0 never enters the memo:
 * outside file rules it decodes to nothing whatever its words.
 */
static int rp_convert_old(struct rp_policydb *pdb, enum rp_pdb_kind kind,
			  u32 abi)
{
	struct rp_dfa *dfa = pdb->dfa;
	u32 width = kind == RP_PDB_FILE ? 2 : 1, s, n = 0, cap = 0, index;
	struct rp_convert_memo memo[RP_CONVERT_MEMO];
	struct rp_perms entry[2], *table = NULL, *fit;
	int err = 0;

	memset(memo, 0, sizeof(memo));
	for (s = 0; s < dfa->nstates; s++) {
		u32 a = dfa->accept[s], a2 = dfa->accept2[s];
		struct rp_convert_memo *m = &memo[rp_convert_hash(a, a2)];

		if (s && m->index && m->accept == a && m->accept2 == a2) {
			dfa->accept[s] = m->index - 1;
			continue;
		}
		if (kind == RP_PDB_FILE) {
			rp_perms_from_file(&entry[0], a, a2, false);
			rp_perms_from_file(&entry[1], a, a2, true);
		} else if (kind == RP_PDB_POLICY) {
			rp_perms_from_policy(&entry[0], s, a, a2, abi);
		} else {
			rp_perms_from_xmatch(&entry[0], s, a);
		}
		err = rp_perms_intern(&table, &n, &cap, width * dfa->nstates,
				      entry, width, &index);
		if (err)
			break;
		dfa->accept[s] = index;
		if (s)
			*m = (struct rp_convert_memo){ a, a2, index + 1 };
	}
	if (err) {
		kfree(table);
		return err;
	}
	/* Give back the unused tail; keeping it is harmless if that fails. */
	fit = n < cap ? krealloc_array(table, n, sizeof(*table), GFP_KERNEL) :
		NULL;
	pdb->perms = fit ?: table;
	pdb->nperms = n;
	return 0;
}

/* One entry's internal consistency (dfa-format.md 7.1) and its indexes. */
static bool rp_perms_valid(const struct rp_perms *p, u32 nxtable)
{
	if ((p->allow & p->deny) || (p->subtree & ~p->allow) ||
	    (p->cond & (p->allow | p->deny)) || (p->kill & p->allow) ||
	    (p->complain & (p->allow | p->deny | p->prompt)) ||
	    (p->prompt & (p->allow | p->deny)) || (p->hide & p->allow))
		return false;
	if ((p->xindex & RP_X_TYPE_MASK) == RP_X_TABLE &&
	    (p->xindex & RP_X_INDEX_MASK) >= nxtable)
		return false;
	return (!p->tag || p->tag < nxtable) &&
	       (!p->label || p->label < nxtable);
}

/*
 * The accept values and the entries of a policydb with a DFA. Accept
 * values that rp_convert_old() wrote index the table by construction
 * (@converted); only those read from the stream need the check.
 */
static int rp_verify_pdb(struct rp_cursor *c, const struct rp_policydb *pdb,
			 enum rp_pdb_kind kind, bool converted)
{
	u32 s, i;

	for (s = 0; !converted && s < pdb->dfa->nstates; s++)
		if (pdb->dfa->accept[s] >= pdb->nperms)
			return rp_fault(c, kind == RP_PDB_FILE ?
					"Unpack: file Invalid named transition" :
					"Unpack: policy Invalid named transition");
	for (i = 0; i < pdb->nperms; i++)
		if (!rp_perms_valid(&pdb->perms[i], pdb->nxtable))
			return rp_fault(c, "Unpack: Invalid perm index");
	return 0;
}

/*
 * A policydb body (policy-format.md 5): perms, aadfa, start, dfa_start,
 * xtable, each optional. @need_dfa: the policydb requires a DFA.
 */
static int rp_unpack_pdb(struct rp_cursor *c, struct rp_policydb *pdb,
			 enum rp_pdb_kind kind, u32 abi, bool need_dfa)
{
	const char *dfa_info = kind == RP_PDB_XMATCH ? "bad xmatch" :
			       "failed to unpack - dfa";
	const u8 *blob;
	size_t len, pad;
	int err;

	pdb->start = RP_DFA_START;
	pdb->file_start = RP_DFA_START;
	err = rp_unpack_perms(c, pdb);
	if (err)
		return err;
	if (rp_blob(c, "aadfa", &blob, &len) && len) {
		pad = len % 8;
		pdb->dfa = rp_dfa_unpack(blob + pad, len - pad,
					 pdb->perms ? 0 : RP_DFA_WANT_ACCEPT2,
					 &c->err->dfa);
		if (IS_ERR(pdb->dfa)) {
			err = PTR_ERR(pdb->dfa);
			pdb->dfa = NULL;
			c->pos = blob + pad + c->err->dfa.offset;
			return err == -EPROTO ? rp_fault(c, dfa_info) : err;
		}
		rp_u32(c, "start", &pdb->start);
		rp_u32(c, "dfa_start", &pdb->file_start);
		if (pdb->start >= pdb->dfa->nstates ||
		    pdb->file_start >= pdb->dfa->nstates)
			return rp_fault(c, "invalid dfa start state");
		if (kind == RP_PDB_XMATCH) {
			pdb->start = RP_DFA_START;
			pdb->file_start = RP_DFA_START;
		}
	} else if (need_dfa) {
		return rp_fault(c, "missing required dfa");
	}
	err = rp_unpack_strings(c, "xtable",
				"failed to unpack profile transition table",
				rp_xtable_entry, &pdb->xtable, &pdb->nxtable);
	if (err)
		return err;
	if (!pdb->dfa)
		return 0;
	if (pdb->perms)
		return rp_verify_pdb(c, pdb, kind, false);
	err = rp_convert_old(pdb, kind, abi);
	if (err)
		return err;
	return rp_verify_pdb(c, pdb, kind, true);
}

static void rp_pdb_free(struct rp_policydb *pdb)
{
	u32 i;

	rp_dfa_free(pdb->dfa);
	kfree(pdb->perms);
	for (i = 0; i < pdb->nxtable; i++)
		kfree(pdb->xtable[i]);
	kfree(pdb->xtable);
}

/**
 * rp_unpacked_free() - free one record's data
 * @u: the record (not on a list), or NULL
 */
void rp_unpacked_free(struct rp_unpacked *u)
{
	u32 i;

	if (!u)
		return;
	rp_pdb_free(&u->xmatch);
	rp_pdb_free(&u->policy);
	rp_pdb_free(&u->file);
	for (i = 0; i < u->nxattrs; i++)
		kfree(u->xattrs[i]);
	kfree(u->xattrs);
	kfree(u->attach);
	kfree(u->ns_name);
	kfree(u->name);
	kfree(u);
}

/**
 * rp_unpacked_free_all() - free a list made by rp_unpack()
 * @list: the list; empty afterwards
 */
void rp_unpacked_free_all(struct list_head *list)
{
	struct rp_unpacked *u, *tmp;

	list_for_each_entry_safe(u, tmp, list, list) {
		list_del(&u->list);
		rp_unpacked_free(u);
	}
}

/* ":ns:name" or ":ns://name": the name part must not be empty. */
static bool rp_profile_name_ok(const char *name, size_t len)
{
	const char *end;

	if (!len)
		return false;
	while (len && isspace(*name)) {
		name++;
		len--;
	}
	if (!len || *name != ':')
		return len != 0;
	end = memchr(name + 1, ':', len - 1);
	if (!end)
		return true;	/* ":ns": the namespace's unconfined */
	len -= end + 1 - name;
	name = end + 1;
	if (len >= 2 && name[0] == '/' && name[1] == '/')
		len -= 2;
	return len != 0;
}

static int rp_unpack_caps(struct rp_cursor *c, struct rp_unpacked *u)
{
	u32 w[4];
	int i;

	for (i = 0; i < 4; i++)
		if (!rp_u32(c, NULL, &w[i]))
			return rp_fault(c, "failed to unpack profile capabilities");
	for (i = 0; i < 3; i++)
		u->caps[i] = w[i];
	if (rp_struct(c, "caps64")) {
		for (i = 0; i < 4; i++)
			if (!rp_u32(c, NULL, &w[i]))
				return rp_fault(c, "failed to unpack upper profile capabilities");
		if (!rp_structend(c))
			return rp_fault(c, "failed to unpack upper profile capabilities");
		for (i = 0; i < 3; i++)
			u->caps[i] |= (u64)w[i] << 32;
	}
	if (rp_struct(c, "capsx")) {
		if (!rp_u32(c, NULL, &w[0]) || !rp_u32(c, NULL, &w[1]) ||
		    !rp_structend(c))
			return rp_fault(c, "failed to unpack extended profile capabilities");
	}
	return 0;
}

static int rp_unpack_rlimits(struct rp_cursor *c, struct rp_unpacked *u)
{
	const char *info = "failed to unpack profile rlimits";
	u16 n, i;

	if (!rp_struct(c, "rlimits"))
		return 0;
	if (!rp_u32(c, NULL, &u->rlimit_mask) || !rp_array(c, NULL, &n) ||
	    n > RP_RLIMIT_COUNT)
		return rp_fault(c, info);
	for (i = 0; i < n; i++)
		if (!rp_u64(c, NULL, &u->rlimits[i]))
			return rp_fault(c, info);
	if (!rp_arrayend(c) || !rp_structend(c))
		return rp_fault(c, info);
	return 0;
}

static int rp_unpack_secmark(struct rp_cursor *c)
{
	const char *info = "failed to unpack profile secmark rules";
	const char *s;
	size_t len;
	u16 n, i;
	u8 b;

	if (!rp_struct(c, "secmark"))
		return 0;
	if (!rp_array(c, NULL, &n))
		return rp_fault(c, info);
	for (i = 0; i < n; i++)
		if (!rp_u8(c, NULL, &b) || !rp_u8(c, NULL, &b) ||
		    !rp_string(c, NULL, &s, &len))
			return rp_fault(c, info);
	if (!rp_arrayend(c) || !rp_structend(c))
		return rp_fault(c, info);
	return 0;
}

/* Key/value data: keys must be unique. Not kept yet (no .access data). */
static int rp_unpack_data(struct rp_cursor *c)
{
	const char *info = "failed to unpack end of key, value data table";
	const char *key, *prev[16];
	unsigned int nprev = 0, i;
	const u8 *val;
	size_t len, vlen;

	if (!rp_struct(c, "data"))
		return 0;
	while (rp_string(c, NULL, &key, &len)) {
		for (i = 0; i < nprev; i++)
			if (!strcmp(prev[i], key))
				return rp_fault(c, "failed to insert data to table");
		if (nprev < ARRAY_SIZE(prev))
			prev[nprev++] = key;
		rp_blob(c, NULL, &val, &vlen);
	}
	if (!rp_structend(c))
		return rp_fault(c, info);
	return 0;
}

/*
 * Does every state of @u's file rules grant getattr, owner and other,
 * with nothing to deny, audit or kill? Unreachable states count too,
 * which can only make the answer a conservative no.
 */
static bool rp_getattr_always(const struct rp_unpacked *u)
{
	const struct rp_policydb *db;
	const struct rp_perms *p;
	unsigned int start, s;
	int other;

	db = rp_file_rules_of(u, &start);
	if (!db)
		return false;
	for (s = 0; s < db->dfa->nstates; s++) {
		for (other = 0; other < 2; other++) {
			p = rp_perms_lookup(db->perms, db->nperms,
					    db->dfa->accept[s], other);
			if (!(p->allow & RP_MAY_GETATTR) ||
			    ((p->deny | p->audit | p->kill) & RP_MAY_GETATTR))
				return false;
		}
	}
	return true;
}

static int rp_unpack_profile(struct rp_cursor *c, struct rp_unpacked *u,
			     u32 version)
{
	const char *s;
	size_t len;
	u32 flags, mode, audit, i;
	int err;

	u->abi = version & RP_ABI_MASK;
	u->version = version;
	u->rec_start = c->pos - c->start;
	if (!rp_struct(c, "profile") || !rp_string(c, NULL, &s, &len) ||
	    !rp_profile_name_ok(s, len))
		return rp_fault(c, "failed to unpack profile");
	u->name = rp_strdup(s, len);
	if (!u->name)
		return -ENOMEM;
	strscpy(c->err->name, u->name, sizeof(c->err->name));
	rp_string(c, "rename", &s, &len);
	if (rp_string(c, "attach", &s, &len)) {
		u->attach = rp_strdup(s, len);
		if (!u->attach)
			return -ENOMEM;
	}

	err = rp_unpack_pdb(c, &u->xmatch, RP_PDB_XMATCH, u->abi, false);
	if (err)
		return err;
	if (u->xmatch.dfa && !rp_u32(c, NULL, &u->xmatch_len))
		return rp_fault(c, "missing xmatch len");
	rp_string(c, "disconnected", &s, &len);

	if (!rp_struct(c, "flags"))
		return rp_fault(c, "profile missing flags");
	if (!rp_u32(c, NULL, &flags) || !rp_u32(c, NULL, &mode) ||
	    !rp_u32(c, NULL, &audit) || !rp_structend(c) ||
	    mode >= RP_MODE_COUNT)
		return rp_fault(c, "failed to unpack profile flags");
	if (flags & 0x1)
		u->flags |= RP_UNPACKED_HAT;
	u->mode = version & RP_VERSION_COMPLAIN ? RP_MODE_COMPLAIN : mode;
	u->audit_all = audit;
	u->path_flags = RP_PATH_MEDIATE_DELETED;
	rp_u32(c, "path_flags", &u->path_flags);

	err = rp_unpack_caps(c, u);
	if (!err)
		err = rp_unpack_strings(c, "xattrs",
					"failed to unpack profile xattrs",
					rp_plain_entry, &u->xattrs, &u->nxattrs);
	if (!err)
		err = rp_unpack_rlimits(c, u);
	if (!err)
		err = rp_unpack_secmark(c);
	if (err)
		return err;

	if (rp_struct(c, "policydb")) {
		err = rp_unpack_pdb(c, &u->policy, RP_PDB_POLICY, u->abi, true);
		if (err)
			return err;
		if (!rp_structend(c))
			return rp_fault(c, "failed to unpack policydb");
		if (rp_dfa_step(u->policy.dfa, u->policy.start,
				RP_CLASS_BYTE_FILE) != RP_DFA_DEAD)
			u->policy.file_start = rp_dfa_step(u->policy.dfa,
							   u->policy.start,
							   RP_CLASS_BYTE_FILE);
	}
	for (i = 0; i < RP_CLASS_STARTS; i++)
		u->class_start[i] = u->policy.dfa ?
			rp_dfa_step(u->policy.dfa, u->policy.start, i) :
			RP_DFA_DEAD;
	err = rp_unpack_pdb(c, &u->file, RP_PDB_FILE, u->abi, false);
	if (!err)
		err = rp_unpack_data(c);
	if (err)
		return err;
	u->getattr_always = rp_getattr_always(u);
	if (!rp_structend(c))
		return rp_fault(c, "failed to unpack end of profile");
	u->rec_end = c->pos - c->start;
	return 0;
}

/**
 * rp_unpack() - unpack and verify every record of a policy buffer
 * @buf: the buffer written to .load or .replace
 * @size: its length
 * @out: an empty list; filled with struct rp_unpacked in stream order
 * @err: the reason when the buffer is refused
 *
 * All or nothing: on failure @out is left empty.
 *
 * Return: 0, -EPROTONOSUPPORT (no or unsupported version, empty namespace
 * name), -EPROTO (malformed), or -ENOMEM.
 */
int rp_unpack(const void *buf, size_t size, struct list_head *out,
	      struct rp_unpack_error *err)
{
	struct rp_cursor c = { .start = buf, .pos = buf, .end = buf + size,
			       .err = err };
	bool have_version = false;
	struct rp_unpacked *u;
	u32 version = 0;
	const char *ns;
	size_t len;
	int ret = 0;

	memset(err, 0, sizeof(*err));
	while (c.pos < c.end) {
		if (rp_u32(&c, "version", &version)) {
			have_version = true;
		} else if (!have_version) {
			rp_fault(&c, "invalid profile format");
			ret = -EPROTONOSUPPORT;
			break;
		}
		if ((version & RP_ABI_MASK) < RP_ABI_MIN ||
		    (version & RP_ABI_MASK) > RP_ABI_MAX) {
			rp_fault(&c, "unsupported interface version");
			ret = -EPROTONOSUPPORT;
			break;
		}
		u = kzalloc(sizeof(*u), GFP_KERNEL);
		if (!u) {
			ret = -ENOMEM;
			break;
		}
		list_add_tail(&u->list, out);
		if (rp_string(&c, "namespace", &ns, &len)) {
			if (!len) {
				rp_fault(&c, "invalid namespace name");
				ret = -EPROTONOSUPPORT;
				break;
			}
			u->ns_name = rp_strdup(ns, len);
			if (!u->ns_name) {
				ret = -ENOMEM;
				break;
			}
		}
		ret = rp_unpack_profile(&c, u, version);
		if (ret)
			break;
		err->name[0] = '\0';
	}
	if (ret)
		rp_unpacked_free_all(out);
	return ret;
}
