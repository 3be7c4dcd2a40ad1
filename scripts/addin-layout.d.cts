/** Types for scripts/addin-layout.cjs (imported by the TypeScript tests). */
export interface PageSpec {
  filename: string;
  template: string;
  chunks: string[];
  officeJs: boolean;
}
export interface EntrySpec {
  import: string;
  dependOn?: string;
}
export declare const ROOT: string;
export declare const DEV_PORT: number;
export declare const DEV_BASE_URL: string;
export declare function devServerPort(env?: Record<string, string | undefined>): number;
export declare const OFFICE_JS_CDN_URL: string;
export declare const OFFICE_JS_LOCAL_DIR: string;
export declare const OFFICE_JS_LOCAL_URL: string;
export declare const ENTRIES: Record<string, EntrySpec>;
export declare const PAGES: PageSpec[];
export declare const FUNCTIONS_SOURCE: string;
export declare const FUNCTIONS_METADATA: string;
export declare const FUNCTIONS_METADATA_EN: { source: string; output: string };
export declare const ASSETS_DIR: string;
export declare const ICON_SIZES: number[];
export declare function assetFiles(root?: string): string[];
export declare function iconFile(size: number): string;
export declare function normalizeBaseUrl(url: string): string;
export declare function hasEnglishMetadata(root?: string): boolean;
export declare function renderManifest(xml: string, options?: { baseUrl?: string; englishMetadata?: boolean }): string;
export declare function rebaseUrls(text: string, baseUrl?: string): string;
export declare function declaredOutputs(options?: { englishMetadata?: boolean; officeJs?: "cdn" | "local" }): string[];
