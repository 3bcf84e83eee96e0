/**
 * `// arp-ignore CODE: reason` (compiler/driver/suppressions.ts): which lines a comment covers,
 * that every suppression is reported as a note counted in the summary, and that a suppressed
 * unknown name is kept in the output as written.
 */
import { describe, expect, it } from "vitest";
import { check, compile } from "../../compiler/index.js";
import { summarize } from "../../compiler/diagnostics/render.js";
import { format } from "../../compiler/format/index.js";

function codes(text: string): string[] {
  return check({ path: "s.arp", text }).diagnostics.map((d) => `${d.code}@${d.span.start}`.replace(/@\d+$/, ""));
}

describe("arp-ignore", () => {
  it("covers the next line of code and the lines indented deeper than it, so it survives formatting", async () => {
    const text = await format(`policy P {
  // arp-ignore ARP2006: an invented key, on purpose
  allow apprunner:DescribeService, apprunner:UpdateService, apprunner:PauseService, apprunner:ResumeService on service/web/* when apprunner:InstanceRole = "x"
}
`);
    expect(text.split("\n").length).toBeGreaterThan(5);
    expect(codes(text)).toEqual(["ARP8001"]);
  });

  it("does not cover the statement after the next one", () => {
    const text = "// arp-ignore ARP2002: newer than the catalog\nallow apprunner:DescribeService on *\nallow apprunner:StartService on *\n";
    expect(codes(text)).toEqual(["ARP8003", "ARP2002"]);
  });

  it("covers its own line when it follows code", () => {
    expect(codes("allow apprunner:StartService on * // arp-ignore ARP2002: newer than the catalog\n")).toEqual(["ARP8001"]);
  });

  it("reports each suppression as a note, counted in the summary", () => {
    const result = check({ path: "s.arp", text: "// arp-ignore ARP2002, ARP2001: newer than the catalog\nallow apprunner:StartService, vpc:* on *\n" });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([["ARP8001", "info"], ["ARP8001", "info"]]);
    expect(summarize(result.diagnostics)).toBe("2 notes");
  });

  it("keeps a suppressed unknown action, service and key in the output as written", () => {
    const text = "// arp-ignore ARP2001, ARP2002, ARP2006: newer than the catalog\nallow apprunner:StartService, vpc:* on * when apprunner:InstanceRole = \"x\"\n";
    const result = compile({ path: "s.arp", text });
    expect(result.ok).toBe(true);
    expect(result.policies[0]?.document.Statement).toEqual([
      { Effect: "Allow", Action: ["apprunner:StartService", "vpc:*"], Resource: "*", Condition: { StringEquals: { "apprunner:InstanceRole": "x" } } },
    ]);
  });

  it("cannot suppress an error after which the statement cannot be built", () => {
    expect(codes('// arp-ignore ARP3002: no\nallow s3:GetObject on * when aws:SecureTransport = "x"\n')).toEqual(["ARP8002", "ARP3002"]);
  });

  it("suppresses nothing without a reason, and its hint repeats the comment's own codes", () => {
    const { diagnostics } = check({ path: "s.arp", text: "// arp-ignore ARP2002:\nallow apprunner:StartService on *\n" });
    expect(diagnostics.map((d) => d.code)).toEqual(["ARP8002", "ARP2002"]);
    expect(diagnostics[0]!.hint).toBe("write `// arp-ignore ARP2002: why it is right`");
    const two = check({ path: "s.arp", text: "// arp-ignore ARP2002, ARP2006:\nallow apprunner:StartService on *\n" }).diagnostics;
    expect(two.find((d) => d.code === "ARP8002")?.hint).toBe("write `// arp-ignore ARP2002, ARP2006: why it is right`");
  });
});
