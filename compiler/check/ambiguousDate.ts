/**
 * All-digit date values. IAM takes "one of the W3C implementations of the ISO 8601 date
 * formats or ... epoch (UNIX) time" (condition operators page) without saying which reading
 * wins for a value that is both: `2027` is the W3C year 2027 and 2027 epoch seconds
 * (1970-01-01T00:33:47Z); `20270101` is ISO 8601's basic form of 2027-01-01 and a time in
 * 1970. arp's evaluator reads digits as epoch seconds. Up to 8 digits, every ISO 8601 reading
 * (century, year, ordinal or calendar date) competes with an epoch time before March 1973,
 * which no policy means; 9 digits and more have no ISO 8601 reading and are plainly epoch time.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";
import { report, type CheckContext } from "./context.js";

const AMBIGUOUS = /^\d{1,8}$/;

/** True for a date value that reads as an ISO 8601 date and as epoch seconds. */
export function isAmbiguousDate(text: string): boolean {
  return AMBIGUOUS.test(text);
}

function isoReading(text: string): string {
  if (text.length === 4) return `the year ${text}`;
  if (text.length === 8) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)} (ISO 8601's basic form)`;
  return "an ISO 8601 date";
}

/** Warns (ARP3009) when a date value is all digits and short enough to be an ISO 8601 date. */
export function warnAmbiguousDate(ctx: CheckContext, text: string, span: Span): void {
  if (!isAmbiguousDate(text)) return;
  const epoch = new Date(Number(text) * 1000).toISOString().replace(".000Z", "Z");
  report(ctx, "AmbiguousDate", span,
    `\`${text}\` may be read as ${isoReading(text)} or as ${text} seconds after the epoch (${epoch}); \`arp test\` reads epoch seconds`,
    { hint: `write the date with hyphens, such as \`${text.length === 4 ? `${text}-01-01T00:00:00Z` : "2027-01-01T00:00:00Z"}\`` });
}
