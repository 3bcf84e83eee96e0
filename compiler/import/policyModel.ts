/**
 * An IAM policy document after validation: every element has the type IAM requires, and every
 * piece keeps the span of the JSON it came from. Translation reads only this model.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import type { IamOperator } from "./iamOperators.js";

/** A string from the JSON with where it was written. */
export interface Located {
  readonly text: string;
  readonly span: Span;
}

/** `Action`/`NotAction` or `Resource`/`NotResource`: one string or an array of strings. */
export interface ImportedList {
  /** True for `NotAction` / `NotResource`. */
  readonly not: boolean;
  readonly items: readonly Located[];
  /** The element's value (the string or the array). */
  readonly span: Span;
  /** The element's name. */
  readonly keySpan: Span;
}

export type PrincipalField = "AWS" | "Service" | "Federated" | "CanonicalUser";

export interface ImportedPrincipal {
  /** `"Principal": "*"`. */
  readonly anyone: boolean;
  readonly entries: readonly { readonly field: PrincipalField; readonly value: Located }[];
  readonly span: Span;
  readonly keySpan: Span;
}

/** One operator/key pair of a `Condition` block. */
export interface ImportedTest {
  readonly operator: IamOperator;
  readonly operatorSpan: Span;
  readonly key: Located;
  /** The values as IAM reads them (numbers and booleans as their JSON text). */
  readonly values: readonly Located[];
  /** The key and its value(s). */
  readonly span: Span;
}

export interface ImportedStatement {
  readonly sid?: Located;
  readonly effect: "Allow" | "Deny";
  readonly effectSpan: Span;
  readonly principal?: ImportedPrincipal;
  /** Set when the statement had `NotPrincipal`. */
  readonly notPrincipalSpan?: Span;
  readonly actions: ImportedList;
  readonly resources?: ImportedList;
  /** ANDed, in document order. */
  readonly tests: readonly ImportedTest[];
  readonly span: Span;
}

export interface ImportedPolicy {
  /** A trust policy names principals and no resources; an identity policy the reverse. */
  readonly kind: "identity" | "trust";
  /** Absent means IAM's default, `2008-10-17`. */
  readonly version?: "2012-10-17" | "2008-10-17";
  readonly id?: Located;
  readonly statements: readonly ImportedStatement[];
  readonly span: Span;
}

/** True when IAM substitutes `${...}` policy variables: only under Version 2012-10-17. */
export function variablesEnabled(policy: ImportedPolicy): boolean {
  return policy.version === "2012-10-17";
}
