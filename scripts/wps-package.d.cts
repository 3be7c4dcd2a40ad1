/** Types for scripts/wps-package.cjs (imported by the TypeScript tests). */
export interface WpsParameter {
  name: string;
  description: string;
  type: string;
}
export interface WpsFunction {
  name: string;
  description: string;
  parameters: WpsParameter[];
  result: { type: string };
}
export declare const ROOT: string;
export declare const ADDIN_NAME: string;
export declare const NAMESPACE: string;
export declare const ADDIN_TYPE: string;
export declare const OUTPUT_DIR: string;
export declare const SOURCES: string;
export declare function addinVersion(root?: string): string;
export declare function addinFolder(version?: string): string;
export declare function wpsType(
  meta: { type?: string; dimensionality?: string } | undefined,
  optional?: boolean,
): string;
export declare function wpsFunctionsJson(
  excelMetadata: {
    functions: {
      id: string;
      description?: string;
      parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
      result?: { type?: string; dimensionality?: string };
    }[];
  },
  associate: { id: string; functionName: string }[],
): { functions: WpsFunction[] };
export declare function sourceFile(name: string, root?: string): string;
export declare function normalizeServerUrl(url: string): string;
export declare function jspluginsXml(serverUrl: string): string;
export declare function publishEntry(version?: string): string;
export declare function publishXml(version?: string): string;
export declare function installLinuxScript(version?: string): string;
export declare function installWindowsScript(version?: string): string;
