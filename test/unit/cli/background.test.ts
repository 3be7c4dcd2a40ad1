/**
 * The command line's second thread (bin/cli/background.ts): the well-formedness check and the
 * deflate it does must give what the in-place code gives — the same problem text, a deflate stream
 * that inflates to exactly the bytes pushed — and a package saved through it must refuse damaged
 * XML as the in-place save does.
 */
import * as zlib from "zlib";
import { backgroundDeflater, checkXmlInBackground } from "../../../bin/cli/background";
import { nodeCodec } from "../../../bin/cli/node-codec";
import { XlsxPackage } from "../../../taskpane/file/xlsx/package";
import { xmlProblem } from "../../../taskpane/file/xlsx/well-formed";
import { handmade, partText } from "../file/handmade-xlsx";

test.each([
  `<w xmlns="m" xmlns:r="r"><a r:id="1">x &amp; y</a><b/></w>`,
  `<w><a></w>`,
  `<w>&#x110000;</w>`,
  `<w r:id="1"/>`,
  ``,
])("the background check answers as xmlProblem does: %s", (xml) => {
  const owned = new TextEncoder().encode(xml);
  const file = Buffer.concat([Buffer.alloc(4096), Buffer.from(xml)]);
  const taken = checkXmlInBackground(xml, owned);
  const viewed = checkXmlInBackground(xml, file.subarray(4096));
  expect(taken()).toBe(xmlProblem(xml));
  expect(viewed()).toBe(xmlProblem(xml));
  expect(taken()).toBe(xmlProblem(xml)); // asked again: the same answer, not a second wait
  // Bytes of their own move to the thread; a view of a larger buffer is copied, the buffer left whole.
  if (xml !== "") expect(owned.byteLength).toBe(0);
  expect(file.subarray(4096).toString()).toBe(xml);
});

/** Text-like bytes that deflate neither to nothing nor not at all. */
function sampleBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = 97 + ((state >> 16) % 8);
  }
  return bytes;
}

test("deflated on the background thread in pieces, the stream inflates to exactly the bytes pushed", () => {
  const shared = sampleBytes(3 << 20, 1);
  const owned = sampleBytes(1_500_000, 2);
  const ownedCopy = owned.slice();
  const chunks = [shared.subarray(0, 100), shared.subarray(100, 2 << 20), owned, shared.subarray(2 << 20)];
  const expected = Buffer.concat([chunks[0], chunks[1], ownedCopy, chunks[3]]);
  const sink = backgroundDeflater(1);
  for (const chunk of chunks) sink.push(chunk);
  // A chunk with an ArrayBuffer of its own moved to the thread; views of a larger buffer were copied.
  expect(owned.byteLength).toBe(0);
  expect(shared.byteLength).toBe(3 << 20);
  const raw = sink.finish();
  expect(Buffer.from(zlib.inflateRawSync(raw)).equals(expected)).toBe(true);
  expect(raw.length).toBeLessThan(expected.length / 2);
});

test("pieces that are views of a Node Buffer are copied before they move: the Buffer keeps its bytes", () => {
  const file = Buffer.from(sampleBytes(3 << 20, 6));
  const before = Buffer.from(file);
  const sink = backgroundDeflater(1);
  sink.push(file.subarray(0, 2 << 20));
  sink.push(file.subarray(2 << 20));
  expect(Buffer.from(zlib.inflateRawSync(sink.finish())).equals(before)).toBe(true);
  expect(file.equals(before)).toBe(true);
  const xml = "<w/>";
  const stored = Buffer.concat([Buffer.alloc(2 << 20), Buffer.from(xml)]);
  expect(checkXmlInBackground(xml, stored.subarray(2 << 20))()).toBeNull();
  expect(stored.length).toBe((2 << 20) + 4);
});

test("small data deflates in place to a valid stream, and nothing pushed to an empty one", () => {
  const small = sampleBytes(10_000, 3);
  const sink = backgroundDeflater(1);
  sink.push(small.slice());
  expect(Buffer.from(zlib.inflateRawSync(sink.finish())).equals(Buffer.from(small))).toBe(true);
  expect(zlib.inflateRawSync(backgroundDeflater(1).finish()).length).toBe(0);
});

test("two deflates in turn, and a check between them, keep their answers apart", () => {
  const a = sampleBytes(1_200_000, 4);
  const b = sampleBytes(2_500_000, 5);
  const first = backgroundDeflater(1);
  const second = backgroundDeflater(6);
  first.push(a.slice());
  const damaged = new TextEncoder().encode("<w><a></w>");
  const check = checkXmlInBackground("<w><a></w>", damaged);
  second.push(b.slice());
  expect(Buffer.from(zlib.inflateRawSync(second.finish())).equals(Buffer.from(b))).toBe(true);
  expect(check()).toBe(xmlProblem("<w><a></w>"));
  expect(Buffer.from(zlib.inflateRawSync(first.finish())).equals(Buffer.from(a))).toBe(true);
});

test("a package saved with the command line's codec refuses a damaged sheet it would rewrite, and writes a sound one", () => {
  const sheet = (tail: string) =>
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>' +
    `<row r="2"><c r="A2"><v>1</v></c></row></sheetData>${tail}`;
  const refusal = (codec?: typeof nodeCodec): string => {
    const damaged = XlsxPackage.open(handmade({ sheet: sheet('<pageMargins left="0.7">') }), codec);
    damaged.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["合计"]]);
    try {
      damaged.save();
    } catch (error) {
      return (error as Error).message;
    }
    return "saved";
  };
  expect(refusal(nodeCodec)).toMatch(
    /^xl\/worksheets\/sheet1\.xml：XML 格式错误（<pageMargins> 与 <\/worksheet> 不匹配）/,
  );
  expect(refusal(nodeCodec)).toBe(refusal());

  // Opened from a Node Buffer of its own (not Node's small-buffer pool), as the command line reads a
  // file: the input's bytes stay as they were.
  const filler = `<row r="3"><c r="A3" t="inlineStr"><is><t>${Buffer.from(sampleBytes(20_000, 7)).toString()}</t></is></c></row>`;
  const input = Buffer.from(
    handmade({ sheet: sheet('<pageMargins left="0.7"/>').replace("</sheetData>", `${filler}</sheetData>`) }),
  );
  expect(input.length).toBeGreaterThan(8_192);
  const inputBefore = Buffer.from(input);
  const sound = XlsxPackage.open(input, nodeCodec);
  sound.grid("数据").write({ top: 0, left: 1, rows: 1, columns: 1 }, [["合计"]]);
  const saved = sound.save();
  expect(input.equals(inputBefore)).toBe(true);
  expect(partText(saved, "xl/worksheets/sheet1.xml")).toContain('<t xml:space="preserve">合计</t>');
  expect(XlsxPackage.open(saved).grid("数据").readValues({ top: 0, left: 0, rows: 2, columns: 2 })).toEqual([
    ["名称", "合计"],
    [1, null],
  ]);
});
