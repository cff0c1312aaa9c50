import { describe, expect, it } from "vitest";
import { serverHeapArgs } from "./heap";

describe("serverHeapArgs", () => {
  it("caps the server's heap at 512 MB unless SERVER_HEAP_MB says otherwise; 0 leaves it to Node", () => {
    expect(serverHeapArgs(undefined)).toEqual(["--max-old-space-size=512"]);
    expect(serverHeapArgs(" 768 ")).toEqual(["--max-old-space-size=768"]);
    expect(serverHeapArgs("0")).toEqual([]);
    for (const bad of ["32", "lots", "-1", "1e3"]) expect(() => serverHeapArgs(bad), bad).toThrow(/SERVER_HEAP_MB/);
  });
});
