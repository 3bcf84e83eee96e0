/**
 * iam-simulate (@cloud-copilot/iam-simulate) deciding the same IAM JSON and the same request
 * as arp's runtime, in-process: for the divergence test and the benchmark's iam-simulate
 * contender (bench/contenders/iamSimulate.ts, which explains `sizes`).
 *
 * Path: `runUnsafeSimulation`, its fastest supported entry point. It is synchronous and skips
 * the policy validation, action/resource-type look-ups and context-key filtering that
 * `runSimulation` does on every call (the filtering would also drop keys the bench sends, so it
 * would not decide the same request). It still re-reads the policy document on every decision:
 * the package exports no way to keep a loaded policy, so the cost grows with the statement
 * count (about 3,400 decisions/s at 10 statements, 730/s at 100, 70/s at 1,000 on the bench
 * machine, warm). The bench makes at least nine full passes over its requests per contender and
 * size (one agreement check, three warm-up passes, five rounds): with the default 20,000
 * requests that is about a minute at 10 statements, four at 100, and forty at 1,000, so `sizes`
 * is [10, 100].
 *
 * Mapping the request:
 * - Identity policies only, as the runtime models: no SCPs, RCPs, boundaries or resource policy,
 *   and the resource's account is the principal's, so the request is same-account.
 * - A resource of `*` (the runtime's marker for an action without resource-level permissions)
 *   is sent as a stand-in ARN that no ARN pattern of the policy can match. iam-simulate reads
 *   a request resource of `*` as a pattern over all resources, so an Allow naming a specific
 *   ARN would grant it; `runSimulation` avoids that by flagging wildcard-only actions, which
 *   `runUnsafeSimulation` cannot be told. With the stand-in only `Resource: "*"` grants, and a
 *   NotResource listing ARNs applies — what both the runtime and iam-simulate's own
 *   wildcard-only handling decide. `loadIamSimulate` checks that no resource pattern of the policy could
 *   match the stand-in (test/divergence/iamSimulate.test.ts records the underlying behaviour).
 * - Results: Allowed → Allow, ExplicitlyDenied → ExplicitDeny, ImplicitlyDenied → ImplicitDeny.
 */
import { runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";
import type { Decision, IamStatement, Request } from "../../runtime/index.js";

/** Stands for the request resource `*`; `loadIamSimulate` checks the policy cannot name it. */
export const NO_RESOURCE_ARN = "arn:arp-no-resource:none:none:none:no-resource-level-permissions";

const DECISIONS: Readonly<Record<string, Decision>> = {
  Allowed: "Allow",
  ExplicitlyDenied: "ExplicitDeny",
  ImplicitlyDenied: "ImplicitDeny",
};

/** The account field of an ARN, or "" when it has none. */
function accountOf(arn: string): string {
  return arn.split(":")[4] ?? "";
}

/** IAM wildcard test where `*` may also stand for a policy variable's value. */
function couldMatch(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/\$\{[^}]*\}/g, "\u0000")
    .split("")
    .map((c) => (c === "*" || c === "\u0000" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "s").test(value);
}

function statementsOf(policy: PolicySource): readonly IamStatement[] {
  const { Statement } = policy.document;
  return Array.isArray(Statement) ? Statement : [Statement];
}

/** Throws if some Resource/NotResource pattern other than `*` could match the stand-in ARN. */
function checkStandIn(policy: PolicySource): void {
  for (const statement of statementsOf(policy)) {
    for (const pattern of [statement.Resource ?? statement.NotResource ?? []].flat()) {
      if (pattern !== "*" && couldMatch(pattern, NO_RESOURCE_ARN)) {
        throw new Error(`iam-simulate contender: resource pattern ${pattern} could match the stand-in for "*"`);
      }
    }
  }
}

/** The simulation for one request, policies included. */
export function simulationFor(policy: PolicySource, request: Request): Simulation {
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(request.context ?? {})) context[key] = typeof value === "string" ? value : [...value];
  return {
    request: {
      principal: request.principal,
      action: request.action,
      resource: {
        resource: request.resource === "*" ? NO_RESOURCE_ARN : request.resource,
        accountId: accountOf(request.principal),
      },
      contextVariables: context,
    },
    identityPolicies: [{ name: policy.name, policy: policy.document }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

/** Decides one request with `runUnsafeSimulation`. */
export function decideWithIamSimulate(policy: PolicySource, request: Request): Decision {
  const result = runUnsafeSimulation(simulationFor(policy, request), {});
  const decision = DECISIONS[result];
  if (decision === undefined) throw new Error(`iam-simulate returned ${String(result)}`);
  return decision;
}

/** A decision function over one loaded policy. */
export type Decide = (request: Request) => Decision;

/** Checks the policy cannot name the stand-in resource, then decides requests with iam-simulate. */
export function loadIamSimulate(policy: PolicySource): Decide {
  checkStandIn(policy);
  return (request) => decideWithIamSimulate(policy, request);
}
