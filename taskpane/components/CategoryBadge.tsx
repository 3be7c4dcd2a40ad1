/** Which output column a clause adds to, as a small badge (non-cash benefits stand out). */
import { Badge } from "@fluentui/react-components";
import type { ClauseCategory } from "../../src/model";
import type { StringKey } from "../strings";
import { useStrings } from "./i18n";

export const CATEGORY_KEYS: Readonly<Record<ClauseCategory, StringKey>> = {
  award: "categoryAward",
  tech: "categoryTech",
  rent: "categoryRent",
  bid: "categoryBid",
  "other-cash": "categoryOtherCash",
  benefit: "categoryBenefit",
};

export function CategoryBadge({ category }: { category: ClauseCategory }) {
  const strings = useStrings();
  return (
    <Badge size="small" appearance="outline" color={category === "benefit" ? "informative" : "brand"}>
      {strings[CATEGORY_KEYS[category]]}
    </Badge>
  );
}
