// The size bounds listed under "Limits" in docs/language.md: a file over 1 MiB and a string,
// name or pattern over 16,384 characters are ARP9005, reported before any work that grows
// with them. IAM User Guide, reference_policies_grammar.md: "Policies have a maximum size
// between 2048 characters and 10,240 characters, depending on what entity the policy is
// attached to" — so the per-string bound refuses nothing IAM would accept.
import { describe, expect, it } from "vitest";
import { check, importPolicy } from "../../compiler/index.js";
import { parse } from "../../grammar/index.js";
import { MAX_SOURCE_CHARS, MAX_TOKEN_CHARS } from "../../grammar/inputLimits.js";

const codes = (text: string) => check(text).diagnostics.map((d) => d.code);

describe("input size bounds", () => {
  it("states the bounds the documentation lists", () => {
    expect(MAX_SOURCE_CHARS).toBe(1_048_576);
    expect(MAX_TOKEN_CHARS).toBe(16_384);
  });

  it("refuses a file over the bound without lexing it, and reads one at the bound", () => {
    const statement = "allow apprunner:ListServices on *\n";
    const over = statement.repeat(Math.ceil((MAX_SOURCE_CHARS + 1) / statement.length));
    const result = parse(over, "big.arp");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP9005"]);
    expect(result.diagnostics[0]!.message).toContain(String(MAX_SOURCE_CHARS));
    expect(result.ast.items).toEqual([]);

    const comment = `// ${"x".repeat(MAX_SOURCE_CHARS - statement.length - 4)}\n`;
    const atBound = comment + statement;
    expect(atBound.length).toBe(MAX_SOURCE_CHARS);
    expect(parse(atBound, "edge.arp").diagnostics).toEqual([]);
  });

  it("refuses a string, name or pattern over the bound, and accepts one at it", () => {
    // `service/<name>/1`, n characters long.
    const at = (n: number) => `service/${"a".repeat(n - "service//1".length)}/1`;
    expect(at(MAX_TOKEN_CHARS)).toHaveLength(MAX_TOKEN_CHARS);
    expect(codes(`allow apprunner:DescribeService on ${at(MAX_TOKEN_CHARS)}\n`)).toEqual(["ARP4004"]);
    expect(codes(`allow apprunner:DescribeService on ${at(MAX_TOKEN_CHARS + 1)}\n`)).toEqual(["ARP9005"]);
    // A string's token includes its quotes.
    expect(codes(`allow apprunner:DescribeService on "${at(MAX_TOKEN_CHARS - 2)}"\n`)).toEqual(["ARP4004"]);
    expect(codes(`allow apprunner:DescribeService on "${at(MAX_TOKEN_CHARS - 1)}"\n`)).toEqual(["ARP9005"]);
    expect(codes(`policy ${"P".repeat(MAX_TOKEN_CHARS + 1)} { allow apprunner:ListServices on * }\n`)).toEqual(["ARP9005"]);
  });

  it("reports an unclosed `${` once per string, however many follow it", () => {
    const result = check(`allow apprunner:DescribeService on service/* when tag team = "${"${".repeat(5000)}"\n`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP1007"]);
  });

  it("refuses JSON over the file bound before parsing it", async () => {
    const statement = { Effect: "Allow", Action: "apprunner:ListServices", Resource: "*" };
    const count = Math.ceil(MAX_SOURCE_CHARS / JSON.stringify(statement).length) + 1;
    const json = JSON.stringify({ Version: "2012-10-17", Statement: Array.from({ length: count }, () => statement) });
    expect(json.length).toBeGreaterThan(MAX_SOURCE_CHARS);
    const result = await importPolicy(json, { file: "big.json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["ARP9005"]);
    expect(result.arp).toBeUndefined();
  });
});
