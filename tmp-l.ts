import { generate, textOf } from './test/mock/generate/setup';
const parts = ['grinder', 'boiler', 'pump', 'steam wand', 'drip tray', 'water tank', 'group head', 'portafilter'];
const signs = ['rattles during grinding','blinks its amber light','stops halfway through a shot','leaves water under the base','takes too long to heat','reports a sensor fault'];
function buildManual(entries: number): string {
  const lines = ['# Orbit 7 service manual', 'Each code names the part involved, what the owner sees, and the fix.', ''];
  for (let code = 1; code <= entries; code++) {
    const part = parts[code % parts.length]; const sign = signs[(code * 5) % signs.length];
    lines.push(`## E${String(code).padStart(3, '0')} (${part})`, `The machine ${sign}. Switch it off and let it cool for ${5 + (code % 4) * 5} minutes. ` + `Inspect the ${part} for scale, cracks or loose fittings, then run rinse program ${1 + (code % 3)}. ` + `If the code comes back within seven days, book a service visit and quote reference R-${1000 + code * 7}.`, '');
  }
  return lines.join('\n');
}
const manual = buildManual(40);
for (const q of ['What does E007 mean?', 'The machine shows E007. What should I do?', 'Which part does E020 involve?', 'My machine shows E003 and E011. Which one should I fix first?', 'What does the error E099 mean?', 'How often should I descale it?']) console.log(q, '\n =>', textOf(generate({ system: manual, messages: [{ role: 'user', content: q }] })));
console.log(textOf(generate({ system: manual, messages: [{ role: 'user', content: 'My machine shows E003 and E011. Which one should I fix first?' }, { role: 'assistant', content: 'x' }, { role: 'user', content: 'Done. How long should I wait before using it again?' }] })));
