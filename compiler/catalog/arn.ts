/**
 * ARN patterns against the reference's ARN templates: splitting into the six ARN parts and
 * deciding whether a pattern can denote a resource type.
 */
import { patternTokens, patternsIntersect, templateTokens, variableScanner, type Token } from "./wildcard.js";

/** The six parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon; it may itself contain colons. */
  readonly resource: string;
}

/**
 * The offsets of the first five colons outside `${...}` (so `${aws:username}` stays whole),
 * fewer when the text has fewer.
 */
export function arnColons(text: string): number[] {
  const colons: number[] = [];
  const variableAt = variableScanner(text);
  for (let i = 0; i < text.length && colons.length < 5; i++) {
    const variable = text.charAt(i) === "$" ? variableAt(i) : undefined;
    if (variable !== undefined) i += variable.length - 1;
    else if (text.charAt(i) === ":") colons.push(i);
  }
  return colons;
}

/**
 * Splits at the first five colons outside `${...}`. Undefined when the text does not start
 * with `arn:` or has fewer than six parts.
 */
export function splitArn(text: string): ArnParts | undefined {
  const colons = arnColons(text);
  if (colons.length < 5 || !text.startsWith("arn:")) return undefined;
  const part = (i: number): string => text.slice(i === 0 ? 0 : colons[i - 1]! + 1, colons[i]);
  return { partition: part(1), service: part(2), region: part(3), account: part(4), resource: text.slice(colons[4]! + 1) };
}

/** A template split into parts and tokenised once. */
interface CompiledTemplate {
  readonly partition: readonly Token[];
  readonly service: readonly Token[];
  readonly region: readonly Token[];
  readonly account: readonly Token[];
  readonly resource: readonly Token[];
}

const compiled = new Map<string, readonly CompiledTemplate[]>();

/**
 * The template's alternatives, compiled. Some reference entries list several templates
 * separated by `, ` (API Gateway's v1 and v2 paths); each is one alternative.
 */
function compileTemplate(template: string): readonly CompiledTemplate[] {
  let result = compiled.get(template);
  if (result === undefined) {
    result = template.split(/,\s*(?=arn:)/).flatMap((alternative) => {
      const parts = splitArn(alternative.trim());
      return parts === undefined ? [] : [tokenise(parts, templateTokens, bareResourceEnd(parts.resource))];
    });
    compiled.set(template, result);
  }
  return result;
}

/**
 * A resource part that is one bare variable (`${BucketName}`, `${QueueName}`) names a flat
 * resource, so it cannot contain `/`: `arn:aws:s3:::bucket/key` is an object, not a bucket.
 * Elsewhere a final variable may hold a path (`log-group:${LogGroupName}`, S3 object keys).
 */
function bareResourceEnd(resource: string): string {
  return /^\$\{[^}]*\}$/.test(resource) ? "/" : "";
}

function tokenise(parts: ArnParts, tokens: (text: string, atEnd?: string) => Token[], resourceEnd = ""): CompiledTemplate {
  return {
    partition: tokens(parts.partition),
    service: tokens(parts.service),
    region: tokens(parts.region),
    account: tokens(parts.account),
    resource: tokens(parts.resource, resourceEnd),
  };
}

/** Parses a policy's ARN pattern once, for matching against many templates. */
export type CompiledPattern = CompiledTemplate;

/** Undefined when `arnPattern` is not a six-part ARN. */
export function compilePattern(arnPattern: string): CompiledPattern | undefined {
  const parts = splitArn(arnPattern);
  return parts === undefined ? undefined : tokenise(parts, patternTokens);
}

/** True when some concrete ARN matches both the pattern and one of the template's alternatives. */
export function patternMatchesTemplate(pattern: CompiledPattern, template: string): boolean {
  return compileTemplate(template).some(
    (t) =>
      patternsIntersect(pattern.partition, t.partition) &&
      patternsIntersect(pattern.service, t.service) &&
      patternsIntersect(pattern.region, t.region) &&
      patternsIntersect(pattern.account, t.account) &&
      patternsIntersect(pattern.resource, t.resource),
  );
}
