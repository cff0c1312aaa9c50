import { describe, expect, it } from "vitest";
import { decideDemoSeed, demoSwitch } from "./switch";

describe("demoSwitch", () => {
  it("is on by default, so that `npm install && npm start` shows the demo", () => {
    expect(demoSwitch({}, [])).toBe("on");
    expect(demoSwitch({ DEMO_DATA: "" }, [])).toBe("on");
    expect(demoSwitch({ DEMO_DATA: "on" }, [])).toBe("on");
  });

  it("is off with DEMO_DATA=off (any case) or --no-demo, the flag winning over the variable", () => {
    expect(demoSwitch({ DEMO_DATA: "off" }, [])).toBe("off");
    expect(demoSwitch({ DEMO_DATA: " OFF " }, [])).toBe("off");
    expect(demoSwitch({}, ["--no-demo"])).toBe("off");
    expect(demoSwitch({ DEMO_DATA: "on" }, ["--", "--no-demo"])).toBe("off");
  });

  it("refuses any other value rather than guess", () => {
    expect(() => demoSwitch({ DEMO_DATA: "no" }, [])).toThrow(/DEMO_DATA must be "on" or "off", got "no"/);
    expect(() => demoSwitch({ DEMO_DATA: "false" }, [])).toThrow(/phải là "on" hoặc "off"/);
  });
});

describe("decideDemoSeed", () => {
  it("seeds only an empty database with the switch on", () => {
    expect(decideDemoSeed({ units: 0, users: 0, demo: "on" })).toEqual({ seed: true });
  });

  it("never seeds a database that holds units (a catalogue was imported), whatever the switch", () => {
    expect(decideDemoSeed({ units: 1, users: 0, demo: "on" })).toEqual({ seed: false, reason: "has-data" });
    expect(decideDemoSeed({ units: 10_000, users: 5, demo: "off" })).toEqual({ seed: false, reason: "has-data" });
  });

  it("never seeds a database that holds an account (an administrator was created first)", () => {
    expect(decideDemoSeed({ units: 0, users: 1, demo: "on" })).toEqual({ seed: false, reason: "has-data" });
  });

  it("leaves a new database empty when switched off", () => {
    expect(decideDemoSeed({ units: 0, users: 0, demo: "off" })).toEqual({ seed: false, reason: "switched-off" });
  });
});
