/**
 * CloudFormation's intrinsic functions inside a template resource's policies, resolved where
 * the template itself says the value:
 *
 * - `Fn::Join` and `Fn::Sub` of what resolves, `Fn::Sub`'s `${!Literal}` as `${Literal}`;
 * - the pseudo-parameters `AWS::AccountId`, `AWS::Region` and `AWS::Partition` (a `Ref` or a
 *   `${...}` of `Fn::Sub`) as arp's `account`, `region` and `partition` parameters, declared
 *   without a value, so `arp compile --set account=...` gives the stack's policy exactly. Until
 *   translation they stand as placeholders (`PLACEHOLDERS`) that the round trip compiles with;
 * - a template parameter with a `Default` as that default, and `AWS::URLSuffix` as
 *   `amazonaws.com`: approximations, reported (ARP6023), since a stack may be given others.
 *
 * Anything else (`Fn::GetAtt`, `Fn::If`, `Fn::ImportValue`, a `Ref` to a resource or to a
 * parameter without a default, ...) is known only when the stack is deployed: the resource is
 * refused there (ARP6022), and the template's other resources still import.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import type { ArpPart, ImportParams } from "./iamText.js";
import type { JsonNode, JsonObject, JsonString } from "./jsonSource.js";

type ParamName = keyof ImportParams;

/** Every placeholder, by the parameter it stands for. */
export const PLACEHOLDERS: Readonly<Record<ParamName, string>> = {
  account: "000000000000",
  region: "cfn-region-1",
  partition: "aws-cfn",
};

/** The pseudo-parameters arp has parameters for, and the placeholder each stands as. */
const PSEUDO: ReadonlyMap<string, { readonly param: ParamName; readonly placeholder: string }> = new Map([
  ["AWS::AccountId", { param: "account", placeholder: PLACEHOLDERS.account }],
  ["AWS::Region", { param: "region", placeholder: PLACEHOLDERS.region }],
  ["AWS::Partition", { param: "partition", placeholder: PLACEHOLDERS.partition }],
]);

/** The parameters of `params` whose value is a placeholder: declared without a value, set for the round trip. */
export function placeholderParams(params: ImportParams): Partial<Record<ParamName, string>> {
  const out: Partial<Record<ParamName, string>> = {};
  for (const name of Object.keys(PLACEHOLDERS) as ParamName[]) if (params[name] === PLACEHOLDERS[name]) out[name] = PLACEHOLDERS[name];
  return out;
}

/** What a template says about the values its resources may use. */
export interface TemplateValues {
  /** `Parameters`: each parameter's `Default`, when it has a string or number one. */
  readonly defaults: ReadonlyMap<string, string | undefined>;
  /** The logical IDs of its resources. */
  readonly resources: ReadonlySet<string>;
  /** Its `AWS::IAM::ManagedPolicy` resources by logical ID: their `ManagedPolicyName` and `Path`, when written as strings. */
  readonly managedPolicies: ReadonlyMap<string, { readonly name?: string; readonly path?: string }>;
}

/** Reads the `Parameters` and `Resources` of a template's root. */
export function templateValues(root: JsonNode | undefined): TemplateValues {
  const defaults = new Map<string, string | undefined>();
  const resources = new Set<string>();
  const managedPolicies = new Map<string, { name?: string; path?: string }>();
  if (root?.kind === "object") {
    const parameters = root.entries.find((e) => e.key === "Parameters")?.value;
    if (parameters?.kind === "object") {
      for (const p of parameters.entries) {
        const value = p.value.kind === "object" ? p.value.entries.find((e) => e.key === "Default")?.value : undefined;
        defaults.set(p.key, value?.kind === "string" ? value.value : value?.kind === "number" ? value.text : undefined);
      }
    }
    const all = root.entries.find((e) => e.key === "Resources")?.value;
    if (all?.kind === "object") {
      for (const r of all.entries) {
        resources.add(r.key);
        const field = (node: JsonNode | undefined, key: string): JsonNode | undefined => (node?.kind === "object" ? node.entries.find((e) => e.key === key)?.value : undefined);
        const type = field(r.value, "Type");
        if (type?.kind !== "string" || type.value !== "AWS::IAM::ManagedPolicy") continue;
        const name = field(field(r.value, "Properties"), "ManagedPolicyName");
        const path = field(field(r.value, "Properties"), "Path");
        managedPolicies.set(r.key, { ...(name?.kind === "string" ? { name: name.value } : {}), ...(path?.kind === "string" ? { path: path.value } : {}) });
      }
    }
  }
  return { defaults, resources, managedPolicies };
}

/** The outcome: the node with intrinsics resolved, and the parameters they brought in. */
export interface Resolved {
  readonly node: JsonNode;
  readonly params: ImportParams;
}

/** Resolves the intrinsics of `node`; undefined after reporting one that cannot be (ARP6022). */
export function resolveIntrinsics(node: JsonNode, values: TemplateValues, source: string, diagnostics: Diagnostic[]): Resolved | undefined {
  const params: Record<string, string> = {};
  const r = new Resolver(values, diagnostics, params);
  const out = r.node(node);
  if (out === undefined) return undefined;
  // A placeholder the template writes itself could not be told from a pseudo-parameter.
  for (const [name, placeholder] of Object.entries(params)) {
    if (source.includes(placeholder)) {
      diagnostics.push(diagnostic("UnresolvedIntrinsic", node.span,
        `the template writes \`${placeholder}\`, the value arp stands the \`${name}\` pseudo-parameter for while importing, so the two cannot be told apart`));
      return undefined;
    }
  }
  return { node: out, params };
}

class Resolver {
  constructor(
    private readonly values: TemplateValues,
    private readonly diagnostics: Diagnostic[],
    private readonly params: Record<string, string>,
  ) {}

  node(n: JsonNode): JsonNode | undefined {
    if (n.kind === "array") {
      const items: JsonNode[] = [];
      for (const item of n.items) {
        const r = this.node(item);
        if (r === undefined) return undefined;
        items.push(r);
      }
      return { ...n, items };
    }
    if (n.kind !== "object") return n;
    const intrinsic = intrinsicOf(n);
    if (intrinsic !== undefined) {
      const text = this.text(n);
      return text === undefined ? undefined : str(text, n.span);
    }
    const entries = [];
    for (const e of n.entries) {
      const value = this.node(e.value);
      if (value === undefined) return undefined;
      entries.push({ ...e, value });
    }
    return { ...n, entries };
  }

  /** The string an intrinsic (or a plain string) gives; undefined after reporting. */
  private text(n: JsonNode): string | undefined {
    if (n.kind === "string") return n.value;
    if (n.kind === "number") return n.text;
    const intrinsic = n.kind === "object" ? intrinsicOf(n) : undefined;
    if (intrinsic === undefined) return this.refuse(n.span, "a string is needed here, and this is not one an intrinsic function gives");
    const { name, arg } = intrinsic;
    if (name === "Ref") return arg.kind === "string" ? this.ref(arg.value, n.span) : this.refuse(arg.span, "`Ref` names a parameter or a resource");
    if (name === "Fn::Join") return this.join(arg);
    if (name === "Fn::Sub") return this.sub(arg);
    return this.refuse(n.span, `\`${name}\` gives a value known only when the stack is deployed`);
  }

  private ref(name: string, span: Span): string | undefined {
    const pseudo = PSEUDO.get(name);
    if (pseudo !== undefined) {
      this.params[pseudo.param] = pseudo.placeholder;
      return pseudo.placeholder;
    }
    if (name === "AWS::URLSuffix") {
      this.approximated(span, "`AWS::URLSuffix` is imported as `amazonaws.com`, its value outside the China and GovCloud regions");
      return "amazonaws.com";
    }
    if (this.values.defaults.has(name)) {
      const value = this.values.defaults.get(name);
      if (value === undefined) return this.refuse(span, `the template parameter \`${name}\` has no \`Default\`: its value is known only when the stack is deployed`);
      this.approximated(span, `the template parameter \`${name}\` is imported as its \`Default\`, \`${value}\`; a stack given another value has another policy`);
      return value;
    }
    const policy = this.values.managedPolicies.get(name);
    if (policy !== undefined) return this.managedPolicyArn(name, policy, span);
    if (this.values.resources.has(name)) return this.refuse(span, `\`Ref\` to the resource \`${name}\` gives a name or ID known only when the stack is deployed`);
    return this.refuse(span, `\`${name}\` is no parameter, pseudo-parameter or resource of the template`);
  }

  /**
   * `Ref` to a managed policy of the template is its ARN: `arn:PARTITION:iam::ACCOUNT:policy`,
   * its `Path` (`/` by default) and its name. Without a `ManagedPolicyName` CloudFormation makes
   * one up when it deploys the stack: the logical ID stands for it, with a warning.
   */
  private managedPolicyArn(logicalId: string, policy: { readonly name?: string; readonly path?: string }, span: Span): string {
    this.params.partition = PLACEHOLDERS.partition;
    this.params.account = PLACEHOLDERS.account;
    if (policy.name === undefined) {
      this.approximated(span, `the managed policy \`${logicalId}\` has no \`ManagedPolicyName\`, so CloudFormation names it when it deploys the stack: imported as \`policy${policy.path ?? "/"}${logicalId}\``);
    }
    return `arn:${PLACEHOLDERS.partition}:iam::${PLACEHOLDERS.account}:policy${policy.path ?? "/"}${policy.name ?? logicalId}`;
  }

  private join(arg: JsonNode): string | undefined {
    const [delimiter, list] = arg.kind === "array" ? arg.items : [];
    if (arg.kind !== "array" || arg.items.length !== 2 || delimiter?.kind !== "string" || list?.kind !== "array") {
      return this.refuse(arg.span, "`Fn::Join` takes `[delimiter, [values...]]`");
    }
    const parts: string[] = [];
    for (const item of list.items) {
      const t = this.text(item);
      if (t === undefined) return undefined;
      parts.push(t);
    }
    return parts.join(delimiter.value);
  }

  private sub(arg: JsonNode): string | undefined {
    const [template, vars] = arg.kind === "array" ? arg.items : [arg];
    if (template?.kind !== "string" || (vars !== undefined && vars.kind !== "object") || (arg.kind === "array" && arg.items.length !== 2)) {
      return this.refuse(arg.span, "`Fn::Sub` takes a string, or `[string, { name: value }]`");
    }
    const local = new Map<string, string>();
    for (const e of vars?.kind === "object" ? vars.entries : []) {
      const t = this.text(e.value);
      if (t === undefined) return undefined;
      local.set(e.key, t);
    }
    let out = "";
    let failed = false;
    const text = template.value;
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf("${", i);
      const close = open < 0 ? -1 : text.indexOf("}", open);
      if (open < 0 || close < 0) {
        out += text.slice(i);
        break;
      }
      out += text.slice(i, open);
      const name = text.slice(open + 2, close);
      i = close + 1;
      // `${!Literal}` is written as `${Literal}`, unsubstituted.
      if (name.startsWith("!")) {
        out += `\${${name.slice(1)}}`;
        continue;
      }
      const value = local.get(name) ?? (name.includes(".") ? this.refuse(template.span, `\`\${${name}}\` is an attribute of a resource, known only when the stack is deployed`) : this.ref(name, template.span));
      if (value === undefined) {
        failed = true;
        break;
      }
      out += value;
    }
    return failed ? undefined : out;
  }

  private refuse(span: Span, why: string): undefined {
    this.diagnostics.push(diagnostic("UnresolvedIntrinsic", span, `${why}, so this resource is not imported`, {
      hint: "write the value into the template, or import the policy as deployed (`aws iam get-policy-version`, `get-role-policy`)",
    }));
    return undefined;
  }

  private approximated(span: Span, message: string): void {
    this.diagnostics.push(diagnostic("ApproximatedIntrinsic", span, message, { hint: "check the imported value, or set it in the `.arp` by hand" }));
  }
}

/** `{ "Ref": ... }` or `{ "Fn::Name": ... }`: an object of one such key. */
function intrinsicOf(n: JsonObject): { name: string; arg: JsonNode } | undefined {
  const [only] = n.entries;
  if (n.entries.length !== 1 || only === undefined) return undefined;
  return only.key === "Ref" || only.key.startsWith("Fn::") ? { name: only.key, arg: only.value } : undefined;
}

function str(value: string, span: Span): JsonString {
  return { kind: "string", value, span };
}

/**
 * `parts` with each placeholder of `params` inside text written as its parameter, so the
 * `.arp` says `${account}` where the template says `${AWS::AccountId}`.
 */
export function withPlaceholderParams(parts: ArpPart[], params: ImportParams): ArpPart[] {
  const used = Object.entries(placeholderParams(params));
  if (used.length === 0) return parts;
  const out: ArpPart[] = [];
  for (const part of parts) {
    if (part.kind !== "text") {
      out.push(part);
      continue;
    }
    let rest = part.text;
    for (;;) {
      const next = used.map(([name, value]) => ({ name, at: rest.indexOf(value), value })).filter((u) => u.at >= 0).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      if (next.at > 0) out.push({ kind: "text", text: rest.slice(0, next.at) });
      out.push({ kind: "var", name: next.name });
      rest = rest.slice(next.at + next.value.length);
    }
    if (rest !== "") out.push({ kind: "text", text: rest });
  }
  return out;
}

/** Properties whose values are policies (or attach them): intrinsics there are resolved or refuse the resource. */
const POLICY_PROPERTIES = new Set(["PolicyDocument", "AssumeRolePolicyDocument", "Policies", "ManagedPolicyArns", "Description"]);
/** Properties that name the policy or role: one that does not resolve leaves the logical ID to name it. */
const NAME_PROPERTIES = new Set(["RoleName", "ManagedPolicyName", "PolicyName"]);

/**
 * A template resource (`{ "Type", "Properties" }`) or a role bundle with the intrinsics of its
 * policies and names resolved; properties arp does not keep (`Roles`, `Tags`,
 * `PermissionsBoundary`, ...) are left as written. Undefined after reporting what cannot be.
 */
export function resolveResource(root: JsonNode, values: TemplateValues, source: string, diagnostics: Diagnostic[]): Resolved | undefined {
  if (root.kind !== "object") return { node: root, params: {} };
  const properties = root.entries.find((e) => e.key === "Properties")?.value;
  const target = properties?.kind === "object" ? properties : root;
  const params: Record<string, string> = {};
  const entries = [];
  for (const e of target.entries) {
    if (!POLICY_PROPERTIES.has(e.key) && !NAME_PROPERTIES.has(e.key)) {
      entries.push(e);
      continue;
    }
    const found: Diagnostic[] = [];
    const r = resolveIntrinsics(e.value, values, source, found);
    const placeholder = r !== undefined && r.node.kind === "string" && Object.values(PLACEHOLDERS).some((p) => (r.node as JsonString).value.includes(p));
    if (NAME_PROPERTIES.has(e.key) && (r === undefined || placeholder)) {
      diagnostics.push(diagnostic("ApproximatedIntrinsic", e.value.span, `\`${e.key}\` is known only when the stack is deployed: the import is named from the resource's logical ID`, {
        hint: "pass `--name` to name it otherwise",
      }));
      continue;
    }
    diagnostics.push(...found);
    if (r === undefined) return undefined;
    Object.assign(params, r.params);
    entries.push({ ...e, value: r.node });
  }
  const resolved: JsonObject = { ...target, entries };
  const node = target === root ? resolved : { ...root, entries: root.entries.map((e) => (e.key === "Properties" ? { ...e, value: resolved } : e)) };
  return { node, params };
}
