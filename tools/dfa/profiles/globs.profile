# Rules written for Rampart's DFA tests (tools/dfa/gen-vectors.py):
# every glob form, escapes and quoting, and the qualifiers, each probed by
# the paths in globs.queries.
profile globs /usr/bin/globs {
  /g/q/a?c r,
  /g/cls/[a-c]x r,
  /g/neg/[^a-c]y r,
  /g/alt/{foo,bar}/z r,
  /g/star/*.conf r,
  /g/dstar/** r,
  /g/esc/a\*b r,
  /g/esc/sp\ ace r,
  "/g/quoted dir/f" r,
  deny /g/dstar/secret w,
  owner /g/own/* w,
  audit /g/aud/x r,
  /g/x/tool px,
  /g/x/kid Cx -> kid,

  profile kid {
    /g/kid/** r,
  }
}
