/**
 * Public types of the arp runtime: requests, decisions and explanations. The runtime has no
 * dependencies and never reads the catalog.
 */
import type { IamPolicyDocument, IamStatement } from "./policyDocument.js";

/** Where a statement came from in `.arp` source (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A policy as the runtime takes it: a bare IAM document, or a named document with the `.arp`
 * location of each statement (by index into `Statement`), as the compiler produces.
 */
export type PolicyInput =
  | IamPolicyDocument
  | {
      readonly name: string;
      readonly document: IamPolicyDocument;
      readonly sources?: readonly (SourceLocation | undefined)[];
    };

/** A context value: one string, or several for a multi-valued key such as `aws:TagKeys`. */
export type ContextValue = string | readonly string[];

/** What a JSON-parsed context may carry besides strings: read as IAM reads it (`7200` is `"7200"`). */
export type ContextScalar = string | number | boolean;

/**
 * A context value as a request may give it: a string, finite number or boolean, an array of
 * them (multivalued), or `undefined` (the key is absent). See the request contract in README.
 */
export type ContextInput = ContextScalar | readonly ContextScalar[] | undefined;

export interface Request {
  /** The caller's ARN, e.g. `arn:aws:iam::123456789012:user/marymajor`. */
  readonly principal: string;
  /** `service:Action`, matched case-insensitively. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string;
  /** Condition keys (matched case-insensitively) to their values; only own keys are read. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/**
 * A request as the entry points take it: a `Request` whose context may also carry what JSON
 * parsing gives (numbers, booleans) and `undefined` for an absent key.
 */
export interface RequestInput extends Omit<Request, "context"> {
  readonly context?: Readonly<Record<string, ContextInput>> | undefined;
}

export type Decision = "Allow" | "ImplicitDeny" | "ExplicitDeny";

/** Identifies one statement of one policy. */
export interface StatementRef {
  /** The policy's name, or `policy[i]` for an unnamed document. */
  readonly policy: string;
  /** Index into the policy's statements. */
  readonly index: number;
  readonly sid?: string;
  readonly source?: SourceLocation;
}

/** Why one condition of a statement did not hold. */
export interface ConditionFailure {
  /** The operator as written, e.g. `ForAnyValue:StringLike`. */
  readonly operator: string;
  readonly key: string;
  /** Policy values after variable substitution. */
  readonly expected: readonly string[];
  /** The request's values for the key; absent when the key was missing. */
  readonly actual?: readonly string[];
  /** Policy variables in the values that had no value in the request (those values never match). */
  readonly unresolved?: readonly string[];
}

/** A statement that did not apply, and the first reason why. */
export interface StatementMiss extends StatementRef {
  readonly effect: "Allow" | "Deny";
  readonly reason:
    | { readonly kind: "action"; readonly element?: "Action" | "NotAction" }
    | { readonly kind: "resource"; readonly element?: "Resource" | "NotResource" }
    | { readonly kind: "condition"; readonly failure: ConditionFailure }
    | {
        readonly kind: "unresolvable";
        readonly detail: string;
        /** Set when the unresolvable variable was in a condition value. */
        readonly failure?: ConditionFailure;
      };
}

export interface EvaluationResult {
  readonly decision: Decision;
  /**
   * The statements that decided: every matching Deny for ExplicitDeny, every matching Allow
   * for Allow, none for ImplicitDeny.
   */
  readonly matched: readonly StatementRef[];
  /** Statements that did not apply, with why. */
  readonly notApplied: readonly StatementMiss[];
  /**
   * Allow statements that matched but were overridden by an explicit deny ("An explicit deny
   * in any policy overrides any allows"). Present only when non-empty.
   */
  readonly overridden?: readonly StatementRef[];
}

export type { IamPolicyDocument, IamStatement };
