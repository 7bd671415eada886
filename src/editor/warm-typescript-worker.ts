/**
 * A TypeScript language service that does its slow first work before the page asks for anything.
 *
 * Monaco's TypeScript worker builds its program (parsing ~2 MB of lib and SDK declarations, binding them,
 * checking the cell) on the first request, which only comes once Monaco's 4 MB of editor code has run on
 * the page and a cell model exists: the first completion waited for both in a row. Our worker entry
 * (typescript.worker.ts) instead creates Monaco's own TypeScriptWorker at once with the cells' compiler
 * options and extra libs (the same modules the page uses), runs a throwaway check and completion on a
 * scratch cell, and hands that instance to the page's protocol when it connects. The parsed and bound
 * declaration files are then reused by the real cells' programs; if the page's setup differs in any way,
 * a fresh worker is made instead, so the result never depends on the warm-up.
 */
import {
  TypeScriptWorker,
  type ExtraLibVersion,
  type MirrorModel,
  type TypeScriptWorkerCreateData,
  type WorkerContext,
} from 'monaco-editor/languages/features/typescript/tsWorker';
import type { ExtraLib } from './cell-extra-libs';

/** Where the scratch cell lives: a path no real cell model uses (those are file:///cells/…). */
const WARM_UP_PATH = '/playground/warm-up.ts';
const WARM_UP_URI = `file://${WARM_UP_PATH}`;
/** Touches what a first completion needs: the SDK client and the contextual type of `model`. */
const WARM_UP_CODE = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const client = new Anthropic({ dangerouslyAllowBrowser: true });',
  'await client.messages.create({ model: ',
].join('\n');

const warmUpModel: MirrorModel = {
  uri: { path: WARM_UP_PATH, toString: () => WARM_UP_URI },
  version: 1,
  getValue: () => WARM_UP_CODE,
};

/** The fields of Monaco 0.57's TypeScriptWorker that hold its setup (set by its constructor). */
interface TypeScriptWorkerSetup {
  _ctx: WorkerContext;
  _compilerOptions: Record<string, unknown>;
  _extraLibs: Record<string, ExtraLibVersion>;
  _inlayHintsOptions: unknown;
}

export interface WarmTypeScriptWorker {
  /** The instance being warmed (what `adopt` hands over when the setup matches). */
  readonly worker: TypeScriptWorker;
  /** Runs the throwaway requests (synchronously, though the worker API is async). */
  warmUp(): Promise<void>;
  /** The worker the page's protocol should use for `ctx` and `createData`: the warm one if its setup matches. */
  adopt(ctx: WorkerContext, createData: TypeScriptWorkerCreateData): TypeScriptWorker;
}

/** Extra libs keyed by path, at version 1: what the page's `setExtraLibs` on fresh defaults produces. */
function asExtraLibVersions(extraLibs: readonly ExtraLib[]): Record<string, ExtraLibVersion> {
  return Object.fromEntries(extraLibs.map(({ filePath, content }) => [filePath, { content, version: 1 }]));
}

function sameCompilerOptions(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

function sameExtraLibs(a: Record<string, ExtraLibVersion>, b: Record<string, ExtraLibVersion>): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => b[path]?.content === a[path]!.content);
}

export function createWarmTypeScriptWorker(compilerOptions: Record<string, unknown>, extraLibs: readonly ExtraLib[]): WarmTypeScriptWorker {
  const warmExtraLibs = asExtraLibVersions(extraLibs);
  const worker = new TypeScriptWorker({ getMirrorModels: () => [warmUpModel] }, { compilerOptions, extraLibs: warmExtraLibs, inlayHintsOptions: {} });
  let adopted = false;
  return {
    worker,
    async warmUp() {
      await worker.getSemanticDiagnostics(WARM_UP_URI);
      await worker.getCompletionsAtPosition(WARM_UP_URI, WARM_UP_CODE.length);
    },
    adopt(ctx, createData) {
      const matches =
        !adopted &&
        createData.customWorkerPath === undefined &&
        sameCompilerOptions(createData.compilerOptions, compilerOptions) &&
        sameExtraLibs(createData.extraLibs, warmExtraLibs);
      if (!matches) return new TypeScriptWorker(ctx, createData);
      adopted = true;
      // From here on the page's models and the page's copy of the setup, exactly as the constructor would
      // have stored them; the language service (and its parsed files) stays.
      const setup: TypeScriptWorkerSetup = {
        _ctx: ctx,
        _compilerOptions: createData.compilerOptions,
        _extraLibs: createData.extraLibs,
        _inlayHintsOptions: createData.inlayHintsOptions,
      };
      return Object.assign(worker, setup);
    },
  };
}
