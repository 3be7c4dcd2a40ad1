/** The active string table, provided once by App so every component reads the same language. */
import { createContext, useContext } from "react";
import { zh, type Strings } from "../strings";

export const StringsContext = createContext<Strings>(zh);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
