/**
 * A cap on how deeply a request body's JSON may nest. The emulator's validators, token counter and generator walk
 * the body recursively; a pathological body (say a tool `input_schema` nested 50,000 levels deep) would overflow the
 * stack and come back as a 500 `api_error`, while a malformed request must get a 400 `invalid_request_error`
 * (REF §3: 400 is "an issue with the format or content of your request", docs: …/api/errors). The real API's exact
 * depth limit is not documented (unverified); 512 levels is far beyond any real request.
 */
export const MAX_JSON_DEPTH = 512;

/** The deepest `[`/`{` nesting in JSON text, scanning once and skipping string contents. Stops early past `limit`. */
export function jsonNestingDepth(text: string, limit: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return deepest;
}
