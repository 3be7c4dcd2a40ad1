import { BUILT_IN_CATALOG, POLICIES, getPolicy, validatePolicy, KIND_SPECS } from "../../../src/policies";
import { errorOf } from "../xsg-error";

describe("policy registry", () => {
  it("ships the five documents in file order, each valid against the schema", () => {
    expect(POLICIES.map((p) => p.id)).toEqual(["lucheng", "jincheng", "minhou", "hangzhou", "shuncheng"]);
    for (const module of POLICIES) expect(validatePolicy(module)).toEqual([]);
  });

  it("metadata per the rulings (R4, R12) and the documents", () => {
    const meta = POLICIES.map((p) => [
      p.id,
      p.regionName,
      p.divisionCode,
      p.level,
      p.status,
      p.coveredUpgradeYears.from,
      p.coveredUpgradeYears.to,
    ]);
    expect(meta).toEqual([
      ["lucheng", "温州市鹿城区", "330302", "county", "正式", 2023, 2025],
      ["jincheng", "晋城市", "140500", "city", "正式", 2021, null],
      ["minhou", "福州市闽侯县", "350121", "county", "征求意见稿", 2022, 2026],
      ["hangzhou", "杭州市", "330100", "city", "正式", 2024, 2026],
      ["shuncheng", "抚顺市顺城区", "210411", "county", "征求意见稿", 2023, null],
    ]);
    expect(getPolicy("hangzhou").inForce).toMatchObject({ from: "2024-03-01", to: "2026-12-31" });
    expect(getPolicy("lucheng").inForce).toMatchObject({ from: "2023-01-01", to: "2025-12-31" });
    expect(getPolicy("minhou").documentNumber).toContain("无文号");
    expect(getPolicy("shuncheng").issueDate).toBeNull();
  });

  it("only 鹿城区 states exclusions (R6); only 闽侯县 and 顺城区 define a pool (R14)", () => {
    expect(POLICIES.filter((p) => p.exclusions.length > 0).map((p) => p.id)).toEqual(["lucheng"]);
    expect(POLICIES.filter((p) => p.cultivationPool).map((p) => p.id)).toEqual(["minhou", "shuncheng"]);
  });

  it("the region resolver's coverages are the documents' regions (R12)", () => {
    expect(
      BUILT_IN_CATALOG.resolver
        .regions()
        .map(({ id, regionName, divisionCode, level }) => ({ id, regionName, divisionCode, level })),
    ).toEqual(
      POLICIES.map(({ regionId, regionName, divisionCode, level }) => ({
        id: regionId,
        regionName,
        divisionCode,
        level,
      })),
    );
  });

  it("shipped data is frozen", () => {
    const policy = getPolicy("hangzhou") as unknown as { clauses: { quote: string }[] };
    expect(() => {
      policy.clauses[0].quote = "x";
    }).toThrow();
  });

  it("an unknown region is #N/A naming region", () => {
    const error = errorOf(() => getPolicy("beijing"));
    expect([error.code, error.field]).toEqual(["NA", "region"]);
  });

  it("every clause kind is used by at least one document", () => {
    const used = new Set(POLICIES.flatMap((p) => p.clauses.map((c) => c.kind)));
    expect([...used].sort()).toEqual(Object.keys(KIND_SPECS).sort());
  });
});
