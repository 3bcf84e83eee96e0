/**
 * The policy IR: IAM's policy model, already lowered from arp, with the span of the `.arp`
 * construct each piece came from. Emitters turn it into IAM JSON or TypeScript; nothing
 * after this point knows arp syntax.
 */
import type { Span } from "../grammar/diagnostics/diagnostic.js";
import type { IamPrincipal } from "../runtime/policyDocument.js";

/** One operator/key test of a Condition block, e.g. StringEquals aws:ResourceTag/team. */
export interface IrCondition {
  /** Full IAM operator name, with any `ForAllValues:`/`ForAnyValue:` prefix and `IfExists` suffix. */
  readonly operator: string;
  readonly key: string;
  /** Values as IAM strings (numbers and booleans already rendered). Several values are ORed. */
  readonly values: readonly string[];
  readonly span: Span;
}

export interface IrStatement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly principal?: IamPrincipal;
  /** `not` → NotAction. */
  readonly actions: { readonly not: boolean; readonly values: readonly string[] };
  /** Absent for trust policies, which name no resource. `not` → NotResource. */
  readonly resources?: { readonly not: boolean; readonly values: readonly string[] };
  /** ANDed; kept in source order so output is stable. */
  readonly conditions: readonly IrCondition[];
  readonly span: Span;
}

export type PolicyKind = "identity" | "trust";

export interface IrPolicy {
  readonly name: string;
  readonly kind: PolicyKind;
  readonly description?: string;
  readonly statements: readonly IrStatement[];
  readonly span: Span;
}
