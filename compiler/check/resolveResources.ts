/**
 * Resolves a statement's resources: `*`, App Runner shorthands (`service/*`) expanded with the
 * `partition`, `region` and `account` parameters, and full ARNs of any catalog service.
 */
import { distance } from "fastest-levenshtein";
import type { Pattern, ResourceClause } from "../../grammar/ast.js";
import { expandShorthand, shorthandWords, splitArn, type CatalogResourceType } from "../catalog/index.js";
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { checkArnVariables } from "./arnVariables.js";
import { checkPartsCharacters } from "./checkCharacters.js";
import { didYouMean, report, type CheckContext } from "./context.js";
import { resolveParts } from "./resolveTemplate.js";
import { suppressedSince } from "./resolveActions.js";

export interface ResolvedResource {
  readonly pattern: Pattern;
  /** The IAM text: `*` or an ARN pattern. */
  readonly arn: string;
  /** Resource types it can denote; undefined for `*`, which denotes all. */
  readonly types: readonly CatalogResourceType[] | undefined;
}

export interface ResolvedResources {
  readonly negated: boolean;
  readonly items: readonly ResolvedResource[];
  readonly complete: boolean;
}

export function resolveResources(ctx: CheckContext, clause: ResourceClause): ResolvedResources {
  const items: ResolvedResource[] = [];
  let complete = true;
  for (const pattern of clause.items) {
    const before = ctx.diagnostics.length;
    const r = resolveResource(ctx, pattern);
    if (r !== undefined) items.push(r);
    else {
      complete = false;
      // A suppressed error whose resource is not kept would drop it silently.
      if (suppressedSince(ctx, before)) {
        const codes = [...new Set(ctx.diagnostics.slice(before).map((d) => /^ARP\d{4}/.exec(d.message)?.[0] ?? d.code))].join(", ");
        report(ctx, "MalformedSuppression", pattern.span,
          `${codes} cannot be suppressed here: arp cannot build this resource as written, and IAM would reject it`, { hint: "fix the resource" });
      }
    }
  }
  return { negated: clause.negated, items, complete };
}

function param(ctx: CheckContext, name: string, fallback: string): string {
  return ctx.params.get(name)?.value ?? fallback;
}

function resolveResource(ctx: CheckContext, pattern: Pattern): ResolvedResource | undefined {
  const resolved = resolveParts(ctx, pattern.parts);
  if (resolved === undefined) return undefined;
  if (!checkPartsCharacters(ctx, pattern.parts, "the resource")) return undefined;
  const text = resolved.text;
  if (text === "*") return { pattern, arn: "*", types: undefined };
  if (text.startsWith("arn:")) return checkArnVariables(ctx, pattern) ? resolveArn(ctx, pattern, text) : undefined;
  const expanded = expandShorthand(text, {
    partition: param(ctx, "partition", "aws"),
    region: param(ctx, "region", "*"),
    account: param(ctx, "account", "*"),
  });
  if (expanded === undefined) {
    report(ctx, "MalformedArn", pattern.span, `\`${text}\` is not \`*\`, an App Runner shorthand or an ARN`, {
      hint: "write `service/NAME/ID`, `connection/NAME/ID`, ... or a full ARN starting with `arn:`",
    });
    return undefined;
  }
  if ("error" in expanded) {
    report(ctx, "UnknownResourceType", pattern.span, `App Runner has no resource type \`${expanded.typeName}\``, {
      hint: expanded.suggestion !== undefined
        ? `did you mean \`${expanded.suggestion}\`?`
        : `App Runner shorthands start with ${shorthandWords().map((w) => `\`${w}/\``).join(", ")}; other services need a full ARN`,
    });
    return undefined;
  }
  if (!shorthandCanMatch(ctx, expanded.arn, expanded.resourceType)) {
    const form = resourcePart(expanded.resourceType.arnTemplate);
    const before = ctx.diagnostics.length;
    report(ctx, "MalformedArn", pattern.span, `\`${text}\` can match no App Runner \`${expanded.resourceType.name}\`: their ARNs end in \`${form}\``, {
      hint: `write \`${text.replace(/\/?$/, "/*")}\` to match every ${expanded.resourceType.name} it names`,
    });
    // Suppressed by an `// arp-ignore` comment: IAM accepts it, so it is kept; it matches nothing.
    return suppressedSince(ctx, before) ? { pattern, arn: expanded.arn, types: undefined } : undefined;
  }
  return { pattern, arn: expanded.arn, types: [expanded.resourceType] };
}

/**
 * A shorthand with too few parts (`service/web` for `service/NAME/ID`) expands to an ARN no
 * resource has: IAM accepts it, and it matches nothing.
 */
function shorthandCanMatch(ctx: CheckContext, arn: string, type: CatalogResourceType): boolean {
  return ctx.catalog.resourceTypesForArn(arn, type.service).some((t) => t.name === type.name);
}

/**
 * Templates ordered by how close their first literal word (`service` in
 * `service/${ServiceName}/${ServiceId}`) is to the first word written.
 */
function closestFirst(resource: string, templates: readonly string[]): string[] {
  const firstWord = (text: string): string => text.split(/[/:]/).find((w) => w !== "" && !w.includes("${")) ?? "";
  const written = firstWord(resource).toLowerCase();
  const scored = templates.map((t) => ({ t, d: distance(written, firstWord(resourcePart(t)).toLowerCase()) }));
  return scored.sort((a, b) => a.d - b.d).map((s) => s.t);
}

/** `service/${ServiceName}/${ServiceId}` from a resource type's ARN template. */
function resourcePart(template: string): string {
  return template.split(":").slice(5).join(":");
}

function resolveArn(ctx: CheckContext, pattern: Pattern, arn: string): ResolvedResource | undefined {
  const parts = splitArn(arn);
  if (parts === undefined) {
    report(ctx, "MalformedArn", pattern.span, `\`${arn}\` is not a well-formed ARN`, {
      hint: "an ARN has six parts: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`",
    });
    return undefined;
  }
  const service = parts.service;
  if (/[*?]/.test(service)) {
    // "You can't use a wildcard in the service segment that identifies the AWS product."
    report(ctx, "MalformedArn", serviceSpan(pattern, service), `a resource ARN cannot have a wildcard in its service: \`${service}\``, {
      hint: "IAM does not allow it; name the service, e.g. `arn:aws:apprunner:*:*:service/*`, or write `*` for every resource",
    });
    return undefined;
  }
  if (!/[$]/.test(service) && !ctx.catalog.hasService(service)) {
    const before = ctx.diagnostics.length;
    report(ctx, "UnknownService", serviceSpan(pattern, service), `unknown service \`${service}\` in ARN`, {
      ...didYouMean(ctx.catalog.suggestService(service)),
    });
    // Suppressed by an `// arp-ignore` comment: kept as written, of no known type.
    return suppressedSince(ctx, before) ? { pattern, arn, types: undefined } : undefined;
  }
  if (service.includes("$")) return { pattern, arn, types: undefined };
  const types = ctx.catalog.resourceTypesForArn(arn);
  if (types.length === 0) {
    const known = closestFirst(parts.resource, ctx.catalog.resourceTypes(service).map((t) => t.arnTemplate)
      .filter((t) => t.split(":")[2] === service));
    const before = ctx.diagnostics.length;
    report(ctx, "MalformedArn", pattern.span, `\`${arn}\` matches no resource type of \`${service}\``, {
      ...(known.length > 0 ? { hint: `\`${service}\` ARNs look like ${known.slice(0, 3).map((k) => `\`${k}\``).join(", ")}` } : {}),
    });
    // Suppressed: a well-formed ARN IAM accepts (it matches nothing AWS names), kept as written.
    return suppressedSince(ctx, before) ? { pattern, arn, types: undefined } : undefined;
  }
  return { pattern, arn, types };
}

/**
 * The service segment's span when the ARN is written out as in the source (a bare word, or a
 * quoted string without interpolations or escapes before it); otherwise the whole resource.
 */
function serviceSpan(pattern: Pattern, service: string): Span {
  const quoted = pattern.span.end - pattern.span.start === pattern.text.length + 2 ? 1 : 0;
  const prefix = pattern.text.split(":").slice(0, 2).join(":") + ":";
  if (!pattern.text.startsWith(prefix + service) || /[$\\]/.test(prefix)) return pattern.span;
  const start = pattern.span.start + quoted + prefix.length;
  return { ...pattern.span, start, end: start + service.length };
}
