// IAM makes an OpenID Connect provider's `aud`, `sub`, `azp`, `oaud` and `amr` claims available
// as `<provider>:<claim>` in trust policies (IAM User Guide, "Available keys for AWS web
// identity federation"); the data lacks GitHub Actions' provider, the most common one.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/catalog/index.js";

const catalog = loadCatalog();

describe("OpenID Connect claim keys", () => {
  it("knows GitHub Actions' aud and sub claims as strings", () => {
    expect(catalog.conditionKey("token.actions.githubusercontent.com:sub")?.type).toBe("String");
    expect(catalog.conditionKey("token.actions.githubusercontent.com:aud")?.type).toBe("String");
  });
  it("reads amr as multi-valued", () => {
    expect(catalog.conditionKey("oidc.example.com:amr")?.type).toBe("ArrayOfString");
  });
  it("applies them to AssumeRoleWithWebIdentity only", () => {
    const web = catalog.action("sts:AssumeRoleWithWebIdentity")!;
    const assume = catalog.action("sts:AssumeRole")!;
    expect(catalog.keyAppliesToAction("token.actions.githubusercontent.com:sub", web)).toBe(true);
    expect(catalog.keyAppliesToAction("token.actions.githubusercontent.com:sub", assume)).toBe(false);
  });
  it("does not invent other claims or prefixes without a host name", () => {
    expect(catalog.conditionKey("token.actions.githubusercontent.com:nonsense")).toBeUndefined();
    expect(catalog.conditionKey("nohost:sub")).toBeUndefined();
  });
  it("keeps the data's own entries for providers it lists", () => {
    expect(catalog.conditionKey("accounts.google.com:aud")?.name).toBe("accounts.google.com:aud");
  });
});
