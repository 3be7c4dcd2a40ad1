/**
 * Hand-maintained historical county-level codes and names of the five policy areas
 * (R12: "a 6-digit GB/T 2260 code, current or historical"). Old sheets, old credit
 * codes (USCC positions 3–8 name the registering authority's division at the time)
 * and officials' habits still carry them.
 *
 * Source: the State Council / Ministry of Civil Affairs approvals as collected in the
 * public dataset yescallop/areacodes (GB/T 2260 code lists 1980–2025 and their diffs),
 * checked against the code lists of 1985, 1990 and the diffs 1987–88, 1993–94,
 * 1995–96, 2000–01, 2016–17 and 2020–21. Only codes and names are taken (facts).
 *
 * `cityCode` is the 4-digit prefix of the prefecture the area belongs to TODAY, which
 * is what a city-level policy covers; it differs from the code's own prefix for the
 * provisional 339xxx codes Zhejiang's county-level cities carried in the early 1990s.
 * `successors` are the current codes the area became part of.
 */
export interface HistoricalDivision {
  code: string;
  name: string;
  cityCode: string;
  /** Year the code or name went out of use (approximate where the lists only bracket it). */
  until: number;
  successors: readonly string[];
  note: string;
}

export const HISTORICAL_DIVISIONS: readonly HistoricalDivision[] = [
  // 杭州市 (city-level policy: every one of these resolves to 杭州市)
  {
    code: "330103",
    name: "下城区",
    cityCode: "3301",
    until: 2021,
    successors: ["330105"],
    note: "2021年撤销，并入拱墅区",
  },
  {
    code: "330104",
    name: "江干区",
    cityCode: "3301",
    until: 2021,
    successors: ["330102", "330114"],
    note: "2021年撤销，并入上城区、钱塘区",
  },
  {
    code: "330107",
    name: "半山区",
    cityCode: "3301",
    until: 1990,
    successors: [],
    note: "见于1985年代码表，1990年前撤销",
  },
  { code: "330121", name: "萧山县", cityCode: "3301", until: 1988, successors: ["330109"], note: "1988年撤县设萧山市" },
  {
    code: "339005",
    name: "萧山市",
    cityCode: "3301",
    until: 1996,
    successors: ["330109"],
    note: "浙江省县级市临时代码，后改为330181",
  },
  { code: "330181", name: "萧山市", cityCode: "3301", until: 2001, successors: ["330109"], note: "2001年撤市设萧山区" },
  { code: "330123", name: "富阳县", cityCode: "3301", until: 1994, successors: ["330111"], note: "1994年撤县设富阳市" },
  {
    code: "339019",
    name: "富阳市",
    cityCode: "3301",
    until: 1996,
    successors: ["330111"],
    note: "浙江省县级市临时代码，后改为330183",
  },
  { code: "330183", name: "富阳市", cityCode: "3301", until: 2014, successors: ["330111"], note: "2014年撤市设富阳区" },
  { code: "330124", name: "临安县", cityCode: "3301", until: 1996, successors: ["330112"], note: "1996年撤县设临安市" },
  { code: "330185", name: "临安市", cityCode: "3301", until: 2017, successors: ["330112"], note: "2017年撤市设临安区" },
  { code: "330125", name: "余杭县", cityCode: "3301", until: 1994, successors: ["330110"], note: "1994年撤县设余杭市" },
  {
    code: "339021",
    name: "余杭市",
    cityCode: "3301",
    until: 1996,
    successors: ["330110"],
    note: "浙江省县级市临时代码，后改为330184",
  },
  {
    code: "330184",
    name: "余杭市",
    cityCode: "3301",
    until: 2001,
    successors: ["330110", "330113"],
    note: "2001年撤市设余杭区（2021年析出临平区）",
  },
  { code: "330126", name: "建德县", cityCode: "3301", until: 1992, successors: ["330182"], note: "1992年撤县设建德市" },
  // 晋城市 (city-level policy)
  {
    code: "140511",
    name: "郊区",
    cityCode: "1405",
    until: 1996,
    successors: ["140525"],
    note: "晋城市郊区，1996年撤销设泽州县",
  },
  { code: "140523", name: "高平县", cityCode: "1405", until: 1993, successors: ["140581"], note: "1993年撤县设高平市" },
  // 抚顺市顺城区 (county-level policy): same code, former name
  {
    code: "210411",
    name: "郊区",
    cityCode: "2104",
    until: 1988,
    successors: ["210411"],
    note: "抚顺市郊区，1988年更名为顺城区",
  },
  // 温州市鹿城区 (330302) and 福州市闽侯县 (350121) have kept their codes and names since 1980.
];
