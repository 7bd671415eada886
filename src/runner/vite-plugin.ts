import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import type { Plugin, ResolvedConfig } from 'vite';
import { COURSE_MODULES, type CourseModuleSpecifier } from './course-modules';
import { SDK_HELPER_MODULES } from './sdk-modules';
import { sucraseTrimEsbuildPlugin } from './sucrase-bundle-trim';

const VIRTUAL_ID = 'virtual:sandbox-assets';
const RESOLVED_VIRTUAL_ID = `\0${VIRTUAL_ID}`;
const DEV_PREFIX = '@tp-sandbox/';
const runnerDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(runnerDir, '../..');

type AssetName = 'frame' | 'worker' | 'sdk' | CourseModuleSpecifier;

/** `@course/tool-loop` → `course-tool-loop`: the file name of a course module's bundle. */
const courseModuleFile = (specifier: CourseModuleSpecifier) => specifier.replace(/^@/, '').replace(/\//g, '-');

/** The SDK as cells see it: its main entry and the helper subpaths lessons teach (sdk-modules.ts). */
const SDK_ENTRY = [
  "export * from '@anthropic-ai/sdk';",
  "export { default } from '@anthropic-ai/sdk';",
  ...SDK_HELPER_MODULES.map((specifier) => `export * from '${specifier}';`),
].join('\n');

/**
 * Builds what runs inside the sandbox with esbuild, outside the page's module graph (the opaque-origin
 * frame cannot load the page's modules): the frame script (inlined into the iframe's srcdoc), the worker
 * runtime (classic-worker IIFE, fetched as text and started from a blob URL) and the official SDK as one
 * ESM file (fetched only when a cell imports it), and each course module of course-modules.ts as one ESM file
 * (same). `virtual:sandbox-assets` tells the page where they are.
 * `vite build` emits hashed files under assets/; `vite dev` builds them on request under `@tp-sandbox/`.
 */
/** What other build plugins may ask of this one (Vite's `api` convention): the built frame script. */
export interface SandboxAssetsApi {
  /** The frame script of this build (empty until `buildStart` ran). */
  frameSource(): string;
}

export const SANDBOX_ASSETS_PLUGIN = 'tp-sandbox-assets';

export function sandboxAssetsPlugin(): Plugin<SandboxAssetsApi> {
  let config: ResolvedConfig;
  const emitted = new Map<AssetName, string>();
  let frameSource = '';

  const bundle = async (name: AssetName): Promise<string> => {
    const common: BuildOptions = {
      bundle: true,
      write: false,
      minify: true,
      platform: 'browser',
      target: 'es2022',
      absWorkingDir: config.root,
      logLevel: 'silent',
      legalComments: 'none',
    };
    const options: BuildOptions =
      name === 'sdk'
        ? { ...common, stdin: { contents: SDK_ENTRY, resolveDir: config.root, loader: 'js' }, format: 'esm' }
        : name === 'frame' || name === 'worker'
          ? { ...common, entryPoints: [path.join(runnerDir, name === 'frame' ? 'sandbox-frame.ts' : 'sandbox-worker.ts')], format: 'iife', plugins: [sucraseTrimEsbuildPlugin()] }
          : { ...common, entryPoints: [path.join(projectRoot, COURSE_MODULES[name])], format: 'esm' };
    const result = await build(options);
    const file = result.outputFiles?.[0];
    if (!file) throw new Error(`tp-sandbox-assets: esbuild produced no output for ${name}`);
    return file.text;
  };

  const courseSpecifiers = Object.keys(COURSE_MODULES) as CourseModuleSpecifier[];

  return {
    name: SANDBOX_ASSETS_PLUGIN,
    api: { frameSource: () => frameSource },
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      if (config.command !== 'build') return;
      frameSource = await bundle('frame');
      const assets: [AssetName, string, string][] = [
        ['worker', 'sandbox-worker', 'js'],
        ['sdk', 'anthropic-sdk', 'mjs'],
        ...courseSpecifiers.map((specifier): [AssetName, string, string] => [specifier, courseModuleFile(specifier), 'mjs']),
      ];
      for (const [name, base, ext] of assets) {
        const source = await bundle(name);
        const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
        const fileName = `${config.build.assetsDir}/${base}-${hash}.${ext}`;
        this.emitFile({ type: 'asset', fileName, source });
        emitted.set(name, fileName);
      }
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_VIRTUAL_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_VIRTUAL_ID) return undefined;
      const isBuild = config.command === 'build';
      const frame = isBuild ? frameSource : await bundle('frame');
      const worker = isBuild ? emitted.get('worker') : `${DEV_PREFIX}sandbox-worker.js`;
      const sdk = isBuild ? emitted.get('sdk') : `${DEV_PREFIX}anthropic-sdk.mjs`;
      if (!worker || !sdk) throw new Error('tp-sandbox-assets: sandbox assets were not built');
      const courseModules = courseSpecifiers.map((specifier) => {
        const file = isBuild ? emitted.get(specifier) : `${DEV_PREFIX}${courseModuleFile(specifier)}.mjs`;
        if (!file) throw new Error(`tp-sandbox-assets: ${specifier} was not built`);
        return `    ${JSON.stringify(specifier)}: import.meta.env.BASE_URL + ${JSON.stringify(file)},`;
      });
      return [
        `export const sandboxAssets = {`,
        `  frameSource: ${JSON.stringify(frame)},`,
        `  worker: import.meta.env.BASE_URL + ${JSON.stringify(worker)},`,
        `  sdk: import.meta.env.BASE_URL + ${JSON.stringify(sdk)},`,
        `  courseModules: {`,
        ...courseModules,
        `  },`,
        `};`,
      ].join('\n');
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '').split('?')[0] ?? '';
        const index = pathname.indexOf(`/${DEV_PREFIX}`);
        if (index === -1) return next();
        const file = pathname.slice(index + DEV_PREFIX.length + 1);
        const name: AssetName | undefined =
          file === 'sandbox-worker.js' ? 'worker'
          : file === 'anthropic-sdk.mjs' ? 'sdk'
          : courseSpecifiers.find((specifier) => file === `${courseModuleFile(specifier)}.mjs`);
        if (!name) return next();
        bundle(name).then(
          (text) => {
            res.setHeader('content-type', 'text/javascript; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            res.end(text);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
