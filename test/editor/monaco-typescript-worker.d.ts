/**
 * Types for Monaco's TypeScript worker class (monaco-editor ships it without declarations), which
 * typescript-worker.test.ts drives directly with the cells' compiler options and extra libs.
 * Only what that test uses, as Monaco 0.57 has it.
 */
declare module 'monaco-editor/languages/features/typescript/tsWorker' {
  /** A model mirrored into the worker (only what TypeScriptWorker reads). */
  export interface MirrorModel {
    readonly uri: { readonly path: string; toString(skipEncoding?: boolean): string };
    readonly version: number;
    getValue(): string;
  }

  export interface WorkerContext {
    getMirrorModels(): readonly MirrorModel[];
  }

  export interface ExtraLibVersion {
    content: string;
    version: number;
  }

  /** What the page's WorkerManager sends as the worker's first message. */
  export interface TypeScriptWorkerCreateData {
    compilerOptions: Record<string, unknown>;
    extraLibs: Record<string, ExtraLibVersion>;
    inlayHintsOptions?: unknown;
    customWorkerPath?: string;
  }

  /** A completion list as TypeScript's language service returns it (only what we read). */
  export interface CompletionInfo {
    entries: readonly { name: string; kind: string }[];
  }

  export interface DiagnosticSummary {
    code: number;
    messageText: unknown;
    start?: number;
    length?: number;
  }

  export class TypeScriptWorker {
    constructor(ctx: WorkerContext, createData: TypeScriptWorkerCreateData);
    getSemanticDiagnostics(fileName: string): Promise<DiagnosticSummary[]>;
    getCompletionsAtPosition(fileName: string, position: number): Promise<CompletionInfo | undefined>;
  }
}
