/**
 * functions.json as the build generates it (same generator as
 * custom-functions-metadata-plugin, run in-process on functions/functions.ts)
 * against the issue-4 table; and the committed en-US variant against it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as entries from "../../../functions/functions";
import { CATALOGUE, isOptional, MATRIX_PARAMS, paramName } from "./catalogue";
import { DEV_BASE_URL, rebaseUrls } from "../../../scripts/addin-layout.cjs";

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const root = join(__dirname, "..", "..", "..");
const source = join(root, "functions", "functions.ts");
const hasChinese = (text: string | undefined): boolean => /[\u4e00-\u9fff]/.test(text ?? "");

let functions: FunctionMeta[];
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(source, false);
  expect(generated.errors).toEqual([]);
  functions = JSON.parse(generated.metadataJson).functions;
  associate = generated.associate;
}, 60_000);

describe("functions.json (generated from functions/functions.ts)", () => {
  it("holds exactly the catalogue's ids, each once", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(CATALOGUE.map((f) => f.id).sort());
  });

  it.each(CATALOGUE.map((f) => [f.id, f] as const))(
    "%s has the issue's arguments, order and optional flags",
    (id, expected) => {
      const fn = functions.find((f) => f.id === id)!;
      expect(fn.parameters.map((p) => p.name)).toEqual(expected.params.map(paramName));
      expect(fn.parameters.map((p) => p.optional === true)).toEqual(expected.params.map(isOptional));
      for (const p of fn.parameters) {
        // `any` so "2500万元", "2024年" and credit codes reach the core's parsers (R1, R3).
        expect(p.type).toBe("any");
        expect(p.dimensionality === "matrix").toBe(MATRIX_PARAMS.has(p.name));
        expect(p.repeating).toBeUndefined();
      }
      expect(fn.result?.type).toBe(expected.result);
      expect(fn.result?.dimensionality === "matrix").toBe(expected.spills === true);
    },
  );

  it("is synchronous and plain: no streaming, cancelable, volatile or address options", () => {
    for (const fn of functions) expect(fn.options).toBeUndefined();
  });

  it("has Chinese help for every function and parameter", () => {
    for (const fn of functions) {
      expect(hasChinese(fn.description)).toBe(true);
      for (const p of fn.parameters)
        expect({ id: fn.id, p: p.name, chinese: hasChinese(p.description) }).toEqual({
          id: fn.id,
          p: p.name,
          chinese: true,
        });
    }
  });

  it("points every function at its own section of the add-in's help page, rebased per deployment", () => {
    const helpPage = readFileSync(join(__dirname, "../../../assets/help.html"), "utf8");
    for (const fn of functions) {
      const anchor = `xsg-${fn.id.toLowerCase()}`;
      expect({ id: fn.id, url: fn.helpUrl }).toEqual({ id: fn.id, url: `${DEV_BASE_URL}assets/help.html#${anchor}` });
      expect({ id: fn.id, anchorInHelpPage: helpPage.includes(`id="${anchor}"`) }).toEqual({
        id: fn.id,
        anchorInHelpPage: true,
      });
      // An intranet build serves help from its own server, never from the dev machine.
      expect(rebaseUrls(fn.helpUrl!, "https://intranet.example/xsg/")).toBe(
        `https://intranet.example/xsg/assets/help.html#${anchor}`,
      );
    }
  });

  it("associates every id with an exported entry of functions.ts", () => {
    expect(associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
    for (const { functionName } of associate) {
      expect(typeof (entries as Record<string, unknown>)[functionName]).toBe("function");
    }
  });

  it("declares as many JavaScript parameters as metadata parameters (no Invocation parameter)", () => {
    for (const { functionName, id } of associate) {
      const fn = (entries as Record<string, (...args: unknown[]) => unknown>)[functionName];
      expect({ id, length: fn.length }).toEqual({ id, length: functions.find((f) => f.id === id)!.parameters.length });
    }
  });
});

describe("functions.en-US.json (English override)", () => {
  const english: { functions: FunctionMeta[] } = JSON.parse(
    readFileSync(join(root, "functions", "functions.en-US.json"), "utf8"),
  );

  it("is the generated metadata with only the descriptions changed", () => {
    const strip = (list: FunctionMeta[]) =>
      list.map(({ description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ description: _p, ...p }) => p),
      }));
    expect(strip(english.functions)).toEqual(strip(functions));
  });

  it("has an English description for every function and parameter", () => {
    for (const fn of english.functions) {
      const chinese = functions.find((f) => f.id === fn.id)!;
      expect(fn.description).toMatch(/[A-Za-z]{3}/);
      expect(fn.description).not.toBe(chinese.description);
      fn.parameters.forEach((p, i) => {
        expect(p.description).toMatch(/[A-Za-z]{3}/);
        expect(p.description).not.toBe(chinese.parameters[i].description);
      });
    }
  });

  it("is current (scripts/gen-functions-locale.mjs --check)", () => {
    const output = execFileSync(process.execPath, [join(root, "scripts", "gen-functions-locale.mjs"), "--check"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(output).toContain("is current");
  }, 60_000);
});
