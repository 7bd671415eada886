/** Provided by `sandboxAssetsPlugin()` (src/runner/vite-plugin.ts). */
declare module 'virtual:sandbox-assets' {
  export const sandboxAssets: {
    /** The frame script (IIFE), inlined into the sandbox iframe's srcdoc. */
    frameSource: string;
    /** URL of the worker runtime (IIFE, started by the frame from a blob URL). */
    worker: string;
    /** URL of the official SDK as one ESM file, fetched only when a cell imports it. */
    sdk: string;
    /** URL of each course module (src/runner/course-modules.ts) as one ESM file, by import specifier. */
    courseModules: Readonly<Record<string, string>>;
  };
}
