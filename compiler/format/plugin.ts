/**
 * arp's prettier plugin: `prettier --plugin arp/prettier --write "**\/*.arp"`. The parser is
 * arp's own (a file with syntax errors is reported, never rewritten); the printer lays out
 * one canonical form, described in docs/formatting.md.
 */
import type { Plugin, SupportLanguage, SupportOptions } from "prettier";
import { arpParser } from "./parser.js";
import { arpPrinter } from "./printer.js";
import type { Node } from "./types.js";

export const languages: SupportLanguage[] = [{ name: "arp", parsers: ["arp"], extensions: [".arp"] }];

export const parsers = { arp: arpParser };

export const printers = { "arp-ast": arpPrinter };

/** arp has no formatting options of its own: one layout, like gofmt. */
export const options: SupportOptions = {};

export const defaultOptions = { printWidth: 100, tabWidth: 2, useTabs: false };

const plugin: Plugin<Node> = { languages, parsers, printers, options, defaultOptions };

export default plugin;
