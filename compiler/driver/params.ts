/**
 * Stage 3, params: compile-time parameters. `partition`, `region` and `account` are built in (defaults `aws`,
 * `*`, `*`); files declare their own with `param NAME [= "default"]`; `--set NAME=VALUE`
 * (or `params` in the API) overrides both.
 */
import type { ParamDecl, SourceFile } from "../../grammar/ast.js";
import type { ParamValue } from "../check/context.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import { literalText } from "../check/resolveTemplate.js";
import type { Catalog } from "../catalog/index.js";
import type { CheckContext } from "../check/context.js";
import { isStdlibFile } from "../stdlib.js";
import { allFiles, userFiles, type LoadedFiles } from "./program.js";

/** The built-in parameters and their defaults. A `Map`: a name such as `toString` finds nothing here. */
export const BUILTIN_PARAMS: ReadonlyMap<string, string> = new Map([
  ["partition", "aws"],
  ["region", "*"],
  ["account", "*"],
]);

/**
 * The value set for `name`, reading only the settings' own properties: `--set` and the API's
 * `params` are plain objects, where `settings["constructor"]` would otherwise find
 * `Object.prototype.constructor` and compile its source text into a policy.
 */
export function settingFor(settings: Readonly<Record<string, string>>, name: string): string | undefined {
  if (!Object.hasOwn(settings, name)) return undefined;
  const value: unknown = settings[name];
  return typeof value === "string" ? value : undefined;
}

/** Where settings that came from the command line or the API are reported. */
export const SETTINGS_SPAN: Span = { file: "<settings>", start: 0, end: 0 };

function declarations(file: SourceFile): ParamDecl[] {
  return file.items.filter((i): i is ParamDecl => i.kind === "Param");
}

const IAM_ESCAPES = new Set(["*", "?", "$"]);

/**
 * A default is plain text: its escaped `\${` stays literal, and IAM's escapes `${*}`, `${?}`,
 * `${$}` are kept. Any other interpolation is reported: a parameter is a compile-time
 * constant, and a policy variable pasted into it would reach IAM unchecked (`${user}` is not
 * IAM's `${aws:username}`).
 */
function defaultText(decl: ParamDecl, diagnostics: Diagnostic[]): string | undefined {
  const parts = decl.defaultValue?.parts;
  if (parts === undefined) return undefined;
  let text = "";
  for (const p of parts) {
    if (p.kind === "Text") text += literalText(p.text);
    else if (IAM_ESCAPES.has(p.name)) text += `\${${p.name}}`;
    else {
      diagnostics.push(diagnostic("InvalidValue", p.span, `the default of parameter \`${decl.name.name}\` must be plain text, not \`\${${p.name}}\``, {
        hint: `write \`\${${p.name}}\` where the parameter is used, beside \`\${${decl.name.name}}\``,
      }));
      return undefined;
    }
  }
  return text;
}

/** The parameters visible in one file: built-ins, then its declarations, then the settings. */
export function fileParams(
  file: SourceFile,
  settings: Readonly<Record<string, string>>,
  diagnostics: Diagnostic[],
): Map<string, ParamValue> {
  const params = new Map<string, ParamValue>();
  for (const [name, value] of BUILTIN_PARAMS) params.set(name, { name, value: validSetting(settings, name) ?? value });
  const declared = new Map<string, ParamDecl>();
  for (const decl of declarations(file)) {
    const name = decl.name.name;
    const prior = declared.get(name);
    if (prior !== undefined) {
      diagnostics.push(diagnostic("DuplicateParameter", decl.name.span, `parameter \`${name}\` is declared twice`, {
        related: [{ message: "first declared here", span: prior.name.span }],
      }));
      continue;
    }
    declared.set(name, decl);
    const set = validSetting(settings, name);
    const fromFile = set === undefined ? defaultText(decl, diagnostics) : undefined;
    const value = set ?? fromFile ?? (decl.defaultValue === undefined ? BUILTIN_PARAMS.get(name) : undefined);
    if (value === undefined) {
      if (decl.defaultValue === undefined) {
        diagnostics.push(diagnostic("ParameterWithoutValue", decl.span, `parameter \`${name}\` has no value`, {
          hint: `give it a default (\`param ${name} = "..."\`) or set it: \`--set ${name}=VALUE\``,
        }));
      }
      params.set(name, { name, value: "", span: decl.span, unset: true });
      continue;
    }
    const problem = set === undefined ? builtinParamProblem(name, value) : undefined;
    if (problem !== undefined) diagnostics.push(diagnostic("InvalidValue", decl.defaultValue?.span ?? decl.span, problem, { hint: "it is written into ARNs, between their colons" }));
    // `partition`'s built-in `aws` is a real value; `*` stands in for one.
    const placeholder = set === undefined && decl.defaultValue === undefined && value === "*";
    params.set(name, { name, value, span: decl.span, ...(placeholder ? { placeholder } : {}) });
  }
  return params;
}

/**
 * The value set for `name` when it has the shape its ARN field needs. A malformed one is
 * reported once, by `checkSettings`; the file's own value stands in for it, so that one bad
 * `--set account=` is one error rather than one per resource written with it.
 */
function validSetting(settings: Readonly<Record<string, string>>, name: string): string | undefined {
  const set = settingFor(settings, name);
  return set === undefined || builtinParamProblem(name, set) !== undefined ? undefined : set;
}

/** Settings must name a built-in parameter or one that some file declares. */
export function checkSettings(
  files: readonly SourceFile[],
  settings: Readonly<Record<string, string>>,
  diagnostics: Diagnostic[],
): void {
  const known = new Set(BUILTIN_PARAMS.keys());
  for (const f of files) for (const d of declarations(f)) known.add(d.name.name);
  for (const name of Object.keys(settings).sort()) {
    checkSettingValue(name, settingFor(settings, name) ?? "", diagnostics);
    if (!known.has(name)) {
      diagnostics.push(diagnostic("UndefinedParameter", SETTINGS_SPAN, `\`${name}\` is set but no file declares \`param ${name}\``, {
        hint: `built-in parameters are ${[...BUILTIN_PARAMS.keys()].map((n) => `\`${n}\``).join(", ")}`,
      }));
    }
  }
}

/**
 * The built-in parameters are pasted between the colons of ARNs, so a value with a colon (or
 * of the wrong shape) would move the fields after it: `--set region=us-east-1:999999999999`
 * would grant another account. Each must be what its ARN field holds (reference-arns.md).
 */
const BUILTIN_SHAPES: ReadonlyMap<string, { readonly shape: RegExp; readonly says: string }> = new Map([
  ["partition", { shape: /^aws(-[a-z]+)*$/, says: "a partition such as `aws`, `aws-cn` or `aws-us-gov`" }],
  ["region", { shape: /^(\*|[a-z0-9*?]+(-[a-z0-9*?]+)*)$/, says: "a region such as `eu-west-1`, or `*`" }],
  ["account", { shape: /^(\*|\d{12})$/, says: "a 12-digit account ID, or `*`" }],
]);

/** What is wrong with a built-in parameter's value, if anything. */
export function builtinParamProblem(name: string, value: string): string | undefined {
  const rule = BUILTIN_SHAPES.get(name);
  if (rule === undefined || rule.shape.test(value)) return undefined;
  return `\`${name}\` must be ${rule.says}, not \`${value}\``;
}

/**
 * A setting is plain text too. Rather than guess whether `--set home=${aws:username}` means
 * the variable or the literal text, arp asks for the variable to be written in the policy.
 */
function checkSettingValue(name: string, value: string, diagnostics: Diagnostic[]): void {
  const problem = builtinParamProblem(name, value);
  if (problem !== undefined) {
    diagnostics.push(diagnostic("InvalidValue", SETTINGS_SPAN, problem, { hint: "it is written into ARNs, between their colons" }));
    return;
  }
  if (!value.includes("${")) return;
  diagnostics.push(diagnostic("InvalidValue", SETTINGS_SPAN, `the value set for \`${name}\` must be plain text, not \`${value}\``, {
    hint: "parameters are compile-time constants: write policy variables in the policy itself",
  }));
}

/**
 * The checker's context of every loaded file: its parameters, after the settings are checked
 * against what the user's files declare. The stdlib sees only the built-in defaults.
 */
export function resolveParams(
  catalog: Catalog,
  files: LoadedFiles,
  settings: Readonly<Record<string, string>>,
  diagnostics: Diagnostic[],
): Map<SourceFile, CheckContext> {
  checkSettings(userFiles(files), settings, diagnostics);
  const contexts = new Map<SourceFile, CheckContext>();
  for (const f of allFiles(files)) {
    contexts.set(f, { catalog, params: fileParams(f, isStdlibFile(f.span.file) ? {} : settings, diagnostics), diagnostics });
  }
  return contexts;
}
