/** A file with syntax errors is never formatted: the parser throws, with line and column. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArpSyntaxError, format } from "../../compiler/format/index.js";
import { layout, programTokens } from "./arbitrary.js";
import { syntaxErrors } from "./helpers.js";

async function rejection(text: string): Promise<ArpSyntaxError> {
  const error = await format(text, { filepath: "bad.arp" }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArpSyntaxError);
  return error as ArpSyntaxError;
}

describe("syntax errors", () => {
  it("reports the first error with its line and column, and carries every diagnostic", async () => {
    const error = await rejection("allow a:B on *\nallow a:C on * when\n");
    expect(error.loc.start).toEqual({ line: 2, column: 20 });
    expect(error.message).toMatch(/^ARP1002: .* \(2:20\)/);
    expect(error.diagnostics.map((d) => d.code)).toEqual(["ARP1002"]);
    expect(error.diagnostics[0]!.span.file).toBe("bad.arp");
  });

  it.each([
    ["an unterminated string", 'param x = "abc\n', "ARP1003"],
    ["an unterminated block comment", "allow a:B on * /* never closed\n", "ARP1004"],
    ["an unexpected character", "allow a:B on *;\n", "ARP1001"],
    ["an unknown escape", 'param x = "a\\qb"\n', "ARP1006"],
    ["a malformed interpolation", 'param x = "${}"\n', "ARP1007"],
    ["a missing brace", "policy P {\n  allow a:B on *\n", "ARP1002"],
  ])("rejects %s", async (_what, text, code) => {
    const error = await rejection(text);
    expect(error.diagnostics.map((d) => d.code)).toContain(code);
  });

  it("formats an empty file to nothing", async () => {
    expect(await format("")).toBe("");
    expect(await format("\n\n")).toBe("");
  });

  it("rejects every random program that an edit broke, and formats every one it did not", async () => {
    const edited = programTokens
      .filter((tokens) => tokens.length > 0)
      .chain((tokens) =>
        fc.tuple(fc.nat({ max: tokens.length - 1 }), fc.constantFrom("", "(", ",", "{", "}", "=", '"open', ";")).chain(([at, replacement]) =>
          layout([...tokens.slice(0, at), replacement, ...tokens.slice(at + 1)].filter((t) => t !== ""), true),
        ),
      );
    await fc.assert(
      fc.asyncProperty(edited, async (text) => {
        const broken = syntaxErrors(text).length > 0;
        const outcome = await format(text).then(
          () => "formatted",
          (e: unknown) => (e instanceof ArpSyntaxError ? "rejected" : e),
        );
        expect(outcome).toBe(broken ? "rejected" : "formatted");
      }),
      { numRuns: 300 },
    );
  });
});
