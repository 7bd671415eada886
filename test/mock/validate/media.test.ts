/** base64 media checks (validate/media.ts). */
import { describe, expect, it } from 'vitest';
import { hello, MODEL, rawPost, testEmulator } from '../helpers';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF_MINIMAL = btoa('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function imageMessage(mediaType: string, data: string) {
  return hello({
    messages: [{
      role: 'user',
      content: [{ type: 'image', source: { type: 'base64', media_type: mediaType, data } }, { type: 'text', text: 'Describe it.' }],
    }],
  });
}

describe('base64 images and PDFs are decoded, as the API does', () => {
  it('accepts a real PNG declared as image/png', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/png', PNG_1X1));
    expect(response.status).toBe(200);
  });

  it('rejects a PNG declared as image/jpeg (media type must match the bytes)', async () => {
    const response = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/jpeg', PNG_1X1));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('image/jpeg');
    expect(body.error.message).toContain('image/png');
  });

  it('rejects data that is not base64 (e.g. a data: URL) and bytes that are no image', async () => {
    const dataUrl = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/png', `data:image/png;base64,${PNG_1X1}`));
    expect(dataUrl.status).toBe(400);
    const notImage = await rawPost(testEmulator(), '/v1/messages', imageMessage('image/png', btoa('hello, not an image')));
    expect(notImage.status).toBe(400);
    expect((await notImage.json()).error.type).toBe('invalid_request_error');
  });

  it('accepts a PDF and rejects bytes that are not one', async () => {
    const documentMessage = (data: string) => hello({
      messages: [{
        role: 'user',
        content: [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data } }, { type: 'text', text: 'Summarize.' }],
      }],
    });
    expect((await rawPost(testEmulator(), '/v1/messages', documentMessage(PDF_MINIMAL))).status).toBe(200);
    const bad = await rawPost(testEmulator(), '/v1/messages', documentMessage(btoa('plain text, not a PDF')));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.type).toBe('invalid_request_error');
  });

  it('count_tokens applies the same check', async () => {
    const { max_tokens: _dropped, ...countParams } = imageMessage('image/gif', PNG_1X1);
    const response = await rawPost(testEmulator(), '/v1/messages/count_tokens', { ...countParams, model: MODEL });
    expect(response.status).toBe(400);
  });
});
