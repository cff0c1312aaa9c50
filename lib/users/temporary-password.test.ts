import { describe, expect, it } from "vitest";
import { PASSWORD_MIN } from "./schemas";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_PATTERN } from "./temporary-password";

describe("generateTemporaryPassword", () => {
  it("gives three groups of four unambiguous characters, long enough to be a valid password", () => {
    for (let i = 0; i < 50; i++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(TEMPORARY_PASSWORD_PATTERN);
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN);
    }
  });

  it("does not repeat itself", () => {
    const seen = new Set(Array.from({ length: 200 }, generateTemporaryPassword));
    expect(seen.size).toBe(200);
  });
});
