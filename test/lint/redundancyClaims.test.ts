// What lint calls removable is removable: for random policy sets (two policies, a role attaching
// some of them, statements with `or`s), each ARP7007 (redundant statement), ARP7050 (an allow a
// deny always overrides), ARP7015 (a statement that never applies) and ARP7051 (a redundant test)
// is checked by removing what it names and asking `arp diff`'s engine whether any principal's
// decisions change. None may.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";
import { compileProgram } from "../../compiler/compileProgram.js";
import { check } from "../../compiler/index.js";
import { diffAccess } from "../../compiler/diff/diffAccess.js";
import { scaled } from "../support/fuzzScale.js";

const catalog = loadCatalog();

const TESTS = [
  'tag env = "a"',
  'tag env = "b"',
  'tag env like "a*"',
  "tag env exists",
  "tag env missing",
  'tag env != "a"',
  'tag env = "a" if exists',
  'aws:RequestedRegion = "us-east-1"',
  "aws:MultiFactorAuthAge < 300",
  "aws:MultiFactorAuthAge <= 3600",
];
const ACTIONS = ["apprunner:DescribeService", "apprunner:DeleteService", "apprunner:PauseService"];
const RESOURCES = ["*", "service/*", "service/prod-*"];

/** One conjunct of a condition: a test, or an `or` of tests. */
type Item = number | number[];

interface Statement {
  readonly deny: boolean;
  readonly actions: readonly number[];
  readonly resource: number;
  readonly when: readonly Item[];
}

interface PolicySet {
  readonly policies: readonly (readonly Statement[])[];
  readonly attached: readonly boolean[];
}

const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(TESTS.length - 1) },
  { weight: 1, arbitrary: fc.uniqueArray(fc.nat(TESTS.length - 1), { minLength: 2, maxLength: 2 }) },
);

const statement: fc.Arbitrary<Statement> = fc.record({
  deny: fc.boolean(),
  actions: fc.uniqueArray(fc.nat(ACTIONS.length - 1), { minLength: 1, maxLength: 2 }),
  resource: fc.nat(RESOURCES.length - 1),
  when: fc.array(item, { maxLength: 3 }),
});

const policySet: fc.Arbitrary<PolicySet> = fc.record({
  policies: fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
  attached: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
});

/** What a finding names: a statement, or one test of a statement (`item`, and `alt` inside an `or`). */
interface Place {
  readonly policy: number;
  readonly statement: number;
  readonly item?: number;
  readonly alt?: number;
}

/** The source text, and the place of each statement and test by its offset. */
function render(set: PolicySet): { text: string; places: Map<number, Place> } {
  const places = new Map<number, Place>();
  let text = "";
  set.policies.forEach((statements, p) => {
    text += `policy P${p} {\n`;
    // A statement of another service, its own in each policy, keeps the policy non-empty
    // whatever is removed.
    text += `  allow s3:GetObject on "arn:aws:s3:::filler-${p}/*"\n`;
    statements.forEach((s, i) => {
      text += "  ";
      places.set(text.length, { policy: p, statement: i });
      text += `${s.deny ? "deny" : "allow"} ${s.actions.map((a) => ACTIONS[a]).join(", ")} on ${RESOURCES[s.resource]}`;
      s.when.forEach((it, k) => {
        text += k === 0 ? " when " : " and ";
        if (typeof it === "number") {
          places.set(text.length, { policy: p, statement: i, item: k });
          text += TESTS[it];
          return;
        }
        text += "(";
        it.forEach((t, m) => {
          if (m > 0) text += " or ";
          places.set(text.length, { policy: p, statement: i, item: k, alt: m });
          text += TESTS[t];
        });
        text += ")";
      });
      text += "\n";
    });
    text += "}\n";
  });
  const attached = set.attached.flatMap((a, p) => (a ? [`  attach P${p}\n`] : []));
  if (attached.length > 0) text += `role R {\n  trust account "123456789012"\n${attached.join("")}}\n`;
  return { text, places };
}

/** The set without what `place` names. */
function without(set: PolicySet, place: Place, wholeStatement: boolean): PolicySet {
  const policies = set.policies.map((statements, p) =>
    statements.flatMap((s, i) => {
      if (p !== place.policy || i !== place.statement) return [s];
      if (wholeStatement || place.item === undefined) return [];
      const when = s.when.flatMap((it, k) => {
        if (k !== place.item) return [it];
        if (typeof it === "number" || place.alt === undefined) return [];
        const rest = it.filter((_, m) => m !== place.alt);
        return [rest.length === 1 ? rest[0]! : rest];
      });
      return [{ ...s, when }];
    }),
  );
  return { ...set, policies };
}

const CLAIMS = new Set(["ARP7007", "ARP7050", "ARP7015", "ARP7051"]);

describe("lint's removable findings", () => {
  it("change no principal's decisions when what they name is removed", () => {
    let claims = 0;
    fc.assert(
      fc.property(policySet, (set) => {
        const { text, places } = render(set);
        const { diagnostics } = check({ path: "p.arp", text }, { lint: true });
        if (diagnostics.some((d) => d.severity === "error")) return;
        const before = compileProgram([{ path: "p.arp", text }]);
        for (const d of diagnostics.filter((d) => CLAIMS.has(d.code))) {
          const place = places.get(d.span.start);
          expect(place, `${d.code} at ${d.span.start} of\n${text}`).toBeDefined();
          // ARP7015 names the test that contradicts another, but claims the whole statement is dead.
          const after = render(without(set, place!, d.code === "ARP7015")).text;
          const compiled = compileProgram([{ path: "p.arp", text: after }]);
          expect(compiled.ok, after).toBe(true);
          const changed = diffAccess(before.principals, compiled.principals, catalog).filter((s) => s.added.length > 0 || s.removed.length > 0);
          expect(changed.map((s) => `${s.name}: ${JSON.stringify((s.added[0] ?? s.removed[0])!.example)}`), `${d.code}: ${d.message}\n${text}--- without it:\n${after}`).toEqual([]);
          claims++;
        }
      }),
      { numRuns: scaled(25), seed: 7007 },
    );
    // The cases must reach the claims at all, or the property says nothing.
    expect(claims).toBeGreaterThan(10);
  });
});
