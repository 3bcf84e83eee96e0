/**
 * Answers of `explain` share objects: the statement references in `matched` and the prebuilt
 * action and resource misses in `notApplied` are the same objects from answer to answer. A
 * caller that changes one answer must not change the next, so every shared object is frozen,
 * in the runtime and in each form of generated module (plain, compact, principal sets): a
 * write throws, and the next answer is still the runtime's.
 */
import { describe, expect, it } from "vitest";
import { generateEvaluator, generatePrincipalEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet, type EvaluationResult, type Request } from "../../runtime/index.js";
import { loadEvaluator } from "./support.js";

const POLICY: PolicySource = {
  name: "shared",
  document: {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Read", Effect: "Allow", Action: "apprunner:Describe*", Resource: "*" },
      { Sid: "Own", Effect: "Allow", Action: "apprunner:UpdateService", Resource: "arn:aws:apprunner:*:*:service/team-*" },
      { Effect: "Deny", NotAction: "apprunner:List*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
      { Sid: "Tagged", Effect: "Allow", Action: "apprunner:TagResource", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } },
      { Sid: "Untagged", Effect: "Allow", Action: "apprunner:UntagResource", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } },
    ],
  },
  sources: [
    { file: "shared.arp", line: 1, column: 1 },
    { file: "shared.arp", line: 2, column: 1 },
    { file: "shared.arp", line: 3, column: 1 },
    { file: "shared.arp", line: 4, column: 1 },
    { file: "shared.arp", line: 5, column: 1 },
  ],
};

const principal = "arn:aws:iam::123456789012:user/alice";
const service = "arn:aws:apprunner:us-east-1:123456789012:service/team-a/0123";
const REQUESTS: Request[] = [
  { principal, action: "apprunner:DescribeService", resource: service },
  { principal, action: "apprunner:UpdateService", resource: "arn:aws:apprunner:us-east-1:123456789012:service/other/1" },
  { principal, action: "apprunner:UpdateService", resource: service, context: { "aws:SecureTransport": "false" } },
  { principal, action: "apprunner:TagResource", resource: service, context: { "aws:PrincipalTag/team": "red" } },
];

type Explain = (request: Request) => EvaluationResult;

/** Every object an answer holds, at any depth. */
function objectsOf(answer: EvaluationResult): object[] {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    for (const inner of Object.values(value)) visit(inner);
  };
  for (const list of [answer.matched, answer.notApplied, answer.overridden ?? []]) for (const record of list) visit(record);
  return [...seen];
}

/** Objects that two answers to the same request both hold. */
function sharedObjects(explain: Explain, request: Request): object[] {
  const first = new Set(objectsOf(explain(request)));
  return objectsOf(explain(request)).filter((o) => first.has(o));
}

/** Tries every kind of write on `o`; each must throw. */
function expectWritesRejected(o: object): void {
  const target = o as Record<string, unknown>;
  const [key] = Object.keys(target);
  expect(() => {
    target[key!] = "changed";
  }).toThrow(TypeError);
  expect(() => {
    target.added = "changed";
  }).toThrow(TypeError);
  expect(() => delete target[key!]).toThrow(TypeError);
}

/** The failed condition of the answer's miss for statement `index`. */
function failureOf(answer: EvaluationResult, index: number): { expected: readonly string[] } {
  const miss = answer.notApplied.find((m) => m.index === index)!;
  return (miss.reason as { failure: { expected: readonly string[] } }).failure;
}

function checkShared(explain: Explain): void {
  const runtime = compilePolicySet([POLICY]);
  // Two statements test the same values: changing one answer's must not reach the other's.
  const tag = { principal, action: "apprunner:TagResource", resource: service, context: { "aws:PrincipalTag/team": "red" } };
  const untag = { ...tag, action: "apprunner:UntagResource" };
  try {
    (failureOf(explain(tag), 3).expected as string[]).push("red");
  } catch (error) {
    // Shared values are frozen; values of the answer's own may be changed.
    expect(error).toBeInstanceOf(TypeError);
  }
  expect(explain(untag)).toEqual(runtime.evaluate(untag));
  expect(failureOf(explain(untag), 4).expected).toEqual(["blue"]);
  let shared = 0;
  for (const request of REQUESTS) {
    for (const o of sharedObjects(explain, request)) {
      shared++;
      expect(Object.isFrozen(o)).toBe(true);
      expectWritesRejected(o);
    }
    expect(explain(request)).toEqual(runtime.evaluate(request));
  }
  // The action misses alone are shared in every answer.
  expect(shared).toBeGreaterThan(REQUESTS.length * 2);
}

describe("objects explain answers share", () => {
  it("are frozen in the runtime", () => {
    const runtime = compilePolicySet([POLICY]);
    checkShared((r) => runtime.evaluate(r));
  });

  it("are frozen in a plain generated module", async () => {
    const module = loadEvaluator(await generateEvaluator([POLICY], { compactLimit: Number.POSITIVE_INFINITY }));
    checkShared((r) => module.explain(r) as EvaluationResult);
  });

  it("are frozen in a compact generated module", async () => {
    const module = loadEvaluator(await generateEvaluator([POLICY], { compactLimit: 0 }));
    checkShared((r) => module.explain(r) as EvaluationResult);
  });

  it("are frozen in a module of principal sets", async () => {
    for (const compactLimit of [0, Number.POSITIVE_INFINITY]) {
      const source = await generatePrincipalEvaluator([{ name: "Dev", kind: "role", policies: [POLICY] }], { compactLimit });
      const module = loadEvaluator(source) as unknown as { explain(set: string, request: Request): EvaluationResult };
      checkShared((r) => module.explain("Dev", r));
    }
  });
});
