/** `npx tsx src/editor/generate-worker-globals.ts`: rewrites worker-globals.generated.ts (see worker-globals-source.ts). */
import { writeFileSync } from 'node:fs';
import { GENERATED_FILE, generatedModule } from './worker-globals-source';

const text = generatedModule();
writeFileSync(GENERATED_FILE, text);
console.log(`wrote ${GENERATED_FILE} (${(text.length / 1024).toFixed(1)} KB)`);
