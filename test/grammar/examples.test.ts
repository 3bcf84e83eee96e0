/** The design's worked example parses cleanly, item by item. */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { type PolicyDecl, type Statement, stripSpans } from "../../grammar/ast.js";
import { and, cmp, conditionOf, key, list, not, num, or, parseOk, raw, str, truthy, variable, exists } from "./helpers.js";

const source = readFileSync(new URL("./fixtures/teamServices.arp", import.meta.url), "utf8");

test("the full example parses without diagnostics", () => {
  const ast = parseOk(source);
  expect(ast.items.map((i) => i.kind)).toEqual(["Param", "Param", "Policy", "Role", "Test"]);
  expect(ast.comments.map((c) => c.text)).toEqual(["// comment"]);
  const policy = ast.items[2] as PolicyDecl;
  expect(policy.items.map((i) => i.kind)).toEqual([...Array(9).fill("Statement"), "Use"]);
});

test("the example's conditions", () => {
  const ast = parseOk(source);
  const conditions = (ast.items[2] as PolicyDecl).items.flatMap((s) =>
    s.kind === "Statement" && s.condition !== undefined ? [stripSpans(s.condition)] : [],
  );
  expect(conditions).toEqual([
    cmp(key("resourceTag", "team"), "=", variable("principal.tag.team")),
    and(
      cmp(key("requestTag", "team"), "=", variable("principal.tag.team")),
      cmp(key("tagKeys", ""), "in", list(str("team"), str("env")), { quantifier: "all" }),
    ),
    not(truthy(raw("aws:SecureTransport"))),
    and(
      cmp(raw("aws:SourceIp"), "in", list(str("10.0.0.0/8"), str("2001:db8::/32"))),
      cmp(raw("aws:MultiFactorAuthAge"), "<", num("3600"), { ifExists: true }),
    ),
    and(
      or(
        cmp(raw("aws:RequestedRegion"), "=", str("us-east-1")),
        cmp(raw("aws:RequestedRegion"), "like", str("eu-*"), { ignoreCase: true }),
      ),
      cmp(raw("aws:CurrentTime"), "<", str("2027-01-01T00:00:00Z")),
      not(exists(raw("aws:PrincipalTag/dept"))),
    ),
    and(
      cmp(raw("aws:TagKeys"), "like", list(str("a*")), { quantifier: "any" }),
      cmp(raw("aws:TagKeys"), "in", list(str("a"), str("b")), { quantifier: "all" }),
      cmp(raw("aws:userid"), "=", variable("aws:userid", str("none"))),
    ),
  ]);
});

test("a label and a statement split over lines", () => {
  const ast = parseOk(source);
  const labelled = (ast.items[2] as PolicyDecl).items[1] as Statement;
  expect(stripSpans(labelled.label)).toEqual(str("ManageOwn"));
  expect(labelled.actions.items.map((p) => p.text)).toEqual([
    "apprunner:UpdateService",
    "apprunner:PauseService",
    "apprunner:ResumeService",
    "apprunner:StartDeployment",
  ]);
});

test("the one-line form", () => {
  expect(conditionOf("tag team = $user")).toEqual(cmp(key("resourceTag", "team"), "=", variable("user")));
});
