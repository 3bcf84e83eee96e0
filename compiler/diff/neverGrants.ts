/**
 * `arp diff --never-grants "ACTION on RESOURCE"`: a property every principal set must keep, the
 * offline counterpart of Access Analyzer's CheckAccessNotGranted. It is decided as a diff: the
 * set with a deny of the property's requests added is the old version, the set as written the
 * new one, so every request the set allows inside the property is new access, found and shown
 * by the same search (and with the same exhaustiveness) as `arp diff --no-new-access`.
 */
import type { IamPolicyDocument } from "../../runtime/policyDocument.js";
import type { Catalog } from "../catalog/index.js";
import type { CompiledPrincipalSet } from "../compileProgram.js";
import { diffSet, type SetDiff } from "./diffAccess.js";

/** A request pattern: actions and resources as IAM wildcards. */
export interface NeverGrantsSpec {
  readonly text: string;
  readonly action: string;
  readonly resource: string;
}

/** Thrown when a `--never-grants` value is not `ACTION on RESOURCE`. */
export class NeverGrantsSpecError extends Error {}

/**
 * Parses `apprunner:Delete* on service/prod-*`. A resource that is not an ARN (nor `*`) is the
 * part after the ARN's region and account, in the action's service when that is fixed.
 */
export function parseNeverGrants(text: string): NeverGrantsSpec {
  const m = /^\s*(\S+)(?:\s+on\s+(\S+))?\s*$/i.exec(text);
  if (m === null || !/^[^:\s]+:[^:\s]+$/.test(m[1]!)) throw new NeverGrantsSpecError(`expected "service:Action on resource", got ${JSON.stringify(text)}`);
  const action = m[1]!;
  const written = m[2] ?? "*";
  const service = action.split(":")[0]!;
  const resource = written === "*" || written.startsWith("arn:") ? written : `arn:aws:${/[*?]/.test(service) ? "*" : service}:*:*:${written}`;
  return { text: text.trim(), action, resource };
}

/** The requests of `set` inside `spec` that it allows: empty `added` when the property holds. */
export function checkNeverGrants(set: CompiledPrincipalSet, spec: NeverGrantsSpec, catalog: Catalog): SetDiff {
  const guard: IamPolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: spec.action, Resource: spec.resource }] };
  const guarded: CompiledPrincipalSet = { ...set, policies: [...set.policies, { name: "never-grants", document: guard, sources: [] }] };
  const d = diffSet(set.name, set.kind, guarded, set, catalog);
  return { ...d, removed: [] };
}
