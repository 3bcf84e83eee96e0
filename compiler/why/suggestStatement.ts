/**
 * The smallest `.arp` statement that would allow a denied request: its exact action on its
 * exact resource, written as an App Runner shorthand where the ARN allows it.
 */
import type { Request } from "../../runtime/types.js";

const APP_RUNNER_ARN = /^arn:([^:]+):apprunner:([^:]*):([^:]*):(.+)$/;

/** `arn:aws:apprunner:us-east-1:123:service/web/1` → `service/web/1` when the parameters agree. */
export function resourceAsArp(resource: string, params: Readonly<Record<string, string>>): string {
  const m = APP_RUNNER_ARN.exec(resource);
  if (m === null) return resource === "*" ? "*" : quoteIfNeeded(resource);
  const [, partition, region, account, rest] = m;
  // A parameter left at `*` expands to a wildcard, which covers any value in the ARN.
  const agrees = (name: string, value: string | undefined, fallback: string) => {
    // Own properties only: the names are fixed, but `params` comes from the command line.
    const param = (Object.hasOwn(params, name) ? params[name] : undefined) ?? fallback;
    return param === "*" || param === value;
  };
  if (agrees("partition", partition, "aws") && agrees("region", region, "*") && agrees("account", account, "*")) {
    return quoteIfNeeded(rest!);
  }
  return quoteIfNeeded(resource);
}

function quoteIfNeeded(text: string): string {
  return /^[A-Za-z0-9_\-.*?:/+@#]+$/.test(text) ? text : JSON.stringify(text);
}

export function suggestStatement(request: Request, params: Readonly<Record<string, string>>): string {
  return `allow ${request.action} on ${resourceAsArp(request.resource, params)}`;
}
