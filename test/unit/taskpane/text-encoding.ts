/** jsdom lacks TextEncoder/TextDecoder (browsers and Node have them); import this first where the .xlsx reader loads. */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
