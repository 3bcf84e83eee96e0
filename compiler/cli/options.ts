/** Exit codes and options shared by the commands. */
import { Option } from "commander";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
/** A bug in arp (EX_SOFTWARE of sysexits.h); the fuzz tests assert it never happens. */
export const EXIT_INTERNAL = 70;

/** `--format text|json`, accepted by every command that reports diagnostics. */
export function formatOption(): Option {
  return new Option("--format <format>", "diagnostics as human-readable text or JSON").choices(["text", "json"]).default("text");
}
