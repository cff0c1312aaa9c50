import { describe, expect, it } from "vitest";
import { percent } from "../percent";
import { shares, type Coverage } from "./coverage";

const full: Coverage = {
  villages: 212,
  villagesWithTeam: 212,
  teamHeads: 212,
  teamHeadsPartyCellSecretary: 212,
  blocs: 14,
  blocsHeadedByStandingDeputy: 14,
  members: 2345,
};

describe("coverage shares", () => {
  it("give 100% when every village, team and bloc is covered", () => {
    expect(shares(full)).toEqual({ villagesWithTeam: 100, teamHeadsPartyCellSecretary: 100, blocsHeadedByStandingDeputy: 100 });
  });

  it("round to one decimal", () => {
    expect(shares({ ...full, villages: 16, villagesWithTeam: 15, teamHeads: 3, teamHeadsPartyCellSecretary: 2, blocs: 3, blocsHeadedByStandingDeputy: 0 })).toEqual({
      villagesWithTeam: 93.8,
      teamHeadsPartyCellSecretary: 66.7,
      blocsHeadedByStandingDeputy: 0,
    });
  });

  it("are null when the denominator is 0 (a village has no blocs)", () => {
    expect(shares({ ...full, villages: 0, villagesWithTeam: 0, teamHeads: 0, teamHeadsPartyCellSecretary: 0, blocs: 0, blocsHeadedByStandingDeputy: 0 })).toEqual({
      villagesWithTeam: null,
      teamHeadsPartyCellSecretary: null,
      blocsHeadedByStandingDeputy: null,
    });
  });

  it("never round an incomplete share up to 100%", () => {
    expect(percent(999, 1000)).toBe(99.9);
    expect(percent(1999, 2000)).toBe(99.9);
    expect(percent(2000, 2000)).toBe(100);
    expect(percent(1, 3)).toBe(33.3);
  });
});
