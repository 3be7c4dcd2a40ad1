/** The well-formedness check XSG runs on every part it rewrites, against the mistakes real damage makes. */
import { xmlProblem } from "../../../taskpane/file/xlsx/well-formed";

const NS = 'xmlns="m" xmlns:r="r"';

test.each([
  `<?xml version="1.0"?>\n<w ${NS}><a r:id="1">x &amp; y &#x4E00;</a><b/><![CDATA[<raw>]]><!-- c --></w>`,
  `<x:w xmlns:x="m"><x:c r="A1" t='s'><x:v>1</x:v></x:c></x:w>`,
  `<w><a xmlns:p="q"><p:b/></a></w>`,
])("well-formed: %s", (xml) => expect(xmlProblem(xml)).toBeNull());

test.each([
  [`<w><a></w>`, "不匹配"],
  [`<w><a>`, "没有结束标记"],
  [`<w>1 < 2</w>`, "多余的“<”"],
  [`<w>&bogus;</w>`, "未知的实体"],
  [`<w>&#x110000;</w>`, "无效的字符引用"],
  [`<w>&#0;</w>`, "无效的字符引用"],
  [`<w a="1" a="2"/>`, "重复的属性"],
  [`<w a=1/>`, "没有引号"],
  [`<w a="1/>`, "引号没有闭合"],
  [`<w><![CDATA[x</w>`, "CDATA"],
  [`<w r:id="1"/>`, "未声明的命名空间前缀"],
  [`<w><a xmlns:p="q"/><p:b/></w>`, "未声明的命名空间前缀"],
  [`<w/><v/>`, "多个根元素"],
  [`<!DOCTYPE w><w/>`, "DOCTYPE"],
  [``, "没有根元素"],
])("damaged: %s", (xml, message) => expect(xmlProblem(xml)).toContain(message));
