import fc from "fast-check";
import { XsgError } from "../../../src/errors";
import { checkUscc, isUsccChecksumValid, makeUscc, USCC_ALPHABET, USCC_WEIGHTS } from "../../../src/parse";

describe("USCC check character (GB 32100-2015, R15)", () => {
  it("uses weights 3^(i−1) mod 31", () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it("computes the check character by hand once: 91330100799655058B", () => {
    // values:  9  1  3  3  0  1  0  0   7   9   9  6  5   5  0   5   8
    // weights: 1  3  9 27 19 26 16 17  20  29  25 13  8  24 10  30  28
    // products 9 +3 +27 +81 +0 +26 +0 +0 +140 +261 +225 +78 +40 +120 +0 +150 +224 = 1384
    // 1384 mod 31 = 20 (31 × 44 = 1364); 31 − 20 = 11 ⇒ "B" (A = 10, B = 11)
    expect(USCC_ALPHABET[11]).toBe("B");
    expect(makeUscc("91330100799655058")).toBe("91330100799655058B");
    expect(checkUscc("91330100799655058B")).toEqual({
      normalized: "91330100799655058B",
      wellFormed: true,
      checksumOk: true,
      divisionCode: "330100",
    });
  });

  it.each(["914403001922038216", "91440300708461136T", "91110000600037341L"])(
    "accepts the real-format code %s",
    (code) => {
      expect(isUsccChecksumValid(code)).toBe(true);
      expect(makeUscc(code.slice(0, 17))).toBe(code);
    },
  );

  it("writes a remainder of 0 as check character 0", () => {
    // Find a prefix whose weighted sum is a multiple of 31: 31 − 0 = 31 ⇒ "0".
    const prefix = "9133010079965505";
    const code = Array.from(USCC_ALPHABET, (c) => makeUscc(prefix + c)).find((full) => full.endsWith("0"));
    expect(code).toBeDefined();
    expect(isUsccChecksumValid(code)).toBe(true);
  });

  it("normalises: trims, upper-cases, folds full width, unwraps a 1×1 range", () => {
    expect(checkUscc("  91330100799655058b ").normalized).toBe("91330100799655058B");
    expect(checkUscc("９１３３０１００７９９６５５０５８Ｂ").checksumOk).toBe(true);
    expect(checkUscc([["91330100799655058B"]]).checksumOk).toBe(true);
  });

  it("reports a bad check character as a warning, not an error", () => {
    const result = checkUscc("91330100799655058C");
    expect(result).toEqual({
      normalized: "91330100799655058C",
      wellFormed: true,
      checksumOk: false,
      divisionCode: "330100",
    });
  });

  it.each([
    ["91330100799655058", "17 characters"],
    ["91330100799655058BB", "19 characters"],
    ["91330100799655O58B", "letter O"],
    ["9133010079965505IB", "letter I"],
    ["91330100799655Z58B", "letter Z"],
    ["91330100799655S58B", "letter S"],
    ["91330100799655V58B", "letter V"],
    ["9133 0100799655058", "inner space"],
  ])("%s (%s) is not well formed", (code) => {
    const result = checkUscc(code);
    expect(result.wellFormed).toBe(false);
    expect(result.checksumOk).toBe(false);
  });

  it("gives the division code only when characters 3–8 are digits", () => {
    expect(checkUscc("91330100799655O58B").divisionCode).toBe("330100"); // malformed elsewhere, division still readable
    expect(checkUscc("9133A100799655058B").divisionCode).toBeNull();
    expect(checkUscc("330100").divisionCode).toBeNull();
  });

  it.each([null, undefined, 42, true, {}, [[1, 2]]])("never throws on %p", (value) => {
    const result = checkUscc(value);
    expect(result.wellFormed).toBe(false);
    expect(result.checksumOk).toBe(false);
  });

  it("makeUscc rejects a malformed prefix with an XsgError", () => {
    expect(() => makeUscc("9133010079965505")).toThrow(XsgError);
    expect(() => makeUscc("91330100799655O58")).toThrow(XsgError);
  });

  it("any valid code fails the check when one character changes", () => {
    const char = fc.constantFrom(...USCC_ALPHABET);
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 17, maxLength: 17 }),
        fc.integer({ min: 0, max: 17 }),
        char,
        (chars, at, replacement) => {
          const code = makeUscc(chars.join(""));
          expect(checkUscc(code).checksumOk).toBe(true);
          const changed = code.slice(0, at) + replacement + code.slice(at + 1);
          expect(checkUscc(changed).checksumOk).toBe(changed === code);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary input", () => {
    fc.assert(fc.property(fc.anything(), (value) => void checkUscc(value)));
  });
});

describe("checkUscc: one pass agrees with the rules written as patterns", () => {
  // The GB 32100-2015 rules as readable patterns (what checkUscc did before it became one loop).
  const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  function byPatterns(normalized: string) {
    const wellFormed = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/.test(normalized);
    let sum = 0;
    for (let i = 0; wellFormed && i < 17; i++) sum += ALPHABET.indexOf(normalized[i]) * USCC_WEIGHTS[i];
    const checksumOk = wellFormed && ALPHABET[(31 - (sum % 31)) % 31] === normalized[17];
    const division = normalized.length === 18 ? normalized.slice(2, 8) : "";
    return { normalized, wellFormed, checksumOk, divisionCode: /^\d{6}$/.test(division) ? division : null };
  }
  it("on codes, near-codes and noise", () => {
    const char = fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZa ９");
    const text = fc.oneof(
      fc.string({ unit: char, minLength: 17, maxLength: 19 }),
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 18, maxLength: 18 }),
      fc.string({ unit: char, maxLength: 20 }),
      fc
        .string({ unit: fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXY"), minLength: 17, maxLength: 17 })
        .map(makeUscc),
    );
    fc.assert(
      fc.property(text, (value) => {
        const checked = checkUscc(value);
        expect(checked).toEqual(byPatterns(checked.normalized));
      }),
      { numRuns: 5000 },
    );
  });
});
