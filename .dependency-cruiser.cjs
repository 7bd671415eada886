/**
 * The direction of dependencies (npm run lint:deps; part of npm test). Top to bottom:
 *   src/main.ts → src/ui → src/store, src/editor, src/inspector, src/lessons (types), src/session (the notebook
 *   session) → src/runner → src/backend → src/mock (the emulator), src/live → src/anthropic-api.ts (imports nothing).
 * src/site holds build plugins and the service worker's registration (imported lazily by the UI).
 * Content (lessons/*.md) is read by the compiler (src/lessons), which imports no other layer.
 * Nothing points back up, and there are no cycles.
 *
 * Known violations: `.dependency-cruiser-known-violations.json` lists exactly the six import cycles inside
 * src/mock that were there when this check came (handlers ↔ emulator ↔ faults ↔ stream ↔ batch-routes,
 * generate/text ↔ generate/context-lookup; their removal is under way). `npm run lint:deps` ignores those and
 * fails on any other. Once they are gone, empty the file (`npm run lint:deps:baseline`).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be read, tested or loaded without the other.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'ui-not-below-the-backend',
      severity: 'error',
      comment: 'The UI talks to src/backend (index.ts), never to the emulator or live mode directly.',
      from: { path: '^src/ui/' },
      to: { path: '^src/(mock|live)/' },
    },
    {
      name: 'backend-through-its-index',
      severity: 'error',
      comment: 'src/backend/index.ts is the layer\'s only door for the runner and the UI.',
      from: { path: '^src/(ui|runner)/' },
      to: { path: '^src/backend/', pathNot: '^src/backend/index\\.ts$' },
    },
    {
      name: 'runner-not-up-or-around-the-backend',
      severity: 'error',
      comment: 'The runner knows the backend interface only: not the UI, the store, the editor, the emulator or live mode.',
      from: { path: '^src/runner/' },
      to: { path: '^src/(ui|session|store|editor|mock|live|inspector|site)/' },
    },
    {
      name: 'session-not-up',
      severity: 'error',
      comment: 'The notebook session (shared by the page and the Node lesson harness) knows the runner, not the page.',
      from: { path: '^src/session/' },
      to: { path: '^src/(ui|store|editor|mock|live|inspector|site)/' },
    },
    {
      name: 'backend-not-up',
      severity: 'error',
      comment: 'The backend is imported by the runner and the UI and imports neither.',
      from: { path: '^src/backend/' },
      to: { path: '^src/(ui|session|runner|store|editor|lessons|inspector|site)/' },
    },
    {
      name: 'emulator-stands-alone',
      severity: 'error',
      comment: 'src/mock is the pure emulator: it imports only itself and src/anthropic-api.ts.',
      from: { path: '^src/mock/' },
      to: { path: '^src/', pathNot: '^src/(mock/|anthropic-api\\.ts$)' },
    },
    {
      name: 'live-stands-alone',
      severity: 'error',
      from: { path: '^src/live/' },
      to: { path: '^src/', pathNot: '^src/(live/|anthropic-api\\.ts$)' },
    },
    {
      name: 'store-stands-alone',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: '^src/store/' },
    },
    {
      name: 'compiler-stands-alone',
      severity: 'error',
      comment: 'The lesson compiler (content → compiler) runs at build time and imports no page layer.',
      from: { path: '^src/lessons/' },
      to: { path: '^src/', pathNot: '^src/lessons/' },
    },
    {
      name: 'editor-only-reads-the-sandbox-globals',
      severity: 'error',
      from: { path: '^src/editor/' },
      to: { path: '^src/', pathNot: '^src/(editor/|lessons/sandbox-globals\\.d\\.ts)' },
    },
    {
      name: 'shared-api-facts-import-nothing',
      severity: 'error',
      from: { path: '^src/anthropic-api\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'nothing-imports-the-ui',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(ui/|main\\.ts$)' },
      to: { path: '^src/ui/' },
    },
  ],
  options: {
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
    doNotFollow: { path: 'node_modules' },
  },
};
