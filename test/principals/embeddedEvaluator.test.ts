// An app embedding the generated evaluator decides for the principal that makes the request.
// "Principal – The user, role, federated user, or application that sent the request.
// Information about the principal includes the policies that are associated with that
// principal" (reference_policies_evaluation-logic.md); "If only identity-based policies apply to
// a request, then AWS checks all of those policies for at least one Allow" (same page): the
// policies of that principal, not of every role in the account.
import { describe, expect, it } from "vitest";
import { compile, generateEvaluatorModule } from "../../compiler/index.js";
import { compilePolicySet, type EvaluationResult, type Request } from "../../runtime/index.js";
import { loadEvaluator, typeCheck } from "../codegen/support.js";

const PROJECT = `
policy TeamServices {
  allow apprunner:DescribeService, apprunner:StartDeployment on service/*
}

role SecurityAuditor {
  trust account "123456789012"
  attach AWSAppRunnerReadOnlyAccess
  policy AuditorExtras {
    deny * on * when aws:RequestedRegion not in ["eu-west-1"]
  }
}

role Deployer {
  trust service "build.apprunner.amazonaws.com"
  attach TeamServices
}
`;

interface Evaluator {
  authorize(request: Request): EvaluationResult["decision"];
  explain(request: Request): EvaluationResult;
}

interface PrincipalModule {
  readonly evaluators: Readonly<Record<string, Evaluator>>;
  authorize(set: string, request: Request): EvaluationResult["decision"];
  explain(set: string, request: Request): EvaluationResult;
  principalSetOf(principal: string): string | undefined;
}

const alice: Request = {
  principal: "arn:aws:iam::123456789012:user/alice",
  action: "apprunner:StartDeployment",
  resource: "arn:aws:apprunner:us-east-1:123456789012:service/web/abc",
};

async function moduleOf(text: string): Promise<{ source: string; module: PrincipalModule }> {
  const result = compile({ path: "project.arp", text });
  expect(result.diagnostics).toEqual([]);
  const source = await generateEvaluatorModule(result);
  return { source, module: loadEvaluator(source) as unknown as PrincipalModule };
}

describe("the generated evaluator decides per principal", () => {
  it("two roles each get their own answers: the auditor's inline deny never reaches the deployer", async () => {
    const { module } = await moduleOf(PROJECT);
    expect(Object.keys(module.evaluators)).toEqual(["SecurityAuditor", "Deployer", "TeamServices"]);
    // The case: alice's request, decided as the deployer, is not denied by SecurityAuditor/AuditorExtras.
    expect(module.evaluators.Deployer!.authorize(alice)).toBe("Allow");
    expect(module.evaluators.SecurityAuditor!.authorize(alice)).toBe("ExplicitDeny");
    expect(module.evaluators.SecurityAuditor!.explain(alice).matched.map((m) => m.policy)).toEqual(["SecurityAuditor/AuditorExtras"]);
    // The auditor's attached managed policy is part of its answers; its deny applies outside eu-west-1 only.
    const describe = { ...alice, action: "apprunner:DescribeService", context: { "aws:RequestedRegion": "eu-west-1" } };
    expect(module.evaluators.SecurityAuditor!.authorize(describe)).toBe("Allow");
    expect(module.evaluators.SecurityAuditor!.explain(describe).matched.map((m) => m.policy)).toEqual(["AWSAppRunnerReadOnlyAccess"]);
    expect(module.evaluators.SecurityAuditor!.authorize({ ...alice, context: { "aws:RequestedRegion": "eu-west-1" } })).toBe("ImplicitDeny");
    expect(module.evaluators.Deployer!.authorize({ ...alice, action: "apprunner:DeleteService" })).toBe("ImplicitDeny");
  });

  it("decides each set exactly as the runtime evaluates that set's policies", async () => {
    const result = compile({ path: "project.arp", text: PROJECT });
    const { module } = await moduleOf(PROJECT);
    const requests: Request[] = [alice, { ...alice, context: { "aws:RequestedRegion": "eu-west-1" } }, { ...alice, action: "apprunner:ListServices", resource: "*" }];
    for (const set of result.principals) {
      const runtime = compilePolicySet(set.policies);
      for (const r of requests) expect(module.explain(set.name, r), `${set.name} ${r.action}`).toEqual(runtime.evaluate(r));
    }
  });

  it("the top-level functions require a set, and refuse a name that is not one", async () => {
    const { module } = await moduleOf(PROJECT);
    expect(module.authorize("Deployer", alice)).toBe("Allow");
    expect(() => module.authorize("toString", alice)).toThrow(/set is not one of the principal sets: SecurityAuditor, Deployer, TeamServices/);
    expect(() => (module.authorize as unknown as (r: Request) => string)(alice)).toThrow(TypeError);
  });

  it("finds the role a role or assumed-role ARN names, and no set for a user", async () => {
    const { module } = await moduleOf(PROJECT);
    expect(module.principalSetOf("arn:aws:sts::123456789012:assumed-role/securityauditor/alice")).toBe("SecurityAuditor");
    expect(module.principalSetOf("arn:aws:iam::123456789012:role/ci/Deployer")).toBe("Deployer");
    expect(module.principalSetOf("arn:aws:iam::123456789012:user/alice")).toBeUndefined();
    expect(module.principalSetOf("arn:aws:iam::123456789012:role/TeamServices")).toBeUndefined();
  });

  it("types the set names as a union: a misspelt set is a compile error for the embedding app", async () => {
    const { source } = await moduleOf(PROJECT);
    const app = `import { authorize, evaluators, type PrincipalSetName } from "./evaluator.js";
const request = { principal: "arn:aws:iam::123456789012:user/alice", action: "apprunner:StartDeployment", resource: "*" };
export const ok: string = evaluators.Deployer.authorize(request) + authorize("SecurityAuditor", request);
const name: PrincipalSetName = "Deployer";
export const also: string = authorize(name, request);
`;
    expect(typeCheck({ "/virtual/evaluator.ts": source, "/virtual/app.ts": app })).toEqual([]);
    const wrong = `import { authorize } from "./evaluator.js";
export const no: string = authorize("Deployr", { principal: "p", action: "a", resource: "*" });
`;
    expect(typeCheck({ "/virtual/evaluator.ts": source, "/virtual/app.ts": wrong }).join("\n")).toMatch(/Deployr/);
  });
});
