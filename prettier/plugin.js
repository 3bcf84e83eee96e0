// arp's prettier plugin, for `prettier --plugin arp/prettier --write "**/*.arp"`: the built
// plugin in dist/, re-exported from the path the docs and the package's exports name.
export * from "../dist/compiler/format/plugin.js";
export { default } from "../dist/compiler/format/plugin.js";
