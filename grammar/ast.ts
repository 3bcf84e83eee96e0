/**
 * The arp abstract syntax tree. Nodes are readonly unions discriminated by `kind`; every node
 * carries a `span`, which equality (see `stripSpans`) ignores. The tree records what the user
 * wrote, with no catalog knowledge: the checker resolves names, the lowering resolves meaning.
 */
import type { Span } from "./diagnostics/diagnostic.js";

export type { Span };

interface NodeBase {
  readonly span: Span;
}

/** A name as written (policy, parameter, role, tag key in bare form). */
export interface Identifier extends NodeBase {
  readonly kind: "Identifier";
  readonly name: string;
}

// ---- text with interpolations ------------------------------------------------------------

/** Literal text inside a string or a path. */
export interface TextPart extends NodeBase {
  readonly kind: "Text";
  readonly text: string;
}

/**
 * `${name}` or `${name, "default"}` inside a string or a path. `name` is the raw text between
 * the braces: an arp variable path (`user`, `principal.tag.team`), a parameter (`account`),
 * an IAM key (`aws:username`), or an IAM escape (`*`, `?`, `$`).
 */
export interface Interpolation extends NodeBase {
  readonly kind: "Interpolation";
  readonly name: string;
  readonly defaultValue?: string;
}

export type TemplatePart = TextPart | Interpolation;

/** A double-quoted string; `parts` splits out its interpolations. */
export interface StringLiteral extends NodeBase {
  readonly kind: "String";
  readonly parts: readonly TemplatePart[];
}

/**
 * An unquoted pattern: an action (`apprunner:Describe*`), a resource (`service/*`, `*`,
 * `arn:aws:s3:::bucket/${user}/*`), or a condition key (`aws:SourceIp`). `text` is exactly as
 * written; `parts` splits out `${...}` interpolations. An action or resource may also be quoted
 * (`on "arn:...:b/${user}/*"`): then `text` is the source between the quotes, `parts` has its
 * escapes decoded, and `span` covers the quotes.
 */
export interface Pattern extends NodeBase {
  readonly kind: "Pattern";
  readonly text: string;
  readonly parts: readonly TemplatePart[];
}

// ---- values ------------------------------------------------------------------------------

export interface NumberLiteral extends NodeBase {
  readonly kind: "Number";
  /** The digits as written, so `1.50` stays `1.50` in the output. */
  readonly text: string;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: "Boolean";
  readonly value: boolean;
}

/**
 * `$user`, `$principal.tag.team`, `$account`, `$aws:SourceIp`, optionally with a default:
 * `$principal.tag.team ?? "none"`. `path` is the dotted name without `$`.
 */
export interface VariableRef extends NodeBase {
  readonly kind: "Variable";
  readonly path: string;
  readonly defaultValue?: StringLiteral;
}

export type ScalarValue = StringLiteral | NumberLiteral | BooleanLiteral | VariableRef;

/** `["a", "b"]`: several values, any of which may match (IAM's OR over values). */
export interface ListLiteral extends NodeBase {
  readonly kind: "List";
  readonly items: readonly ScalarValue[];
}

export type Value = ScalarValue | ListLiteral;

// ---- conditions --------------------------------------------------------------------------

/**
 * What a condition tests. `raw` is any catalog or global key written out (`aws:SourceIp`);
 * the tag forms are sugar: `tag K` → `aws:ResourceTag/K`, `request tag K` →
 * `aws:RequestTag/K`, `principal tag K` → `aws:PrincipalTag/K`, `tag keys` → `aws:TagKeys`.
 */
export interface KeyRef extends NodeBase {
  readonly kind: "Key";
  readonly form: "raw" | "resourceTag" | "requestTag" | "principalTag" | "tagKeys";
  /** The key as written for `raw`, the tag key for the tag forms, `""` for `tagKeys`. */
  readonly name: string;
}

export type CompareOperator =
  | "=" // StringEquals / NumericEquals / DateEquals / ArnEquals / Bool / IpAddress
  | "!="
  | "like" // StringLike / ArnLike
  | "not like"
  | "<"
  | "<="
  | ">"
  | ">="
  | "in" // value list membership; IpAddress for IP keys
  | "not in";

/**
 * `[any|all] key op value [ignoring case] [if exists]`.
 * `tag keys within [...]` parses as `all` + `in`; `tag keys include [...]` as `any` + `in`.
 */
export interface Comparison extends NodeBase {
  readonly kind: "Compare";
  readonly quantifier?: "any" | "all";
  readonly key: KeyRef;
  readonly operator: CompareOperator;
  readonly operatorSpan: Span;
  readonly value: Value;
  readonly ignoreCase: boolean;
  readonly ifExists: boolean;
  /** Where `if exists` is written, when it is. */
  readonly ifExistsSpan?: Span;
}

/** `key exists` / `key missing` (IAM's Null operator). */
export interface ExistsTest extends NodeBase {
  readonly kind: "Exists";
  readonly key: KeyRef;
  readonly missing: boolean;
}

/** A bare boolean key such as `aws:SecureTransport`: true when the key is `true`. */
export interface TruthyTest extends NodeBase {
  readonly kind: "Truthy";
  readonly key: KeyRef;
}

export interface NotExpr extends NodeBase {
  readonly kind: "Not";
  readonly operand: Condition;
}

export interface AndExpr extends NodeBase {
  readonly kind: "And";
  readonly operands: readonly Condition[];
}

export interface OrExpr extends NodeBase {
  readonly kind: "Or";
  readonly operands: readonly Condition[];
}

export type Condition = Comparison | ExistsTest | TruthyTest | NotExpr | AndExpr | OrExpr;

// ---- statements --------------------------------------------------------------------------

/** `a, b` or `* except a, b` (the latter compiles to NotAction). */
export interface ActionClause extends NodeBase {
  readonly kind: "Actions";
  readonly except: boolean;
  readonly items: readonly Pattern[];
}

/** `on a, b` or `not on a, b` (the latter compiles to NotResource). */
export interface ResourceClause extends NodeBase {
  readonly kind: "Resources";
  readonly negated: boolean;
  readonly items: readonly Pattern[];
}

/**
 * Who a trust (or a resource-based statement) lets in:
 * `service "build.apprunner.amazonaws.com"`, `account "111122223333"`,
 * `arn "arn:aws:iam::111122223333:role/Auditor"`, `federated "cognito-identity.amazonaws.com"`,
 * or `anyone` (`"*"`).
 */
export interface PrincipalRef extends NodeBase {
  readonly kind: "Principal";
  readonly principalKind: "service" | "account" | "arn" | "federated" | "anyone";
  /** Absent only for `anyone`. */
  readonly value?: StringLiteral;
}

/** `principal <refs>` inside a statement (valid only in trust policies). */
export interface PrincipalClause extends NodeBase {
  readonly kind: "Principals";
  readonly items: readonly PrincipalRef[];
}

/** `["Label":] allow|deny <actions> [on|not on <resources>] [principal ...] [when <cond>]` */
export interface Statement extends NodeBase {
  readonly kind: "Statement";
  readonly label?: StringLiteral;
  readonly effect: "allow" | "deny";
  readonly effectSpan: Span;
  readonly actions: ActionClause;
  /** Absent means the statement was written without `on`; the checker reports it. */
  readonly resources?: ResourceClause;
  readonly principals?: PrincipalClause;
  readonly condition?: Condition;
}

/** `use PolicyName` inside a policy: include that policy's statements. */
export interface UseStatement extends NodeBase {
  readonly kind: "Use";
  readonly name: Identifier;
}

export type PolicyItem = Statement | UseStatement;

/** `policy Name ["description"] { items }` */
export interface PolicyDecl extends NodeBase {
  readonly kind: "Policy";
  readonly name: Identifier;
  readonly description?: StringLiteral;
  readonly items: readonly PolicyItem[];
}

/** `param name [= "value"]`: a compile-time parameter, set with `--set name=value`. */
export interface ParamDecl extends NodeBase {
  readonly kind: "Param";
  readonly name: Identifier;
  readonly defaultValue?: StringLiteral;
}

/** `import "./other.arp"` or `import "stdlib"`: makes another file's policies usable by name. */
export interface ImportDecl extends NodeBase {
  readonly kind: "Import";
  readonly path: StringLiteral;
}

// ---- roles -------------------------------------------------------------------------------

/**
 * `[deny] trust <principal refs> [to <actions>] [when <cond>]`: statements of the role's trust
 * policy, allowing the principals to assume the role or, after `deny`, denying them.
 */
export interface TrustDecl extends NodeBase {
  readonly kind: "Trust";
  /** `deny` when written `deny trust`: an explicit deny, which overrides every allow. */
  readonly effect: "allow" | "deny";
  readonly principals: readonly PrincipalRef[];
  /** Defaults to `sts:AssumeRole`; `trust ... to sts:AssumeRoleWithWebIdentity` overrides. */
  readonly actions?: readonly Pattern[];
  readonly condition?: Condition;
}

/** `attach Name` (a policy defined in arp) or `attach "arn:aws:iam::aws:policy/..."`. */
export interface AttachDecl extends NodeBase {
  readonly kind: "Attach";
  readonly target: Identifier | StringLiteral;
}

export type RoleItem = TrustDecl | AttachDecl | PolicyDecl;

/** `role Name ["description"] { trust ...; attach ...; policy Inline { ... } }` */
export interface RoleDecl extends NodeBase {
  readonly kind: "Role";
  readonly name: Identifier;
  readonly description?: StringLiteral;
  readonly items: readonly RoleItem[];
}

// ---- users and groups ----------------------------------------------------------------------

/** `group devs, ops` inside a `user`: the IAM groups the user belongs to. */
export interface MemberOfDecl extends NodeBase {
  readonly kind: "MemberOf";
  readonly groups: readonly Identifier[];
}

export type UserItem = MemberOfDecl | AttachDecl | PolicyDecl;

/**
 * `user Name ["description"] { group ...; attach ...; policy Inline { ... } }`: an IAM user,
 * whose identity policies are its own (inline and attached) and its groups'.
 */
export interface UserDecl extends NodeBase {
  readonly kind: "User";
  readonly name: Identifier;
  readonly description?: StringLiteral;
  readonly items: readonly UserItem[];
}

export type GroupItem = AttachDecl | PolicyDecl;

/** `group Name ["description"] { attach ...; policy Inline { ... } }`: an IAM group. */
export interface GroupDecl extends NodeBase {
  readonly kind: "Group";
  readonly name: Identifier;
  readonly description?: StringLiteral;
  readonly items: readonly GroupItem[];
}

// ---- tests -------------------------------------------------------------------------------

/** One entry of a test request's context. */
export interface ContextEntry extends NodeBase {
  readonly kind: "ContextEntry";
  readonly key: KeyRef;
  readonly value: Value;
}

/**
 * `expect allow|deny|implicit deny <action> on <resource> [as <principal>] [with <entries>]`.
 * `as user alice` → `arn:aws:iam::<account>:user/alice` and `aws:username = alice`;
 * `as role R`, or `as "arn:..."`.
 */
export interface Expectation extends NodeBase {
  readonly kind: "Expect";
  readonly decision: "allow" | "deny" | "implicit deny" | "explicit deny";
  readonly action: Pattern;
  readonly resource: Pattern;
  readonly principal?: { readonly form: "user" | "role" | "arn"; readonly value: Identifier | StringLiteral; readonly span: Span };
  readonly context: readonly ContextEntry[];
}

/** `test "name" [for PolicyName, ...] { expect ... }` */
export interface TestDecl extends NodeBase {
  readonly kind: "Test";
  readonly name: StringLiteral;
  /** Policies the test evaluates; absent means every policy of the file. */
  readonly policies?: readonly Identifier[];
  readonly expectations: readonly Expectation[];
}

// ---- files -------------------------------------------------------------------------------

export type TopLevelItem = ParamDecl | ImportDecl | PolicyDecl | RoleDecl | UserDecl | GroupDecl | TestDecl | Statement | UseStatement;

/** Comments are kept (for the formatter) but carry no meaning. */
export interface Comment extends NodeBase {
  readonly kind: "Comment";
  /** The comment exactly as written, delimiters included: `// note` or `/* note *\/`. */
  readonly text: string;
  readonly block: boolean;
}

export interface SourceFile extends NodeBase {
  readonly kind: "File";
  readonly items: readonly TopLevelItem[];
  readonly comments: readonly Comment[];
}

export type AnyNode =
  | Identifier
  | TextPart
  | Interpolation
  | StringLiteral
  | Pattern
  | NumberLiteral
  | BooleanLiteral
  | VariableRef
  | ListLiteral
  | KeyRef
  | Condition
  | ActionClause
  | ResourceClause
  | PrincipalRef
  | PrincipalClause
  | Statement
  | UseStatement
  | PolicyDecl
  | ParamDecl
  | ImportDecl
  | TrustDecl
  | AttachDecl
  | RoleDecl
  | MemberOfDecl
  | UserDecl
  | GroupDecl
  | ContextEntry
  | Expectation
  | TestDecl
  | Comment
  | SourceFile;

/** Deep copy without `span`/`*Span` fields: what AST equality compares. */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "span" || k.endsWith("Span")) continue;
    out[k] = stripSpans(v);
  }
  return out;
}

export function assertNever(x: never, what = "node"): never {
  throw new Error(`internal error: unexpected ${what}: ${JSON.stringify(x)}`);
}
