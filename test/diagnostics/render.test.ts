/** Rendering diagnostics: code frames, JSON and the summary line; and the line map under them. */
import { describe, expect, test } from "vitest";
import type { Diagnostic, Severity } from "../../grammar/diagnostics/diagnostic.js";
import { renderDiagnostics, renderJson, summarize } from "../../compiler/diagnostics/render.js";
import { LineMap, locate } from "../../compiler/diagnostics/sourceText.js";

const file = "policy.arp";
const source = "policy P {\n  allow apprunner:DescribeServce on *\n}\n";
const sources = new Map([[file, source]]);

function diag(start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code: "ARP2002", severity: "error", message: "unknown action `apprunner:DescribeServce`", span: { file, start, end }, ...extra };
}

const actionStart = source.indexOf("apprunner");
const actionEnd = actionStart + "apprunner:DescribeServce".length;

describe("renderDiagnostics", () => {
  test("header, code frame with carets, help and notes", () => {
    const d = diag(actionStart, actionEnd, {
      hint: "did you mean `apprunner:DescribeService`?",
      related: [{ message: "the policy is declared here", span: { file, start: 7, end: 8 } }],
    });
    expect(renderDiagnostics([d], sources, { color: false })).toBe(
      [
        "policy.arp:2:9 - error ARP2002: unknown action `apprunner:DescribeServce`",
        "",
        " 2 |   allow apprunner:DescribeServce on *",
        "   |         ^^^^^^^^^^^^^^^^^^^^^^^^",
        "   = help: did you mean `apprunner:DescribeService`?",
        "   = note: policy.arp:1:8: the policy is declared here",
      ].join("\n"),
    );
  });

  test("several diagnostics are separated by a blank line", () => {
    const out = renderDiagnostics([diag(0, 6), diag(actionStart, actionEnd)], sources, { color: false });
    expect(out.split("\n\n")).toHaveLength(4);
  });

  test("a multi-line span is underlined to the end of its first line", () => {
    const out = renderDiagnostics([diag(source.indexOf("{"), source.length)], sources, { color: false });
    expect(out.split("\n").slice(2)).toEqual([" 1 | policy P {", "   |          ^"]);
  });

  test("an empty span gets one caret, also at the end of a line", () => {
    const out = renderDiagnostics([diag(10, 10)], sources, { color: false });
    expect(out.split("\n").slice(2)).toEqual([" 1 | policy P {", "   |           ^"]);
  });

  test("tabs are kept so the carets line up; the gutter fits two-digit lines", () => {
    const text = `${"\n".repeat(11)}\tallow x`;
    const out = renderDiagnostics([diag(text.indexOf("x"), text.length)], new Map([[file, text]]), { color: false });
    expect(out.split("\n").slice(2)).toEqual([" 12 | \tallow x", "    | \t      ^"]);
    expect(out.split("\n")[0]).toMatch(/^policy\.arp:12:8 - /);
  });

  test("without the file's text only the header is shown", () => {
    const out = renderDiagnostics([diag(0, 1, { hint: "h" })], new Map(), { color: false });
    expect(out).toBe("policy.arp - error ARP2002: unknown action `apprunner:DescribeServce`\n = help: h");
  });

  test("color is opt-in", () => {
    expect(renderDiagnostics([diag(0, 6)], sources, { color: true })).toContain("\u001b[31m");
    expect(renderDiagnostics([diag(0, 6)], sources, { color: false })).not.toContain("\u001b[");
  });

  test("warnings and notes name their severity", () => {
    const out = renderDiagnostics([diag(0, 6, { severity: "warning", code: "ARP2007" })], sources, { color: false });
    expect(out.split("\n")[0]).toBe("policy.arp:1:1 - warning ARP2007: unknown action `apprunner:DescribeServce`");
  });
});

describe("renderJson", () => {
  test("1-based positions, exclusive end column, hint only when present", () => {
    const json = JSON.parse(renderJson([diag(actionStart, actionEnd, { hint: "h" }), diag(0, source.length)], sources));
    expect(json).toEqual([
      {
        code: "ARP2002",
        severity: "error",
        message: "unknown action `apprunner:DescribeServce`",
        file,
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 33,
        hint: "h",
      },
      {
        code: "ARP2002",
        severity: "error",
        message: "unknown action `apprunner:DescribeServce`",
        file,
        line: 1,
        column: 1,
        endLine: 4,
        endColumn: 1,
      },
    ]);
  });

  test("stable key order", () => {
    const out = renderJson([diag(0, 1, { hint: "h" })], sources);
    expect(Object.keys(JSON.parse(out)[0])).toEqual(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "hint"]);
    expect(renderJson([], sources)).toBe("[]");
  });
});

describe("summarize", () => {
  const of = (...severities: Severity[]) => severities.map((severity) => diag(0, 1, { severity }));
  test("counts by severity", () => {
    expect(summarize(of("error", "error", "warning"))).toBe("2 errors, 1 warning");
    expect(summarize(of("error"))).toBe("1 error");
    expect(summarize(of("warning", "warning"))).toBe("2 warnings");
    expect(summarize(of("info"))).toBe("1 note");
    expect(summarize([])).toBe("no problems");
  });
});

describe("LineMap", () => {
  test("lines end at \\n, \\r\\n and a lone \\r; columns count UTF-16 units", () => {
    const map = new LineMap("ab\r\ncd\ref\n\u{1F600}x");
    expect(map.lineCount).toBe(4);
    expect(map.position(0)).toEqual({ line: 1, column: 1 });
    expect(map.position(2)).toEqual({ line: 1, column: 3 });
    expect(map.position(4)).toEqual({ line: 2, column: 1 });
    expect(map.position(7)).toEqual({ line: 3, column: 1 });
    expect(map.position(12)).toEqual({ line: 4, column: 3 });
    expect([1, 2, 3, 4].map((l) => map.lineText(l))).toEqual(["ab", "cd", "ef", "\u{1F600}x"]);
  });

  test("offsets outside the text are clamped", () => {
    const map = new LineMap("a\nb");
    expect(map.position(-5)).toEqual({ line: 1, column: 1 });
    expect(map.position(99)).toEqual({ line: 2, column: 2 });
    expect(map.position(Number.NaN)).toEqual({ line: 1, column: 1 });
  });

  test("an empty text has one empty line", () => {
    const map = new LineMap("");
    expect(map.position(0)).toEqual({ line: 1, column: 1 });
    expect(map.lineText(1)).toBe("");
  });

  test("locate gives the file, line and column of a span's start", () => {
    expect(locate(source, { file, start: actionStart, end: actionEnd })).toEqual({ file, line: 2, column: 9 });
  });
});
