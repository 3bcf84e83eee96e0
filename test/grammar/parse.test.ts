/** Every construct of the syntax, parsed to the expected AST (spans ignored). */
import { describe, expect, test } from "vitest";
import { stripSpans } from "../../grammar/ast.js";
import {
  and,
  bool,
  cmp,
  conditionOf,
  exists,
  id,
  interp,
  key,
  list,
  not,
  num,
  onlyItem,
  or,
  parseOk,
  pat,
  raw,
  str,
  truthy,
  variable,
} from "./helpers.js";

describe("declarations", () => {
  test("param with and without a default", () => {
    expect(onlyItem(`param account = "123456789012"`)).toEqual({
      kind: "Param",
      name: id("account"),
      defaultValue: str("123456789012"),
    });
    expect(onlyItem("param env")).toEqual({ kind: "Param", name: id("env") });
  });

  test("import", () => {
    expect(onlyItem(`import "./shared.arp"`)).toEqual({ kind: "Import", path: str("./shared.arp") });
  });

  test("policy with description, statements and use", () => {
    expect(onlyItem(`policy P "what it is for" { allow s3:GetObject on * use Other }`)).toEqual({
      kind: "Policy",
      name: id("P"),
      description: str("what it is for"),
      items: [
        {
          kind: "Statement",
          effect: "allow",
          actions: { kind: "Actions", except: false, items: [pat("s3:GetObject")] },
          resources: { kind: "Resources", negated: false, items: [pat("*")] },
        },
        { kind: "Use", name: id("Other") },
      ],
    });
  });

  test("an empty policy, and a policy named by a string or a keyword", () => {
    expect(onlyItem("policy Empty {}")).toEqual({ kind: "Policy", name: id("Empty"), items: [] });
    expect(onlyItem(`policy "Quoted Name" {}`)).toEqual({ kind: "Policy", name: id("Quoted Name"), items: [] });
    expect(onlyItem("policy test {}")).toEqual({ kind: "Policy", name: id("test"), items: [] });
  });

  test("top-level use", () => {
    expect(onlyItem("use AWSAppRunnerReadOnlyAccess")).toEqual({ kind: "Use", name: id("AWSAppRunnerReadOnlyAccess") });
  });
});

describe("statements", () => {
  test("the one-line example", () => {
    expect(onlyItem("allow apprunner:Describe* on service/* when tag team = $user")).toEqual({
      kind: "Statement",
      effect: "allow",
      actions: { kind: "Actions", except: false, items: [pat("apprunner:Describe*")] },
      resources: { kind: "Resources", negated: false, items: [pat("service/*")] },
      condition: cmp(key("resourceTag", "team"), "=", variable("user")),
    });
  });

  test("label, several actions and resources", () => {
    expect(onlyItem(`"ManageOwn": deny a:B, a:C on service/x, "arn:aws:s3:::b/\${user}/*"`)).toEqual({
      kind: "Statement",
      label: str("ManageOwn"),
      effect: "deny",
      actions: { kind: "Actions", except: false, items: [pat("a:B"), pat("a:C")] },
      resources: {
        kind: "Resources",
        negated: false,
        items: [pat("service/x"), pat("arn:aws:s3:::b/${user}/*", "arn:aws:s3:::b/", interp("user"), "/*")],
      },
    });
  });

  test("a statement without resources", () => {
    expect(onlyItem("allow a:B")).toEqual({
      kind: "Statement",
      effect: "allow",
      actions: { kind: "Actions", except: false, items: [pat("a:B")] },
    });
  });

  test("* except and not on", () => {
    expect(onlyItem("deny * except iam:*, sts:GetCallerIdentity not on arn:aws:iam::${account}:role/x")).toEqual({
      kind: "Statement",
      effect: "deny",
      actions: { kind: "Actions", except: true, items: [pat("iam:*"), pat("sts:GetCallerIdentity")] },
      resources: {
        kind: "Resources",
        negated: true,
        items: [pat("arn:aws:iam::${account}:role/x", "arn:aws:iam::", interp("account"), ":role/x")],
      },
    });
  });

  test("principal clause", () => {
    expect(onlyItem(`allow sts:AssumeRole on * principal service "ec2.amazonaws.com", anyone`)).toMatchObject({
      principals: {
        kind: "Principals",
        items: [
          { kind: "Principal", principalKind: "service", value: str("ec2.amazonaws.com") },
          { kind: "Principal", principalKind: "anyone" },
        ],
      },
    });
  });

  test("statements follow each other without separators", () => {
    const ast = parseOk(`allow a:B on * when aws:SecureTransport "L": deny c:D on x deny e:F allow g:H on * when tag t = 1`);
    expect(ast.items.map((i) => i.kind === "Statement" && `${i.effect} ${i.actions.items[0]?.text}`)).toEqual([
      "allow a:B",
      "deny c:D",
      "deny e:F",
      "allow g:H",
    ]);
  });
});

describe("conditions", () => {
  test("operators", () => {
    for (const op of ["=", "!=", "like", "not like", "<", "<=", ">", ">=", "in", "not in"]) {
      expect(conditionOf(`aws:X ${op} "v"`)).toEqual(cmp(raw("aws:X"), op, str("v")));
    }
  });

  test("key forms", () => {
    expect(conditionOf(`tag team = "a"`)).toEqual(cmp(key("resourceTag", "team"), "=", str("a")));
    expect(conditionOf(`request tag team = "a"`)).toEqual(cmp(key("requestTag", "team"), "=", str("a")));
    expect(conditionOf(`principal tag team = "a"`)).toEqual(cmp(key("principalTag", "team"), "=", str("a")));
    expect(conditionOf(`tag keys include ["a"]`)).toEqual(cmp(key("tagKeys", ""), "in", list(str("a")), { quantifier: "any" }));
    expect(conditionOf(`request tag keys within ["a"]`)).toEqual(
      cmp(key("tagKeys", ""), "in", list(str("a")), { quantifier: "all" }),
    );
    expect(conditionOf(`apprunner:VpcId = "v"`)).toEqual(cmp(raw("apprunner:VpcId"), "=", str("v")));
  });

  test("keywords and strings as tag names; `tag \"keys\"` is a tag named keys", () => {
    expect(conditionOf(`tag user = "x"`)).toEqual(cmp(key("resourceTag", "user"), "=", str("x")));
    expect(conditionOf(`tag case = "y"`)).toEqual(cmp(key("resourceTag", "case"), "=", str("y")));
    expect(conditionOf(`tag "cost center" = "y"`)).toEqual(cmp(key("resourceTag", "cost center"), "=", str("y")));
    expect(conditionOf(`tag "keys" = "y"`)).toEqual(cmp(key("resourceTag", "keys"), "=", str("y")));
  });

  test("values", () => {
    expect(conditionOf("aws:X = 3600")).toEqual(cmp(raw("aws:X"), "=", num("3600")));
    expect(conditionOf("aws:X = -1.50")).toEqual(cmp(raw("aws:X"), "=", num("-1.50")));
    expect(conditionOf("aws:X = true")).toEqual(cmp(raw("aws:X"), "=", bool(true)));
    expect(conditionOf("aws:X = false")).toEqual(cmp(raw("aws:X"), "=", bool(false)));
    expect(conditionOf("aws:X = $principal.tag.team")).toEqual(cmp(raw("aws:X"), "=", variable("principal.tag.team")));
    expect(conditionOf("aws:X = $aws:PrincipalTag/team")).toEqual(cmp(raw("aws:X"), "=", variable("aws:PrincipalTag/team")));
    expect(conditionOf(`aws:X = $aws:userid ?? "none"`)).toEqual(cmp(raw("aws:X"), "=", variable("aws:userid", str("none"))));
    expect(conditionOf("aws:X in []")).toEqual(cmp(raw("aws:X"), "in", list()));
    expect(conditionOf(`aws:X in ["a", 1, true, $user,]`)).toEqual(
      cmp(raw("aws:X"), "in", list(str("a"), num("1"), bool(true), variable("user"))),
    );
  });

  test("modifiers and quantifiers", () => {
    expect(conditionOf(`aws:X like "eu-*" ignoring case if exists`)).toEqual(
      cmp(raw("aws:X"), "like", str("eu-*"), { ignoreCase: true, ifExists: true }),
    );
    expect(conditionOf(`any aws:TagKeys like ["a*"]`)).toEqual(
      cmp(raw("aws:TagKeys"), "like", list(str("a*")), { quantifier: "any" }),
    );
    expect(conditionOf(`all aws:TagKeys in ["a","b"]`)).toEqual(
      cmp(raw("aws:TagKeys"), "in", list(str("a"), str("b")), { quantifier: "all" }),
    );
  });

  test("exists, missing and truthy tests", () => {
    expect(conditionOf("aws:X exists")).toEqual(exists(raw("aws:X")));
    expect(conditionOf("tag team missing")).toEqual(exists(key("resourceTag", "team"), true));
    expect(conditionOf("aws:SecureTransport")).toEqual(truthy(raw("aws:SecureTransport")));
  });

  test("precedence: not > and > or, flattened, parentheses leave no node", () => {
    expect(conditionOf("a:A or b:B and c:C or not d:D")).toEqual(
      or(truthy(raw("a:A")), and(truthy(raw("b:B")), truthy(raw("c:C"))), not(truthy(raw("d:D")))),
    );
    expect(conditionOf("a:A and b:B and c:C")).toEqual(and(truthy(raw("a:A")), truthy(raw("b:B")), truthy(raw("c:C"))));
    expect(conditionOf("(a:A or b:B) and not not c:C")).toEqual(
      and(or(truthy(raw("a:A")), truthy(raw("b:B"))), not(not(truthy(raw("c:C"))))),
    );
    expect(conditionOf("((a:A))")).toEqual(truthy(raw("a:A")));
  });

  test("a `not` before `like`/`in` is the operator, elsewhere negation", () => {
    expect(conditionOf(`not aws:X not in ["a"]`)).toEqual(not(cmp(raw("aws:X"), "not in", list(str("a")))));
  });
});

describe("roles", () => {
  test("trust, attach and inline policy", () => {
    const role = onlyItem(`role R "desc" {
      trust service "build.apprunner.amazonaws.com"
      trust account "111122223333" when sts:ExternalId = "xyz"
      trust arn "arn:aws:iam::1:role/A", federated "cognito-identity.amazonaws.com", anyone to sts:AssumeRole, sts:TagSession
      deny trust arn "arn:aws:iam::1:role/B" when aws:SecureTransport = false
      attach Mine
      attach "arn:aws:iam::aws:policy/ReadOnlyAccess"
      policy Inline { allow s3:GetObject on * }
    }`);
    expect(role).toEqual({
      kind: "Role",
      name: id("R"),
      description: str("desc"),
      items: [
        { kind: "Trust", effect: "allow", principals: [{ kind: "Principal", principalKind: "service", value: str("build.apprunner.amazonaws.com") }] },
        {
          kind: "Trust",
          effect: "allow",
          principals: [{ kind: "Principal", principalKind: "account", value: str("111122223333") }],
          condition: cmp(raw("sts:ExternalId"), "=", str("xyz")),
        },
        {
          kind: "Trust",
          effect: "allow",
          principals: [
            { kind: "Principal", principalKind: "arn", value: str("arn:aws:iam::1:role/A") },
            { kind: "Principal", principalKind: "federated", value: str("cognito-identity.amazonaws.com") },
            { kind: "Principal", principalKind: "anyone" },
          ],
          actions: [pat("sts:AssumeRole"), pat("sts:TagSession")],
        },
        {
          kind: "Trust",
          effect: "deny",
          principals: [{ kind: "Principal", principalKind: "arn", value: str("arn:aws:iam::1:role/B") }],
          condition: cmp(raw("aws:SecureTransport"), "=", { kind: "Boolean", value: false }),
        },
        { kind: "Attach", target: id("Mine") },
        { kind: "Attach", target: str("arn:aws:iam::aws:policy/ReadOnlyAccess") },
        {
          kind: "Policy",
          name: id("Inline"),
          items: [
            {
              kind: "Statement",
              effect: "allow",
              actions: { kind: "Actions", except: false, items: [pat("s3:GetObject")] },
              resources: { kind: "Resources", negated: false, items: [pat("*")] },
            },
          ],
        },
      ],
    });
  });
});

describe("tests", () => {
  test("expectations of every kind", () => {
    const t = onlyItem(`test "alice" for A, B {
      expect allow a:Describe on service/web/abc as user alice with tag team = "alice"
      expect deny a:X on "arn:x" as role Admin
      expect implicit deny a:Delete on service/p/x as "arn:aws:iam::1:role/r" with aws:SecureTransport = true, request tag team = "a"
      expect explicit deny a:Y on *
    }`);
    expect(t).toEqual({
      kind: "Test",
      name: str("alice"),
      policies: [id("A"), id("B")],
      expectations: [
        {
          kind: "Expect",
          decision: "allow",
          action: pat("a:Describe"),
          resource: pat("service/web/abc"),
          principal: { form: "user", value: id("alice") },
          context: [{ kind: "ContextEntry", key: key("resourceTag", "team"), value: str("alice") }],
        },
        {
          kind: "Expect",
          decision: "deny",
          action: pat("a:X"),
          resource: pat("arn:x"),
          principal: { form: "role", value: id("Admin") },
          context: [],
        },
        {
          kind: "Expect",
          decision: "implicit deny",
          action: pat("a:Delete"),
          resource: pat("service/p/x"),
          principal: { form: "arn", value: str("arn:aws:iam::1:role/r") },
          context: [
            { kind: "ContextEntry", key: raw("aws:SecureTransport"), value: bool(true) },
            { kind: "ContextEntry", key: key("requestTag", "team"), value: str("a") },
          ],
        },
        { kind: "Expect", decision: "explicit deny", action: pat("a:Y"), resource: pat("*"), context: [] },
      ],
    });
  });

  test("a test for every policy has no `policies`", () => {
    expect(onlyItem(`test "t" {}`)).toEqual({ kind: "Test", name: str("t"), expectations: [] });
  });
});

describe("strings, patterns and comments", () => {
  test("escapes and interpolations", () => {
    const source = 'param p = "a\\"b\\\\c\\nd\\te\\$f ${x} ${ y , \'d\' } ${z, "q"} \\${no}"';
    expect(onlyItem(source)).toEqual({
      kind: "Param",
      name: id("p"),
      defaultValue: str('a"b\\c\nd\te$f ', interp("x"), " ", interp("y", "d"), " ", interp("z", "q"), " ${no}"),
    });
  });

  test("words: interpolations with defaults, numbers that are words", () => {
    expect(onlyItem(`allow a:B on arn:\${acct, "1"}:x/\${aws:username}/10.0.0.0/8`)).toMatchObject({
      resources: {
        items: [pat("arn:${acct, \"1\"}:x/${aws:username}/10.0.0.0/8", "arn:", interp("acct", "1"), ":x/", interp("aws:username"), "/10.0.0.0/8")],
      },
    });
    expect(onlyItem("allow a:B on 10.0.0.0/8")).toMatchObject({ resources: { items: [pat("10.0.0.0/8")] } });
    expect(onlyItem("allow a:B on ${*}")).toMatchObject({ resources: { items: [pat("${*}", interp("*"))] } });
  });

  test("comments are kept as written", () => {
    const ast = parseOk("// line\nallow a:B /* block\n */ on *");
    expect(stripSpans(ast.comments)).toEqual([
      { kind: "Comment", text: "// line", block: false },
      { kind: "Comment", text: "/* block\n */", block: true },
    ]);
  });
});
