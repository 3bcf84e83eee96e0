/**
 * fast-check arbitraries for random arp programs, written as token lists: every combination
 * the grammar accepts (conditions nested any way, with or without parentheses; roles, tests,
 * quoted names, escapes and interpolations), joined by random whitespace, with comments
 * (line, block, multi-line block) dropped into random gaps between tokens.
 */
import fc from "fast-check";

type Tokens = string[];
const tok = (...ts: string[]): fc.Arbitrary<Tokens> => fc.constant(ts);
const seq = (...parts: fc.Arbitrary<Tokens>[]): fc.Arbitrary<Tokens> => fc.tuple(...parts).map((ps) => ps.flat());
const opt = (a: fc.Arbitrary<Tokens>): fc.Arbitrary<Tokens> => fc.option(a, { nil: undefined }).map((t) => t ?? []);
const commaList = (a: fc.Arbitrary<Tokens>, maxLength = 4): fc.Arbitrary<Tokens> =>
  fc.array(a, { minLength: 1, maxLength }).map((items) => items.flatMap((t, i) => (i === 0 ? t : [",", ...t])));
const one = (...values: string[]): fc.Arbitrary<Tokens> => fc.constantFrom(...values).map((v) => [v]);

const name = one("Base", "Ops", "team", "cost-centre", "account", "user", "in", "Case", '"two words"', '"a\\"b"', '"x${y}"');
const tagName = one("team", "env", "owner", "cost-centre", "user", '"keys"', '"two words"', "aws:x");
const string = one('"a"', '"${user}"', '"x\\ty"', '"q\\"uote"', '"\\${literal}"', "\"${x, 'd'}\"", '"back\\\\slash"', '"$"', '"10.0.0.0/8"', '""');
const action = one("apprunner:DescribeService", "apprunner:List*", "s3:GetObject", "iam:Pass?ole", '"apprunner:Create*"', "sts:AssumeRole");
const resource = one("*", "service/*", "service/${svc}/*", "arn:aws:s3:::bucket/${user}/*", '"arn:aws:s3:::b/${aws:username}/*"', "connection/x/y");
const scalar = fc.oneof(
  string,
  one("42", "-1.5", "3600", "true", "false", "$user", "$principal.tag.team", "$aws:SourceIp"),
  seq(one("$x", "$request.tag.a"), tok("??"), string),
);
const value = fc.oneof(
  { weight: 3, arbitrary: scalar },
  fc.array(scalar, { maxLength: 4 }).map((items) => ["[", ...items.flatMap((t, i) => (i === 0 ? t : [",", ...t])), "]"]),
);
const key = fc.oneof(
  one("aws:SourceIp", "iam:PassedToService", "aws:SecureTransport"),
  seq(tok("tag"), tagName),
  seq(tok("request", "tag"), tagName),
  seq(tok("principal", "tag"), tagName),
  tok("tag", "keys"),
);
const operator = one("=", "!=", "like", "<", "<=", ">", ">=", "in").chain((op) =>
  fc.constantFrom<Tokens>(op, ["not", "like"], ["not", "in"]),
);
const test = fc.oneof(
  seq(opt(one("any", "all")), key, operator, value, opt(tok("ignoring", "case")), opt(tok("if", "exists"))),
  seq(key, one("within", "include"), value),
  seq(key, one("exists", "missing")),
  key,
);
const { condition } = fc.letrec<{ condition: Tokens }>((rec) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    test,
    seq(tok("not"), rec("condition")),
    seq(rec("condition"), one("and", "or"), rec("condition")),
    seq(tok("("), rec("condition"), tok(")")),
  ),
}));
const principalRef = fc.oneof(seq(one("service", "account", "arn", "federated"), string), tok("anyone"));
const statement = seq(
  opt(seq(one('"Label"', '"L2"'), tok(":"))),
  one("allow", "deny"),
  fc.oneof(commaList(action, 6), seq(tok("*", "except"), commaList(action))),
  // Without `on`, a labelled statement after this one would not parse.
  seq(opt(tok("not")), tok("on"), commaList(resource, 5)),
  opt(seq(tok("principal"), commaList(principalRef, 2))),
  opt(seq(tok("when"), condition)),
);
const use = seq(tok("use"), name);
const policy = seq(tok("policy"), name, opt(string), tok("{"), fc.array(fc.oneof(statement, use), { maxLength: 3 }).map((s) => s.flat()), tok("}"));
const trust = seq(
  opt(tok("deny")),
  tok("trust"),
  commaList(principalRef, 3),
  opt(seq(tok("to"), commaList(one("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:TagSession"), 3))),
  opt(seq(tok("when"), condition)),
);
const attach = seq(tok("attach"), fc.oneof(name.filter((n) => !n[0]!.startsWith('"')), string));
const role = seq(tok("role"), name, opt(string), tok("{"), fc.array(fc.oneof(trust, attach, policy), { maxLength: 3 }).map((s) => s.flat()), tok("}"));
const expectation = seq(
  tok("expect"),
  fc.constantFrom<Tokens>(["allow"], ["deny"], ["implicit", "deny"], ["explicit", "deny"]),
  action,
  tok("on"),
  resource,
  opt(seq(tok("as"), fc.oneof(seq(one("user", "role"), name), string))),
  opt(seq(tok("with"), commaList(seq(key, tok("="), value), 3))),
);
const testDecl = seq(tok("test"), string, opt(seq(tok("for"), commaList(name, 3))), tok("{"), fc.array(expectation, { maxLength: 3 }).map((s) => s.flat()), tok("}"));
const topLevel = fc.oneof(
  seq(tok("param"), name, opt(seq(tok("="), string))),
  seq(tok("import"), string),
  policy,
  role,
  testDecl,
  statement,
  use,
);

/** A random program as tokens. */
export const programTokens: fc.Arbitrary<Tokens> = fc.array(topLevel, { maxLength: 5 }).map((items) => items.flat());

const space = fc.constantFrom(" ", " ", " ", "\n", "\n  ", "\n\n", "\n\n\n    ", "\t");
const comment = fc.nat({ max: 999 }).chain((n) =>
  fc.constantFrom(` /* b${n} */ `, ` // l${n}\n`, `\n// own${n}\n`, `/* m${n}\n   second line */`, "\n\n// blank" + n + "\n\n"),
);

/** Joins tokens with random whitespace; with `comments`, some gaps get a comment. */
export function layout(tokens: readonly string[], withComments: boolean): fc.Arbitrary<string> {
  const gaps = tokens.length + 1;
  const gapArb = withComments ? fc.tuple(space, fc.option(comment, { freq: 4, nil: undefined })) : fc.tuple(space, fc.constant(undefined));
  return fc.array(gapArb, { minLength: gaps, maxLength: gaps }).map((gs) => {
    let out = "";
    for (let i = 0; i < gaps; i++) {
      const [ws, c] = gs[i]!;
      out += i === 0 ? "" : ws;
      if (c !== undefined) out += c + " ";
      if (i < tokens.length) out += tokens[i];
    }
    return out + "\n";
  });
}

/** A random program laid out at random, optionally with comments. */
export const program = (withComments: boolean): fc.Arbitrary<string> => programTokens.chain((t) => layout(t, withComments));
