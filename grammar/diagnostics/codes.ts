/**
 * The one table of every diagnostic arp reports. Codes are grouped by phase and never reused:
 *   ARP1xxx syntax · ARP2xxx names (catalog look-ups) · ARP3xxx types of operators and values ·
 *   ARP4xxx policy structure and IAM limits · ARP5xxx modules, roles and tests ·
 *   ARP6xxx importing IAM JSON · ARP8xxx `arp-ignore` suppressions · ARP9xxx command line and files.
 * Tests assert codes, never wording. Every code is documented in docs/diagnostics.md.
 */
import type { Diagnostic, RelatedInfo, Severity, Span } from "./diagnostic.js";

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  /** One-line summary used by docs/diagnostics.md and `arp explain`. */
  readonly summary: string;
}

function def(code: string, severity: Severity, summary: string): CodeInfo {
  return { code, severity, summary };
}

export const Codes = {
  // ---- ARP1xxx: syntax -------------------------------------------------------------------
  UnexpectedCharacter: def("ARP1001", "error", "a character that cannot start any token"),
  UnexpectedToken: def("ARP1002", "error", "a token the grammar does not allow here"),
  UnterminatedString: def("ARP1003", "error", "a string literal without its closing quote"),
  UnterminatedComment: def("ARP1004", "error", "a block comment without its closing `*/`"),
  MixedFileForm: def("ARP1005", "error", "a file holds both bare statements and `policy` blocks"),
  InvalidEscape: def("ARP1006", "error", "an unknown escape sequence in a string"),
  MalformedInterpolation: def("ARP1007", "error", "a `${...}` interpolation that is not closed or is empty"),

  // ---- ARP2xxx: names ------------------------------------------------------------------
  UnknownService: def("ARP2001", "error", "an action or ARN names a service the catalog does not know"),
  UnknownAction: def("ARP2002", "error", "an action the service does not define"),
  WildcardMatchesNothing: def("ARP2003", "error", "an action wildcard that matches no action"),
  UnknownResourceType: def("ARP2004", "error", "an App Runner resource shorthand with an unknown resource type"),
  MalformedArn: def("ARP2005", "error", "a resource that is neither `*`, a shorthand, nor a well-formed ARN"),
  UnknownConditionKey: def("ARP2006", "error", "a condition key the catalog does not know"),
  KeyNeverApplies: def("ARP2007", "warning", "a condition key that none of the statement's actions supports"),
  UndefinedVariable: def("ARP2008", "error", "a `$variable` that is neither a policy variable nor a parameter"),
  UndefinedParameter: def("ARP2009", "error", "a parameter that is used or set but never declared"),
  ParameterWithoutValue: def("ARP2010", "error", "a declared parameter with no default that was not set"),
  DeprecatedKeyAlias: def("ARP2011", "warning", "`apprunner:ResourceTag/...` is accepted and compiled to `aws:ResourceTag/...`"),
  ResourceTypeMismatch: def("ARP2012", "error", "an action paired only with resources it cannot act on: the statement grants nothing for it"),
  WildcardOnlyAction: def("ARP2013", "error", "a specific ARN given to an action that supports only `*`"),
  ServiceNotInArn: def("ARP2014", "warning", "a resource ARN of a service none of the statement's actions belongs to"),
  DuplicateParameter: def("ARP2015", "error", "a parameter declared twice"),
  VariableInArnPrefix: def("ARP2016", "error", "a policy variable before the fifth colon of a resource ARN, where IAM does not substitute it"),

  // ---- ARP3xxx: types ------------------------------------------------------------------
  OperatorTypeMismatch: def("ARP3001", "error", "an operator that does not fit the condition key's type"),
  InvalidValue: def("ARP3002", "error", "a value of the wrong type for the key (bad CIDR, date, number, boolean)"),
  MultiValuedKeyNeedsQuantifier: def("ARP3003", "error", "a multi-valued key tested without `any` or `all`"),
  QuantifierOnSingleValuedKey: def("ARP3004", "warning", "`any`/`all` on a key that carries one value"),
  NotExpressible: def("ARP3005", "error", "a condition IAM cannot express (explained in the message)"),
  TooManyStatements: def("ARP3006", "error", "`or`/`not` expand to more statements than arp allows"),
  WildcardInEquality: def("ARP3007", "warning", "a `*` or `?` in a value compared with `=`, where it is matched literally"),
  IfExistsAfterQuantifier: def("ARP3008", "warning", "`if exists` after `any` or `all`, where it changes nothing"),
  AmbiguousDate: def("ARP3009", "warning", "an all-digit date value, which IAM may read as a year or as epoch seconds"),
  EmptyValue: def("ARP3010", "warning", "a comparison with `\"\"`, which IAM reads as a null value"),

  // ---- ARP4xxx: policy structure and IAM limits -----------------------------------------
  DuplicateSid: def("ARP4001", "error", "two statements of one policy share a `Sid`"),
  InvalidSid: def("ARP4002", "error", "a statement label that IAM does not accept as a `Sid` (letters and digits only)"),
  PrincipalInIdentityPolicy: def("ARP4003", "error", "a `principal` in an identity policy; App Runner supports no resource-based policies"),
  PolicyTooLarge: def("ARP4004", "error", "a policy over IAM's size limit for its kind"),
  DuplicatePolicyName: def("ARP4005", "error", "two policies with the same name"),
  InvalidPolicyName: def("ARP4006", "error", "a policy name IAM does not accept"),
  EmptyPolicy: def("ARP4007", "error", "a policy without statements"),
  AllowAllActions: def("ARP4008", "warning", "an `allow` of every action on every resource"),
  MissingResource: def("ARP4009", "error", "a statement of an identity policy without `on <resources>`"),
  InvalidRoleName: def("ARP4010", "error", "a role name IAM does not accept (1-64 letters, digits and `+=,.@_-`)"),
  OutputNameCollision: def("ARP4011", "error", "two outputs, or an output and one of arp's own files, that would be written to the same file"),
  CharacterNotAllowed: def("ARP4012", "error", "a character IAM does not accept in a policy (only tab, line feed, carriage return and U+0020 to U+00FF)"),

  // ---- ARP5xxx: modules, roles and tests ------------------------------------------------
  UnknownImport: def("ARP5001", "error", "an imported file or policy that does not exist"),
  ImportCycle: def("ARP5002", "error", "files that import each other in a cycle"),
  UnknownPolicyName: def("ARP5003", "error", "`use` or `attach` of a policy that is not defined"),
  OpenTrust: def("ARP5004", "warning", "a trust that lets any principal of every account assume the role"),
  InvalidTrust: def("ARP5005", "error", "a trust principal that is not a service, account, ARN or federated provider"),
  TestFailed: def("ARP5006", "error", "a policy test whose expectation does not hold"),
  InvalidTestRequest: def("ARP5007", "error", "a test request that cannot be built (bad principal, action or resource)"),
  AmbiguousTestTarget: def("ARP5008", "error", "a test without `for` in a file that defines several roles and policies"),
  UnknownGroup: def("ARP5009", "error", "a user's `group` names a group that is not defined"),
  DenyNeverApplies: def("ARP5010", "error", "a `deny` whose condition can never hold: its actions never send a key it needs"),
  UsernameInRolePolicy: def("ARP5011", "warning", "`$user` (`aws:username`) in a role's policy: requests made with a role never carry it"),
  InvalidIdentityName: def("ARP5012", "error", "a user or group name IAM does not accept (users 1-64, groups 1-128 letters, digits and `+=,.@_-`)"),
  IdentityQuotaExceeded: def("ARP5013", "error", "a user or group over an IAM quota: more than 10 groups per user, or more managed policies than IAM attaches"),
  TestCallerOutsideSet: def("ARP5014", "warning", "a test of a role's or user's policies makes a request as another role or user, whose own policies would decide it"),

  // ---- ARP6xxx: importing IAM JSON ------------------------------------------------------
  InvalidJson: def("ARP6001", "error", "input that is not JSON"),
  NotAPolicy: def("ARP6002", "error", "JSON that is not an IAM policy document"),
  InvalidPolicyElement: def("ARP6003", "error", "a policy element of the wrong type or with an unknown name"),
  NotImportable: def("ARP6004", "error", "a policy element arp cannot express"),
  DroppedElement: def("ARP6005", "warning", "an element that changes no decision and that arp does not keep (`Id`, a trust statement's `Sid`)"),
  LiteralVariables: def("ARP6006", "warning", "`${...}` in a policy without Version 2012-10-17, which IAM reads as literal text"),
  RenamedSid: def("ARP6007", "warning", "a `Sid` IAM rejects (a character other than letters and digits, or a repeat), imported under a name of its own"),
  StringOperatorOnArnKey: def("ARP6008", "warning", "a String operator on an ARN key, imported as the ARN operator (and patterns) that decide alike"),
  NumericOperatorOnDateKey: def("ARP6020", "warning", "a Numeric operator on `aws:EpochTime`, imported as the Date operator that decides alike on epoch seconds"),
  BinaryOperatorOnStringKey: def("ARP6021", "warning", "`BinaryEquals` on a string key, imported as a string test of every base-64 spelling of the same bytes"),
  UnresolvedIntrinsic: def("ARP6022", "error", "a CloudFormation intrinsic function whose value is known only when the stack is deployed: that resource is not imported"),
  ApproximatedIntrinsic: def("ARP6023", "warning", "a CloudFormation intrinsic function imported as a value the stack may not have (a parameter's `Default`, `AWS::URLSuffix`)"),
  BoundaryNotImported: def("ARP6024", "warning", "a role's `PermissionsBoundary`, which limits what its policies grant, is not imported"),

  // ---- ARP7xxx: `arp lint` ------------------------------------------------------------
  PassRoleOnAnyRole: def("ARP7001", "warning", "security: `iam:PassRole` allowed on `*` or with NotResource, so any role may be passed"),
  PassRoleWithoutService: def("ARP7002", "warning", "security: `iam:PassRole` allowed without an `iam:PassedToService` condition"),
  AllowNotAction: def("ARP7003", "warning", "security: an allow with `except` actions (NotAction), which grants every other action, present and future"),
  AllowNotResource: def("ARP7004", "warning", "security: an allow with `except` resources (NotResource), which grants every other resource"),
  FullWildcardAction: def("ARP7005", "warning", "an allow of `*` or `service:*`: every action of a service, present and future"),
  UnguardedForAllValues: def("ARP7006", "warning", "security: `all` (ForAllValues) in an allow without a guard that the key is present; it holds when the key is missing"),
  RedundantStatement: def("ARP7007", "info", "suggestion: a statement another statement of the same principal already covers"),
  RedundantAction: def("ARP7008", "info", "suggestion: an action another action of the same statement already covers"),
  RedundantResource: def("ARP7009", "info", "suggestion: a resource another resource of the same statement already covers"),
  MissingPairedTagKeys: def("ARP7010", "info", "suggestion: `aws:RequestTag/K` tested without `aws:TagKeys`, so other tags may be added"),
  ServicePrincipalWithoutSource: def("ARP7011", "warning", "security: a service trusted without `aws:SourceAccount` or `aws:SourceArn` (the confused deputy problem)"),
  AppRunnerPassRoleMissing: def("ARP7012", "warning", "a principal that may create or update App Runner services but may pass no role to App Runner"),
  PassedToServiceNotAppRunner: def("ARP7013", "warning", "an `iam:PassedToService` value that names App Runner wrongly"),
  AppRunnerRoleMismatch: def("ARP7014", "warning", "an App Runner service role trusted by the wrong App Runner principal for what it grants"),
  StatementNeverApplies: def("ARP7015", "warning", "a statement whose conditions contradict each other, so it never applies"),
  AllowAlwaysDenied: def("ARP7050", "warning", "an allow that a deny of the same principal overrides wherever it applies, so it never grants"),
  RedundantCondition: def("ARP7051", "info", "suggestion: a test of a statement that another of its tests implies, so it changes no decision"),
  SamlTrustWithoutAudience: def("ARP7052", "warning", "security: a SAML provider trusted without a `SAML:aud` pin on the assertion's audience"),

  // ---- ARP8xxx: `arp-ignore` suppressions ---------------------------------------------
  SuppressedDiagnostic: def("ARP8001", "info", "a diagnostic an `// arp-ignore` comment suppressed, shown as a note so no suppression is silent"),
  MalformedSuppression: def("ARP8002", "error", "an `// arp-ignore` comment without a known code or a reason, or naming an error that cannot be suppressed"),
  UnusedSuppression: def("ARP8003", "warning", "an `// arp-ignore` comment code that suppresses nothing"),

  // ---- ARP9xxx: command line and files -------------------------------------------------
  FileNotFound: def("ARP9001", "error", "a path that does not exist or holds no `.arp` file"),
  FileUnreadable: def("ARP9002", "error", "a file that cannot be read"),
  OutputFailed: def("ARP9003", "error", "output that could not be written"),
  NotUtf8: def("ARP9004", "error", "a file that is not valid UTF-8"),
  InputTooLarge: def("ARP9005", "error", "an input over one of arp's documented size bounds"),
  InvalidOutput: def("ARP9006", "error", "a document arp built that IAM would reject: an internal error, reported at the statement it came from"),
} as const satisfies Record<string, CodeInfo>;

export type CodeName = keyof typeof Codes;

/** Builds a diagnostic from the table; severity comes from the table unless overridden. */
export function diagnostic(
  name: CodeName,
  span: Span,
  message: string,
  extra: { hint?: string; related?: RelatedInfo[]; severity?: Severity } = {},
): Diagnostic {
  const info = Codes[name];
  const d: Diagnostic = {
    code: info.code,
    severity: extra.severity ?? info.severity,
    message,
    span,
    ...(extra.hint !== undefined ? { hint: extra.hint } : {}),
    ...(extra.related !== undefined && extra.related.length > 0 ? { related: extra.related } : {}),
  };
  return d;
}
