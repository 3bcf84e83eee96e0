/** Control and bidi-override characters from user data are shown escaped, never obeyed. */
import { describe, expect, it } from "vitest";
import { renderDiagnostics, renderJson } from "../../compiler/diagnostics/render.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { terminalJson, terminalLines, terminalText } from "../../compiler/diagnostics/terminalText.js";

describe("terminalText", () => {
  it("escapes C0 and C1 controls, DEL and bidi overrides and isolates", () => {
    expect(terminalText("a\u001b[31mb")).toBe("a\\x1B[31mb");
    expect(terminalText("\u0000\u0007\u007f\u0085\u009b")).toBe("\\x00\\x07\\x7F\\x85\\x9B");
    expect(terminalText("x\ny\r\tz")).toBe("x\\ny\\r\\tz");
    expect(terminalText("\u202a\u202e\u2066\u2069")).toBe("\\u{202A}\\u{202E}\\u{2066}\\u{2069}");
  });

  it("leaves other text alone, including non-ASCII letters and emoji", () => {
    const text = "café 😀 日本 `${aws:username}` \\ \"";
    expect(terminalText(text)).toBe(text);
  });

  it("keeps the characters it is told to", () => {
    expect(terminalLines("one\u001b\ntwo")).toBe("one\\x1B\ntwo");
    expect(terminalText("a\tb\nc", { keep: "\t" })).toBe("a\tb\\nc");
  });

  it("keeps a JSON text's value while escaping what JSON.stringify leaves raw", () => {
    const value = { k: "\u009b31m\u202e\u007f\u001b" };
    const json = terminalJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("renderDiagnostics on hostile text", () => {
  const file = "evil\u001b]0;title\u0007.arp";
  const source = 'allow apprunner:ListServices on "\u001b[2J" when tag team = "\u202egnp.exe"\n';
  const start = source.indexOf('"\u001b');
  const d: Diagnostic = {
    code: "ARP2005", severity: "error", message: "bad `\u001b[2J`", span: { file, start, end: start + 6 },
    hint: "first\u001b[1A\nsecond\u009b", related: [{ message: "see \u202e", span: { file, start: 0, end: 5 } }],
  };
  const text = renderDiagnostics([d], new Map([[file, source]]), { color: false });

  it("escapes the message, the file name, the code frame, the hint and notes", () => {
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain("evil\\x1B]0;title\\x07.arp:1:33 - error ARP2005: bad `\\x1B[2J`");
    expect(text).toContain("= help: first\\x1B[1A");
    expect(text).toContain("second\\x9B");
    expect(text).toContain("see \\u{202E}");
  });

  it("puts the carets under the escaped text", () => {
    const [, , line, carets] = text.split("\n");
    expect(line).toBe(' 1 | allow apprunner:ListServices on "\\x1B[2J" when tag team = "\\u{202E}gnp.exe"');
    expect(carets).toBe(`   | ${" ".repeat(line!.indexOf('"\\x1B') - 5)}${"^".repeat('"\\x1B[2J"'.length)}`);
  });

  it("keeps JSON diagnostics' values while escaping C1 and bidi characters", () => {
    const json = renderJson([d], new Map([[file, source]]));
    expect(json).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)[0].hint).toBe(d.hint);
  });

  it("cuts a very long source line to a window around the span", () => {
    const long = `allow apprunner:ListServices on "${"a".repeat(100_000)}" bad\n`;
    const at = long.indexOf("bad");
    const out = renderDiagnostics([{ code: "ARP1002", severity: "error", message: "m", span: { file: "f.arp", start: at, end: at + 3 } }],
      new Map([["f.arp", long]]), { color: false });
    const [, , line, carets] = out.split("\n");
    expect(line!.length).toBeLessThan(260);
    expect(line).toMatch(/^ 1 \| …a+" bad$/);
    expect(carets!.indexOf("^")).toBe(line!.indexOf("bad"));
    expect(carets).toMatch(/^ {3}\| +\^{3}$/);
  });
});
