#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Make kunit-tests/file_vectors.h: file rules for file_kunit.c.

The profiles below are compiled by apparmor_parser 3.0.8 with the Linux
6.12 feature set of shared/testdata, exactly as gen-domain-vectors.py does,
and embedded as one binary policy. Every expectation comes from the
independent decoder shared/tools/aa-policy-dump (--match file=NAME), never
from Rampart's code:

 * the entry each name gets, owner and other (mediation.md 2.2, 2.4);
 * the answer to each (link, target) pair, worked out here from the
   decoder's entries for the link, the pair and the target by the steps
   of mediation.md 2.5;
 * whether every state of a profile's file rules grants getattr, owner
   and other, with no audit, deny or kill bit on it (what the unpacker
   computes as rp_unpacked.getattr_always).

usage: gen-file-vectors.py FEATURES_DIR [AA_POLICY_DUMP]
       > kunit-tests/file_vectors.h
(tools/lib.sh names them RAMPART_FEATURES and RAMPART_POLICY_DUMP)
"""
import os
import re
import string
import subprocess
import sys
import tempfile

POLICY = """\
profile files {
  /r r,
  /w w,
  /a a,
  /rw rw,
  owner /o rw,
  /o r,
  /dir/ r,
  /k rk,
  /m mr,
  /d/** rw,
  deny /d/secret w,
  audit deny /d/loud w,
  audit /au r,
  /x px,
  /x l,
  /x2 px,
  /xs Px,
  /xs l,
  /y ix,
  /l l,
  owner /ol l,
  link /ln -> /r,
  link subset /ls -> /t*,
  /ls rw,
  /t1 r,
  /t2 rw,
}
profile plain {
  /etc/** r,
  deny /etc/shadow r,
  audit deny /etc/gshadow w,
}
profile auditw {
  /tmp/** r,
  audit /tmp/** w,
}
profile auditr {
  audit /tmp/** r,
}
profile nofile {
  capability chown,
}
"""

# (profile, name) whose entries the suite checks, owner and other
NAMES = [
    ("files", "/r"), ("files", "/w"), ("files", "/a"), ("files", "/rw"),
    ("files", "/o"), ("files", "/dir/"), ("files", "/dir"),
    ("files", "/k"), ("files", "/m"), ("files", "/d/file"),
    ("files", "/d/sub/file"), ("files", "/d/"), ("files", "/d/secret"),
    ("files", "/d/loud"), ("files", "/au"), ("files", "/x"),
    ("files", "/xs"), ("files", "/y"), ("files", "/l"), ("files", "/ol"),
    ("files", "/ln"), ("files", "/ls"), ("files", "/t1"),
    ("files", "/nothing"), ("files", "/r/"), ("files", "/rr"),
    ("files", ""), ("files", "r"), ("files", "//r"),
    ("files", "/r\\x01"), ("files", "/d/\\xff"),
    ("plain", "/etc/passwd"), ("plain", "/etc/shadow"),
    ("plain", "/etc/gshadow"), ("plain", "/etc"),
    ("auditw", "/tmp/f"), ("auditr", "/tmp/f"),
    ("nofile", "/etc/passwd"), ("nofile", "/"), ("nofile", ""),
]

# (profile, link name, target name) whose link answer the suite checks
LINKS = [
    ("files", "/l", "/r"),
    ("files", "/l", "/nothing"),
    ("files", "/l", ""),
    ("files", "/r", "/r"),
    ("files", "/nothing", "/r"),
    ("files", "", "/r"),
    ("files", "/ln", "/r"),
    ("files", "/ln", "/w"),
    ("files", "/ls", "/t1"),
    ("files", "/ls", "/t2"),
    ("files", "/ls", "/r"),
    ("files", "/x", "/y"),
    ("files", "/x", "/x2"),
    ("files", "/xs", "/x"),
    ("files", "/x", "/xs"),
    ("files", "/x", "/r"),
    ("files", "/ol", "/r"),
    ("nofile", "/etc/a", "/etc/b"),
]

GETATTR = ["files", "plain", "auditw", "auditr", "nofile"]

FIELDS = ["allow", "deny", "audit", "quiet", "kill", "xindex"]
MAY_EXEC = 0x1
MAY_GETATTR = 0x200
MAY_LOCK = 0x8000
MAY_LINK = 0x40000
X_UNSAFE = 0x10000000
EACCES = 13


def compile_policy(features, text):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "file.profile")
        out = os.path.join(tmp, "file.bin")
        with open(src, "w") as f:
            f.write(text)
        subprocess.run(["apparmor_parser", "--config-file", "/dev/null",
                        "-Q", "-M", features, "-o", out, src], check=True)
        with open(out, "rb") as f:
            return f.read()


class Dump:
    """aa-policy-dump --match on the compiled blob, memoised."""

    def __init__(self, tool, blob):
        self.tool = tool
        self.tmp = tempfile.NamedTemporaryFile(suffix=".bin")
        self.tmp.write(blob)
        self.tmp.flush()
        self.memo = {}

    def match(self, profile, name):
        """(final state, owner entry, other entry) of @name (dump escapes)."""
        key = (profile, name)
        if key in self.memo:
            return self.memo[key]
        text = subprocess.run([self.tool, "--profile", profile, "--match",
                               "file=" + name, self.tmp.name], check=True,
                              capture_output=True, text=True).stdout
        m = re.search(r"-> final state (\d+)", text)
        if not m:
            sys.exit(f"no final state for {profile} {name!r}:\n{text}")
        state = int(m.group(1))
        entries = {"owner": dict.fromkeys(FIELDS, 0),
                   "other": dict.fromkeys(FIELDS, 0)}
        cur = None
        for line in text.splitlines():
            s = line.strip()
            if s.startswith("owner"):
                cur = entries["owner"]
            elif s.startswith("other"):
                cur = entries["other"]
            elif cur is not None:
                f = re.match(r"(\w+)\s+0x([0-9a-f]+)", s)
                if f and f.group(1) in FIELDS:
                    cur[f.group(1)] = int(f.group(2), 16)
                elif f:
                    sys.exit(f"unknown field {f.group(1)} for {name!r}")
        self.memo[key] = (state, entries["owner"], entries["other"])
        return self.memo[key]

    def accepting(self, profile):
        """The --accept listing of @profile's record."""
        text = subprocess.run([self.tool, "--accept", self.tmp.name],
                              check=True, capture_output=True,
                              text=True).stdout
        for record in text.split("\nrecord @")[1:]:
            if f"profile   '{profile}'\n" in record:
                return record
        sys.exit(f"no record for {profile}")


def xindex_within(link, target):
    if (link & ~X_UNSAFE) != (target & ~X_UNSAFE):
        return False
    return not (link & X_UNSAFE) or bool(target & X_UNSAFE)


def link_answer(dump, profile, lname, tname, who):
    """mediation.md 2.5, from the decoder's entries (enforce mode)."""
    idx = 1 if who == "owner" else 2
    lp = dump.match(profile, lname)[idx]
    if not lp["allow"] & MAY_LINK:
        return -EACCES, "the link name lacks l"
    pair = dump.match(profile, lname + "\\0" + tname)[idx]
    if not pair["allow"] & MAY_LINK:
        return -EACCES, "target restricted"
    if not pair["allow"] & MAY_LOCK:
        return 0, "no subset test"
    tp = dump.match(profile, tname)[idx]
    if lp["allow"] & ~MAY_LINK & ~tp["allow"]:
        return -EACCES, "the link grants more than the target"
    if lp["allow"] & MAY_EXEC and not xindex_within(lp["xindex"],
                                                    tp["xindex"]):
        return -EACCES, "link not subset of target"
    return 0, "a subset of the target"


def getattr_always(dump, profile):
    """Does every state grant getattr, owner and other, unaudited?"""
    # a name no rule matches shows what an unlisted (non-accepting) state
    # grants: getattr in a file DFA, nothing in a shared policydb
    _, owner, other = dump.match(profile, "\\x01")
    for e in (owner, other):
        if not e["allow"] & MAY_GETATTR:
            return False
    text = dump.accepting(profile)
    if "no file dfa" in text:
        return False
    section = text.split("accepting states of file:")[1]
    for block in re.split(r"\n    state ", section)[1:]:
        for half in re.split(r"\n      (?:owner|other)", block)[1:]:
            e = dict.fromkeys(FIELDS, 0)
            for f in re.finditer(r"(\w+)\s+0x([0-9a-f]+)", half):
                if f.group(1) in FIELDS:
                    e[f.group(1)] = int(f.group(2), 16)
            if not e["allow"] & MAY_GETATTR or \
               (e["deny"] | e["audit"] | e["kill"]) & MAY_GETATTR:
                return False
    return True


def c_string(dump_name):
    """A dump-escaped name as a C literal (\\xNN kept, split so that a
    following hex digit is not swallowed)."""
    out = '"'
    i = 0
    while i < len(dump_name):
        c = dump_name[i]
        if dump_name.startswith("\\x", i):
            out += "\\x" + dump_name[i + 2:i + 4]
            i += 4
            if i < len(dump_name) and dump_name[i] in string.hexdigits:
                out += '""'
            continue
        if c in '"\\':
            out += "\\" + c
        else:
            out += c
        i += 1
    return out + '"'


def entry(e):
    return "{ " + ", ".join(f"0x{e[f]:x}" for f in FIELDS) + " }"


def main():
    features = sys.argv[1] if len(sys.argv) > 1 else \
        os.environ["RAMPART_FEATURES"]
    tool = sys.argv[2] if len(sys.argv) > 2 else \
        os.environ.get("RAMPART_POLICY_DUMP", "aa-policy-dump")
    data = compile_policy(features, POLICY)
    dump = Dump(tool, data)

    print("/* SPDX-License-Identifier: GPL-2.0-only */")
    print("/*\n * Generated by tools/gen-file-vectors.py from its POLICY"
          "\n * (apparmor_parser 3.0.8, features-6.12); expectations from"
          "\n * shared/tools/aa-policy-dump. Do not edit.\n */")
    print("#ifndef _RAMPART_FILE_VECTORS_H\n#define _RAMPART_FILE_VECTORS_H\n")
    # bytes, not a string: sparse refuses literals over 8191 bytes
    print("static const u8 rp_file_policy[] __aligned(8) = {")
    for i in range(0, len(data), 10):
        print("\t" + " ".join(f"0x{b:02x}," for b in data[i:i + 10]))
    print("};")
    print()
    print("/* profile, name, final state; owner, other: "
          + ", ".join(FIELDS) + " */")
    print("static const struct rp_file_vec rp_file_vecs[] = {")
    for profile, name in NAMES:
        state, owner, other = dump.match(profile, name)
        print(f'\t{{ "{profile}", {c_string(name)}, {state},\n'
              f"\t  {entry(owner)},\n\t  {entry(other)} }},")
    print("};\n")
    print("/* profile, link, target; owner answer, other answer */")
    print("static const struct rp_link_vec rp_link_vecs[] = {")
    for profile, lname, tname in LINKS:
        own, why_own = link_answer(dump, profile, lname, tname, "owner")
        oth, why_oth = link_answer(dump, profile, lname, tname, "other")
        print(f"\t/* owner: {why_own}; other: {why_oth} */")
        print(f'\t{{ "{profile}", {c_string(lname)}, {c_string(tname)}, '
              f"{own}, {oth} }},")
    print("};\n")
    print("/* profile, getattr granted everywhere without a record */")
    print("static const struct rp_getattr_vec rp_getattr_vecs[] = {")
    for profile in GETATTR:
        print(f'\t{{ "{profile}", '
              f'{"true" if getattr_always(dump, profile) else "false"} }},')
    print("};\n")
    print("#endif /* _RAMPART_FILE_VECTORS_H */")


if __name__ == "__main__":
    main()
