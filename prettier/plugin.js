// arp's prettier plugin, for `prettier --plugin arp/prettier --write "**/*.arp"`.
// arp ships as TypeScript: tsx loads the plugin's sources without a build step.
import { register } from "tsx/esm/api";

register();

const plugin = await import("../compiler/format/plugin.ts");

export const { languages, parsers, printers, options, defaultOptions } = plugin;
export default plugin.default;
