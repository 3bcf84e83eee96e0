/**
 * Cedar (@cedar-policy/cedar-wasm, its WebAssembly engine) deciding arp's IAM requests, for the
 * Cedar equivalence test and the benchmark's cedar-wasm contender (bench/contenders/cedar.ts):
 * each policy translated to an equivalent Cedar policy set (test/support/cedarTranslation.ts
 * says what is covered), parsed once with `preparsePolicySet`, and each request decided with
 * `statefulIsAuthorized`, which reuses the parsed set. The per-request work is what a Cedar
 * service does too: build the request's entities and context (here from the IAM request, with
 * the values the translation's plan asks for) and cross into WebAssembly with them.
 *
 * Cedar decides allow or deny; a deny whose reasons name a satisfied `forbid` (a translated
 * Deny statement) is ExplicitDeny, any other deny ImplicitDeny, so the decider returns the
 * runtime's three decisions. A policy that errors during evaluation would be skipped by Cedar,
 * silently changing the decision; `decide` throws instead.
 *
 * Every statement of the bench's 10-, 100- and 1,000-statement policies translates, so `sizes`
 * is not limited; `loadCedar` throws `UntranslatableError` for a policy that does not. Cost: each call
 * serialises the request to JSON for the WebAssembly side (about 150 µs whatever the policy),
 * and Cedar evaluates every policy's scope on every request (it has no index over actions):
 * about 3,500 decisions/s at 10 statements, 1,900/s at 100 and 340/s at 1,000 on the bench
 * machine, so with the bench's default 20,000 requests the 1,000-statement size takes about
 * a minute per pass (the bench makes at least nine passes: one check, three warm-up, five rounds).
 * The parsed policy set lives in WebAssembly memory, which the bench's heap figures do not count.
 */
import { setFlagsFromString } from "node:v8";
import { preparsePolicySet, statefulIsAuthorized } from "@cedar-policy/cedar-wasm/nodejs";
import type { PolicySource } from "../../compiler/emit/typescript/index.js";
import type { Decision, Request } from "../../runtime/index.js";
import { cedarRequest, translatePolicy, type CedarTranslation } from "./cedarTranslation.js";

// Node 20's V8 aborts the process ("Fatal error … unreachable code" in
// Deoptimizer::DoComputeBuiltinContinuation) when optimized code that inlined a JS-to-Wasm call
// is lazily deoptimized while the Wasm call runs, as happens in the bench's timing loop after a
// GC. Not inlining those calls avoids it; it costs nanoseconds on calls that take ~150 µs.
setFlagsFromString("--no-turbo-inline-js-wasm-calls");

/** A decision function over one loaded policy. */
export type Decide = (request: Request) => Decision;

let loaded = 0;

/** Parses a translation into the engine's cache and returns a decision function over it. */
export function cedarDecider(translation: CedarTranslation): Decide {
  const id = `arp-bench-${loaded++}`;
  const parsed = preparsePolicySet(id, { staticPolicies: { ...translation.policies } });
  if (parsed.type !== "success") throw new Error(`Cedar rejected the translation: ${parsed.errors.map((e) => e.message).join("; ")}`);
  return (request: Request): Decision => {
    const answer = statefulIsAuthorized({ ...cedarRequest(translation.plan, request), preparsedPolicySetId: id } as Parameters<
      typeof statefulIsAuthorized
    >[0]);
    if (answer.type !== "success") throw new Error(`Cedar failed: ${answer.errors.map((e) => e.message).join("; ")}`);
    const { decision, diagnostics } = answer.response;
    if (diagnostics.errors.length > 0) {
      throw new Error(`Cedar policy ${diagnostics.errors[0]!.policyId} errored: ${diagnostics.errors[0]!.error.message}`);
    }
    if (decision === "allow") return "Allow";
    return diagnostics.reason.length > 0 ? "ExplicitDeny" : "ImplicitDeny";
  };
}

/** Translates a policy to Cedar and returns Cedar's decision function for it. */
export async function loadCedar(policy: PolicySource): Promise<Decide> {
  return cedarDecider(await translatePolicy(policy));
}
