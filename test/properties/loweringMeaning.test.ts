/**
 * The guard of issue #9: every compiled document means what its `.arp` condition says.
 * Random `and`/`or`/`not` conditions of depth 3 or 4 over tests of every operator family
 * (strings with and without `ignoring case`, `like`, numbers, dates, booleans, IP ranges,
 * ARNs, `exists`/`missing`, `if exists`, `any`/`all` and `within`/`include`, policy variables)
 * are compiled by arp into an allow and into a deny beside an allow-all, and the runtime
 * decides both on every request of a small exhaustive domain (missing, `""`, `[]`, `[""]`,
 * matching, non-matching and case-changed values, an IAM user and an assumed-role session).
 * The expected decision comes from conditionModel.ts, written from docs/language.md and the
 * semantics S1–S5, not from the lowering. The seeded runs below decide over 100,000 requests
 * (each under both policies); `npm run fuzz -- --only lowering --lowering N` runs more.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { conditionArb, depthOf } from "./conditionArbitrary.js";
import { meaning, type Atom, type Cond } from "./conditionModel.js";
import { describeReport, runLowering } from "./loweringRun.js";
import { USER_PRINCIPAL, ROLE_SESSION_PRINCIPAL, keyByIam, type DomainRequest } from "./requestDomain.js";

// Eight seeded runs of 125 conditions, each deciding at least 12,500 requests (so at least
// 100,000 in all, each under both policies), so that no single test runs long on a loaded machine.
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const CASES_PER_SEED = 125;
const MIN_REQUESTS_PER_SEED = 12_500;

describe("compiled documents decide as their .arp conditions mean", () => {
  // The first compilation loads the catalog and the standard library: not any one seed's cost.
  beforeAll(() => {
    expect(compile("allow apprunner:ListServices on *").ok).toBe(true);
  });

  for (const seed of SEEDS) {
    it(`agree on every request of ${CASES_PER_SEED} random conditions (seed ${seed})`, () => {
      const report = runLowering({ cases: CASES_PER_SEED, seed: 20261204 + seed, shrinkLimit: 4 });
      // Refusals (ARP3005/ARP3006/ARP4004, and ARP3003 where S5 demands it) are counted, not
      // compared: most generated conditions must compile for the property to say anything.
      const inexpressible = (report.refused.ARP3005 ?? 0) + (report.refused.ARP3006 ?? 0) + (report.refused.ARP4004 ?? 0);
      expect(inexpressible, describeReport(report)).toBeLessThanOrEqual(CASES_PER_SEED * 0.2);
      expect(report.requests).toBeGreaterThanOrEqual(MIN_REQUESTS_PER_SEED);
      expect(report.classes.map((c) => c.name), describeReport(report)).toEqual([]);
    }, 20_000);
  }
});

describe("the generated conditions", () => {
  const sample = fc.sample(conditionArb, { numRuns: CASES_PER_SEED * SEEDS.length, seed: 20261204 });

  it("are at least three connectives deep", () => {
    expect(Math.min(...sample.map(depthOf))).toBeGreaterThanOrEqual(3);
  });

  it("cover every operator family, suffix, quantifier and variable", () => {
    const seen = new Set<string>();
    const visit = (c: Cond): void => {
      if (c.kind === "not") return visit(c.operand);
      if (c.kind === "and" || c.kind === "or") return c.operands.forEach(visit);
      seen.add(`${c.key.family}${c.key.multi ? "[]" : ""} ${c.kind === "compare" ? c.op : c.kind}`);
      if (c.kind === "exists") seen.add(c.missing ? "missing" : "exists");
      if (c.kind !== "compare") return;
      if (c.ignoreCase) seen.add("ignoring case");
      if (c.ifExists) seen.add(`${c.quantifier ?? "plain"} if exists`);
      if (c.quantifier !== undefined) seen.add(c.quantifier);
      if (c.sugar !== undefined) seen.add(c.sugar);
      for (const v of c.values) if (v.kind === "variable") seen.add(`variable ${v.variable.arp}`);
    };
    sample.forEach(visit);
    const wanted = [
      "String =", "String !=", "String like", "String not like", "String in", "String not in",
      "String[] =", "String[] like", "String[] not in",
      "ARN =", "ARN !=", "ARN like", "ARN not like", "ARN[] like",
      "Numeric <", "Numeric <=", "Numeric >", "Numeric >=", "Numeric =", "Numeric !=",
      "Date <", "Date >=", "Date =", "Date !=",
      "Bool =", "Bool truthy", "Bool[] =", "IP =", "IP !=", "IP in", "IP not in",
      "exists", "missing", "ignoring case", "plain if exists", "any if exists", "all if exists",
      "any", "all", "within", "include",
      "variable $user", "variable $principal.tag.team", 'variable $principal.tag.team ?? "web"', 'variable "${user}-*"',
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });
});

/** The model itself, on hand-picked requests: each line is one rule of S1–S5 or of the docs. */
describe("the condition model", () => {
  const tagKeys = keyByIam("aws:TagKeys");
  const secure = keyByIam("aws:SecureTransport");
  const team = keyByIam("aws:ResourceTag/team");
  const request = (context: DomainRequest["context"], principal: string = USER_PRINCIPAL): DomainRequest => ({ principal, context });
  const anyLike = (ifExists: boolean): Atom => ({
    kind: "compare", key: tagKeys, op: "like", values: [{ kind: "literal", text: "aws:*" }], list: false,
    ignoreCase: false, ifExists, quantifier: "any",
  });
  const teamIsUser: Atom = {
    kind: "compare", key: team, op: "=", values: [{ kind: "variable", variable: team.variables![0]! }], list: false, ignoreCase: false, ifExists: false,
  };
  const teamIsNotUser: Atom = { ...teamIsUser, op: "!=" };

  it("reads `\"\"`, `[]` and `[\"\"]` as a null key (S1), and keeps `\"\"` beside other values", () => {
    const exists: Cond = { kind: "exists", key: tagKeys, missing: false };
    expect([undefined, "", [], [""], ["", ""]].map((v) => meaning(exists, request(v === undefined ? {} : { "aws:TagKeys": v })))).toEqual([false, false, false, false, false]);
    expect(meaning(exists, request({ "aws:TagKeys": ["", "team"] }))).toBe(true);
  });

  it("makes `any ... if exists` fail and its negation hold on a null key (S2, S5: issue #9 item 1)", () => {
    for (const v of [undefined, [], [""]]) {
      const r = request(v === undefined ? {} : { "aws:TagKeys": v });
      expect(meaning(anyLike(true), r)).toBe(false);
      expect(meaning({ kind: "not", operand: anyLike(true) }, r)).toBe(true);
    }
  });

  it("lets `if exists`, negated operators and `missing` hold on `\"\"`, and a bare boolean fail (S2)", () => {
    const blank = request({ "aws:SecureTransport": "" });
    expect(meaning({ kind: "truthy", key: secure }, blank)).toBe(false);
    expect(meaning({ kind: "not", operand: { kind: "truthy", key: secure } }, blank)).toBe(true);
    expect(meaning({ kind: "exists", key: secure, missing: true }, blank)).toBe(true);
  });

  it("drops a value whose variable has no value (S4): `=` fails, `!=` holds", () => {
    const role = request({ "aws:ResourceTag/team": "alice" }, ROLE_SESSION_PRINCIPAL);
    expect(meaning(teamIsUser, role)).toBe(false);
    expect(meaning(teamIsNotUser, role)).toBe(true);
    expect(meaning(teamIsUser, request({ "aws:ResourceTag/team": "alice" }))).toBe(true);
  });
});
