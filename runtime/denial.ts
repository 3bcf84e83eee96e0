/**
 * The access-denied message AWS prints, e.g. (AWS App Runner developer guide, "Troubleshooting
 * App Runner identity and access"):
 *
 *   User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform:
 *   apprunner:DescribeService on resource: my-example-service
 *
 * Newer messages append `because no identity-based policy allows the X action` or
 * `with an explicit deny in an identity-based policy: ARN`; the CLI prefixes
 * `An error occurred (AccessDeniedException) when calling the X operation: `; S3 quotes the
 * resource; some actions print no `on resource:` part.
 */
import type { Decision, Request } from "./types.js";

/** What a denial message says. */
export interface Denial {
  readonly principal: string;
  readonly action: string;
  /** `*` when the message names no resource. */
  readonly resource: string;
  /** Which suffix the message carried, if any. */
  readonly deny?: "implicit" | "explicit";
}

/**
 * Renders the denial message for a request. Without `decision` it is exactly the App Runner
 * guide's form; with an `ImplicitDeny` or `ExplicitDeny` decision it carries AWS's suffix.
 */
export function formatDenial(
  request: Pick<Request, "principal" | "action" | "resource">,
  decision?: Decision,
): string {
  const base = `User: ${request.principal} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  if (decision === "ImplicitDeny")
    return `${base} because no identity-based policy allows the ${request.action} action`;
  if (decision === "ExplicitDeny") return `${base} with an explicit deny in an identity-based policy`;
  return base;
}

const DENIAL =
  /User: (\S+) is not authorized to perform: (\S+?)(?: on resource: (.+?))?( because no .*| with an explicit deny.*)?\.?\s*$/;

/** Reads a denial message back; undefined when the text is not one. */
export function parseDenial(message: string): Denial | undefined {
  const line = message.split(/\r?\n/).find((l) => l.includes(" is not authorized to perform: "));
  const match = line === undefined ? null : DENIAL.exec(line);
  if (match === null) return undefined;
  const [, principal, action, resource, suffix] = match;
  const denial = { principal: principal!, action: action!, resource: unquote(resource ?? "*") };
  if (suffix === undefined) return denial;
  return { ...denial, deny: suffix.startsWith(" because") ? "implicit" : "explicit" };
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}
